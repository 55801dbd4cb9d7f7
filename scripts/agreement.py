"""Agreement between two independent label passes, per category (Cohen's kappa).

    python scripts/agreement.py docs/eval/relabel/passA.jsonl docs/eval/relabel/passB.jsonl

Each file has one JSON object per line: {"draft": "<file name>", "expect": [categories], "note": "..."}.
"""
from __future__ import annotations

import json
import sys

CATEGORIES = ("length specificity gratitude interest greeting_signoff gifts social_media pushy_follow_up "
              "deference arrogance desperation placeholder casual_tone spelling money negativity").split()


def load(path: str) -> dict[str, set[str]]:
    with open(path, encoding="utf-8") as handle:
        return {row["draft"]: set(row["expect"]) for row in map(json.loads, handle) if row}


def kappa(first: list[bool], second: list[bool]) -> float:
    n = len(first)
    observed = sum(a == b for a, b in zip(first, second)) / n
    p1, p2 = sum(first) / n, sum(second) / n
    expected = p1 * p2 + (1 - p1) * (1 - p2)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def main(path_a: str, path_b: str) -> None:
    a, b = load(path_a), load(path_b)
    drafts = sorted(a)
    if drafts != sorted(b):
        sys.exit("the two passes label different drafts")
    print(f"{len(drafts)} drafts, {sum(a[d] != b[d] for d in drafts)} with any disagreement\n")
    print(f"{'category':<18} {'A':>4} {'B':>4} {'both':>5} {'agree':>6} {'kappa':>6}")
    for category in CATEGORIES:
        first = [category in a[d] for d in drafts]
        second = [category in b[d] for d in drafts]
        both = sum(x and y for x, y in zip(first, second))
        agree = sum(x == y for x, y in zip(first, second)) / len(drafts)
        print(f"{category:<18} {sum(first):>4} {sum(second):>4} {both:>5} {agree:>6.3f} {kappa(first, second):>6.2f}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
