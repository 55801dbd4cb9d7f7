"""Issue 17 items 3-4: the note names the right person and company, and goes out at a good time."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from notelint.cli import app
from notelint.kinds.timing import business_days_between
from notelint.model import Severity
from notelint.situation import for_example

LINDQVIST = """\
Dear Mr. Lindquist,

Thank you for showing me how the Atlas migration moves billing off the mainframe. The dual-write phase you
sketched on the whiteboard is the part I would most like to work on, and I'd be glad to help the team at
Northwind Logistics get there.

Best regards,
Sam Lee
"""


def lint(linter, text: str, **context):
    return linter.lint_text(for_example(text, context))


def rules_of(report) -> dict[str, str]:
    return {f.rule: f.match for f in report.findings}


def test_a_misspelt_interviewer_and_a_leftover_company_are_errors(linter):
    report = lint(linter, LINDQVIST, to="Dr. Anneli Lindqvist", company="Halvard Marine", stage="interview")
    found = rules_of(report)
    assert found["NL1701"] == "Lindquist" and found["NL1705"] == "Northwind Logistics"
    assert "NL1704" not in found  # a misspelling is not someone else
    assert {f.severity for f in report.findings if f.rule in ("NL1701", "NL1705")} == {Severity.ERROR}
    [spelling] = [f for f in report.findings if f.rule == "NL1701"]
    assert spelling.message == "'Lindquist' is not how Dr. Anneli Lindqvist spells it: 'Lindqvist'"


def test_without_the_situation_the_same_note_is_not_judged_on_names(linter):
    assert not {"NL1701", "NL1705"} & set(rules_of(lint(linter, LINDQVIST)))


@pytest.mark.parametrize(("greeting", "rule", "match"), [
    ("Hi Anneli,", "NL1702", "Anneli"),
    ("Dear Ms. Lindqvist,", "NL1702", "Ms. Lindqvist"),
    ("Dear Hiring Manager,", "NL1703", "Dear Hiring Manager,"),
    ("To whom it may concern,", "NL1703", "To whom it may concern,"),
    ("Dear Ms. Okafor,", "NL1704", "Ms. Okafor"),
])
def test_the_greeting_must_name_the_reader_as_they_introduced_themselves(linter, greeting, rule, match):
    text = LINDQVIST.replace("Dear Mr. Lindquist,", greeting).replace(" at\nNorthwind Logistics", "")
    found = rules_of(lint(linter, text, to="Dr. Anneli Lindqvist"))
    assert found.get(rule) == match
    assert "NL1202" not in found and "NL501" not in found  # one finding for one problem


@pytest.mark.parametrize("greeting", ["Dear Dr. Lindqvist,", "Dear Anneli Lindqvist,", "Dear Dr. Lindqvist and Mr. Reyes,"])
def test_a_right_greeting_passes(linter, greeting):
    text = LINDQVIST.replace("Dear Mr. Lindquist,", greeting)
    found = rules_of(lint(linter, text, to=["Dr. Anneli Lindqvist", "Tom Reyes"], company="Northwind Logistics"))
    assert not {c for c in found if c.startswith("NL17")}


def test_the_writers_own_employer_is_no_leftover(linter):
    text = LINDQVIST.replace("and I'd be glad to help the team at\nNorthwind Logistics get there.",
                             "and my years at Northwind Logistics taught me how.")
    assert "NL1705" not in rules_of(lint(linter, text, company="Halvard Marine"))


# --- timing -------------------------------------------------------------------------------------------

NOTE = "Dear Dr. Lindqvist,\n\nThank you for walking me through the Atlas migration.\n\nBest regards,\nSam Lee\n"


def test_a_note_sent_nine_days_late_is_a_warning_that_counts_working_days(linter):
    report = lint(linter, NOTE, interview_date="2026-03-02", send_date="2026-03-11", stage="interview")
    [late] = [f for f in report.findings if f.rule == "NL1801"]
    assert late.severity is Severity.WARNING
    assert late.message == "The note goes out 7 business days after the interview (9 days); send it within one"


@pytest.mark.parametrize(("interview", "sent", "flagged"), [
    ("2026-03-06", "2026-03-09", False),  # Friday to Monday: one working day
    ("2026-03-02", "2026-03-03", False),
    ("2026-03-02", "2026-03-04", True),
    ("2026-03-02", "2026-02-27", False),  # written ahead of the interview
])
def test_late_means_more_than_one_working_day(linter, interview, sent, flagged):
    report = lint(linter, NOTE, interview_date=interview, send_date=sent)
    assert ("NL1801" in rules_of(report)) is flagged


def test_business_days():
    from datetime import date

    assert business_days_between(date(2026, 3, 6), date(2026, 3, 9)) == 1
    assert business_days_between(date(2026, 3, 2), date(2026, 3, 11)) == 7


def test_minutes_after_the_interview_or_at_night_is_an_info(linter):
    soon = lint(linter, NOTE, interview_date="2026-03-02 15:00", send_date="2026-03-02 15:12")
    night = lint(linter, NOTE, interview_date="2026-03-02 15:00", send_date="2026-03-03 01:40")
    assert [f.severity for f in soon.findings if f.rule == "NL1802"] == [Severity.INFO]
    assert [f.message for f in night.findings if f.rule == "NL1803"] == [
        "The note goes out at 2026-03-03 01:40, in the middle of the night; schedule it for the morning"]


def test_without_a_send_date_the_clock_decides_and_is_injectable(tmp_path):
    draft = tmp_path / "note.txt"
    draft.write_text("---\ninterview_date: 2026-03-02 14:00\n---\n" + NOTE, encoding="utf-8")
    late = CliRunner().invoke(app, ["check", str(draft), "--now", "2026-03-12T10:00"])
    assert "NL1801 The note goes out 8 business days" in late.stdout
    assert "send_date=2026-03-12T10:00 (now)" in late.stdout
    on_time = CliRunner().invoke(app, ["check", str(draft)], env={"NOTELINT_NOW": "2026-03-02T18:00"})
    assert "NL1801" not in on_time.stdout and "(now (NOTELINT_NOW))" in on_time.stdout
    # the cache never serves a report judged against the clock
    again = CliRunner().invoke(app, ["check", str(draft)], env={"NOTELINT_NOW": "2026-03-20T09:00"})
    assert "NL1801 The note goes out 14 business days" in again.stdout
