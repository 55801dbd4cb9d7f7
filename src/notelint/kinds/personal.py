"""`kind: personal`: with the situation known (`to`, `company`), is the note addressed to the right
person, by the name and title they gave, and about the right company?

Each rule picks one `check`:

- `name-spelling`: a name in the greeting is close to the reader's but spelled otherwise
  ("Dear Mr. Lindquist," to Dr. Anneli Lindqvist); rapidfuzz's ratio, at or above `similarity`;
- `title`: the reader gave a formal title (Dr., Prof.) and the greeting drops it ("Hi Anneli,",
  "Dear Ms. Lindqvist,");
- `generic-greeting`: the greeting names nobody ("Dear Hiring Manager,", "To whom it may concern,",
  "Hello,") though the note knows who it is for; to several people, a group greeting is fine;
- `someone-else`: the greeting names someone who is not among the readers (a mail-merge slip);
- `other-company`: the note speaks of joining, or the team at, a company that is not `company`
  (left over from an earlier note);
- `company-spelling`: the same, with a name close to `company` but spelled otherwise;
- `two-companies`: with no `company` stated, the note itself names one company where it names the
  one it writes to (its subject line, the earlier message it answers, or the first such place in
  the note) and another further on ("Brightwater's mains programme ... the team at Severnside").

The greeting is the one parts.py found; the other checks are silent when the situation does not say.
"""
from __future__ import annotations

import re
import unicodedata
from typing import ClassVar, Iterator, Literal

from pydantic import Field

from .. import guards, spelling
from ..metrics import CALENDAR_NAMES
from ..model import Span
from ..note import Hit, Note
from ..parts import GREETING_WORDS, REPLY_OPENS, WROTE
from ..schema import Guards, RuleBase
from ..situation import TITLES, Person, parse_person
from ..wording import fill

Check = Literal["name-spelling", "title", "generic-greeting", "someone-else", "other-company", "company-spelling",
                "two-companies"]
NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
GREETING_START = re.compile(rf"(?i)^\W*(?:{GREETING_WORDS})\b")
# words of a greeting that name a role or a group, not a person
GROUP_WORDS = frozenset({
    "hiring", "manager", "managers", "team", "teams", "committee", "panel", "panelists", "sir", "sirs", "madam",
    "recruiter", "recruiting", "all", "everyone", "there", "members", "member", "of", "the", "search", "selection",
    "whom", "it", "may", "concern", "colleagues", "friends", "folks", "human", "resources", "hr", "talent",
    "acquisition", "and", "or", "interview", "interviewers", "interviewer", "department", "recruitment", "board",
    "people", "staff", "to", "my", "our", "dear", "mr", "mrs", "ms", "dr", "prof", "professor",
})
# greetings that do for strangers only, even to a panel
STRANGER = re.compile(r"(?i)\b(?:sir|madam|whom|concern|hiring\s+manager)\b")
MIN_SHORT_FORM = 3  # "Ann" for Anneli, "Chris" for Christina: a short form of the given name
# the usual English short forms that are not the start of the name ("Tom" for Thomas)
SHORT_FORMS = {
    "funmi": "olufunmilayo funmilayo", "tina": "christina kristina", "tom": "thomas", "bob": "robert", "rob": "robert", "bill": "william", "will": "william", "liz": "elizabeth",
    "beth": "elizabeth", "betty": "elizabeth", "kate": "katherine kathryn catherine", "kathy": "katherine kathryn",
    "jim": "james", "jimmy": "james", "mike": "michael", "dave": "david", "dan": "daniel", "danny": "daniel",
    "ben": "benjamin", "nick": "nicholas", "matt": "matthew", "joe": "joseph", "pat": "patricia patrick",
    "sue": "susan", "jen": "jennifer", "jenny": "jennifer", "andy": "andrew", "tony": "anthony",
    "rick": "richard", "dick": "richard", "ted": "edward", "ed": "edward", "steve": "stephen steven",
    "greg": "gregory", "jeff": "jeffrey", "peggy": "margaret", "maggie": "margaret", "meg": "margaret",
    "sandy": "sandra alexandra", "alex": "alexander alexandra", "sam": "samuel samantha", "chuck": "charles",
    "charlie": "charles", "harry": "henry", "hank": "henry", "jack": "john", "johnny": "john", "jon": "jonathan",
    "nate": "nathan nathaniel", "becky": "rebecca", "vicky": "victoria", "abby": "abigail", "mandy": "amanda",
}
# the writer's own past or present employer, not the one they write to
OWN_HISTORY = re.compile(
    r"(?i)\b(?:my|I\s+was|I'?ve|I\s+have|I\s+had|I\s+led|I\s+built|I\s+ran|I\s+spent|previous(?:ly)?|former(?:ly)?|"
    r"current(?:ly)?|last\s+(?:job|role)|worked|years)\b")
