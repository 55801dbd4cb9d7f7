"""`kind: spelling`: words an offline dictionary does not know and can correct."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar, Iterator, Literal

from .. import guards
from .. import spelling as dictionary
from ..model import Span
from ..note import CLOSING_LINES, Hit, Note
from ..schema import Guards, RuleBase
from ..wording import fill

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SIGNOFF_WORDS = 4  # "With warm regards," / "Thank you again,"


class SpellingRule(RuleBase):
    """Fires on words an offline dictionary does not know and can correct."""

    kind: Literal["spelling"]
    min_length: int = 3
    guards: Guards = Guards(negation=False, quotation=True)
    PLACEHOLDERS: ClassVar[frozenset[str]] = frozenset({"match", "suggestion"})


def find(rule: SpellingRule, note: Note) -> Iterator[Hit]:
    """Lower-case words the dictionaries do not know and that look like a slip of a common word.

    A capitalised word may be a name or a product, so it is checked only where an ordinary
    word is capitalised (a sentence start, the sign-off line), and only for a clear slip;
    names in the greeting and signature lines are known throughout the draft.
    """
    doc = note.doc
    signoff, names = _signoff_and_names(note)
    known = note.draft.known_words | names
    for token in doc:
        word = token.text
        if len(word) < rule.min_length or not word.isalpha() or word.lower() in known or dictionary.is_known(word):
            continue  # most words stop here, before any look at their neighbours
        span = Span(token.idx, token.idx + len(word))
        if (
            token.like_url
            or token.like_email
            or (token.i > 0 and doc[token.i - 1].text in {"@", "#"})
            or _joined_by_hyphen(doc, token)  # pre-screen, multi-site: parts are not words
            or (rule.guards.quotation and guards.inside(note.quoted, span))
        ):
            continue
        if word.islower():
            suggestion = dictionary.suggest(word)
        elif word[0].isupper() and word[1:].islower() and (_starts_sentence(note, token) or token.idx in signoff):
            suggestion = dictionary.suggest(word, strict=True)
        else:
            continue  # a name, an acronym or a product mid-sentence
        if suggestion is not None:
            yield Hit(span, fill(rule.message, match=word, suggestion=suggestion), suggestion)


def _joined_by_hyphen(doc: Doc, token: Token) -> bool:
    before = token.i > 0 and doc[token.i - 1].text in "-‐" and not doc[token.i - 1].whitespace_
    after = token.i + 1 < len(doc) and doc[token.i + 1].text in "-‐" and not token.whitespace_
    return bool(before or after)


def _starts_sentence(note: Note, token: Token) -> bool:
    """First word of a line, or after . ! ? (quotes and brackets allowed in between)."""
    doc = note.doc
    i = token.i - 1
    while i >= 0 and (doc[i].is_space or doc[i].text in {'"', "'", "\u201c", "\u2018", "(", "["}):
        i -= 1
    if i < 0:
        return True
    before = doc[i]
    return before.text in {".", "!", "?", "...", "\u2026"} or "\n" in note.text[before.idx + len(before.text) : token.idx]


def _signoff_and_names(note: Note) -> tuple[Span, frozenset[str]]:
    """The sign-off line, and the names written in the greeting and signature.

    The greeting is the first line; the sign-off is the last short line ending in a comma among
    the closing lines (or, without one, the short line before a short last line); the signature
    is what follows it.
    """
    text, lines = note.text, note.lines
    if not lines:
        return Span(0, 0), frozenset()

    def short(line: Span) -> bool:
        return len(note.words(line).split()) <= SIGNOFF_WORDS

    closing = lines[max(1, len(lines) - CLOSING_LINES) :]
    signoff_at = next(
        (k for k in range(len(closing) - 1, -1, -1) if short(closing[k]) and text[: closing[k].end].rstrip().endswith(",")),
        None,
    )
    if signoff_at is None and len(closing) >= 2 and short(closing[-1]) and short(closing[-2]):
        signoff_at = len(closing) - 2
    signoff = closing[signoff_at] if signoff_at is not None else Span(0, 0)
    signature = closing[signoff_at + 1 :] if signoff_at is not None else closing[-1:] if closing and short(closing[-1]) else []
    names = set()
    for line in [lines[0], *signature]:
        names.update(w.lower() for w in re.findall(r"[^\W\d_]+", note.words(line)) if w[:1].isupper())
    return signoff, frozenset(names)


Rule = SpellingRule  # what the kind registry reads
