"""`kind: classifier`: a finding where a trained sentence classifier reads a meaning no phrase list holds.

The rule names a model (a folder under `models/` beside its rule file, written by `notelint
train` from labelled sentences), the label to read and the threshold. A sentence scoring at or
above it is a finding, with the score in the message ("reads as offering a gift (0.93)"); with
`absent: true` the finding is that no sentence reaches it (a note that never says the writer wants
the job). Sentences inside quotation marks are the reader's or someone else's words, and skipped.
"""
from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path
from typing import ClassVar, Iterator, Literal

from pydantic import Field, PrivateAttr

from .. import classify, guards
from ..note import Hit, Note
from ..schema import Guards, RuleBase, Strict
from ..wording import fill


class Reading(Strict):
    """Which model, which of its labels, and the score from which a sentence counts as carrying it."""

    model: str = Field(pattern=r"^[a-z][a-z0-9_-]*$")
    label: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    threshold: float = Field(gt=0, lt=1)


class ClassifierRule(RuleBase, Reading):
    """Fires on sentences a trained classifier reads as carrying a label (or when none does, with `absent`)."""

    kind: Literal["classifier"]
    absent: bool = False
    # a sentence is reported only when it also holds one of these words (or an amount of money, "$240k"):
    # "I would also want to sit in on the therapeutics committee" reads like a demand but names no term
    needs_words: list[str] = []
    guards: Guards = Guards(negation=False, quotation=True)
    PLACEHOLDERS: ClassVar[frozenset[str]] = frozenset({"match", "score"})
    _folder: Path | None = PrivateAttr(None)  # the rule file's folder, set when the pack is loaded

    def model_folder(self) -> str:
        return model_folder(self._folder, self.model)

    @cached_property
    def needed(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.needs_words)


def model_folder(rule_folder: Path | None, model: str) -> str:
    """Where a rule's model lives: `models/<model>` beside its rule file (the built-in rules' by default)."""
    from ..locations import builtin_rules_dir

    return str((rule_folder or builtin_rules_dir()) / "models" / model)


def carriers(reading: Reading, folder: str, note: Note, quotation: bool = True,
             raising: bool = False) -> list[tuple[object, float]]:
    """The sentences that carry the reading's label, with their scores, quoted ones left out.

    A sentence carries it when it, or one of its clauses, scores at least the threshold; a clause
    alone must also reach classify.CLAUSE_BAR to raise a finding, or classify.CLAUSE_ACCEPT_BAR to
    quiet an "absent" rule.
    """
    quoted = note.quoted if quotation else []
    label, threshold = reading.label, reading.threshold
    clause_threshold = max(threshold, classify.CLAUSE_BAR if raising else classify.CLAUSE_ACCEPT_BAR)
    found = []
    for span, sentence, clauses in classify.sentence_scores(note, folder):
        score = max(sentence.get(label, 0.0) if sentence.get(label, 0.0) >= threshold else 0.0,
                    clauses.get(label, 0.0) if clauses.get(label, 0.0) >= clause_threshold else 0.0)
        if score and not guards.inside(quoted, span):
            found.append((span, score))
    return found


def find(rule: ClassifierRule, note: Note) -> Iterator[Hit]:
    found = carriers(rule, rule.model_folder(), note, rule.guards.quotation, raising=not rule.absent)
    if rule.absent:
        if not found and note.lines:
            yield Hit(note.lines[0], fill(rule.message, match="", score=""))
        return
    for span, score in found:
        words = note.words(span)
        if rule.needed and not _holds(words, rule.needed):
            continue
        yield Hit(span, fill(rule.message, match=" ".join(words.split()), score=f"{score:.2f}"))


AMOUNT = re.compile(r"[£$€₦₹¥]\s?\d|\b\d[\d,.]*\s?[kK]\b|\b\d+\s?/\s?(?:hr|hour|h)\b")  # "$240k", "90k", "22/hr"


def _holds(text: str, needed: frozenset[str]) -> bool:
    """True when the text has one of the needed words, or an amount of money."""
    return bool(AMOUNT.search(text)) or any(w in needed for w in re.findall(r"[\w'’-]+", text.lower()))


Rule = ClassifierRule  # what the kind registry reads
