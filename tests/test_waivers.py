"""Waivers in the draft itself: reasoned, scoped to the next paragraph, never measured, counted and listable."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from notelint.cli import app

GIFT = "I have sent you a Starbucks gift card to say thank you."
NOTE = (
    "Dear Ms. Okafor,\n\nThank you for the tour of the Brightwater clinic and the new triage board on Tuesday.\n"
    "I would love to join the team.\n\n{waiver}{gift}\n\n{gift}\n\nBest regards,\nDaniel Reyes\n"
)


def check(tmp_path, text: str, *args: str):
    draft = tmp_path / "note.md"
    draft.write_text(text)
    result = CliRunner().invoke(app, ["check", "--no-cache", *args, str(draft)])
    return result, draft


def as_json(tmp_path, text: str) -> dict:
    result, _ = check(tmp_path, text, "--format", "json")
    return json.loads(result.stdout)["files"][0]


def test_a_reasoned_waiver_covers_the_next_paragraph_only(tmp_path):
    waiver = "notelint: ignore[gifts] -- the card is for the receptionist who rescheduled me twice\n"
    report = as_json(tmp_path, NOTE.format(waiver=waiver, gift=GIFT))
    assert [(f["rule"], f["line"]) for f in report["findings"] if f["category"] == "gifts"] == [("NL601", 9)]
    assert [(f["rule"], f["line"]) for f in report["waived"]] == [("NL601", 7)]


def test_markdown_comment_form_and_selectors_by_code_and_name(tmp_path):
    for waiver in ("<!-- notelint: ignore[NL601] -- for the receptionist -->\n",
                   "notelint: ignore[gift-to-interviewer, casual_tone] -- for the receptionist\n"):
        report = as_json(tmp_path, NOTE.format(waiver=waiver, gift=GIFT))
        assert [f["line"] for f in report["waived"]] == [7]


def test_a_waiver_without_a_reason_waives_nothing_and_is_reported(tmp_path):
    report = as_json(tmp_path, NOTE.format(waiver="notelint: ignore[gifts]\n", gift=GIFT))
    assert report["waived"] == []
    [problem] = [f for f in report["findings"] if f["rule"] == "NL000"]
    assert (problem["line"], problem["message"]) == (6, "waiver of gifts gives no reason; it waives nothing until it does")
    assert len([f for f in report["findings"] if f["rule"] == "NL601"]) == 2


def test_a_waiver_that_hides_nothing_is_reported(tmp_path):
    waiver = "notelint: ignore[social_media] -- not needed\n"
    report = as_json(tmp_path, NOTE.format(waiver=waiver, gift=GIFT))
    assert [f["message"] for f in report["findings"] if f["rule"] == "NL000"] == [
        "waiver of social_media hides nothing in the paragraph after it"
    ]


def test_waiver_lines_are_not_measured_as_part_of_the_note(tmp_path):
    """Shorthand or a misspelling inside the waiver line itself is never a finding."""
    waiver = "notelint: ignore[gifts] -- thx, recieved the card back from HR\n"
    report = as_json(tmp_path, NOTE.format(waiver=waiver, gift=GIFT))
    assert [f for f in report["findings"] if f["line"] == 6 and f["rule"] != "NL000"] == []


def test_front_matter_waives_for_the_whole_draft(tmp_path):
    text = "---\nwaive: {gifts: \"thanking my referrer once I started\"}\n---\n" + NOTE.format(waiver="", gift=GIFT)
    report = as_json(tmp_path, text)
    assert [f for f in report["findings"] if f["category"] == "gifts"] == []
    assert len(report["waived"]) == 2


def test_front_matter_waive_must_map_rules_to_reasons(tmp_path):
    result, draft = check(tmp_path, "---\nwaive: [gifts]\n---\n" + NOTE.format(waiver="", gift=GIFT))
    assert result.exit_code == 2
    assert result.stderr == (f"notelint: error: {draft}: front matter: waive: expected rules and their reasons, "
                             "like {gifts: \"thanking my referrer\"}\n")


def test_waived_findings_are_counted_and_listed_on_request(tmp_path):
    waiver = "notelint: ignore[gifts] -- for the receptionist\n"
    text = NOTE.format(waiver=waiver, gift=GIFT)
    plain, _ = check(tmp_path, text)
    assert "; 1 waived (--show-waived lists them)" in plain.stdout.splitlines()[-1]
    listed, _ = check(tmp_path, text, "--show-waived")
    assert "  waived:" in listed.stdout and listed.stdout.count("NL601") == 3  # two findings, one waived, plus points


# Waivers as people type them -------------------------------------------------------------------------------

import pytest  # noqa: E402


@pytest.mark.parametrize("waiver", [
    "notelint: ignore[gifts] \u2014 the card is for the receptionist who rescheduled me twice\n",  # em dash
    "notelint: ignore[gifts] \u2013 the card is for the receptionist\n",  # en dash
    "Notelint: ignore[gifts] -- the card is for the receptionist\n",
    "# notelint: ignore[gifts] -- the card is for the receptionist\n",
    "notelint: ignore [gifts] -- the card is for the receptionist\n",
    "<!-- Notelint: ignore [gifts] \u2014 the card is for the receptionist -->\n",
])
def test_waiver_forms_people_type_are_read(tmp_path, waiver):
    report = as_json(tmp_path, NOTE.format(waiver=waiver, gift=GIFT))
    assert [f["line"] for f in report["waived"]] == [7]
    assert not [f for f in report["findings"] if f["rule"] == "NL000"]


@pytest.mark.parametrize("waiver, why", [
    ("notelint ignore[gifts] -- thanks to my referrer\n", "'notelint' needs a ':' after it"),
    ("notelint: disable[gifts] -- referred by a friend\n", "'disable' should read 'ignore'"),
    ("notelint: ignore gifts -- referred by a friend\n", "the rules it waives are not in square brackets"),
    ("notelint: ignore[gifts -- referred by a friend\n", "its '[' is never closed"),
    ("notelint: ignore[gifts] because my referrer\n", "its reason must follow '--' after the brackets"),
])
def test_a_line_that_only_looks_like_a_waiver_is_reported_as_one_and_never_read_as_the_note(tmp_path, waiver, why):
    report = as_json(tmp_path, NOTE.format(waiver=waiver, gift=GIFT))
    [problem] = [f for f in report["findings"] if f["rule"] == "NL000"]
    assert problem["message"] == f"this looks like a waiver but {why}, so it waives nothing"
    assert problem["line"] == 6
    assert [f["line"] for f in report["findings"] if f["rule"] == "NL601"] == [7, 9]
    assert report["inferred_context"] == {}  # "my referrer" in the waiver is not read as the note's
    assert not [f for f in report["findings"] if f["category"] in ("placeholder", "casual_tone") and f["line"] == 6]


def test_an_unknown_selector_suggests_the_near_one(tmp_path):
    waiver = "notelint: ignore[gift] -- the card is for the receptionist\n"
    report = as_json(tmp_path, NOTE.format(waiver=waiver, gift=GIFT))
    assert [f["message"] for f in report["findings"] if f["rule"] == "NL000"] == [
        "unknown rule or category 'gift'; did you mean 'gifts'?"
    ]


def test_an_unused_code_in_a_list_is_reported_like_a_single_unused_code(tmp_path):
    waiver = "notelint: ignore[NL601, NL1201] -- the card is for the receptionist\n"
    report = as_json(tmp_path, NOTE.format(waiver=waiver, gift=GIFT))
    assert [f["line"] for f in report["waived"]] == [7]
    assert [f["message"] for f in report["findings"] if f["rule"] == "NL000"] == [
        "waiver of NL1201 hides nothing in the paragraph after it"
    ]
