"""Measure rules against labeled drafts: precision, recall and F1 per category and rule, and score AUC."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from .draft import Draft, DraftError
from .model import FileReport, Severity


@dataclass
class Tally:
    """True and false positives and false negatives for one category or rule."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def support(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / self.support if self.support else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)


@dataclass(frozen=True)
class Mistake:
    """A miss or a false alarm, with what matched (if anything)."""

    path: str
    label: str
    kind: str  # "miss" or "false alarm"
    matches: tuple[str, ...] = ()


@dataclass
class Evaluation:
    categories: dict[str, Tally]  # every category of the loaded packs, built-in or declared by a pack
    rules: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    mistakes: list[Mistake] = field(default_factory=list)
    clean_scores: list[int] = field(default_factory=list)
    flawed_scores: list[int] = field(default_factory=list)
    drafts: int = 0

    @property
    def micro(self) -> Tally:
        """All categories pooled: every (draft, category) decision counts once."""
        pooled = Tally()
        for tally in self.categories.values():
            pooled.tp, pooled.fp, pooled.fn = pooled.tp + tally.tp, pooled.fp + tally.fp, pooled.fn + tally.fn
        return pooled

    @property
    def auc(self) -> float | None:
        """Chance that a clean draft scores above a flawed one (ties count half)."""
        if not self.clean_scores or not self.flawed_scores:
            return None
        wins = sum(
            1.0 if c > f else 0.5 if c == f else 0.0 for c in self.clean_scores for f in self.flawed_scores
        )
        return wins / (len(self.clean_scores) * len(self.flawed_scores))


def _labels(draft: Draft, rule_category: dict[str, str], known: Iterable[str]) -> tuple[set[str], set[str], set[str]]:
    """(expected categories, expected rule codes, ignored categories) from the front matter."""
    meta = draft.meta
    if "expect" not in meta:
        raise DraftError("no `expect:` list in the front matter (use `expect: []` for a clean draft)")
    categories: set[str] = set()
    codes: set[str] = set()
    ignored: set[str] = set()
    for key, target in (("expect", categories), ("ignore", ignored), ("expect_not", set())):
        values = meta.get(key) or []
        if not isinstance(values, list):
            raise DraftError(f"front matter: {key}: expected a list of categories or rule codes")
        for value in map(str, values):
            if value in known:
                target.add(value)
            elif value.upper() in rule_category:
                target.add(rule_category[value.upper()])
                if key == "expect":
                    codes.add(value.upper())
            else:
                raise DraftError(f"front matter: {key}: {value!r} is neither a category nor a rule code")
    clash = categories & {str(v) for v in meta.get("expect_not") or []}
    if clash:
        raise DraftError(f"front matter: {', '.join(sorted(clash))} is both expected and not expected")
    return categories, codes, ignored


def evaluate(
    pairs: Iterable[tuple[Draft, FileReport]], rule_category: dict[str, str], categories: Iterable[str]
) -> Evaluation:
    """Compare each report with its draft's labels. Categories not under `expect` must not fire."""
    result = Evaluation({c: Tally() for c in categories})
    for draft, report in pairs:
        try:
            expected, codes, ignored = _labels(draft, rule_category, result.categories)
        except DraftError as exc:
            raise DraftError(f"{draft.path}: {exc}") from None
        result.drafts += 1
        (result.flawed_scores if expected else result.clean_scores).append(report.score.value)
        fired: dict[str, list[str]] = defaultdict(list)
        for finding in report.findings:
            if finding.severity is Severity.INFO:
                continue  # polish: never counted as a problem
            fired[finding.category].append(finding.match)
            tally = result.rules[finding.rule]
            if finding.category in expected:
                tally.tp += 1
            elif finding.category not in ignored:
                tally.fp += 1
        for code in codes:
            if not any(f.rule == code for f in report.findings):
                result.rules[code].fn += 1
        for category in result.categories:
            if category in ignored:
                continue
            tally = result.categories[category]
            hit = category in fired
            if category in expected and hit:
                tally.tp += 1
            elif category in expected:
                tally.fn += 1
                result.mistakes.append(Mistake(report.path, category, "miss"))
            elif hit:
                tally.fp += 1
                result.mistakes.append(Mistake(report.path, category, "false alarm", tuple(fired[category])))
    return result


def failures(result: Evaluation, min_precision: float, min_recall: float, min_support: int, min_auc: float) -> list[str]:
    """The bars a result falls below, one line each."""
    lines = []
    for name, tally in result.categories.items():
        if tally.support < min_support:
            continue
        if tally.precision is not None and tally.precision < min_precision:
            lines.append(f"{name}: precision {tally.precision:.2f} < {min_precision:.2f}")
        if tally.recall is not None and tally.recall < min_recall:
            lines.append(f"{name}: recall {tally.recall:.2f} < {min_recall:.2f}")
    if result.auc is not None and result.auc < min_auc:
        lines.append(f"score AUC {result.auc:.3f} < {min_auc:.3f}")
    return lines
