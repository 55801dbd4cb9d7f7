"""Offline spelling: what counts as a word, and what gets a suggestion."""
from __future__ import annotations

import pytest

from notelint import spelling


@pytest.mark.parametrize("word", ["organisation", "colour", "analysed", "programme", "résumé", "triages",
                                   "patroller", "wastewater", "onboarding", "roadmap", "Kubernetes"])
def test_known_words(word):
    assert spelling.is_known(word)


@pytest.mark.parametrize(("typo", "fix"), [("recieve", "receive"), ("definately", "definitely"),
                                           ("sincerly", "sincerely"), ("greatful", "grateful"),
                                           ("managment", "management"), ("wonderfull", "wonderful")])
def test_typos_are_unknown_and_corrected(typo, fix):
    assert not spelling.is_known(typo)
    assert spelling.suggest(typo) == fix


def test_shouting_filter_knows_acronyms():
    assert spelling.is_english_word("REALLY")
    assert not spelling.is_english_word("HIPAA")
    assert not spelling.is_english_word("ASAP")


def test_spelling_rule_skips_names_quotes_hyphen_parts_and_listed_words(linter):
    from notelint.draft import parse_draft

    text = ('---\nwords: [Zorblat, flarnish]\n---\nI met Ms. Qwertyuiop and saw the flarnish demo. '
            'She said "recieve" twice. The pre-screen went well, and I look forward to recieving news.')
    report = linter.lint_text(parse_draft("d.txt", text))
    assert [(f.match, f.suggestion) for f in report.findings if f.rule == "NL1401"] == [("recieving", "receiving")]
