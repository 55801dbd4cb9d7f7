"""Reasons a match is not a problem: negation, quotation, neighbouring words, context."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .schema import ContextFilter

if TYPE_CHECKING:
    from spacy.tokens import Doc

NEGATIONS = frozenset(
    {"not", "never", "no", "without", "nor", "neither", "instead", "rather", "avoid", "refrain", "against",
     "nothing", "none", "hardly", "resist"}
)
# Words that close the clause a negation can reach: "I won't call, but I'll send flowers".
CLAUSE_BREAKS = frozenset({";", ":", "—", "–", "but", "however", "although", "though", "yet", "whereas", "so", "while"})
SUBJECTS = frozenset({"i", "we", "you", "he", "she", "they", "it"})
QUOTE_PAIRS = re.compile(r'"[^"\n]*(?:\n(?!\s*\n)[^"\n]*)*"|“[^”]*”')
EMAIL_QUOTE = re.compile(r"^[ \t]*>.*$", re.MULTILINE)


def applies(context_filter: ContextFilter, context: dict[str, str]) -> bool:
    """True unless a known context value falls outside `only` or inside `skip`."""
    for key, values in context_filter.only.items():
        if key in context and context[key] not in values:
            return False
    for key, values in context_filter.skip.items():
        if key in context and context[key] in values:
            return False
    return True


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges inside double quotes (straight or curly, within a paragraph) or '>' quoted lines."""
    ranges = [m.span() for m in QUOTE_PAIRS.finditer(text)]
    ranges += [m.span() for m in EMAIL_QUOTE.finditer(text)]
    return sorted(ranges)


def inside(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(begin <= start and end <= stop for begin, stop in ranges)


def _starts_clause(doc: Doc, i: int) -> bool:
    token = doc[i]
    if token.lower_ in CLAUSE_BREAKS:
        return True
    following = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    return token.lower_ in {",", "and", "."} and following in SUBJECTS


def negated(doc: Doc, start: int) -> bool:
    """True when a negation word stands earlier in the same clause as token `start`."""
    for i in range(start - 1, -1, -1):
        if doc[i + 1].is_sent_start or _starts_clause(doc, i):  # the clause or sentence began after i
            return False
        if doc[i].norm_ in NEGATIONS or doc[i].lower_ in NEGATIONS:
            return True
    return False


def neighbour_blocks(doc: Doc, start: int, end: int, followed: list[str], preceded: list[str]) -> bool:
    """True when the word right after (or before) the match is one the rule says changes its sense."""
    if followed and end < len(doc) and doc[end].lower_ in followed:
        return True
    return bool(preceded) and start > 0 and doc[start - 1].lower_ in preceded
