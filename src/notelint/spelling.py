"""Offline spelling: Hunspell's US and British dictionaries, word frequencies, and a typo model.

Decision principle
------------------
A misspelling is a rare or unknown word that one or two *plausible slips* turn into a much more
common word; jargon, product names and foreign words are rare too, but no plausible slip away
from a common word. So, for a word in a note:

1. A word a real dictionary knows is fine: Hunspell's en_US or en_GB dictionary with all the
   forms its affix rules generate (organisation, haematology, cheques, triages), accents ignored
   (résumé = resume). Words we ship (data/words.txt: workplace terms; data/chat.txt: chat
   shorthand, which the casual-tone rule NL1302 reports instead) and words a draft lists in its
   front matter are fine too.
2. A word common in another language (saludos, abrazo, merci: at least once per million words
   there, and ten times more common there than in English text) is not an English misspelling,
   unless it is one doubled or undoubled letter away from a common English word (agressive):
   that slip is so frequent that the English reading wins.
3. Otherwise look for a *common* word (wordfreq Zipf >= 3, about once per million words) at
   least ten times more frequent than the word itself, within a small typo cost. Slips people
   actually make are cheap: doubling or undoubling a letter (comming, begining), swapping two
   letters (recieve) or putting one two places off (greatful), a wrong, missing or extra vowel
   (definately, managment, arguement), a dropped consonant (enviroment), a sound-alike consonant
   (c/s, c/k, s/z, g/j, t/d, m/n). Adding
   a stray consonant or swapping two unrelated consonants is expensive, because that is how new
   words are made (upsert from upset, dedupe next to deduce), not how words are misspelled. The
   budget grows with length: a slip or two in a long word, one cheap slip in a short one.
4. Nothing within budget: the word is jargon, a name or a coinage, and is not reported.
5. A word written with accents that is not an English word with accents (durée, señal) is from
   another language, not a slip.
6. A word outside the dictionaries that English text uses about once in 600,000 words or more
   (ramen, latte) is in use, whatever it is close to; common misspellings are rarer than that.

The data file (data/spelling.txt.gz) is built by scripts/build_spelling_data.py from the
Hunspell dictionaries (run through the spylls port, so every shipped form is one Hunspell
accepts) and wordfreq's frequency lists, and packed into data/lexicon.bin.gz (one sorted string
searched by bisection: 5 MB in memory where sets and dicts took 35 MiB, 0.02 s to load where
parsing took 0.15 s). It is loaded on the first check, never at import, and nothing is ever
downloaded.
"""
from __future__ import annotations

import gzip
import itertools
import re
import unicodedata
from array import array
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

ACRONYMS = frozenset(
    "asap nasa html json http https sql crm erp kpi roi seo sem ceo cfo cto coo hr it ai ml nlp api aws gcp "
    "saas gaap hipaa ferpa gdpr sox ifrs cpa mba phd usa uk eu nyc ucla mit nhs ngo fda sec irs osha scrum "
    "pmp cissp ux ui qa ios okr cad gis ehr emr icu rn lpn cna dei esg pto rsvp faq pdf csv nato unicef ibm "
    "sap kyc aml fintech lean agile stem excel vba java rust swift ruby perl oracle cobol fortran basic".split()
)

COMMON_ZIPF = 30        # a correction must be at least this common (Zipf x 10: once per million words)
MORE_COMMON_BY = 10     # ... and this much more common than the word itself (Zipf x 10: ten times)
IN_USE_ZIPF = 32        # a word people write this often (about once in 600,000 words) is in use, not a slip:
                        # ramen, sushi, latte; common misspellings (recieve, definately) sit below 30
VOWELS = frozenset("aeiouy")
SOUND_ALIKE = frozenset({frozenset("cs"), frozenset("ck"), frozenset("sz"), frozenset("gj"), frozenset("td"),
                         frozenset("mn")})
# Typo costs, for turning what was written into what was meant.
DOUBLING = 0.25         # comming, begining, occured
SWAP = 0.5              # recieve
SHIFT = 0.75            # greatful: a letter written two places early or late
VOWEL = 0.5             # definately, seperate
VOWEL_MISSING = 0.6     # managment (leaving a letter out is the commonest slip)
VOWEL_EXTRA = 0.7       # arguement
CONSONANT_MISSING = 0.75      # enviroment
CONSONANT_ALIKE = 0.75        # neccesary -> necessary is doubling; licence/license is sound-alike
CONSONANT_EXTRA = 1.5   # upsert: how words are coined, not how they are misspelled
CONSONANT_OTHER = 1.5   # dedupe / deduce
STRICT_BUDGET = 0.75    # capitalised words: only a clear slip (Sincerly, Regrads)


