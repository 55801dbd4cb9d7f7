"""Rule files are validated when loaded; every problem names the file and the key path, all at once."""
from __future__ import annotations

import textwrap

import pytest

from notelint.packs import RulePackError, load_rules

GOOD = """\
code: NL9001
name: test-rule
category: gifts
severity: warning
kind: existence
message: "Found '{match}'"
why: Because.
instead: Do this.
phrases: [fruit basket]
examples:
  fire: ["a fruit basket"]
  pass: ["a basket"]
"""


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text))
    return path


def problems(tmp_path):
    with pytest.raises(RulePackError) as error:
        load_rules([tmp_path])
    return error.value.problems


def test_good_rule_loads(tmp_path):
    write(tmp_path, "good.yaml", GOOD)
    [rule] = load_rules([tmp_path])
    assert (rule.code, rule.name, rule.kind) == ("NL9001", "test-rule", "existence")


def test_unknown_key_is_reported_with_path(tmp_path):
    path = write(tmp_path, "typo.yaml", GOOD.replace("phrases:", "phrasess:"))
    assert problems(tmp_path) == [f"{path}: phrasess: unknown key; did you mean 'phrases'?"]


def test_trained_pipeline_attribute_is_refused_at_load(tmp_path):
    path = write(tmp_path, "pos.yaml", GOOD.replace("phrases: [fruit basket]", "patterns: [[{LOWER: fruit}, {POS: NOUN}]]"))
    assert problems(tmp_path) == [
        f"{path}: patterns.0.1.POS: POS needs a trained pipeline; notelint's blank pipeline never sets it"
    ]


def test_all_problems_in_all_files_at_once(tmp_path):
    a = write(tmp_path, "a.yaml", GOOD.replace("severity: warning", "severity: loud"))
    b = write(tmp_path, "b.yaml", "code: NL9002\nkind: metric\n")
    c = write(tmp_path, "c.yaml", GOOD.replace("NL9001", "NL9003").replace("name: ", "name: other-").replace(
        "category: gifts", "category: presents"))
    found = problems(tmp_path)
    assert (
        f"{c}: category: 'presents' is not declared; declare it under `categories:` in the pack's pack.yaml or use "
        "one of length, specificity, gratitude, interest, greeting_signoff, gifts, social_media, pushy_follow_up, "
        "deference, arrogance, desperation, placeholder, casual_tone, spelling, money, negativity, personalization, timing"
    ) in found
    assert f"{a}: severity: 'loud' is not one of info, warning, error" in found
    assert f"{b}: name: missing (required)" in found
    assert f"{b}: metric: missing (required)" in found
    assert all(p.startswith((str(a), str(b), str(c))) for p in found)


def test_missing_kind(tmp_path):
    path = write(tmp_path, "k.yaml", GOOD.replace("kind: existence\n", ""))
    assert problems(tmp_path) == [f"{path}: kind: missing (one of classifier, context, existence, form, metric, panel, personal, recall, repeated, required, spelling, substitution, timing)"]


def test_bad_operator(tmp_path):
    path = write(tmp_path, "op.yaml", GOOD.replace("phrases: [fruit basket]", "patterns: [[{LOWER: fruit, OP: '{x}'}]]"))
    assert problems(tmp_path) == [
        f"{path}: patterns.0.0.OP: unknown operator '{{x}}'; use !, ?, +, * or {{n}}, {{n,m}}, {{,m}}, {{n,}}"
    ]


def test_unknown_message_field(tmp_path):
    path = write(tmp_path, "msg.yaml", GOOD.replace("'{match}'", "'{word}'"))
    assert problems(tmp_path) == [f"{path}: message uses unknown field(s) ['word']; this kind offers ['match']"]


def test_invalid_yaml_names_the_line(tmp_path):
    path = write(tmp_path, "broken.yaml", "code: NL9001\nname: [unclosed\n")
    [problem] = problems(tmp_path)
    assert problem.startswith(f"{path}: line ") and "not valid YAML" in problem


