"""Counts and readability measured on a parsed note, offline."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PARAGRAPH = re.compile(r"\S(?:.*\S)?(?:\n[ \t]*\S.*)*")
MIN_WORDS_FOR_READABILITY = 40


@dataclass(frozen=True)
class Measure:
    """A measured value and the character range it belongs to (relative to the body)."""

    value: float
    start: int
    end: int


def is_word(token: Token) -> bool:
    return any(ch.isalnum() for ch in token.text)


def words(doc: Doc) -> list[Token]:
    return [t for t in doc if is_word(t)]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Character ranges of blank-line-separated paragraphs."""
    return [m.span() for m in PARAGRAPH.finditer(text)]


def word_count_measures(doc: Doc, ranges: list[tuple[int, int]]) -> list[Measure]:
    """Words inside each range (a sentence or a paragraph)."""
    offsets = [t.idx for t in words(doc)]
    return [Measure(sum(start <= o < end for o in offsets), start, end) for start, end in ranges]


def sentence_ranges(doc: Doc) -> list[tuple[int, int]]:
    ranges = []
    for sent in doc.sents:
        tokens = [t for t in sent if not t.is_space]
        if tokens and any(is_word(t) for t in tokens):
            ranges.append((tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)))
    return ranges


def detail_words(doc: Doc, stock: frozenset[str], common: frozenset[str] = frozenset()) -> int:
    """Distinct lower-case content words that are not stock thank-you vocabulary.

    Names and greetings are capitalised, function words are spaCy stop words, and the
    stock list holds what any note says (thanks, role, opportunity, excited ...);
    what is left are the words only a real conversation supplies (billing, triage, clinic).
    """
    seen = {
        t.lower_ for t in doc
        if t.is_alpha and t.is_lower and len(t) > 2 and not t.is_stop
        and t.lower_ not in stock and t.lower_ not in common
    }
    return len(seen)


def flesch_reading_ease(text: str) -> float:
    """Flesch reading ease of the prose, with syllables from the shipped CMU dictionary."""
    from .syllables import patched_textstat

    return float(patched_textstat().flesch_reading_ease(text))
