"""Reading a draft: decoding, front matter, context, and offsets to line/column."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from . import formats, waivers
from .formats import Form
from .model import CONTEXT_VALUES, Inference, Position
from .situation import NO_SITUATION, Situation, SituationError
from .reading import (
    DEFAULT_MAX_CHARS, DRAFT_SUFFIXES, DraftError, check_length, decode_bytes, is_blank, read_bytes, walk_drafts,
)

if TYPE_CHECKING:
    from .parts import Parts

__all__ = ["DRAFT_SUFFIXES", "Draft", "DraftError", "decode", "expand_paths", "parse_draft", "read_draft"]

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)
FRONT_MATTER_OPENS = re.compile(r"\A---[ \t]*(?:\n|\Z)")
FRONT_MATTER_MAX_CHARS = 50_000  # Jekyll-style front matter is a few lines; this is a hundred times more
FRONT_MATTER_MAX_NODES = 10_000  # values after aliases are expanded
UNCLOSED = {"quoted scalar": "a quotation", "flow sequence": "a [ list", "flow mapping": "a { mapping"}


@dataclass(frozen=True)
class Draft:
    """One note: its full text, where the body starts, and what we know about its context."""

    path: str
    text: str
    body_start: int = 0
    context: dict[str, str] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)
    known_words: frozenset[str] = frozenset()
    encoding: str = "utf-8"  # how the bytes were read: "utf-8", "cp1252", "utf-16-le" ...
    waivers: tuple = ()  # waivers.Waiver: rules the writer waived, with the reason
    form: Form = formats.PLAIN  # how the file was read (formats.py): markup and headers hidden, where positions point
    situation: Situation = NO_SITUATION  # to, company, dates, interview notes, and where context came from

    @cached_property
    def unblanked_body(self) -> str:
        """The body with waiver lines and the form's markup or headers blanked (same length, so offsets hold),
        and quoted earlier messages still in it: what a rule may read for context, never lint."""
        from .parts import blank
        from .waivers import blank_lines

        if not self.waivers and not self.form.hidden:
            return self.body
        return blank(blank_lines(self.text, self.waivers), self.form.hidden)[self.body_start :]

    @cached_property
    def parts(self) -> Parts:
        """Subject, letterhead, greeting, body, closing, signature, P.S. and quoted text, as offsets into the body."""
        from . import parts

        return parts.find(self.unblanked_body)

    @cached_property
    def linted_body(self) -> str:
        """The body as the rules see it: waiver lines, quoted messages and header lines blanked (offsets hold)."""
        from .parts import blank

        return blank(self.unblanked_body, self.parts.hidden)

    @property
    def body(self) -> str:
        return self.text[self.body_start :]

    @property
    def read_context(self) -> dict[str, Inference]:
        """What the file's form says of a context nobody stated: an .eml is an email (rule "headers")."""
        if self.form.medium is None or "medium" in self.context:
            return {}
        return {"medium": Inference(self.form.medium, 1, "headers")}

    @property
    def _lines(self) -> str:
        """The text lines and columns count: the file's, also when the text linted is a decoded email body."""
        return self.form.source if self.form.to_source else self.text

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0] + [m.end() for m in re.finditer("\n", self._lines)]

    def position(self, offset: int) -> Position:
        """1-based line and column of a character offset into the whole text, in the file."""
        if self.form.to_source:
            offset = self.form.to_source[min(max(offset, 0), len(self.form.to_source) - 1)]
        starts = self._line_starts
        index = bisect.bisect_right(starts, offset) - 1
        return Position(line=index + 1, column=offset - starts[index] + 1)

    def offset(self, position: Position) -> int:
        """The character offset into the whole text of a 1-based line and column (the inverse of position)."""
        offset = self._line_starts[position.line - 1] + position.column - 1
        return bisect.bisect_left(self.form.to_source, offset) if self.form.to_source else offset

    def line_text(self, line: int) -> str:
        starts, text = self._line_starts, self._lines
        begin = starts[line - 1]
        end = starts[line] - 1 if line < len(starts) else len(text)
        return text[begin:end]


def decode(data: bytes) -> str:
    """Bytes to text (see reading.decode_bytes for the encodings tried); binary is refused."""
    return decode_bytes(data)[0]


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


