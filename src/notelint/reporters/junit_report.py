"""JUnit XML for CI test-report views: one test suite named notelint, one test case per draft.

A draft fails when it has findings at or above --fail-on (the same rule as the exit code); the
failure lists them one per line. Every draft's score, and findings below the bar, are in its
<system-out>. A draft that could not be read is a test case with an <error>. Described in
docs/ci-formats.md.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import PurePosixPath
from typing import IO, Iterable

from ..model import FileReport, Severity
from ..wording import plural
from .shared import ci_path, context_line, known_note, plain_line

# characters XML 1.0 cannot hold at all, even escaped; a draft may contain them
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub(lambda m: chr(0x2400 + ord(m.group())) if ord(m.group()) < 0x20 else "\ufffd", text)


def _folder(path: str) -> str:
    parent = str(PurePosixPath(path).parent)
    return parent if path != "<stdin>" else "."


def document(reports: Iterable[FileReport], errors: list[dict] | None = None, fail_on: str = "warning") -> ET.Element:
    reports, errors = list(reports), list(errors or [])
    threshold = None if fail_on == "never" else Severity(fail_on).rank
    suite = ET.Element("testsuite", name="notelint")
    failures = 0
    for report in reports:
        path = ci_path(report.path)
        case = ET.SubElement(suite, "testcase", classname=_xml(_folder(path)), name=_xml(path))
        fails = [threshold is not None and f.severity.rank >= threshold for f in report.findings]
        failing = [f for f, fail in zip(report.findings, fails) if fail]
        if failing:
            failures += 1
            worst = max(failing, key=lambda f: f.severity.rank).severity
            failure = ET.SubElement(case, "failure", type=worst.value,
                                    message=f"{plural(len(failing), 'finding')} at or above {fail_on}")
            failure.text = _xml("\n".join(plain_line(path, f) for f in failing)) + "\n"
        rest = [plain_line(path, f) for f, fail in zip(report.findings, fails) if not fail]
        out = ET.SubElement(case, "system-out")
        hidden = known_note(report)
        head = f"score {report.score.value}/100 ({report.score.band})" + (f"; {hidden}" if hidden else "")
        known = context_line(report)
        out.text = _xml("\n".join([head, *([known] if known else []), *rest])) + "\n"
    for error in errors:
        path = ci_path(error["path"])
        case = ET.SubElement(suite, "testcase", classname=_xml(_folder(path)), name=_xml(path))
        ET.SubElement(case, "error", type="unreadable", message=_xml(error["message"]))
    counts = {"tests": str(len(reports) + len(errors)), "failures": str(failures),
              "errors": str(len(errors)), "skipped": "0"}
    suite.attrib.update(counts)
    root = ET.Element("testsuites", name="notelint", **{k: v for k, v in counts.items() if k != "skipped"})
    root.append(suite)
    return root


def render(reports: Iterable[FileReport], stream: IO[str], errors: list[dict] | None = None,
           fail_on: str = "warning", **_options: object) -> None:
    tree = ET.ElementTree(document(reports, errors, fail_on))
    ET.indent(tree)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    tree.write(stream, encoding="unicode")
    stream.write("\n")
