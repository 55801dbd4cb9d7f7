"""How a draft's file is read: plain text, Markdown, or an email message saved as `.eml`.

Each form says what in the file is not prose, as spans to blank before linting (offsets into the
draft's text; spaces, line breaks kept, so every offset and line holds, as with waiver lines and
`parts.hidden`):

- **Markdown** (`.md`, `.markdown`), parsed with markdown-it-py (CommonMark, plus `~~strike~~`):
  emphasis markers, link destinations (the link text stays), images, inline code and code
  blocks, HTML comments, tags and entities for spaces, heading and list markers, thematic breaks
  and link reference definitions. Text between HTML tags stays: a reader sees it.
- **Email** (`.eml`), read with the standard library's `email` package: the headers are never
  linted, only the text/plain body (or, with no text/plain part, the text of the HTML part).
  `To:`, `Subject:` and `Date:` are read, decoded (`=?UTF-8?B?...?=`), for the report. Where the
  body is written literally in the file (7bit, 8bit, binary), everything else in the file is
  blanked, so positions are the file's own. A quoted-printable body is decoded with each
  character traced back to its place in the file (through `=XX` escapes and soft line breaks),
  and so is the text of an HTML part; a base64 body cannot be traced, so its positions count the
  lines of the decoded body, and the report says so.

Plain text has no markup: nothing is blanked.
"""
from __future__ import annotations

import codecs
import email.errors
import html
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import PurePath
from typing import TYPE_CHECKING

from .model import Span

if TYPE_CHECKING:
    from email.message import EmailMessage

EMAIL_SUFFIXES = (".eml",)
MARKDOWN_SUFFIXES = (".md", ".markdown")
SHOWN_HEADERS = ("To", "Subject", "Date")


class FormatError(ValueError):
    """The file cannot be read in its form (a malformed email); the message is one line for the user."""


@dataclass(frozen=True)
class Form:
    """How a draft's file was read: what is not prose, what its headers say, where positions point.

    `hidden` are offsets into the draft's text. When the draft's text is not the file's (a decoded
    email body), `source` is the file's text and `to_source`, when the body could be traced, holds
    for each offset of the draft's text (and its end) the offset in `source` it came from.
    """

    kind: str = "text"  # "text", "markdown" or "email"
    hidden: tuple[Span, ...] = ()
    headers: tuple[tuple[str, str], ...] = ()  # (("To", "Dana Reyes <dana@x>"), ("Subject", ...), ...)
    source: str | None = None
    to_source: tuple[int, ...] | None = None
    # when lines and columns count the decoded body, not the file: one line for the report that says so
    positions: str | None = None
    medium: str | None = None  # what the form itself says of the context: an .eml is an email


PLAIN = Form()


def kind_of(path: str) -> str:
    suffix = PurePath(path).suffix.lower()
    if suffix in EMAIL_SUFFIXES:
        return "email"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    return "text"


# ---------------------------------------------------------------------------------------------
# text traced to the file: each character with the span of the file it came from


@dataclass
class _Traced:
    chars: list[str]
    starts: list[int]
    ends: list[int]

    @classmethod
    def literal(cls, text: str, start: int, end: int) -> _Traced:
        return cls(list(text[start:end]), list(range(start, end)), list(range(start + 1, end + 1)))

    @property
    def text(self) -> str:
        return "".join(self.chars)

    def start_at(self, index: int, default: int) -> int:
        """Where the character at `index` starts in the file; its end for index == len."""
        if index < len(self.starts):
            return self.starts[index]
        return self.ends[-1] if self.ends else default

    def end_at(self, index: int, default: int) -> int:
        """Where the character before `index` ends in the file."""
        return self.ends[index - 1] if index > 0 else (self.starts[0] if self.starts else default)

    def through(self, inner: _Traced, default: int) -> _Traced:
        """This trace (offsets into `inner`'s text) carried through `inner` to the file."""
        starts = [inner.start_at(s, default) for s in self.starts]
        ends = [max(inner.end_at(e, default), s) for e, s in zip(self.ends, starts)]
        return _Traced(self.chars, starts, ends)

    def normalized(self) -> _Traced:
        """Line endings as '\\n', as every draft's are: '\\r\\n' is one line break, a lone '\\r' another."""
        out = _Traced([], [], [])
        for i, char in enumerate(self.chars):
            if char == "\r" and i + 1 < len(self.chars) and self.chars[i + 1] == "\n":
                continue
            out.chars.append("\n" if char == "\r" else char)
            out.starts.append(self.starts[i] if char != "\n" or not i or self.chars[i - 1] != "\r" else self.starts[i - 1])
            out.ends.append(self.ends[i])
        return out

    def boundaries(self, default: int) -> tuple[int, ...]:
        """For each offset of the text (and its end), the offset in the file.

        Between two characters with a gap in the file (a soft line break, an escape, a tag), an
        offset after a space is where words start (after the gap); any other is where words end
        (before it), so a finding's first and last characters are both the file's own.
        """
        text, n = self.chars, len(self.chars)
        if not n:
            return (default,)
        out = [self.starts[0]]
        for i in range(1, n):
            before, after = self.ends[i - 1], self.starts[i]
            out.append(after if before == after or (text[i - 1].isspace() and not text[i].isspace()) else before)
        out.append(self.ends[-1])
        for i in range(1, len(out)):  # never backwards, whatever the trace held
            out[i] = max(out[i], out[i - 1])
        return tuple(out)


