"""Offline spelling: pyspellchecker's English word list plus workplace vocabulary we ship."""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    from spellchecker import SpellChecker


@lru_cache(maxsize=1)
def shipped_words() -> frozenset[str]:
    """Workplace and technology words the general dictionary lacks (roadmap, onboarding ...)."""
    text = resources.files("notelint").joinpath("data/words.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


ACRONYMS = frozenset(
    "asap nasa html json http https sql crm erp kpi roi seo sem ceo cfo cto coo hr it ai ml nlp api aws gcp "
    "saas gaap hipaa ferpa gdpr sox ifrs cpa mba phd usa uk eu nyc ucla mit nhs ngo fda sec irs osha scrum "
    "pmp cissp ux ui qa ios okr cad gis ehr emr icu rn lpn cna dei esg pto rsvp faq pdf csv nato unicef ibm "
    "sap kyc aml fintech lean agile stem excel vba java rust swift ruby perl oracle cobol fortran basic".split()
)


@lru_cache(maxsize=1)
def checker() -> SpellChecker:
    from spellchecker import SpellChecker

    return SpellChecker(language="en", distance=1)  # suggest() chooses how far to search


BRITISH_ENDINGS = (
    ("isation", "ization"), ("isations", "izations"), ("ise", "ize"), ("ised", "ized"), ("ises", "izes"),
    ("ising", "izing"), ("our", "or"), ("ours", "ors"), ("oured", "ored"), ("ouring", "oring"),
    ("ourite", "orite"), ("ourable", "orable"), ("yse", "yze"), ("ysed", "yzed"), ("ysing", "yzing"),
    ("tre", "ter"), ("tres", "ters"), ("ogue", "og"), ("ogues", "ogs"), ("lled", "led"), ("lling", "ling"),
    ("ence", "ense"), ("mme", "m"), ("mmes", "ms"), ("ould", "old"), ("oulding", "olding"), ("oulded", "olded"),
)
MAX_LENGTH_FOR_TWO_EDITS = 8
SUFFIXES = ("s", "es", "ed", "d", "ing", "er", "ers", "ly", "ery")


def _plain(word: str) -> str:
    """Strip accents: résumé -> resume."""
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode("ascii")


def _in_dictionary(word: str) -> bool:
    return word in shipped_words() or word in checker()


def _variants(word: str) -> Iterator[str]:
    """Spellings that count as the same word: accents dropped, British endings, inflections."""
    yield _plain(word)
    for british, american in BRITISH_ENDINGS:
        if word.endswith(british):
            yield word[: -len(british)] + american
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            yield stem
            if suffix in ("ed", "ing", "er", "ers"):
                yield stem + "e"  # baked -> bake, but not sincerly -> sincere
            if len(stem) > 3 and stem[-1] == stem[-2]:
                yield stem[:-1]  # patroller -> patrol


def _compound(word: str) -> bool:
    """Two known words run together (wastewater, lakehouse), unless one letter away from a real word."""
    halves = any(
        _in_dictionary(word[:i]) and _in_dictionary(word[i:]) for i in range(3, len(word) - 2)
    )
    return halves and not checker().known(checker().edit_distance_1(word))


def is_known(word: str) -> bool:
    """True when the word, or a British, accented or inflected form of it, is in the dictionary."""
    lower = word.lower()
    if _in_dictionary(lower) or any(_in_dictionary(v) for v in _variants(lower)):
        return True
    return len(lower) >= 7 and _compound(lower)


@lru_cache(maxsize=4)
def common_words(count: int) -> frozenset[str]:
    """The `count` most frequent words of the dictionary's English frequency list."""
    if count <= 0:
        return frozenset()
    frequencies = checker().word_frequency.dictionary
    return frozenset(sorted(frequencies, key=frequencies.__getitem__, reverse=True)[:count])


def is_english_word(word: str) -> bool:
    """True for an ordinary dictionary word (so 'REALLY' is shouting), false for acronyms."""
    lower = word.lower()
    return lower not in ACRONYMS and lower in checker()


def suggest(word: str) -> str | None:
    """The most likely correction of an unknown word, or None when nothing is close.

    One edit away first; two edits only for short words, where that search stays cheap.
    """
    spell, lower = checker(), word.lower()
    candidates = spell.known(spell.edit_distance_1(lower))
    if not candidates and len(lower) <= MAX_LENGTH_FOR_TWO_EDITS:
        candidates = spell.known(spell.edit_distance_2(lower))
    if not candidates:
        return None
    best = max(sorted(candidates), key=spell.word_usage_frequency)
    return best if best != lower else None
