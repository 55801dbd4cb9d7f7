"""score(findings) -> Score: a pure function; every lost point names the rule that cost it."""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from .model import Deduction, Finding, Score, Severity, rule_number

WEIGHTS = {Severity.ERROR: 25, Severity.WARNING: 12, Severity.INFO: 3}
INFO_CAP = 10  # hints alone never pull a note below 90
BANDS = (
    (90, "ready", "Ready to send."),
    (70, "revise", "Revise the flagged lines before sending."),
    (0, "rewrite", "Rewrite before sending: as it stands the note could hurt your chances."),
)

# a guess about the situation allowed something: the note is ready only if the guess is right
GUESSED_READY = "Ready to send only if notelint read the situation right: check the findings marked 'allowed'."


def _rule_cost(severity: Severity, count: int) -> int:
    """The first finding of a rule costs its full weight, each repeat half, at most twice the weight."""
    weight = WEIGHTS[severity]
    return min(2 * weight, weight + (count - 1) * weight // 2)


def score(findings: Iterable[Finding]) -> Score:
    """Score a note from 0 to 100 from its findings alone."""
    findings = list(findings)
    counts: dict[tuple[str, Severity], int] = defaultdict(int)
    for finding in findings:
        counts[(finding.rule, finding.severity)] += 1
    deductions: list[Deduction] = []
    info_left = INFO_CAP
    for (rule, severity), count in sorted(counts.items(), key=lambda item: (-item[0][1].rank, rule_number(item[0][0]))):
        points = _rule_cost(severity, count)
        if severity is Severity.INFO:
            points, info_left = min(points, info_left), info_left - min(points, info_left)
        if points:
            deductions.append(Deduction(rule, points))
    value = max(0, 100 - sum(d.points for d in deductions))
    band, advice = next((name, text) for floor, name, text in BANDS if value >= floor)
    if band == "ready" and any(f.allowed_because for f in findings):
        advice = GUESSED_READY
    return Score(value, band, advice, tuple(deductions))
