"""Waivers: a writer's reasoned "this finding is wrong here", written in the draft itself.

- A line `notelint: ignore[gifts, NL1302] -- thanking my referrer, not the interviewer` waives
  those rules (codes, code prefixes, names or categories) for the next paragraph.
- In Markdown the same inside an HTML comment: `<!-- notelint: ignore[gifts] -- reason -->`.
- For the whole draft, in front matter: `waive: {gifts: "thanking my referrer"}`.

A waiver must give a reason after `--`; one without, or one that hides nothing, is itself a
finding (NL000). Waiver lines are blanked before linting, so they are never measured as part of
the note. Waived findings are kept on the report, counted and listed with --show-waived.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .model import Finding, Span

WAIVER_LINE = re.compile(
    r"^[ \t]*(?:<!--[ \t]*)?notelint:[ \t]*ignore\[([^\]\n]*)\][ \t]*(?:--[ \t]*(.*?))?[ \t]*(?:-->)?[ \t]*$",
    re.MULTILINE,
)
PARAGRAPH_END = re.compile(r"\S[^\n]*(?:\n[ \t]*\S[^\n]*)*")
CODE, NAME, CATEGORY = "NL000", "waiver", "waiver"
WAIVED = " (waived: "  # a waived finding's message ends with the writer's reason: "... (waived: for my referrer)"
NO_REASON = "Give the reason after '--': notelint: ignore[gifts] -- thanking my referrer, not the interviewer"
UNUSED = "Remove the waiver, or put it on the line before the paragraph it is meant for"


class WaiverError(ValueError):
    """Front matter `waive:` that is not a mapping of rules to reasons."""


@dataclass(frozen=True)
class Waiver:
    """Rules waived within `scope` (offsets into the whole file), for a reason, written on `line` (None: front matter)."""

    selectors: tuple[str, ...]
    reason: str | None
    scope: Span
    line: Span | None = None  # the waiver line itself, offsets into the whole file


def find(text: str, body_start: int, meta: dict) -> tuple[Waiver, ...]:
    """The waivers in a draft's body and front matter."""
    waivers = []
    for match in WAIVER_LINE.finditer(text, body_start):
        selectors = tuple(s.strip() for s in match.group(1).split(",") if s.strip())
        reason = (match.group(2) or "").strip() or None
        following = PARAGRAPH_END.search(text, match.end())
        end = following.end() if following else len(text)
        waivers.append(Waiver(selectors, reason, Span(match.end(), end), Span(match.start(), match.end())))
    front = meta.get("waive")
    if front is not None:
        if not isinstance(front, dict) or not all(isinstance(k, str) for k in front):
            raise WaiverError("front matter: waive: expected rules and their reasons, like {gifts: \"thanking my referrer\"}")
        for selector, reason in front.items():
            reason = str(reason).strip() if reason is not None else None
            waivers.append(Waiver((selector,), reason or None, Span(body_start, len(text))))
    return tuple(waivers)


def blank_lines(text: str, waivers: tuple[Waiver, ...]) -> str:
    """The text with each waiver line turned into spaces (same length, so every offset stays true)."""
    for waiver in waivers:
        if waiver.line is not None:
            start, end = waiver.line.start, waiver.line.end
            text = text[:start] + " " * (end - start) + text[end:]
    return text


def apply(
    findings: list[Finding], waivers: tuple[Waiver, ...], offset_of
) -> tuple[list[Finding], list[Finding], list[tuple[Span, str, str]]]:  # noqa: ANN001
    """(findings that stand, findings waived, problems with waiver lines as (line, message, instead)).

    `offset_of(finding)` is a finding's start offset in the whole file. A waiver without a reason
    waives nothing; it and a waiver that hides nothing are problems the engine reports as NL000.
    """
    from .selection import finding_matches

    standing, waived = [], []
    used: set[int] = set()
    for finding in findings:
        at = offset_of(finding)
        hit = next(
            (k for k, w in enumerate(waivers)
             if w.reason and at in w.scope and any(finding_matches(finding, s) for s in w.selectors)),
            None,
        )
        if hit is None:
            standing.append(finding)
        else:
            used.add(hit)
            waived.append(replace(finding, message=f"{finding.message}{WAIVED}{waivers[hit].reason})"))
    problems = []
    for k, waiver in enumerate(waivers):
        where, named = waiver.line, ", ".join(waiver.selectors) or "nothing"
        if where is None:
            continue  # a front-matter waiver covers the whole draft; an unused one is harmless there
        if waiver.reason is None:
            problems.append((where, f"waiver of {named} gives no reason; it waives nothing until it does", NO_REASON))
        elif k not in used:
            problems.append((where, f"waiver of {named} hides nothing in the paragraph after it", UNUSED))
    return standing, waived, problems


def reason_of(finding: Finding) -> str | None:
    """The writer's reason, for a finding a waiver hid."""
    found = re.search(re.escape(WAIVED) + r"(.*)\)$", finding.message)
    return found.group(1) if found else None