def budget(length: int) -> float:
    """Typo cost allowed in a word of this length: one cheap slip when short, two from nine letters."""
    if length <= 4:
        return 0.5
    return 1.0 if length <= 8 else 1.5


def fold(word: str) -> str:
    """Lower case with accents dropped: Résumé -> resume."""
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode("ascii").lower()


def _word_list(name: str) -> frozenset[str]:
    text = resources.files("notelint").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return frozenset(
        line.split("#")[0].strip().lower() for line in text.splitlines() if line.split("#")[0].strip()
    )


@lru_cache(maxsize=1)
def shipped_words() -> frozenset[str]:
    """Workplace and technology words the dictionaries lack (data/words.txt)."""
    return _word_list("words.txt")


@lru_cache(maxsize=1)
def chat_shorthand() -> frozenset[str]:
    """Chat abbreviations (lmk, thx): a matter of tone for NL1302, never reported as misspellings."""
    return _word_list("chat.txt")


class _Table:
    """The shipped words in one sorted string, looked up by binary search: a few megabytes where Python
    sets and dicts of the same 250,000 words took 35 MiB, and read in one go instead of parsed."""

    def __init__(self, words: str, offsets: array, flags: bytes, zipf: bytes) -> None:
        self.words, self.offsets, self.flags, self.zipf = words, offsets, flags, zipf

    @lru_cache(maxsize=65536)  # noqa: B019 - one table per process, and words repeat
    def find(self, word: str) -> int:
        """The word's index, or -1."""
        words, offsets = self.words, self.offsets
        low, high = 0, len(offsets) - 1
        while low < high:
            middle = (low + high) // 2
            here = words[offsets[middle] : offsets[middle + 1] - 1]
            if here == word:
                return middle
            if here < word:
                low = middle + 1
            else:
                high = middle
        return -1


class _Kind:
    """The table's words of one kind, as a set-like view: `word in lexicon().words`."""

    def __init__(self, table: _Table, bit: int) -> None:
        self.table, self.bit = table, bit

    def __contains__(self, word: str) -> bool:
        index = self.table.find(word)
        return index >= 0 and bool(self.table.flags[index] & self.bit)


class _Zipf:
    """Zipf frequency x 10 by word, 0 where unknown, as a read-only mapping."""

    def __init__(self, table: _Table) -> None:
        self.table = table

    def get(self, word: str, default: int = 0) -> int:
        index = self.table.find(word)
        return self.table.zipf[index] if index >= 0 and self.table.zipf[index] else default

    def __getitem__(self, word: str) -> int:
        value = self.get(word, -1)
        if value < 0:
            raise KeyError(word)
        return value


WORD, NAME, FOREIGN, HAS_ZIPF = 1, 2, 4, 8  # flags of a word in the table
COMPACT_MAGIC = b"notelint-lexicon 1\n"


@dataclass
class Lexicon:
    """The shipped word data: what Hunspell knows, frequencies, foreign words, correction pool."""

    words: _Kind     # Hunspell knows it in lower case
    names: _Kind     # Hunspell knows it only capitalised
    foreign: _Kind   # common in es/fr/it/pt/de/nl
    zipf: _Zipf      # English Zipf frequency x 10, where known
    pool: dict[int, list[str]] = field(default_factory=dict)  # common lower-case words by length


