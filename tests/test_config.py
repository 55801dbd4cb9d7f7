"""Configuration as a user meets it: .notelint.toml or [tool.notelint], found upward from each draft."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from notelint.cli import app

NOTE = "Dear Ms. Okafor,\n\nThx for the tour of the Brightwater clinic and the triage board!!\n\nBest regards,\nDaniel\n"


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def rules_fired(result) -> list[str]:
    return [f["rule"] for f in json.loads(result.stdout)["files"][0]["findings"]]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "note.txt").write_text(NOTE)
    return tmp_path


def test_a_config_above_the_draft_selects_ignores_and_overrides_severity(project):
    baseline = run("check", "--format", "json", str(project / "drafts" / "note.txt"))
    assert {"NL1302", "NL1304"} <= set(rules_fired(baseline))
    (project / ".notelint.toml").write_text('ignore = ["NL1304"]\nseverity = {texting-shorthand = "error"}\n')
    result = run("check", "--format", "json", str(project / "drafts" / "note.txt"))
    findings = json.loads(result.stdout)["files"][0]["findings"]
    assert "NL1304" not in [f["rule"] for f in findings]
    assert [f["severity"] for f in findings if f["rule"] == "NL1302"] == ["error"]


def test_select_takes_code_prefixes_names_and_categories(project):
    (project / ".notelint.toml").write_text('select = ["NL13"]\n')
    assert set(rules_fired(run("check", "--format", "json", str(project / "drafts")))) == {"NL1302", "NL1304"}
    assert rules_fired(run("check", "--format", "json", "--select", "gifts", str(project / "drafts"))) == []


def test_pyproject_table_is_read_and_a_pyproject_without_it_is_not_a_config(project):
    (project / "pyproject.toml").write_text('[project]\nname = "drafts"\n')
    assert "NL1304" in rules_fired(run("check", "--format", "json", str(project / "drafts")))
    (project / "pyproject.toml").write_text('[project]\nname = "drafts"\n\n[tool.notelint]\nignore = ["NL1304"]\n')
    assert "NL1304" not in rules_fired(run("check", "--format", "json", str(project / "drafts")))


def test_default_context_sits_below_front_matter_and_command_line(project):
    (project / ".notelint.toml").write_text('[context]\naudience = "referrer"\n')
    # NL1302 skips notes to a referrer
    assert "NL1302" not in rules_fired(run("check", "--format", "json", str(project / "drafts")))
    assert "NL1302" in rules_fired(run("check", "--format", "json", "-c", "audience=interviewer", str(project / "drafts")))


def test_words_are_not_misspellings_and_a_changed_config_is_not_answered_from_the_cache(project):
    draft = project / "drafts" / "note.txt"
    draft.write_text(NOTE.replace("triage board", "Qwertyx dashbord"))
    assert "NL1401" in rules_fired(run("check", "--format", "json", str(draft)))
    (project / ".notelint.toml").write_text('words = ["dashbord"]\n')
    assert "NL1401" not in rules_fired(run("check", "--format", "json", str(draft)))


def test_fail_on_and_fail_under(project):
    draft = str(project / "drafts" / "note.txt")
    (project / ".notelint.toml").write_text('fail-on = "error"\n')
    assert run("check", draft).exit_code == 0  # only warnings
    (project / ".notelint.toml").write_text('fail-on = "error"\nfail-under = 95\n')
    assert run("check", draft).exit_code == 1  # scores below 95
    assert run("check", "--fail-under", "10", draft).exit_code == 0  # the command line wins


def test_per_file_ignores_waive_rules_for_matching_files_and_rescore(project):
    (project / "drafts" / "referrals").mkdir()
    (project / "drafts" / "referrals" / "thanks-mo.txt").write_text(NOTE)
    (project / ".notelint.toml").write_text('[per-file-ignores]\n"drafts/referrals/*" = ["casual_tone"]\n')
    report = json.loads(run("check", "--format", "json", str(project / "drafts")).stdout)
    by_path = {Path(f["path"]).name: f for f in report["files"]}
    assert [f["category"] for f in by_path["thanks-mo.txt"]["findings"] if f["category"] == "casual_tone"] == []
    assert [f["category"] for f in by_path["note.txt"]["findings"] if f["category"] == "casual_tone"] != []
    assert by_path["thanks-mo.txt"]["score"] > by_path["note.txt"]["score"]


def test_a_folder_walk_skips_readme_and_excluded_files_but_not_files_named_on_the_command_line(project):
    (project / "drafts" / "README.md").write_text("# How to write drafts\n\nthx for reading!!\n")
    (project / "drafts" / "old.txt").write_text(NOTE)
    report = json.loads(run("check", "--format", "json", str(project / "drafts")).stdout)
    assert sorted(Path(f["path"]).name for f in report["files"]) == ["note.txt", "old.txt"]
    (project / ".notelint.toml").write_text('extend-exclude = ["old.txt"]\n')
    report = json.loads(run("check", "--format", "json", str(project / "drafts")).stdout)
    assert [Path(f["path"]).name for f in report["files"]] == ["note.txt"]
    named = json.loads(run("check", "--format", "json", str(project / "drafts" / "old.txt")).stdout)
    assert [Path(f["path"]).name for f in named["files"]] == ["old.txt"]


def test_a_file_given_twice_is_checked_once(project):
    draft = str(project / "drafts" / "note.txt")
    report = json.loads(run("check", "--format", "json", draft, draft, str(project / "drafts")).stdout)
    assert len(report["files"]) == 1


def test_packs_in_the_config_are_relative_to_it(project):
    import shutil

    shutil.copytree(Path(__file__).resolve().parents[1] / "examples" / "house-rules", project / "house-rules")
    (project / ".notelint.toml").write_text('packs = ["house-rules"]\n')
    assert "NL5003" in rules_fired(run("check", "--format", "json", str(project / "drafts")))


def test_explicit_config_wins_over_the_search(project, tmp_path_factory):
    other = tmp_path_factory.mktemp("elsewhere") / "strict.toml"
    other.write_text('select = ["NL1304"]\n')
    (project / ".notelint.toml").write_text('ignore = ["NL1304"]\n')
    assert rules_fired(run("check", "--format", "json", "--config", str(other), str(project / "drafts"))) == ["NL1304"]


@pytest.mark.parametrize("text, problem", [
    ("selct = []\n", "selct: unknown key"),
    ('fail-under = "high"\n', "fail-under: expected a whole number, not text ('high')"),
    ('[context]\nstage = "lunch"\n', "context: stage: 'lunch' is not one of phone-screen, interview, after-offer, rejection"),
    ("select = [\n", "not valid TOML: "),
    ('severity = {NL601 = "loud"}\n', "severity.NL601: 'loud' is not one of error, warning, info"),
])
def test_an_invalid_config_is_one_line_naming_the_file_and_key(project, text, problem):
    config = project / ".notelint.toml"
    config.write_text(text)
    result = run("check", str(project / "drafts"))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"notelint: error: {config}: {problem}") and result.stderr.count("\n") == 1
    assert result.stdout == ""


def test_an_unknown_rule_in_the_config_is_named(project):
    (project / ".notelint.toml").write_text('ignore = ["NL9999"]\n')
    result = run("check", str(project / "drafts"))
    assert result.exit_code == 2 and "unknown rule, code prefix or category 'NL9999'" in result.stderr


def test_a_folder_walk_leaves_out_what_git_ignores(project):
    (project / ".git").mkdir()
    (project / ".gitignore").write_text("drafts/old/\n*.bak.txt\n!keep.bak.txt\n")
    (project / "drafts" / "old").mkdir()
    (project / "drafts" / "old" / "2019.txt").write_text(NOTE)
    (project / "drafts" / "note.bak.txt").write_text(NOTE)
    (project / "drafts" / "keep.bak.txt").write_text(NOTE)
    (project / "drafts" / "sub").mkdir()
    (project / "drafts" / "sub" / ".gitignore").write_text("scratch.txt\n")
    (project / "drafts" / "sub" / "scratch.txt").write_text(NOTE)
    report = json.loads(run("check", "--format", "json", str(project / "drafts")).stdout)
    assert sorted(Path(f["path"]).name for f in report["files"]) == ["keep.bak.txt", "note.txt"]
    named = json.loads(run("check", "--format", "json", str(project / "drafts" / "old" / "2019.txt")).stdout)
    assert len(named["files"]) == 1  # a file named on the command line is always checked