# ---------------------------------------------------------------------------------------------
# email


# a header line as the email package's parser reads one: a field name and a colon, a folded
# continuation, or an mbox "From " line; the first line that is none of these starts the body
HEADER_LINE = re.compile(r"(?:From |[\x21-\x39\x3b-\x7e]+:|[ \t])")
LITERAL = ("7bit", "8bit", "binary")


@dataclass(frozen=True)
class Email:
    """An .eml read for linting: the text to lint, where its body starts in it, and its form."""

    text: str
    body_start: int
    form: Form


@dataclass(frozen=True)
class _Leaf:
    message: EmailMessage
    body: int  # offset of the body in the file's text
    end: int


def _body_offset(text: str, start: int, end: int) -> int:
    """Where a message's (or a part's) body starts: after the blank line that ends its headers,
    or at the first line that is not a header."""
    pos = start
    while pos < end:
        newline = text.find("\n", pos, end)
        line_end = end if newline == -1 else newline
        line = text[pos:line_end]
        if not line:
            return min(line_end + 1, end)
        if not HEADER_LINE.match(line):
            return pos
        pos = line_end + 1
    return end


def _parse(text: str, start: int, end: int) -> EmailMessage:
    from email import policy  # the email package's parser, imported only when an email is read

    return email.message_from_string(text[start:end], policy=policy.default)


def _leaves(text: str, start: int, end: int, depth: int = 0) -> list[_Leaf]:
    """The parts of a message that are not multipart containers, with where their bodies are."""
    body = _body_offset(text, start, end)
    message = _parse(text, start, body)  # the headers: what the part is
    if message.get_content_maintype() != "multipart":
        return [_Leaf(_parse(text, start, end), body, end)]
    if depth > 20:
        raise FormatError("not a readable email: its parts are nested more than 20 deep")
    boundary = message.get_boundary()
    if not boundary:
        raise FormatError(f"not a readable email: it is {message.get_content_type()} but names no boundary "
                          "between its parts")
    delimiter = re.compile(rf"^--{re.escape(boundary)}(--)?[ \t]*$", re.MULTILINE)
    marks = []
    for mark in delimiter.finditer(text, body, end):
        marks.append(mark)
        if mark.group(1):
            break
    if not marks:
        raise FormatError(f"not a readable email: the boundary '{boundary}' between its parts never appears")
    leaves = []
    for here, following in zip(marks, marks[1:] + [None]):
        if here.group(1):
            break
        part_start = min(here.end() + 1, end)
        part_end = max(part_start, following.start() - 1) if following else end
        leaves += _leaves(text, part_start, part_end, depth + 1)
    return leaves


def _header(message: EmailMessage, name: str) -> str | None:
    try:
        value = message.get(name)
    except (ValueError, TypeError, IndexError, AttributeError, LookupError, email.errors.MessageError):
        return None  # a header the email package cannot parse is left out, not an error
    if value is None:
        return None
    shown = " ".join(str(value).split())
    return shown or None


def _is_attachment(message: EmailMessage) -> bool:
    return message.get_content_disposition() == "attachment"


def read_email(text: str) -> Email:
    """Read an .eml's text (line endings already '\\n'): the body to lint, its form, or a FormatError."""
    try:
        return _read_email(text)
    except FormatError:
        raise
    except (ValueError, TypeError, IndexError, AttributeError, LookupError, email.errors.MessageError) as exc:
        raise FormatError(f"not a readable email: {' '.join(str(exc).split()) or type(exc).__name__}") from None


