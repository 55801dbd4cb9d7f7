"""Waivers: a writer's reasoned "this finding is wrong here", written in the draft itself.

- A line `notelint: ignore[gifts, NL1302] -- thanking my referrer, not the interviewer` waives
  those rules (codes, code prefixes, names or categories) for the next paragraph.
- In Markdown the same inside an HTML comment: `<!-- notelint: ignore[gifts] -- reason -->`.
- For the whole draft, in front matter: `waive: {gifts: "thanking my referrer"}`.

A waiver must give a reason after `--` (or an em or en dash); one without, one that hides
nothing, one naming an unknown rule, and a line that starts like a waiver but cannot be read are
each a finding (NL000). Waiver lines, and lines that look like them, are blanked before linting,
so they are never measured as part of the note. Waived findings are kept on the report, counted and listed with --show-waived.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .model import Finding, Span

# Written as people type it: "notelint:" in any case, after "#" or inside an HTML comment, a space
# before "[", and the reason after "--" or the em or en dash that autocorrect puts there.
WAIVER_LINE = re.compile(
    r"[ \t]*(?:<!--[ \t]*|#+[ \t]*)?notelint[ \t]*:[ \t]*ignore[ \t]*\[([^\]\n]*)\]"
    r"[ \t]*(?:(?:--|\u2014|\u2013)[ \t]*(.*?))?[ \t]*(?:-->)?[ \t]*",
    re.IGNORECASE,
)
# any line that starts like a waiver: it is never read as part of the note, and if it cannot be
# read as a waiver it is reported as such
LOOKS_LIKE_WAIVER = re.compile(r"^[ \t]*(?:<!--[ \t]*|#+[ \t]*)?notelint\b[^\n]*$", re.MULTILINE | re.IGNORECASE)
PARAGRAPH_END = re.compile(r"\S[^\n]*(?:\n[ \t]*\S[^\n]*)*")
CODE, NAME, CATEGORY = "NL000", "waiver", "waiver"
WAIVED = " (waived: "  # a waived finding's message ends with the writer's reason: "... (waived: for my referrer)"
FORM = "notelint: ignore[gifts] -- thanking my referrer, not the interviewer"
NO_REASON = f"Give the reason after '--': {FORM}"
UNUSED = "Remove the waiver, or put it on the line before the paragraph it is meant for"
UNREADABLE = f"Write it as: {FORM}"
UNKNOWN = "Name a rule by its code (NL601) or name (gift-to-interviewer), or a category (gifts); `notelint rules` lists them"


class WaiverError(ValueError):
    """Front matter `waive:` that is not a mapping of rules to reasons."""


@dataclass(frozen=True)
class Waiver:
    """Rules waived within `scope` (offsets into the whole file), for a reason, written on `line` (None: front matter).

    A line that looks like a waiver but cannot be read waives nothing; `unreadable` says why.
    """

    selectors: tuple[str, ...]
    reason: str | None
    scope: Span
    line: Span | None = None  # the waiver line itself, offsets into the whole file
    unreadable: str | None = None


def _why_unreadable(line: str) -> str:
    """What keeps a line that starts like a waiver from being one."""
    rest = re.sub(r"(?i)^[ \t]*(?:<!--[ \t]*|#+[ \t]*)?notelint\b", "", line)
    if not rest.lstrip().startswith(":"):
        return "'notelint' needs a ':' after it"
    word = re.match(r"[ \t]*:[ \t]*([\w-]*)", rest).group(1)
    if word.lower() != "ignore":
        return f"'{word}' should read 'ignore'" if word else "it has no ignore[...]"
    if "[" not in rest:
        return "the rules it waives are not in square brackets"
    if "]" not in rest.split("[", 1)[1]:
        return "its '[' is never closed"
    return "its reason must follow '--' after the brackets"


def find(text: str, body_start: int, meta: dict) -> tuple[Waiver, ...]:
    """The waivers in a draft's body and front matter, and the lines that look like waivers but are not."""
    waivers = []
    for line in LOOKS_LIKE_WAIVER.finditer(text, body_start):
        where = Span(line.start(), line.end())
        match = WAIVER_LINE.fullmatch(line.group())
        if match is None:
            waivers.append(Waiver((), None, Span(line.end(), line.end()), where, _why_unreadable(line.group())))
            continue
        selectors = tuple(s.strip() for s in match.group(1).split(",") if s.strip())
        reason = (match.group(2) or "").strip() or None
        following = PARAGRAPH_END.search(text, line.end())
        end = following.end() if following else len(text)
        waivers.append(Waiver(selectors, reason, Span(line.end(), end), where))
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
    findings: list[Finding], waivers: tuple[Waiver, ...], offset_of, rules: list  # noqa: ANN001
) -> tuple[list[Finding], list[Finding], list[tuple[Span, str, str]]]:
    """(findings that stand, findings waived, problems with waiver lines as (line, message, instead)).

    `offset_of(finding)` is a finding's start offset in the whole file; `rules` are the rules a
    selector may name. A waiver without a reason waives nothing; it, a line that only looks like a
    waiver, a selector that names no rule, and selectors that hide nothing are problems the engine
    reports as NL000.
    """
    from .selection import finding_matches, unknown

    standing, waived = [], []
    used: set[tuple[int, str]] = set()
    for finding in findings:
        at = offset_of(finding)
        hit = next(
            ((k, s) for k, w in enumerate(waivers) if w.reason and at in w.scope
             for s in w.selectors if finding_matches(finding, s)),
            None,
        )
        if hit is None:
            standing.append(finding)
        else:
            used |= {(hit[0], s) for s in waivers[hit[0]].selectors if finding_matches(finding, s)}
            waived.append(replace(finding, message=f"{finding.message}{WAIVED}{waivers[hit[0]].reason})"))
    problems = []
    for k, waiver in enumerate(waivers):
        where = waiver.line
        if where is None:
            continue  # a front-matter waiver covers the whole draft; an unused one is harmless there
        if waiver.unreadable:
            problems.append((where, f"this looks like a waiver but {waiver.unreadable}, so it waives nothing", UNREADABLE))
            continue
        strangers = unknown(rules, waiver.selectors)
        for selector in strangers:
            problems.append((where, f"unknown rule or category '{selector}'{_did_you_mean(selector, rules)}", UNKNOWN))
        if not waiver.selectors:
            problems.append((where, "waiver names no rule; it waives nothing", UNREADABLE))
        elif waiver.reason is None:
            named = ", ".join(waiver.selectors)
            problems.append((where, f"waiver of {named} gives no reason; it waives nothing until it does", NO_REASON))
        else:
            idle = [s for s in waiver.selectors if (k, s) not in used and s not in strangers]
            if idle:
                problems.append((where, f"waiver of {', '.join(idle)} hides nothing in the paragraph after it", UNUSED))
    return standing, waived, problems


def _did_you_mean(selector: str, rules: list) -> str:  # noqa: ANN001
    import difflib

    names = sorted({n for r in rules for n in (r.code, r.name, getattr(r, "category", None)) if n})
    close = difflib.get_close_matches(selector.strip().lower(), [n.lower() for n in names], n=1, cutoff=0.6)
    return f"; did you mean '{next(n for n in names if n.lower() == close[0])}'?" if close else ""


def reason_of(finding: Finding) -> str | None:
    """The writer's reason, for a finding a waiver hid."""
    found = re.search(re.escape(WAIVED) + r"(.*)\)$", finding.message)
    return found.group(1) if found else None
