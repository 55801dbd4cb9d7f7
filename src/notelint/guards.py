"""Reasons a match is not a problem: negation, quotation, neighbouring words, context."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .model import Span
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
# A negation governs the few words after it, not the rest of its clause: "I won't call", "I know you
# can't accept gifts", "I'd never dream of sending flowers".
NEGATION_REACH = 6
# Negations that, with the word after them, say something positive about what follows:
# "I can't wait to send you a gift basket", "not only ... but", "no doubt".
NOT_NEGATING_BEFORE = frozenset({"wait", "only", "just", "doubt", "matter", "stop", "help"})
CONTEXT_PHRASES = {
    ("audience", "hiring-manager"): "to the hiring manager",
    ("audience", "interviewer"): "to an interviewer",
    ("audience", "panel"): "to a panel",
    ("audience", "recruiter"): "to a recruiter",
    ("audience", "referrer"): "to someone who referred you",
    ("stage", "phone-screen"): "after a phone screen",
    ("stage", "interview"): "after an interview",
    ("stage", "after-offer"): "about an offer",
    ("stage", "rejection"): "a reply to a rejection",
    ("medium", "email"): "an email",
    ("medium", "card"): "a card",
    ("medium", "linkedin"): "a LinkedIn message",
    ("medium", "text"): "a text or chat message",
}
QUOTE_PAIRS = re.compile(r'"[^"\n]*(?:\n(?!\s*\n)[^"\n]*)*"|“[^”]*”')
EMAIL_QUOTE = re.compile(r"^[ \t]*>.*$", re.MULTILINE)


def applies(context_filter: ContextFilter, context: dict[str, str]) -> bool:
    """True unless a known context value falls outside `only` or inside `skip`."""
    for key, values in context_filter.only.items():
        if key in context and context[key] not in values:
            return False
    if kept(context_filter, context):
        return True
    for key, values in context_filter.skip.items():
        if key in context and context[key] in values:
            return False
    return True


def kept(context_filter: ContextFilter, context: dict[str, str]) -> bool:
    """True when a known context value is one the rule keeps applying in, whatever `skip` says."""
    return any(key in context and context[key] in values for key, values in context_filter.keep.items())


def context_hint(context_filter: ContextFilter, stated: dict[str, str]) -> str | None:
    """For a rule limited by context the user did not state, the context under which it would not apply.

    "fine if this note is to a recruiter or to someone who referred you: set `audience: recruiter`"
    """
    from .schema import CONTEXT_VALUES

    for key in CONTEXT_VALUES:
        if key in stated:
            continue
        if key in context_filter.skip and kept(context_filter, stated):
            continue  # the stated situation keeps the rule on, whatever this key is
        if key in context_filter.skip:
            off = list(context_filter.skip[key])
        elif key in context_filter.only:
            off = [v for v in CONTEXT_VALUES[key] if v not in context_filter.only[key]]
        else:
            continue
        if off:
            described = " or ".join(CONTEXT_PHRASES[(key, v)] for v in off)
            return f"fine if this note is {described}: set `{key}: {off[0]}`"
    return None


def quoted_ranges(text: str) -> list[Span]:
    """Character ranges inside double quotes (straight or curly, within a paragraph) or '>' quoted lines."""
    ranges = [Span(*m.span()) for m in QUOTE_PAIRS.finditer(text)]
    ranges += [Span(*m.span()) for m in EMAIL_QUOTE.finditer(text)]
    return sorted(ranges)


def inside(ranges: list[Span], span: Span) -> bool:
    return any(r.start <= span.start and span.end <= r.end for r in ranges)


def _starts_clause(doc: Doc, i: int) -> bool:
    token = doc[i]
    if token.lower_ in CLAUSE_BREAKS:
        return True
    following = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    return token.lower_ in {",", "and", "."} and following in SUBJECTS


def _is_negation(doc: Doc, i: int) -> bool:
    if doc[i].norm_ not in NEGATIONS and doc[i].lower_ not in NEGATIONS:
        return False
    following = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    return following not in NOT_NEGATING_BEFORE


def negated(doc: Doc, start: int) -> bool:
    """True when a negation stands a few words before token `start`, in the same clause."""
    for i in range(start - 1, max(-1, start - 1 - NEGATION_REACH), -1):
        if doc[i + 1].is_sent_start or _starts_clause(doc, i):  # the clause or sentence began after i
            return False
        if _is_negation(doc, i):
            return True
    return False


def neighbour_blocks(doc: Doc, start: int, end: int, followed: list[str], preceded: list[str]) -> bool:
    """True when the word right after (or before) the match is one the rule says changes its sense."""
    if followed and end < len(doc) and doc[end].lower_ in followed:
        return True
    return bool(preceded) and start > 0 and doc[start - 1].lower_ in preceded


def _is_name(token) -> bool:  # noqa: ANN001
    return token.is_title and len(token) > 1 and not token.is_sent_start


def next_to_name(doc: Doc, start: int, end: int) -> bool:
    """True when the word before or after the match is capitalised mid-sentence, so the match is part of a name."""
    return (start > 0 and _is_name(doc[start - 1])) or (end < len(doc) and _is_name(doc[end]))
