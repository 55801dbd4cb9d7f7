"""`kind: form`: reads the note's situation (its medium) from its shape rather than its words.

Like a context rule it reports nothing: when the note's parts fit every condition the rule
states, its value is guessed for the other rules' `context:` filters, unless front matter or
--context stated that key. A subject line makes an email; one short paragraph that names its
reader in the first sentence, with no greeting line and no sign-off line, is a text or chat
message. Conditions left out are not checked.
"""
from __future__ import annotations

import re
from typing import ClassVar, Literal

from pydantic import Field

from ..note import Hit, Note
from .context import Guess

# The reader named inside the first sentence, as texts do: "Thanks Dana, ...", "Thanks Marco for having me",
# "thank u so much Dee!!", "Thanks for letting me know Rob, and ...", "Frank, I appreciate ...": a
# capitalised word followed by a comma, an exclamation mark, a full stop or "for".
NAMED = re.compile(r"(?:^|[\s(])([A-Z][a-zà-ÿ'’-]+)(?:[ \t]*[,!.]|[ \t]+for\b)")
# ... or right after a greeting or a thanks, as texts run on without a comma: "hey Jess thx so much"
GREETED = re.compile(r"(?i:\b(?:hey|hi|hiya|hello|alright|thanks|thank you|thank u|thx|ty|cheers))[ \t]+"
                     r"([A-Z][a-zà-ÿ'’-]+\b|[a-zà-ÿ'’-]{2,}(?=[ \t]*[,!]))")  # "hey marco!!": texts skip capitals
# ... or just before the thanks, after an exclamation: "omg Priyanka thank u sooo much" (not "Quick thanks")
THANKED = re.compile(r"(?i:\b(?:omg|oh|aw+|wow|ok|okay|yay|ah|hey))[ \t]+([A-Z][a-zà-ÿ'’-]+)[ \t]+"
                     r"(?i:thank|thanks|thx|cheers|ty)\b")
NOT_NAMES = frozenset({
    "thanks", "thank", "hi", "hey", "hello", "hiya", "yes", "no", "well", "ok", "okay", "great", "so", "also",
    "today", "tonight", "sorry", "wow", "omg", "dear", "morning", "afternoon", "evening", "cheers", "again",
    "please", "honestly", "firstly", "finally", "unfortunately", "fortunately", "thx", "ty", "lol",
    "there", "all", "everyone", "everybody", "team", "guys", "folks", "you", "u", "ya", "much", "loads", "heaps",
    "a", "lot", "both", "mate", "just", "really", "many", "big", "huge", "and", "but", "i",
})
FIRST_NAME_ONLY = re.compile(r"\b(?![xX]+\b)[^\W\d_]{2,}")  # the words of a signature, kisses ("xx") aside
FIRST_SENTENCE = re.compile(r"[^.!?\n]*[.!?]*")


def reader_named_first(line: str) -> bool:
    """True when the first sentence of the note's first line names someone the way one addresses them."""
    first = FIRST_SENTENCE.match(line.strip()).group()
    named = [*NAMED.finditer(first), *GREETED.finditer(first), *THANKED.finditer(first)]
    return any(m.group(1).lower() not in NOT_NAMES for m in named)


class FormRule(Guess):
    """Guesses a context value from the note's shape: its parts, length and first words."""

    kind: Literal["form"]
    subject: bool | None = None  # a subject line (or mail headers) is there / is not
    greeting_line: bool | None = None  # a greeting on a line of its own ("Dear Ms. Okafor,")
    signoff_line: bool | None = None  # a sign-off on a line of its own ("Best regards,")
    reader_named_first: bool | None = None  # the first sentence opens with the reader's name ("Thanks Dana,")
    max_words: int | None = Field(None, ge=1)
    max_paragraphs: int | None = Field(None, ge=1)

    doubts: ClassVar[None] = None  # the shape is what it is: nothing in the words argues against it


def _fits(rule: FormRule, note: Note) -> bool:
    parts = note.parts
    has = {
        "subject": parts.subject is not None or bool(getattr(note.draft, "headers", None)),
        "greeting_line": parts.greeting is not None,
        "signoff_line": parts.closing is not None,
    }
    if any(getattr(rule, name) is not None and getattr(rule, name) != present for name, present in has.items()):
        return False
    if rule.max_words is not None and len(note.word_tokens) > rule.max_words:
        return False
    if rule.max_paragraphs is not None:
        # a text may sign off with a first name on its own line ("Mia xx", "- Lee"); a full name under a
        # blank line is how a card or a letter is signed, so it still counts as a paragraph
        written = [p for p in note.blocks
                   if not (parts.part_of(p.start) == "signature" and len(FIRST_NAME_ONLY.findall(note.words(p))) == 1)]
        if len(written) > rule.max_paragraphs:
            return False
    if rule.reader_named_first is not None:
        first = note.words(note.lines[0]) if note.lines else ""
        if reader_named_first(first) != rule.reader_named_first:
            return False
    return True


def find(rule: FormRule, note: Note):  # noqa: ANN201 - yields Hits
    """One hit on the note's first line when its shape fits the rule."""
    if note.lines and _fits(rule, note):
        yield Hit(note.parts.subject or note.lines[0], f"{rule.key}: {rule.value}")


Rule = FormRule  # what the kind registry reads
