"""--write-baseline records today's findings; --baseline reports only new ones, whatever moved."""
from __future__ import annotations

import json

import jsonschema
from typer.testing import CliRunner

from conftest import ROOT

from notelint.cli import app

NOTE = "Dear Ms. Okafor,\n\nThx for the tour of the Brightwater clinic!!\n\nBest regards,\nDaniel Reyes\n"


def run(*args: str):
    return CliRunner().invoke(app, ["check", "--no-cache", *args])


def rules(result) -> list[str]:
    return [f["rule"] for f in json.loads(result.stdout)["files"][0]["findings"]]


def test_only_new_findings_are_reported_after_lines_move_and_other_lines_change(tmp_path):
    draft, base = tmp_path / "note.txt", tmp_path / "baseline.json"
    draft.write_text(NOTE)
    written = run("--write-baseline", str(base), str(draft))
    assert written.exit_code == 0 and written.stdout.startswith("recorded ")
    assert run("--baseline", str(base), str(draft)).exit_code == 0
    # a new paragraph pushes the old findings down two lines, and brings one new problem
    draft.write_text(NOTE.replace("Dear Ms. Okafor,\n\n", "Dear Ms. Okafor,\n\nI'll call you on Friday.\n\n"))
    result = run("--baseline", str(base), "--format", "json", str(draft))
    assert rules(result) == ["NL801"]
    assert result.exit_code == 1
    assert "already in" in result.stderr and "not shown" in result.stderr


def test_a_second_identical_finding_is_new(tmp_path):
    draft, base = tmp_path / "note.txt", tmp_path / "baseline.json"
    draft.write_text(NOTE)
    run("--write-baseline", str(base), str(draft))
    draft.write_text(NOTE.replace("clinic!!", "clinic!! Thx again"))
    assert rules(run("--baseline", str(base), "--format", "json", str(draft))) == ["NL1302"]


def test_a_file_that_is_not_a_baseline_is_one_line_and_exit_2(tmp_path):
    draft, base = tmp_path / "note.txt", tmp_path / "baseline.json"
    draft.write_text(NOTE)
    base.write_text('{"something": "else"}')
    result = run("--baseline", str(base), str(draft))
    assert result.exit_code == 2
    assert result.stderr == f"notelint: error: {base}: not a notelint baseline (version 1); write one with --write-baseline\n"


BAD = ("Dear Ms. Okafor,\n\nThank you for the tour of the Brightwater clinic. I've sent you a Starbucks gift card, "
       "and I'll call you on Friday to hear your decision.\n\nBest regards,\nDaniel Reyes\n")


def test_hidden_known_findings_never_make_a_low_scoring_draft_look_ready(tmp_path):
    draft, base = tmp_path / "note.txt", tmp_path / "baseline.json"
    draft.write_text(BAD)
    before = json.loads(run("--format", "json", str(draft)).stdout)["files"][0]
    assert before["score"] < 70 and len(before["findings"]) >= 2
    run("--write-baseline", str(base), str(draft))
    result = run("--baseline", str(base), str(draft))
    assert "Ready to send" not in result.stdout
    known = len(before["findings"])
    assert result.stdout.splitlines()[:2] == [
        f"{draft}  score {before['score']}/100 (rewrite)  Rewrite before sending: as it stands the note could hurt "
        "your chances.",
        f"  {known} known findings not shown (the baseline holds them); the score counts them",
    ]
    assert f"0 findings (0 errors, 0 warnings, 0 info) in 1 file; {known} known not shown" in result.stdout
    whole = json.loads(run("--baseline", str(base), "--format", "json", str(draft)).stdout)
    jsonschema.validate(whole, json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8")))
    document = whole["files"][0]
    assert (document["score"], document["band"], document["findings"], document["known"]) == (
        before["score"], "rewrite", [], known)
    # the exit code still answers "anything new?": the known findings were accepted when the baseline was written
    assert result.exit_code == 0
    assert run("--baseline", str(base), "--fail-under", "70", str(draft)).exit_code == 0
    # two new warnings: 76 without the known findings, so --fail-under judges what is new
    draft.write_text(BAD.replace("Best regards", "Thx again!!\n\nBest regards"))
    assert run("--baseline", str(base), "--fail-under", "70", "--fail-on", "never", str(draft)).exit_code == 0
    assert run("--baseline", str(base), "--fail-under", "90", "--fail-on", "never", str(draft)).exit_code == 1


def test_one_known_finding_is_counted_in_the_singular(tmp_path):
    draft, base = tmp_path / "note.txt", tmp_path / "baseline.json"
    draft.write_text(NOTE.replace("!!", ". I would love to join the clinic team."))
    run("--write-baseline", str(base), str(draft))
    result = run("--baseline", str(base), str(draft))
    assert "  1 known finding not shown (the baseline holds it); the score counts it" in result.stdout
    assert result.stderr == f"notelint: 1 finding already in {base} not shown\n"
