"""Sample notes as published on career pages and blogs (corpus/real/): the notes students copy.

Their first runs are recorded in docs/eval/real-*-first-run.txt and docs/quality.md; measured
since, they are tuning data, and these floors only keep what later changes won.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from notelint.draft import read_draft
from notelint.evaluate import evaluate
from notelint.packs import load_pack

REAL = Path(__file__).resolve().parents[1] / "corpus" / "real"
# batch: (micro precision, micro recall, placeholder recall) at least
# (2026-12-h has 18 notes, too few for a floor of its own)
FLOORS = {"2026-12-a": (0.82, 0.76, 0.97), "2026-12-b": (0.90, 0.85, 1.00), "2026-12-c": (0.92, 0.78, 0.93),
          "2026-12-d": (0.85, 0.79, 0.93), "2026-12-e": (0.87, 0.90, 1.00), "2026-12-f": (0.88, 0.69, 0.80),
          "2026-12-g": (0.89, 0.84, 0.93)}


@pytest.mark.parametrize("batch", sorted(FLOORS))
def test_real_batches_hold_their_figures(linter, rules, batch):
    drafts = [read_draft(str(p)) for p in sorted((REAL / batch).glob("*.txt"))]
    assert len(drafts) >= 40
    result = evaluate(zip(drafts, linter.lint(drafts)), {r.code: r.category for r in rules if r.REPORTS},
                      load_pack().categories)
    precision, recall, placeholder_recall = FLOORS[batch]
    assert result.micro.precision >= precision, result.micro
    assert result.micro.recall >= recall, result.micro
    assert result.categories["placeholder"].recall >= placeholder_recall, result.categories["placeholder"]


def test_every_real_note_names_its_source():
    for path in REAL.glob("*/*.txt"):
        assert read_draft(str(path)).meta.get("source"), path
