"""The CI formats as their consumers read them: SARIF for code scanning, GitHub workflow commands and
job summary, GitLab Code Quality, JUnit XML; and --output, and the GitHub Actions default."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from notelint.cli import app
from notelint.reporters import FORMATS

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
