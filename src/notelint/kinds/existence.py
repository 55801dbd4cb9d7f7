"""`kind: existence`: a finding on every match of a phrase, token pattern or regex."""
from __future__ import annotations

from typing import ClassVar, Iterator, Literal

from .. import spelling
from ..note import Hit, Note
from ..schema import Matchable


class ExistenceRule(Matchable):
    """Fires on every match of a phrase, token pattern or regex."""

    kind: Literal["existence"]
    # english-word: keep only matches that are English words ("THANK" shouts, "NASA" does not)
    filter: Literal["english-word"] | None = None
    PLACEHOLDERS: ClassVar[frozenset[str]] = frozenset({"match"})


def find(rule: ExistenceRule, note: Note) -> Iterator[Hit]:
    for span in note.kept(rule):
        words = note.words(span)
        if rule.filter == "english-word" and not spelling.is_english_word(words):
            continue
        yield Hit(span, rule.message.format(match=words))


Rule = ExistenceRule  # what the kind registry reads
