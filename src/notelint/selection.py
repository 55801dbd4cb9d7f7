"""Which rules run: selectors are a code (NL601), a code prefix (NL6), a name or a category."""
from __future__ import annotations

from typing import Iterable


def _named(code: str, name: str, category: str | None, selector: str) -> bool:
    wanted = selector.strip().lower()
    code = code.lower()
    return wanted in (code, name, category) or (len(wanted) > 2 and wanted.startswith("nl") and code.startswith(wanted))


def matches(rule, selector: str) -> bool:  # noqa: ANN001 - any rule model
    return _named(rule.code, rule.name, getattr(rule, "category", None), selector)


def finding_matches(finding, selector: str) -> bool:  # noqa: ANN001 - a model.Finding
    """The same test for a finding, by the rule that made it (waivers, per-file-ignores)."""
    return _named(finding.rule, finding.name, finding.category, selector)


def unknown(rules: list, selectors: Iterable[str]) -> list[str]:
    """The selectors that name no rule: a typo must not silently select nothing."""
    return [s for s in selectors if not any(matches(r, s) for r in rules)]


def choose(rules: list, select: list[str] | None, extend_select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list:
    """The rules that run. Context rules always run: they only read the note's situation."""
    ignore = list(ignore)
    chosen = []
    for rule in rules:
        if not rule.REPORTS:
            chosen.append(rule)
            continue
        selected = select is None or any(matches(rule, s) for s in [*select, *extend_select])
        if selected and not any(matches(rule, s) for s in ignore):
            chosen.append(rule)
    return chosen
