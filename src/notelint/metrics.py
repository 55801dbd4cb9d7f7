"""Counts and readability measured on a parsed note, offline."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, NamedTuple

from .model import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PARAGRAPH = re.compile(r"\S(?:.*\S)?(?:\n[ \t]*\S.*)*")
LINE = re.compile(r"[^\n]+")
# no mail client or editor wraps wider; a block with a longer line was pasted unwrapped
UNWRAPPED_LINE = 100
PARAGRAPH_END = re.compile(r"[.!?:,][\"'\u201d\u2019)\]]*[ \t]*$")
MIN_WORDS_FOR_READABILITY = 40
# a run ("!!!") is one exclamation: the run itself is NL1304's finding, and collapsing it must not
# change the count
EXCLAMATION = re.compile("!+")
# pictographs and emoji, each with its skin tone, variation selector and zero-width-joined parts
# (👩‍💻 and 🙏🏽 are one emoji each), and the common text emoticons
_PICTOGRAPH = "[\U0001F300-\U0001F3FA\U0001F400-\U0001FAFF\U0001F000-\U0001F2FF\u2600-\u26FF\u2700-\u27BF]"
_MODIFIERS = "[\U0001F3FB-\U0001F3FF\uFE0F]*"
EMOJI = re.compile(
    f"{_PICTOGRAPH}{_MODIFIERS}(?:\u200D{_PICTOGRAPH}{_MODIFIERS})*"
    r"|(?<![\w:])(?::-?[)(DPp\]]|;-?\)|<3|\^_\^|=\))(?!\w)"
)
EMAIL_HEADER = re.compile(r"(?i)(?:subject|re|to|from|cc|bcc|date)\s*:")


def nonblank_lines(text: str) -> list[Span]:
    """The note's non-blank lines, less the email headers a pasted draft starts with ("Subject: ...")."""
    # every line, then the blank ones dropped: "[^\n]*\S[^\n]*" backtracks over a long run of blanks
    lines = [Span(*m.span()) for m in re.finditer(r"[^\n]+", text) if not m.group().isspace()]
    while len(lines) > 1 and EMAIL_HEADER.match(text, lines[0].start):
        lines = lines[1:]
    return lines


@dataclass(frozen=True)
class Measure:
    """A measured value, the span it belongs to, and the spans of the things counted (words, marks).

    When a count is over its maximum, the finding points at the first counted thing past the limit.
    """

    value: float
    span: Span
    parts: tuple[Span, ...] = ()


WORD_CHARACTER = re.compile(r"[^\W_]")  # a letter or a digit, in any script
WORD_CHARACTER_RUN = re.compile(r"[^\W_]+")


def is_word(token: Token) -> bool:
    return WORD_CHARACTER.search(token.text) is not None


def words(doc: Doc) -> list[Token]:
    return [t for t in doc if is_word(t)]


def blocks(text: str) -> list[Span]:
    """Blocks of text between blank lines: the layout a reader sees at a glance."""
    return [Span(*m.span()) for m in PARAGRAPH.finditer(text)]


def paragraphs(text: str) -> list[Span]:
    """Paragraphs: blocks between blank lines, and the lines of a block that was never wrapped.

    A letter pasted from a web page often keeps one paragraph per line with no blank line
    between them. A block with a line longer than any editor wraps at is read that way: each
    of its lines that ends a sentence ends a paragraph. A hard-wrapped block stays one paragraph.
    """
    spans = []
    for block in blocks(text):
        lines = list(LINE.finditer(text, block.start, block.end))
        if len(lines) < 2 or max(len(line.group().strip()) for line in lines) <= UNWRAPPED_LINE:
            spans.append(block)
            continue
        start = None
        for line in lines:
            if start is None:
                start = line.start() + len(line.group()) - len(line.group().lstrip())
            if PARAGRAPH_END.search(line.group()) or line.end() >= block.end:
                spans.append(Span(start, line.end() - len(line.group()) + len(line.group().rstrip())))
                start = None
    return spans


def word_counts(offsets: list[int], spans: list[Span]) -> list[Measure]:
    """Words inside each span (a sentence or a paragraph), given the sorted start offsets of the note's words."""
    return [
        Measure(bisect.bisect_left(offsets, s.end) - bisect.bisect_left(offsets, s.start), s) for s in spans
    ]


def sentences(doc: Doc) -> list[Span]:
    """Sentences with at least one word, from their first to their last non-space token."""
    spans = []
    for sent in doc.sents:
        tokens = [t for t in sent if not t.is_space]
        if tokens and any(is_word(t) for t in tokens):
            spans.append(Span(tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)))
    return spans


