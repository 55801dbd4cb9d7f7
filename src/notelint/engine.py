"""lint(drafts) -> reports: one nlp.pipe pass, shared matchers, context, each rule's kind, scores."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from typing import TYPE_CHECKING, Iterable, Iterator

from . import guards, kinds, waivers
from .compile import Compiled, compile_rules
from .draft import Draft
from .kinds import context as context_kind
from .model import CAUTIOUS_VALUES, Deduction, FileReport, Finding, Inference, Score, Severity, Span
from .note import Hit, Note
from .schema import RuleBase, RuleCore
from .scoring import score

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Kinds whose findings point at words the writer put in the note (a gift, a promised call): when a
# guess about the situation is all that allows them, the report says so. Kinds that judge what a
# note lacks or how long it is (required, metric) simply do not apply in that situation.
ALLOWED_VISIBLY = frozenset({"existence", "substitution", "repeated"})

# Past this many words a draft is not a thank-you note (they run to a few hundred at most): it is
# reported as such, and not run through the rules, which would only measure a book as a letter.
NOT_A_NOTE_WORDS = 3_000
NOT_A_NOTE = ("NL100", "not-a-note", "length")
# a note mostly in another language is not run through rules written for English ones
NOT_ENGLISH = ("NL099", "not-english", "language")
MIN_ENGLISH_SHARE = 0.6
MIN_WORDS_TO_JUDGE_LANGUAGE = 15
WORD = re.compile(r"\w+")


class Linter:
    """Lints drafts with a fixed set of rules; the spaCy pipeline is built on first use."""

    def __init__(self, rules: list[RuleCore], model: str | None = None):
        self.all_rules = rules
        self.rules: list[RuleBase] = [r for r in rules if r.REPORTS]
        self.context_rules = [r for r in rules if not r.REPORTS]
        self._superseded_by: dict[str, set[str]] = defaultdict(set)
        for rule in self.rules:
            for code in rule.supersedes:
                self._superseded_by[code].add(rule.code)
        self._unless_fired = {r.code: frozenset(r.unless_fired) for r in self.rules if r.unless_fired}
        self._by_code = {r.code: r for r in self.rules}
        self._model = model
        self._compiled: Compiled | None = None

    @property
    def compiled(self) -> Compiled:
        if self._compiled is None:
            self._compiled = compile_rules(self.all_rules, self._model)
        return self._compiled

    def lint(self, drafts: Iterable[Draft]) -> Iterator[FileReport]:
        """Report on each draft in order, streaming them through one nlp.pipe.

        A draft far longer than any note (a book, a log file), or one written in another language,
        is not linted: it passes through the pipe as an empty text, to keep its place, and gets one
        finding that says why.
        """
        skipped: dict[int, FileReport] = {}

        def texts() -> Iterator[tuple[str, Draft]]:
            for draft in drafts:
                report = _not_checked(draft)
                if report is not None:
                    skipped[id(draft)] = report
                    yield "", draft
                else:
                    yield draft.linted_body, draft

        for doc, draft in self.compiled.nlp.pipe(texts(), as_tuples=True, batch_size=32):
            report = skipped.pop(id(draft), None)
            if report is not None:
                yield report
            else:
                _break_sentences_at_parts(doc, draft.parts)
                yield self._report(Note(draft, doc, self._matches(doc, draft.linted_body), dict(draft.context)))

    def lint_text(self, draft: Draft) -> FileReport:
        return next(self.lint([draft]))

    def _matches(self, doc: Doc, text: str, compiled: Compiled | None = None) -> dict[str, list[Span]]:
        """Every rule's phrase, pattern and regex hits, by rule code. Phrases skip extra spaces and line breaks."""
        compiled = compiled or self.compiled
        found: dict[str, list[Span]] = defaultdict(list)
        strings = doc.vocab.strings
        for key, start, end in compiled.matcher(doc) if len(compiled.matcher) else ():
            found[key].append(Span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1])))
        if len(compiled.phrases) or len(compiled.exact_phrases):
            compact, where = _without_spaces(doc)
            for phrases in (compiled.phrases, compiled.exact_phrases):
                for key, start, end in phrases(compact) if len(phrases) else ():
                    first, last = doc[where[start]], doc[where[end - 1]]
                    found[strings[key]].append(Span(first.idx, last.idx + len(last)))
        for code, expressions in compiled.regexes.items():
            for expression in expressions:
                group = 1 if expression.groups else 0  # a capturing group narrows the finding
                for hit in expression.finditer(text):
                    if hit.end(group) > hit.start(group):
                        found[code].append(Span(hit.start(group), hit.end(group)))
        return found

    def _report(self, note: Note) -> FileReport:
        draft = note.draft
        stated = dict(draft.context)
        inferred = self._infer(note)
        guessed = {key: i.value for key, i in inferred.items() if i.confident}
        note.context = {**guessed, **stated}
        found: list[Finding] = []
        for rule in self.rules:
            if rule.unless is not None and self._unless_matched(rule, note):
                continue
            if guards.applies(rule.context, note.context):
                found += [self._finding(rule, note, hit) for hit in kinds.find(rule, note)]
            elif rule.kind in ALLOWED_VISIBLY and guards.applies(rule.context, stated):
                # only a guess about the situation keeps the rule quiet: say what it allowed, as info
                because = _allowed_because(rule, inferred, stated)
                found += [self._finding(rule, note, hit, because) for hit in kinds.find(rule, note)]
        found = self._drop_superseded(self._drop_contradicted(found), note)
        waived: list[Finding] = []
        if draft.waivers:
            found, waived, problems = waivers.apply(found, draft.waivers, lambda f: draft.offset(f.start), self.rules)
            found += [_waiver_finding(draft, *problem) for problem in problems]
        findings = _with_hints(sorted(found, key=Finding.sort_key), self._by_code, stated, inferred)
        return FileReport(draft.path, findings, score(findings), stated, inferred,
                          tuple(sorted(waived, key=Finding.sort_key)), situation=draft.situation.values(),
                          sources=draft.situation.shown_sources())

    def _infer(self, note: Note) -> dict[str, Inference]:
        """Guesses at the context values nobody stated; the first rule (by code) that matches a key wins.

        A guess is confident only when the note does not argue against it: none of its rule's doubts
        matches. (Another rule's guess at another value is not enough: "the hiring manager told me your
        letter helped" reads both as to a recruiter and as to a referee.) An unsure guess may still be
        confirmed by a later rule for the same value whose own doubts do not match, because it reads
        something narrower: "I must decline your offer" settles the stage in a note that also mentions
        another company's offer.
        """
        draft = note.draft
        inferred: dict[str, Inference] = dict(draft.read_context)  # what the file says: an .eml is an email
        for rule in self.context_rules:
            if rule.key in draft.context or (rule.key in inferred and inferred[rule.key].confident):
                continue
            hit = next(iter(kinds.find(rule, note)), None)
            if hit is not None:
                if rule.key in inferred and rule.value != inferred[rule.key].value:
                    continue  # an unsure guess stands unless a narrower rule, itself undoubted, confirms its value
                if rule.doubts is not None:
                    self._match_extra(note, rule.doubt_key)
                against = context_kind.doubts(rule, note)
                if against and rule.key in inferred:
                    continue  # not a confirmation: the first unsure guess, and its reason, stand
                doubt = f"'{_words(note, against[0])}' on line {_line(note, against[0])}" if against else None
                inferred[rule.key] = Inference(rule.value, _line(note, hit.span), rule.code, doubt is None, doubt)
        return inferred

    def _unless_matched(self, rule: RuleBase, note: Note) -> bool:
        """True when words the rule lists under `unless` are in the note, outside quotations and the
        letterhead: it stays quiet. The rule's own guards are for its own words, so they are not used."""
        return any(not guards.inside(note.quoted, span) and not note.in_letterhead(span)
                   for span in self._match_extra(note, rule.unless_key))

    def _match_extra(self, note: Note, key: str) -> list[Span]:
        """The hits of terms matched only on demand (a context rule's doubts, a rule's `unless` words),
        matched once a note."""
        if key not in note.matches:
            note.matches.update(self._matches(note.doc, note.text, self.compiled.extra[key]))
            note.matches.setdefault(key, [])
        return note.matches[key]

    def _drop_contradicted(self, findings: list[Finding]) -> list[Finding]:
        """A rule stays quiet when a rule it lists under `unless_fired` fired: that finding tells the same story."""
        fired = {f.rule for f in findings}
        return [f for f in findings if not fired & self._unless_fired.get(f.rule, frozenset())]

    def _drop_superseded(self, findings: list[Finding], note: Note) -> list[Finding]:
        """One finding per problem: a finding goes when a rule that supersedes its rule fired on overlapping words.

        A finding about what a note lacks (a greeting, a sign-off) points at a whole line; it goes only
        when the other finding is in the greeting or the sign-off and signature: "Dear [Name]," has a
        greeting, with a slot in it, but a slot in the last line of the body says nothing of a sign-off.
        """
        draft = note.draft

        def overlap(a: Finding, b: Finding) -> bool:
            return (a.start.line, a.start.column) < (b.end.line, b.end.column) and (
                (b.start.line, b.start.column) < (a.end.line, a.end.column)
            )

        def covers(g: Finding, f: Finding) -> bool:
            if not overlap(f, g):
                return False
            if self._by_code[f.rule].kind != "required":
                return True
            at = draft.offset(g.start) - draft.body_start
            if note.parts.part_of(at) in ("greeting", "closing", "signature"):
                return True
            # a casual greeting as the note's first word: "Hey @jasonlong, I'm not sure ..." opens with a
            # greeting, run into a sentence too long to be a greeting line ("[Company Name] is ..." does not)
            return at == note.parts.start and g.category in ("casual_tone", "greeting_signoff")

        return [f for f in findings if not any(g.rule in self._superseded_by[f.rule] and covers(g, f) for g in findings)]

    @staticmethod
    def _finding(rule: RuleBase, note: Note, hit: Hit, allowed_because: str | None = None) -> Finding:
        draft, span = note.draft, hit.span
        begin = draft.position(draft.body_start + span.start)
        return Finding(
            rule=rule.code,
            name=rule.name,
            category=rule.category,
            severity=Severity.INFO if allowed_because else rule.severity,
            message=hit.message,
            start=begin,
            end=draft.position(draft.body_start + max(span.start, span.end)),
            match=draft.body[span.start : span.end],
            line_text=draft.line_text(begin.line),
            instead=" ".join(rule.instead.split()),
            suggestion=hit.suggestion,
            allowed_because=allowed_because,
        )


