"""Human output with rich: score per file, each finding with its line and the words at fault."""
from __future__ import annotations

import re
from typing import IO, Iterable

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from ..formats import Form
from ..model import FileReport, Finding, Severity
from ..reading import encoding_note
from ..wording import plural
from .shared import context_line, known_note

# A draft is anyone's text: control characters (an escape sequence could clear the screen or retitle
# the terminal) are shown as their visible pictures, one character for one, so columns stay aligned.
_VISIBLE = {code: 0x2400 + code for code in range(0x20) if code != 0x09} | {0x7F: 0x2421} | {
    code: 0xFFFD for code in range(0x80, 0xA0)}


def _visible(text: str) -> str:
    return text.translate(_VISIBLE)


# a word as the metrics count them (spaCy tokens with a letter or digit): "I'm" is two, "3.5" one
WORD = re.compile(r"[^\W_]+(?:[.,][0-9]+)*")

SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
BAND_STYLE = {"ready": "bold green", "revise": "bold yellow", "rewrite": "bold red"}


def _finding(console: Console, path: str, finding: Finding) -> None:
    head = Text()
    head.append(f"{path}:{finding.start.line}:{finding.start.column}", style="bold")
    head.append("  ")
    head.append(f"{finding.severity.value:<7}", style=SEVERITY_STYLE[finding.severity])
    head.append(f" {finding.rule} ", style="dim")
    head.append(_visible(finding.message))
    console.print(head, soft_wrap=True)

    gutter = f"{finding.start.line:>5} | "
    line = Text(gutter, style="dim")
    body = Text(_visible(finding.line_text.expandtabs(1)))
    start = finding.start.column - 1
    stop = finding.end.column - 1 if finding.end.line == finding.start.line else len(finding.line_text)
    stop = max(stop, start + 1)
    body.stylize("bold red underline", start, stop)
    line.append_text(body)
    console.print(line, soft_wrap=True)
    # carets under the words at fault as a terminal shows them: a CJK letter or an emoji takes two
    # cells, a zero-width space or combining accent none (the line:col above counts characters)
    shown = body.plain
    marker = " " * 5 + " | " + " " * cell_len(shown[:start]) + "^" * max(1, cell_len(shown[start:stop]))
    if finding.end.line > finding.start.line:  # a sentence or paragraph: its first line, and how long it is
        marker += f" ({plural(len(WORD.findall(finding.match)), 'word')})"
    console.print(Text(marker, style="red"), soft_wrap=True)
    hint = Text("      instead: ", style="green")
    hint.append(finding.instead)
    console.print(hint, soft_wrap=True)
    if finding.allowed_because:
        console.print(Text(f"      allowed: {finding.allowed_because}", style="dim"), soft_wrap=True)
    if finding.context_hint:
        console.print(Text(f"      note: {finding.context_hint}", style="dim"), soft_wrap=True)


def headers_line(form: Form | None) -> str | None:
    """`headers: To: Dana Reyes <dana@x>, Subject: Thank you, Date: ...` for an email, else None."""
    if form is None or not form.headers:
        return None
    return "headers: " + ", ".join(f"{name}: {value}" for name, value in form.headers)


def render(reports: Iterable[FileReport], stream: IO[str], errors: list[dict] | None = None,
           encodings: dict[str, str] | None = None, forms: dict[str, Form] | None = None,
           show_waived: bool = False, **_options: object) -> None:
    """`encodings`: for drafts that were not UTF-8, what their bytes were read as (a note line each).
    `forms`: for emails, the headers read and where positions point (a line each).
    `show_waived`: list the findings the writer waived, after the others."""
    console = Console(file=stream, highlight=False, emoji=False)
    files = counts = waived = hidden_total = 0
    by_severity = {s: 0 for s in Severity}
    scores: list[int] = []
    for report in reports:
        files += 1
        scores.append(report.score.value)
        title = Text()
        title.append(report.path, style="bold underline")
        title.append("  score ")
        title.append(f"{report.score.value}/100", style=BAND_STYLE[report.score.band])
        title.append(f" ({report.score.band})", style=BAND_STYLE[report.score.band])
        title.append(f"  {report.score.advice}")
        console.print(title, soft_wrap=True)
        hidden = known_note(report)
        if hidden:
            console.print(Text(f"  {hidden}", style="bold"), soft_wrap=True)
        known = context_line(report)
        if known:
            console.print(Text(f"  {known}", style="dim"), soft_wrap=True)
        form = (forms or {}).get(report.path)
        headers = headers_line(form)
        if headers:
            console.print(Text(f"  {_visible(headers)}", style="dim"), soft_wrap=True)
        note = encoding_note((encodings or {}).get(report.path, "utf-8"))
        for note in (note, form.positions if form else None):
            if note:
                console.print(Text(f"  note: {note}", style="dim"), soft_wrap=True)
        for finding in report.findings:
            counts += 1
            by_severity[finding.severity] += 1
            _finding(console, report.path, finding)
        waived += len(report.waived)
        hidden_total += len(report.known)
        if show_waived:
            for finding in report.waived:
                console.print(Text("  waived:", style="dim"), soft_wrap=True)
                _finding(console, report.path, finding)
        if report.score.deductions:
            lost = ", ".join(f"{d.rule} -{d.points}" for d in report.score.deductions)
            console.print(Text(f"  points lost: {lost}", style="dim"), soft_wrap=True)
        console.print()
    errors_, warnings_ = by_severity[Severity.ERROR], by_severity[Severity.WARNING]
    summary = (
        f"{plural(counts, 'finding')} ({plural(errors_, 'error')}, {plural(warnings_, 'warning')}, "
        f"{by_severity[Severity.INFO]} info) in {plural(files, 'file')}"
    )
    if waived:
        summary += f"; {waived} waived" + ("" if show_waived else " (--show-waived lists them)")
    if hidden_total:
        summary += f"; {hidden_total} known not shown"
    if scores:
        summary += f"; average score {round(sum(scores) / len(scores))}/100"
    if errors:
        summary += f"; {plural(len(errors), 'file')} could not be checked"
    console.print(Text(summary, style="bold"), soft_wrap=True)
