"""lint(drafts) -> reports: one nlp.pipe pass, matches, guards, findings, scores."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Iterable, Iterator

from . import guards, metrics, spelling
from .compile import Compiled, compile_rules
from .draft import Draft
from .model import FileReport, Finding, Inference
from .schema import (
    AnyRule, ContextRule, ExistenceRule, FindingRule, MetricRule, RequiredRule, SpellingRule, SubstitutionRule,
)
from .scoring import score

if TYPE_CHECKING:
    from spacy.tokens import Doc

OPENING_LINES = 3
CLOSING_LINES = 6


@dataclass(frozen=True)
class Match:
    """A rule's hit as token and character offsets into the body."""

    start: int
    end: int
    start_char: int
    end_char: int


def _line_end(text: str, start: int, end: int) -> int:
    """Where the first line of the range start..end stops, so a finding highlights one line."""
    newline = text.find("\n", start)
    return end if newline == -1 else min(end, newline)


def _joined_by_hyphen(doc: Doc, token) -> bool:  # noqa: ANN001
    before = token.i > 0 and doc[token.i - 1].text in "-‐" and not doc[token.i - 1].whitespace_
    after = token.i + 1 < len(doc) and doc[token.i + 1].text in "-‐" and not token.whitespace_
    return bool(before or after)


def _superseded_by(rules: list[FindingRule]) -> dict[str, list[str]]:
    """For each rule code, the codes of the rules that supersede it."""
    by: dict[str, list[str]] = defaultdict(list)
    for rule in rules:
        for code in rule.supersedes:
            by[code].append(rule.code)
    return by


def _scope(lines: list[tuple[int, int]], within: str, length: int) -> tuple[int, int]:
    if within == "opening":
        return lines[0][0], lines[min(OPENING_LINES, len(lines)) - 1][1]
    if within == "closing":
        return lines[max(0, len(lines) - CLOSING_LINES)][0], lines[-1][1]
    return 0, length


