"""`kind: metric`: a finding when a measured value leaves its bounds.

Each metric is a small function from a rule and a note to `Measure`s: one for the whole note
(words, paragraphs ...) or one per sentence or paragraph (sentence_words, paragraph_words).
"""
from __future__ import annotations

import re
from functools import cached_property
from typing import Callable, ClassVar, Iterator, Literal

from pydantic import field_validator, model_validator

from .. import metrics, spelling
from ..metrics import Measure
from ..model import Span
from ..note import Hit, Note
from ..parts import GREETING_WORDS
from ..schema import ContextKey, Guards, RuleBase, Strict, valid_regexes, compile_regex, no_duplicates
from ..wording import fill

Metric = Literal[
    "words", "sentences", "paragraphs", "sentence_words", "paragraph_words", "exclamations", "emoji",
    "flesch_reading_ease", "detail_words",
]


# what each metric counts, as `notelint explain` and docs/rules.md name it beside the limits
LABELS = {
    "words": "words in the note",
    "sentences": "sentences in the note",
    "paragraphs": "paragraphs in the note",
    "sentence_words": "words in a sentence",
    "paragraph_words": "words in a paragraph",
    "exclamations": "exclamation marks in the note",
    "emoji": "emoji or emoticons in the note",
    "flesch_reading_ease": "Flesch reading ease",
    "detail_words": "words beyond stock phrases",
}


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def bounds_text(low: float | None, high: float | None) -> str:
    """'at most 250', 'at least 2', 'at least 2 and at most 9'."""
    parts = ([f"at least {_number(low)}"] if low is not None else []) + (
        [f"at most {_number(high)}"] if high is not None else [])
    return " and ".join(parts)


class Override(Strict):
    when: dict[ContextKey, str]
    min: float | None = None
    max: float | None = None


class MetricRule(RuleBase):
    """Fires when a measured value leaves its bounds (per sentence or paragraph for *_words)."""

    kind: Literal["metric"]
    metric: Metric
    min: float | None = None
    max: float | None = None
    overrides: list[Override] = []
    stock_words: list[str] = []  # detail_words: words any note could contain, so they are not details
    common_rank: int = 0  # detail_words: the N most frequent English words are not details either
    name_weight: int = 0  # detail_words: how many detail words a capitalised project or product name is worth
    # detail_words: count only sentences with one of these words (they recall the conversation or
    # the reader); a recap of the writer's own CV is not a detail from the conversation
    conversation_cues: list[str] = []
    # detail_words: a template slot where the detail belongs ("[specific topic discussed]"): the note is a
    # template (its placeholder finding says so), and filled in, the slot is the detail; RE2 expressions
    detail_slots: list[str] = []
    guards: Guards = Guards(negation=False, quotation=False)
    PLACEHOLDERS: ClassVar[frozenset[str]] = frozenset({"value", "limit"})
    COUNTS: ClassVar[frozenset[str]] = PLACEHOLDERS

    @field_validator("stock_words", "conversation_cues")
    @classmethod
    def _words_once(cls, values: list[str]) -> list[str]:
        return no_duplicates(values)

    @field_validator("detail_slots")
    @classmethod
    def _slots_compile(cls, values: list[str]) -> list[str]:
        return valid_regexes(values)

    @model_validator(mode="after")
    def _has_bound(self) -> "MetricRule":
        if self.min is None and self.max is None:
            raise ValueError("needs min or max")
        return self

    def bounds(self, context: dict[str, str]) -> tuple[float | None, float | None]:
        low, high = self.min, self.max
        for override in self.overrides:
            if all(context.get(k) == v for k, v in override.when.items()):
                low = override.min if override.min is not None else low
                high = override.max if override.max is not None else high
        return low, high

    def limits(self) -> str:
        """The bounds in words: 'Words in the note: at most 250 (at most 120 when medium is card, ...)'."""
        text = f"{LABELS[self.metric][:1].upper()}{LABELS[self.metric][1:]}: {bounds_text(self.min, self.max)}"
        notes = [
            f"{bounds_text(o.min, o.max)} when {' and '.join(f'{k} is {v}' for k, v in o.when.items())}"
            for o in self.overrides
        ]
        if self.metric == "detail_words" and self.name_weight:
            notes.append(f"a project or product name counts as {self.name_weight}")
        return text + (f" ({', '.join(notes)})" if notes else "")

    @cached_property
    def stock(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.stock_words)

    @cached_property
    def cues(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.conversation_cues)


def _words(rule: MetricRule, note: Note) -> list[Measure]:
    tokens = note.word_tokens
    return [Measure(len(tokens), note.lines[0], tuple(Span(t.idx, t.idx + len(t.text)) for t in tokens))]


def _sentences(rule: MetricRule, note: Note) -> list[Measure]:
    spans = note.sentences
    return [Measure(len(spans), note.lines[0], tuple(spans))]


def _paragraphs(rule: MetricRule, note: Note) -> list[Measure]:
    spans = note.paragraphs
    return [Measure(len(spans), note.lines[0], tuple(spans))]


def _sentence_words(rule: MetricRule, note: Note) -> list[Measure]:
    return metrics.word_counts(note.word_offsets, note.sentences)


