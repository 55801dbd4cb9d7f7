"""Tables for `notelint eval`: per category, per rule, the mistakes, and the score AUC."""
from __future__ import annotations

import json
from typing import IO

from ..evaluate import Evaluation, Tally
from ..model import rule_number


def _fmt(value: float | None) -> str:
    return "   -" if value is None else f"{value:.2f}"


def _row(name: str, t: Tally) -> str:
    return (f"{name:<18} {t.support:>4} {t.tp:>4} {t.fp:>4} {t.fn:>4}  "
            f"{_fmt(t.precision):>5} {_fmt(t.recall):>5} {_fmt(t.f1):>5}")


def _tally_dict(t: Tally) -> dict:
    return {"positives": t.support, "tp": t.tp, "fp": t.fp, "fn": t.fn,
            "precision": t.precision, "recall": t.recall, "f1": t.f1}


def render(result: Evaluation, stream: IO[str], output_format: str, below: list[str]) -> None:
    if output_format == "json":
        document = {
            "drafts": result.drafts,
            "categories": {name: _tally_dict(t) for name, t in result.categories.items()},
            "rules": {code: _tally_dict(t) for code, t in sorted(result.rules.items())},
            "micro": _tally_dict(result.micro),
            "auc": result.auc,
            "clean_drafts": len(result.clean_scores),
            "flawed_drafts": len(result.flawed_scores),
            "mistakes": [{"path": m.path, "label": m.label, "kind": m.kind, "matches": list(m.matches)}
                         for m in result.mistakes],
            "below_bars": below,
        }
        json.dump(document, stream, indent=2)
        stream.write("\n")
        return
    header = f"{'category':<18} {'pos':>4} {'tp':>4} {'fp':>4} {'fn':>4}  {'prec':>5} {'rec':>5} {'f1':>5}"
    lines = [f"{result.drafts} labeled drafts", "", header]
    lines += [_row(name, t) for name, t in result.categories.items()]
    lines += [_row("all (micro)", result.micro)]
    lines += ["", f"{'rule':<18} {'pos':>4} {'tp':>4} {'fp':>4} {'fn':>4}  {'prec':>5} {'rec':>5} {'f1':>5}"]
    lines += [_row(code, t) for code, t in sorted(result.rules.items(), key=lambda kv: rule_number(kv[0]))]
    auc = "n/a" if result.auc is None else f"{result.auc:.3f}"
    lines += ["", f"score AUC (clean vs flawed drafts): {auc} "
                  f"({len(result.clean_scores)} clean, {len(result.flawed_scores)} flawed)"]
    if result.mistakes:
        lines += ["", "mistakes:"]
        for m in sorted(result.mistakes, key=lambda m: (m.label, m.kind, m.path)):
            matched = f"  matched: {'; '.join(repr(x) for x in m.matches)}" if m.matches else ""
            lines.append(f"  {m.kind:<11} {m.label:<16} {m.path}{matched}")
    if below:
        lines += ["", "below the bars:"] + [f"  {line}" for line in below]
    stream.write("\n".join(lines) + "\n")
