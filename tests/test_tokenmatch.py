"""notelint's token matcher finds what spaCy's Matcher finds, on every draft in the corpus and on hand-made patterns."""
from __future__ import annotations

from pathlib import Path

import pytest
from spacy.matcher import Matcher

from notelint.compile import build_nlp
from notelint.draft import read_draft
from notelint.packs import load_rules
from notelint.tokenmatch import TokenMatcher

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def both(nlp, patterns_by_key):
    ours, theirs = TokenMatcher(nlp.vocab, wrapped_lines=False), Matcher(nlp.vocab)
    for key, patterns in patterns_by_key.items():
        assert ours.add(key, patterns) == []
        theirs.add(key, patterns, greedy="LONGEST")
    return ours, theirs


def spacy_triples(matcher, doc):
    return sorted((doc.vocab.strings[key], start, end) for key, start, end in matcher(doc))


def test_every_shipped_pattern_matches_as_spacy_does_on_the_whole_corpus(nlp):
    rules = load_rules()
    patterns = {}
    for rule in rules:
        if rule.terms().patterns:
            patterns[rule.code] = [[t.as_spacy() for t in p] for p in rule.terms().patterns]
    ours, theirs = both(nlp, patterns)
    assert len(ours._spacy) == 0, "every shipped pattern is handled without spaCy's Matcher"
    paths = sorted(CORPUS.rglob("*.txt"))
    assert len(paths) > 1000
    differ = []
    for path, doc in zip(paths, nlp.pipe(read_draft(str(path)).linted_body for path in paths)):
        if sorted(ours(doc)) != spacy_triples(theirs, doc):
            differ.append(path.name)
    assert differ == []


@pytest.mark.parametrize("pattern, text", [
    ([{"LOWER": "please"}, {"IS_PUNCT": True, "OP": "?"}, {"LOWER": {"IN": ["call", "ring"]}}], "Please, call me. please ring"),
    ([{"LOWER": "very", "OP": "*"}, {"LOWER": "happy"}], "very very happy and happy"),
    ([{"LOWER": "so", "OP": "+"}, {"LOWER": "keen"}], "so so keen, so keen"),
    ([{"LOWER": "i"}, {"LOWER": {"NOT_IN": ["will", "would"]}, "OP": "{1,3}"}, {"LOWER": "call"}], "I will call. I really do call. I call"),
    ([{"LOWER": "not", "OP": "!"}, {"LOWER": "call"}], "I will not call but I call"),
    ([{"IS_SENT_START": True, "LOWER": {"IN": ["hey", "yo"]}}], "Hey there. Thanks, hey. Yo!"),
    ([{"TEXT": {"REGEX": "^[A-Z]{2,}$"}}, {"LENGTH": {">=": 3}, "OP": "?"}], "THANKS SO much for THE time"),
    ([{"NORM": {"IN": ["not"]}}, {"LOWER": "call"}], "I won't call, I will not call"),
])
def test_operators_and_attributes_match_as_spacy_does(nlp, pattern, text):
    ours, theirs = both(nlp, {"K": [pattern]})
    doc = nlp(text)
    assert sorted(ours(doc)) == spacy_triples(theirs, doc)
    assert ours(doc), "the example text holds a match"


def test_a_key_with_an_attribute_not_handled_here_is_matched_by_spacy(nlp):
    ours, theirs = both(nlp, {"SHAPED": [[{"SHAPE": "Xxxxx"}]], "PLAIN": [[{"LOWER": "thanks"}]]})
    assert len(ours._spacy) == 1
    doc = nlp("Thanks Dana, thanks again.")
    assert sorted(ours(doc)) == spacy_triples(theirs, doc) == [("PLAIN", 0, 1), ("PLAIN", 3, 4), ("SHAPED", 0, 1)]


def test_a_pattern_spacy_refuses_is_reported_with_its_index(nlp):
    refused = TokenMatcher(nlp.vocab).add("K", [[{"LOWER": "ok"}], [{"LOWR": "typo"}]])
    assert [index for index, _ in refused] == [1]


def test_a_line_wrapped_inside_a_sentence_is_matched_across_unless_the_key_looks_at_whitespace(nlp):
    matcher = TokenMatcher(nlp.vocab)
    matcher.add("OFFER", [[{"LOWER": "decline"}, {"LOWER": "your"}, {"LOWER": "offer"}]])
    matcher.add("SHAPE", [[{"LOWER": "your"}, {"IS_SPACE": True}, {"LOWER": "offer"}]])
    doc = nlp("I must formally decline your\noffer of employment.\n\nDecline your\n\noffer")
    assert sorted(matcher(doc)) == [("OFFER", 3, 7), ("SHAPE", 4, 7), ("SHAPE", 12, 15)]
