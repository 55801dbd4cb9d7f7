"""`kind: required`: a finding when nothing matches in the part of the note the rule looks at."""
from __future__ import annotations

from typing import Iterator, Literal

from ..note import Hit, Note
from ..schema import Guards, Matchable


class RequiredRule(Matchable):
    """Fires when nothing matches in the part of the note it looks at."""

    kind: Literal["required"]
    within: Literal["body", "opening", "closing"] = "body"
    guards: Guards = Guards(negation=False, quotation=True)


def find(rule: RequiredRule, note: Note) -> Iterator[Hit]:
    scope = note.scope(rule.within)
    if any(span.start in scope for span in note.kept(rule)):
        return
    yield Hit(note.lines[-1] if rule.within == "closing" else note.lines[0], rule.message)


Rule = RequiredRule  # what the kind registry reads