def _line(note: Note, span: Span) -> int:
    return note.draft.position(note.draft.body_start + span.start).line


def _words(note: Note, span: Span) -> str:
    return " ".join(note.words(span).split())


def _allowed_because(rule: RuleBase, inferred: dict[str, Inference], stated: dict[str, str]) -> str:
    """Which confident guess keeps the rule quiet, and what to state if the guess is wrong."""
    for key, guess in inferred.items():
        if guess.confident and not guards.applies(rule.context, {**stated, key: guess.value}):
            return (f"line {guess.line} suggests this note is {guards.CONTEXT_PHRASES[(key, guess.value)]}; "
                    f"if it is not, set `{key}: {CAUTIOUS_VALUES[key]}`")
    raise AssertionError("a rule kept quiet by no guess")


def _with_hints(findings: list[Finding], rules: dict[str, RuleBase], stated: dict[str, str],
                guessed: Iterable[str]) -> tuple[Finding, ...]:
    """Each distinct context hint once per note, on the first finding it would clear.

    No hint is offered for a key the note itself gives a guess for: the note says what it is (or
    argues both ways), and a hint to state something else would contradict it.
    """
    known = {**{key: "" for key in guessed}, **stated}
    seen: set[str] = set()
    out = []
    for finding in findings:
        rule = rules.get(finding.rule)
        hint = None
        if rule is not None and finding.allowed_because is None:
            hint = guards.context_hint(rule.context, known)
        if hint is not None and hint not in seen:
            seen.add(hint)
            finding = replace(finding, context_hint=hint)
        out.append(finding)
    return tuple(out)


