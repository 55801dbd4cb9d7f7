"""With no `to:` or `company:` stated, a note is checked against what the message it answers says:
the quoted sender, a "Re:" subject line, the note's own first naming of the reader and the company.
Each reading must hold only where it is sure: these are the cases a review found it unsure."""
from __future__ import annotations

import pytest

from notelint.draft import parse_draft

BODY = "Thank you for the interview on Tuesday and for the tour of the dispatch floor.\n\nBest,\nSam Lee\n"


def rules(linter, text: str, **context: str) -> dict[str, list[str]]:
    report = linter.lint_text(parse_draft("note.txt", text, {"stage": "interview", **context}))
    found: dict[str, list[str]] = {}
    for f in report.findings:
        found.setdefault(f.rule, []).append(f.match)
    return found


def test_a_reply_s_quoted_sender_is_the_reader_whose_name_the_greeting_misspells(linter):
    text = ("Hi Siobahn,\n\n" + BODY + "\n> On Thu, Dec 3, 2026 at 9:02 AM Siobhan MacNeil wrote:\n>\n"
            "> Great to meet you.\n>\n> Siobhan MacNeil\n")
    assert rules(linter, text)["NL1701"] == ["Siobahn"]


def test_the_title_the_quoted_sender_signs_with_is_theirs(linter):
    text = ("Dear Mr Whelan,\n\n" + BODY + "\n-----Original Message-----\nFrom: Niamh Whelan <n@example.com>\n"
            "Sent: 24 November 2026 17:05\nSubject: Interview\n\nDear Sam,\n\nSee you Wednesday.\n\n"
            "Best wishes,\nDr Niamh Whelan\nClinical Director\n")
    assert rules(linter, text)["NL1702"] == ["Mr Whelan"]


@pytest.mark.parametrize("subject, greeting", [
    ("Subject: Re: Interview", "Dear Ren,"),
    ("Subject: Re: Interview confirmation - Monday 10am", "Dear Mona,"),
    ("Subject: Re: Interview - Marketing Manager", "Dear Marketa,"),
])
def test_a_re_subject_s_weekdays_and_job_titles_are_not_people(linter, subject, greeting):
    assert "NL1701" not in rules(linter, f"{subject}\n\n{greeting}\n\n{BODY}")


def test_a_re_subject_under_header_lines_is_still_read(linter):
    text = ("To: Katharine Makela <k@example.com>\nSubject: Re: Interview schedule - Thursday 10:00 with "
            f"Katharine Makela\n\nDear Catherine,\n\n{BODY}")
    assert rules(linter, text)["NL1701"] == ["Catherine"]


def test_the_writer_s_own_from_header_is_not_the_reader(linter):
    text = f"From: Joanna Lee <jo@example.com>\nSubject: Thank you\n\nDear Joanne,\n\n{BODY}".replace("Sam Lee", "Jo")
    assert "NL1701" not in rules(linter, text)


def test_a_forward_quoted_in_angle_lines_has_no_reader_in_it(linter):
    text = (f"Dear Ms. Park,\n\n{BODY}\n> ---------- Forwarded message ---------\n"
            "> From: Dr Sam Parks <sam@example.com>\n> Subject: Candidates\n>\n> Here is the shortlist.\n")
    assert "NL1701" not in rules(linter, text)


def test_the_reader_s_name_spelled_two_ways_is_one_finding_on_the_slip(linter):
    text = ("Dear Ms. Kowalczyk,\n\nThank you for Wednesday and the payroll walkthrough. Ms. Kowalzcyk, I also "
            "want to thank you for the candid answer about overtime.\n\nBest,\nRohan\n")
    assert rules(linter, text)["NL1701"] == ["Kowalzcyk"]


@pytest.mark.parametrize("body", [
    "Dr. Chan's question about the night rota was a good one.",  # another panellist, a short name
    "Please pass my thanks to Mr. Patil for the tour.",
    "Mr. Parker's walk through the depot was useful.",
    'The sign said "Ms. Kowalzcyk\'s office", which made me smile.',  # quoted words
])
def test_a_similar_name_of_someone_else_is_not_a_misspelling(linter, body):
    greeting = "Dear Ms. Kowalczyk," if "Kowal" in body else "Dear Dr. Chen," if "Chan" in body else (
        "Dear Mr. Patel," if "Patil" in body else "Dear Ms. Park,")
    assert "NL1701" not in rules(linter, f"{greeting}\n\nThank you for Tuesday. {body}\n\nBest,\nSam\n")


