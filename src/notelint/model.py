"""Plain values that flow through the linter: severities, findings, scores, reports."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Severity(str, Enum):
    """How much a finding matters; ordered info < warning < error."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


# the situations a note can be in; rules' `context:` filters and front matter use these values
CONTEXT_VALUES: dict[str, tuple[str, ...]] = {
    "audience": ("hiring-manager", "interviewer", "panel", "recruiter", "referrer"),
    "stage": ("phone-screen", "interview", "after-offer", "rejection"),
    "medium": ("email", "card", "linkedin", "text"),
}
# what to state when a guess is wrong: the situation in which every rule applies in full
CAUTIOUS_VALUES: dict[str, str] = {"audience": "interviewer", "stage": "interview", "medium": "email"}


@dataclass(frozen=True)
class Category:
    """A family of problems, declared with its title and description in a pack's pack.yaml."""

    name: str
    title: str
    description: str


def fold_words(text: str) -> str:
    """Lower case with each run of whitespace as one space: how entries and matched words compare."""
    return " ".join(text.lower().split())


def rule_number(code: str) -> int:
    """NL601 -> 601, so NL1201 sorts after NL301."""
    return int(code[2:])


@dataclass(frozen=True, order=True)
class Span:
    """A range of characters in a note's body: a match, a line, a sentence, a counted word."""

    start: int
    end: int

    def __contains__(self, offset: int) -> bool:
        return self.start <= offset < self.end

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Position:
    """A 1-based line and column in the file as the user sees it."""

    line: int
    column: int


@dataclass(frozen=True)
class Finding:
    """One problem in one draft, located by character offsets into the whole file."""

    rule: str
    name: str
    category: str
    severity: Severity
    message: str
    start: Position
    end: Position
    match: str
    line_text: str
    instead: str
    suggestion: str | None = None
    context_hint: str | None = None  # "fine if this note is to a recruiter: set `audience: recruiter`"
    # set when a confident guess about the situation turned this finding into an info note:
    # "line 3 reads as a note about an offer; if it is not, set `stage: interview`"
    allowed_because: str | None = None

    def sort_key(self) -> tuple[int, int, int]:
        return (self.start.line, self.start.column, rule_number(self.rule))


@dataclass(frozen=True)
class Deduction:
    """Points a rule cost a note."""

    rule: str
    points: int


@dataclass(frozen=True)
class Score:
    """A note's readiness from 0 to 100 and what lowered it."""

    value: int
    band: str
    advice: str
    deductions: tuple[Deduction, ...] = ()


@dataclass(frozen=True)
class Inference:
    """A context value read from the note itself, and the line and rule that gave it away.

    Only a confident guess is used: one the note does not also argue against (`doubt` says how
    it does: "'offer of a second interview' on line 3").
    """

    value: str
    line: int
    rule: str
    confident: bool = True
    doubt: str | None = None


@dataclass(frozen=True)
class FileReport:
    """Everything notelint has to say about one draft."""

    path: str
    findings: tuple[Finding, ...]
    score: Score
    context: dict[str, str] = field(default_factory=dict)  # stated in front matter or --context
    inferred: dict[str, Inference] = field(default_factory=dict)  # read from the note where nothing was stated
    waived: tuple[Finding, ...] = ()  # findings the writer waived, with a reason, in the draft
    known: tuple[Finding, ...] = ()  # findings a --baseline holds: not listed, but still in the score
    # to, company, role, interview_date, send_date, interview: as stated (situation.py), JSON-ready
    situation: dict[str, Any] = field(default_factory=dict)
    # where each stated value (context and situation) came from: "front matter", "--context", a file's path
    sources: dict[str, str] = field(default_factory=dict)
