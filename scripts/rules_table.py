"""Print the README's rules table from the rule files: python scripts/rules_table.py"""
from __future__ import annotations

from notelint.packs import load_rules
from notelint.reporters.rules_markdown import what


def table() -> str:
    rows = ["| code | name | category | severity | kind | flags |", "|---|---|---|---|---|---|"]
    for rule in load_rules():
        if not rule.REPORTS:
            rows.append(f"| {rule.code} | `{rule.name}` | context | - | context | "
                        f"infers `{rule.key}: {rule.value}` from what the note says |")
            continue
        rows.append(f"| {rule.code} | `{rule.name}` | {rule.category} | {rule.severity.value} | {rule.kind} | {what(rule)} |")
    return "\n".join(rows)


if __name__ == "__main__":
    print(table())
