"""GitHub Actions: every finding as a plain log line, the most severe as annotations, and a job summary.

GitHub shows at most 10 annotations of each level (error, warning, notice) per step and silently
drops the rest, so annotations go out errors first, and a level with more than 10 gets 9 findings
and a tenth annotation that says how many more there are (an 11th line would be dropped with the
rest). The log above the annotations has every finding, so nothing is lost. Described in
docs/ci-formats.md.
"""
from __future__ import annotations

import os
import re
import sys
from typing import IO, Iterable

from ..model import FileReport, Finding, Severity
from ..wording import plural
from .shared import SEVERITIES, ci_path, context_line, counts, known_note, one_line, plain_line

ANNOTATIONS_PER_LEVEL = 10  # GitHub's limit per step for each of error, warning and notice
COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
PLURALS = {Severity.ERROR: "errors", Severity.WARNING: "warnings", Severity.INFO: "notices"}


def escape_data(text: str) -> str:
    """A workflow command's message: %, CR and LF percent-encoded, as @actions/core does."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: as data, and ':' and ',' too."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: object) -> str:
    fields = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items() if value is not None)
    return f"::{name}{' ' + fields if fields else ''}::{escape_data(message)}"


def annotation(path: str, finding: Finding) -> str:
    same_line = finding.start.line == finding.end.line
    # GitHub takes columns only for an annotation on one line
    return command(
        COMMANDS[finding.severity],
        f"{finding.message}\nInstead: {' '.join(finding.instead.split())}",
        file=path,
        line=finding.start.line,
        col=finding.start.column if same_line else None,
        endLine=finding.end.line,
        endColumn=finding.end.column if same_line else None,
        title=f"{finding.rule} {finding.name}",
    )


def annotations(reports: list[FileReport], errors: list[dict]) -> list[str]:
    """Errors first, then warnings, then notices; at most 10 lines of each."""
    by_level: dict[Severity, list[str]] = {severity: [] for severity in SEVERITIES}
    by_level[Severity.ERROR] += [command("error", error["message"], file=ci_path(error["path"]),
                                         title="notelint could not check this draft") for error in errors]
    for report in reports:
        path = ci_path(report.path)
        for finding in report.findings:
            by_level[finding.severity].append(annotation(path, finding))
    lines = []
    for severity in SEVERITIES:
        level = by_level[severity]
        if len(level) > ANNOTATIONS_PER_LEVEL:
            shown = ANNOTATIONS_PER_LEVEL - 1
            more = len(level) - shown
            level = level[:shown] + [command(COMMANDS[severity], f"{more} more {PLURALS[severity]} not shown "
                                             "as annotations; see the job log")]  # more is 2 or more
        lines += level
    return lines


def log_lines(reports: list[FileReport]) -> list[str]:
    """Plain lines that start with the draft's path; a path that begins with '::' (a file named
    '::error::x.txt') gets a './' so the runner does not read the line as a command."""
    lines = []
    for report in reports:
        path = ci_path(report.path)
        path = f"./{path}" if path.startswith("::") else path
        hidden = known_note(report)
        lines.append(one_line(f"{path}: score {report.score.value}/100 ({report.score.band})"
                              + (f"; {hidden}" if hidden else "")))
        known = context_line(report)
        if known:
            lines.append(one_line(f"{path}: {known}"))
        lines += [plain_line(path, finding) for finding in report.findings]
    return lines


def summary_line(reports: list[FileReport], errors: list[dict]) -> str:
    tally = counts([f for r in reports for f in r.findings])
    total = sum(tally.values())
    line = (f"notelint: {plural(total, 'finding')} ({plural(tally[Severity.ERROR], 'error')}, "
            f"{plural(tally[Severity.WARNING], 'warning')}, {tally[Severity.INFO]} info) in "
            f"{plural(len(reports), 'draft')}")
    if reports:
        line += f"; average score {round(sum(r.score.value for r in reports) / len(reports))}/100"
    if errors:
        line += f"; {len(errors)} could not be checked"
    return line


def _cell(text: str) -> str:
    """Plain text for a Markdown table cell: one line, and a '|' that does not end the cell."""
    return one_line(text).replace("\\", "\\\\").replace("|", "\\|")


def _code(text: str) -> str:
    """A path as inline code for a table cell, whatever backticks or '|' it holds."""
    text = one_line(text)
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}".replace("|", "\\|")  # GFM: \| works inside code in a table


def job_summary(reports: list[FileReport], errors: list[dict]) -> str:
    """Markdown for $GITHUB_STEP_SUMMARY: one row per draft, worst score first, then the totals."""
    lines = ["### notelint", "", summary_line(reports, errors).removeprefix("notelint: ") + ".", ""]
    if reports:
        lines += ["| draft | score | band | errors | warnings | info |", "|---|--:|---|--:|--:|--:|"]
        ordered = sorted(reports, key=lambda r: (r.score.value, ci_path(r.path)))
        totals = {severity: 0 for severity in SEVERITIES}
        for report in ordered:
            tally = counts(report.findings)
            for severity in SEVERITIES:
                totals[severity] += tally[severity]
            lines.append(f"| {_code(ci_path(report.path))} | {report.score.value} | {report.score.band} | "
                         f"{tally[Severity.ERROR]} | {tally[Severity.WARNING]} | {tally[Severity.INFO]} |")
        average = round(sum(r.score.value for r in reports) / len(reports))
        lines.append(f"| **total: {plural(len(reports), 'draft')}** | {average} (average) | | "
                     f"{totals[Severity.ERROR]} | {totals[Severity.WARNING]} | {totals[Severity.INFO]} |")
        lines.append("")
    if errors:
        lines += ["Could not be checked:", ""]
        lines += [f"- {_code(ci_path(e['path']))}: {_cell(e['message'])}" for e in errors]
        lines.append("")
    return "\n".join(lines) + "\n"


def render(reports: Iterable[FileReport], stream: IO[str], errors: list[dict] | None = None,
           **_options: object) -> None:
    reports, errors = list(reports), list(errors or [])
    lines = log_lines(reports) + [summary_line(reports, errors)] + annotations(reports, errors)
    stream.write("\n".join(lines) + "\n")
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_file:
        try:
            with open(summary_file, "a", encoding="utf-8") as summary:
                summary.write(job_summary(reports, errors))
        except OSError as exc:  # the report itself is out; a summary that cannot be written is a note
            sys.stderr.write(f"notelint: warning: cannot write the job summary to {summary_file}: "
                             f"{exc.strerror or exc}\n")