def _break_sentences_at_parts(doc: Doc, parts) -> None:  # noqa: ANN001 - parts.Parts
    """The greeting, the sign-off, the signature and the P.S. each start a sentence, and so does what follows
    the greeting, even without a blank line between ("Jess,\nThank you ..."). Set through one array."""
    from spacy.attrs import SENT_START

    offsets = [span.start for span in (parts.greeting, parts.closing, parts.signature, parts.postscript) if span]
    if parts.greeting:
        offsets.append(parts.greeting.end)
    if not offsets or not len(doc):
        return
    from spacy.attrs import IDX

    token_starts = doc.to_array(IDX)  # one array, not a Token object per token
    starts = doc.to_array([SENT_START])
    for offset in offsets:
        i = int(token_starts.searchsorted(offset))
        while i < len(doc) and doc[i].is_space:
            i += 1
        if 0 < i < len(doc):
            starts[i] = 1
    doc.from_array([SENT_START], starts)


def _rough_word_count(text: str) -> int:
    """The text's words, counted only where they could pass NOT_A_NOTE_WORDS (0 for a shorter text)."""
    if len(text) < 2 * NOT_A_NOTE_WORDS:  # each word takes a character and a separator
        return 0
    return sum(1 for _ in WORD.finditer(text))


def _not_checked(draft: Draft) -> FileReport | None:
    """The report for a draft the rules are not run on (far too long, or not in English), else None."""
    from .spelling import english_share

    words = _rough_word_count(draft.linted_body)
    if words > NOT_A_NOTE_WORDS:
        return _whole_note_finding(
            draft, NOT_A_NOTE, Severity.ERROR,
            f"This draft runs to {words:,} words: it is not a thank-you note (a note is a few hundred "
            f"words at most), so nothing else was checked",
            "Check that this is the file you meant; a thank-you note fits on one screen.",
            "Not a thank-you note: check that this is the file you meant.")
    share, counted = english_share(draft.linted_body)
    if counted >= MIN_WORDS_TO_JUDGE_LANGUAGE and share < MIN_ENGLISH_SHARE:
        return _whole_note_finding(
            draft, NOT_ENGLISH, Severity.WARNING,
            f"This note does not read as English (only {share:.0%} of its words are English words): "
            f"notelint's rules are written for English notes, so nothing else was checked",
            "Have someone who writes the language check it; notelint can check an English version.",
            "Not checked: notelint reads notes written in English.")
    return None


