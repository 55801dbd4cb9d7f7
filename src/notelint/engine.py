"""lint(drafts) -> reports: one nlp.pipe pass, shared matchers, context, each rule's kind, scores."""
from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Iterable, Iterator

from . import guards, kinds, waivers
from .compile import Compiled, compile_rules
from .draft import Draft
from .model import FileReport, Finding, Inference, Severity, Span
from .note import Hit, Note
from .schema import RuleBase, RuleCore
from .scoring import score

if TYPE_CHECKING:
    from spacy.tokens import Doc


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
        self._model = model
        self._compiled: Compiled | None = None

    @property
    def compiled(self) -> Compiled:
        if self._compiled is None:
            self._compiled = compile_rules(self.all_rules, self._model)
        return self._compiled

    def lint(self, drafts: Iterable[Draft]) -> Iterator[FileReport]:
        """Report on each draft in order, streaming them through one nlp.pipe."""
        pairs = ((draft.linted_body, draft) for draft in drafts)
        for doc, draft in self.compiled.nlp.pipe(pairs, as_tuples=True, batch_size=32):
            yield self._report(Note(draft, doc, self._matches(doc, draft.linted_body), dict(draft.context)))

    def lint_text(self, draft: Draft) -> FileReport:
        return next(self.lint([draft]))

    def _matches(self, doc: Doc, text: str) -> dict[str, list[Span]]:
        """Every rule's phrase, pattern and regex hits, by rule code. Phrases skip extra spaces and line breaks."""
        compiled = self.compiled
        found: dict[str, list[Span]] = defaultdict(list)
        strings = doc.vocab.strings
        for key, start, end in compiled.matcher(doc) if len(compiled.matcher) else ():
            found[strings[key]].append(Span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1])))
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
        inferred = self._infer(note)
        note.context = {**{key: i.value for key, i in inferred.items()}, **draft.context}
        found = [
            self._finding(rule, note, hit)
            for rule in self.rules
            if guards.applies(rule.context, note.context)
            for hit in kinds.find(rule, note)
        ]
        found = self._drop_superseded(self._drop_contradicted(found))
        waived: list[Finding] = []
        if draft.waivers:
            found, waived, problems = waivers.apply(found, draft.waivers, lambda f: draft.offset(f.start))
            found += [_waiver_finding(draft, *problem) for problem in problems]
        findings = tuple(sorted(found, key=Finding.sort_key))
        return FileReport(draft.path, findings, score(findings), dict(draft.context), inferred,
                          tuple(sorted(waived, key=Finding.sort_key)))

    def _infer(self, note: Note) -> dict[str, Inference]:
        """Context values the note gives away, for keys nobody stated; the first rule (by code) that matches wins."""
        inferred: dict[str, Inference] = {}
        for rule in self.context_rules:
            if rule.key in note.draft.context or rule.key in inferred:
                continue
            hit = next(iter(kinds.find(rule, note)), None)
            if hit is not None:
                line = note.draft.position(note.draft.body_start + hit.span.start).line
                inferred[rule.key] = Inference(rule.value, line, rule.code)
        return inferred

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
    def _finding(rule: RuleBase, note: Note, hit: Hit) -> Finding:
        draft, span = note.draft, hit.span
        begin = draft.position(draft.body_start + span.start)
        return Finding(
            rule=rule.code,
            name=rule.name,
            category=rule.category,
            severity=rule.severity,
            message=hit.message,
            start=begin,
            end=draft.position(draft.body_start + max(span.start, span.end)),
            match=draft.body[span.start : span.end],
            line_text=draft.line_text(begin.line),
            instead=" ".join(rule.instead.split()),
            suggestion=hit.suggestion,
            context_hint=guards.context_hint(rule.context, draft.context),
        )


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
