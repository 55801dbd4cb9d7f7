"""GitLab Code Quality: a JSON list of issues (the Code Climate format GitLab reads from a
`codequality` report artifact). Described, with the severity mapping, in docs/ci-formats.md.

Severities: error -> major, warning -> minor, info -> info. GitLab's `critical` and `blocker`
are left for problems that break software; no wording in a note is that.
The fingerprint is what GitLab uses to tell a new issue from one it saw on the target branch,
so it leaves out line numbers (see shared.fingerprints).
"""
from __future__ import annotations

import json
from typing import IO, Iterable

from ..model import FileReport, Severity
from .shared import ci_path, context_line, fingerprints

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def issues(reports: Iterable[FileReport]) -> list[dict]:
    found = []
    for report in reports:
        path = ci_path(report.path)
        known = context_line(report)
        for finding, fingerprint in zip(report.findings, fingerprints(report)):
            found.append({
                **({"content": {"body": known}} if known else {}),
                "type": "issue",
                "description": f"{finding.message} ({finding.rule} {finding.name})",
                "check_name": finding.rule,
                "fingerprint": fingerprint,
                "severity": SEVERITIES[finding.severity],
                "categories": ["Style"],
                "location": {"path": path, "lines": {"begin": finding.start.line, "end": finding.end.line}},
            })
    return found


def render(reports: Iterable[FileReport], stream: IO[str], errors: list[dict] | None = None,
           **_options: object) -> None:
    json.dump(issues(reports), stream, indent=2, ensure_ascii=False)
    stream.write("\n")
