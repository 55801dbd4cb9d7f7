"""The labeled corpus: every label holds except the documented known failures, and the quality bars hold."""
from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from notelint.cli import app

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

# Drafts the rules get wrong today, kept visible rather than relabeled; see docs/quality.md.
KNOWN_FAILURES = {
    ("b-015-buzzword-vague-senior.txt", "specificity", "miss"),
    ("h1-015-one-yes-card.txt", "specificity", "miss"),
    ("h2-009-template-company-slot.txt", "specificity", "miss"),
    ("d-041-maple-library-panel-short-card.txt", "specificity", "false alarm"),
}


def evaluate(*extra: str):
    result = CliRunner().invoke(app, ["eval", str(CORPUS), "--format", "json", *extra])
    return result, json.loads(result.stdout)


def test_corpus_is_large_and_labeled():
    drafts = list(CORPUS.glob("*.txt"))
    assert len(drafts) >= 280


def test_labels_hold_except_known_failures():
    _, data = evaluate()
    found = {(Path(m["path"]).name, m["label"], m["kind"]) for m in data["mistakes"]}
    assert found - KNOWN_FAILURES == set(), "new corpus mistakes"
    assert KNOWN_FAILURES - found == set(), "a known failure is fixed: remove it here and in docs/quality.md"


# Categories that cannot reach the bars with rules yet, with the floor they must not fall below
# (docs/quality.md shows the failing drafts). Everything else must meet the bars in full.
BELOW_BAR_FLOORS = {"specificity": {"precision": 0.94, "recall": 0.85}}


def test_quality_bars_hold():
    result, data = evaluate("--min-precision", "0.95", "--min-recall", "0.85", "--min-auc", "0.9", "--min-support", "10")
    assert data["auc"] >= 0.9
    for name, tally in data["categories"].items():
        if tally["positives"] < 10:
            continue
        floors = BELOW_BAR_FLOORS.get(name, {"precision": 0.95, "recall": 0.85})
        assert tally["precision"] >= floors["precision"], (name, tally)
        assert tally["recall"] >= floors["recall"], (name, tally)
    assert {line.split(":")[0] for line in data["below_bars"]} <= set(BELOW_BAR_FLOORS)


def test_eval_fails_below_a_bar():
    result, data = evaluate("--min-precision", "0.999", "--min-recall", "0.999")
    assert result.exit_code == 1
    assert "specificity: precision 0.94 < 1.00" in data["below_bars"]
