"""`kind: substitution`: a finding on a word or phrase that has a better replacement."""
from __future__ import annotations

import string
from functools import cached_property
from typing import ClassVar, Iterator, Literal

from pydantic import Field, model_validator

from ..model import fold_words
from ..note import Hit, Note
from ..schema import MAX_PHRASES, RuleBase, Terms, no_duplicates
from ..wording import fill


LEAVE_OUT = "(leave it out)"  # a replacement that is no text: the words should go


class SubstitutionRule(RuleBase):
    """Fires on a word or phrase that has a better replacement.

    Entries match whatever their case and spacing ("thx", "Thx", "THX"), and the replacement
    takes the capital of the words it replaces ("Thx" -> "Thank you"). `match_case` lists the
    entries that match only as written: "u" for "you", but not the "U" of "U of T".
    `case_sensitive: true` makes every entry match only as written.

    An entry whose replacement is `(leave it out)` has none: its finding says so with
    `leave_out_message` ("leave 'lol' out" by default) and carries no suggestion.
    """

    kind: Literal["substitution"]
    swap: dict[str, str] = Field(min_length=1, max_length=MAX_PHRASES)
    case_sensitive: bool = False
    match_case: list[str] = []
    leave_out_message: str = Field("leave '{match}' out", min_length=1)  # for entries that are (leave it out)
    PLACEHOLDERS: ClassVar[frozenset[str]] = frozenset({"match", "replacement"})

    @model_validator(mode="after")
    def _leave_out_fields(self) -> "SubstitutionRule":
        used = {name for _, name, _, _ in string.Formatter().parse(self.leave_out_message) if name}
        if used - {"match"}:
            raise ValueError(f"leave_out_message uses unknown field(s) {sorted(used - {'match'})}; it offers ['match']")
        return self

    @model_validator(mode="after")
    def _entries_once(self) -> "SubstitutionRule":
        if not self.case_sensitive:
            no_duplicates(list(self.swap), what="swap")
        no_duplicates(self.match_case, what="match_case")
        unknown = [w for w in self.match_case if w not in self.swap]
        if unknown:
            raise ValueError(f"match_case: {unknown} not among the swap entries")
        return self

    def terms(self) -> Terms:
        return Terms(phrases=tuple(self.swap), case_sensitive=self.case_sensitive)

    @cached_property
    def folded(self) -> dict[str, tuple[str, str]]:
        """Entry folded to lower case and single spaces -> (entry as written, replacement)."""
        return {fold_words(entry): (entry, replacement) for entry, replacement in self.swap.items()}


def _follow_case(written: str, replacement: str) -> str:
    return replacement[:1].upper() + replacement[1:] if written[:1].isupper() else replacement


def find(rule: SubstitutionRule, note: Note) -> Iterator[Hit]:
    exact = set(rule.match_case)
    for span in note.kept(rule):
        words = note.words(span)
        if rule.case_sensitive:
            entry, replacement = words, rule.swap.get(words)
        else:
            entry, replacement = rule.folded.get(fold_words(words), (None, None))
        if replacement is None or (entry in exact and words != entry):
            continue  # same letters, other case: "U" in "U of T" is not "u"
        if fold_words(replacement) == LEAVE_OUT:
            yield Hit(span, fill(rule.leave_out_message, match=words))
            continue
        replacement = _follow_case(words, replacement)
        yield Hit(span, fill(rule.message, match=words, replacement=replacement), replacement)


Rule = SubstitutionRule  # what the kind registry reads
