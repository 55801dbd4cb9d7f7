"""The dates a note gives itself: the date line of a letter or card, and the day of the interview it thanks for.

A letter dated "24 March 2026" that thanks the reader "for meeting me on Monday 9 March" says when it
goes out and when the interview was, as `send_date` and `interview_date` would. Both must be
written in the note, the letter's date on a line of its own above the greeting, with a year, and
the interview's date close after a word for the meeting; anything less is not read, so a note's
timing is never judged against the clock on a guess.
"""
from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

MONTHS = {name: number for number, names in enumerate((
    "january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul", "august aug",
    "september sept sep", "october oct", "november nov", "december dec"), start=1) for name in names.split()}
MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)"
ORDINAL = r"(?:st|nd|rd|th)?"
# "9 March", "Monday 9 March 2026", "the 9th of March"; "March 9", "Monday, March 9th, 2026"
DATE = (rf"(?:{WEEKDAY}?(?:the\s+)?(?P<d1>\d{{1,2}}){ORDINAL}(?:\s+of)?\s+(?P<m1>{MONTH})\.?(?:,?\s+(?P<y1>\d{{4}}))?"
        rf"|{WEEKDAY}?(?P<m2>{MONTH})\.?\s+(?P<d2>\d{{1,2}}){ORDINAL}(?:,?\s+(?P<y2>\d{{4}}))?)")
DATE_LINE = re.compile(rf"(?i)[ \t]*(?:{DATE})[ \t]*")
# "for meeting me on Monday 9 March", "our interview on 14 October", "the conversation last Tuesday, 3 June"
INTERVIEW_DATE = re.compile(
    rf"(?i)\b(?:interview(?:ed|ing)?|meeting|met|meet|conversation|speaking|spoke|talking|visit|call|chat|panel)\b"
    rf"[^.!?\n]{{0,40}}?\bon\s+(?:{DATE})\b")


# working days: a letter's date may be when it was written, and a card takes days in the post, so a date
# read from the note counts as late only a working week after the interview
CLEARLY_LATE = 5


class NoteDates(NamedTuple):
    sent: date
    interview: date


def _date(match: re.Match, year: int | None) -> date | None:
    day, month = match.group("d1") or match.group("d2"), match.group("m1") or match.group("m2")
    written_year = match.group("y1") or match.group("y2")
    try:
        return date(int(written_year) if written_year else year or 1, MONTHS[month.lower().rstrip(".")], int(day))
    except ValueError:
        return None  # "31 February"


def read(text: str, greeting_start: int) -> NoteDates | None:
    """The letter's own date and the interview's, when the note writes both; None otherwise."""
    sent = None
    for line in text[:greeting_start].splitlines():
        match = DATE_LINE.fullmatch(line)
        if match and (match.group("y1") or match.group("y2")):
            sent = _date(match, None)
    if sent is None:
        return None
    match = INTERVIEW_DATE.search(text, greeting_start)
    interview = _date(match, sent.year) if match else None
    if interview is None:
        return None
    if interview > sent and not (match.group("y1") or match.group("y2")):
        interview = interview.replace(year=sent.year - 1)  # a letter of 5 January about 29 December
    return NoteDates(sent, interview)