COMPANY_NAME = r"([A-Z][\w&.'’-]*(?:\s+(?:&\s+)?[A-Z][\w&.'’-]*){0,3})"
COMPANY_PLACES = [
    re.compile(rf"\b(?:join|joining|joined)\s+(?:the\s+(?:[\w-]+\s+){{0,3}}team\s+at\s+)?{COMPANY_NAME}"),
    re.compile(rf"\b(?:team|role|position|job|opportunity|people|everyone|mission|customers|career|opening|vacancy|"
               rf"colleagues|engineers|culture)\s+(?:at|with)\s+{COMPANY_NAME}"),
    re.compile(rf"\b{COMPANY_NAME}['’]s\s+(?:team|mission|customers|culture|platform|future|values|growth|approach|"
               rf"products?|engineers|office|people|plans|roadmap|success|vision|work)\b"),
]
NOT_A_COMPANY = frozenset({"the", "a", "an", "this", "that", "your", "our", "my", "i", "we", "you", "it", "they",
                           "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                           "linkedin", "zoom", "teams", "slack"})


class PersonalRule(RuleBase):
    """Fires when the note misses the person or company its situation names."""

    kind: Literal["personal"]
    check: Check
    similarity: float = Field(75, ge=50, le=100)  # rapidfuzz ratio: a different spelling of the same name
    guards: Guards = Guards(negation=False, quotation=True)
    PLACEHOLDERS: ClassVar[frozenset[str]] = frozenset({"match", "expected", "reader", "company"})


def fold(word: str) -> str:
    """Lower case without accents or a trailing possessive: 'Lindqvist’s' -> 'lindqvist'."""
    word = unicodedata.normalize("NFKD", word.strip(".,;:!?'’")).encode("ascii", "ignore").decode() or word
    return re.sub(r"['’]s$", "", word.lower())


def _similar(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    return fuzz.ratio(fold(a), fold(b))


SAME_STEM = 5  # "Kowalski" for Kowalczyk: a family name that starts with the same five letters is the same name


def _similar_name(a: str, b: str) -> float:
    """How alike two personal names are (0-100); one that shares its first SAME_STEM letters counts as alike."""
    fa, fb = fold(a), fold(b)
    if len(fa) >= SAME_STEM and len(fb) >= SAME_STEM and fa[:SAME_STEM] == fb[:SAME_STEM]:
        return 100.0
    return _similar(a, b)


def greeting_words(note: Note) -> tuple[Span, list[tuple[Span, str]]] | None:
    """The greeting's span and the name words in it (titles, greeting and group words left out)."""
    greeting = note.parts.greeting
    if greeting is None:
        return None
    text = note.text[greeting.start:greeting.end]
    opening = GREETING_START.match(text)
    skip_to = opening.end() if opening else 0
    found = []
    for m in NAME_WORD.finditer(text, skip_to):
        word = m.group().rstrip(".")
        if fold(word) in GROUP_WORDS or fold(word).rstrip(".") in TITLES or not word[:1].isupper():
            continue
        found.append((Span(greeting.start + m.start(), greeting.start + m.start() + len(word)), word))
    return greeting, found


def _title_before(note: Note, span: Span) -> str | None:
    before = note.text[max(0, span.start - 12):span.start].split()
    word = fold(before[-1]).rstrip(".") if before else ""
    return TITLES.get(word)


def _matches_person(word: str, person: Person) -> bool:
    folded = fold(word)
    if any(folded == fold(n) for n in person.names()):
        return True
    given = fold(person.given or "")
    if given and given in SHORT_FORMS.get(folded, "").split():
        return True
    return len(folded) >= MIN_SHORT_FORM and bool(given) and given.startswith(folded)


def _with_title(note: Note, span: Span) -> Span:
    """The span widened to the title before it: "Ms. Okafor" rather than "Okafor"."""
    before = note.text[max(0, span.start - 12):span.start]
    m = re.search(r"([^\W\d_]+)\.?\s+$", before)
    if m and fold(m.group(1)) in TITLES:
        return Span(span.start - len(before) + m.start(1), span.end)
    return span


# the reader as the message the note answers names them: "Re: Interview schedule - Thursday with Katharine
# Mäkelä", "On 12 Feb 2026, at 18:20, Ella Whitcombe wrote:", "From: Dr N. Okonkwo <n.okonkwo@...>"
TITLE_WORDS = "|".join(sorted({t.rstrip(".") for t in TITLES.values()} | {"Professor", "Doctor"}, key=len, reverse=True))
NAME = r"(?:[A-Z]\.[ \t]*)?[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2}"
TITLED = rf"(?:{TITLE_WORDS})\.?[ \t]+{NAME}"
PERSON = rf"(?:{TITLED}|{NAME})"
REPLY_SUBJECT = re.compile(r"(?i)[ \t]*(?:subject:[ \t]*)?re:")  # matched at the subject line's start
# in a "Re:" subject, a person after "with", or anyone with a title: "... with Katharine Mäkelä", "- Dr N. Okonkwo"
SUBJECT_PERSON = re.compile(rf"\bwith[ \t]+(?P<with>{PERSON})|(?P<titled>{TITLED})")
# one address after the name, then the end: no two runs of blanks side by side, which backtrack on a long run
# the sender's job after their name on a "From:" line: "From: Dr. Olufunmilayo Adebayo, Clinical Lead
# Physiotherapist" (a job word, so that "From: Smith, John" is not read as Smith)
JOB_AFTER_NAME = (r"(?:[^\s<,][^\n<,]{0,59}?)?\b(?i:lead|manager|director|head|officer|physiotherapist|nurse|engineer|recruiter|"
                  r"partner|consultant|specialist|coordinator|co-ordinator|advis[eo]r|analyst|principal|professor|"
                  r"president|ceo|cto|cfo|coo|vp|supervisor|chief|dean|editor|producer|chef|pharmacist|physician|"
                  r"teacher|administrator|executive|talent|recruitment|acquisition|hr|people)\b(?:[^\n<]{0,40}[^\s<])?")
QUOTED_SENDER = re.compile(
    rf"(?m)^[ \t>]*(?:(?i:{REPLY_OPENS})\b[^\n]{{0,120}}?(?:,|[0-9]|\b[AaPp]\.?[Mm]\.?)[ \t]+(?P<reply>{PERSON})"
    rf"[ \t]*(?:<[^>\n]*>[ \t]*)?(?i:{WROTE})[ \t]*:"
    rf"|(?i:{REPLY_OPENS})\b[^\n]{{0,120}}?\b(?i:{WROTE})[ \t]+(?P<after>{PERSON})[ \t]*(?:<[^>\n]*>[ \t]*)?:"
    rf"|(?i:from):[ \t]*(?P<sender>{PERSON})(?:,[ \t]*{JOB_AFTER_NAME})?[ \t]*(?:<[^>\n]*>[ \t]*)?$)")
FORWARDED = re.compile(r"(?i)forwarded message|begin forwarded")
NOT_PEOPLE = CALENDAR_NAMES | {"re", "fw", "fwd"}  # "Re: Thursday with ...": a day, a month or a reply marker
QUOTED_SIGNATURE_LINES = 6  # the title the sender signs with is in the last lines of their message


def quoted_thread(note: Note) -> str:
    """The earlier messages the note quotes, as one text: header lines above the note are not among
    them (the writer's own "From:"), and `>` lines join into one block."""
    full = note.draft.unblanked_body
    return "\n".join(full[span.start:span.end] for span in note.parts.hidden if span.start >= note.parts.start)


def read_readers(note: Note) -> tuple[Person, ...]:
    """Who the note answers, when nobody said: the sender of the first message it quotes (not a
    forwarded one), or the person a "Re:" subject line, written by the reader, names. Read once a note."""
    if "readers" not in note.memo:
        note.memo["readers"] = _read_readers(note)
    return note.memo["readers"]


def _read_readers(note: Note) -> tuple[Person, ...]:
    full = note.draft.unblanked_body
    found: list[str] = []
    parts = note.parts
    subject = parts.subject
    if subject is not None:
        opening = REPLY_SUBJECT.match(full, subject.start, subject.end)
        if opening:
            found += [m.group("with") or m.group("titled")
                      for m in SUBJECT_PERSON.finditer(full, opening.end(), subject.end)]
    thread = quoted_thread(note)
    m = QUOTED_SENDER.search(thread)
    if m and not FORWARDED.search(thread, 0, m.start()):
        sender = re.sub(r"^[AaPp]\.?[Mm]\.?[ \t]+", "", m.group("reply") or m.group("after") or m.group("sender"))  # "... 9:02 AM Siobhan"
        # the title the sender signs with: "From: Niamh Whelan" above a message signed "Dr Niamh Whelan"
        message = thread[m.end():]
        later = FORWARDED.search(message) or QUOTED_SENDER.search(message)
        lines = message[: later.start() if later else len(message)].strip().splitlines()[-QUOTED_SIGNATURE_LINES:]
        family = re.escape(sender.split()[-1])
        signed = re.search(rf"\b((?:{TITLE_WORDS})\.?[ \t]+(?:[\w'’.-]+[ \t]+){{0,2}}{family})\b", "\n".join(lines))
        found.append(_titled(sender, signed.group(1)) if signed else sender)
    writer = {fold(w) for w in note.words(parts.signature).split()} if parts.signature else set()
    people = []
    for written in found:
        person = parse_person(written.strip())
        names = {fold(n) for n in person.names()}
        if not names or names & NOT_PEOPLE or names & NOT_COMPANY_WORDS:
            continue
        if person.family and fold(person.family) in writer or names <= writer:
            continue  # the writer's own name: a message they sent
        people.append(person)
    return tuple(people)


def _titled(sender: str, signed: str) -> str:
    """The quoted sender with the title their message gives them: "Niamh Whelan" signed "Dr Niamh Whelan" is
    Dr Niamh Whelan; "Dr. Olufunmilayo Adebayo" who writes "ask for Dr. Adebayo" keeps her given name."""
    person, titled = parse_person(sender), parse_person(signed)
    if person.title or not titled.title:
        return sender
    return f"{titled.title} {sender}" if person.given else signed


def _greeting_hits(rule: PersonalRule, note: Note) -> Iterator[Hit]:
    people = note.situation.to
    if not people and rule.check in ("name-spelling", "title"):
        people = read_readers(note)  # read, not stated: only a near-miss of the same name is reported
    found = greeting_words(note)
    if not people or found is None:
        return
    greeting, names = found
    reader = " and ".join(p.written for p in people)
    expected = " and ".join(p.greeting_name for p in people)
    if rule.check == "generic-greeting":
        if names:
            return
        greeting_text = note.words(greeting)
        if len(people) > 1 and not STRANGER.search(greeting_text):
            return  # "Dear all," to a panel names the group
        yield Hit(greeting, fill(rule.message, match=greeting_text.strip(" ,"), expected=f"Dear {expected}", reader=reader))
        return
    matched: list[tuple[Span, str, Person]] = []
    unknown: list[tuple[Span, str]] = []
    for span, word in names:
        person = next((p for p in people if _matches_person(word, p)), None)
        if person is not None:
            matched.append((span, word, person))
        else:
            unknown.append((span, word))
    if rule.check == "name-spelling":
        for span, word in unknown:
            best = max(((n, p) for p in people for n in p.names()), key=lambda np: _similar_name(word, np[0]))
            if _similar_name(word, best[0]) >= rule.similarity:
                yield Hit(span, fill(rule.message, match=word, expected=best[0], reader=best[1].written))
    elif rule.check == "someone-else":
        if matched or not unknown:
            return
        if any(_similar_name(word, n) >= rule.similarity for _, word in unknown for p in people for n in p.names()):
            return  # a misspelling of the reader's name: name-spelling says so
        span = _with_title(note, Span(unknown[0][0].start, unknown[-1][0].end))
        yield Hit(span, fill(rule.message, match=note.words(span), expected=f"Dear {expected}", reader=reader))
    elif rule.check == "title":
        for person in people:
            if not person.formal:
                continue
            own = [(span, word) for span, word, p in matched if p is person]
            if not own:
                continue
            family_named = any(person.family and fold(word) in {fold(n) for n in person.family.split()} for _, word in own)
            title = _title_before(note, own[0][0])
            if family_named and title == person.title:
                continue
            if family_named and title is None:
                continue  # "Dear Anneli Lindqvist,": the full name, formal enough
            span = _with_title(note, Span(own[0][0].start, own[-1][0].end))
            yield Hit(span, fill(rule.message, match=note.words(span), expected=person.greeting_name,
                                 reader=person.written))


def _company_hits(rule: PersonalRule, note: Note) -> Iterator[Hit]:
    company = note.situation.company
    if not company:
        return
    closing = note.body_end
    allowed = {fold(w) for w in NAME_WORD.findall(company)}
    people = {fold(n) for p in note.situation.to for n in p.names()}
    topics = " ".join(t.text for t in note.situation.topics)
    seen: set[str] = set()
    for pattern in COMPANY_PLACES:
        for m in pattern.finditer(note.prose, 0, closing):
            name = re.sub(r"['’]s$", "", m.group(1)).strip(" .")
            words = [fold(w) for w in NAME_WORD.findall(name)]
            if not words or words[0] in NOT_A_COMPANY or name in seen:
                continue
            if set(words) <= allowed or set(words) <= people or (topics and name in topics):
                continue
            sentence_start = max(note.text.rfind(".", 0, m.start()), note.text.rfind("\n\n", 0, m.start()), 0)
            if OWN_HISTORY.search(note.text[sentence_start:m.start(1)]):
                continue  # "my years at Contoso": the writer's own employer
            seen.add(name)
            span = Span(m.start(1), m.start(1) + len(name))
            if note.in_letterhead(span):
                continue
            close = _similar(name, company) >= rule.similarity
            if (rule.check == "company-spelling") == close:
                yield Hit(span, fill(rule.message, match=name, company=company, expected=company))


# a company named at the end of a subject line: "Thank you – Graduate Analyst role at Brightwater Utilities"
SUBJECT_COMPANY = re.compile(rf"(?:\bat|\bwith|,)\s+{COMPANY_NAME}\s*$")
# a subject line's last words that name the role or the occasion, not the company: "Thank you – Night Dispatcher"
NOT_COMPANY_WORDS = frozenset({
    "interview", "interviews", "analyst", "manager", "engineer", "dispatcher", "coordinator", "position", "role",
    "officer", "assistant", "director", "supervisor", "specialist", "developer", "designer", "nurse", "teacher",
    "associate", "intern", "internship", "lead", "executive", "consultant", "technician", "administrator",
    "representative", "follow", "thank", "thanks", "you", "application", "candidate", "chat", "call", "meeting",
    "today", "yesterday", "visit", "tour", "offer", "update", "again", "conversation"})
PLACE_WORDS = frozenset({"road", "rd", "street", "st", "avenue", "ave", "lane", "square", "place", "park", "way",
                         "house", "building", "campus", "centre", "center", "office", "offices", "site", "depot",
                         "hq", "wharf", "quay", "yard", "court", "gardens", "hall", "tower", "plaza", "mill"})
OWN_HISTORY_REACH = 30  # characters before the name: "in my years at", not "bring my GIS skills to the team at"
MAX_THREAD_ANCHORS = 3  # the company the quoted messages speak of; the first few mentions say it
ELSEWHERE_REACH = 160  # characters of the sentence before the name, so a long quoted line stays linear
# "I have accepted a position with Contoso", "an offer from Fabrikam": another company, named as such
ELSEWHERE = re.compile(r"(?i)\b(?:accept\w*|took|taken|offer\w*|another|other|elsewhere|instead|interview\w*\s+with|"
                       r"applied|applying|declin\w*|compet\w*)\b")


# what the reader showed or spoke of, as the company's own: "the redesign of Lumen Health's patient portal",
# "seeing Casefold's matter-intake tool in action": things a company has rather than a person ("Jeff's team",
# "Dana's roadmap"); a one-word name that is a given name is dropped too (_company_places)
POSSESSED_THING = re.compile(
    rf"\b{COMPANY_NAME}['’]s\s+(?:[a-z][\w-]*\s+){{0,2}}(?:portal|tools?|platform|apps?|products?|systems?|software|"
    rf"website|plant|warehouse|factory|stores?|fleet|network|brand|catalogue|catalog|sites?|offices?|depots?|"
    rf"customers|expansion|migration|checkout|rollout|launch|playbook|playbooks)\b")
# where a note says which company it was at: "meeting with me at Harrow & Lyle", "showing me round Brightwell Dental"
VISITED_PLACES = [
    re.compile(rf"\b(?:interview|interviews|interviewing|meeting|meet|met|tour|visit|visiting|time|day|afternoon|morning|"
               rf"conversation|chat|me|us)(?:\s+(?:on\s+[A-Z][a-z]+day|yesterday|today|this\s+(?:morning|afternoon)|"
               rf"last\s+week))?\s+at\s+{COMPANY_NAME}"),  # "meeting me on Monday at Chocolaterie Belcour"
    # "the chat yesterday at the Quandrix office": a word or two of when, and the company's own premises
    re.compile(rf"\b(?:interview|meeting|tour|visit|time|conversation|chat)\s+(?:[a-z]+\s+){{1,2}}at\s+(?:the\s+)?"
               rf"{COMPANY_NAME}\s+(?:office|offices|site|plant|HQ|headquarters|studio|store|clinic|depot|warehouse)\b"),
    re.compile(rf"\b(?:interview|meeting|tour|visit|time|conversation|chat)\s+at\s+the\s+"
               rf"{COMPANY_NAME}\s+(?:office|offices|site|plant|HQ|headquarters|studio|store|clinic|depot|warehouse)\b"),
    re.compile(rf"\b(?:showing|show|showed|shown)\s+me\s+(?:round|around)\s+(?:the\s+)?{COMPANY_NAME}"),
    re.compile(rf"\b(?:tour|visit)\s+(?:of|to|round|around)\s+(?:the\s+)?{COMPANY_NAME}"),  # "the tour of the Prairie Hearth plant"
    # "talking me through the warehouse system rollout at Calder Foods"
    re.compile(rf"\b(?:talking|walking|taking|talked|walked|took)\s+(?:me|us)\s+through\b[^.!?\n]{{0,80}}?\bat\s+{COMPANY_NAME}"),
    POSSESSED_THING,
]
# more places a note names the company it wants: "I could grow quickly at Summit Logistics"
WANTED_PLACES = [
    re.compile(rf"\b(?:grow|work|working|thrive|start|starting|career|future|build|building|lead|run|"
               rf"manage)\s+(?:\w+\s+)?at\s+{COMPANY_NAME}"),
    # "I'd love to bring that experience to the Greenway Foundation"
    # "the chance to build the WA territory for Tellurion", "to work for Brightwater"
    re.compile(rf"\b(?:work|build|grow|sell|lead|run)\s+(?:[\w'’-]+\s+){{0,4}}?for\s+{COMPANY_NAME}"),
    re.compile(rf"\bbring\s+(?:my|that|this|these|the\s+same|all\s+of\s+that)\s+(?:[\w'’-]+\s+){{0,3}}"
               rf"(?:experience|skills|expertise|energy|background|knowledge|passion|approach)\s+to\s+(?:the\s+)?{COMPANY_NAME}"),
]


DEPARTMENT_RANK = 20000  # "Payments", "Risk", "Growth": an everyday word after a job title names its team


def _department(word: str) -> bool:
    common = spelling.common_words(DEPARTMENT_RANK)
    return word in common or word.removesuffix("s") in common


# the sender of a quoted message, on its "From:" or "... wrote:" line: their mail domain names their employer
SENDER_LINE = re.compile(r"(?im)^[ \t>]*(?:from:.*|.*\bwrote:?)[ \t]*$")
MAIL_DOMAIN = re.compile(r"[\w.+-]+@((?:[\w-]+\.)+[a-z]{2,})", re.IGNORECASE)
# mailboxes anyone can have, and the hiring systems and agencies that write for an employer
NOT_AN_EMPLOYER_DOMAIN = frozenset("""
gmail googlemail outlook hotmail live msn yahoo ymail icloud me mac aol proton protonmail pm gmx web posteo mail
zoho yandex qq fastmail hey tutanota btinternet sky virginmedia comcast verizon orange free libero seznam wp o2
naver example greenhouse lever myworkday workday smartrecruiters icims taleo ashbyhq teamtailor workable
recruitee personio bamboohr jobvite linkedin indeed hays reed adecco randstad manpower michaelpage roberthalf
""".split())
DOMAIN_SUFFIXES = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "nhs", "ltd", "plc"})
# words any company name may have, which say nothing about which company it is
GENERIC_COMPANY_WORDS = frozenset({"group", "company", "partners", "consulting", "solutions", "services", "ltd",
                                   "inc", "llc", "limited", "the", "and", "of", "co", "corp", "international",
                                   "global", "holdings", "uk", "us", "plc", "gmbh"})


def sender_domain(thread: str) -> str | None:
    """The employer part of the quoted sender's mail domain: "halvorsen-logistics" from
    ingrid@halvorsen-logistics.no, "imperial" from a@imperial.nhs.uk; None for a personal mailbox,
    a hiring system or an agency, or a thread that mentions a client."""
    if re.search(r"(?i)\b(?:client|clients|recruit\w*|agency|staffing)\b", thread):
        return None  # an agency recruiter writes for an employer that is not theirs
    for line in SENDER_LINE.finditer(thread):
        for address in MAIL_DOMAIN.finditer(line.group()):
            labels = address.group(1).lower().split(".")[:-1]
            while len(labels) > 1 and labels[-1] in DOMAIN_SUFFIXES:
                labels.pop()
            if labels and labels[-1] not in NOT_AN_EMPLOYER_DOMAIN:
                return labels[-1]
        return None  # the first sender line says who wrote: a personal address names no employer
    return None


def _matches_domain(name: str, domain: str) -> bool:
    """'Halvorsen Logistics' and halvorsen-logistics, 'Brightline Consulting' and brightlineconsulting,
    'Kestrel Freight' and kf: the same employer."""
    words = [fold(w) for w in NAME_WORD.findall(name)]
    plain = domain.replace("-", "")
    telling = [w for w in words if w not in GENERIC_COMPANY_WORDS and len(w) >= 3]
    return (any(w in plain for w in telling) or "".join(w[0] for w in words) == plain
            or (not telling and bool(words)))


def _same_company(a: str, b: str) -> bool:
    """'Brightwater' and "Brightwater Utilities", "Acme" and "ACME Corp": one company, named two ways."""
    aw, bw = [fold(w) for w in NAME_WORD.findall(a)], [fold(w) for w in NAME_WORD.findall(b)]
    return bool(aw and bw) and (aw[0] == bw[0] or set(aw) <= set(bw) or set(bw) <= set(aw) or _similar(a, b) >= 80)


def _greeted(note: Note) -> set[str]:
    """The names in the note's greeting, folded."""
    greeting = greeting_words(note)
    return {fold(w) for _, w in greeting[1]} if greeting else set()


def _company_places(note: Note, text: str, start: int, end: int, places: list | None = None) -> Iterator[tuple[int, str]]:
    """(offset, name) of each company the text speaks of joining, or working with, between start and end."""
    people = {fold(n) for p in note.situation.to for n in p.names()}
    # not "Jeff's team": a possessive may name a person
    for pattern in places if places is not None else COMPANY_PLACES[:2] + WANTED_PLACES:
        for m in pattern.finditer(text, start, end):
            name = re.split(r"[.!?]\s", m.group(1))[0].strip(" .")  # "Redline Freight. It was ...": the name ends
            name = re.split(r"['’]s\s+(?=[A-Z])", name)[0]  # "Kestrel's Leeds office": Kestrel (not "St Mary's")
            words = [fold(w) for w in NAME_WORD.findall(name)]
            if not words or words[0] in NOT_A_COMPANY or words[0].rstrip(".") in TITLES or set(words) <= people:
                continue  # not "Dr" from "the associate role at Dr. Patel's practice"
            if words[-1].rstrip(".") in PLACE_WORDS:
                continue  # "the team at Fenwick Road": where the office is, not whose
            if pattern is POSSESSED_THING and (len(words) == 1 and words[0] in spelling.lexicon().names
                                               or set(words) <= people | _greeted(note)):
                continue  # "Dana's platform": a person's, as far as we can tell
            sentence_start = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start()), 0)
            if OWN_HISTORY.search(text[max(sentence_start, m.start(1) - OWN_HISTORY_REACH):m.start(1)]):
                continue
            if ELSEWHERE.search(text[max(sentence_start, m.start(1) - ELSEWHERE_REACH):m.start(1)]):
                continue
            yield m.start(1), name


