"""Every rule's own examples: `fire` texts must trigger it, `pass` texts must not."""
from __future__ import annotations

import pytest

from notelint.draft import parse_draft
from notelint.packs import load_rules

RULES = load_rules()


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_examples(linter, rule):
    """The same runner as `notelint test`: fire examples fire (on the words given), pass examples do not."""
    from notelint.selftest import run_examples

    failures = [f"{r.label}: {r.explain()} in {r.text!r}" for r in run_examples(linter, [rule]) if not r.ok]
    assert failures == []


def test_a_fire_example_can_name_the_words_it_must_report(linter):
    from notelint.schema import Example, Examples
    from notelint.selftest import run_examples

    rule = next(r for r in RULES if r.code == "NL601")
    wrong = rule.model_copy(update={"examples": Examples(
        fire=[Example(text="I dropped off a box of cookies for the team.", match="cookies")],
        pass_=[Example(text="Thanks.")])})
    [fire, _] = list(run_examples(linter, [wrong]))
    assert not fire.ok
    assert fire.explain() == "should report 'cookies', but reported 'I dropped off a box of cookies for the team'"


def test_explicit_context_wins_over_inference(linter):
    text = "Dear Sam,\n\nThank you for the offer; I am delighted to accept.\n\nBest,\nJo"
    report = linter.lint_text(parse_draft("example.txt", text, {"stage": "interview"}))
    assert report.inferred == {} and report.context == {"stage": "interview"}


def test_every_built_in_category_has_a_rule():
    from notelint.packs import load_pack

    pack = load_pack()
    assert {r.category for r in pack.rules if r.REPORTS} == set(pack.categories)


def test_rule_without_examples_is_refused(tmp_path):
    from notelint.packs import RulePackError

    (tmp_path / "x.yaml").write_text(
        "code: NL9001\nname: no-examples\ncategory: gifts\nseverity: info\nkind: existence\n"
        "message: m\nwhy: w\ninstead: i\nphrases: [x]\n"
    )
    with pytest.raises(RulePackError) as error:
        load_rules([tmp_path])
    assert error.value.problems == [f"{tmp_path / 'x.yaml'}: examples: missing (required)"]


def test_readme_rules_table_matches_the_rule_files():
    import sys

    from conftest import ROOT

    sys.path.insert(0, str(ROOT / "scripts"))
    from rules_table import table

    assert table() in (ROOT / "README.md").read_text(encoding="utf-8"), "run scripts/rules_table.py and paste"
