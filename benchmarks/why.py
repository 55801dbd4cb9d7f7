"""Where notelint's time and memory go, measured: the "why" under a missed target in bench.py.

    python benchmarks/why.py NOTE_FILE BATCH_DIR

Run with the interpreter of an installed (not editable) notelint. Four measurements, each printed
as the parts that cost the most:

- imports on the cold path and on the cached path (`python -X importtime`, by top-level package);
- the work of linting a batch in one process, by module (cProfile's own time, per note);
- resident memory after each stage of a run (the spaCy floor, the rules, the pipeline, the
  first note, the whole batch).

Nothing here is a target: bench.py says whether a target is met; this says what a missed one is
made of.
"""
from __future__ import annotations

import cProfile
import pstats
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+\d+ \| +(\S+)")
PROFILE_NOTES = 300  # enough for stable shares, quick under the profiler


def imports(command: list[str], env: dict | None = None) -> tuple[float, list[tuple[str, float]], list[tuple[str, float]]]:
    """Seconds spent importing in one process, the top-level packages that took it, and notelint's own
    modules that took the most."""
    done = subprocess.run([sys.executable, "-X", "importtime", *command], capture_output=True, text=True, env=env)
    by_package: dict[str, float] = defaultdict(float)
    own: dict[str, float] = {}
    for line in done.stderr.splitlines():
        m = IMPORT_LINE.match(line)
        if m:  # each module's own time, charged to its top-level package wherever it was imported from
            seconds = int(m.group(1)) / 1e6
            by_package[m.group(2).split(".")[0]] += seconds
            if m.group(2).startswith("notelint"):
                own[m.group(2)] = seconds
    ranked = sorted(by_package.items(), key=lambda kv: -kv[1])
    return sum(by_package.values()), ranked, sorted(own.items(), key=lambda kv: -kv[1])


def area(filename: str, function: str) -> str:
    """Which part of the run a profiled function belongs to."""
    if "/notelint/" in filename:
        return "notelint." + filename.split("/notelint/", 1)[1].removesuffix(".py").replace("/", ".")
    if "spacy" in filename or "spacy" in function or "thinc" in filename or "thinc" in function:
        return "spaCy and thinc (tokenizer, textcat)"
    if function.startswith("<method") and ("re.Pattern" in function or "_regex" in function):
        return "regular expressions"
    if "re2" in filename or "re2" in function:
        return "regular expressions"
    return "Python and other libraries"


def work(batch: Path) -> tuple[float, list[tuple[str, float]]]:
    """Milliseconds a note for linting a batch in one warm process, by part."""
    from notelint.draft import read_draft
    from notelint.engine import Linter
    from notelint.packs import load_rules

    linter = Linter(load_rules())
    files = sorted(batch.iterdir())[:PROFILE_NOTES]
    drafts = [read_draft(str(f)) for f in files]
    list(linter.lint(drafts[:5]))  # load what the first note loads lazily (classifier, lexicon)
    profiler = cProfile.Profile()
    profiler.enable()
    list(linter.lint(drafts))
    profiler.disable()
    stats = pstats.Stats(profiler)
    by_area: dict[str, float] = defaultdict(float)
    for (filename, _, function), (_, _, own, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        by_area[area(filename, function)] += own
    total = sum(by_area.values())
    per_note = 1000 / len(drafts)
    return total * per_note, sorted(((k, v * per_note) for k, v in by_area.items()), key=lambda kv: -kv[1])


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def memory(note: Path, batch: Path) -> list[tuple[str, float]]:
    """Resident memory after each stage of one run, in a fresh process."""
    script = f"""
import sys
sys.path.insert(0, {str(Path(__file__).parent)!r})
from why import rss_mib
stages = []
import spacy; spacy.blank("en"); stages.append(("the spaCy floor: import spacy, a blank English pipeline", rss_mib()))
from notelint.packs import load_rules; rules = load_rules(); stages.append(("the rule files read and validated", rss_mib()))
from notelint.engine import Linter; linter = Linter(rules); stages.append(("the pipeline and matchers built", rss_mib()))
from notelint.draft import read_draft
list(linter.lint([read_draft({str(note)!r})])); stages.append(("one note linted (classifier, lexicon, syllables loaded)", rss_mib()))
from pathlib import Path
for _ in linter.lint(read_draft(str(p)) for p in sorted(Path({str(batch)!r}).iterdir())): pass
stages.append(("the whole batch linted", rss_mib()))
for name, mib in stages: print(f"{{mib:.1f}}\\t{{name}}")
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return [(name, float(mib)) for mib, name in (line.split("\t") for line in done.stdout.splitlines())]


def report(note: Path, batch: Path, env: dict | None = None) -> str:
    lines = []
    cold, cold_parts, own = imports(["-m", "notelint", "check", "--no-cache", str(note)], env)
    lines.append(f"cold start: {cold:.2f} s of imports; the largest: "
                 + ", ".join(f"{name} {sec:.2f} s" for name, sec in cold_parts[:6]))
    lines.append("  notelint's own modules, their own time: "
                 + ", ".join(f"{name} {sec * 1000:.0f} ms" for name, sec in own[:5]))
    subprocess.run([sys.executable, "-m", "notelint", "check", str(note)], capture_output=True, env=env)  # fill the cache
    cached, cached_parts, _ = imports(["-m", "notelint", "check", str(note)], env)
    lines.append(f"cached path: {cached:.2f} s of imports; the largest: "
                 + ", ".join(f"{name} {sec:.2f} s" for name, sec in cached_parts[:6]))
    per_note, parts = work(batch)
    lines.append(f"batch work in one warm process: {per_note:.2f} ms a note under the profiler; by part: "
                 + ", ".join(f"{name} {ms:.2f}" for name, ms in parts[:7]))
    stages = memory(note, batch)
    steps = [f"{stages[0][0]} {stages[0][1]:.0f} MiB"]
    steps += [f"+{mib - before:.0f} MiB {name}" for (name, mib), (_, before) in zip(stages[1:], stages)]
    lines.append("memory: " + "; ".join(steps))
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(Path(sys.argv[1]), Path(sys.argv[2])))
