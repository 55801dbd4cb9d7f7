"""--write-baseline records today's findings; --baseline reports only new ones, whatever moved."""
from __future__ import annotations

import json

from typer.testing import CliRunner

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
