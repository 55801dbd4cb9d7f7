"""SARIF 2.1.0 for code-scanning services and SARIF viewers; described in docs/ci-formats.md.

One run; the driver lists every rule that ran (not only those that fired) with its why and
instead, and each result carries a fingerprint that survives edits elsewhere in the draft.
"""
from __future__ import annotations

import json
import string
from pathlib import Path
from typing import IO, Iterable
from urllib.parse import quote

from .. import __version__
from ..model import FileReport, Finding, Severity, rule_number
from .shared import ci_path, context_dict, fingerprints

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT_KEY = "notelint/v1"  # path, rule, words at fault, occurrence: see shared.fingerprints
SRCROOT = "%SRCROOT%"


def _text(value: str) -> str:
    """YAML's folded text as one paragraph: no trailing newline, runs of spaces made one."""
    return " ".join(value.split())


def _title(rule) -> str:  # noqa: ANN001 - a rule model
    """The rule's message when it has no placeholders to fill, else its name as words ('Gift to interviewer')."""
    if not any(field for _, field, _, _ in string.Formatter().parse(rule.message)):
        return _text(rule.message)
    return rule.name.replace("-", " ").capitalize()


def _descriptor(rule) -> dict:  # noqa: ANN001 - a rule model that reports findings
    explanation = f"{_text(rule.why)}\n\nInstead: {_text(rule.instead)}"
    descriptor = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": _title(rule)},
        "fullDescription": {"text": explanation},
        "help": {"text": explanation, "markdown": f"{_text(rule.why)}\n\n**Instead:** {_text(rule.instead)}"},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"category": rule.category, "tags": [rule.category]},
    }
    if getattr(rule, "link", None):
        descriptor["helpUri"] = rule.link
    return descriptor


def _descriptor_from_finding(finding: Finding) -> dict:
    """For a rule we were not told about (render called without rules): what a finding says of it."""
    return {
        "id": finding.rule,
        "name": finding.name,
        "shortDescription": {"text": finding.name.replace("-", " ").capitalize()},
        "defaultConfiguration": {"level": LEVELS[finding.severity]},
        "properties": {"category": finding.category, "tags": [finding.category]},
    }


def artifact_location(path: str) -> dict:
    """A relative path becomes a URI reference against %SRCROOT% (the current folder); a path outside
    it a file:// URI."""
    where = ci_path(path)
    if Path(where).is_absolute():
        return {"uri": Path(where).as_uri()}
    return {"uri": quote(where, safe="/"), "uriBaseId": SRCROOT}


def _region(finding: Finding) -> dict:
    # columns count characters (code points), 1-based; the end is one past the last character at
    # fault, which is what SARIF's endColumn means too
    return {"startLine": finding.start.line, "startColumn": finding.start.column,
            "endLine": finding.end.line, "endColumn": finding.end.column}


def _folder_uri(folder: Path) -> str:
    uri = folder.resolve().as_uri()
    return uri if uri.endswith("/") else uri + "/"  # a base URI names a folder only with its slash


def _information_uri() -> str | None:
    """The project's home page as its package metadata declares it, if it declares one."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        meta = metadata("notelint")
    except PackageNotFoundError:
        return None
    urls = dict(entry.split(", ", 1) for entry in meta.get_all("Project-URL") or [] if ", " in entry)
    for label in ("Homepage", "homepage", "Repository", "Source", "Documentation"):
        if urls.get(label):
            return urls[label]
    return meta.get("Home-page") or None


def document(reports: Iterable[FileReport], errors: list[dict] | None = None,
             encodings: dict[str, str] | None = None, rules: Iterable | None = None) -> dict:
    reports = list(reports)
    descriptors = [_descriptor(r) for r in (rules or []) if getattr(r, "REPORTS", True)]
    known = {d["id"] for d in descriptors}
    for report in reports:
        for finding in report.findings:
            if finding.rule not in known:
                known.add(finding.rule)
                descriptors.append(_descriptor_from_finding(finding))
    descriptors.sort(key=lambda d: rule_number(d["id"]))
    index = {d["id"]: i for i, d in enumerate(descriptors)}

    driver = {"name": "notelint", "version": __version__, "semanticVersion": __version__, "rules": descriptors}
    home = _information_uri()
    if home:
        driver["informationUri"] = home

    results, artifacts = [], []
    for report in reports:
        location = artifact_location(report.path)
        artifact = {"location": location, "roles": ["analysisTarget"],
                    "properties": {"score": report.score.value, "band": report.score.band, **context_dict(report)}}
        if (encodings or {}).get(report.path):
            artifact["encoding"] = encodings[report.path]
        artifacts.append(artifact)
        for finding, fingerprint in zip(report.findings, fingerprints(report)):
            result = {
                "ruleId": finding.rule,
                "ruleIndex": index[finding.rule],
                "level": LEVELS[finding.severity],
                "message": {"text": finding.message},
                "locations": [{"physicalLocation": {"artifactLocation": dict(location), "region": _region(finding)}}],
                "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
                "properties": {"category": finding.category, "instead": _text(finding.instead)},
            }
            if finding.suggestion is not None:
                result["properties"]["suggestion"] = finding.suggestion
            if finding.context_hint:
                result["properties"]["contextHint"] = finding.context_hint
            results.append(result)

    notifications = [
        {"level": "error", "message": {"text": error["message"]},
         "locations": [{"physicalLocation": {"artifactLocation": artifact_location(error["path"])}}]}
        for error in errors or []
    ]
    run = {
        "tool": {"driver": driver},
        "invocations": [{"executionSuccessful": not errors, "toolExecutionNotifications": notifications}],
        "originalUriBaseIds": {SRCROOT: {"uri": _folder_uri(Path.cwd())}},
        "artifacts": artifacts,
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(reports: Iterable[FileReport], stream: IO[str], errors: list[dict] | None = None,
           encodings: dict[str, str] | None = None, rules: Iterable | None = None, **_options: object) -> None:
    json.dump(document(reports, errors, encodings, rules), stream, indent=2, ensure_ascii=False)
    stream.write("\n")
