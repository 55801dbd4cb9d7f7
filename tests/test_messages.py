"""What the messages say: counts in the right number, advice with no stranger's name, thresholds
shown, and user mistakes (config, rule files, front matter, options) in our own words."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from notelint.cli import app
from notelint.draft import parse_draft
from notelint.engine import Linter
from notelint.packs import builtin_rules_dir, load_rules


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(app, list(args), env=env)


def messages(linter: Linter, text: str, code: str) -> list[str]:
    return [f.message for f in linter.lint_text(parse_draft("note.txt", text)).findings if f.rule == code]


# --- counts agree in number -------------------------------------------------------------------------

def test_one_detail_word_is_one_word_not_one_words(linter):
    text = "Dear Ms. Chen,\n\nThank you for the interview on Tuesday. I enjoyed our talk about forecasting. " \
           "I am very interested in the role.\n\nBest,\nJo"
    assert messages(linter, text, "NL201") == [
        "The note mentions nothing specific from the conversation (1 word beyond stock phrases)"]


def test_a_count_in_a_rule_message_takes_the_number_of_its_noun(tmp_path):
    (tmp_path / "rule.yaml").write_text("""\
code: NL9001
name: no-exclamations
category: casual_tone
severity: warning
kind: metric
metric: exclamations
max: 0
message: "{value:exclamation marks}; a note this formal needs {limit:exclamation marks}"
why: Because.
instead: Use full stops.
examples:
  fire: ["Thanks!"]
  pass: ["Thanks."]
""", encoding="utf-8")
    linter = Linter(load_rules([builtin_rules_dir(), tmp_path]))
    assert messages(linter, "Dear Sam,\n\nThanks for Tuesday!\n\nBest,\nJo", "NL9001") == [
        "1 exclamation mark; a note this formal needs 0 exclamation marks"]
    assert messages(linter, "Dear Sam,\n\nThanks for Tuesday! Great!\n\nBest,\nJo", "NL9001") == [
        "2 exclamation marks; a note this formal needs 0 exclamation marks"]


def test_the_plural_helper():
    from notelint.wording import fill, plural

    assert [plural(n, "word") for n in (0, 1, 2)] == ["0 words", "1 word", "2 words"]
    assert plural(1, "person", "people") == "1 person" and plural(3, "person", "people") == "3 people"
    assert fill("{value:words} over {limit}", value=1, limit=250) == "1 word over 250"
    assert fill("{count:person|people}", count=2) == "2 people"
    assert fill("{value:emoji or emoticons}", value=1) == "1 emoji or emoticon"
    assert fill("ease {value:.1f}", value=3.14159) == "ease 3.1"  # an ordinary format spec still works


def test_every_built_in_message_with_a_count_names_its_noun_through_the_helper(rules):
    for rule in rules:
        message = getattr(rule, "message", "")
        assert not re.search(r"\{(value|count|limit)\} (words|paragraphs|sentences|times|exclamation marks|emoji)\b",
                             message), f"{rule.code}: write {{value:words}} so that 1 is '1 word'"


def test_reports_count_in_the_singular(tmp_path):
    draft = tmp_path / "note.txt"
    draft.write_text("Dear Ms. Chen,\n\nThank you for the interview. I've sent you a gift card.\n\nBest,\nJo\n")
    markdown = run("report", str(tmp_path), "--format", "markdown").stdout
    assert markdown.startswith("# Class report: 1 draft, average score ")
    assert ": 1 of 1 draft\n" in markdown
    github = run("check", "--no-cache", "--format", "github", str(draft), env={"GITHUB_ACTIONS": "true"}).stdout
    summary = next(line for line in github.splitlines() if line.startswith("notelint: "))
    assert re.match(r"notelint: \d+ findings? \(1 error, \d+ warnings?, 0 info\) in 1 draft;", summary), summary


def test_a_noun_on_a_field_that_is_not_a_count_is_refused_when_the_rule_loads(tmp_path):
    from notelint.packs import RulePackError

    (tmp_path / "rule.yaml").write_text("""\
code: NL9001
name: test-rule
category: casual_tone
severity: warning
kind: existence
message: "'{match:words}' is odd"
why: Because.
instead: Do this.
phrases: [odd]
examples:
  fire: ["odd"]
  pass: ["even"]
