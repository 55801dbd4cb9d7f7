"""A guess about the situation never silences an error: only a confident guess softens a finding, and says so."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from notelint.cli import app
from notelint.draft import parse_draft
from notelint.model import Severity


def lint(linter, body: str, **context: str):
    return linter.lint_text(parse_draft("note.txt", body, context or None))


def standing(report) -> set[str]:
    """Rule codes reported as errors or warnings."""
    return {f.rule for f in report.findings if f.severity is not Severity.INFO}


GIFT_AND_CALL = "I've sent you a Starbucks gift card to say thanks, and I'll call you on Friday to follow up."


def note(opening: str) -> str:
    return (f"Dear Ms. Okafor,\n\n{opening} I enjoyed hearing about the Atlas billing migration, and I'm keen to "
            f"help with it.\n\n{GIFT_AND_CALL}\n\nBest regards,\nSam Lee")


@pytest.mark.parametrize("opening", [
    "Thank you for the offer of a second interview next week.",
    "Thank you for the offer to meet the rest of the team on Monday.",
    "Thanks for your kind offer of help with my portfolio.",
    "Thank you for the offer of coffee after the interview.",
    "I have a job offer from another company, but this is the role I want.",
    "Thank you for referring me to the hiring team.",
    "Thank you for interviewing me today, and for your referral to the data team last month.",
])
def test_an_offer_of_something_else_or_a_referral_inside_an_interview_note_silences_nothing(linter, opening):
    report = lint(linter, note(opening))
    assert {"NL601", "NL801"} <= standing(report)
    assert report.score.band != "ready"
    assert all(i.confident is False for i in report.inferred.values())


def test_the_unsure_guess_is_shown_with_its_reason_and_not_used():
    result = CliRunner().invoke(app, ["check", "--no-cache", "-"],
                                input=note("Thank you for the offer of a second interview next week."))
    assert "stage=after-offer? (line 3 suggests it, but 'offer of a second interview' on line 3" in result.output
    assert "Ready to send" not in result.output
    assert result.exit_code == 1


REFERRER_AFTER_THE_OFFER = (
    "Hi Mo,\n\nI got the job! Thank you so much for referring me; your good word made all the difference.\n\n"
    "I've sent you a Starbucks gift card to say thanks.\n\nBest,\nSam"
)


def test_a_confident_guess_softens_a_gift_to_an_info_that_says_what_was_allowed_and_why(linter):
    report = lint(linter, REFERRER_AFTER_THE_OFFER)
    assert report.inferred["stage"].confident and report.inferred["audience"].confident
    [gift] = [f for f in report.findings if f.rule == "NL601"]
    assert gift.severity is Severity.INFO
    assert gift.allowed_because == (
        "line 3 suggests this note is about an offer; if it is not, set `stage: interview`"
    )
    assert report.score.advice.startswith("Ready to send only if notelint read the situation right")


def test_stating_the_situation_the_guess_assumed_clears_the_info_and_stating_another_restores_the_error(linter):
    stated = lint(linter, REFERRER_AFTER_THE_OFFER, stage="after-offer", audience="referrer")
    assert not [f for f in stated.findings if f.rule == "NL601"]
    restored = lint(linter, REFERRER_AFTER_THE_OFFER, stage="interview", audience="interviewer")
    assert "NL601" in standing(restored)


def test_the_allowed_note_is_printed_under_the_finding():
    result = CliRunner().invoke(app, ["check", "--no-cache", "-"], input=REFERRER_AFTER_THE_OFFER)
    assert "allowed: line 3 suggests this note is about an offer; if it is not, set `stage: interview`" in result.output


# Context hints: once a note, only where stating the context would clear the finding, never against the note

MANY_FINDINGS = (
    "Hey Dana,\n\nthx for the chat!! I've sent you some cookies and I'll call you Friday. "
    "I sent you a LinkedIn request too.\n\nSam"
)


def test_a_context_hint_is_given_once_a_note(linter):
    report = lint(linter, MANY_FINDINGS)
    hints = [f.context_hint for f in report.findings if f.context_hint]
    assert hints, "some finding here would be cleared by stating who the note is to"
    assert len(hints) == len(set(hints))


def test_no_hint_suggests_a_situation_the_note_contradicts(linter):
    body = ("Dear Ms. Okafor,\n\nThank you for the phone screen this morning about the analyst role. "
            f"{GIFT_AND_CALL}\n\nBest regards,\nSam Lee")
    report = lint(linter, body)
    assert report.inferred["stage"].value == "phone-screen"
    assert not any("stage:" in (f.context_hint or "") for f in report.findings)


def test_a_hint_appears_only_under_a_finding_it_would_clear(linter, rules):
    by_code = {r.code: r for r in rules if r.REPORTS}
    report = lint(linter, MANY_FINDINGS)
    for finding in report.findings:
        if finding.context_hint:
            key, value = finding.context_hint.rsplit("set `", 1)[1].rstrip("`").split(": ")
            from notelint import guards
            assert not guards.applies(by_code[finding.rule].context, {key: value})