def _two_company_hits(rule: PersonalRule, note: Note) -> Iterator[Hit]:
    if note.situation.company:
        return  # other-company and company-spelling judge by the stated company
    parts = note.parts
    closing = note.body_end
    anchors: list[str] = []
    # a person is not a company: "Subject: Interview follow-up, Dana Park" to Ms. Park
    greeted = greeting_words(note)
    people = {fold(w) for _, w in greeted[1]} if greeted else set()
    people |= {fold(n) for p in read_readers(note) for n in p.names()}
    if parts.subject is not None:
        m = SUBJECT_COMPANY.search(note.draft.unblanked_body, parts.subject.start, parts.subject.end)
        written = [fold(w).rstrip(".") for w in NAME_WORD.findall(m.group(1))] if m else []
        if m and m.group().startswith(",") and len(written) == 1 and _department(written[0]):
            before = NAME_WORD.findall(note.draft.unblanked_body[parts.subject.start:m.start()])
            if before and fold(before[-1]) in NOT_COMPANY_WORDS:
                written = []  # "Offer – Product Manager, Payments": the team the job is in, not the company
        # "Dana Park" ends in the reader's name; "Kellerman Builders" is the company named after Mr. Kellerman
        if written and not set(written) & (NOT_COMPANY_WORDS | NOT_A_COMPANY) and written[0] not in TITLES \
                and written[-1] not in people:
            anchors.append(m.group(1))
    thread = quoted_thread(note)
    # the quoted message names where the writer was asked to come: "Confirming your interview at Halvorsen Logistics"
    anchors += [name for _, name in sorted(_company_places(note, thread, 0, len(thread),
                                                           COMPANY_PLACES[:2] + WANTED_PLACES + VISITED_PLACES))
                ][:MAX_THREAD_ANCHORS]
    named = [(at, name) for at, name in sorted(set(_company_places(note, note.prose, 0, closing)))
             if not guards.inside(note.quoted, Span(at, at + len(name)))]
    anchors += [name for _, name in sorted(_company_places(note, note.prose, 0, closing, VISITED_PLACES))]
    domain = sender_domain(thread)
    if not anchors and named and domain is None:
        anchors.append(named[0][1])
    for at, name in named:
        if any(_same_company(name, anchor) for anchor in anchors):
            continue
        if domain is not None and _matches_domain(name, domain):
            continue
        span = Span(at, at + len(name))
        if note.in_letterhead(span):
            continue
        yield Hit(span, fill(rule.message, match=name, company=anchors[0] if anchors else f"the {domain} team"))
        return  # one leftover is enough to say so