@pytest.mark.parametrize("text", [
    "Subject: Interview follow-up, Dana Park\n\nDear Ms. Park,\n\nThank you for Tuesday. I'd love to join the "
    "team at Brightwater.\n\nBest,\nSam\n",
    'Dear Ms. Park,\n\nThank you for Tuesday. My mentor once told me "the team at Severnside is the best", but '
    "I'd love to join the team at Brightwater.\n\nBest,\nSam\n",
    "Dear Ms. Park,\n\nThank you for Tuesday and for the tour of the associate role at Dr. Patel's practice. I'd "
    "love to join the team at Brightwell Dental.\n\nBest,\nSam\n",
    # the team a job title names after its comma is not a company
    "Subject: Re: Offer - Product Manager, Payments\n\nHi Lewis,\n\nThank you for the offer. Before I sign, "
    "could we talk about the base? I'd love to start at Corvel in April.\n\nBest,\nNaomi\n",
])
def test_a_person_a_quotation_or_a_title_is_not_a_second_company(linter, text):
    assert "NL1709" not in rules(linter, text)


def test_words_that_keep_a_rule_quiet_do_not_count_inside_quotation_marks(linter):
    quoted = ('Dear Ms. Park,\n\nThank you for the interview today. You said "any update on the decision will '
              "come by Friday\", and I'd love to join the team.\n\nBest,\nSam\n")
    assert "NL201" in rules(linter, quoted)


def test_a_note_that_mentions_the_next_call_is_still_an_after_interview_note(linter):
    found = rules(linter, "Dear Ms. Park,\n\nThank you for the interview today. I look forward to the call "
                          "next week.\n\nBest,\nSam\n")
    assert "NL201" in found and "NL401" in found


def test_a_plain_quick_thank_you_is_not_a_text_message(linter):
    report = linter.lint_text(parse_draft("note.txt", "Quick thank you for meeting me today about the analyst "
                                          "role. I'd love to join the team.\n\nBest,\nSam\n"))
    assert report.inferred.get("medium") is None or report.inferred["medium"].value != "text"
    assert "NL501" in {f.rule for f in report.findings}


def test_a_slot_as_the_first_word_does_not_stand_for_a_greeting(linter):
    found = rules(linter, "[Company Name] is where I want to build my career. Thank you for the interview.\n\n"
                          "Best,\nSam\n")
    assert "NL1201" in found and "NL501" in found


def test_a_long_blank_line_in_a_quoted_message_is_read_in_one_pass(linter):
    text = f"Dear Ms. Park,\n\n{BODY}\n-----Original Message-----\nFrom: Dana Park" + " " * 100_000 + "x\n"
    assert "NL1701" not in rules(linter, text)


OUTLOOK_QUOTE = ("\n\n-----Original Message-----\nFrom: Ingrid Solberg <ingrid.solberg@{domain}>\n"
                 "Sent: Monday, 30 November 2026 13:20\nTo: Lukas Meyer <lukas.meyer@posteo.de>\n"
                 "Subject: Interview - Transport Planner\n\nHi Lukas,\n\n{quoted}\n\nBest,\nIngrid\n")
REUSED = ("Dear Ingrid,\n\nThank you for meeting with me on Wednesday and for the backhaul problem you described. "
          "I would be thrilled to join the team at {company} and look forward to next steps.\n\nBest regards,\nLukas")


@pytest.mark.parametrize("domain, quoted", [
    ("halvorsen-logistics.no", "Confirming your interview at Halvorsen Logistics on Wednesday at 10:00."),
    ("halvorsen-logistics.no", "Confirming your interview on Wednesday at 10:00."),  # the sender's domain says it
    ("gmail.com", "Confirming your interview at Halvorsen Logistics on Wednesday at 10:00."),
])
def test_a_reused_note_that_names_another_company_than_the_message_it_answers(linter, domain, quoted):
    text = REUSED.format(company="Meridian Freight") + OUTLOOK_QUOTE.format(domain=domain, quoted=quoted)
    assert rules(linter, text)["NL1709"] == ["Meridian Freight"]


@pytest.mark.parametrize("company, domain, quoted", [
    ("Halvorsen Logistics", "halvorsen-logistics.no", "Confirming your interview on Wednesday at 10:00."),
    ("Halvorsen", "hl.no", "Confirming your interview at Halvorsen Logistics on Wednesday at 10:00."),
    ("Brightline Consulting", "brightlineconsulting.com", "Confirming your interview on Wednesday."),
    ("Kestrel Freight", "kf.co.uk", "Confirming your interview on Wednesday."),  # initials
    ("Meridian Freight", "hays.com", "My client Meridian Freight confirms your interview on Wednesday."),  # an agency
    ("Fenwick Road", "barracloughstudio.co.uk", "Thank you for coming in last week."),  # a street, not a company
])
def test_the_company_the_quoted_sender_works_for_is_not_a_second_company(linter, company, domain, quoted):
    text = REUSED.format(company=company) + OUTLOOK_QUOTE.format(domain=domain, quoted=quoted)
    assert "NL1709" not in rules(linter, text)