def _front_matter(text: str) -> tuple[dict[str, Any], int]:
    """The front matter's mapping and the offset where the note starts; ({}, 0) when there is none."""
    match = FRONT_MATTER.match(text)
    if not match:
        if FRONT_MATTER_OPENS.match(text):
            raise DraftError("front matter starting on line 1 never closes (no second '---' line)")
        return {}, 0
    source = match.group(1) or ""
    if len(source) > FRONT_MATTER_MAX_CHARS:
        raise DraftError(f"front matter is {len(source):,} characters long; the limit is {FRONT_MATTER_MAX_CHARS:,}")
    from . import yaml12  # PyYAML, imported only for a draft that has front matter

    try:
        loaded = yaml12.load(source, max_nodes=FRONT_MATTER_MAX_NODES)
    except yaml12.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = str(getattr(exc, "problem", None) or exc)
        opened = getattr(exc, "context_mark", None)
        if mark is not None and opened is not None and mark.line >= source.count("\n"):
            # the parser reached the closing '---' looking for the end of a quotation or list: where it opens
            what = next((w for k, w in UNCLOSED.items() if k in str(getattr(exc, "context", ""))), None)
            mark, problem = opened, (f"{what} opened here never closes" if what else problem)
        line = f" (line {mark.line + 2})" if mark else ""  # + the opening '---', and lines count from 1
        tag = re.match(r"could not determine a constructor for the tag '(.*)'", problem)
        if tag:
            shown = tag.group(1).replace("tag:yaml.org,2002:", "!!")
            raise DraftError(f"front matter{line}: the tag {shown} is not allowed; write plain values") from None
        raise DraftError(f"front matter is not valid YAML{line}: {problem}") from None
    if loaded is not None and not isinstance(loaded, dict):
        raise DraftError("front matter must be a mapping of keys to values")
    return loaded or {}, match.end()


def parse_draft(path: str, text: str, context: dict[str, str] | None = None, encoding: str = "utf-8") -> Draft:
    """Read the draft in its form (formats.py: an .eml's body, Markdown's markup), split off YAML front
    matter and build a Draft; `context` (from options) wins over front matter."""
    form, meta, body_start = formats.PLAIN, {}, 0
    if formats.kind_of(path) == "email":
        try:
            read = formats.read_email(text)
        except formats.FormatError as exc:
            raise DraftError(str(exc)) from None
        text, body_start, form = read.text, read.body_start, read.form
    else:
        meta, body_start = _front_matter(text)
        if formats.kind_of(path) == "markdown":
            form = Form(kind="markdown", hidden=formats.markdown_hidden(text, body_start))
    merged = {**_context_from(meta, "front matter"), **(context or {})}
    if is_blank(text[body_start:]) and form.kind != "email":
        raise DraftError("the draft is empty" + (" (front matter and no note)" if body_start else ""))
    if is_blank(_blanked(text, form)[body_start:]):
        raise DraftError("the email's text is empty" if form.kind == "email"
                         else "the draft has no prose: only code, comments and markup")
    try:
        waived = waivers.find(text, body_start, meta)
    except waivers.WaiverError as exc:
        raise DraftError(str(exc)) from None
    try:
        from .situation import front_matter_layer, settle

        _, _, situation = settle([front_matter_layer(meta, path)])
    except SituationError as exc:
        raise DraftError(str(exc)) from None
    draft = Draft(path, text, body_start, merged, meta, _known_words(meta, "front matter"), encoding, waived, form,
                  situation)
    if is_blank(draft.linted_body):
        raise DraftError("the draft has no note of its own: only quoted text, headers or waiver lines")
    return draft


def _blanked(text: str, form: Form) -> str:
    from .parts import blank

    return blank(text, form.hidden)


def read_draft(path: str, context: dict[str, str] | None = None, max_chars: int = DEFAULT_MAX_CHARS) -> Draft:
    """Read a draft from a file, or from standard input when path is '-'; refuse one over max_chars."""
    text, encoding = decode_bytes(read_bytes(path, max_chars))
    check_length(text, max_chars)
    return parse_draft("<stdin>" if path == "-" else path, text, context, encoding)


def expand_paths(paths: list[str], problems: list[tuple[str, str]] | None = None) -> Iterator[str]:
    """Files as given; directories walked for draft files (.txt, .md, .eml ...), hidden ones skipped.

    What cannot be walked (a broken link named like a draft, an unreadable folder) is appended to
    `problems` as (path, message) when a list is given, and skipped either way.
    """
    for path in paths:
        candidate = Path(path)
        if path != "-" and candidate.is_dir():
            yield from walk_drafts(candidate, problems if problems is not None else [])
        else:
            yield path
