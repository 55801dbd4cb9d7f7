"""The writer's own notes from the interview, read as a list of topics, and words compared as a careful
reader compares them ("migrating the billing system" mentions "the Atlas billing migration").

Notes are whatever the writer jotted down: Markdown headings and bullets, numbered lines, or plain
lines. Each non-empty line other than a Markdown heading (which only groups them) is one topic; a
`label: detail` line is named by its label. Lines that
only introduce ("# Notes", "Interviewers:", a date) yield no words worth matching and are left out
by the rule that reads the topics (kinds/recall.py), which knows the stock vocabulary.
"""
from __future__ import annotations

import re

from .situation import Topic

HEADING = re.compile(r"^\s*#{1,6}\s")
MARKERS = re.compile(r"^\s*(?:#{1,6}\s+|[-*+•]\s+(?:\[[ xX]\]\s+)?|\d{1,3}[.)]\s+|>\s*)")
EMPHASIS = re.compile(r"[*_`~]+")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
WORD = re.compile(r"[^\W\d_][\w'’-]*")
LABEL_SPLIT = re.compile(r"\s*(?::|\s[-–—]\s|\s\(|;)\s*")
MAX_LABEL_WORDS = 7
MAX_TOPICS = 200


def topics(text: str) -> tuple[Topic, ...]:
    """Each line of the notes with words in it, as a Topic named by its first clause."""
    found: list[Topic] = []
    in_front_matter = text.startswith("---")
    for number, raw in enumerate(text.splitlines()):
        if in_front_matter:
            if number and raw.strip() == "---":
                in_front_matter = False
            continue
        if HEADING.match(raw):
            continue  # a heading groups topics ("## Tom Reyes (SRE lead)"); its lines are the topics
        line = LINK.sub(r"\1", MARKERS.sub("", raw))
        line = " ".join(EMPHASIS.sub("", line).split())
        if not WORD.search(line):
            continue
        found.append(Topic(label_of(line), line))
        if len(found) >= MAX_TOPICS:
            break
    return tuple(found)


def label_of(line: str) -> str:
    """The topic's name: the words before a colon or a dash, or its first few words."""
    head = LABEL_SPLIT.split(line, maxsplit=1)[0].strip(" .,")
    words = (head or line).split()
    label = " ".join(words[:MAX_LABEL_WORDS])
    return label + ("..." if len(words) > MAX_LABEL_WORDS else "")


# suffixes a careful reader sees through, longest first: migration/migrating/migrated -> migrat
SUFFIXES = (
    ("ational", "ate"), ("ations", "ate"), ("ation", "ate"), ("itions", "ite"), ("ition", "ite"),
    ("ments", ""), ("ment", ""), ("ings", ""), ("ing", ""), ("ions", ""), ("ion", ""), ("ies", "y"),
    ("ied", "y"), ("ers", ""), ("er", ""), ("ed", ""), ("es", ""), ("s", ""), ("ly", ""),
)
UNDOUBLE = re.compile(r"([bdgmnprt])\1$")


def stem(word: str) -> str:
    """A rough stem, the same for a word's inflections and its common derivations."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    word = word.strip("'-")
    for suffix, replacement in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                continue
            word = word[: -len(suffix)] + replacement
            if suffix in ("ing", "ed", "er", "ers", "ings"):
                word = UNDOUBLE.sub(r"\1", word)
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


def words(text: str) -> list[str]:
    return WORD.findall(text)