def _paragraph_words(rule: MetricRule, note: Note) -> list[Measure]:
    return metrics.word_counts(note.word_offsets, note.paragraphs)


def _marks(pattern) -> Callable[[MetricRule, Note], list[Measure]]:  # noqa: ANN001 - a compiled regex
    def count(rule: MetricRule, note: Note) -> list[Measure]:
        marks = tuple(Span(*m.span()) for m in pattern.finditer(note.text))
        first = note.lines[0].start
        return [Measure(len(marks), Span(first, first + 1), marks)]

    return count


def _detail_words(rule: MetricRule, note: Note) -> list[Measure]:
    if note.situation.topics:
        return []  # the writer's interview notes say what the conversation was: kind recall judges against them
    common = spelling.common_words(rule.common_rank)
    prose = {t.i for t in note.word_tokens}  # not the letterhead
    allowed = metrics.conversation_tokens(note.doc, rule.cues) & prose if rule.cues else prose
    count = metrics.detail_words(note.doc, rule.stock, common, allowed, _slip_or_chat)
    low, _ = rule.bounds(note.context)
    if count < (low or 0) and any(compile_regex(e).search(note.prose) for e in rule.detail_slots):
        return []  # the detail's place is a template slot: one problem, reported as the leftover
    if rule.name_weight and count < (low or 0):  # a name, or a phrase in quotation marks, is a detail too
        names = metrics.named_things(note.doc, _body_span(note), rule.stock, common, allowed)
        count += rule.name_weight * (names + _quoted_terms(note))
    return [Measure(count, note.lines[0])]


INLINE_GREETING = re.compile(rf"(?i)[ \t]*(?:{GREETING_WORDS})\b[^,.!?\n]{{0,40}}[,!]")


PROSE_WORDS = 8  # a first line longer than this, with no greeting, is the body's first paragraph


def _body_span(note: Note) -> tuple[int, int]:
    """From the end of the greeting (or of a short first line, when none was found) to the sign-off or signature;
    nothing in a note of one or two lines with no greeting, where a name may be the writer's own."""
    parts = note.parts
    if parts.greeting is None and len(note.lines) < 3:
        return 0, 0
    if parts.greeting is None:
        # a text that opens with its greeting and goes straight on: "Hi Carla, thank you for the call ..."
        first = note.lines[0]
        opening = INLINE_GREETING.match(note.text, first.start, first.end)
        # no greeting at all: a first line of prose is the body (a name alone on it may be the reader's)
        prose = len(note.text[first.start:first.end].split()) > PROSE_WORDS
        start = opening.end() if opening else first.start if prose else first.end
    else:
        start = parts.greeting.end
        line_end = note.text.find("\n", start)
        rest = note.text[start:line_end if line_end >= 0 else len(note.text)].rstrip()
        if rest.endswith((",", ":")):  # "Dear Mr. Ferreira, Ms. Abbott and Mr. Kim,": the rest of the greeting
            start += len(rest)
    end = note.body_end
    if not start < end < len(note.text):  # no sign-off found after the greeting: the last line may be the name
        end = note.lines[-2].start if len(note.lines) > 2 else len(note.text)
    return start, end


def _slip_or_chat(word: str) -> bool:
    return word in spelling.chat_shorthand() or spelling.suggest(word) is not None


QUOTED_TERM_WORDS = range(1, 9)  # "the 'worm hotel'", "your 'ship it Friday' rule": a phrase, not a speech


def _quoted_terms(note: Note) -> int:
    """Short phrases in quotation marks: a name or a saying the writer took from the conversation."""
    found = 0
    for span in note.quoted:
        text = note.text[span.start:span.end]
        if text[:1] in "\"“" and len(metrics.WORD_CHARACTER_RUN.findall(text)) in QUOTED_TERM_WORDS:
            found += 1
    return found


def _reading_ease(rule: MetricRule, note: Note) -> list[Measure]:
    if len(note.word_tokens) < metrics.MIN_WORDS_FOR_READABILITY:
        return []
    return [Measure(metrics.flesch_reading_ease(note.prose), note.lines[0])]


METRICS: dict[str, Callable[[MetricRule, Note], list[Measure]]] = {
    "words": _words,
    "sentences": _sentences,
    "paragraphs": _paragraphs,
    "sentence_words": _sentence_words,
    "paragraph_words": _paragraph_words,
    "exclamations": _marks(metrics.EXCLAMATION),
    "emoji": _marks(metrics.EMOJI),
    "detail_words": _detail_words,
    "flesch_reading_ease": _reading_ease,
}
assert set(METRICS) == set(Metric.__args__)  # type: ignore[attr-defined]


def find(rule: MetricRule, note: Note) -> Iterator[Hit]:
    low, high = rule.bounds(note.context)
    for measure in METRICS[rule.metric](rule, note):
        value = measure.value
        if high is not None and value > high:
            limit = high
            # point at the first thing counted past the limit: the 251st word, the 4th "!"
            past = int(limit)
            span = measure.parts[past] if past < len(measure.parts) else measure.span
        elif low is not None and value < low:
            limit, span = low, measure.span
        else:
            continue
        message = fill(rule.message, value=value, limit=limit)
        yield Hit(span, message)  # the whole sentence or paragraph; the text report underlines its first line


Rule = MetricRule  # what the kind registry reads
