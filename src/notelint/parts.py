"""A note's parts, read from its lines as a reader would: headers and subject, a letterhead or
address block, the greeting, the body, the sign-off and signature, a P.S., and quoted earlier
messages under a reply.

Everything here is plain text work on the draft's body (no spaCy), done once per draft. Quoted
messages and header lines are hidden from the rules (blanked, so offsets hold); the letterhead
stays in the text, where only rules that look for template leftovers read it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Span

LINE = re.compile(r"[^\n]*")
# "To:", "From:" ... at the top of a pasted email: not prose. "Subject:" is kept: the reader sees it.
HEADER = re.compile(r"(?i)^[ \t]*(to|from|cc|bcc|date|sent|reply-to|subject|re)[ \t]*:")
# Where an earlier message starts under a reply or a forward; it and everything after it is quoted.
# a reply's attribution line in the languages mail programs write it in: "On ... wrote:", "Op ... schreef:",
# "Am ... schrieb:", "Le ... a écrit :", "El ... escribió:"
REPLY_OPENS = r"(?:on|op|am|le|el|il|em|den|på|pe)"
WROTE = r"(?:wrote|schreef|schrieb|a\s+[ée]crit|escribi[óo]|scrisse|escreveu|skrev|kirjoitti|napisa[łl])"
# Dutch and German name the sender after the verb: "... schreef Anneke Visser <a.visser@...>:"
WRITER_AFTER = r"(?:[ \t]+(?-i:[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}))?(?:[ \t]*<[^>\n]*>)?"
QUOTE_STARTS = re.compile(
    rf"(?im)^[ \t]*(?:"
    rf"{REPLY_OPENS}\b[^\n]{{0,200}}\b{WROTE}{WRITER_AFTER}[ \t]*:[ \t]*$"  # Gmail, Apple Mail: "On Fri, 14 Nov 2025 ... wrote:"
    rf"|{REPLY_OPENS}\b[^\n]{{0,200}}\n[^\n]{{0,200}}\b{WROTE}{WRITER_AFTER}[ \t]*:[ \t]*$"  # ... wrapped over two lines
    r"|-{2,}[ \t]*original message[ \t]*-{2,}[ \t]*$"          # Outlook
    r"|-{2,}[ \t]*forwarded message[ \t]*-{2,}[ \t]*$"         # Gmail forward
    r"|begin forwarded message:[ \t]*$"                        # Apple Mail forward
    r"|_{10,}[ \t]*\n[ \t]*from:[^\n]*$"                       # Outlook on the web: a rule, then From:
    r"|from:[^\n]*\n[ \t]*(?:sent|date):[^\n]*\n(?:[^\n]*\n){0,2}[ \t]*(?:to|subject):"  # a header block
    r")"
)
QUOTED_LINE = re.compile(r"(?m)^[ \t]*>[^\n]*$")
GREETING_WORDS = (
    r"dear|dearest|hi|hii|hello|hey|hiya|howdy|yo|greetings|good\s+(?:morning|afternoon|evening|day)|"
    r"to\s+whom|respected|esteemed|hola|bonjour|hallo|ciao|ol[aá]|salut|hej|hei|buongiorno|buenos\s+d[ií]as|"
    r"buenas\s+tardes|querid[oa]s?|estimad[oa]s?|liebe|lieber|namaste|kia\s+ora"
)
# A greeting line: a greeting word and a few words ("Dear Ms. Okafor,"), or a name and a comma on its
# own line ("Frank," on a card). Not a sentence: it is short.
GREETING = re.compile(
    rf"(?i)^[ \t]*[\"“']?(?:(?:{GREETING_WORDS})\b[^\n]{{0,80}}|(?-i:[A-Z][\w.'’-]*)(?:[ \t]+(?-i:[A-Z][\w.'’-]*)){{0,3}}[ \t]*,)[ \t]*$"
)
SIGNOFF_WORDS = (
    r"best|best\s+regards|best\s+wishes|kind\s+regards|kindest\s+regards|warm\s+regards|warmest\s+regards|regards|"
    r"sincerely|sincerely\s+yours|yours\s+sincerely|yours\s+truly|yours\s+faithfully|respectfully|"
    r"respectfully\s+yours|cordially|thank\s+you|thanks|thanks\s+again|thank\s+you\s+again|many\s+thanks|"
    r"with\s+thanks|with\s+gratitude|with\s+appreciation|gratefully|warmly|cheers|all\s+the\s+best|take\s+care|"
    r"talk\s+soon|speak\s+soon|with\s+all\s+good\s+wishes|with\s+best\s+wishes|with\s+real\s+gratitude|"
    r"un\s+abrazo|saludos|atentamente|cordialement|x+|xo+"
)
# a sign-off line: the words and at most three more ("Thanks again for everything,", "x Jo"), not a sentence
SIGNOFF = re.compile(rf"(?i)^[ \t]*(?:{SIGNOFF_WORDS})\b(?:[ \t]+[^\s.?]+){{0,3}}[ \t]*[,!—–-]?[ \t]*$")
# a sign-off with nothing after it: "Cheers", "Kind regards," (a closing line, not a name)
SIGNOFF_ALONE = re.compile(rf"(?i)[ \t]*(?:{SIGNOFF_WORDS})[ \t]*[,!.—–-]*[ \t]*")
# "Dear Mr./Ms (Last name), Thank you for ...": a letter whose line breaks were lost when it was
# published, the greeting running into the body (only "Dear": a text's "Hi Sam, thanks" is one sentence)
GREETING_RUN_ON = re.compile(r"(?i)^[ \t]*dear\b[^,:\n!?]{1,60}[,:][ \t]+(?=\S)")
# a template's sign-off with its slots run onto the same line: "Sincerely, [Your Name] [Your Email]"
SIGNOFF_THEN_SLOTS = re.compile(rf"(?i)^[ \t]*(?:{SIGNOFF_WORDS})\b[ \t]*[,!—–-][ \t]*((?:\[[^\]\n]+\][ \t,]*)+)$")
POSTSCRIPT = re.compile(r"(?im)^[ \t]*p\.?[ \t]?s\.?[ \t]*[:\-—–]?[ \t]")
GREETING_SEARCH_LINES = 14  # a letterhead and an address block fit in this many lines above the greeting
SIGNOFF_SEARCH_LINES = 8
LETTERHEAD_LINE_WORDS = 12
SIGNATURE_WORDS = 4  # a name, perhaps with a title: "Laura Smith, RN", "[Your Name]"  # an address, a date or a title line is short; a longer line is the note itself


@dataclass(frozen=True)
class Parts:
    """Where each part of a note is, as offsets into its body; a part the note lacks is None."""

    hidden: tuple[Span, ...] = ()  # quoted earlier messages and header lines: never linted
    subject: Span | None = None
    letterhead: Span | None = None  # the writer's and reader's addresses, a date, above the greeting
    greeting: Span | None = None
    closing: Span | None = None  # the sign-off line: "Best regards,"
    signature: Span | None = None  # the lines under the sign-off: name, title, contact
    postscript: Span | None = None
    start: int = 0  # where the note proper begins: after headers, subject and letterhead
    end: int = 0  # where it ends: before any quoted message

    def part_of(self, offset: int) -> str:
        """The name of the part an offset falls in: subject, letterhead, greeting, body, closing, signature,
        postscript or hidden."""
        if any(offset in span for span in self.hidden):
            return "hidden"
        for name in ("subject", "letterhead", "greeting", "closing", "signature", "postscript"):
            span = getattr(self, name)
            if span is not None and offset in span:
                return name
        return "body"


def _lines(text: str) -> list[Span]:
    return [Span(m.start(), m.end()) for m in LINE.finditer(text) if m.start() < len(text) or m.end() > m.start()]


def find(text: str) -> Parts:
    """The parts of a note's body."""
    quoted_from = _quote_start(text)
    end = quoted_from if quoted_from is not None else len(text)
    hidden = [Span(quoted_from, len(text))] if quoted_from is not None else []
    hidden += [Span(m.start(), m.end()) for m in QUOTED_LINE.finditer(text, 0, end)]
    lines = [line for line in _lines(text[:end]) if text[line.start:line.end].strip()]
    lines = [line for line in lines if not any(line.start in h for h in hidden)]

    subject = None
    while lines and HEADER.match(text[lines[0].start:lines[0].end]):
        line = lines.pop(0)
        if re.match(r"(?i)[ \t]*(subject|re)[ \t]*:", text[line.start:line.end]):
            subject = line
        else:
            hidden.append(line)
    greeting, letterhead = None, None
    for i, line in enumerate(lines[:GREETING_SEARCH_LINES]):
        words = text[line.start:line.end]
        run_on = GREETING_RUN_ON.match(words)
        if (GREETING.match(words) and not SIGNOFF.match(words) and not _inside_paragraph(text, line)) or run_on:
            greeting = Span(line.start, line.start + len(run_on.group().rstrip())) if run_on else line
            if i:
                letterhead = Span(lines[0].start, lines[i - 1].end)
            break
        if len(words.split()) > LETTERHEAD_LINE_WORDS:
            break  # a line of prose: the note has begun, without a greeting line
    start = letterhead.end if letterhead else (lines[0].start if lines else 0)
    if greeting:
        start = greeting.start

    postscript = None
    ps = POSTSCRIPT.search(text, start, end)
    body_lines = lines
    if ps is not None:
        postscript = Span(ps.start(), _trimmed_end(text, ps.start(), end))
        body_lines = [line for line in lines if line.end <= ps.start()]
    closing = signature = None
    tail = body_lines[-SIGNOFF_SEARCH_LINES:]
    for line in reversed(tail):
        if greeting is not None and line.start <= greeting.start:
            break
        if SIGNOFF.match(text[line.start:line.end]) and _ends_paragraph_or_starts_block(text, line, body_lines):
            closing = line
            after = [other for other in body_lines if other.start > line.start]
            if after:
                signature = Span(after[0].start, after[-1].end)
            break
        slots = SIGNOFF_THEN_SLOTS.match(text[line.start:line.end])
        if slots and _ends_paragraph_or_starts_block(text, line, body_lines):
            closing = Span(line.start, line.start + slots.start(1))
            signature = Span(line.start + slots.start(1), body_lines[-1].end)
            break
    if closing is None and len(body_lines) > 1:
        last, before = body_lines[-1], body_lines[-2]
        alone = "\n\n" in text[before.end:last.start] or "\n" in text[before.end:last.start] and len(
            text[before.start:before.end].split()) <= SIGNATURE_WORDS
        if alone and len(text[last.start:last.end].split()) <= SIGNATURE_WORDS and last.start > start:
            signature = last  # a name under the last paragraph, without a sign-off word: "Laura Smith, RN"
    return Parts(tuple(sorted(hidden)), subject, letterhead, greeting, closing, signature, postscript,
                 start, _trimmed_end(text, start, end))