def compact(raw_gz: bytes) -> bytes:
    """data/spelling.txt.gz in the form notelint reads (data/lexicon.bin.gz, uncompressed): the words sorted in one
    string, their offsets, a flags byte and a Zipf byte each, and the correction pool in file order.
    A later block of the text file overrides an earlier one's frequency, as reading it line by line did."""
    import hashlib
    import json

    flags: dict[str, int] = {}
    zipf: dict[str, int] = {}
    pool: list[str] = []
    z, kind = 0, ""
    for line in gzip.decompress(raw_gz).decode("utf-8").splitlines():
        if line.startswith("#"):
            continue
        if line.startswith("@"):
            kind, number = line[1:].split()
            z = int(number)
            continue
        for w in line.split():
            flags[w] = flags.get(w, 0) | {"word": WORD, "name": NAME, "foreign": FOREIGN}.get(kind, 0)
            if z and kind != "foreign":
                zipf[w] = z
                flags[w] |= HAS_ZIPF
                if kind == "word" and z >= COMMON_ZIPF:
                    pool.append(w)
    ordered = sorted(flags)
    text = "".join(w + "\n" for w in ordered)
    offsets = array("I", [0])
    for w in ordered:
        offsets.append(offsets[-1] + len(w) + 1)
    header = {"words": len(ordered), "text": len(text.encode("utf-8")), "pool": len(" ".join(pool).encode("utf-8")),
              "source": hashlib.sha256(raw_gz).hexdigest()}
    return b"".join([
        COMPACT_MAGIC, json.dumps(header, sort_keys=True).encode() + b"\n", text.encode("utf-8"),
        offsets.tobytes(), bytes(flags[w] for w in ordered), bytes(zipf.get(w, 0) for w in ordered),
        " ".join(pool).encode("utf-8"),
    ])


