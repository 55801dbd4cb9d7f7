"""Per-category precision and recall over each pair of blind batches, from the recorded first runs.

    python scripts/pair_table.py                       # the table in docs/quality.md
    python scripts/pair_table.py --run v0.1            # v0.1 on the same notes
    python scripts/pair_table.py --pairs a+b+c,d+e     # other groupings

Reads the category tables of docs/eval/holdout-2026-11-<batch>-<run>.txt (the output of
`notelint eval` recorded when the batch arrived) and sums tp, fp and fn over the batches of a
pair; nothing is linted again, so the figures are the ones measured then. A cell reads
`precision / recall (positives)`; it is marked ✗ when the category has at least MIN_POSITIVES
positives in the pair and its precision is below TARGET (issue 6's per-category target).
"""
from __future__ import annotations

import argparse
import re
from pathlib import Path

EVAL = Path(__file__).resolve().parents[1] / "docs" / "eval"
PAIRS = "a+b+c,d+e,f+g,h+i,j+k"
TARGET = 0.80
MIN_POSITIVES = 5
ROW = re.compile(r"^(\w[\w ()]*?)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s")


def categories(path: Path) -> dict[str, tuple[int, int, int]]:
    """(tp, fp, fn) per category, and 'all (micro)', from the category table of one `notelint eval` output."""
    tallies: dict[str, tuple[int, int, int]] = {}
    in_table = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("category "):
            in_table = True
            continue
        if in_table and not line.strip():
            break
        match = ROW.match(line) if in_table else None
        if match:
            name, _pos, tp, fp, fn = match.groups()
            tallies[name] = (int(tp), int(fp), int(fn))
    if not tallies:
        raise SystemExit(f"{path}: no category table")
    return tallies


def pooled(batches: list[str], run: str) -> dict[str, tuple[int, int, int]]:
    total: dict[str, tuple[int, int, int]] = {}
    for batch in batches:
        for name, (tp, fp, fn) in categories(EVAL / f"holdout-2026-11-{batch}-{run}.txt").items():
            a, b, c = total.get(name, (0, 0, 0))
            total[name] = (a + tp, b + fp, c + fn)
    return total


def cell(tp: int, fp: int, fn: int, micro: bool) -> str:
    precision = f"{tp / (tp + fp):.2f}" if tp + fp else "-"
    recall = f"{tp / (tp + fn):.2f}" if tp + fn else "-"
    text = f"{precision} / {recall} ({tp + fn})"
    below = not micro and tp + fn >= MIN_POSITIVES and tp + fp and tp / (tp + fp) < TARGET
    return f"**{text} ✗**" if below else text


def table(pairs: list[str], run: str) -> str:
    figures = {pair: pooled(pair.split("+"), run) for pair in pairs}
    names = list(next(iter(figures.values())))
    lines = ["| category | " + " | ".join(pairs) + " |", "|---|" + "---|" * len(pairs)]
    for name in names:
        cells = [cell(*figures[pair].get(name, (0, 0, 0)), micro=name.startswith("all")) for pair in pairs]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    below = [sum(1 for name in names if "✗" in cell(*figures[p].get(name, (0, 0, 0)), micro=name.startswith("all")))
             for p in pairs]
    lines.append("| categories marked ✗ | " + " | ".join(map(str, below)) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", default=PAIRS, help=f"comma-separated groups of batch letters (default {PAIRS})")
    parser.add_argument("--run", default="first-run", help="which recorded run: first-run (default) or v0.1")
    args = parser.parse_args()
    print(table(args.pairs.split(","), args.run))


if __name__ == "__main__":
    main()