CALENDAR_NAMES = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april
may june july august september october november december""".split())
ROLE_NOUNS = frozenset({"role", "position", "job", "opening", "opportunity", "internship", "vacancy", "post",
                        "team", "company", "department", "office", "program", "programme", "scheme"})
TASK_NOUNS = frozenset({"interview", "interviews", "exercise", "exercises", "assignment", "screen", "screening"})
EMPLOYER_CUES = ROLE_NOUNS | {"at", "with", "join", "joining", "joined", "from", "for"}
EMPLOYER_CUE_REACH = 4  # words before a name: "the analyst role here at Brightwater"
EMPLOYER_PREPOSITIONS = frozenset({"at", "with", "from", "for"})
NAME_JOINS = frozenset({"of", "&", "and"})  # inside a name: "City of Fresno", "Harrow & Lyle"
FIRST_PERSON = frozenset({"i", "my", "i've", "i'm", "i'd", "i'll", "having"})  # the writer as the subject
OTHER_PERSON = frozenset({"you", "your", "we", "our", "us", "they", "their"})
OTHER_SUBJECT = frozenset({"it", "this", "that", "there", "these", "those", "here"})  # opening a clause
# what the writer's past did for them: "This gave me a grounding in IFRS", "That taught me patience"
LOOKING_BACK = frozenset({"this", "that", "these", "those"})  # not "it gives me ideas": the reader's material
GAVE_ME = frozenset({"gave", "gives", "taught", "teaches", "helped", "allowed", "let", "made", "has", "have",
                     "showed", "shows", "left", "earned"})
# how a sentence about the writer may open before its "I": "From 2004 to 2011 I was", "Earlier in my career I"
LEAD_INS = frozenset({"from", "since", "during", "in", "at", "prior", "earlier", "after", "before", "over", "for",
                      "as", "with", "throughout", "across", "until", "by", "besides", "additionally", "also",
                      "previously", "currently", "recently", "then", "later", "now", "personally", "plus",
                      "moreover", "furthermore", "outside", "beyond", "under", "within", "most", "more"})
# the writer is the subject when "I" or "my" comes this early: "From 2004 to 2011 I was Head of Fleet"
SUBJECT_REACH = 16
# "As we discussed, I have fifteen years in procurement": a reference to the talk that only introduces a recap
RECAP_LEAD = frozenset({"discussed", "mentioned", "said", "noted", "explained", "know"})
# "I am SO PUMPED about the Eastside stage plan", "I was struck by the way the desk is run": the writer's
# feeling about something of the reader's turns the clause to the meeting
STRUCK = frozenset({"excited", "pumped", "thrilled", "impressed", "intrigued", "fascinated", "struck", "inspired",
                    "energized", "energised", "curious", "stoked", "amazed", "blown"})
STRUCK_BY = frozenset({"about", "by", "with"})
STRUCK_WHAT = frozenset({"the", "how", "what", "that"})
# "excited about the role / the possibility of contributing": the job itself, as every note says it
STRUCK_GENERIC = frozenset({"role", "position", "job", "opportunity", "opportunities", "possibility", "chance",
                            "prospect", "team", "company", "organisation", "organization", "work", "offer", "idea",
                            "conversation", "interview", "discussion", "meeting", "chat", "call", "post", "vacancy"})
ARTICLES = frozenset({"the", "a", "an"})
# words that make a run of words a clause, not a list item: "and the cards are a mess"
VERB_MARKS = frozenset({"is", "are", "was", "were", "be", "been", "has", "have", "had", "'s", "'re", "will", "would",
                        "can", "could", "do", "does", "did", "made", "makes", "took", "takes", "gave", "gives"})
CLAUSE_JOINS = frozenset({"and", "but", "so", "while", "whereas", "although", "though"})
DASHES = frozenset({"—", "–"})
SPACED_DASHES = frozenset({"-", "--"})  # a dash when spaced ("the survey - the figure"), not in "go-live"
# "I'm more convinced than ever that the Permian territory is the right fit": what the writer thinks is
# another clause; "the reading list that we discussed" is not (its cue belongs to the words before it)
THAT_AFTER = frozenset({"think", "believe", "know", "feel", "sure", "convinced", "confident", "clear", "hope",
                        "glad", "pleased", "delighted", "happy", "thrilled", "excited", "ever"})
# "..., and I believe", "but the team": a join before one of these starts a clause with its own subject;
# "..., and implemented a framework" carries on the clause before it
CLAUSE_SUBJECTS = FIRST_PERSON | OTHER_PERSON | OTHER_SUBJECT | {"the", "his", "her", "she", "he"}


class Clause(NamedTuple):
    words: list[Token]  # punctuation left out
    after_dash: bool  # "- coaches, ferries and hostels": a list that may go on with the clause before it


def clauses(sent) -> list[Clause]:  # noqa: ANN001 - a spaCy Span
    """The words of a sentence, cut into clauses at ";", at a dash, and at a joining word before a new subject.

    "I enjoyed meeting the team, and I believe my experience in child protection makes me a fit"
    is two clauses: one about the meeting, one about the writer; so is "I have started on the survey
    you sent - the figure on weekend visits surprised me".
    """
    parts: list[list[Token]] = [[]]
    dashed = [False]
    tokens = [t for t in sent if not t.is_space]
    for k, t in enumerate(tokens):
        after = tokens[k + 1].lower_ if k + 1 < len(tokens) else ""
        before = tokens[k - 1].lower_ if k else ""
        dash = t.text in DASHES or (t.text in SPACED_DASHES and bool(t.whitespace_) and k > 0
                                    and bool(tokens[k - 1].whitespace_))
        if t.text == ";" or dash or (after in CLAUSE_SUBJECTS and (
                t.lower_ in CLAUSE_JOINS or (t.lower_ == "that" and before in THAT_AFTER))):
            parts.append([])
            dashed.append(dash)
            if t.text == ";" or dash:
                continue
        parts[-1].append(t)
    return [Clause([t for t in part if not t.is_punct], after_dash)
            for part, after_dash in zip(parts, dashed) if any(not t.is_punct for t in part)]


def about_the_writer(words: list[Token], cues: frozenset[str]) -> bool:
    """True when a clause only recaps the writer: "I" or "my" is its subject and it never turns to the
    reader or the meeting (no word from `cues`: you, your, we discussed ...)."""
    while words and (words[0].lower_ in CLAUSE_JOINS or words[0].lower_ == "that"):
        words = words[1:]
    if len(words) > 2 and words[0].lower_ == "as" and words[2].lower_ in RECAP_LEAD:
        words = words[3:]
    if len(words) > 2 and words[0].lower_ in LOOKING_BACK and words[1].lower_ in GAVE_ME \
            and any(t.lower_ == "me" for t in words[2:4]):
        return not any(_cue(t, cues) for t in words)  # "This gave me a thorough grounding in IFRS"
    if not words or (words[0].lower_ not in FIRST_PERSON and words[0].lower_ not in LEAD_INS):
        return False  # "Avery asked that I submit it", "The plan you described": someone else is the subject
    if any(a.lower_ in STRUCK and b.lower_ in STRUCK_BY and c.lower_ in STRUCK_WHAT and d.lower_ not in STRUCK_GENERIC
           for a, b, c, d in zip(words, words[1:], words[2:], words[3:])):
        return False
    for word in words[:SUBJECT_REACH]:
        if word.lower_ in OTHER_PERSON:
            return False
        if word.lower_ in FIRST_PERSON:
            return not any(_cue(t, cues) for t in words)
    return False


# "I can add value to your team", "contribute to your organisation": the employer named as any note names it
GENERIC_EMPLOYER = frozenset({"team", "company", "organisation", "organization", "firm", "business", "bank",
                              "department", "group", "school", "practice", "agency", "office", "unit"})
OPEN_ENDINGS = frozenset({"and", "or", "in", "as", "with", "from", "for", "to", "at", "by", "over", "going", "ahead",
                          "today", "too"})


def _cue(token: Token, cues: frozenset[str]) -> bool:
    """A word that turns a clause to the reader or the meeting; "your team" at the end of a phrase ("add value
    to your team") does not, "your team's rota" or "your team plans" does."""
    if token.lower_ not in cues:
        return False
    if token.lower_ != "your":
        return True
    doc = token.doc
    if token.i + 1 >= len(doc) or doc[token.i + 1].lower_ not in GENERIC_EMPLOYER:
        return True
    after = doc[token.i + 2] if token.i + 2 < len(doc) else None
    return not (after is None or after.is_space or (after.is_punct and after.text not in ("'s", "’s"))
                or after.lower_ in OPEN_ENDINGS)


def conversation_tokens(doc: Doc, cues: frozenset[str]) -> set[int]:
    """Indices of the tokens outside clauses that only recap the writer ("I have five years of SQL").

    Such a clause could be sent to any employer; see about_the_writer.
    """
    allowed: set[int] = set()
    listing = False  # the sentence before was the writer's and ended with ":", as "I am responsible for:" does
    for sent in doc.sents:
        writer = False
        parts = clauses(sent)
        last = next((t for t in reversed(sent) if not t.is_space), None)
        if listing and not any(_cue(t, cues) for words, _ in parts for t in words):
            listing = last is not None and last.text == ":"
            continue  # "- Capital planning for a $40M budget - Launching four platforms": the writer's own list
        for words, after_dash in parts:
            # "..., permission slips and the inevitable lost passport" or "forty trips - coaches, ferries and
            # hostels": a list that carries on the clause before, not "and the recipe cards are a mess",
            # "and it gives me ideas" or "- the figure on visits surprised me", which say something of their own
            listed = after_dash or (len(words) > 1 and words[0].lower_ == "and" and words[1].lower_ in ARTICLES)
            carries_on = (writer and listed and not any(_cue(t, cues) or t.lower_ in FIRST_PERSON
                                                        or t.norm_ in VERB_MARKS for t in words))
            writer = carries_on or about_the_writer(words, cues)
            if not writer:
                allowed.update(t.i for t in words)
        listing = writer and last is not None and last.text == ":"
    return allowed


def _camel(word: str) -> bool:
    """A product's name written in camel case: "NetSuite", "SharePoint", "QuickBooks" (not "NASA", not "iPhone")."""
    return word.isalpha() and word[0].isupper() and any(c.isupper() for c in word[1:]) and any(c.islower() for c in word)


def named_things(
    doc: Doc, inside: tuple[int, int], stock: frozenset[str], common: frozenset[str], allowed: set[int] | None = None
) -> int:
    """Distinct capitalised names inside the note's body (`inside`: from the end of the greeting to the
    sign-off): a project, product or place ("Halcyon").

    Sentence starts, and the company and job title around words such as "role at" or "join", are set
    aside: every note names those. A day or a month counts only as part of a name ("the Saturday
    coding club"), not as a date ("on Saturday").
    """
    # the reader's and writer's own names, wherever they recur ("Thanks again, Melissa"), are not details
    people = {t.lower_ for t in doc if not inside[0] <= t.idx < inside[1]}
    names: set[str] = set()
    # where the name each token is part of begins, in one pass: "the City of Fresno" begins at "City"
    run_starts: list[int] = []
    for t in doc:
        before = doc[t.i - 1] if t.i else None
        joined = before is not None and (before.is_title or before.lower_ in NAME_JOINS) and not before.is_sent_start
        run_starts.append(run_starts[-1] if joined else t.i)
    for token in doc:
        if not (inside[0] <= token.idx < inside[1]) or token.is_sent_start or not (token.is_title or _camel(token.text)):
            continue
        if (allowed is not None and token.i not in allowed) or token.lower_ in people:
            continue
        if token.lower_ in CALENDAR_NAMES:
            before_word = doc[token.i - 1].lower_ if token.i else ""
            after = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if not (before_word in {"the", "your", "our"} and after is not None and after.is_alpha and after.is_lower
                    and not after.is_stop):
                continue
            names.add(token.lower_)
            continue
        if len(token) < 3 or not token.is_alpha or token.lower_ in stock or token.lower_ in common or token.is_stop:
            continue
        before = {t.lower_ for t in doc[max(0, token.i - EMPLOYER_CUE_REACH) : token.i]}
        start = run_starts[token.i]
        just_before = [t.lower_ for t in doc[max(0, start - 2) : start]]
        after = {t.lower_ for t in doc[token.i + 1 : token.i + 4]}
        # "the role at Brightwater", "joining the Halvard team", "the Data Analyst position", "this Solutions
        # Engineer exercise"; a preposition names the employer only right before it ("at the Brightwater"), not
        # "for introducing me to Biscuit, the practice cat"
        near = just_before[-1:] if just_before[-1:] != ["the"] else just_before
        if before & (EMPLOYER_CUES - EMPLOYER_PREPOSITIONS) or set(near) & EMPLOYER_PREPOSITIONS \
                or after & (ROLE_NOUNS | TASK_NOUNS):
            continue
        names.add(token.lower_)
    return len(names)


def detail_words(
    doc: Doc, stock: frozenset[str], common: frozenset[str] = frozenset(), allowed: set[int] | None = None,
    not_a_word: Callable[[str], bool] | None = None,
) -> int:
    """Distinct lower-case content words that are not stock thank-you vocabulary, and the terms of a trade.

    Names and greetings are capitalised, function words are spaCy stop words, and the
    stock list holds what any note says (thanks, role, opportunity, excited ...);
    what is left are the words only a real conversation supplies (billing, triage, clinic).
    A trade's own terms count too, though their parts are common words or not words at all:
    acronyms ("GPS", "SLA"), codes that mix letters and digits ("U18s", "Q3") and compounds
    joined by a hyphen ("injury-risk", "call-out"), unless stock ("follow-up", "hands-on").
    """
    titles = role_title_tokens(doc)
    seen = {
        t.lower_ for t in doc
        if (allowed is None or t.i in allowed) and t.i not in titles
        and t.is_alpha and t.is_lower and len(t) > 2 and not t.is_stop
        and t.lower_ not in stock and t.lower_ not in common and not ADVERB.search(t.lower_)
    }
    if not_a_word is not None:  # "beleive", "apreciate", "lmk": a slip or chat talk, not a word of the trade
        seen = {w for w in seen if not not_a_word(w)}
    for t in doc:
        if allowed is not None and t.i not in allowed:
            continue
        text = t.text
        if (TRADE_CODE.match(text) and t.lower_ not in stock and t.lower_ not in common and not t.is_stop
                and t.lower_.rstrip("s") not in STOCK_ACRONYMS):
            seen.add(t.lower_)
        elif (text == "-" and not t.whitespace_ and 0 < t.i < len(doc) - 1 and not doc[t.i - 1].whitespace_
              and doc[t.i - 1].is_alpha and doc[t.i + 1].is_alpha):
            compound = f"{doc[t.i - 1].lower_}-{doc[t.i + 1].lower_}"
            if compound not in STOCK_COMPOUNDS and compound not in stock and not (doc[t.i - 1].is_stop and doc[t.i + 1].is_stop):
                seen.add(compound)
    return len(seen)


# the nouns a job's title ends in: the words before them name the role applied for, not the conversation
# not "post", "job" or "opportunity": "your sourdough blog post", "the flaky nightly job" are details
TITLE_NOUNS = frozenset({"position", "role", "vacancy", "internship"})
ROLE_TITLE_REACH = 3


def role_title_tokens(doc: Doc) -> set[int]:
    """Indexes of the words that name the role: "the associate engineer position", "your nursing role"."""
    found: set[int] = set()
    for t in doc:
        if t.lower_ not in TITLE_NOUNS:
            continue
        for back in range(1, ROLE_TITLE_REACH + 1):
            if t.i - back < 0:
                break
            word = doc[t.i - back]
            if not word.is_alpha or word.is_stop:
                break
            found.add(word.i)
    return found


# a manner word says how, never what was discussed: "exceptionally", "genuinely", "wholeheartedly"
ADVERB = re.compile(r"^\w{4,}(?:ally|ively|ously|fully|edly|ingly|ently|antly|ately|ibly|ably|estly)$")
# an acronym of two to eight capitals ("GPS", "SLAs", "HITRUST"), or a code mixing letters and digits ("U18s", "Q3", "S3")
TRADE_CODE = re.compile(r"^(?:[A-Z]{2,8}s?|(?!\d+(?:st|nd|rd|th|am|pm|h|s)$)(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z0-9]{2,8})$")
# acronyms of any job application, not of a trade
STOCK_ACRONYMS = frozenset("""
cv hr ceo cfo cto coo cmo cio vp svp evp md gm pa mba phd bsc msc ba ma bs ms usa uk us eu asap fyi
am pm ok tbd eta faq rsvp ps id aka etc dm pdf hq nyc la
hi hey hello thx ty omg lol wow yay
""".split())
# hyphenated words any note could use, about any job
STOCK_COMPOUNDS = frozenset("""
follow-up thank-you in-person one-on-one face-to-face day-to-day hands-on fast-paced long-term short-term
well-being problem-solving cross-functional detail-oriented team-oriented results-oriented self-motivated
real-world next-step next-steps full-time part-time first-hand high-quality high-level top-notch
state-of-the-art up-to-date forward-thinking well-organized well-organised multi-tasking e-mail co-workers
co-worker re-connect re-iterate re-iterated year-old start-up start-ups on-site off-site by-the-way
""".split())


def flesch_reading_ease(text: str) -> float:
    """Flesch reading ease of the prose, with syllables from the shipped CMU dictionary."""
    from .syllables import patched_textstat

    return float(patched_textstat().flesch_reading_ease(text))
