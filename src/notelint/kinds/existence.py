"""`kind: existence`: a finding on every match of a phrase, token pattern or regex."""
from __future__ import annotations

from typing import ClassVar, Iterator, Literal

from pydantic import model_validator

from .. import spelling
from ..note import Hit, Note
from ..schema import Matchable
from ..wording import fill


class ExistenceRule(Matchable):
    """Fires on every match of a phrase, token pattern or regex."""

    kind: Literal["existence"]
    # english-word: keep only matches that are English words ("THANK" shouts, "NASA" does not)
    filter: Literal["english-word"] | None = None
    PLACEHOLDERS: ClassVar[frozenset[str]] = frozenset({"match"})

    @model_validator(mode="after")
    def _fix_says_what(self) -> "ExistenceRule":
        if self.fix is not None and self.fix.replace is None:
            raise ValueError("fix: an existence rule's fix needs `replace:` (what the matched words become)")
        return self


def find(rule: ExistenceRule, note: Note) -> Iterator[Hit]:
    for span in note.kept(rule):
        words = note.words(span)
        if rule.filter == "english-word" and not spelling.is_english_word(words):
            continue
        fix = rule.fix.replace if rule.fix and rule.fix.applies(words) else None
        yield Hit(span, fill(rule.message, match=words), fix)


Rule = ExistenceRule  # what the kind registry reads
