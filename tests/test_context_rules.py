"""Issue 17 item 6: rules that depend on the situation, on realistic notes."""
from __future__ import annotations

import pytest

from notelint.draft import parse_draft
from notelint.model import Severity


def lint(linter, text: str, **context: str):
    return linter.lint_text(parse_draft("note.txt", text, context or None))


def standing(report) -> dict[str, str]:
    return {f.rule: f.match for f in report.findings if f.severity is not Severity.INFO}


REFERRER = """\
Hi Priya,

I got the job! I signed the offer from Halvard Marine this morning, and I start on the 4th. Thank you for
referring me and for the mock interview the week before; your advice on the system-design round made all the
difference.

I've sent you a Starbucks gift card to say thanks. The next coffee is on me, too.

Best,
Sam
"""


def test_a_gift_card_to_a_referrer_after_the_offer_is_fine(linter):
    report = lint(linter, REFERRER, audience="referrer", stage="after-offer")
    assert not [f for f in report.findings if f.category == "gifts"]
    assert report.score.band == "ready"


def test_the_same_gift_to_an_interviewer_is_an_error_even_after_the_offer(linter):
    text = REFERRER.replace("Hi Priya,", "Dear Dr. Lindqvist,").replace(
        "Thank you for\nreferring me and for the mock interview the week before; your advice on the system-design round "
        "made all the\ndifference.", "Thank you for the offer.")
    for stage in ("after-offer", "interview"):
        report = lint(linter, text, audience="interviewer", stage=stage)
        assert "NL601" in standing(report), stage


REJECTION = """\
Dear Ms. Chen,

Thank you for letting me know, and for the time you and Marcus gave me. I was sorry to hear it, but I learned
a lot from the case study on the Reno depot's freezer outages.

I would welcome being considered for future roles on the analytics team, and I hope you will keep me in mind
when the forecasting position you mentioned opens next spring.

Best regards,
Jordan Reyes
"""


@pytest.mark.parametrize("context", [{"stage": "rejection"}, {}])
def test_asking_to_be_considered_for_future_roles_after_a_rejection_is_not_pushy(linter, context):
    report = lint(linter, REJECTION, **context)
    assert not [f for f in report.findings if f.category in ("pushy_follow_up", "desperation", "arrogance")]
    if not context:
        assert report.inferred["stage"].value == "rejection" and report.inferred["stage"].confident


@pytest.mark.parametrize("acceptance", [
    "Thank you for the offer; I am delighted to accept.",
    "I've signed and sent back the letter this morning.",
    "Yes to the offer, and thank you all!",
    "Please take this email as my formal acceptance.",
    "I accept! Thank you for believing in me.",
])
def test_when_i_start_is_planning_once_the_note_accepts_the_offer_however_worded(linter, acceptance):
    text = (f"Dear Ms. Okafor,\n\n{acceptance} When I start on the 4th, I'd like to sit in on the Atlas "
            f"stand-up first.\n\nBest regards,\nSam Lee")
    report = lint(linter, text)
    assert report.inferred["stage"].value == "after-offer" and report.inferred["stage"].confident
    assert "NL1002" not in standing(report)
    assert "NL1002" in standing(lint(linter, text, stage="interview"))  # before an offer, it presumes


def test_when_i_start_without_an_offer_is_presumption(linter):
    text = ("Dear Ms. Okafor,\n\nThank you for the interview. When I start, I'd like to sit in on the Atlas "
            "stand-up first.\n\nBest regards,\nSam Lee")
    assert standing(lint(linter, text))["NL1002"] == "When I start"


def test_an_invitation_accepted_is_not_an_offer(linter):
    text = ("Dear Ms. Okafor,\n\nI'd be happy to accept your invitation to a second interview. When I start, I'd "
            "like to sit in on the Atlas stand-up first.\n\nBest regards,\nSam Lee")
    report = lint(linter, text)
    assert report.inferred["stage"].confident is False and "NL1002" in standing(report)