""", encoding="utf-8")
    with pytest.raises(RulePackError) as error:
        load_rules([tmp_path])
    assert error.value.problems == [
        f"{tmp_path / 'rule.yaml'}: message: {{match:words}}: only a count takes a noun (none in this kind)"]


# --- thresholds, not '…' ----------------------------------------------------------------------------

def test_explain_shows_a_metric_rules_limits():
    out = run("explain", "NL101").stdout
    assert "What it does\n  The note runs to N words; keep it under 250\n" in out
    assert "Limits\n  Words in the note: at most 250 (at most 120 when medium is card, at most 150 when medium is " \
           "linkedin, at most 120 when medium is text)\n" in out
    detail = run("explain", "no-specific-detail").stdout
    assert "Limits\n  Words beyond stock phrases: at least 2 (a project or product name counts as 2)\n" in detail
    ease = run("explain", "NL105").stdout
    assert "(Flesch reading ease N, aim above 10)" in ease and "Limits\n  Flesch reading ease: at least 10\n" in ease
    for code in ("NL102", "NL103", "NL104", "NL1305", "NL1308"):
        what = run("explain", code).stdout.split("Why\n")[0]
        assert "…" not in what and " L" not in what and "Limits\n  " in what, what


def test_docs_rules_md_shows_the_limits():
    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert "`note-too-long`, warning, metric: The note runs to N words; keep it under 250" in page
    assert "**Limits.** Words in the note: at most 250 (at most 120 when medium is card, at most 150 when medium " \
           "is linkedin, at most 120 when medium is text)" in page
    assert "**Limits.** Uses of" not in page  # no built-in rule is of kind repeated


def test_explain_shows_a_repeated_rules_limit(tmp_path):
    (tmp_path / "NL9001-passionate.yaml").write_text("""\
code: NL9001
name: passionate-again
category: casual_tone
severity: info
kind: repeated
max: 1
message: "'{match}' appears {count:times}; {limit:times} is enough"
why: Because.
instead: Say it once.
phrases: [passionate]
examples:
  fire: ["I am passionate and passionate."]
  pass: ["I am passionate."]
""", encoding="utf-8")
    out = run("explain", "NL9001", "--pack", str(tmp_path)).stdout
    assert "What it does\n  '…' appears N times; 1 time is enough\n\nLimits\n  Uses of the same phrase: at most 1\n" in out


# --- advice with no stranger's name -----------------------------------------------------------------

NAMED = re.compile(r"\b(?:Ms|Mr|Mrs|Mx|Dr|Prof)\.? [A-Z][a-z]+|\b(?:Hi|Dear|Hello) [A-Z][a-z]+,|\"[A-Z][a-z]+ [A-Z][a-z]+\"")


def test_no_advice_names_someone_the_writer_has_never_met(rules):
    named = {rule.code: NAMED.findall(rule.instead) for rule in rules if rule.REPORTS and NAMED.search(rule.instead)}
    assert named == {}


def test_a_casual_greeting_is_not_answered_with_another_persons_name():
    out = run("check", "--no-cache", str(ROOT / "examples" / "needs-work.txt")).stdout
    advice = out.split("NL1301", 1)[1].split("instead: ", 1)[1].splitlines()[0]
    assert "Park" not in advice and "Jin" not in advice and "Okafor" not in advice
    assert advice.startswith('Open with "Dear"')


# --- 'lol' is left out, not replaced by '(leave it out)' ----------------------------------------------

def test_chat_words_are_advised_out_not_replaced_with_advice_in_quotes(linter):
    report = linter.lint_text(parse_draft("note.txt", "Dear Sam,\n\nThanks for the tour lol. OMG the lab!\n\nBest,\nJo"))
    found = [(f.match, f.message, f.suggestion) for f in report.findings if f.rule == "NL1302"]
    assert found == [("lol", "'lol' is chat talk; leave 'lol' out", None),
                     ("OMG", "'OMG' is chat talk; leave 'OMG' out", None)]
    assert not [f for f in report.findings if "(leave it out)" in f.message]


def test_a_pack_substitution_without_its_own_leave_out_message_still_reads(tmp_path):
    (tmp_path / "NL9001-x.yaml").write_text("""\
code: NL9001
name: no-filler
category: casual_tone
severity: info
kind: substitution
message: "write '{replacement}' rather than '{match}'"
why: Because.
instead: Cut it.
swap: {basically: (leave it out), utilize: use}
examples:
  fire: ["We basically agreed."]
  pass: ["We agreed."]