def _read_email(text: str) -> Email:
    begin = len(text) - len(text.lstrip("\n"))  # blank lines above the headers are no part of the message
    first = text[begin:].split("\n", 1)[0]
    if not HEADER_LINE.match(first) or first.startswith((" ", "\t")):
        raise FormatError("not an email message: it does not start with headers such as 'To:' or 'Subject:' "
                          "(save a note that is not an email as .txt)")
    top = _parse(text, begin, _body_offset(text, begin, len(text)))
    headers = tuple((name, value) for name in SHOWN_HEADERS if (value := _header(top, name)) is not None)
    leaves = [leaf for leaf in _leaves(text, begin, len(text))
              if leaf.message.get_content_maintype() == "text" and not _is_attachment(leaf.message)]
    chosen = next((leaf for leaf in leaves if leaf.message.get_content_subtype() == "plain"), None)
    chosen = chosen or next((leaf for leaf in leaves if leaf.message.get_content_subtype() == "html"), None)
    if chosen is None:
        raise FormatError("the email has no text to check: no text/plain or text/html part (attachments are not read)")
    message, start, end = chosen.message, chosen.body, chosen.end
    is_html = message.get_content_subtype() == "html"
    encoding = str(message.get("content-transfer-encoding") or "7bit").strip().lower()
    charset = message.get_content_charset("us-ascii")
    try:
        codecs.lookup(charset)
    except LookupError:
        raise FormatError(f"the email's text is in an unknown character set, '{charset}'") from None
    form = Form(kind="email", headers=headers, medium="email")

    if encoding in LITERAL and not is_html:  # the body is in the file as it is: blank everything else
        hidden = tuple(span for span in (Span(0, start), Span(end, len(text))) if span.end > span.start)
        return Email(text, start, replace(form, hidden=hidden))
    why = None  # why the body cannot be traced back to the file
    if encoding in LITERAL:
        traced = _Traced.literal(text, start, end)
    elif encoding == "quoted-printable":
        traced = _quoted_printable(text, start, end, charset)
        if traced.text != _content(message):  # notelint's tracer and the email package disagree: trust the latter
            traced, why = None, "the email body's quoted-printable could not be traced back to the file"
    elif encoding == "base64":
        traced, why = None, "the email body is base64-encoded"
    else:
        raise FormatError(f"the email's text is sent as '{encoding}', which notelint does not read "
                          "(it reads 7bit, 8bit, binary, quoted-printable and base64)")
    if traced is not None and is_html:
        shown, exact = _html_text(traced.text)
        traced = shown.through(traced, start) if exact else None
        why = why or "the email's HTML could not be traced back to the file"
    if traced is None:
        decoded = _html_text(_content(message))[0].text if is_html else _content(message)
        if not decoded.strip():
            raise FormatError("the email's text is empty")
        note = f"{why}: lines and columns count the decoded body, not the file"
        return Email(decoded, 0, replace(form, source=text, positions=note))
    if not traced.text.strip():
        raise FormatError("the email's text is empty")
    return Email(traced.text, 0, replace(form, source=text, to_source=traced.boundaries(start)))


def _content(message: EmailMessage) -> str:
    """The part's text as the email package decodes it, line endings as '\\n'; a damaged base64 body refused."""
    content = message.get_content()
    broken = [d for d in message.defects if isinstance(d, (email.errors.InvalidBase64PaddingDefect,
                                                           email.errors.InvalidBase64LengthDefect))]
    if broken:
        raise FormatError("the email's text is base64 that cannot be decoded (it is cut short or damaged)")
    if isinstance(content, bytes):
        raise FormatError("the email's text part holds bytes, not text")
    return content.replace("\r\n", "\n").replace("\r", "\n")


_HEX = frozenset("0123456789abcdefABCDEF")


