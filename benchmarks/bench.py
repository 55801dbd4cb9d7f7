"""notelint's speed and memory beside the spaCy floor and the prose linters people use, in one run.

    python -m venv /tmp/bench && /tmp/bench/bin/pip install . && /tmp/bench/bin/python benchmarks/bench.py

Run it against an installed (not editable) package. It generates its drafts with
benchmarks/generate.py (fixed seed), then times whole processes, interleaving the tools round by
round so that a slow moment on the machine hits all of them alike, and prints one table: median
and range of wall time, notes per second, and peak memory (max RSS of the process). The ratios
under the table are what docs/performance.md and the targets use, since absolute times drift
between runs here.

Peers are timed when they are on PATH or named: `--proselint PATH` (pip install proselint) and
`--write-good PATH` (npm install write-good; node_modules/.bin/write-good).
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import generate  # noqa: E402


def run(command: list[str], env: dict | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one process, its output thrown away."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, _, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description="Time notelint beside the spaCy floor and its peers.")
    parser.add_argument("--notes", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5, help="rounds for one-note runs")
    parser.add_argument("--batch-rounds", type=int, default=3, help="rounds for batch runs")
    parser.add_argument("--proselint", default=shutil.which("proselint"))
    parser.add_argument("--write-good", default=shutil.which("write-good"))
    args = parser.parse_args()

    notelint = shutil.which("notelint", path=str(Path(sys.executable).parent)) or "notelint"
    work = Path(tempfile.mkdtemp(prefix="notelint-bench-"))
    rng = generate.random.Random(7)
    batch = work / "batch"
    batch.mkdir()
    for i in range(args.notes):
        (batch / f"note-{i:05}.txt").write_text(generate.note(rng), encoding="utf-8")
    one = str(batch / "note-00000.txt")
    files = sorted(str(p) for p in batch.iterdir())
    for words in (1_000, 100_000):
        (work / f"long-{words}.txt").write_text(generate.long_note(generate.random.Random(7), words), encoding="utf-8")
    cache = work / "cache"
    env = {**os.environ, "NOTELINT_CACHE_DIR": str(cache)}
    subprocess.run([notelint, "check", one], stdout=subprocess.DEVNULL, env=env)  # fills the cache for that note

    single = {
        "spaCy floor: import spacy; spacy.blank('en')": [sys.executable, "-c", "import spacy; spacy.blank('en')"],
        "notelint check, one note, cold (--no-cache)": [notelint, "check", "--no-cache", one],
        "notelint check, one note, unchanged (cache)": [notelint, "check", one],
        # a draft the report cache has not seen, the rules bundle already in the cache folder: what a
        # pre-commit hook meets after an edit. Each round checks another generated note.
        "notelint check, one new note, rules bundle kept": lambda r: [notelint, "check", files[r + 1]],
        "notelint check, 1,000-word note": [notelint, "check", "--no-cache", str(work / "long-1000.txt")],
        "notelint check, 100,000-word note": [notelint, "check", "--no-cache", str(work / "long-100000.txt")],
    }
    batches = {
        f"notelint check, {args.notes} notes, --jobs 1": [notelint, "check", "--no-cache", "--jobs", "1", str(batch)],
        f"notelint check, {args.notes} notes, --jobs 2": [notelint, "check", "--no-cache", "--jobs", "2", str(batch)],
    }
    if args.proselint:
        single["proselint, one note"] = [args.proselint, "check", one]
        batches[f"proselint, {args.notes} notes"] = [args.proselint, "check", *files]
    if args.write_good:
        single["write-good, one note"] = [args.write_good, one]
        batches[f"write-good, {args.notes} notes"] = [args.write_good, *files]

    times: dict[str, list[tuple[float, float]]] = {name: [] for name in [*single, *batches]}
    for round_ in range(max(args.rounds, args.batch_rounds)):
        for name, command in single.items():
            if round_ < args.rounds:
                times[name].append(run(command(round_) if callable(command) else command, env))
        for name, command in batches.items():
            if round_ < args.batch_rounds:
                times[name].append(run(command, env))

    def median(name: str) -> float:
        return statistics.median(t for t, _ in times[name])

    print(f"{'run':<48} {'median':>8} {'range':>15} {'notes/s':>8} {'peak MiB':>9}")
    for name, runs in times.items():
        walls = [t for t, _ in runs]
        notes = args.notes if name in batches else 1
        print(f"{name:<48} {median(name):>7.2f}s {min(walls):>6.2f}-{max(walls):<6.2f}s "
              f"{notes / median(name):>8.0f} {max(m for _, m in runs):>9.0f}")

    floor = median("spaCy floor: import spacy; spacy.blank('en')")
    floor_mib = max(m for _, m in times["spaCy floor: import spacy; spacy.blank('en')"])
    cold = median("notelint check, one note, cold (--no-cache)")
    new_note = median("notelint check, one new note, rules bundle kept")
    cached = median("notelint check, one note, unchanged (cache)")
    jobs1 = median(f"notelint check, {args.notes} notes, --jobs 1")
    jobs2 = median(f"notelint check, {args.notes} notes, --jobs 2")
    peak = max(m for _, m in times[f"notelint check, {args.notes} notes, --jobs 1"])  # --jobs 2: the parent only
    long_ratio = median("notelint check, 100,000-word note") / median("notelint check, 1,000-word note")
    per_word = (median("notelint check, 100,000-word note") - median("notelint check, 1,000-word note")) / 99_000
    print()
    print(f"cold start, notelint's own cost above the spaCy floor: {cold - floor:+.2f} s "
          f"(a new note with the rules bundle kept: {new_note - floor:+.2f} s)")
    print(f"unchanged note from the cache: {cached / floor:.2f}x the spaCy floor")
    print(f"batch after the floor, one process: {args.notes / max(jobs1 - floor, 1e-3):.0f} notes/s; "
          f"--jobs 2 is {jobs1 / jobs2:.2f}x faster than --jobs 1")
    print(f"peak memory, {args.notes} notes: {peak / floor_mib:.2f}x the spaCy floor ({peak:.0f} / {floor_mib:.0f} MiB)")
    print(f"100,000-word note / 1,000-word note: {long_ratio:.1f}x (whole processes); "
          f"{per_word * 1e6:.0f} microseconds a word beyond the first thousand")
    print()
    print("targets (issue 18):")
    one_note_peak = max(m for _, m in times["notelint check, one note, cold (--no-cache)"])
    targets = [
        ("batch: at least 1,000 notes/s, --jobs 1, whole process", args.notes / jobs1, ">=", 1000, "notes/s"),
        ("cold start: at most the spaCy floor + 0.15 s", cold - floor, "<=", 0.15, "s above the floor"),
        ("  the same, a new note with the rules bundle kept", new_note - floor, "<=", 0.15, "s above the floor"),
        ("memory, one note: at most 1.3x the floor's peak", one_note_peak / floor_mib, "<=", 1.3, "x"),
        (f"memory, {args.notes} notes: at most 1.3x the floor's peak", peak / floor_mib, "<=", 1.3, "x"),
        ("long notes: 100,000 words at most 120x 1,000 words", long_ratio, "<=", 120, "x"),
    ]
    if args.proselint:
        prose_cold = median("proselint, one note")
        targets.append(("unchanged note: at most 1.5x proselint's cold start", cached / prose_cold, "<=", 1.5, "x"))
    if args.write_good:
        wg = args.notes / median(f"write-good, {args.notes} notes")
        targets.append(("batch: ahead of write-good (notes/s ratio)", (args.notes / jobs1) / wg, ">=", 1.0, "x"))
    missed = 0
    for label, value, op, bound, unit in targets:
        met = value >= bound if op == ">=" else value <= bound
        missed += not met
        verdict = "met" if met else f"MISSED by {abs(value - bound):.2f} {unit.split(' ')[0]}"
        print(f"  {label:<58} {value:>8.2f} {unit:<18} {verdict}")
    if missed:
        import why

        print()
        print("why, measured (benchmarks/why.py: imports by package, batch work by module, memory by stage):")
        for line in why.report(Path(one), batch, env).splitlines():
            print(f"  {line}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
