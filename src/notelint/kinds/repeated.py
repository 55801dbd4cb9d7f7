"""`kind: repeated`: a finding when the same word or phrase comes back more often than `max` times.

"Passionate" once is enthusiasm; three times is a template. The finding points at the first use
past the limit. This kind is also the worked example of adding a kind in docs/writing-rules.md.
"""
from __future__ import annotations

from collections import Counter
from typing import ClassVar, Iterator, Literal

from pydantic import Field

from ..model import fold_words
from ..note import Hit, Note
from ..schema import Matchable
from ..wording import fill


class RepeatedRule(Matchable):
    """Fires on each use of a phrase past the `max` uses a note may make of it."""

    kind: Literal["repeated"]
    max: int = Field(ge=1)
    PLACEHOLDERS: ClassVar[frozenset[str]] = frozenset({"match", "count", "limit"})
    COUNTS: ClassVar[frozenset[str]] = frozenset({"count", "limit"})

    def limits(self) -> str:
        return f"Uses of the same phrase: at most {self.max}"


def find(rule: RepeatedRule, note: Note) -> Iterator[Hit]:
    spans = note.kept(rule)
    keys = [fold_words(note.words(span)) for span in spans]
    totals, uses = Counter(keys), Counter()
    for span, key in zip(spans, keys):
        uses[key] += 1
        if uses[key] == rule.max + 1:
            yield Hit(span, fill(rule.message, match=note.words(span), count=totals[key], limit=rule.max))


Rule = RepeatedRule  # what the kind registry reads