def _quote_start(text: str) -> int | None:
    match = QUOTE_STARTS.search(text)
    if match is None:
        return None
    # a quote marker on the first lines is the note itself quoting, not a reply; a reply writes first
    return match.start() if text[: match.start()].strip() else None


def _inside_paragraph(text: str, line: Span) -> bool:
    """True when the line is the middle of a paragraph: the line before it has text and ends mid-sentence."""
    before = text[: line.start].rstrip(" \t")
    if not before.endswith("\n"):
        return False
    previous = before[:-1].rsplit("\n", 1)[-1].strip()
    if HEADER.match(previous):
        return False  # "Subject: Thank you for the interview for [Job Title]" ends no sentence, but heads the note
    return bool(previous) and previous[-1:] not in ".!?:,;" and len(previous.split()) > 8


def _ends_paragraph_or_starts_block(text: str, line: Span, lines: list[Span]) -> bool:
    """A sign-off stands on its own line: not a sentence's last words run on from the line before."""
    index = lines.index(line)
    if index == 0:
        return True
    previous = lines[index - 1]
    blank_between = "\n\n" in text[previous.end:line.start] or not text[previous.start:previous.end].rstrip()[-1:].isalnum()
    return blank_between or len(text[line.start:line.end].split()) <= 4


def _trimmed_end(text: str, start: int, end: int) -> int:
    return start + len(text[start:end].rstrip())


def blank(text: str, spans: tuple[Span, ...] | list[Span]) -> str:
    """The text with each span's characters turned into spaces, line breaks kept, so every offset and line holds."""
    if not spans:
        return text
    pieces, at = [], 0
    for span in sorted(spans):
        if span.start < at:
            span = Span(at, span.end)
        pieces.append(text[at:span.start])
        pieces.append(re.sub(r"[^\n]", " ", text[span.start:span.end]))
        at = max(at, span.end)
    pieces.append(text[at:])
    return "".join(pieces)
