"""Each rule's true and false positives on the labeled corpus, held in tests/rule_floors.json.

    python scripts/rule_floors.py            # what changed against the file (exit 1 if anything did)
    python scripts/rule_floors.py --write    # record today's figures; say why in the commit

Quality is checked per category, so one rule can lose what it found while another rule of the
same category hides the loss. tests/test_corpus.py compares every rule's counts with this file:
a rule that finds fewer true positives, raises more false alarms, or is gone fails the suite until
the file is rewritten and the commit says why. Gains fail too, so the file always holds today's
figures and a later loss of them is seen.

The counts are `notelint eval`'s per-rule tallies (errors and warnings that landed on a draft
labelled with the rule's category, or on one not labelled with it), on two sets: `development`
(corpus/*.txt) and `blind` (every batch under corpus/holdout/).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
FLOORS = ROOT / "tests" / "rule_floors.json"
ABOUT = ("Per-rule true positives (tp) and false alarms (fp) of `notelint eval` on corpus/*.txt (development) "
         "and corpus/holdout/ (blind), checked by tests/test_corpus.py. Regenerate with "
         "`python scripts/rule_floors.py --write` and say in the commit why a rule's figures changed.")
SETS = ("development", "blind")


def figures(evaluations: dict, codes: list[str]) -> dict[str, dict[str, dict[str, int]]]:
    """{set: {rule code: {"tp": n, "fp": n}}} for every reporting rule, from `evaluate` results."""
    result = {}
    for name in SETS:
        tallies = evaluations[name].rules
        result[name] = {
            code: {"tp": tallies[code].tp if code in tallies else 0, "fp": tallies[code].fp if code in tallies else 0}
            for code in codes
        }
    return result


def compare(recorded: dict, measured: dict) -> list[str]:
    """One line per rule whose figures differ from the recorded ones, saying what to do."""
    lines = []
    for name in SETS:
        old, new = recorded.get(name, {}), measured[name]
        for code in sorted(old.keys() - new.keys(), key=_number):
            lines.append(f"{code} ({name}): recorded with {_count(old[code]['tp'], 'true positive')}, but no "
                         "such rule is loaded now; if it was removed or renamed on purpose, say so in the commit")
        for code in sorted(new.keys() - old.keys(), key=_number):
            lines.append(f"{code} ({name}): a rule with no recorded figures ({_count(new[code]['tp'], 'true positive')}"
                         f", {_count(new[code]['fp'], 'false alarm')} now)")
        for code in sorted(old.keys() & new.keys(), key=_number):
            (tp0, fp0), (tp1, fp1) = (old[code]["tp"], old[code]["fp"]), (new[code]["tp"], new[code]["fp"])
            if tp1 < tp0:
                lines.append(f"{code} ({name}): {_count(tp1, 'true positive')}, below its floor of {tp0}: it lost "
                             f"{tp0 - tp1}, which other rules of its category may hide from the category figures")
            if fp1 > fp0:
                lines.append(f"{code} ({name}): {_count(fp1, 'false alarm')}, {fp1 - fp0} more than the {fp0} recorded")
            if tp1 > tp0 or fp1 < fp0:
                lines.append(f"{code} ({name}): better than recorded ({tp0} -> {tp1} true positives, "
                             f"{fp0} -> {fp1} false alarms); record it so a later loss is seen")
    if lines:
        lines.append("if the change is intended: python scripts/rule_floors.py --write, and say why in the commit")
    return lines


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _number(code: str) -> tuple[str, int]:
    digits = "".join(ch for ch in code if ch.isdigit())
    return code.rstrip("0123456789"), int(digits or 0)


def render(measured: dict) -> str:
    """The floor file: one line per rule, so a change shows as one line in a diff."""
    parts = ["{", f'  "about": {json.dumps(ABOUT)},']
    for i, name in enumerate(SETS):
        rows = [f'    "{code}": {json.dumps(counts)}' for code, counts in measured[name].items()]
        parts.append(f'  "{name}": {{\n' + ",\n".join(rows) + "\n  }" + ("," if i < len(SETS) - 1 else ""))
    parts.append("}")
    return "\n".join(parts) + "\n"


def measure() -> dict:
    """Lint the corpus once and tally it, as the corpus tests do."""
    from notelint.draft import expand_paths, read_draft
    from notelint.engine import Linter
    from notelint.evaluate import evaluate
    from notelint.packs import load_pack

    pack = load_pack()
    rules = pack.rules
    drafts = [read_draft(path) for path in expand_paths([str(CORPUS)])]
    pairs = list(zip(drafts, Linter(rules).lint(drafts)))
    rule_category = {r.code: r.category for r in rules if r.REPORTS}
    holdout = CORPUS / "holdout"
    evaluations = {
        "development": evaluate([(d, r) for d, r in pairs if Path(d.path).parent == CORPUS], rule_category,
                                pack.categories),
        "blind": evaluate([(d, r) for d, r in pairs if Path(d.path).is_relative_to(holdout)], rule_category,
                          pack.categories),
    }
    return figures(evaluations, list(rule_category))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"record today's figures in {FLOORS.relative_to(ROOT)}")
    args = parser.parse_args()
    measured = measure()
    recorded = json.loads(FLOORS.read_text(encoding="utf-8")) if FLOORS.exists() else {}
    changes = compare(recorded, measured)
    if args.write:
        FLOORS.write_text(render(measured), encoding="utf-8")
        print(f"wrote {FLOORS.relative_to(ROOT)}" + ("".join(f"\n  {line}" for line in changes[:-1])))
        return
    print("\n".join(changes) if changes else "every rule's figures are as recorded")
    sys.exit(1 if changes else 0)


if __name__ == "__main__":
    main()