def _quoted_printable(text: str, start: int, end: int, charset: str) -> _Traced:
    """The body decoded as binascii.a2b_qp does (the email package's decoder), each character with the
    span of the file it came from: an '=XX' escape, a character, or several escapes for one UTF-8 letter."""
    data: list[int] = []
    spans: list[tuple[int, int]] = []
    i = start
    while i < end:
        char = text[i]
        if char != "=":
            encoded = char.encode("ascii", "surrogateescape") if char < "\x80" else char.encode("raw-unicode-escape")
            for byte in encoded:
                data.append(byte)
                spans.append((i, i + 1))
            i += 1
            continue
        if i + 1 >= end:  # a last '=' is dropped
            break
        following = text[i + 1]
        if following == "\n":  # a soft line break: no character
            i += 2
        elif following == "=":
            data.append(ord("="))
            spans.append((i, i + 2))
            i += 2
        elif i + 2 < end and following in _HEX and text[i + 2] in _HEX:
            data.append(int(text[i + 1 : i + 3], 16))
            spans.append((i, i + 3))
            i += 3
        else:
            data.append(ord("="))
            spans.append((i, i + 1))
            i += 1
    decoder = codecs.getincrementaldecoder(charset)(errors="replace")
    traced = _Traced([], [], [])
    pending: int | None = None
    for byte, (begin, finish) in zip(data, spans):
        pending = begin if pending is None else pending
        out = decoder.decode(bytes((byte,)))
        for char in out:
            traced.chars.append(char)
            traced.starts.append(pending)
            traced.ends.append(finish)
        if out:
            pending = None
    for char in decoder.decode(b"", final=True):
        traced.chars.append(char)
        traced.starts.append(pending if pending is not None else end)
        traced.ends.append(spans[-1][1] if spans else end)
    return traced.normalized()


# ---------------------------------------------------------------------------------------------
# HTML as text


BLOCK_TAGS = frozenset(
    "address article aside blockquote dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li "
    "main nav ol p pre section table tbody td tfoot th thead tr ul".split()
)
SKIPPED_TAGS = frozenset("head script style template title noscript".split())
# quoted earlier messages in an HTML reply: Gmail's, Yahoo's, and any <blockquote>
QUOTE_CLASSES = frozenset("gmail_quote gmail_quote_container yahoo_quoted moz-cite-prefix".split())
ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")