def _whole_note_finding(draft: Draft, rule: tuple[str, str, str], severity: Severity, message: str,
                        instead: str, advice: str) -> FileReport:
    """One finding on the draft's first line, and no score but 0: the note was not run through the rules."""
    code, name, category = rule
    first = draft.body_start + len(draft.body) - len(draft.body.lstrip())
    begin = draft.position(first)
    line = draft.line_text(begin.line)
    finding = Finding(
        rule=code, name=name, category=category, severity=severity, message=message,
        start=begin, end=draft.position(first + len(line.rstrip()) - (begin.column - 1)),
        match=line.strip(), line_text=line, instead=instead,
    )
    return FileReport(draft.path, (finding,), Score(0, "rewrite", advice, (Deduction(code, 100),)), dict(draft.context),
                      situation=draft.situation.values(), sources=draft.situation.shown_sources())


def _waiver_finding(draft: Draft, line: Span, message: str, instead: str) -> Finding:
    begin = draft.position(line.start)
    text = draft.text[line.start : line.end]
    lead = len(text) - len(text.lstrip())
    return Finding(
        rule=waivers.CODE, name=waivers.NAME, category=waivers.CATEGORY, severity=Severity.WARNING,
        message=message, start=draft.position(line.start + lead), end=draft.position(line.end),
        match=text.strip(), line_text=draft.line_text(begin.line), instead=instead,
    )


def _without_spaces(doc: Doc) -> tuple[Doc, list[int]]:
    """The doc without its whitespace tokens (extra spaces, line breaks), and each token's index in `doc`."""
    from spacy.tokens import Doc

    where = [t.i for t in doc if not t.is_space]
    if len(where) == len(doc):
        return doc, where
    return Doc(doc.vocab, words=[doc[i].text for i in where]), where
