"""`notelint fix`: apply the fixes rule files mark safe, keeping everything else about the file as it was.

A fix rewrites only the words of a finding whose rule says `fix: {safe: true}` and that carries a
replacement ("thx" -> "thank you", "!!" -> "!"); a replacement written in parentheses is advice
("(leave it out)"), never text. The file keeps its encoding, byte-order mark, line endings and
permissions. It is written through a temporary file in the same folder and an atomic rename,
and not at all if it changed on disk since it was read.
"""
from __future__ import annotations

import difflib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .draft import Draft, DraftError, parse_draft
from .model import FileReport
from .reading import BOMS, decode_bytes, read_bytes


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] (offsets into the draft's text, line endings as '\\n') with `new`."""

    start: int
    end: int
    new: str


@dataclass(frozen=True)
class Source:
    """A draft file as it is on disk: its bytes, byte-order mark, encoding and text with its own line endings."""

    path: Path
    data: bytes
    bom: bytes
    encoding: str
    raw: str  # decoded, line endings untouched

    @classmethod
    def read(cls, path: Path) -> "Source":
        data = read_bytes(str(path))
        _, encoding = decode_bytes(data)  # refuses binary files, finds the encoding
        bom = next((mark for mark, _ in BOMS if data.startswith(mark)), b"")
        return cls(path, data, bom, encoding, data[len(bom) :].decode(encoding))

    @property
    def text(self) -> str:
        """The text as notelint lints it: line endings as '\\n'."""
        return self.raw.replace("\r\n", "\n").replace("\r", "\n")

    def draft(self, context: dict[str, str] | None = None) -> Draft:
        return parse_draft(str(self.path), self.text, context, self.encoding)

    def rewritten(self, edits: list[Edit]) -> str:
        """The raw text with the edits applied; offsets are mapped past each '\\r\\n' so line endings survive."""
        to_raw, j = [], 0
        for _ in range(len(self.text) + 1):
            to_raw.append(j)
            j += 2 if self.raw.startswith("\r\n", j) else 1
        out = self.raw
        for edit in sorted(edits, key=lambda e: e.start, reverse=True):
            out = out[: to_raw[edit.start]] + edit.new + out[to_raw[edit.end] :]
        return out


def safe_edits(draft: Draft, report: FileReport, fixes: dict) -> list[Edit]:
    """Edits for the findings of rules with a safe fix (rule code -> schema.Fix) that carry a literal
    replacement, earliest first, without overlaps."""
    edits: list[Edit] = []
    for finding in sorted(report.findings, key=lambda f: (f.start.line, f.start.column)):
        new, fix = finding.suggestion, fixes.get(finding.rule)
        if fix is None or not fix.safe or new is None or (new.startswith("(") and new.endswith(")")):
            continue
        if not fix.applies(finding.match):
            continue
        start, end = draft.offset(finding.start), draft.offset(finding.end)
        if draft.text[start:end] != finding.match or (edits and start < edits[-1].end):
            continue
        edits.append(Edit(start, end, new))
    if edits and draft.form.source is not None:  # the text linted is a decoded email body, not the file's
        raise DraftError("the email's text is encoded (quoted-printable, base64 or HTML), so fix cannot edit it "
                         "in place; make the changes in your mail program")
    return edits


def diff(source: Source, new_raw: str) -> str:
    old = source.text.splitlines(keepends=True)
    new = new_raw.replace("\r\n", "\n").replace("\r", "\n").splitlines(keepends=True)
    return "".join(difflib.unified_diff(old, new, str(source.path), str(source.path)))


def write(source: Source, new_raw: str) -> None:
    """Replace the file atomically, in its encoding with its byte-order mark and mode; refuse if it changed."""
    try:
        data = source.bom + new_raw.encode(source.encoding)
    except UnicodeEncodeError:
        raise DraftError(f"a fix does not fit the file's encoding ({source.encoding}); nothing written") from None
    target = source.path.resolve()  # a link keeps pointing at the fixed file
    with tempfile.NamedTemporaryFile("wb", dir=target.parent, prefix=f".{target.name}.", delete=False) as out:
        out.write(data)
    try:
        shutil.copymode(target, out.name)
        if target.read_bytes() != source.data:
            raise DraftError("changed on disk while notelint was fixing it; nothing written")
        os.replace(out.name, target)
    except BaseException:
        Path(out.name).unlink(missing_ok=True)
        raise
