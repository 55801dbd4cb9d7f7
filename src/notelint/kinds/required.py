"""`kind: required`: a finding when nothing matches in the part of the note the rule looks at."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator, Literal

from pydantic import PrivateAttr

from ..note import Hit, Note
from ..parts import SIGNOFF_ALONE
from ..schema import Guards, Matchable
from .classifier import Reading, carriers, model_folder


class RequiredRule(Matchable):
    """Fires when nothing matches in the part of the note it looks at."""

    kind: Literal["required"]
    within: Literal["body", "opening", "closing"] = "body"
    guards: Guards = Guards(negation=False, quotation=True)
    # a sentence a trained classifier reads as carrying the meaning satisfies the rule too: "that's a
    # team I would jump into tomorrow" says the writer wants the job in words no list holds
    accept: Reading | None = None
    _folder: Path | None = PrivateAttr(None)  # the rule file's folder, set when the pack is loaded


def find(rule: RequiredRule, note: Note) -> Iterator[Hit]:
    scope = note.scope(rule.within)
    if any(span.start in scope and not _signoff_alone(rule, note, span) for span in note.kept(rule)):
        return
    if rule.accept is not None and any(
        span.start in scope for span, _ in carriers(rule.accept, model_folder(rule._folder, rule.accept.model), note)
    ):
        return
    yield Hit(note.lines[-1] if rule.within == "closing" else note.lines[0], rule.message)


def _signoff_alone(rule: RequiredRule, note: Note, span) -> bool:  # noqa: ANN001 - a Span
    """A closing line that is only a sign-off ("Cheers") looks like a one-word name; it is not one."""
    return rule.within == "closing" and SIGNOFF_ALONE.fullmatch(note.text, span.start, span.end) is not None


Rule = RequiredRule  # what the kind registry reads
