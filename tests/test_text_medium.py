"""`medium: text`: a short text or chat reply is judged as one, not as an email."""
from __future__ import annotations

from notelint.draft import parse_draft
from notelint.model import Severity

REPLY = "Thanks Dana, great to chat just now! I'm keen on the ops role, and Tuesday at 10 works for me. - Lee"


def lint(linter, body: str, **context: str):
    return linter.lint_text(parse_draft("reply.txt", body, context or None))


def warned(report) -> set[str]:
    return {f.category for f in report.findings if f.severity is not Severity.INFO}


def test_a_short_text_reply_to_a_recruiter_is_not_asked_for_interview_detail_greeting_or_signature(linter):
    report = lint(linter, REPLY, medium="text", stage="phone-screen", audience="recruiter")
    assert not warned(report) & {"specificity", "greeting_signoff"}
    assert report.score.band == "ready"


def test_the_same_words_as_an_email_still_lack_a_detail(linter):
    report = lint(linter, REPLY, medium="email", stage="phone-screen", audience="recruiter")
    assert "specificity" in warned(report)


def test_a_text_has_a_shorter_word_budget_than_an_email(linter):
    long_text = REPLY + " " + " ".join(["It was good to hear how the depot runs its night shifts."] * 10)
    assert "length" in warned(lint(linter, long_text, medium="text"))
    assert "length" not in warned(lint(linter, long_text, medium="email"))


def test_a_text_is_recognised_by_its_shape_and_the_report_says_so(linter):
    report = lint(linter, "Thanks Dana, good to meet you too! Tuesday at 10 works for me. - Lee")
    assert (report.inferred["medium"].value, report.inferred["medium"].rule) == ("text", "NL007")
    assert not warned(report) & {"specificity", "greeting_signoff"}


def test_an_email_is_recognised_by_its_subject_line(linter):
    report = lint(linter, "Subject: Thank you\n\nDear Ms. Okafor,\n\nThank you for the tour of the Atlas lab.\n\n"
                          "Best regards,\nJo Marsh")
    assert report.inferred["medium"].value == "email"


def test_a_short_email_without_greeting_or_sign_off_is_not_taken_for_a_text(linter):
    report = lint(linter, "Thank you for the interview today. I look forward to hearing from you.")
    assert "medium" not in report.inferred
    assert "greeting_signoff" in warned(report)


def test_x_and_a_name_closes_a_linkedin_message(linter):
    report = lint(linter, "Hi Sam, thanks so much for the intro to the design team today, it was lovely to meet "
                          "everyone and hear about the Atlas launch.\n\nx Jo", medium="linkedin")
    assert "greeting_signoff" not in warned(report)