class _HtmlText(HTMLParser):
    """HTML to text, each character traced to its offset in the HTML: tags become line breaks where a
    browser breaks lines, entities their characters; head, scripts, styles and quoted replies are dropped."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.out = _Traced([], [], [])
        self.skipping: list[str] = []  # the tag that opened what is being dropped, once per nesting level
        self.exact = True

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _put(self, chars: str, start: int, end: int) -> None:
        for char in chars:
            self.out.chars.append(char)
            self.out.starts.append(start)
            self.out.ends.append(end)

    def _break(self, lines: int = 1) -> None:
        have = len(self.out.chars) - len("".join(self.out.chars).rstrip("\n"))
        if self.out.chars and have < lines:
            at = self._offset()
            self._put("\n" * (lines - have), at, at)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if self.skipping:
            if tag == self.skipping[0]:
                self.skipping.append(tag)
            return
        classes = set(" ".join(value or "" for name, value in attrs if name == "class").split())
        if tag in SKIPPED_TAGS or tag == "blockquote" or (tag == "div" and classes & QUOTE_CLASSES):
            self.skipping.append(tag)
            return
        if tag == "br":
            at = self._offset()
            self._put("\n", at, at)
        elif tag in BLOCK_TAGS:
            self._break(2 if tag == "p" else 1)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag == "br" and not self.skipping:
            at = self._offset()
            self._put("\n", at, at)
        elif tag in BLOCK_TAGS and not self.skipping:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag == self.skipping[0]:
                self.skipping.pop()
            return
        if tag in BLOCK_TAGS:
            self._break(2 if tag == "p" else 1)

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        at = self._offset()
        if self.source[at : at + len(data)] != data:
            self.exact = False
        for k, char in enumerate(data):
            self._put(char, at + k, at + k + 1)

    def _entity(self) -> None:
        if self.skipping:
            return
        at = self._offset()
        match = ENTITY.match(self.source, at)
        if match is None:
            self.exact = False
            return
        self._put(html.unescape(match.group()), at, match.end())

    def handle_entityref(self, name: str) -> None:
        self._entity()

    def handle_charref(self, name: str) -> None:
        self._entity()


def _html_text(source: str) -> tuple[_Traced, bool]:
    """The text of an HTML body traced to offsets in `source`, and whether the trace can be trusted
    (the parser's positions matched the source at every piece of text)."""
    parser = _HtmlText(source)
    parser.feed(source)
    parser.close()
    return parser.out, parser.exact


# ---------------------------------------------------------------------------------------------
# Markdown


HTML_MARKUP = re.compile(
    r"<!--.*?(?:-->|\Z)"                                    # a comment (to the end, if it never closes)
    r"|<(script|style|pre|textarea)\b.*?(?:</\1\s*>|\Z)"    # what a browser does not show as prose
    r"|<!\[CDATA\[.*?(?:\]\]>|\Z)|<![A-Za-z][^>]*>|<\?.*?(?:\?>|\Z)"
    r"|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>",
    re.DOTALL | re.IGNORECASE,
)
SPACE_ENTITY = re.compile(r"&(?:nbsp|ensp|emsp|thinsp|#160|#xa0|#8194|#8195|#8201);", re.IGNORECASE)
ATX_OPEN = re.compile(r"[ \t>]*(#{1,6})(?=[ \t]|$)")
ATX_CLOSE = re.compile(r"[ \t]+(#+)[ \t]*$")
EMPHASIS = frozenset({"em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"})
LEAF_BLOCKS = frozenset({"paragraph_open", "heading_open", "fence", "code_block", "html_block", "hr"})


@lru_cache(maxsize=1)
def _markdown_parser():  # noqa: ANN202 - a markdown_it.MarkdownIt
    from markdown_it import MarkdownIt

    # text_join would fold escapes and entities into the text around them: keep them apart, so every
    # inline token is the file's own text or says what it was written as
    return MarkdownIt("commonmark").enable("strikethrough").disable("text_join")


def markdown_hidden(text: str, start: int = 0) -> tuple[Span, ...]:
    """What in a Markdown draft (from `start`, after any front matter) is markup, code or comment,
    as spans of `text` to blank."""
    source = text[start:].replace("\r", "\n")  # as markdown-it reads line breaks (a draft's are '\n' already)
    starts = [0] + [m.end() for m in re.finditer("\n", source)]

    def line_span(line: int) -> Span:
        if line >= len(starts):
            return Span(len(source), len(source))
        end = starts[line + 1] - 1 if line + 1 < len(starts) else len(source)
        return Span(starts[line], end)

    hidden: list[Span] = []
    covered: set[int] = set()
    tokens = _markdown_parser().parse(source)
    for token in tokens:
        if token.map is None:
            continue
        first, last = token.map[0], min(token.map[1], len(starts))
        if token.type in LEAF_BLOCKS:
            covered.update(range(first, last))
        if token.type in ("fence", "code_block", "hr"):
            hidden += [line_span(n) for n in range(first, last)]
        elif token.type == "html_block":
            block = Span(line_span(first).start, line_span(last - 1).end)
            hidden += _html_markup(source, block.start, block.end)
        elif token.type == "heading_open":
            hidden += _heading_marks(source, token, line_span)
        elif token.type == "list_item_open":
            hidden += _list_marker(source, token, line_span(first))
        elif token.type == "inline":
            hidden += _inline_markup(source, token, line_span)
    for n in range(len(starts)):  # link reference definitions ([1]: https://...) make no token
        span = line_span(n)
        if n not in covered and source[span.start : span.end].strip():
            hidden.append(span)  # (or a line of a blockquote or list that holds only its markers)
    return tuple(Span(start + s.start, start + s.end) for s in sorted(hidden) if s.end > s.start)


def _html_markup(source: str, start: int, end: int) -> list[Span]:
    spans = [Span(m.start(), m.end()) for m in HTML_MARKUP.finditer(source, start, end)]
    return spans + [Span(m.start(), m.end()) for m in SPACE_ENTITY.finditer(source, start, end)]


def _heading_marks(source: str, token, line_span) -> list[Span]:  # noqa: ANN001
    first, last = token.map
    if token.markup in ("=", "-"):  # a setext heading: its underline
        return [line_span(last - 1)]
    line = line_span(first)
    words = source[line.start : line.end]
    spans = []
    opening = ATX_OPEN.match(words)
    if opening:
        spans.append(Span(line.start + opening.start(1), line.start + opening.end(1)))
        closing = ATX_CLOSE.search(words, opening.end())
        if closing:
            spans.append(Span(line.start + closing.start(1), line.start + closing.end(1)))
    return spans


def _list_marker(source: str, token, line: Span) -> list[Span]:  # noqa: ANN001
    marker = (token.info or "") + token.markup
    found = re.compile(rf"[ \t>]*({re.escape(marker)})(?=[ \t]|$)").match(source, line.start, line.end)
    return [Span(found.start(1), found.end(1))] if found else []


def _content_offsets(source: str, token, line_span) -> list[int] | None:  # noqa: ANN001
    """For each character of an inline token's content, its offset in the source; None if the content's
    lines cannot be found in the block's lines (then nothing in the block is blanked)."""
    first, last = token.map
    offsets: list[int] = []
    pieces = token.content.split("\n")
    for k, piece in enumerate(pieces):
        if first + k >= last:
            return None
        line = line_span(first + k)
        words = source[line.start : line.end]
        at = next((len(c) - len(piece) for c in (words, words.rstrip()) if c.endswith(piece)), None)
        if at is None:
            return None
        offsets.extend(range(line.start + at, line.start + at + len(piece)))
        if k < len(pieces) - 1:
            offsets.append(line.end)  # the line break
    return offsets


def _inline_markup(source: str, token, line_span) -> list[Span]:  # noqa: ANN001
    """Markup inside a paragraph or heading: emphasis markers, link destinations, images, code spans,
    inline HTML, escapes' backslashes, autolinks."""
    offsets = _content_offsets(source, token, line_span)
    if offsets is None:
        return []
    content = token.content
    found: list[tuple[int, int]] = []  # in content offsets
    at = 0

    def seek(piece: str) -> int | None:
        """Where `piece` is written next; None if only something other than spaces comes first."""
        index = content.find(piece, at)
        if index < 0 or content[at:index].strip():
            return None
        return index

    children = token.children or []
    i = 0
    while i < len(children):
        child = children[i]
        kind = child.type
        if kind == "text":
            index = seek(child.content)
            if index is None:
                break
            at = index + len(child.content)
        elif kind == "text_special":
            index = seek(child.markup)
            if index is None:
                break
            if child.info == "escape":
                found.append((index, index + 1))  # the backslash
            elif child.content.isspace():
                found.append((index, index + len(child.markup)))  # &nbsp;
            at = index + len(child.markup)
        elif kind in ("softbreak", "hardbreak"):
            index = content.find("\n", at)
            if index < 0:
                break
            if kind == "hardbreak" and content[index - 1 : index] == "\\":
                found.append((index - 1, index))
            at = index + 1
        elif kind in EMPHASIS:
            index = seek(child.markup)
            if index is None:
                break
            found.append((index, index + len(child.markup)))
            at = index + len(child.markup)
        elif kind == "code_inline":
            span = _code_span(content, at, child.markup)
            if span is None:
                break
            found.append(span)
            at = span[1]
        elif kind == "html_inline":
            index = seek(child.content)
            if index is None:
                break
            found.append((index, index + len(child.content)))
            at = index + len(child.content)
        elif kind == "link_open" and child.markup == "autolink":
            index, close = seek("<"), content.find(">", at)
            if index is None or close < 0:
                break
            found.append((index, close + 1))
            at = close + 1
            while i < len(children) and children[i].type != "link_close":
                i += 1
        elif kind == "link_open":
            index = seek("[")
            if index is None:
                break
            found.append((index, index + 1))
            at = index + 1
        elif kind == "link_close":
            index = content.find("]", at)
            if index < 0:
                break
            end = _destination_end(content, index + 1)
            found.append((index, end))
            at = end
        elif kind == "image":
            index = seek("![" + child.content + "]")
            if index is None:
                break
            end = _destination_end(content, index + 2 + len(child.content) + 1)
            found.append((index, end))
            at = end
        else:  # a token this reader does not know: leave the rest of the block as it is
            break
        i += 1
    return [Span(offsets[s], offsets[e - 1] + 1) for s, e in found if e > s]


def _code_span(content: str, at: int, ticks: str) -> tuple[int, int] | None:
    """The span of a code span opened by exactly `ticks` at or after `at`, closing ticks included."""
    run = re.compile(rf"(?<!`){re.escape(ticks)}(?!`)")
    opening = run.search(content, at)
    if opening is None or content[at : opening.start()].strip():
        return None
    closing = run.search(content, opening.end())
    return (opening.start(), closing.end()) if closing else None


def _destination_end(content: str, at: int) -> int:
    """After a link's ']': the end of its '(destination "title")' or '[label]', or `at` for neither."""
    from markdown_it.helpers import parseLinkDestination, parseLinkTitle

    if content[at : at + 1] == "(":
        pos = _skip_spaces(content, at + 1)
        destination = parseLinkDestination(content, pos, len(content))
        if destination.ok:
            pos = _skip_spaces(content, destination.pos)
            title = parseLinkTitle(content, pos, len(content))
            if title.ok:
                pos = _skip_spaces(content, title.pos)
        if content[pos : pos + 1] == ")":
            return pos + 1
        return at
    if content[at : at + 1] == "[":
        close = content.find("]", at)
        return close + 1 if close >= 0 else at
    return at


def _skip_spaces(content: str, pos: int) -> int:
    while pos < len(content) and content[pos] in " \t\n":
        pos += 1
    return pos