TITLED_NAME = re.compile(rf"\b((?:{TITLE_WORDS})\.?)[ \t]+([A-Z][\w-]+)")
SAME_NAME_MIN_LETTERS = 5  # a slip in a long name ("Kowalzcyk"); short ones ("Chen", "Chan") are other people
SAME_NAME_SIMILARITY = 85


def _body_name_hits(rule: PersonalRule, note: Note) -> Iterator[Hit]:
    """The reader's titled name spelled two ways in one note: "Dear Ms. Kowalczyk, ... Ms. Kowalzcyk, I
    also want to thank you". Only the same title and a near-identical long name: "Dr. Chen" and "Dr.
    Chan", or "Ms. Park" and "Mr. Parker", are likely two people on a panel."""
    found = greeting_words(note)
    if found is None or len(found[1]) != 1:
        return  # no greeting name, or several people greeted
    _, [(greeting_span, greeted)] = found
    title = _title_before(note, greeting_span)
    parts = note.parts
    for m in TITLED_NAME.finditer(note.prose, parts.greeting.end, note.body_end):
        word = m.group(2)
        span = Span(m.start(2), m.end(2))
        if fold(word) == fold(greeted) or TITLES.get(fold(m.group(1)).rstrip(".")) != title:
            continue
        if guards.inside(note.quoted, span) or min(len(word), len(greeted)) < SAME_NAME_MIN_LETTERS:
            continue
        if abs(len(word) - len(greeted)) <= 1 and _similar(word, greeted) >= SAME_NAME_SIMILARITY:
            yield Hit(span, fill(rule.message, match=word, expected=greeted, reader=f"{title or ''} {greeted}".strip()))
            return


def find(rule: PersonalRule, note: Note) -> Iterator[Hit]:
    if rule.check == "name-spelling":
        yield from _body_name_hits(rule, note)
        yield from _greeting_hits(rule, note)
    elif rule.check == "two-companies":
        yield from _two_company_hits(rule, note)
    elif rule.check in ("other-company", "company-spelling"):
        yield from _company_hits(rule, note)
    else:
        yield from _greeting_hits(rule, note)


Rule = PersonalRule  # what the kind registry reads
