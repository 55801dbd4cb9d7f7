"""Run rules' own examples: `fire` texts must trigger the rule (on the words given), `pass` texts must not."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator

from .draft import parse_draft
from .engine import Linter
from .schema import RuleCore


@dataclass(frozen=True)
class ExampleResult:
    """One example of one rule, and what the rule did with it."""

    rule: str
    verdict: str  # "fire", "pass" or, for context rules, "infer" or "unsure"
    index: int
    text: str
    ok: bool
    found: tuple[str, ...] = ()  # the words the rule reported, or the context it inferred
    expected: str | None = None  # the words a fire example must be reported on

    @property
    def label(self) -> str:
        return f"{self.rule} {self.verdict}[{self.index}]"

    def explain(self) -> str:
        """What went wrong, in one line."""
        found = ", ".join(repr(f) for f in self.found) or "nothing"
        if self.verdict == "pass":
            return f"should not fire, but reported {found}"
        if self.verdict == "infer":
            return f"should infer its value confidently, but inferred {found}"
        if self.verdict == "unsure":
            return f"should infer its value but be unsure of it, yet inferred {found}"
        if self.expected is not None:
            return f"should report {self.expected!r}, but reported {found}"
        return "should fire, but reported nothing"


def run_examples(linter: Linter, rules: Iterable[RuleCore]) -> Iterator[ExampleResult]:
    """Lint each example of each rule with every rule of `linter` loaded, as a user's draft would be."""
    for rule in rules:
        if not rule.REPORTS:  # a context rule: its examples say what it must infer
            yield from _context_examples(linter, rule)
            continue
        for verdict, examples in (("fire", rule.examples.fire), ("pass", rule.examples.pass_)):
            for i, example in enumerate(examples):
                report = _panel_report(linter, rule, example) if rule.kind == "panel" else \
                    linter.lint_text(example_draft(example))
                # a finding a guess about the situation allowed is not the rule firing
                found = tuple(f.match for f in report.findings if f.rule == rule.code and not f.allowed_because)
                if verdict == "pass":
                    ok = not found
                else:
                    ok = bool(found) and (example.match is None or example.match in found)
                yield ExampleResult(rule.code, verdict, i, example.text, ok, found, example.match)


def _context_examples(linter: Linter, rule) -> Iterator[ExampleResult]:  # noqa: ANN001 - a kinds.context rule
    """`infer`: the rule guesses its value, confidently; `unsure`: it guesses, but the note argues against
    it; `pass`: it guesses nothing."""
    examples = (("infer", rule.examples.infer), ("unsure", rule.examples.unsure), ("pass", rule.examples.pass_))
    for verdict, texts in examples:
        for i, text in enumerate(texts):
            inferred = linter.lint_text(parse_draft("example.txt", text)).inferred.get(rule.key)
            by_rule = inferred is not None and inferred.rule == rule.code
            found = (f"{rule.key}: {inferred.value}{'' if inferred.confident else ' (unsure)'}",) if by_rule else ()
            if verdict == "pass":
                ok = not by_rule
            else:
                ok = by_rule and inferred.confident == (verdict == "infer")
            yield ExampleResult(rule.code, verdict, i, text, ok, found)


def example_draft(example):  # noqa: ANN001, ANN201 - a schema.Example -> a Draft
    """The draft an example stands for: its text, with its context and, when it gives them, its situation
    and interview notes."""
    if example.situated:
        from .situation import for_example

        return for_example(example.text, dict(example.context), example.notes)
    return parse_draft("example.txt", example.text, dict(example.context))


def _panel_report(linter: Linter, rule, example):  # noqa: ANN001, ANN202 - a PanelRule, an Example -> a FileReport
    """The example's report once the other notes of its panel (`others:`) have been read beside it."""
    from dataclasses import replace

    from .panel import check_panels

    drafts = [example_draft(e) for e in (example, *example.others)]
    drafts = [replace(d, path=f"example-{i}.txt") for i, d in enumerate(drafts)]
    rules = {r.code: r for r in linter.rules}
    return check_panels(list(linter.lint(drafts)), drafts, {**rules, rule.code: rule})[0]
