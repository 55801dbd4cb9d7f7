"""The CI formats as their consumers read them: SARIF for code scanning, GitHub workflow commands and
job summary, GitLab Code Quality, JUnit XML; and --output, and the GitHub Actions default."""
from __future__ import annotations

import copy
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from notelint.cli import app
from notelint.reporters import FORMATS
from test_cli import BAD_NOTE

ROOT = Path(__file__).resolve().parents[1]
# the OASIS schema as shared beside the repository, or the copy kept here for a clean clone
SCHEMA_PATHS = [ROOT.parent / "shared" / "data" / "sarif-schema-2.1.0.json",
                ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"]
runner = CliRunner()

# the CLI tests' bad note, with a line of shorthand and misspellings: more findings than GitHub shows
NOISY = BAD_NOTE.replace(
    "I'll call you tomorrow to follow up.\n",
    "I'll call you tomorrow to follow up.\nthx for the tour, it was gr8 and ur team rocks. btw the demo was awsome, pls "
    "tell them. idk how u do it, imo the best, tbh. lol. cuz the plan is so kool, gonna be gr8 :)\n",
)

WARNINGS_ONLY = """\
Dear Ms. Chen,

Thank you for meeting with me on Tuesday. I enjoyed hearing how your team is moving billing to event streams.
thx for the tour, I am excited about the role.

Best regards,
Jordan Lee
"""

CLEAN = """\
Dear Ms. Chen,

Thank you for meeting with me on Tuesday. I enjoyed hearing how your team is moving billing to event streams,
and I am still very interested in the role.

Best regards,
Jordan Lee
"""


def run(*args: str, **env: str | None):
    return runner.invoke(app, list(args), env={"NO_COLOR": "1", "GITHUB_ACTIONS": None,
                                               "GITHUB_STEP_SUMMARY": None, **env})


@pytest.fixture
def drafts(tmp_path, monkeypatch):
    """A checkout with drafts in a folder, as the current folder: paths in the reports are relative to it."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "noisy note.txt").write_text(NOISY)
    (tmp_path / "drafts" / "warnings.txt").write_text(WARNINGS_ONLY)
    (tmp_path / "drafts" / "clean.txt").write_text(CLEAN)
    return tmp_path


# --- --output ------------------------------------------------------------------------------------


@pytest.mark.parametrize("output_format", FORMATS)
def test_output_writes_the_report_to_a_file_and_nothing_to_stdout(drafts, output_format):
    target = drafts / "reports" / f"notelint.{output_format}"
    result = run("check", "drafts", "drafts/missing.txt", "-f", output_format, "--output", str(target), "--no-cache")
    assert result.exit_code == 2  # the missing draft
    assert result.stdout == ""
    assert result.stderr == "notelint: error: drafts/missing.txt: no such file\n"
    written = target.read_text(encoding="utf-8")
    assert "noisy" in written
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]  # no temporary file left
    direct = run("check", "drafts", "drafts/missing.txt", "-f", output_format, "--no-cache")
    assert written == direct.stdout


def test_output_replaces_an_old_report_and_says_when_it_cannot(drafts):
    target = drafts / "report.json"
    target.write_text("old")
    assert run("check", "drafts/clean.txt", "-f", "json", "-o", str(target), "--no-cache").exit_code == 0
    assert json.loads(target.read_text())["files"][0]["path"] == "drafts/clean.txt"
    blocked = run("check", "drafts/clean.txt", "-f", "json", "-o", "drafts/clean.txt/report.json", "--no-cache")
    assert blocked.exit_code == 2
    assert blocked.stderr.startswith("notelint: error: cannot write the report to drafts/clean.txt/report.json: ")
    assert blocked.stderr.count("\n") == 1
    assert (drafts / "drafts" / "clean.txt").read_text() == CLEAN
    dash = run("check", "drafts/clean.txt", "-f", "json", "-o", "-", "--no-cache")
    assert json.loads(dash.stdout)["files"][0]["path"] == "drafts/clean.txt"
    assert not (drafts / "-").exists()


def findings_json(*paths: str) -> dict[str, list[dict]]:
    result = run("check", *paths, "-f", "json", "--no-cache")
    return {f["path"]: f["findings"] for f in json.loads(result.stdout)["files"]}


# --- SARIF ---------------------------------------------------------------------------------------


def sarif_validator() -> jsonschema.Draft7Validator:
    schema = json.loads(next(p for p in SCHEMA_PATHS if p.is_file()).read_text(encoding="utf-8"))
    # this copy keeps the root object's schema under definitions/Root and nothing at the top, so a
    # document validated against the file as it is would be checked against nothing at all
    if "Root" in schema.get("definitions", {}) and "properties" not in schema:
        schema = {**schema, "$ref": "#/definitions/Root"}
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


def test_sarif_is_valid_and_the_schema_is_really_checked(drafts):
    result = run("check", "drafts", "-f", "sarif", "--no-cache")
    assert result.exit_code == 1, result.output
    log = json.loads(result.stdout)
    validator = sarif_validator()
    assert list(validator.iter_errors(log)) == []
    broken = copy.deepcopy(log)
    broken["runs"][0]["results"][0]["level"] = "warn"
    del broken["runs"][0]["tool"]["driver"]["name"]
    assert len(list(validator.iter_errors(broken))) == 2  # the validator does reject what is wrong


def test_sarif_describes_every_rule_that_ran(drafts):
    log = json.loads(run("check", "drafts", "-f", "sarif", "--no-cache").stdout)
    [sarif_run] = log["runs"]
    driver = sarif_run["tool"]["driver"]
    assert driver["name"] == "notelint" and driver["version"]
    listed = json.loads(run("rules", "-f", "json").stdout)
    reporting = [r["code"] for r in listed if r["severity"] is not None]  # context rules report nothing
    described = {r["id"]: r for r in driver["rules"]}
    assert sorted(described) == sorted(reporting)
    gift = described["NL601"]
    assert gift["name"] == "gift-to-interviewer"
    assert gift["defaultConfiguration"]["level"] == "error"
    assert gift["properties"]["category"] == "gifts"
    assert "{" not in gift["shortDescription"]["text"]
    assert "Many employers forbid staff" in gift["fullDescription"]["text"]
    assert "Let the note itself carry the thanks" in gift["help"]["text"]
    assert described["NL1303"]["defaultConfiguration"]["level"] == "note"  # info is SARIF's note
    assert described["NL1401"]["shortDescription"]["text"] == "Misspelling"
    assert described["NL301"]["shortDescription"]["text"] == "The note never actually thanks the reader"


def test_sarif_results_are_where_the_json_report_says(drafts):
    log = json.loads(run("check", "drafts/noisy note.txt", "-f", "sarif", "--no-cache").stdout)
    results = log["runs"][0]["results"]
    expected = findings_json("drafts/noisy note.txt")["drafts/noisy note.txt"]
    assert len(results) == len(expected) == 18
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for result, finding in zip(results, expected):
        assert result["ruleId"] == finding["rule"] == rules[result["ruleIndex"]]["id"]
        assert result["level"] == levels[finding["severity"]]
        assert result["message"]["text"] == finding["message"]
        [location] = result["locations"]
        assert location["physicalLocation"]["artifactLocation"] == {"uri": "drafts/noisy%20note.txt",
                                                                    "uriBaseId": "%SRCROOT%"}
        assert location["physicalLocation"]["region"] == {
            "startLine": finding["line"], "startColumn": finding["column"],
            "endLine": finding["end_line"], "endColumn": finding["end_column"]}
    gift = results[0]["locations"][0]["physicalLocation"]["region"]
    assert gift == {"startLine": 10, "startColumn": 30, "endLine": 10, "endColumn": 71}
    assert log["runs"][0]["columnKind"] == "unicodeCodePoints"
    assert log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == drafts.resolve().as_uri() + "/"


def test_sarif_from_the_report_cache_still_describes_the_rules(drafts, tmp_path_factory):
    cache = str(tmp_path_factory.mktemp("cache"))
    first = run("check", "drafts", "-f", "sarif", "--cache-dir", cache)
    second = run("check", "drafts", "-f", "sarif", "--cache-dir", cache)  # every draft from the cache
    assert first.exit_code == second.exit_code == 1
    first_run, second_run = json.loads(first.stdout)["runs"][0], json.loads(second.stdout)["runs"][0]
    assert len(second_run["tool"]["driver"]["rules"]) == len(first_run["tool"]["driver"]["rules"]) > 20
    assert [r["partialFingerprints"] for r in second_run["results"]] == \
        [r["partialFingerprints"] for r in first_run["results"]]
    only = json.loads(run("check", "drafts", "-f", "sarif", "--cache-dir", cache, "--select", "gifts").stdout)
    assert [r["id"] for r in only["runs"][0]["tool"]["driver"]["rules"]] == ["NL601", "NL602"]


def test_sarif_names_unreadable_drafts_and_a_failed_execution(drafts):
    result = run("check", "drafts/clean.txt", "drafts/missing.txt", "-f", "sarif", "--no-cache")
    assert result.exit_code == 2
    [invocation] = json.loads(result.stdout)["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    [notification] = invocation["toolExecutionNotifications"]
    assert notification["message"]["text"] == "no such file"
    assert notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "drafts/missing.txt"


# --- GitHub Actions ------------------------------------------------------------------------------


def test_github_annotations_most_severe_first_ten_per_level_and_every_finding_in_the_log(drafts):
    result = run("check", "drafts/noisy note.txt", "-f", "github", "--no-cache")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    commands = [line for line in lines if line.startswith("::")]
    kinds = [line[2:].split(" ", 1)[0].split("::", 1)[0] for line in commands]
    # 3 errors, 14 warnings (9 shown and a line for the other 5), 1 info as a notice
    assert kinds == ["error"] * 3 + ["warning"] * 10 + ["notice"]
    assert commands[12] == "::warning::5 more warnings not shown as annotations; see the job log"
    assert commands[0] == (
        "::error file=drafts/noisy note.txt,line=10,col=30,endLine=10,endColumn=71,"
        "title=NL601 gift-to-interviewer::Offers a gift ('I've enclosed a small Starbucks gift card') to someone "
        "who is deciding on your application%0AInstead: Let the note itself carry the thanks. If you want to give "
        "something, wait until the process is over and give it to the people who helped you, not to those who "
        "judged you.")
    # the log has every finding, annotated or not, one plain line each
    expected = findings_json("drafts/noisy note.txt")["drafts/noisy note.txt"]
    logged = [line for line in lines if re.match(r"drafts/noisy note\.txt:\d+:\d+: ", line)]
    assert logged == [f"drafts/noisy note.txt:{f['line']}:{f['column']}: {f['severity']} {f['rule']} {f['message']}"
                      for f in expected]
    assert "drafts/noisy note.txt:11:164: warning NL1302 'gr8' is texting shorthand; write 'great'" in logged
    assert "drafts/noisy note.txt: score 0/100 (rewrite)" in lines


def test_github_properties_and_messages_are_escaped(drafts):
    (drafts / "drafts" / "a,b:c%.txt").write_text(WARNINGS_ONLY)
    result = run("check", "drafts/a,b:c%.txt", "-f", "github", "--no-cache")
    [command] = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert command.startswith("::warning file=drafts/a%2Cb%3Ac%25.txt,line=4,col=1,endLine=4,endColumn=4,"
                              "title=NL1302 texting-shorthand::")
    assert "%0AInstead: " in command and "\n" not in command
    # a draft named like a workflow command starts no command of its own in the log
    (drafts / "::error::pwned.txt").write_text(WARNINGS_ONLY)
    result = run("check", "::error::pwned.txt", "-f", "github", "--no-cache")
    commands = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert [c.split(" ", 1)[0] for c in commands] == ["::warning"]
    assert "./::error::pwned.txt:4:1: warning NL1302 'thx' is texting shorthand; write 'thank you'" in result.stdout


def test_github_job_summary_is_appended_worst_score_first(drafts):
    summary = drafts / "summary.md"
    summary.write_text("earlier step\n")
    result = run("check", "drafts", "--no-cache", GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY=str(summary))
    assert result.exit_code == 1
    assert result.stdout.count("::") > 0  # GITHUB_ACTIONS=true: the github format without asking
    text = summary.read_text()
    assert text.startswith("earlier step\n### notelint\n")
    table = [line for line in text.splitlines() if line.startswith("| ")]
    assert table == [
        "| draft | score | band | errors | warnings | info |",
        "| `drafts/noisy note.txt` | 0 | rewrite | 3 | 14 | 1 |",
        "| `drafts/warnings.txt` | 88 | revise | 0 | 1 | 0 |",
        "| `drafts/clean.txt` | 100 | ready | 0 | 0 | 0 |",
        "| **total: 3 drafts** | 63 (average) | | 3 | 15 | 1 |",
    ]


def test_github_actions_picks_the_github_format_unless_one_is_given(drafts):
    inside = run("check", "drafts/warnings.txt", "--no-cache", GITHUB_ACTIONS="true")
    assert "::warning file=drafts/warnings.txt,line=4,col=1" in inside.stdout
    chosen = run("check", "drafts/warnings.txt", "--no-cache", "-f", "text", GITHUB_ACTIONS="true")
    assert "::warning" not in chosen.stdout and "score 88/100 (revise)" in chosen.stdout
    outside = run("check", "drafts/warnings.txt", "--no-cache")
    assert "::warning" not in outside.stdout and "score 88/100 (revise)" in outside.stdout


# --- GitLab Code Quality -------------------------------------------------------------------------


def test_gitlab_fingerprints_are_stable_unique_and_ignore_line_numbers(drafts):
    first = json.loads(run("check", "drafts", "-f", "gitlab", "--no-cache").stdout)
    second = json.loads(run("check", "drafts", "-f", "gitlab", "--no-cache").stdout)
    assert first == second
    prints = [issue["fingerprint"] for issue in first]
    assert len(prints) == len(set(prints)) == 19  # 'gr8' twice in one note: two fingerprints
    noisy = [i for i in first if i["location"]["path"] == "drafts/noisy note.txt"]
    assert {i["severity"] for i in noisy} == {"major", "minor", "info"}
    gift = noisy[0]
    assert gift["check_name"] == "NL601" and gift["severity"] == "major"
    assert gift["location"]["lines"]["begin"] == 10
    assert gift["description"].startswith("Offers a gift ('I've enclosed a small Starbucks gift card')")
    # two lines added above every finding: new line numbers, the same fingerprints
    path = drafts / "drafts" / "noisy note.txt"
    path.write_text(NOISY.replace("Dear Ms. Chen,\n", "Dear Ms. Chen,\n\nI hope your week is going well.\n"))
    moved = json.loads(run("check", "drafts", "-f", "gitlab", "--no-cache").stdout)
    moved_noisy = [i for i in moved if i["location"]["path"] == "drafts/noisy note.txt"]
    assert moved_noisy[0]["location"]["lines"]["begin"] == 12
    assert [i["fingerprint"] for i in moved_noisy] == [i["fingerprint"] for i in noisy]


# --- JUnit XML -----------------------------------------------------------------------------------


def junit_cases(*args: str) -> tuple[ET.Element, dict[str, ET.Element]]:
    result = run("check", *args, "-f", "junit", "--no-cache")
    root = ET.fromstring(result.stdout)
    [suite] = root.findall("testsuite")
    return suite, {case.get("name"): case for case in suite.findall("testcase")}


def test_junit_one_case_per_draft_failing_at_the_fail_on_level(drafts):
    suite, cases = junit_cases("drafts")
    assert suite.get("name") == "notelint"
    assert sorted(cases) == ["drafts/clean.txt", "drafts/noisy note.txt", "drafts/warnings.txt"]
    assert all(case.get("classname") == "drafts" for case in cases.values())
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "2", "0")
    assert cases["drafts/clean.txt"].find("failure") is None
    failure = cases["drafts/noisy note.txt"].find("failure")
    assert failure.get("message") == "17 findings at or above warning"
    lines = failure.text.strip().splitlines()
    assert len(lines) == 17 and lines[0].startswith("drafts/noisy note.txt:10:30: error NL601 Offers a gift")
    assert "score 0/100 (rewrite)" in cases["drafts/noisy note.txt"].find("system-out").text
    assert "warning NL1302" not in cases["drafts/noisy note.txt"].find("system-out").text
    assert "info NL1303" in cases["drafts/noisy note.txt"].find("system-out").text  # below the bar: listed, passing

    suite, cases = junit_cases("drafts", "--fail-on", "error")
    assert suite.get("failures") == "1"
    assert cases["drafts/warnings.txt"].find("failure") is None
    assert cases["drafts/noisy note.txt"].find("failure").get("message") == "3 findings at or above error"


def test_junit_unreadable_draft_is_an_error_and_any_file_name_parses(drafts):
    odd = drafts / "drafts" / "odd\x1b[2J <&\"'> name.txt"
    odd.write_text(WARNINGS_ONLY)
    suite, cases = junit_cases("drafts", "drafts/missing.txt")
    assert suite.get("errors") == "1" and suite.get("tests") == "5"
    assert cases["drafts/missing.txt"].find("error").get("message") == "no such file"
    [odd_case] = [case for name, case in cases.items() if name.startswith("drafts/odd")]
    assert odd_case.get("name") == "drafts/odd\u241b[2J <&\"'> name.txt"  # ESC cannot be in XML: shown as ␛
    assert odd_case.find("failure") is not None
