"""`kind: recall`: with the writer's interview notes (`--interview`, or `interview:` in the context),
the note should mention at least one of their topics: a project, a problem, a name, a question.

Words are compared as a careful reader compares them: by stem ("migrating" mentions "migration"),
one distinctive word being enough ("the Atlas migration" against "Atlas"). Words any note could
contain (the rule's `stock_words`, the most common English words) and the names of the reader, the
company and the role never count as a mention. Without interview notes the rule is silent, and the
draft-alone measure (the `detail_words` metric) judges specificity instead.
"""
from __future__ import annotations

from functools import cached_property
from typing import ClassVar, Iterator, Literal

from pydantic import Field, field_validator

from .. import spelling
from ..interview import stem, words
from ..note import Hit, Note
from ..schema import Guards, RuleBase, no_duplicates
from ..situation import Topic
from ..wording import fill

MIN_WORD = 3


class RecallRule(RuleBase):
    """Fires when the note mentions none of the topics of the writer's interview notes."""

    kind: Literal["recall"]
    stock_words: list[str] = []  # words that never make a mention: interview, team, role ...
    common_rank: int = Field(2000, ge=0)  # nor do the N most frequent English words
    suggest: int = Field(3, ge=1, le=5)  # how many topics the message names
    guards: Guards = Guards(negation=False, quotation=False)
    PLACEHOLDERS: ClassVar[frozenset[str]] = frozenset({"topics"})

    @field_validator("stock_words")
    @classmethod
    def _words_once(cls, values: list[str]) -> list[str]:
        return no_duplicates(values)

    @cached_property
    def stock(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.stock_words)


def key_stems(rule: RecallRule, topic: Topic, ignored: frozenset[str]) -> set[str]:
    """The stems of a topic's distinctive words: not stock, not the reader's, company's or role's names,
    and not among the most common English words."""
    common = spelling.common_words(rule.common_rank)
    found = set()
    for word in words(topic.text):
        lower = word.lower().replace("’", "'").removesuffix("'s")
        if len(lower) < MIN_WORD or lower in rule.stock or lower in ignored or lower in common:
            continue
        found.add(stem(lower))
    return found


def _ignored(note: Note) -> frozenset[str]:
    situation = note.situation
    names = [n for person in situation.to for n in person.names()]
    names += words(situation.company or "") + words(situation.role or "")
    return frozenset(n.lower() for n in names)


def find(rule: RecallRule, note: Note) -> Iterator[Hit]:
    topics = note.situation.topics
    if not topics or not note.lines:
        return
    ignored = _ignored(note)
    keyed = [(topic, key_stems(rule, topic, ignored)) for topic in topics]
    keyed = [(topic, stems) for topic, stems in keyed if stems]
    if not keyed:
        return
    said = {stem(t.text) for t in note.word_tokens if not note.in_letterhead(_span(t))}
    if any(stems & said for _, stems in keyed):
        return
    labels = list(dict.fromkeys(topic.label for topic, _ in keyed))[: rule.suggest]
    quoted = [f"'{label}'" for label in labels]
    listed = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
    yield Hit(note.lines[0], fill(rule.message, topics=listed))


def _span(token):  # noqa: ANN001, ANN202
    from ..model import Span

    return Span(token.idx, token.idx + len(token))


Rule = RecallRule  # what the kind registry reads