""", encoding="utf-8")
    linter = Linter(load_rules([builtin_rules_dir(), tmp_path]))
    text = "Dear Sam,\n\nWe basically agreed to utilize the lab.\n\nBest,\nJo"
    assert messages(linter, text, "NL9001") == ["leave 'basically' out", "write 'use' rather than 'utilize'"]


# --- a finding over several lines underlines the first and counts the words ------------------------

WRAPPED = """Dear Ms. Okafor,

Thank you for meeting with me on Tuesday about the analyst role. I wanted to thank you for taking the time
to speak with me about the analyst position and to tell you how much I enjoyed hearing about the new
forecasting tools your team is building and the way you plan to roll them out across every regional office
next spring and the summer after that as well.

I am still very interested in the role and the Halcyon project.

Best regards,
Ana Lee
"""


def test_a_long_sentence_over_several_lines_is_underlined_on_its_first_line_with_its_length(tmp_path):
    draft = tmp_path / "note.txt"
    draft.write_text(WRAPPED, encoding="utf-8")
    out = run("check", "--no-cache", str(draft), env={"COLUMNS": "200"}).stdout.splitlines()
    at = next(i for i, line in enumerate(out) if " NL104 " in line)
    assert out[at].endswith("NL104 This sentence runs to 57 words; keep sentences under 40")
    assert out[at + 1] == "    3 | " + WRAPPED.splitlines()[2]
    assert out[at + 2] == "      | " + " " * 65 + "^" * 41 + " (57 words)"
    assert out[at + 3].startswith("      instead: ")
    import json

    finding = json.loads(run("check", "--no-cache", "-f", "json", str(draft)).stdout)["files"][0]["findings"][0]
    assert (finding["line"], finding["column"], finding["end_line"]) == (3, 66, 6)  # the whole sentence
    assert finding["match"].startswith("I wanted") and finding["match"].endswith("as well.")


# --- config and rule-file mistakes: the file, our words, a did-you-mean ------------------------------

PYDANTIC = ("Input should", "String should", "Field required", "Extra inputs", "List should", "Value error",
            "validation error", "pydantic")


@pytest.mark.parametrize("text, problem", [
    ("selct = []\n", "selct: unknown key; did you mean 'select'?"),
    ("fail-onn = 'error'\n", "fail-onn: unknown key; did you mean 'fail-on'?"),
    ('fail-under = "high"\n', "fail-under: expected a whole number, not text ('high')"),
    ("fail-under = 200\n", "fail-under: must be at most 100, not 200"),
    ('fail-on = "warn"\n', "fail-on: 'warn' is not one of error, warning, info, never; did you mean 'warning'?"),
    ('severity = {NL601 = "loud"}\n', "severity.NL601: 'loud' is not one of error, warning, info"),
    ('severity = {NL601 = "eror"}\n', "severity.NL601: 'eror' is not one of error, warning, info; did you mean 'error'?"),
    ('select = "NL6"\n', "select: expected a list, not text ('NL6')"),
    ("words = [1]\n", "words.0: expected text, not a number (1)"),
    ('[context]\nstge = "interview"\n', "context.stge: unknown key; did you mean 'stage'?"),
    ('ignore = ["gift"]\n', "ignore: unknown rule, code prefix or category 'gift'; did you mean 'gifts'? "
                            "(see `notelint rules`)"),
    ('severity = {gifs = "error"}\n', "severity: unknown rule, code prefix or category 'gifs'; did you mean 'gifts'? "
                                      "(see `notelint rules`)"),
    ('[per-file-ignores]\n"drafts/*" = ["casual-tone"]\n',
     "per-file-ignores: unknown rule, code prefix or category 'casual-tone'; did you mean 'casual_tone'? "
     "(see `notelint rules`)"),
])
def test_a_config_mistake_names_the_file_in_our_words_with_a_suggestion(tmp_path, text, problem):
    (tmp_path / "note.txt").write_text("Dear Ms. Chen,\n\nThank you for Tuesday.\n\nBest,\nJo\n")
    config = tmp_path / ".notelint.toml"
    config.write_text(text)
    result = run("check", "--no-cache", str(tmp_path / "note.txt"))
    assert (result.exit_code, result.stderr) == (2, f"notelint: error: {config}: {problem}\n")
    assert not any(words in result.stderr for words in PYDANTIC)


def test_a_misspelt_selector_on_the_command_line_gets_a_suggestion(tmp_path):
    (tmp_path / "note.txt").write_text("Dear Ms. Chen,\n\nThank you for Tuesday.\n\nBest,\nJo\n")
    result = run("check", "--no-cache", "--ignore", "texting-shortand", str(tmp_path / "note.txt"))
    assert result.stderr == ("notelint: error: unknown rule, code prefix or category 'texting-shortand'; "
                             "did you mean 'texting-shorthand'? (see `notelint rules`)\n")
    assert run("explain", "gift-to-interviewr").stderr == (
        "notelint: error: no rule 'gift-to-interviewr'; did you mean 'gift-to-interviewer'? (see `notelint rules`)\n")


RULE_FILE = """\
code: NL9001
name: no-salary-talk
category: salary_talk
severity: warning
kind: existence
message: "'{match}': leave pay out of a thank-you note"
why: Pay comes later.
instead: Leave it for the offer.
phrases: [salary]
examples:
  fire: ["What is the salary?"]
  pass: ["What is the team like?"]
