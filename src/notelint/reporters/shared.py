"""What the CI formats (sarif, github, gitlab, junit) share: paths relative to the checkout,
fingerprints that survive edits elsewhere in a draft, counts per severity."""
from __future__ import annotations

import hashlib
from pathlib import Path, PurePosixPath

from ..model import FileReport, Finding, Severity
from ..wording import plural

# most severe first: the order annotations are printed in and counts are shown in
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def ci_path(path: str, cwd: Path | None = None) -> str:
    """The path as a CI service wants it: forward slashes, no leading './', and relative to the
    current folder (the checkout, when notelint runs from its root) if it lies inside it. A path
    outside the current folder stays absolute; `<stdin>` stays as it is."""
    if path == "<stdin>":
        return path
    native = Path(path)
    if native.is_absolute():
        base = (cwd or Path.cwd()).resolve()
        try:
            native = native.resolve().relative_to(base)
        except ValueError:
            return native.as_posix()
    return str(PurePosixPath(native.as_posix()))  # PurePosixPath drops a leading './'


def fingerprints(report: FileReport) -> list[str]:
    """One fingerprint per finding, in the report's order: a hash of the path, the rule, the words at
    fault (whitespace folded) and which occurrence of those words for that rule this is. Line numbers
    are left out, so a finding keeps its fingerprint when lines above it are added or removed."""
    path = ci_path(report.path)
    seen: dict[tuple[str, str], int] = {}
    prints = []
    for finding in report.findings:
        words = " ".join(finding.match.split())
        occurrence = seen.get((finding.rule, words), 0)
        seen[(finding.rule, words)] = occurrence + 1
        key = "\x00".join((path, finding.rule, words, str(occurrence)))
        prints.append(hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32])
    return prints


def counts(findings: tuple[Finding, ...] | list[Finding]) -> dict[Severity, int]:
    tally = {severity: 0 for severity in SEVERITIES}
    for finding in findings:
        tally[finding.severity] += 1
    return tally


def known_note(report: FileReport) -> str | None:
    """What a --baseline hid in this draft, for the line under its score; None when nothing was."""
    count = len(report.known)
    if not count:
        return None
    them = "it" if count == 1 else "them"
    return f"{plural(count, 'known finding')} not shown (the baseline holds {them}); the score counts {them}"


def context_line(report: FileReport) -> str | None:
    """`context: audience=panel, to=Dr. Anneli Lindqvist (acme/notelint.yaml); stage=after-offer (inferred
    from line 3)`, or None when nothing is known: the stated values grouped by where they came from.

    A guess the note argues against is shown with a question mark and why it is not used."""
    parts = [f"{group} ({source})" if source else group for source, group in stated_groups(report)]
    parts += [
        f"{key}={i.value} (an .eml file)" if i.rule == "headers"
        else f"{key}={i.value} (inferred from line {i.line})" if i.confident
        else f"{key}={i.value}? (line {i.line} suggests it, but {i.doubt}, so it is not used)"
        for key, i in report.inferred.items()
    ]
    return "context: " + "; ".join(parts) if parts else None


def stated_groups(report: FileReport) -> list[tuple[str, str]]:
    """(source, "key=value, key=value") for the stated context and situation, in the order sources win."""
    values = {**report.context, **report.situation}
    groups: dict[str, list[str]] = {}
    for key, value in values.items():
        shown = " & ".join(value) if isinstance(value, list) else str(value)
        groups.setdefault(report.sources.get(key, ""), []).append(f"{key}={shown}")
    return [(source, ", ".join(items)) for source, items in groups.items()]


def context_dict(report: FileReport) -> dict:
    """The context for machine formats: stated values, where each came from, and the guesses."""
    return {"context": {**report.context, **report.situation}, "sources": dict(report.sources),
            "inferred": {key: {"value": i.value, "line": i.line, "confident": i.confident}
                         for key, i in report.inferred.items()}}


def plain_line(path: str, finding: Finding) -> str:
    """`path:line:col: severity code message`, one line whatever the draft held."""
    return one_line(f"{path}:{finding.start.line}:{finding.start.column}: "
                    f"{finding.severity.value} {finding.rule} {finding.message}")


_CONTROL = {code: 0x2400 + code for code in range(0x20) if code != 0x09} | {0x7F: 0x2421} | {
    code: 0xFFFD for code in range(0x80, 0xA0)} | {0x2028: 0xFFFD, 0x2029: 0xFFFD, 0x85: 0xFFFD}


def one_line(text: str) -> str:
    """Control characters from a draft (a line break could start a workflow command, an escape
    sequence could restyle the terminal) shown as their visible pictures."""
    return text.translate(_CONTROL)

