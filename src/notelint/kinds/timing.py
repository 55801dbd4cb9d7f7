"""`kind: timing`: when the note goes out, against when the interview was.

The send time is `send_date` from the context, or the moment of the check when it is not given
(NOTELINT_NOW, or `check --now`, stand in for the clock in tests). Each rule picks one `check`:

- `late`: more than `business_days` working days (Monday to Friday) after the interview;
- `too-soon`: less than `minutes` after the interview's time (both times must be known);
- `night`: sent between `night_from` and `night_until` (the send time must be known).

The rules are silent when the interview date is not known, and when the note goes out before it.
"""
from __future__ import annotations

from datetime import date, time, timedelta
from typing import ClassVar, Iterator, Literal

from pydantic import Field

from ..note import Hit, Note
from ..schema import Guards, RuleBase
from ..wording import fill

Check = Literal["late", "too-soon", "night"]


class TimingRule(RuleBase):
    """Fires when the note goes out late, too soon after the interview, or at night."""

    kind: Literal["timing"]
    check: Check
    business_days: int = Field(1, ge=0)  # late: working days after the interview that are still on time
    minutes: int = Field(30, ge=1)  # too-soon: at least this long after the interview's time
    night_from: time = time(22, 0)
    night_until: time = time(6, 0)
    guards: Guards = Guards(negation=False, quotation=False)
    PLACEHOLDERS: ClassVar[frozenset[str]] = frozenset({"days", "business_days", "minutes", "sent", "interview",
                                                        "read"})
    COUNTS: ClassVar[frozenset[str]] = frozenset({"days", "business_days", "minutes"})


def business_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end`: Friday to Monday is one."""
    days, day = 0, start
    while day < end:
        day += timedelta(days=1)
        if day.weekday() < 5:
            days += 1
    return days


def find(rule: TimingRule, note: Note) -> Iterator[Hit]:
    situation = note.situation
    interview = situation.interview_date
    if not note.lines:
        return
    if interview is None:
        yield from _from_the_note(rule, note)
        return
    sent = situation.sent()
    if sent.at < interview.at and not (sent.day == interview.day and not (sent.timed and interview.timed)):
        return  # written ahead of the interview: nothing to judge yet
    where = note.parts.greeting or note.lines[0]
    fields = {"sent": sent.iso().replace("T", " "), "interview": interview.iso().replace("T", " ")}
    if rule.check == "late":
        late = business_days_between(interview.day, sent.day)
        if late > rule.business_days:
            yield Hit(where, fill(rule.message, business_days=late, days=(sent.day - interview.day).days, **fields,
                                  minutes=0, read=""))
    elif rule.check == "too-soon":
        if sent.timed and interview.timed:
            minutes = int((sent.at - interview.at).total_seconds() // 60)
            if 0 <= minutes < rule.minutes:
                yield Hit(where, fill(rule.message, minutes=minutes, days=0, business_days=0, **fields, read=""))
    elif rule.check == "night" and sent.timed:
        clock = sent.at.time()
        night = (clock >= rule.night_from or clock < rule.night_until) if rule.night_from > rule.night_until \
            else rule.night_from <= clock < rule.night_until
        if night:
            yield Hit(where, fill(rule.message, minutes=0, days=0, business_days=0, **fields, read=""))


def _from_the_note(rule: TimingRule, note: Note) -> Iterator[Hit]:
    """`late`, when nothing states the dates but the note writes both: a dated letter that names the interview's day."""
    from .. import notedates

    if rule.check != "late":
        return
    greeting = note.parts.greeting
    dates = notedates.read(note.text, greeting.start if greeting else 0)
    if dates is None or dates.interview > dates.sent:
        return
    late = business_days_between(dates.interview, dates.sent)
    if late > max(rule.business_days, notedates.CLEARLY_LATE):
        read = f"; the note is dated {dates.sent.isoformat()} and names {dates.interview.isoformat()} as the interview"
        yield Hit(greeting or note.lines[0], fill(rule.message, business_days=late,
                                                  days=(dates.sent - dates.interview).days, minutes=0,
                                                  sent=dates.sent.isoformat(), interview=dates.interview.isoformat(),
                                                  read=read))


Rule = TimingRule  # what the kind registry reads