"""


@pytest.mark.parametrize("change, problem", [
    (("name: no-salary-talk", "name: No_Salary"),
     "name: 'No_Salary' must be lower-case words joined by hyphens, like no-salary-talk"),
    (("code: NL9001", "code: NL91"), "code: 'NL91' must be NL and 3 or 4 digits, like NL5001"),
    (("code: NL9001", "code: 9001"), "code: expected text, not a number (9001)"),
    (("severity: warning", "severity: warn"), "severity: 'warn' is not one of info, warning, error; did you mean 'warning'?"),
    (("kind: existence", "kind: existance"),
     "kind must be one of classifier, context, existence, form, metric, panel, personal, recall, repeated, required, spelling, substitution, timing; "
     "did you mean 'existence'?"),
    (("why: Pay comes later.\n", ""), "why: missing (required)"),
    (("phrases:", "phrasess:"), "phrasess: unknown key; did you mean 'phrases'?"),
    (("phrases: [salary]", "phrases: salary"), "phrases: expected a list, not text ('salary')"),
    (("phrases: [salary]", "phrases: [salary]\nguards: {negaton: false}"), "guards.negaton: unknown key; did you mean 'negation'?"),
    (("phrases: [salary]", "patterns: [[{LOWR: salary}]]"), "patterns.0.0.LOWR: unknown key; did you mean 'LOWER'?"),
    (("phrases: [salary]", "patterns: [[{LOWER: 5}]]"),
     "patterns.0.0.LOWER: expected text or a mapping, not a number (5)"),
    (("message: \"'{match}': leave pay out of a thank-you note\"", 'message: ""'), "message: must not be empty"),
    (("  fire: [\"What is the salary?\"]", "  fire: []"), "examples.fire: needs at least 1 entry"),
    (("  pass: [\"What is the team like?\"]", "  passs: [\"What is the team like?\"]"),
     "examples.pass: missing (required)\nnotelint: error: {rule}: examples.passs: unknown key; did you mean 'pass'?"),
    (("category: salary_talk", "category: casual_tones"), "category: 'casual_tones' is not declared; declare it under "
     "`categories:` in the pack's pack.yaml or use one of length, specificity, gratitude, interest, greeting_signoff, "
     "gifts, social_media, pushy_follow_up, deference, arrogance, desperation, placeholder, casual_tone, spelling, money, "
     "negativity, personalization, timing; "
     "did you mean 'casual_tone'?"),
    (("phrases: [salary]", "phrases: [salary]\nsupersedes: [NL13O2]"), "supersedes: no rule NL13O2; did you mean NL1302?"),
])
def test_a_rule_file_mistake_names_the_file_in_our_words_with_a_suggestion(tmp_path, change, problem):
    (tmp_path / "pack.yaml").write_text("categories:\n  salary_talk: {title: Money talk, description: Pay and benefits.}\n")
    rule = tmp_path / "NL9001-no-salary-talk.yaml"
    if change[0].startswith("category"):
        (tmp_path / "pack.yaml").unlink()
    rule.write_text(RULE_FILE.replace(*change), encoding="utf-8")
    result = run("rules", "--pack", str(tmp_path))
    problem = problem.replace("{rule}", str(rule))
    assert (result.exit_code, result.stderr) == (2, f"notelint: error: {rule}: {problem}\n")
    assert not any(words in result.stderr for words in PYDANTIC)


def test_a_pack_file_mistake_is_in_our_words(tmp_path):
    (tmp_path / "pack.yaml").write_text("categories:\n  salary_talk: {title: Money talk, descripton: Pay.}\n")
    (tmp_path / "NL9001-no-salary-talk.yaml").write_text(RULE_FILE.replace("category: salary_talk", "category: gifts"))
    result = run("rules", "--pack", str(tmp_path))
    pack = tmp_path / "pack.yaml"
    assert result.stderr.splitlines() == [
        f"notelint: error: {pack}: categories.salary_talk.description: missing (required)",
        f"notelint: error: {pack}: categories.salary_talk.descripton: unknown key; did you mean 'description'?",
    ]


def test_new_rule_suggests_the_category_meant(tmp_path):
    result = run("new-rule", "no-salary-talk", "--category", "casual-tone", "--dir", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.startswith("notelint: error: --category 'casual-tone' is not declared; use one of length,")
    assert result.stderr.endswith("with a title and a description; did you mean 'casual_tone'?\n")


# --- front matter: the line in the file ------------------------------------------------------------

@pytest.mark.parametrize("front, line", [
    ("stage: interview\nwords: [Okafor, Brightwater\n", 3),  # the list never closes: where it opens
    ('stage: interview\nmedium: "email\n', 3),  # the quotation never closes
    ("audience: interviewer\nstage: x: y\n", 3),
    ("\n\n# a comment\nstage: x: y\n", 5),
    ("audience: interviewer\naudience: panel\n", 3),
])
def test_a_bad_front_matter_names_its_line_in_the_file(tmp_path, front, line):
    draft = tmp_path / "note.txt"
    draft.write_text(f"---\n{front}---\nDear Ms. Okafor,\n\nThank you for Tuesday.\n\nBest,\nJo\n", encoding="utf-8")
    result = run("check", "--no-cache", str(draft))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"notelint: error: {draft}: front matter is not valid YAML (line {line}): ")
    if "[Okafor" in front:
        assert result.stderr.endswith("(line 3): a [ list opened here never closes\n")
    if '"email' in front:
        assert result.stderr.endswith("(line 3): a quotation opened here never closes\n")


# --- help pages -------------------------------------------------------------------------------------

@pytest.mark.parametrize("columns", [60, 80, 200])
def test_check_help_names_its_paths_as_typed_and_fits_the_terminal(columns):
    import os
    import subprocess
    import sys

    notelint = Path(sys.executable).parent / "notelint"  # the console script: the test runner fixes the width at 80
    page = subprocess.run([str(notelint), "check", "--help"], capture_output=True, text=True,
                          env={**os.environ, "COLUMNS": str(columns)}).stdout
    assert page.startswith("Usage: notelint check [OPTIONS] PATH...\n")
    assert "\nArguments:\n  PATH...  Draft files or folders;" in page
    assert "<list[" not in page and "{PATH}" not in page
    too_long = [line for line in page.splitlines() if len(line) > columns]
    assert too_long == []


@pytest.mark.parametrize("command", ["check", "rules", "explain", "test", "fix", "report", "new-rule", "eval"])
def test_no_help_page_shows_python_types(command):
    page = run(command, "--help", env={"COLUMNS": "80"}).stdout
    assert not re.search(r"<(str|int|float|path|list\[[^>]*\])>|\{\w+\}", page), page


def test_rules_help_says_where_the_markdown_goes(tmp_path):
    page = run("rules", "--help", env={"COLUMNS": "80"}).stdout
    assert "standard output" in page and "--output" in page
    out = tmp_path / "docs" / "rules.md"
    assert run("rules", "--format", "markdown", "--output", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8") == (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")


def test_new_rule_lists_every_kind_in_its_help_and_its_error(tmp_path):
    kinds = sorted(p.stem for p in (ROOT / "src" / "notelint" / "kinds").glob("[a-z]*.py"))
    help_page = " ".join(run("new-rule", "--help", env={"COLUMNS": "80"}).stdout.split())
    listed = re.search(r"--kind KIND (.*?)\.", help_page).group(1)
    assert listed == "The rule's kind: " + ", ".join(kinds[:-1]) + " or " + kinds[-1]
    error = run("new-rule", "x-rule", "--kind", "count", "--category", "gifts", "--dir", str(tmp_path)).stderr
    assert error == f"notelint: error: --kind must be one of {', '.join(kinds)}, not 'count'\n"


def test_a_kind_without_a_scaffold_of_its_own_still_gets_a_rule_file_to_fill_in():
    from notelint.scaffold import scaffold

    text = scaffold("sentiment", "NL9001", "too-gloomy", "casual_tone", "info")
    assert "kind: sentiment\n" in text and "message: \"TODO" in text and "examples:\n" in text