def _read_compact(data: bytes) -> Lexicon:
    import json

    header_end = data.index(b"\n", len(COMPACT_MAGIC))
    header = json.loads(data[len(COMPACT_MAGIC):header_end])
    at = header_end + 1
    n = header["words"]
    text = data[at : at + header["text"]].decode("utf-8")
    at += header["text"]
    offsets = array("I")
    offsets.frombytes(data[at : at + 4 * (n + 1)])
    at += 4 * (n + 1)
    flags, zipf = data[at : at + n], data[at + n : at + 2 * n]
    at += 2 * n
    table = _Table(text, offsets, flags, zipf)
    pool: dict[int, list[str]] = {}
    for w in data[at : at + header["pool"]].decode("utf-8").split():
        pool.setdefault(len(w), []).append(w)
    return Lexicon(_Kind(table, WORD), _Kind(table, NAME), _Kind(table, FOREIGN), _Zipf(table), pool)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load data/lexicon.bin.gz on first use: one read and a decompression, no parsing.

    It is built from data/spelling.txt.gz (`compact`); should the two ever disagree (the text
    file rebuilt, the compact one not), the text file is read instead, so a stale table is never
    trusted. A test checks that the shipped pair agrees.
    """
    import hashlib

    data = resources.files("notelint").joinpath("data")
    raw_gz = data.joinpath("spelling.txt.gz").read_bytes()
    try:
        packed = gzip.decompress(data.joinpath("lexicon.bin.gz").read_bytes())
        if packed.startswith(COMPACT_MAGIC) and hashlib.sha256(raw_gz).hexdigest().encode() in packed[:300]:
            return _read_compact(packed)
    except (OSError, ValueError, KeyError, EOFError):
        pass
    return _read_compact(compact(raw_gz))


def _typo_cost(written: str, meant: str) -> float:
    """Weighted edit distance (with adjacent swaps) under the slip costs in the module docstring."""
    n, m = len(written), len(meant)

    def doubled(s: str, i: int) -> bool:  # the second of a pair: one slip per pair, not two
        return i > 0 and s[i - 1] == s[i]

    def extra(i: int) -> float:  # written[i] should not be there
        c = written[i]
        if doubled(written, i):
            return DOUBLING
        return VOWEL_EXTRA if c in VOWELS else CONSONANT_EXTRA

    def missing(j: int) -> float:  # meant[j] was left out
        c = meant[j]
        if doubled(meant, j):
            return DOUBLING
        return VOWEL_MISSING if c in VOWELS else CONSONANT_MISSING

    def substitute(a: str, b: str) -> float:
        if a == b:
            return 0.0
        if a in VOWELS and b in VOWELS:
            return VOWEL
        if frozenset((a, b)) in SOUND_ALIKE:
            return CONSONANT_ALIKE
        return CONSONANT_OTHER

    d = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        d[i][0] = d[i - 1][0] + extra(i - 1)
    for j in range(1, m + 1):
        d[0][j] = d[0][j - 1] + missing(j - 1)
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            best = min(
                d[i - 1][j] + extra(i - 1),
                d[i][j - 1] + missing(j - 1),
                d[i - 1][j - 1] + substitute(written[i - 1], meant[j - 1]),
            )
            if i > 1 and j > 1 and written[i - 1] == meant[j - 2] and written[i - 2] == meant[j - 1]:
                best = min(best, d[i - 2][j - 2] + SWAP)
            if i > 2 and j > 2:
                a, b = written[i - 3 : i], meant[j - 3 : j]
                if a != b and b in (a[1:] + a[0], a[2] + a[:2]):
                    best = min(best, d[i - 3][j - 3] + SHIFT)
            d[i][j] = best
    return d[n][m]


def _dictionary_word(lower: str) -> bool:
    lex = lexicon()
    return lower in lex.words or lower in lex.names


def is_known(word: str) -> bool:
    """True for a word Hunspell's en_US or en_GB dictionary knows (any inflection, accents ignored),
    a shipped workplace term or chat abbreviation."""
    lower = fold(word)
    return lower in shipped_words() or lower in chat_shorthand() or _dictionary_word(lower)


def _correction(lower: str, allowed: float) -> tuple[str, float] | None:
    """The likeliest common word a plausible slip away (see the module docstring), with its cost."""
    from rapidfuzz.distance import Levenshtein
    from rapidfuzz.process import extract

    lex = lexicon()
    own = lex.zipf.get(lower, 0)
    found: list[tuple[float, int, str]] = []
    for length in range(len(lower) - 3, len(lower) + 4):
        pool = lex.pool.get(length)
        if not pool:
            continue
        for candidate, _, _ in extract(lower, pool, scorer=Levenshtein.distance, score_cutoff=3, limit=None):
            z = lex.zipf[candidate]
            if z - own < MORE_COMMON_BY:
                continue
            cost = _typo_cost(lower, candidate)
            if cost <= allowed:
                found.append((cost, -z, candidate))
    if not found:
        return None
    cost, _, best = min(found)
    return best, cost


@lru_cache(maxsize=8192)  # a class of students repeats its misspellings; each search takes ~8 ms
def suggest(word: str, strict: bool = False) -> str | None:
    """The correction of a likely misspelling, or None when the word is known, foreign or jargon.

    `strict` (for capitalised words, which may be names) accepts only one clear slip.
    """
    lower = fold(word)
    if not lower.isalpha() or is_known(lower) or lexicon().zipf.get(lower, 0) >= IN_USE_ZIPF:
        return None
    if lower != word.lower():
        return None  # written with accents and not an English word with accents (résumé): another language
    allowed = budget(len(lower))
    if strict:
        allowed = min(allowed, STRICT_BUDGET)
    if lower in lexicon().foreign:
        allowed = min(allowed, DOUBLING)
    found = _correction(lower, allowed)
    if found is None:
        return None
    best = found[0]
    if word[:1].isupper():
        best = best.upper() if word.isupper() and len(word) > 1 else best.capitalize()
    return best


LETTERS = re.compile(r"[^\W\d_]{2,}")  # a word of two letters or more, in any script
SEEN_ZIPF = 20  # a word English text uses about once in ten million words or more is English enough here
LANGUAGE_SAMPLE_WORDS = 200  # a note's first 200 words say what language it is in


def english_share(text: str) -> tuple[float, int]:
    """The share of a text's first words (two letters or more) that are English, and how many were read.

    Names, jargon and slips keep an English note above 0.85 (the lowest of the 1,500 labelled
    drafts: 0.88); a note in Estonian or Spanish sits near 0.3, its English being names and loans.
    """
    words = [m.group() for m in itertools.islice(LETTERS.finditer(text), LANGUAGE_SAMPLE_WORDS)]
    if not words:
        return 1.0, 0
    zipf = lexicon().zipf
    english = sum(1 for w in words if is_known(w) or zipf.get(fold(w), 0) >= SEEN_ZIPF)
    return english / len(words), len(words)


@lru_cache(maxsize=4)
def common_words(count: int) -> frozenset[str]:
    """The `count` most frequent English words (data/common.txt, up to 5,000), for NL201."""
    if count <= 0:
        return frozenset()
    text = resources.files("notelint").joinpath("data/common.txt").read_text(encoding="utf-8")
    return frozenset([line for line in text.splitlines() if line and not line.startswith("#")][:count])


def is_english_word(word: str) -> bool:
    """True for an ordinary dictionary word (so 'REALLY' is shouting), false for acronyms."""
    lower = fold(word)
    return lower not in ACRONYMS and lower in lexicon().words
