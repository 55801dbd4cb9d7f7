"""Print notelint's speed and memory figures; run it against an installed (not editable) package.

    python -m venv /tmp/bench && /tmp/bench/bin/pip install . && /tmp/bench/bin/python benchmarks/bench.py

Figures, not pass/fail: cold start of `notelint check` on one draft (what a pre-commit hook pays),
`notelint rules` (no spaCy import), throughput over corpus/ in one process, and peak memory.
"""
from __future__ import annotations

import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 5


def wall(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> None:
    notelint = shutil.which("notelint", path=str(Path(sys.executable).parent)) or "notelint"
    draft = str(ROOT / "examples" / "good-note.txt")
    check = [wall([notelint, "check", draft]) for _ in range(RUNS)]
    listing = [wall([notelint, "rules"]) for _ in range(RUNS)]
    print(f"notelint check one draft (cold process): median {statistics.median(check):.2f} s over {RUNS} runs")
    print(f"notelint rules (cold process):           median {statistics.median(listing):.2f} s over {RUNS} runs")

    from notelint.draft import expand_paths, read_draft
    from notelint.engine import Linter
    from notelint.packs import load_rules

    drafts = [read_draft(p) for p in expand_paths([str(ROOT / "corpus")])]
    linter = Linter(load_rules())
    start = time.perf_counter()
    linter.lint_text(drafts[0])  # builds the pipeline and loads the dictionaries
    warm = time.perf_counter() - start
    start = time.perf_counter()
    reports = list(linter.lint(drafts))
    elapsed = time.perf_counter() - start
    words = sum(len(d.body.split()) for d in drafts)
    print(f"first draft in process (pipeline, matchers, dictionaries): {warm:.2f} s")
    print(f"corpus: {len(reports)} drafts, {words} words in {elapsed:.2f} s "
          f"= {len(reports) / elapsed:.0f} drafts/s, {1000 * elapsed / len(reports):.1f} ms/draft")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
