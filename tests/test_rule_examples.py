"""Every rule's own examples: `fire` texts must trigger it, `pass` texts must not."""
from __future__ import annotations

import pytest

from notelint.draft import parse_draft
from notelint.packs import load_rules

CASES = [
    pytest.param(rule.code, verdict, example.text, dict(example.context), id=f"{rule.code}-{verdict}-{i}")
    for rule in load_rules()
    for verdict, examples in (("fire", rule.examples.fire), ("pass", rule.examples.pass_))
    for i, example in enumerate(examples)
]


@pytest.mark.parametrize(("code", "verdict", "text", "context"), CASES)
def test_rule_example(linter, code, verdict, text, context):
    report = linter.lint_text(parse_draft("example.txt", text, context))
    fired = [f for f in report.findings if f.rule == code]
    if verdict == "fire":
        assert fired, f"{code} should flag: {text!r}"
    else:
        assert not fired, f"{code} should not flag {[f.match for f in fired]} in: {text!r}"


def test_every_category_has_a_rule(rules):
    from notelint.model import CATEGORIES

    assert {r.category for r in rules} == set(CATEGORIES)


def test_rule_without_examples_is_refused(tmp_path):
    from notelint.packs import RulePackError

    (tmp_path / "x.yaml").write_text(
        "code: NL9001\nname: no-examples\ncategory: gifts\nseverity: info\nkind: existence\n"
        "message: m\nwhy: w\ninstead: i\nphrases: [x]\n"
    )
    with pytest.raises(RulePackError) as error:
        load_rules([tmp_path])
    assert error.value.problems == [f"{tmp_path / 'x.yaml'}: examples: Field required"]
