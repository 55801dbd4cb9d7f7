"""`kind: context`: reads the note's situation (stage, audience, medium) from what it says.

A context rule reports nothing. Its first match, inside the part of the note it looks at, is a
guess at its context value, unless front matter or --context stated that key already. The guess
is confident, and used by the other rules' `context:` filters, only when nothing in the note
argues against it: none of the rule's `doubts` matches anywhere. "Thank you for the offer" reads as an offer note; "thank you
for the offer of a second interview" does not.
"""
from __future__ import annotations

from typing import ClassVar, Iterator, Literal

from pydantic import ConfigDict, Field, model_validator

from ..model import Span
from ..note import Hit, Note
from ..schema import CONTEXT_VALUES, ContextKey, Guards, MatchFields, RuleCore, Strict, Terms


class ContextExamples(Strict):
    """Texts from which the rule must infer its value (`infer`) and texts from which it must not (`pass`)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    infer: list[str] = Field(min_length=1)  # inferred, confidently
    pass_: list[str] = Field(alias="pass", min_length=1)  # not inferred by this rule
    unsure: list[str] = []  # inferred, but the note argues against it, so the guess is not used


class Doubts(MatchFields):
    """Words that, anywhere in the note, make the rule's guess unsure ("offer of a second interview")."""


class Guess(RuleCore):
    """What every rule that guesses the situation has: the key and value it sets, and its examples."""

    code: str = Field(pattern=r"^NL0\d{2}$")
    sets: dict[ContextKey, str] = Field(min_length=1, max_length=1)
    examples: ContextExamples

    REPORTS: ClassVar[bool] = False
    category: ClassVar[str] = "context"

    @model_validator(mode="after")
    def _known_value(self) -> "Guess":
        for key, value in self.sets.items():
            if value not in CONTEXT_VALUES[key]:
                raise ValueError(f"sets: {key}: unknown value {value!r}; known: {list(CONTEXT_VALUES[key])}")
        return self

    @property
    def key(self) -> str:
        return next(iter(self.sets))

    @property
    def value(self) -> str:
        return self.sets[self.key]


class ContextRule(Guess, MatchFields):
    """Infers the note's situation from what it says, when nobody stated it."""

    kind: Literal["context"]
    within: Literal["body", "opening", "closing"] = "body"
    # a negation rarely changes the situation: "couldn't have happened without your referral"
    guards: Guards = Guards(negation=False)
    doubts: Doubts | None = None

    def terms(self) -> Terms:
        return MatchFields.terms(self)

    def extra_terms(self) -> dict[str, Terms]:
        return {self.doubt_key: self.doubts.terms()} if self.doubts else {}

    @property
    def doubt_key(self) -> str:
        return f"{self.code}:doubts"


def find(rule: ContextRule, note: Note) -> Iterator[Hit]:
    """The matches that give the situation away; the engine takes the first."""
    scope = note.scope(rule.within)
    for span in note.kept(rule):
        if span.start in scope:
            yield Hit(span, f"{rule.key}: {rule.value}")


def doubts(rule: ContextRule, note: Note) -> list[Span]:
    """Where the note argues against the rule's guess (outside quotations)."""
    return note.kept(rule, rule.doubt_key) if rule.doubts else []


Rule = ContextRule  # what the kind registry reads
