"""A parsed note: what every rule kind reads, computed once per draft."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from . import guards
from .draft import Draft
from .model import Span
from .schema import compile_regex

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .parts import Parts
    from .schema import RuleCore

OPENING_LINES = 3
CLOSING_LINES = 6


@dataclass
class Note:
    """One draft's body, its spaCy Doc, the matchers' hits per rule code, and its context.

    Every offset is a character offset into the body (`text`), as in `Span`.
    """

    draft: Draft
    doc: Doc
    matches: dict[str, list[Span]]
    context: dict[str, str] = field(default_factory=dict)  # stated, then inferred for keys nobody stated
    classified: dict = field(default_factory=dict)  # sentence scores by classifier model folder (classify.py)
    memo: dict = field(default_factory=dict)  # what a kind reads once per note (the readers a reply names)

    @property
    def situation(self):  # noqa: ANN201 - situation.Situation: to, company, dates, interview notes
        return self.draft.situation

    @cached_property
    def text(self) -> str:
        return self.draft.linted_body  # the text the doc was made from; doc.text rebuilds it on every call

    @cached_property
    def word_tokens(self) -> list:
        """The tokens that hold a letter or digit, in the note proper (not its letterhead)."""
        from .metrics import WORD_CHARACTER

        letterhead = self.parts.letterhead
        has_word = WORD_CHARACTER.search
        return [t for t in self.doc if has_word(t.text) and not (letterhead is not None and t.idx in letterhead)]

    @cached_property
    def word_offsets(self) -> list[int]:
        """Where each of `word_tokens` starts, in order: counting words in a span is two bisections."""
        return [t.idx for t in self.word_tokens]

    @property
    def parts(self) -> Parts:
        return self.draft.parts

    @cached_property
    def lines(self) -> list[Span]:
        """Non-blank lines of the note proper: from its greeting (or first line) on, letterhead, headers and
        quoted messages left out. A note that is all letterhead keeps its lines."""
        from .metrics import nonblank_lines

        lines = nonblank_lines(self.text)
        return [line for line in lines if not self.in_letterhead(line)] or lines

    @cached_property
    def sentences(self) -> list[Span]:
        """Sentences of the note proper (not its letterhead)."""
        from .metrics import sentences

        return [s for s in sentences(self.doc) if not self.in_letterhead(s)]

    @cached_property
    def paragraphs(self) -> list[Span]:
        """Paragraphs of the note proper (not its letterhead): see metrics.paragraphs."""
        from .metrics import paragraphs

        return [p for p in paragraphs(self.text) if not self.in_letterhead(p)]

    @cached_property
    def blocks(self) -> list[Span]:
        """Blank-line-separated blocks of the note proper: its layout, as a text or a card shows it."""
        from .metrics import blocks

        return [p for p in blocks(self.text) if not self.in_letterhead(p)]

    @cached_property
    def prose(self) -> str:
        """The text with its letterhead blanked: what reads as the note."""
        from .parts import blank

        letterhead = self.parts.letterhead
        return blank(self.text, [letterhead]) if letterhead else self.text

    @cached_property
    def body_end(self) -> int:
        """Where the body ends: at the sign-off, the signature or a P.S., whichever comes first."""
        parts = self.parts
        return min((s.start for s in (parts.closing, parts.signature, parts.postscript) if s), default=len(self.text))

    def in_letterhead(self, span: Span) -> bool:
        """True when the span starts in the letterhead or address block above the greeting."""
        letterhead = self.parts.letterhead
        return letterhead is not None and span.start in letterhead

    @cached_property
    def quoted(self) -> list[Span]:
        """Quotations and '>' lines, less a quotation that opens the note: a sample note published in
        quotation marks ("Hi [Name], thanks for ...") is the note itself, not someone else's words."""
        opening = -1
        if self.lines:
            first = self.words(self.lines[0])
            opening = self.lines[0].start + len(first) - len(first.lstrip())
        return [q for q in guards.quoted_ranges(self.text) if q.start != opening]

    @cached_property
    def _token_starts(self) -> list[int]:
        from spacy.attrs import IDX

        return self.doc.to_array(IDX).tolist()

    def tokens(self, span: Span) -> tuple[int, int]:
        """The token indices [start, end) that cover a span."""
        starts = self._token_starts
        return max(0, bisect.bisect_right(starts, span.start) - 1), bisect.bisect_left(starts, span.end)

    def scope(self, within: str) -> Span:
        """The part of the note a rule looks at: the body, its opening lines or its closing lines."""
        lines = self.lines
        if within == "opening":
            return Span(lines[0].start, lines[min(OPENING_LINES, len(lines)) - 1].end)
        if within == "closing":
            return Span(lines[max(0, len(lines) - CLOSING_LINES)].start, lines[-1].end)
        return Span(0, len(self.text))

    def kept(self, rule: RuleCore, key: str | None = None) -> list[Span]:
        """The rule's matches (under `key`, by default its code) that survive its guards, earliest and
        longest first, without overlaps."""
        kept: list[Span] = []
        g = rule.guards
        for m in sorted(set(self.matches.get(key or rule.code, ())), key=lambda m: (m.start, -(m.end - m.start))):
            if kept and m.start < kept[-1].end:
                continue  # overlaps a longer or earlier hit of the same rule
            if not g.letterhead and self.in_letterhead(m):
                continue  # an address block is not prose
            if g.quotation and guards.inside(self.quoted, m):
                continue
            if g.not_matching and compile_regex(g.not_matching).search(self.text[m.start : m.end]):
                continue
            start, end = self.tokens(m)
            if g.negation and guards.negated(self.doc, start):
                continue
            if guards.neighbour_blocks(self.doc, start, end, g.not_followed_by, g.not_preceded_by):
                continue
            if g.names_nearby and guards.next_to_name(self.doc, start, end):
                continue
            kept.append(m)
        return kept

    def words(self, span: Span) -> str:
        return self.text[span.start : span.end]


@dataclass(frozen=True)
class Hit:
    """What a rule kind reports: the words at fault, the message, and a replacement if it has one."""

    span: Span
    message: str
    suggestion: str | None = None