class Linter:
    """Lints drafts with a fixed set of rules; the spaCy pipeline is built on first use."""

    def __init__(self, rules: list[AnyRule], model: str | None = None):
        self.all_rules = rules
        self.rules: list[FindingRule] = [r for r in rules if not isinstance(r, ContextRule)]
        self.context_rules = [r for r in rules if isinstance(r, ContextRule)]
        self._superseded_by = _superseded_by(self.rules)
        self._unless_fired = {r.code: frozenset(r.unless_fired) for r in self.rules if r.unless_fired}
        self._model = model
        # per-rule lookups computed once, not per draft
        self._stock = {
            r.code: frozenset(w.lower() for w in r.stock_words) for r in rules if isinstance(r, MetricRule)
        }
        self._cues = {
            r.code: frozenset(w.lower() for w in r.conversation_cues) for r in rules if isinstance(r, MetricRule)
        }
        self._folded_swaps = {
            r.code: {" ".join(k.lower().split()): v for k, v in r.swap.items()}
            for r in rules if isinstance(r, SubstitutionRule)
        }
        self._compiled: Compiled | None = None

    @property
    def compiled(self) -> Compiled:
        if self._compiled is None:
            self._compiled = compile_rules(self.all_rules, self._model)
        return self._compiled

    def lint(self, drafts: Iterable[Draft]) -> Iterator[FileReport]:
        """Report on each draft in order, streaming them through one nlp.pipe."""
        pairs = ((draft.body, draft) for draft in drafts)
        for doc, draft in self.compiled.nlp.pipe(pairs, as_tuples=True, batch_size=32):
            yield self._report(draft, doc)

    def lint_text(self, draft: Draft) -> FileReport:
        return next(self.lint([draft]))

    # -- matching ---------------------------------------------------------------------------

    def _matches(self, doc: Doc) -> dict[str, list[Match]]:
        found: dict[str, list[Match]] = defaultdict(list)
        vocab = doc.vocab.strings
        hits = list(self.compiled.matcher(doc)) if len(self.compiled.matcher) else []
        hits += self.compiled.phrases(doc) if len(self.compiled.phrases) else []
        for key, start, end in hits:
            span = doc[start:end]
            found[vocab[key]].append(Match(start, end, span.start_char, span.end_char))
        for code, expressions in self.compiled.regexes.items():
            for expression in expressions:
                group = 1 if expression.groups else 0  # a capturing group narrows the finding
                for hit in expression.finditer(doc.text):
                    start, end = hit.start(group), hit.end(group)
                    span = doc.char_span(start, end, alignment_mode="expand")
                    if span is not None and end > start:
                        found[code].append(Match(span.start, span.end, start, end))
        return found

    def _kept(self, rule: AnyRule | ContextRule, doc: Doc, matches: list[Match], quoted: list[tuple[int, int]]) -> list[Match]:
        kept: list[Match] = []
        for m in sorted(set(matches), key=lambda m: (m.start_char, -(m.end_char - m.start_char))):
            if kept and m.start_char < kept[-1].end_char:
                continue  # overlaps a longer or earlier hit of the same rule
            g = rule.guards
            if g.quotation and guards.inside(quoted, m.start_char, m.end_char):
                continue
            if g.negation and guards.negated(doc, m.start):
                continue
            if guards.neighbour_blocks(doc, m.start, m.end, g.not_followed_by, g.not_preceded_by):
                continue
            if g.names_nearby and guards.next_to_name(doc, m.start, m.end):
                continue
            if isinstance(rule, ExistenceRule) and rule.filter == "english-word":
                if not spelling.is_english_word(doc.text[m.start_char : m.end_char]):
                    continue
            kept.append(m)
        return kept

    # -- context --------------------------------------------------------------------------

    def _infer(self, draft: Draft, doc: Doc, matches, quoted, lines) -> dict[str, Inference]:  # noqa: ANN001
        """Context values the note gives away, for keys nobody stated; the first rule (by code) that matches wins."""
        inferred: dict[str, Inference] = {}
        for rule in self.context_rules:
            if rule.key in draft.context or rule.key in inferred:
                continue
            begin, end = _scope(lines, rule.within, len(doc.text))
            kept = [m for m in self._kept(rule, doc, matches.get(rule.code, []), quoted) if begin <= m.start_char < end]
            if kept:
                line = draft.position(draft.body_start + kept[0].start_char).line
                inferred[rule.key] = Inference(rule.value, line, rule.code)
        return inferred

    # -- findings ---------------------------------------------------------------------------

    def _report(self, draft: Draft, doc: Doc) -> FileReport:
        matches = self._matches(doc)
        quoted = guards.quoted_ranges(doc.text)
        lines = metrics.nonblank_lines(doc.text)  # shared by required, metric and context rules
        inferred = self._infer(draft, doc, matches, quoted, lines)
        context = {**{key: i.value for key, i in inferred.items()}, **draft.context}
        found = [
            self._with_hint(finding, rule, draft.context)
            for rule in self.rules
            if guards.applies(rule.context, context)
            for finding in self._findings(rule, draft, doc, matches, quoted, lines, context)
        ]
        findings = tuple(sorted(self._drop_superseded(self._drop_contradicted(found)), key=Finding.sort_key))
        return FileReport(draft.path, findings, score(findings), dict(draft.context), inferred)

    def _drop_contradicted(self, findings: list[Finding]) -> list[Finding]:
        """A rule stays quiet when a rule it lists under `unless_fired` fired: that finding tells the same story."""
        fired = {f.rule for f in findings}
        return [f for f in findings if not fired & self._unless_fired.get(f.rule, frozenset())]

    def _drop_superseded(self, findings: list[Finding]) -> list[Finding]:
        """One finding per problem: a finding goes when a rule that supersedes its rule fired on overlapping words."""
        def overlap(a: Finding, b: Finding) -> bool:
            return (a.start.line, a.start.column) < (b.end.line, b.end.column) and (
                (b.start.line, b.start.column) < (a.end.line, a.end.column)
            )

        return [
            f for f in findings
            if not any(g.rule in self._superseded_by[f.rule] and overlap(f, g) for g in findings)
        ]

    @staticmethod
    def _with_hint(finding: Finding, rule: FindingRule, stated: dict[str, str]) -> Finding:
        hint = guards.context_hint(rule.context, stated)
        return replace(finding, context_hint=hint) if hint else finding

    def _findings(self, rule, draft, doc, matches, quoted, lines, context) -> Iterator[Finding]:  # noqa: ANN001
        if isinstance(rule, ExistenceRule):
            for m in self._kept(rule, doc, matches.get(rule.code, []), quoted):
                text = doc.text[m.start_char : m.end_char]
                yield self._finding(rule, draft, m.start_char, m.end_char, rule.message.format(match=text))
        elif isinstance(rule, SubstitutionRule):
            yield from self._substitutions(rule, draft, doc, matches.get(rule.code, []), quoted)
        elif isinstance(rule, RequiredRule):
            yield from self._required(rule, draft, doc, matches.get(rule.code, []), quoted, lines)
        elif isinstance(rule, MetricRule):
            yield from self._metric(rule, draft, doc, lines, context)
        elif isinstance(rule, SpellingRule):
            yield from self._spelling(rule, draft, doc, quoted)

    def _finding(
        self, rule: AnyRule, draft: Draft, start: int, end: int, message: str, suggestion: str | None = None
    ) -> Finding:
        begin = draft.position(draft.body_start + start)
        stop = draft.position(draft.body_start + max(start, end))
        return Finding(
            rule=rule.code,
            name=rule.name,
            category=rule.category,
            severity=rule.severity,
            message=message,
            start=begin,
            end=stop,
            match=draft.body[start:end],
            line_text=draft.line_text(begin.line),
            instead=" ".join(rule.instead.split()),
            suggestion=suggestion,
        )

    def _substitutions(self, rule, draft, doc, matches, quoted) -> Iterator[Finding]:  # noqa: ANN001
        folded = self._folded_swaps[rule.code]
        for m in self._kept(rule, doc, matches, quoted):
            text = doc.text[m.start_char : m.end_char]
            if rule.case_sensitive:
                replacement = rule.swap.get(text)
                if replacement is None:
                    continue  # same letters, other case: "U" in "U of T" is not "u"
            else:
                replacement = folded[" ".join(text.lower().split())]
            message = rule.message.format(match=text, replacement=replacement)
            yield self._finding(rule, draft, m.start_char, m.end_char, message, replacement)

    def _required(self, rule, draft, doc, matches, quoted, lines) -> Iterator[Finding]:  # noqa: ANN001
        begin, end = _scope(lines, rule.within, len(doc.text))
        if any(begin <= m.start_char < end for m in self._kept(rule, doc, matches, quoted)):
            return
        start, stop = lines[-1] if rule.within == "closing" else lines[0]
        yield self._finding(rule, draft, start, stop, rule.message)

    def _metric(
        self, rule: MetricRule, draft: Draft, doc: Doc, lines: list[tuple[int, int]], context: dict[str, str]
    ) -> Iterator[Finding]:
        low, high = rule.bounds(context)
        text = doc.text

        def out_of_bounds(value: float) -> float | None:
            if high is not None and value > high:
                return high
            if low is not None and value < low:
                return low
            return None

        def report(value: float, limit: float, start: int, end: int) -> Finding:
            shown = round(value, 1) if rule.metric == "flesch_reading_ease" else int(value)
            message = rule.message.format(value=shown, limit=int(limit) if limit == int(limit) else limit)
            return self._finding(rule, draft, start, end, message)

        if rule.metric in ("sentence_words", "paragraph_words"):
            ranges = metrics.sentence_ranges(doc) if rule.metric == "sentence_words" else metrics.paragraphs(text)
            for measure in metrics.word_count_measures(doc, ranges):
                limit = out_of_bounds(measure.value)
                if limit is not None:
                    yield report(measure.value, limit, measure.start, _line_end(text, measure.start, measure.end))
            return
        first_line = lines[0]
        if rule.metric == "words":
            tokens = metrics.words(doc)
            limit = out_of_bounds(len(tokens))
            if limit is not None:
                at = tokens[int(limit)] if len(tokens) > limit else None
                start, end = (at.idx, at.idx + len(at.text)) if at is not None else first_line
                yield report(len(tokens), limit, start, end)
        elif rule.metric == "paragraphs":
            spans = metrics.paragraphs(text)
            limit = out_of_bounds(len(spans))
            if limit is not None:
                start, end = spans[int(limit)] if len(spans) > limit else first_line
                yield report(len(spans), limit, start, _line_end(text, start, end))
        elif rule.metric == "sentences":
            count = len(metrics.sentence_ranges(doc))
            limit = out_of_bounds(count)
            if limit is not None:
                yield report(count, limit, *first_line)
        elif rule.metric in ("exclamations", "emoji"):
            pattern = metrics.EMOJI if rule.metric == "emoji" else metrics.EXCLAMATION
            marks = [m.span() for m in pattern.finditer(text)]
            limit = out_of_bounds(len(marks))
            if limit is not None:
                start, end = marks[int(limit)] if len(marks) > limit else (first_line[0], first_line[0] + 1)
                yield report(len(marks), limit, start, end)
        elif rule.metric == "detail_words":
            stock, common = self._stock[rule.code], spelling.common_words(rule.common_rank)
            cues = self._cues[rule.code]
            allowed = metrics.conversation_tokens(doc, cues) if cues else None
            count = metrics.detail_words(doc, stock, common, allowed)
            if rule.name_weight and count < (low or 0):
                count += rule.name_weight * metrics.named_things(doc, lines, stock, common, allowed)
            limit = out_of_bounds(count)
            if limit is not None:
                yield report(count, limit, *first_line)
        elif rule.metric == "flesch_reading_ease":
            if len(metrics.words(doc)) >= metrics.MIN_WORDS_FOR_READABILITY:
                value = metrics.flesch_reading_ease(text)
                limit = out_of_bounds(value)
                if limit is not None:
                    yield report(value, limit, *first_line)

    def _spelling(self, rule: SpellingRule, draft: Draft, doc: Doc, quoted) -> Iterator[Finding]:  # noqa: ANN001
        """Lower-case words the dictionaries do not know and that look like a slip of a common word.

        A capitalised word may be a name or a product, so it is checked only where an ordinary
        word is capitalised (a sentence start, the sign-off line), and only for a clear slip;
        names in the greeting and signature lines are known throughout the draft.
        """
        signoff, names = _signoff_and_names(doc)
        known = draft.known_words | names
        for token in doc:
            word = token.text
            if (
                len(word) < rule.min_length
                or not word.isalpha()
                or token.like_url
                or token.like_email
                or word.lower() in known
                or (token.i > 0 and doc[token.i - 1].text in {"@", "#"})
                or _joined_by_hyphen(doc, token)  # pre-screen, multi-site: parts are not words
                or (rule.guards.quotation and guards.inside(quoted, token.idx, token.idx + len(word)))
                or spelling.is_known(word)
            ):
                continue
            if word.islower():
                suggestion = spelling.suggest(word)
            elif word[0].isupper() and word[1:].islower() and (_starts_sentence(doc, token) or token.idx in signoff):
                suggestion = spelling.suggest(word, strict=True)
            else:
                continue  # a name, an acronym or a product mid-sentence
            if suggestion is None:
                continue
            message = rule.message.format(match=word, suggestion=suggestion)
            yield self._finding(rule, draft, token.idx, token.idx + len(word), message, suggestion)


