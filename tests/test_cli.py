"""Drive the real command line: exit codes, what a user reads, JSON keys."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from notelint.cli import app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
runner = CliRunner()

BAD_NOTE = """\
---
audience: hiring-manager
stage: interview
medium: email
---
Dear Ms. Chen,

Thank you for meeting with me on Tuesday. I enjoyed hearing how your team is moving billing to event streams.

I am excited about the role. I've enclosed a small Starbucks gift card as a thank-you, and I sent you a LinkedIn invitation. I'll call you tomorrow to follow up.

Best regards,
Jordan Lee
"""


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input, env={"NO_COLOR": "1"})


def test_clean_specific_note_passes_with_high_score():
    result = run("check", str(EXAMPLES / "good-note.txt"), "--format", "json")
    assert result.exit_code == 0, result.output
    [report] = json.loads(result.stdout)["files"]
    assert report["score"] >= 80
    assert report["findings"] == []


def test_gift_linkedin_and_call_exit_1_and_name_all_three(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(BAD_NOTE)
    result = run("check", str(draft))
    assert result.exit_code == 1
    for category_rule in ("NL601", "NL701", "NL801"):
        assert category_rule in result.stdout
    data = json.loads(run("check", str(draft), "-f", "json").stdout)
    categories = {f["category"] for f in data["files"][0]["findings"]}
    assert {"gifts", "social_media", "pushy_follow_up"} <= categories


def test_negations_are_not_flagged(tmp_path):
    draft = tmp_path / "n.txt"
    draft.write_text(BAD_NOTE.replace(
        "I've enclosed a small Starbucks gift card as a thank-you, and I sent you a LinkedIn invitation. I'll call you tomorrow to follow up.",
        "I know you can't accept gifts, so this note will have to do. I won't call; I know the team needs time.",
    ))
    result = run("check", str(draft), "-f", "json")
    assert result.exit_code == 0, result.stdout
    assert json.loads(result.stdout)["files"][0]["findings"] == []


def test_text_output_shows_location_words_and_hint(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(BAD_NOTE)
    out = run("check", str(draft)).stdout
    assert "\x1b[" not in out  # NO_COLOR and not a terminal: plain text
    assert f"{draft}:10:30  error   NL601 Offers a gift ('I've enclosed a small Starbucks gift card')" in out
    assert "   10 | I am excited about the role. I've enclosed" in out
    assert "      |                              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^" in out
    assert "instead: Let the note itself carry the thanks." in out
    assert "score 25/100 (rewrite)" in out
    assert out.rstrip().endswith("3 findings (3 errors, 0 warnings, 0 info) in 1 file; average score 25/100")


def test_json_document_keys_and_positions(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(BAD_NOTE)
    data = json.loads(run("check", str(draft), "--format", "json").stdout)
    [report] = data["files"]
    assert set(report) == {"path", "score", "band", "deductions", "context", "situation", "context_sources",
                           "inferred_context", "findings", "waived"}
    gift = next(f for f in report["findings"] if f["rule"] == "NL601")
    assert set(gift) == {"rule", "name", "category", "severity", "message", "line", "column", "end_line",
                         "end_column", "match", "instead", "suggestion", "context_hint", "allowed_because"}
    assert (gift["line"], gift["column"], gift["end_line"], gift["end_column"]) == (10, 30, 10, 71)
    assert gift["match"] == "I've enclosed a small Starbucks gift card"
    assert BAD_NOTE.splitlines()[9][29:70] == gift["match"]
    assert report["context"] == {"audience": "hiring-manager", "stage": "interview", "medium": "email"}
    assert {d["rule"] for d in report["deductions"]} == {"NL601", "NL701", "NL801"}


def test_json_validates_against_documented_schema(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "docs" / "report.schema.json").read_text())
    draft = tmp_path / "draft.txt"
    draft.write_text(BAD_NOTE)
    data = json.loads(run("check", str(draft), str(EXAMPLES / "good-note.txt"), "-f", "json").stdout)
    jsonschema.validate(data, schema)


def test_missing_file_is_one_line_exit_2():
    result = run("check", "no-such-draft.txt")
    assert result.exit_code == 2
    assert result.stderr == "notelint: error: no-such-draft.txt: no such file\n"


def test_other_files_still_checked_when_one_is_missing():
    result = run("check", "no-such-draft.txt", str(EXAMPLES / "good-note.txt"), "-f", "json")
    assert result.exit_code == 2
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == [str(EXAMPLES / "good-note.txt")]
    assert json.loads(result.stdout)["errors"] == [{"path": "no-such-draft.txt", "message": "no such file"}]


def test_stdin(tmp_path):
    result = run("check", "-", "-f", "json", input="Hey Sam, thx for the chat!!\n")
    assert result.exit_code == 1
    [report] = json.loads(result.stdout)["files"]
    assert report["path"] == "<stdin>"
    assert {"NL1301", "NL1302", "NL1304"} <= {f["rule"] for f in report["findings"]}


def test_folder_is_walked(tmp_path):
    (tmp_path / "a.txt").write_text((EXAMPLES / "good-note.txt").read_text())
    (tmp_path / "b.md").write_text(BAD_NOTE)
    (tmp_path / "ignore.png").write_bytes(b"\x89PNG")
    result = run("check", str(tmp_path), "-f", "json")
    assert [Path(f["path"]).name for f in json.loads(result.stdout)["files"]] == ["a.txt", "b.md"]
    assert result.exit_code == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x00\x01binary", "looks like a binary file, not a text draft"),
        (b"   \n\n", "the draft is empty"),
        (b"---\naudience: [unclosed\n---\nHi", "front matter is not valid YAML"),
        (b"---\nstage: hired\n---\nHi Sam", "front matter: stage: 'hired' is not one of phone-screen, interview, after-offer, rejection"),
    ],
)
def test_bad_drafts_exit_2_with_one_line(tmp_path, content, message):
    draft = tmp_path / "d.txt"
    draft.write_bytes(content)
    result = run("check", str(draft))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"notelint: error: {draft}: {message}")
    assert result.stderr.count("\n") == 1


def test_latin1_draft_is_decoded(tmp_path):
    draft = tmp_path / "latin.txt"
    draft.write_bytes("Dear Ms. Müller,\n\nThank you for the café tour and the Zürich roadmap. I am excited about the role.\n\nBest,\nJo".encode("latin-1"))
    result = run("check", str(draft), "-f", "json")
    assert result.exit_code in (0, 1)
    assert json.loads(result.stdout)["files"][0]["path"] == str(draft)


def test_context_option_overrides_front_matter(tmp_path):
    draft = tmp_path / "ref.txt"
    draft.write_text("---\naudience: hiring-manager\n---\nHi Ana,\n\nThank you for referring me! I've sent you a gift card to say thanks.\n\nBest,\nJo\n")
    assert "NL601" in run("check", str(draft)).stdout
    assert "NL601" not in run("check", str(draft), "--context", "audience=referrer").stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--context", "mood=happy"], "--context 'mood=happy': expected key=value with key one of audience, stage, medium, "
                                      "words, to, company, role, interview_date, send_date, interview"),
        (["--select", "NL9999"], "unknown rule, code prefix or category 'NL9999' (see `notelint rules`)"),
    ],
)
def test_bad_options_exit_2(args, message):
    result = run("check", str(EXAMPLES / "good-note.txt"), *args)
    assert result.exit_code == 2
    assert result.stderr == f"notelint: error: {message}\n"


@pytest.mark.parametrize(("args", "choices"), [
    (["--format", "xml"], "'text', 'json', 'sarif', 'github', 'gitlab', 'junit'"),
    (["--fail-on", "sometimes"], "'error', 'warning', 'info', 'never'"),
])
def test_a_bad_choice_names_the_choices_and_exits_2(args, choices):
    result = run("check", str(EXAMPLES / "good-note.txt"), *args)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1].endswith(f"{args[1]!r} is not one of {choices}.")


@pytest.mark.parametrize(("args", "line"), [
    (["check", "--format", "xml", "x.txt"], "notelint: error: Invalid value for '--format' / '-f': 'xml' is not one of "
     "'text', 'json', 'sarif', 'github', 'gitlab', 'junit'. (see `notelint check --help`)"),
    (["check"], "notelint: error: Missing argument 'PATH'. (see `notelint check --help`)"),
    (["chek", "x.txt"], "notelint: error: No such command 'chek'. Did you mean 'check'? (see `notelint --help`)"),
])
def test_the_installed_command_reports_a_usage_mistake_in_one_line(args, line):
    import subprocess
    import sys

    from pathlib import Path

    notelint = Path(sys.executable).parent / "notelint"  # the console script, as a user runs it
    process = subprocess.run([str(notelint), *args], capture_output=True, text=True)
    assert (process.returncode, process.stderr, process.stdout) == (2, line + "\n", "")


def test_check_help_uses_words_lists_choices_and_groups_options():
    page = run("check", "--help").stdout
    for shown in ("--format <text|json|sarif|github|gitlab|junit>", "--fail-on <error|warning|info|never>",
                  "--context KEY=VALUE", "--select RULE", "--pack, --rules DIR", "--output FILE", "--max-size SIZE"):
        assert shown in page, shown
    assert "<list[str]>" not in page.split("Options:")[1]  # no Python types among the options
    assert "Options by group:\n    output     --format, --output, --show-waived\n" in page


def test_format_choices_come_from_the_code_that_renders_them():
    from notelint.cli import ClassFormat, OutputFormat
    from notelint.reporters import FORMATS
    from notelint.reporters.class_report import RENDERERS

    assert [f.value for f in OutputFormat] == list(FORMATS)
    assert sorted(f.value for f in ClassFormat) == sorted(RENDERERS)


def test_fail_on_and_select(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text(BAD_NOTE)
    assert run("check", str(draft), "--fail-on", "never").exit_code == 0
    assert run("check", str(draft), "--fail-on", "error").exit_code == 1
    only_social = json.loads(run("check", str(draft), "--select", "social_media", "-f", "json").stdout)
    assert {f["rule"] for f in only_social["files"][0]["findings"]} == {"NL701"}
    # a code ignores that rule alone: the social-media request is both NL701 (its words) and NL702 (its meaning)
    assert run("check", str(draft), "--ignore", "gifts", "--ignore", "NL701", "--ignore", "NL702",
               "--ignore", "pushy_follow_up").exit_code == 0


def test_rules_and_explain():
    listing = run("rules").stdout
    assert "NL601   gift-to-interviewer" in listing
    explained = run("explain", "NL601")
    assert explained.exit_code == 0
    assert explained.stdout.startswith("NL601 gift-to-interviewer (gifts, error)\n\nWhat it does\n  Offers a gift ('…')")
    assert "Why\n  Many employers forbid staff" in explained.stdout
    assert run("explain", "gift-to-interviewer").stdout == explained.stdout
    missing = run("explain", "NL000")
    assert (missing.exit_code, missing.stderr) == (2, "notelint: error: no rule 'NL000' (see `notelint rules`)\n")


def test_invalid_extra_rule_pack_exit_2(tmp_path):
    (tmp_path / "bad.yaml").write_text("code: X1\nkind: existence\n")
    result = run("check", str(EXAMPLES / "good-note.txt"), "--rules", str(tmp_path))
    assert result.exit_code == 2
    assert f"notelint: error: {tmp_path / 'bad.yaml'}: code: 'X1' must be NL and 3 or 4 digits, like NL5001\n" in result.stderr
    assert "Traceback" not in result.output


def test_help_documents_exit_codes():
    result = run("check", "--help")
    assert "Exit codes: 0 no findings" in result.stdout


def test_python_dash_m_runs():
    process = subprocess.run(
        [sys.executable, "-m", "notelint", "check", str(EXAMPLES / "good-note.txt")],
        capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"},
    )
    assert process.returncode == 0, process.stderr
    assert "score" in process.stdout and process.stderr == ""


def test_empty_folder_is_an_error(tmp_path):
    result = run("check", str(tmp_path), str(EXAMPLES / "good-note.txt"))
    assert result.exit_code == 2
    assert result.stderr == f"notelint: error: {tmp_path}: no drafts (.txt, .md, .eml) in this folder\n"


def test_closed_pipe_is_quiet(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text(BAD_NOTE * 3)
    # 200 copies print far more than a pipe buffers, so the write after `head` leaves must fail
    process = subprocess.Popen([sys.executable, "-m", "notelint", "check", *[str(draft)] * 200],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "NO_COLOR": "1"})
    process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read().decode()
    process.wait()
    assert "Traceback" not in stderr


def test_context_rules_are_listed_and_explained():
    listed = run("rules").stdout
    assert "NL002   infer-after-offer" in listed and "context          -       context" in listed
    rows = json.loads(run("rules", "--format", "json").stdout)
    assert {"code": "NL002", "name": "infer-after-offer", "category": "context", "severity": None,
            "kind": "context", "message": "infers stage: after-offer", "category_title": "Context"} in rows
    explained = run("explain", "NL002").stdout
    assert "Infers `stage: after-offer` from the note" in explained
    assert "Infers it from\n  - Thank you for the offer; I'm delighted to accept." in explained


def test_select_keeps_the_situation_rules(tmp_path):
    draft = tmp_path / "accept.txt"
    draft.write_text("Dear Sam,\n\nThank you for the offer; I'm delighted to accept. When I start on the 3rd, "
                     "I'd like to meet the team.\n\nBest,\nJo\n", encoding="utf-8")
    result = run("check", str(draft), "--select", "arrogance")
    assert result.exit_code == 0 and "context: stage=after-offer (inferred from line 3)" in result.stdout


def test_notelint_test_runs_a_packs_examples_and_fails_on_a_broken_one(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "salary.yaml").write_text(
        "code: NL9101\nname: salary-talk\ncategory: pushy_follow_up\nseverity: warning\nkind: existence\n"
        "message: \"Raises pay in a thank-you note ('{match}')\"\nwhy: Too early.\ninstead: Wait for the offer.\n"
        "phrases: [salary expectations, pay range]\n"
        "examples:\n  fire:\n    - text: \"My salary expectations are firm.\"\n      match: salary expectations\n"
        "  pass: [\"Thank you for the interview.\"]\n",
        encoding="utf-8",
    )
    good = run("test", str(pack))
    assert good.exit_code == 0
    assert good.stdout.strip() == "2 examples of 1 rule: 2 ok, 0 failing"
    (pack / "salary.yaml").write_text(
        (pack / "salary.yaml").read_text(encoding="utf-8").replace('["Thank you for the interview."]',
                                                                   '["What pay range do you offer?"]'),
        encoding="utf-8",
    )
    bad = run("test", str(pack))
    assert bad.exit_code == 1
    assert bad.stdout.splitlines() == [
        "FAIL NL9101 pass[0]: should not fire, but reported 'pay range'",
        "     What pay range do you offer?",
        "2 examples of 1 rule: 1 ok, 1 failing",
    ]


def test_notelint_test_on_the_built_in_rules_passes():
    result = run("test")
    assert result.exit_code == 0 and result.stdout.rstrip().endswith(", 0 failing")


def test_docs_rules_md_is_generated_from_the_rule_files():
    from conftest import ROOT

    generated = run("rules", "--format", "markdown").stdout
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == generated, (
        "run: notelint rules --format markdown --output docs/rules.md"
    )
    assert "### NL601\n\n`gift-to-interviewer`, error, existence: Offers a gift ('…')" in generated
    assert "## Gifts\n\nGifts or treats offered to the people deciding on the application." in generated


def test_rules_markdown_includes_a_packs_own_categories():
    from conftest import ROOT

    page = run("rules", "--format", "markdown", "--pack", str(ROOT / "examples" / "house-rules")).stdout
    assert "## Money talk\n\nQuestions about salary, pay or benefits" in page and "### NL5001" in page
