"""The CI formats as their consumers read them: SARIF for code scanning, GitHub workflow commands and
job summary, GitLab Code Quality, JUnit XML; and --output, and the GitHub Actions default."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from notelint.cli import app
from notelint.reporters import FORMATS

ROOT = Path(__file__).resolve().parents[1]
# the OASIS schema as shared beside the repository, or the copy kept here for a clean clone
SCHEMA_PATHS = [ROOT.parent / "shared" / "data" / "sarif-schema-2.1.0.json",
                ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"]
runner = CliRunner()

NOISY = """\
---
audience: hiring-manager
stage: interview
medium: email
---
Dear Ms. Chen,

Thank you for meeting with me on Tuesday. I enjoyed hearing how your team is moving billing to event streams.

I am excited about the role. I've enclosed a small Starbucks gift card as a thank-you, and I sent you a LinkedIn invitation. I'll call you tomorrow to follow up.
thx for the tour, it was gr8 and ur team rocks. btw the demo was awsome, pls tell them. idk how u do it, imo the best, tbh. lol. cuz the plan is so kool, gonna be gr8 :)

Best regards,
Jordan Lee
"""

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
    assert [r["id"] for r in only["runs"][0]["tool"]["driver"]["rules"]] == ["NL601"]


def test_sarif_names_unreadable_drafts_and_a_failed_execution(drafts):
    result = run("check", "drafts/clean.txt", "drafts/missing.txt", "-f", "sarif", "--no-cache")
    assert result.exit_code == 2
    [invocation] = json.loads(result.stdout)["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    [notification] = invocation["toolExecutionNotifications"]
    assert notification["message"]["text"] == "no such file"
    assert notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "drafts/missing.txt"