SIGNOFF_WORDS = 4  # "With warm regards," / "Thank you again,"


def _starts_sentence(doc: Doc, token) -> bool:  # noqa: ANN001
    """First word of a line, or after . ! ? (quotes and brackets allowed in between)."""
    i = token.i - 1
    while i >= 0 and (doc[i].is_space or doc[i].text in {'"', "'", "\u201c", "\u2018", "(", "["}):
        i -= 1
    if i < 0:
        return True
    before = doc[i]
    return before.text in {".", "!", "?", "...", "\u2026"} or "\n" in doc.text[before.idx + len(before.text) : token.idx]


def _signoff_and_names(doc: Doc) -> tuple[range, frozenset[str]]:
    """The sign-off line's character range, and the names written in the greeting and signature.

    The greeting is the first line; the sign-off is the last short line ending in a comma among
    the closing lines (or, without one, the short line before a short last line); the signature
    is what follows it.
    """
    lines = metrics.nonblank_lines(doc.text)
    if not lines:
        return range(0), frozenset()

    def short(span: tuple[int, int]) -> bool:
        return len(doc.text[span[0] : span[1]].split()) <= SIGNOFF_WORDS

    closing = lines[max(1, len(lines) - CLOSING_LINES) :]
    signoff_at = next(
        (k for k in range(len(closing) - 1, -1, -1) if short(closing[k]) and doc.text[: closing[k][1]].rstrip().endswith(",")),
        None,
    )
    if signoff_at is None and len(closing) >= 2 and short(closing[-1]) and short(closing[-2]):
        signoff_at = len(closing) - 2
    signoff = range(*closing[signoff_at]) if signoff_at is not None else range(0)
    signature = closing[signoff_at + 1 :] if signoff_at is not None else closing[-1:] if closing and short(closing[-1]) else []
    names = set()
    for start, end in [lines[0], *signature]:
        names.update(w.lower() for w in re.findall(r"[^\W\d_]+", doc.text[start:end]) if w[:1].isupper())
    return signoff, frozenset(names)
