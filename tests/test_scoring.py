"""score() is a pure function of findings; each lost point names its rule."""
from __future__ import annotations

from notelint.model import Finding, Position, Severity
from notelint.scoring import score


def finding(rule: str, severity: Severity) -> Finding:
    at = Position(1, 1)
    return Finding(rule, "r", "gifts", severity, "m", at, at, "x", "x", "i")


def test_no_findings_is_100_and_ready():
    result = score([])
    assert (result.value, result.band, result.deductions) == (100, "ready", ())


def test_hints_alone_never_drop_below_90():
    result = score([finding(f"NL{i}", Severity.INFO) for i in range(20)])
    assert result.value >= 90 and result.band == "ready"


def test_every_point_is_named():
    findings = [finding("NL601", Severity.ERROR), finding("NL701", Severity.WARNING), finding("NL701", Severity.WARNING)]
    result = score(findings)
    assert {d.rule: d.points for d in result.deductions} == {"NL601": 25, "NL701": 18}
    assert result.value == 100 - 25 - 18 == 57
    assert result.band == "rewrite"


def test_repeats_cost_less_and_are_capped():
    one = score([finding("NL1401", Severity.WARNING)]).value
    many = score([finding("NL1401", Severity.WARNING)] * 10).value
    assert one == 88 and many == 76


def test_same_findings_same_score():
    findings = [finding("NL601", Severity.ERROR), finding("NL101", Severity.WARNING)]
    assert score(findings) == score(list(reversed(findings)))
