"""`kind: panel`: rules that compare the notes sent after one interview (same `company` and
`interview_date`, a different `to` each). A single note has nothing to compare, so `find` yields
nothing; `check` runs them over all the drafts it was given, after linting (notelint/panel.py).

- `near-copy`: two notes to different panel members read as one note with the names changed
  (rapidfuzz's ratio of their bodies, names masked, at or above `similarity`); the finding names
  the other note and the sentences the two share (each pair at or above `sentence_similarity`);
- `other-member`: the greeting names another member of the panel, not this note's reader.

Their examples give the other notes under `others:`.
"""
from __future__ import annotations

from typing import ClassVar, Iterator, Literal

from pydantic import Field

from ..note import Hit, Note
from ..schema import Guards, RuleBase


class PanelRule(RuleBase):
    """Compares the notes sent after the same interview; see notelint/panel.py."""

    kind: Literal["panel"]
    check: Literal["near-copy", "other-member"]
    similarity: float = Field(85, ge=50, le=100)  # near-copy: the bodies, names masked
    sentence_similarity: float = Field(90, ge=50, le=100)  # a sentence shared, give or take a word
    guards: Guards = Guards(negation=False, quotation=False)
    PLACEHOLDERS: ClassVar[frozenset[str]] = frozenset({"other", "path", "similarity", "shared", "sentences", "reader"})
    COUNTS: ClassVar[frozenset[str]] = frozenset({"sentences"})


def find(rule: PanelRule, note: Note) -> Iterator[Hit]:
    return iter(())  # one note alone has nothing to compare with


Rule = PanelRule  # what the kind registry reads
