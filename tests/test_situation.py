"""Issue 17 items 1-2: the note's situation (to, company, role, dates, interview notes), from four sources,
shown with where each value came from; the writer's interview notes as a second input."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from notelint.cli import app

NOTE = """\
---
audience: interviewer
---
Dear Dr. Lindqvist,

Thank you for your time on Monday. I enjoyed learning about the team and the role, and I am keen to contribute.

Best regards,
Sam Lee
"""
NOTES = """\
# Halvard Marine, platform engineer
- Atlas migration: moving billing off the mainframe by Q3
- Kafka consumer lag on the invoice topic
- on-call rota; they want runbooks
"""


def check(*args: str, env: dict | None = None):
    return CliRunner().invoke(app, ["check", "--no-cache", *args], env=env)


@pytest.fixture
def application(tmp_path):
    folder = tmp_path / "halvard"
    folder.mkdir()
    (folder / "notelint.yaml").write_text(
        "to: Dr. Anneli Lindqvist\ncompany: Halvard Marine\nrole: Platform Engineer\n"
        "interview_date: 2026-03-02 14:00\nsend_date: 2026-03-02 17:30\n", encoding="utf-8")
    (folder / "note.txt").write_text(NOTE, encoding="utf-8")
    return folder


def test_the_context_file_front_matter_and_options_layer_and_each_value_says_where_it_came_from(application):
    (application / "note.txt").write_text(NOTE.replace("audience: interviewer", "audience: interviewer\nrole: Staff Engineer"))
    result = check(str(application / "note.txt"), "--context", "send_date=2026-03-03 09:15", "-f", "json")
    report = json.loads(result.stdout)["files"][0]
    assert report["situation"] == {"to": ["Dr. Anneli Lindqvist"], "company": "Halvard Marine", "role": "Staff Engineer",
                                   "interview_date": "2026-03-02T14:00", "send_date": "2026-03-03T09:15"}
    where = str(application / "notelint.yaml")
    assert report["context_sources"] == {"audience": "front matter", "to": where, "company": where,
                                         "role": "front matter", "interview_date": where, "send_date": "--context"}


def test_the_text_report_groups_the_context_by_source(application):
    result = check(str(application / "note.txt"))
    where = application / "notelint.yaml"
    assert (f"context: audience=interviewer (front matter); to=Dr. Anneli Lindqvist, company=Halvard Marine, "
            f"role=Platform Engineer, interview_date=2026-03-02T14:00, send_date=2026-03-02T17:30 ({where})") in result.stdout


def test_the_config_is_the_lowest_layer(application, tmp_path):
    (tmp_path / ".notelint.toml").write_text('[context]\ncompany = "Old Name"\nmedium = "card"\n', encoding="utf-8")
    (application / "notelint.yaml").write_text("company: Halvard Marine\n", encoding="utf-8")
    report = json.loads(check(str(application / "note.txt"), "-f", "json").stdout)["files"][0]
    assert report["situation"]["company"] == "Halvard Marine"
    assert report["context"]["medium"] == "card" and report["context_sources"]["medium"] == str(tmp_path / ".notelint.toml")


@pytest.mark.parametrize(("content", "message"), [
    ("to: Dr. Anneli Lindqvist\ncompny: Halvard\n", "notelint.yaml: compny: unknown key; did you mean 'company'?"),
    ("interview_date: 03/02/2026\n", "notelint.yaml: interview_date: '03/02/2026' is not an ISO date "
                                     "(write 2026-03-02, or 2026-03-02 14:30)"),
    ("stage: hired\n", "notelint.yaml: stage: 'hired' is not one of phone-screen, interview, after-offer, rejection"),
    ("to: [\n", "notelint.yaml: not valid YAML (line 2)"),
    ("- to\n", "notelint.yaml: expected a mapping of keys to values"),
    ("interview: missing-notes.md\n", "notelint.yaml: interview: missing-notes.md: no such file"),
    ("to: {first: Anneli}\n", "notelint.yaml: to: expected a name, or a list of names"),
])
def test_a_context_file_mistake_is_one_line_naming_the_file_and_key_said_once(application, content, message):
    (application / "notelint.yaml").write_text(content, encoding="utf-8")
    (application / "second.txt").write_text(NOTE, encoding="utf-8")
    result = check(str(application))
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.startswith("notelint: error:")]
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in result.output


@pytest.mark.parametrize(("option", "message"), [
    ("compnay=Halvard", "--context 'compnay=Halvard': expected key=value with key one of audience, stage, medium, "
                        "words, to, company, role, interview_date, send_date, interview; did you mean 'company'?"),
    ("send_date=next tuesday", "--context: send_date: 'next tuesday' is not an ISO date"),
])
def test_a_context_option_mistake_is_one_line(application, option, message):
    result = check(str(application / "note.txt"), "--context", option)
    assert result.exit_code == 2 and message in result.stderr


def test_a_bad_value_in_front_matter_names_the_draft_and_key(application):
    (application / "note.txt").write_text(NOTE.replace("audience: interviewer", "send_date: soon"))
    result = check(str(application / "note.txt"))
    assert result.exit_code == 2
    assert "note.txt: front matter: send_date: 'soon' is not an ISO date" in result.stderr


def test_several_interviewers_as_a_list_or_with_commas(application):
    (application / "notelint.yaml").write_text("to: [Dr. Anneli Lindqvist, Tom Reyes]\n", encoding="utf-8")
    report = json.loads(check(str(application / "note.txt"), "-f", "json").stdout)["files"][0]
    assert report["situation"]["to"] == ["Dr. Anneli Lindqvist", "Tom Reyes"]
    report = json.loads(check(str(application / "note.txt"), "-f", "json", "-c", "to=Ana Ruiz, Bo Li").stdout)["files"][0]
    assert report["situation"]["to"] == ["Ana Ruiz", "Bo Li"] and report["context_sources"]["to"] == "--context"


# --- interview notes --------------------------------------------------------------------------------


def test_with_interview_notes_a_note_that_recalls_none_of_them_is_told_which_it_could_mention(application):
    (application / "notes.md").write_text(NOTES, encoding="utf-8")
    result = check(str(application / "note.txt"), "--interview", str(application / "notes.md"))
    assert ("NL202 The note mentions nothing from your interview notes; it could mention 'Atlas migration', "
            "'Kafka consumer lag on the invoice topic' or 'on-call rota'") in result.stdout
    assert "NL201" not in result.stdout  # the notes replace the draft-alone measure


@pytest.mark.parametrize("sentence", [
    "I keep thinking about the Atlas cut-over you described.",
    "Migrating billing off a mainframe is the work I want to be doing.",
    "I have a few ideas for the consumer lagging behind on invoices.",
    "Your runbook problem is one I solved at my last job.",
])
def test_any_topic_counts_whatever_its_inflection(application, sentence):
    (application / "notes.md").write_text(NOTES, encoding="utf-8")
    (application / "note.txt").write_text(NOTE.replace("I enjoyed learning", sentence + " I enjoyed learning"))
    result = check(str(application / "note.txt"), "--interview", str(application / "notes.md"))
    assert "NL202" not in result.stdout


def test_the_names_of_the_reader_and_company_are_no_mention_of_a_topic(application):
    (application / "notes.md").write_text("- Anneli asked about Halvard Marine's hiring plans\n", encoding="utf-8")
    result = check(str(application / "note.txt"), "--interview", str(application / "notes.md"))
    assert "NL202" not in result.stdout  # nothing in the notes but names and stock words: nothing to ask for
    (application / "notes.md").write_text("- Anneli asked about Halvard Marine's fleet telemetry\n", encoding="utf-8")
    result = check(str(application / "note.txt"), "--interview", str(application / "notes.md"))
    assert "it could mention 'Anneli asked about Halvard Marine's fleet telemetry'" in result.stdout


def test_interview_notes_from_the_context_file_relative_to_it(application):
    (application / "notes.md").write_text(NOTES, encoding="utf-8")
    (application / "notelint.yaml").write_text("interview: notes.md\n", encoding="utf-8")
    result = check(str(application / "note.txt"), "-f", "json")
    report = json.loads(result.stdout)["files"][0]
    assert report["situation"]["interview"] == str(application / "notes.md")
    assert "NL202" in {f["rule"] for f in report["findings"]}


def test_a_missing_interview_notes_file_is_one_line():
    result = check("examples/good-note.txt", "--interview", "no-such-notes.md")
    assert result.exit_code == 2 and "--interview: no-such-notes.md: no such file" in result.stderr


def test_the_report_cache_knows_the_interview_notes_and_context_file(application, tmp_path):
    cache = ["--cache-dir", str(tmp_path / "cache")]
    notes = application / "notes.md"
    notes.write_text(NOTES, encoding="utf-8")
    first = CliRunner().invoke(app, ["check", *cache, str(application / "note.txt"), "--interview", str(notes)])
    assert "NL202" in first.stdout
    notes.write_text("- the team and the role\n- Monday\n", encoding="utf-8")  # nothing distinctive left
    second = CliRunner().invoke(app, ["check", *cache, str(application / "note.txt"), "--interview", str(notes)])
    assert "NL202" not in second.stdout
    (application / "notelint.yaml").write_text("company: Brightwater\n", encoding="utf-8")
    third = CliRunner().invoke(app, ["check", *cache, str(application / "note.txt")])
    assert "company=Brightwater" in third.stdout


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "github", "gitlab", "junit"])
def test_every_format_shows_the_context_and_where_it_came_from(application, output_format):
    (application / "note.txt").write_text(NOTE.replace("Dear Dr. Lindqvist,", "Hi Anneli,"), encoding="utf-8")
    result = check(str(application / "note.txt"), "-f", output_format)
    assert "Halvard Marine" in result.stdout and str(application / "notelint.yaml") in result.stdout
    assert "front matter" in result.stdout
