"""Issue 17 item 5: the notes sent after one interview, read together by `check`."""
from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from notelint.cli import app

EXAMPLE = ROOT / "examples" / "halvard-marine"


@pytest.fixture
def panel(tmp_path):
    folder = tmp_path / "halvard-marine"
    shutil.copytree(EXAMPLE, folder)
    return folder


def check(*args: str):
    result = CliRunner().invoke(app, ["check", *args, "-f", "json"])
    return result, {f["path"].rsplit("/", 1)[-1]: f for f in json.loads(result.stdout)["files"]}


def test_a_note_copied_to_two_panel_members_is_flagged_on_both_with_the_similarity_and_shared_sentences(panel):
    result, files = check("--no-cache", str(panel))
    assert set(files) == {"to-lindqvist.txt", "to-reyes.txt"}  # the interview notes are not a draft
    [copy] = [f for f in files["to-reyes.txt"]["findings"] if f["rule"] == "NL1707"]
    assert copy["message"].startswith(f"Reads as a copy of the note to Dr. Anneli Lindqvist ({panel / 'to-lindqvist.txt'}): ")
    assert "% the same, 2 sentences shared ('I enjoyed our conversation about the Atlas migration, and..." in copy["message"]
    assert [f["rule"] for f in files["to-lindqvist.txt"]["findings"]] == ["NL1707"]
    assert files["to-reyes.txt"]["score"] < 90 and result.exit_code == 1


def test_each_note_alone_is_not_compared(panel):
    _, files = check("--no-cache", str(panel / "to-reyes.txt"))
    assert "NL1707" not in {f["rule"] for f in files["to-reyes.txt"]["findings"]}


def test_different_notes_to_the_panel_pass(panel):
    (panel / "to-reyes.txt").write_text(
        "---\nto: Tom Reyes\n---\nDear Mr. Reyes,\n\nThank you for the tour of the operations floor on Monday. Hearing "
        "how six people share the on-call rota made me want to write the runbooks for the alerts that have none.\n\n"
        "I would love to bring that to the Platform Engineer role.\n\nBest regards,\nSam Lee\n", encoding="utf-8")
    result, files = check("--no-cache", str(panel))
    assert all(f["findings"] == [] for f in files.values()) and result.exit_code == 0


def test_a_greeting_left_from_another_panel_members_copy_is_an_error_in_place_of_someone_else(panel):
    text = (panel / "to-reyes.txt").read_text(encoding="utf-8").replace("Dear Mr. Reyes,", "Dear Dr. Lindqvist,")
    (panel / "to-reyes.txt").write_text(text, encoding="utf-8")
    _, files = check("--no-cache", str(panel))
    rules = {f["rule"]: f for f in files["to-reyes.txt"]["findings"]}
    assert rules["NL1708"]["message"] == ("The greeting names Dr. Anneli Lindqvist, who sat on the same panel; "
                                          "this note is for Tom Reyes")
    assert rules["NL1708"]["severity"] == "error" and "NL1704" not in rules


def test_selection_waivers_and_the_cache_apply(panel):
    _, files = check("--no-cache", str(panel), "--ignore", "NL1707")
    assert all(f["findings"] == [] for f in files.values())
    cache = ["--cache-dir", str(panel.parent / "cache")]
    check(*cache, str(panel))
    _, files = check(*cache, str(panel))  # every report from the cache: the panel is still read together
    assert "NL1707" in {f["rule"] for f in files["to-reyes.txt"]["findings"]}
    text = (panel / "to-reyes.txt").read_text(encoding="utf-8")
    (panel / "to-reyes.txt").write_text(text.replace("to: Tom Reyes\n", "to: Tom Reyes\nwaive: {NL1707: Tom asked for "
                                                     "the same summary}\n"), encoding="utf-8")
    _, files = check("--no-cache", str(panel))
    assert files["to-reyes.txt"]["findings"] == [] and files["to-reyes.txt"]["waived"][0]["rule"] == "NL1707"
