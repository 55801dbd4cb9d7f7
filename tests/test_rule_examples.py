"""Every rule's own examples: `fire` texts must trigger it, `pass` texts must not."""
from __future__ import annotations

import pytest

from notelint.draft import parse_draft
from notelint.packs import load_rules

RULES = load_rules()
CASES = [
    pytest.param(rule.code, verdict, example.text, dict(example.context), id=f"{rule.code}-{verdict}-{i}")
    for rule in RULES if rule.kind != "context"
    for verdict, examples in (("fire", rule.examples.fire), ("pass", rule.examples.pass_))
    for i, example in enumerate(examples)
]
CONTEXT_CASES = [
    pytest.param(rule, verdict, text, id=f"{rule.code}-{verdict}-{i}")
    for rule in RULES if rule.kind == "context"
    for verdict, texts in (("infer", rule.examples.infer), ("pass", rule.examples.pass_))
    for i, text in enumerate(texts)
]


@pytest.mark.parametrize(("code", "verdict", "text", "context"), CASES)
def test_rule_example(linter, code, verdict, text, context):
    report = linter.lint_text(parse_draft("example.txt", text, context))
    fired = [f for f in report.findings if f.rule == code]
    if verdict == "fire":
        assert fired, f"{code} should flag: {text!r}"
    else:
        assert not fired, f"{code} should not flag {[f.match for f in fired]} in: {text!r}"


@pytest.mark.parametrize(("rule", "verdict", "text"), CONTEXT_CASES)
def test_context_rule_example(linter, rule, verdict, text):
    report = linter.lint_text(parse_draft("example.txt", text))
    inferred = report.inferred.get(rule.key)
    if verdict == "infer":
        assert inferred is not None and (inferred.value, inferred.rule) == (rule.value, rule.code), text
    else:
        assert inferred is None or inferred.rule != rule.code, f"{rule.code} should not infer from: {text!r}"


def test_explicit_context_wins_over_inference(linter):
    text = "Dear Sam,\n\nThank you for the offer; I am delighted to accept.\n\nBest,\nJo"
    report = linter.lint_text(parse_draft("example.txt", text, {"stage": "interview"}))
    assert report.inferred == {} and report.context == {"stage": "interview"}


def test_every_category_has_a_rule(rules):
    from notelint.model import CATEGORIES

    assert {r.category for r in rules if r.kind != "context"} == set(CATEGORIES)


def test_rule_without_examples_is_refused(tmp_path):
    from notelint.packs import RulePackError

    (tmp_path / "x.yaml").write_text(
        "code: NL9001\nname: no-examples\ncategory: gifts\nseverity: info\nkind: existence\n"
        "message: m\nwhy: w\ninstead: i\nphrases: [x]\n"
    )
    with pytest.raises(RulePackError) as error:
        load_rules([tmp_path])
    assert error.value.problems == [f"{tmp_path / 'x.yaml'}: examples: Field required"]


def test_readme_rules_table_matches_the_rule_files():
    import sys

    from conftest import ROOT

    sys.path.insert(0, str(ROOT / "scripts"))
    from rules_table import table

    assert table() in (ROOT / "README.md").read_text(encoding="utf-8"), "run scripts/rules_table.py and paste"
