"""A note read as a reader reads it: parts found once, quoted replies and headers never linted, the
letterhead not measured as prose."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from notelint.draft import parse_draft
from notelint.model import Severity
from notelint.parts import find

NOTE = (
    "Hi Dana,\n\nThank you for walking me through the Atlas billing migration on Tuesday. The plan to move "
    "invoices onto event streams is the work I want to be doing, and I'd love to help the team ship it.\n\n"
    "Best regards,\nSam Lee\n"
)
# an earlier message under a reply, as each common mail client writes it; it has every problem there is
BAD_QUOTE = (
    "Hey!! thx 4 ur time lol. I've sent you a gift basket and I'll call you Friday. "
    "Sent you a LinkedIn request too. [Company Name]\n"
)
QUOTES = {
    "gmail": f"On Fri, 14 Nov 2025 at 10:02, Dana Reyes <dana@atlas.example> wrote:\n> {BAD_QUOTE}>\n> Dana\n",
    "gmail wrapped": f"On Fri, 14 Nov 2025 at 10:02, Dana Reyes <\ndana@atlas.example> wrote:\n\n{BAD_QUOTE}",
    "apple mail": f"On 14 Nov 2025, at 10:02, Dana Reyes <dana@atlas.example> wrote:\n\n{BAD_QUOTE}",
    "outlook": f"-----Original Message-----\nFrom: Dana Reyes\nSent: Friday, November 14, 2025 10:02 AM\n"
               f"To: Sam Lee\nSubject: Next steps\n\n{BAD_QUOTE}",
    "outlook web": f"________________________________\nFrom: Dana Reyes <dana@atlas.example>\n"
                   f"Sent: Friday, November 14, 2025 10:02\nTo: Sam Lee\nSubject: Next steps\n\n{BAD_QUOTE}",
    "outlook, no rule": f"From: Dana Reyes <dana@atlas.example>\nSent: Friday, November 14, 2025 10:02\n"
                        f"To: Sam Lee\nSubject: Next steps\n\n{BAD_QUOTE}",
    "gmail forward": f"---------- Forwarded message ---------\nFrom: Dana Reyes <dana@atlas.example>\n"
                     f"Date: Fri, 14 Nov 2025\nSubject: Next steps\n\n{BAD_QUOTE}",
    "apple forward": f"Begin forwarded message:\n\nFrom: Dana Reyes\nSubject: Next steps\n\n{BAD_QUOTE}",
    # the same clients in other languages: the sender's name after the verb in Dutch and German
    "gmail, dutch": f"Op vr 14 nov 2025 om 10:02 schreef Dana Reyes <dana@atlas.example>:\n> {BAD_QUOTE}>\n> Dana\n",
    "gmail, german": f"Am Fr., 14. Nov. 2025 um 10:02 Uhr schrieb Dana Reyes <dana@atlas.example>:\n\n{BAD_QUOTE}",
    "apple mail, french": f"Le 14 nov. 2025 à 10:02, Dana Reyes <dana@atlas.example> a écrit :\n\n{BAD_QUOTE}",
}


def lint(linter, body: str, **context: str):
    return linter.lint_text(parse_draft("note.txt", body, context or None))


@pytest.mark.parametrize("client", sorted(QUOTES))
def test_a_quoted_earlier_message_is_never_linted_and_the_reply_keeps_its_sign_off(linter, client):
    report = lint(linter, NOTE + "\n" + QUOTES[client])
    last_line_of_reply = NOTE.count("\n")
    assert [(f.rule, f.start.line) for f in report.findings if f.start.line > last_line_of_reply] == []
    assert not [f for f in report.findings if f.severity is not Severity.INFO], report.findings
    assert report.score.band == "ready"


def test_quoted_lines_inside_a_reply_are_not_the_writer_s(linter):
    body = NOTE.replace("Best regards,", "> I'll call you Friday, thx!!\nBest regards,")
    report = lint(linter, body)
    assert not [f for f in report.findings if f.category in ("pushy_follow_up", "casual_tone")]


def test_the_note_quoting_a_reply_format_at_its_top_is_still_read(linter):
    body = "On Tuesday you wrote: that I should call you Friday.\n\n" + NOTE
    assert find(body).hidden == ()


LETTER = (
    "Edwin Richards\n462 Home St.\nNew York, NY 25435\n(123) 456-0987\n\nMr. Ronald Smith\nSenior Human Resources "
    "Manager\nInternational Company Corp.\n1 ICC Ln.\nHouston, TX 78682\n\nDear Mr. Smith,\n\n"
    "Thank you for interviewing me yesterday for the project manager position and for the detail on the "
    "GreenTech acquisition. I would be glad to help fold its renewable projects into your portfolio.\n\n"
    "Sincerely,\nEdwin Richards\n"
)


def test_a_letterhead_is_a_part_and_is_not_measured_or_read_as_the_greeting(linter):
    parts = find(LETTER)
    assert LETTER[parts.letterhead.start:parts.letterhead.end].startswith("Edwin Richards\n462 Home St.")
    assert LETTER[parts.greeting.start:parts.greeting.end] == "Dear Mr. Smith,"
    assert LETTER[parts.closing.start:parts.closing.end] == "Sincerely,"
    assert LETTER[parts.signature.start:parts.signature.end] == "Edwin Richards"
    report = lint(linter, LETTER)
    assert not [f for f in report.findings if f.category in ("greeting_signoff", "length", "spelling", "casual_tone")]


def test_a_slot_in_the_letterhead_is_still_a_template_leftover(linter):
    report = lint(linter, LETTER.replace("462 Home St.", "[Your Address]"))
    assert [(f.rule, f.match) for f in report.findings if f.category == "placeholder"] == [("NL1201", "[Your Address]")]


def test_subject_greeting_closing_signature_and_postscript():
    text = ("Subject: Thank you for Tuesday\n\nDear Ms. Okafor,\n\nThank you for the tour.\n\nWarm regards,\n"
            "Amara Lee\n555-0100\n\nP.S. The article on triage boards I mentioned is attached.\n")
    parts = find(text)
    named = {name: text[getattr(parts, name).start:getattr(parts, name).end]
             for name in ("subject", "greeting", "closing", "signature", "postscript")}
    assert named == {
        "subject": "Subject: Thank you for Tuesday",
        "greeting": "Dear Ms. Okafor,",
        "closing": "Warm regards,",
        "signature": "Amara Lee\n555-0100",
        "postscript": "P.S. The article on triage boards I mentioned is attached.",
    }
    assert parts.part_of(text.index("the tour")) == "body"


@settings(max_examples=60, deadline=None)
@given(reply=st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=200),
       client=st.sampled_from(sorted(QUOTES)))
def test_no_finding_ever_lies_inside_a_quoted_block(linter, reply, client):
    body = f"Hi Dana,\n\n{reply}\n\nBest,\nSam\n\n"
    if not body.replace("\n", "").strip() or "notelint" in reply.lower():
        return
    text = body + QUOTES[client]
    quoted_from_line = body.count("\n") + 1
    draft = parse_draft("note.txt", text)
    if not draft.parts.hidden:
        return  # the reply itself looked like a quote header, so nothing is quoted after it
    first_hidden_line = draft.position(draft.body_start + draft.parts.hidden[-1].start).line
    assert first_hidden_line <= quoted_from_line
    for finding in linter.lint_text(draft).findings:
        assert finding.start.line < first_hidden_line, finding


def test_a_draft_of_quoted_text_alone_is_one_line_and_exit_2():
    from typer.testing import CliRunner

    from notelint.cli import app

    result = CliRunner().invoke(app, ["check", "--no-cache", "-"], input="> I'll call you Friday\n> Dana\n")
    assert result.exit_code == 2
    assert result.stderr == ("notelint: error: <stdin>: the draft has no note of its own: only quoted text, headers "
                             "or waiver lines\n")


def greeting_and_rules(linter, body: str) -> tuple[str, list[str]]:
    """The greeting as parts.py finds it, and the rules that fire on the note."""
    parts = find(body)
    greeting = body[parts.greeting.start:parts.greeting.end] if parts.greeting else ""
    return greeting, [f.rule for f in lint(linter, body).findings]


def test_a_greeting_run_into_the_body_when_the_line_breaks_were_lost_is_still_the_greeting(linter):
    """Published letters often lose their line breaks: "Dear Mr./Ms. Ortiz, Thank you for ..." on one line."""
    body = ("Jo Park\n12 Elm Road\nSpringfield\n\nDear Mr./Ms. Ortiz, Thank you for today's interview for the "
            "analyst position. I enjoyed hearing how your team reconciles the Atlas ledgers every Friday, and I "
            "would welcome the chance to join it.\n\nSincerely,\nJo Park\n")
    greeting, rules = greeting_and_rules(linter, body)
    assert greeting == "Dear Mr./Ms. Ortiz," and "NL501" not in rules
    letterhead = find(body).letterhead
    assert body[letterhead.start:letterhead.end].startswith("Jo Park")


def test_a_sign_off_with_its_slots_on_one_line_is_one_template_problem(linter):
    """"Sincerely, [Your Name] [Your Email]": the slots are the leftover; the sign-off is there."""
    body = ("Dear Ms. Chen,\n\nThank you for walking me through the Atlas billing migration. I'd love to help "
            "ship it.\n\nSincerely, [Your Name] [Your Email] [Your Phone Number]\n")
    parts = find(body)
    assert body[parts.closing.start:parts.closing.end].strip() == "Sincerely,"
    assert body[parts.signature.start:parts.signature.end] == "[Your Name] [Your Email] [Your Phone Number]"
    rules = [f.rule for f in lint(linter, body).findings]
    assert "NL502" not in rules and rules.count("NL1201") == 3


def test_a_greeting_straight_under_a_long_subject_line_is_still_the_greeting(linter):
    """A subject line ends no sentence: "Subject: Thank you for the interview for [Job Title]" heads the note."""
    body = ("Subject: Thank you for the opportunity to interview for the analyst position at Atlas\n"
            "Dear [Interviewer's Name],\nThank you for walking me through the Atlas billing migration. I'd love "
            "to help ship it.\nBest regards,\nJo Park\n")
    greeting, rules = greeting_and_rules(linter, body)
    assert greeting == "Dear [Interviewer's Name]," and "NL1201" in rules and "NL501" not in rules


def test_a_casual_greeting_run_into_a_long_first_sentence_is_one_finding(linter):
    """"Hey @dana, I'm not sure ..." has a greeting, a casual one: NL1301 says so, NL501 does not add 'no greeting'."""
    body = ("Hey @dana , I'm not sure it is the usual thing to send a thank-you note as a pull request, but I "
            "figured it was worth a try after our talk about the Atlas billing migration yesterday.\n\n"
            "I'd love to help ship it.\n\nBest,\nJo\n")
    rules = [f.rule for f in lint(linter, body).findings]
    assert "NL1301" in rules and "NL501" not in rules


@pytest.mark.parametrize("signature", ["(Pen-written signature here)\n\nYour name typed here", "Typed name"])
def test_a_signature_left_as_the_template_s_label_is_a_slot_not_a_missing_name(linter, signature):
    body = ("Dear Ms. Chen,\n\nThank you for the offer of the analyst post; I am pleased to accept it and will "
            f"start on 3 March as we agreed.\n\nSincerely,\n\n{signature}\n")
    rules = [f.rule for f in lint(linter, body).findings]
    assert "NL1201" in rules and "NL502" not in rules


PASTED = (
    "I enjoyed hearing how the Atlas team moved invoicing onto event streams, and how the cut-over weekend went "
    "with only two people on call.",
    "The plan for the reconciliation service is the part I keep thinking about; it is close to what I built at "
    "Norland, where we halved the month-end close by replaying events instead of running batch jobs overnight.",
    "I would love to help the team ship it, and I am happy to send the notes I kept from that project if they "
    "would be useful before the next round.",
)


def test_a_letter_pasted_with_one_paragraph_per_line_is_not_one_wall_of_text(linter):
    """Web pages lose the blank lines between paragraphs: lines longer than any editor wraps are paragraphs."""
    body = "Dear Ms. Reyes,\nThank you for Tuesday's interview.\n" + "\n".join(PASTED) + "\nBest regards,\nSam Lee\n"
    assert "NL102" not in [f.rule for f in lint(linter, body).findings]


def test_the_same_words_as_one_paragraph_are_still_a_wall_of_text(linter):
    body = "Dear Ms. Reyes,\n\nThank you for Tuesday's interview. " + " ".join(PASTED) + " " + " ".join(PASTED) + \
        "\n\nBest regards,\nSam Lee\n"
    assert "NL102" in [f.rule for f in lint(linter, body).findings]


def test_a_hard_wrapped_paragraph_stays_one_paragraph():
    from notelint.metrics import paragraphs

    wrapped = "Thank you for the interview.\nI enjoyed it a great deal, and the\nteam was kind.\n"
    assert len(paragraphs(wrapped)) == 1
    unwrapped = "Thank you for the interview. " + "I enjoyed it a great deal, and the team was kind. " * 2 + \
        "\nIt was the best afternoon of my week.\n"
    assert [unwrapped[s.start:s.end][:8] for s in paragraphs(unwrapped)] == ["Thank yo", "It was t"]
