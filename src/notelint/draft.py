"""Reading a draft: decoding, front matter, context, and offsets to line/column."""
from __future__ import annotations

import bisect
import re
import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Iterator

from . import yaml12
from .model import CONTEXT_VALUES, Position

DRAFT_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".eml")
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)


class DraftError(Exception):
    """A draft cannot be read; the message is one line for the user."""


@dataclass(frozen=True)
class Draft:
    """One note: its full text, where the body starts, and what we know about its context."""

    path: str
    text: str
    body_start: int = 0
    context: dict[str, str] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)
    known_words: frozenset[str] = frozenset()

    @property
    def body(self) -> str:
        return self.text[self.body_start :]

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0] + [m.end() for m in re.finditer("\n", self.text)]

    def position(self, offset: int) -> Position:
        """1-based line and column of a character offset into the whole file."""
        starts = self._line_starts
        index = bisect.bisect_right(starts, offset) - 1
        return Position(line=index + 1, column=offset - starts[index] + 1)

    def line_text(self, line: int) -> str:
        starts = self._line_starts
        begin = starts[line - 1]
        end = starts[line] - 1 if line < len(starts) else len(self.text)
        return self.text[begin:end]


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 first, then the encoding charset-normalizer finds; binary is refused."""
    if b"\x00" in data:
        raise DraftError("looks like a binary file, not a text draft")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise DraftError("cannot tell the text encoding; save the draft as UTF-8") from None
        text = str(best)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _context_from(meta: dict[str, Any], where: str) -> dict[str, str]:
    context: dict[str, str] = {}
    for key, allowed in CONTEXT_VALUES.items():
        if key not in meta or meta[key] is None:
            continue
        value = str(meta[key]).strip().lower()
        if value not in allowed:
            raise DraftError(f"{where}: {key}: {meta[key]!r} is not one of {', '.join(allowed)}")
        context[key] = value
    return context


def parse_context_options(options: list[str]) -> dict[str, str]:
    """`--context key=value` options to a context mapping, validated."""
    raw: dict[str, str] = {}
    for option in options:
        key, sep, value = option.partition("=")
        key = key.strip().lower()
        if not sep or key not in CONTEXT_VALUES:
            raise DraftError(
                f"--context {option!r}: expected key=value with key one of {', '.join(CONTEXT_VALUES)}"
            )
        raw[key] = value
    return _context_from(raw, "--context")


def _known_words(meta: dict[str, Any], where: str) -> frozenset[str]:
    words: list[str] = []
    for key in ("names", "words"):
        value = meta.get(key)
        if value is None:
            continue
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
            raise DraftError(f"{where}: {key}: expected a list of words")
        words.extend(part.lower() for v in value for part in str(v).split())
    return frozenset(words)


def parse_draft(path: str, text: str, context: dict[str, str] | None = None) -> Draft:
    """Split off YAML front matter and build a Draft; `context` (from options) wins over front matter."""
    meta: dict[str, Any] = {}
    body_start = 0
    match = FRONT_MATTER.match(text)
    if match:
        try:
            loaded = yaml12.load(match.group(1) or "")
        except yaml12.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = f" (line {mark.line + 2})" if mark else ""
            raise DraftError(f"front matter is not valid YAML{line}: {getattr(exc, 'problem', exc)}") from None
        if loaded is not None and not isinstance(loaded, dict):
            raise DraftError("front matter must be a mapping of keys to values")
        meta = loaded or {}
        body_start = match.end()
    merged = {**_context_from(meta, "front matter"), **(context or {})}
    if not text[body_start:].strip():
        raise DraftError("the draft is empty")
    return Draft(path, text, body_start, merged, meta, _known_words(meta, "front matter"))


def read_draft(path: str, context: dict[str, str] | None = None) -> Draft:
    """Read a draft from a file, or from standard input when path is '-'."""
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except FileNotFoundError:
        raise DraftError("no such file") from None
    except IsADirectoryError:
        raise DraftError("is a directory") from None
    except OSError as exc:
        raise DraftError(f"cannot read: {exc.strerror or exc}") from None
    return parse_draft("<stdin>" if path == "-" else path, decode(data), context)


def expand_paths(paths: list[str]) -> Iterator[str]:
    """Files as given; directories walked for draft files (.txt, .md, .eml ...), hidden ones skipped."""
    for path in paths:
        candidate = Path(path)
        if path != "-" and candidate.is_dir():
            found = sorted(
                p for p in candidate.rglob("*")
                if p.is_file() and p.suffix.lower() in DRAFT_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(candidate).parts)
            )
            yield from (str(p) for p in found)
        else:
            yield path
