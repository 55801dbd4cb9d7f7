"""Baselines: record today's findings, then report only new ones.

A finding is known when the baseline holds one of the same rule on the same words in the same
file; line numbers are not part of it, so moving a paragraph or editing another line does not
make old findings new. Two identical findings in a file need two entries.
"""
from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Iterable

from .model import FileReport, Finding, fold_words

VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read; one line for the user."""


def _key(path: str, finding: Finding) -> tuple[str, str, str]:
    return (Path(path).as_posix(), finding.rule, fold_words(finding.match))


def write(path: Path, reports: Iterable[FileReport]) -> int:
    """Record every finding of these reports; returns how many. Written atomically."""
    rows = [
        {"path": file, "rule": rule, "match": match}
        for report in reports for file, rule, match in (_key(report.path, f) for f in report.findings)
    ]
    document = json.dumps({"notelint-baseline": VERSION, "findings": rows}, indent=1, ensure_ascii=False) + "\n"
    folder = path.resolve().parent
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, delete=False, suffix=".tmp") as out:
        out.write(document)
    os.replace(out.name, path)
    return len(rows)


def load(path: Path) -> Counter:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        if document.get("notelint-baseline") != VERSION:
            raise BaselineError(f"{path}: not a notelint baseline (version {VERSION}); write one with --write-baseline")
        return Counter((row["path"], row["rule"], row["match"]) for row in document["findings"])
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except (ValueError, KeyError, TypeError, AttributeError):
        raise BaselineError(f"{path}: not a notelint baseline; write one with --write-baseline") from None


def only_new(reports: list[FileReport], known: Counter) -> tuple[list[FileReport], int]:
    """The reports with the findings the baseline knows moved from `findings` to `known`, and how many were.

    The score stays the draft's real one, known findings included: hiding a finding from the list
    does not make the note any better.
    """
    left = Counter(known)
    hidden = 0
    fresh = []
    for report in reports:
        kept, old = [], []
        for finding in report.findings:
            key = _key(report.path, finding)
            if left[key] > 0:
                left[key] -= 1
                old.append(finding)
            else:
                kept.append(finding)
        if old:
            hidden += len(old)
            report = replace(report, findings=tuple(kept), known=tuple(old))
        fresh.append(report)
    return fresh, hidden
