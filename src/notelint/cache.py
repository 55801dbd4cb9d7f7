"""A content-addressed cache of reports, so that re-checking an unchanged draft never imports spaCy.

The key covers everything a report depends on: the draft's text (front matter included), the
context given on the command line, every rule file's bytes, the options that choose rules,
notelint's version, and the bytes of notelint's own code and data files (so an edited source
tree or a reinstall with the same version number never serves an old report). An entry is one JSON file written atomically (temporary file, then rename),
so two runs at once never see half an entry; an entry that does not parse, or whose key or
format does not match, is ignored and rewritten, never trusted.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from . import __version__
from .draft import Draft
from .model import Deduction, FileReport, Finding, Inference, Position, Score, Severity

FORMAT = 1
DEFAULT_DIR = ".notelint_cache"
README = "Created by notelint: a cache of reports for unchanged drafts and of parsed rule files. Safe to delete.\n"


@lru_cache(maxsize=1)
def package_digest() -> str:
    """A digest of notelint's own files, code and data (names and bytes), so that a changed scoring.py or
    word list never meets a report the old one made. Reading them takes a few milliseconds, once a run."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    rules = package / "rules"  # in a wheel the rules and their models sit here; fingerprint() reads them
    for path in sorted(package.rglob("*")):
        if "__pycache__" in path.parts or path.suffix in (".pyc", ".pyo") or not path.is_file():
            continue
        if path.is_relative_to(rules):
            continue
        digest.update(f"{path.relative_to(package).as_posix()}\n".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def fingerprint(rule_dirs: Iterable[Path], *options: object) -> str:
    """A digest of notelint's own code and data, every rule file and trained model (name and bytes), the
    options that change results, and the version."""
    digest = hashlib.sha256(f"notelint {__version__} cache {FORMAT}\n{package_digest()}\n".encode())
    for directory in rule_dirs:
        models = sorted(p for p in (directory / "models").rglob("*") if p.is_file())  # trained classifiers
        for path in [*sorted(directory.glob("*.y*ml")), *models]:
            digest.update(f"{path.relative_to(directory).as_posix()}\n".encode())
            digest.update(path.read_bytes())
    digest.update(json.dumps(options, sort_keys=True, default=str).encode())
    return digest.hexdigest()


class ReportCache:
    """Reports by draft content under `directory`; every failure to read or write is a miss, never an error."""

    def __init__(self, directory: Path, salt: str):
        self.directory = directory / f"v{FORMAT}"
        self.root = directory
        self.salt = salt

    def key(self, draft: Draft) -> str:
        digest = hashlib.sha256(self.salt.encode())
        digest.update(json.dumps(draft.context, sort_keys=True).encode())
        situation = draft.situation  # to, company, dates, where each came from, the interview notes' bytes
        digest.update(json.dumps([situation.values(), situation.source, situation.notes_digest], sort_keys=True).encode())
        digest.update(draft.text.encode("utf-8", "surrogatepass"))
        # the same text read as Markdown or as an email is another note; an email's positions are its file's
        digest.update(f"\n{draft.form.kind}\n".encode())
        digest.update((draft.form.source or "").encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, draft: Draft) -> FileReport | None:
        if draft.situation.uses_clock():
            return None  # judged against the time of the check: never stored, never served
        key = self.key(draft)
        try:
            entry = json.loads(self._path(key).read_text(encoding="utf-8"))
            if entry.get("key") != key:
                return None
            return _report_from(entry["report"], draft.path)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def put(self, draft: Draft, report: FileReport) -> None:
        if draft.situation.uses_clock():
            return
        key = self.key(draft)
        _write_atomically(self.root, self._path(key), json.dumps({"key": key, "report": _report_to(report)},
                                                                 ensure_ascii=False))


class ConfigMemo:
    """Config files already validated, by path and bytes: an unchanged project config is not validated
    again on every run (validating means importing pydantic, 0.07 s). Kept beside the reports, written
    and checked the same way; a memo that does not parse or match is ignored, never trusted."""

    def __init__(self, directory: Path):
        self.directory = directory / f"v{FORMAT}" / "config"
        self.root = directory

    def _key(self, path: Path, data: bytes) -> str:
        digest = hashlib.sha256(f"notelint {__version__} config {FORMAT}\n{package_digest()}\n{path.resolve()}\n".encode())
        digest.update(data)
        return digest.hexdigest()

    def get(self, path: Path, data: bytes) -> dict | None:
        key = self._key(path, data)
        try:
            entry = json.loads((self.directory / f"{key}.json").read_text(encoding="utf-8"))
            return entry["fields"] if entry.get("key") == key and isinstance(entry.get("fields"), dict) else None
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def put(self, path: Path, data: bytes, fields: dict) -> None:
        key = self._key(path, data)
        try:
            entry = json.dumps({"key": key, "fields": fields}, ensure_ascii=False)
        except (TypeError, ValueError):
            return  # a value JSON cannot hold (a TOML date): validated afresh each run
        _write_atomically(self.root, self.directory / f"{key}.json", entry)


def _write_atomically(root: Path, path: Path, text: str) -> None:
    """Write through a temporary file and a rename, marking the cache folder first; a failure is a miss."""
    try:
        _mark(root)
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp") as out:
            out.write(text)
        os.replace(out.name, path)
    except OSError:
        try:
            os.unlink(out.name)  # type: ignore[possibly-undefined]
        except (OSError, NameError):
            pass


def _mark(root: Path) -> None:
    """Tell git and backup tools to leave the folder alone, as pytest and Ruff do."""
    if (root / ".gitignore").exists():
        return
    root.mkdir(parents=True, exist_ok=True)
    (root / ".gitignore").write_text("# created by notelint\n*\n", encoding="utf-8")
    (root / "CACHEDIR.TAG").write_text("Signature: 8a477f597d28d172789f06886806bc55\n# " + README, encoding="utf-8")


def _report_to(report: FileReport) -> dict:
    data = asdict(report)
    del data["path"]  # the same text at another path has the same findings
    return data


def _findings_from(rows: list[dict]) -> tuple[Finding, ...]:
    return tuple(
        Finding(**{**f, "severity": Severity(f["severity"]), "start": Position(**f["start"]), "end": Position(**f["end"])})
        for f in rows
    )


def _report_from(data: dict, path: str) -> FileReport:
    findings = _findings_from(data["findings"])
    score = data["score"]
    return FileReport(
        path=path,
        findings=findings,
        score=Score(score["value"], score["band"], score["advice"], tuple(Deduction(**d) for d in score["deductions"])),
        context=dict(data["context"]),
        inferred={key: Inference(**value) for key, value in data["inferred"].items()},
        waived=_findings_from(data["waived"]),
        situation=dict(data.get("situation") or {}),
        sources=dict(data.get("sources") or {}),
    )