def test_duplicate_code(tmp_path):
    write(tmp_path, "a.yaml", GOOD)
    b = write(tmp_path, "b.yaml", GOOD.replace("name: test-rule", "name: other-rule"))
    assert problems(tmp_path) == [f"{b}: NL9001 is already defined in {tmp_path / 'a.yaml'}"]


def test_yes_and_on_stay_words(tmp_path):
    write(tmp_path, "w.yaml", GOOD.replace("phrases: [fruit basket]", "patterns: [[{LOWER: {IN: [on, yes, no]}}]]"))
    [rule] = load_rules([tmp_path])
    assert rule.patterns[0][0].LOWER.IN == ["on", "yes", "no"]


def test_bad_regex_is_reported_when_loaded(tmp_path):
    path = write(tmp_path, "r.yaml", GOOD.replace("phrases: [fruit basket]", "regex: ['(unclosed']"))
    assert problems(tmp_path) == [
        f"{path}: regex: 0: '(unclosed' is not a valid RE2 expression: missing ): (unclosed"
    ]


def test_bad_regex_is_a_load_time_error_for_every_command_without_re2_log_lines(tmp_path):
    from typer.testing import CliRunner

    from notelint.cli import app

    write(tmp_path, "r.yaml", GOOD.replace("phrases: [fruit basket]", "regex: ['(?<=fruit) basket', 'ok+']"))
    expected = (f"notelint: error: {tmp_path / 'r.yaml'}: regex: 0: '(?<=fruit) basket' is not a valid RE2 "
                "expression: invalid perl operator: (?<=\n")
    for command in (["rules", "--pack", str(tmp_path)], ["explain", "NL601", "--pack", str(tmp_path)],
                    ["check", "-", "--pack", str(tmp_path)], ["test", str(tmp_path)]):
        result = CliRunner().invoke(app, command, input="Dear Sam,\n\nThanks.\n")
        assert result.exit_code == 2, command
        assert result.stderr == expected, command
    # RE2 logs from C++, straight to the process's stderr: only a real process shows it
    import subprocess
    import sys

    process = subprocess.run([sys.executable, "-m", "notelint", "rules", "--pack", str(tmp_path)],
                             capture_output=True, text=True)
    assert (process.returncode, process.stderr) == (2, expected)


def test_a_phrase_listed_twice_is_refused(tmp_path):
    path = write(tmp_path, "d.yaml", GOOD.replace("phrases: [fruit basket]", "phrases: [fruit basket, Fruit Basket]"))
    assert problems(tmp_path) == [f"{path}: phrases: listed more than once: 'Fruit Basket'"]


def test_a_key_written_twice_is_refused(tmp_path):
    path = write(tmp_path, "k.yaml", GOOD.replace("phrases: [fruit basket]", "phrases: [fruit basket]\nwhy: Again."))
    assert problems(tmp_path) == [f"{path}: line 10: not valid YAML: 'why' is written twice in the same mapping"]


@pytest.mark.parametrize("body, problem", [
    ("phrases: [" + ", ".join(f"w{i}" for i in range(2001)) + "]", "phrases: may have at most 2000 entries, not 2001"),
    ("patterns: [[" + ", ".join(["{LOWER: a}"] * 17) + "]]", "patterns: a token pattern may have at most 16 tokens"),
    ("regex: ['" + "a" * 1001 + "']", "regex: an expression may be at most 1000 characters long"),
])
def test_a_runaway_rule_is_refused_before_it_is_compiled(tmp_path, body, problem):
    path = write(tmp_path, "big.yaml", GOOD.replace("phrases: [fruit basket]", body))
    found = problems(tmp_path)
    assert len(found) == 1 and found[0].startswith(f"{path}: ") and found[0].endswith(problem)


def test_a_huge_rule_file_is_refused_unread(tmp_path):
    path = write(tmp_path, "huge.yaml", GOOD + "#" * 1_000_001 + "\n")
    assert problems(tmp_path) == [f"{path}: {path.stat().st_size:,} bytes; a rule file may be at most 1,000,000"]
