"""One JSON document for all files; the keys are documented in docs/json-format.md and kept stable."""
from __future__ import annotations

import json
from typing import IO, Iterable

from ..formats import Form
from ..model import FileReport, Finding


def finding_dict(finding: Finding) -> dict:
    return {
        "rule": finding.rule,
        "name": finding.name,
        "category": finding.category,
        "severity": finding.severity.value,
        "message": finding.message,
        "line": finding.start.line,
        "column": finding.start.column,
        "end_line": finding.end.line,
        "end_column": finding.end.column,
        "match": finding.match,
        "instead": finding.instead,
        "suggestion": finding.suggestion,
        "context_hint": finding.context_hint,
        "allowed_because": finding.allowed_because,
    }


def report_dict(report: FileReport, encoding: str | None = None, form: Form | None = None) -> dict:
    """`encoding` only for a draft that was not UTF-8: what its bytes were read as; `form` for an email:
    the headers read, and whether positions count the decoded body."""
    document = {
        "path": report.path,
        "score": report.score.value,
        "band": report.score.band,
        "deductions": [{"rule": d.rule, "points": d.points} for d in report.score.deductions],
        "context": report.context,
        "situation": report.situation,
        "context_sources": report.sources,
        "inferred_context": {
            key: {"value": i.value, "line": i.line, "rule": i.rule, "confident": i.confident, "doubt": i.doubt}
            for key, i in report.inferred.items()
        },
        "findings": [finding_dict(f) for f in report.findings],
        "waived": [finding_dict(f) for f in report.waived],
    }
    if report.known:  # findings a --baseline held: not listed, but counted in the score
        document["known"] = len(report.known)
    if encoding:
        document["encoding"] = encoding
    if form is not None and form.headers:
        document["headers"] = {name.lower(): value for name, value in form.headers}
    if form is not None and form.positions:
        document["positions"] = "decoded-body"  # lines and columns count the decoded email body
    return document


def render(reports: Iterable[FileReport], stream: IO[str], errors: list[dict] | None = None,
           encodings: dict[str, str] | None = None, forms: dict[str, Form] | None = None,
           **_options: object) -> None:
    files = [report_dict(r, (encodings or {}).get(r.path), (forms or {}).get(r.path)) for r in reports]
    document = {"version": 1, "files": files, "errors": errors or []}
    json.dump(document, stream, indent=2, ensure_ascii=False)
    stream.write("\n")
