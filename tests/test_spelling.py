"""Offline spelling: what counts as a word, what is a misspelling, and what gets a suggestion."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from notelint import spelling

# Real misspellings of the common kinds: doubled or undoubled letters, swapped letters, a letter
# two places off, wrong, dropped or extra vowels, dropped consonants. Each must be flagged with
# the right correction.
MISSPELLINGS = [
    ("comming", "coming"), ("writting", "writing"), ("begining", "beginning"), ("greatfull", "grateful"),
    ("greatful", "grateful"), ("recieve", "receive"), ("definately", "definitely"), ("occured", "occurred"),
    ("seperate", "separate"), ("tommorow", "tomorrow"), ("accomodate", "accommodate"),
    ("enviroment", "environment"), ("sincerly", "sincerely"), ("managment", "management"),
    ("wonderfull", "wonderful"), ("oppurtunity", "opportunity"), ("intrested", "interested"),
    ("beleive", "believe"), ("untill", "until"), ("arguement", "argument"), ("goverment", "government"),
    ("buisness", "business"), ("acheive", "achieve"), ("collegue", "colleague"), ("succesful", "successful"),
    ("neccessary", "necessary"), ("truely", "truly"), ("wierd", "weird"), ("familar", "familiar"),
    ("reccomend", "recommend"), ("adress", "address"), ("existance", "existence"),
    ("independant", "independent"), ("occassion", "occasion"), ("embarass", "embarrass"),
    ("posession", "possession"), ("foward", "forward"), ("apparantly", "apparently"),
    ("hopefuly", "hopefully"), ("knowlege", "knowledge"), ("experiance", "experience"),
    ("excellant", "excellent"), ("apreciate", "appreciate"), ("oportunity", "opportunity"),
    ("comitment", "commitment"), ("commited", "committed"), ("responsibilty", "responsibility"),
    ("curiousity", "curiosity"), ("proffesional", "professional"), ("interveiw", "interview"),
    ("thier", "their"), ("reciept", "receipt"), ("agressive", "aggressive"), ("tecnical", "technical"),
    ("sucess", "success"), ("lenght", "length"), ("enthusiam", "enthusiasm"), ("basicly", "basically"),
    ("publically", "publicly"),
]

# Real words that must not be flagged: trade jargon from several industries, British spellings,
# words from other languages used in sign-offs, inflected forms and compounds.
WORDS = [
    # loanwords in everyday English use that neither dictionary lists
    "gelato", "kimchi", "tapas", "pho",
    # written with accents: another language, not a slip
    "durée", "indépendant", "señal",
    # software and data
    "upsert", "kubectl", "dedupe", "onboarding", "roadmap", "backfill", "webhook", "timebox", "lakehouse",
    "geofence", "dashboarding", "failover", "sharding", "idempotent", "serverless", "linter", "geospatial",
    # warehouse, marketing, people
    "reslot", "retargeting", "martech", "upskill", "reskill", "planogram", "restock", "merchandising",
    # health, finance, building, hospitality, law
    "haematology", "anaesthesia", "paediatric", "phlebotomy", "telehealth", "intubated", "amortise",
    "reconciliations", "accruals", "chargebacks", "rebar", "formwork", "drywall", "sommelier", "paralegal",
    "estoppel",
    # British spellings
    "aluminium", "cheques", "organisation", "colour", "programme", "analysed", "favourite", "centre",
    "catalogue", "travelling", "licence", "behaviour", "honoured", "judgement", "manoeuvre", "storey",
    "tyre", "palletised",
    # other languages, as used in greetings and sign-offs
    "abrazo", "saludos", "cordialement", "grazie", "gracias", "merci", "danke", "obrigado", "atentamente",
    "besos", "bisous", "saluti", "cordiali", "groetjes", "ciao", "résumé",
    # inflected forms and compounds
    "triages", "patroller", "reslotting", "upserted", "deduped", "onboarded", "organisations",
    "wastewater", "codebase", "paywall", "playbook", "timeboxed",
]


@pytest.mark.parametrize(("typo", "fix"), MISSPELLINGS)
def test_misspellings_are_flagged_with_the_right_correction(typo, fix):
    assert not spelling.is_known(typo)
    assert spelling.suggest(typo) == fix


@pytest.mark.parametrize("word", WORDS)
def test_real_words_are_not_flagged(word):
    assert spelling.suggest(word) is None


def test_lists_are_large_enough():
    assert len(set(MISSPELLINGS)) >= 40 and len(set(WORDS)) >= 40


@pytest.mark.parametrize("word", ["organisation", "colour", "analysed", "programme", "résumé", "triages",
                                   "haematology", "cheques", "wastewater", "onboarding", "roadmap", "Kubernetes"])
def test_known_words(word):
    assert spelling.is_known(word)


def test_suggestion_keeps_capitals():
    assert spelling.suggest("Sincerly") == "Sincerely"


def test_chat_shorthand_is_never_a_misspelling_and_nl1302_reports_it():
    rule = yaml.safe_load((Path(__file__).resolve().parents[1] / "rules" / "NL1302-texting-shorthand.yaml").read_text())
    fragments = {"gon", "na", "wan", "ta"}  # spaCy's pieces of gonna / wanna / gotta
    for word in spelling.chat_shorthand():
        assert spelling.suggest(word) is None, word
        assert word in fragments or word in rule["swap"], f"{word} is in data/chat.txt but NL1302 does not report it"
    assert spelling.suggest("lmk") is None


def test_shouting_filter_knows_acronyms():
    assert spelling.is_english_word("REALLY")
    assert not spelling.is_english_word("HIPAA")
    assert not spelling.is_english_word("ASAP")


def test_common_words_are_frequent_dictionary_words():
    top = spelling.common_words(2000)
    assert len(top) == 2000
    assert {"the", "interview", "team", "work"} <= top
    assert "haematology" not in top


def test_nothing_is_loaded_at_import():
    import subprocess
    import sys

    code = "import sys, notelint.spelling; print('rapidfuzz' in sys.modules, notelint.spelling.lexicon.cache_info().currsize)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "0"]


def _spelling_findings(linter, text):
    from notelint.draft import parse_draft

    report = linter.lint_text(parse_draft("d.txt", text))
    return [(f.match, f.suggestion) for f in report.findings if f.rule == "NL1401"]


def test_spelling_rule_skips_names_quotes_hyphen_parts_and_listed_words(linter):
    text = ('---\nwords: [Zorblat, flarnish]\n---\nI met Ms. Qwertyuiop and saw the flarnish demo. '
            'She said "recieve" twice. The pre-screen went well, and I look forward to recieving news.')
    assert _spelling_findings(linter, text) == [("recieving", "receiving")]


def test_capitalised_words_checked_at_sentence_start_and_signoff_only(linter):
    text = ("Dear Ms. Okafor,\n\nThank you for the interview. Definately a highlight was the upsert demo "
            "with Jaime and Marc. Okafor said Kubectl was next.\n\nSincerly,\nJordan Blaise\n")
    assert _spelling_findings(linter, text) == [("Definately", "Definitely"), ("Sincerly", "Sincerely")]


def test_names_from_greeting_and_signature_are_known(linter):
    text = "Hi Marc,\n\nThank you for today. Marc, your point on triage stuck with me.\n\nBest,\nJaime\n"
    assert _spelling_findings(linter, text) == []


def test_chat_shorthand_goes_to_casual_tone_not_spelling(linter):
    from notelint.draft import parse_draft

    report = linter.lint_text(parse_draft("d.txt", "Hi Priya,\n\nThanks for today, lmk about next steps.\n\nBest,\nJo\n"))
    rules = {f.rule for f in report.findings if f.match == "lmk"}
    assert rules == {"NL1302"}


def test_the_compact_lexicon_holds_exactly_what_the_word_file_says():
    """data/lexicon.bin.gz is data/spelling.txt.gz packed for a fast start; both are shipped, so they must agree."""
    import gzip
    from importlib import resources

    from notelint import spelling

    data = resources.files("notelint").joinpath("data")
    raw = data.joinpath("spelling.txt.gz").read_bytes()
    assert gzip.decompress(data.joinpath("lexicon.bin.gz").read_bytes()) == spelling.compact(raw), \
        "rebuild data/lexicon.bin.gz from data/spelling.txt.gz (spelling.compact)"
    # the file read line by line, as the checker read it before it was packed
    words, names, foreign, zipf, pool = set(), set(), set(), {}, {}
    z, kind = 0, ""
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        if line.startswith("#"):
            continue
        if line.startswith("@"):
            kind, number = line[1:].split()
            z = int(number)
            continue
        {"word": words, "name": names, "foreign": foreign}.get(kind, set()).update(line.split())
        if z and kind != "foreign":
            zipf.update(dict.fromkeys(line.split(), z))
            if kind == "word" and z >= spelling.COMMON_ZIPF:
                for w in line.split():
                    pool.setdefault(len(w), []).append(w)
    lex = spelling.lexicon()
    everything = words | names | foreign | set(zipf)
    assert len(everything) > 250_000
    for word in everything:
        assert (word in lex.words, word in lex.names, word in lex.foreign, lex.zipf.get(word, 0)) == \
            (word in words, word in names, word in foreign, zipf.get(word, 0)), word
    assert lex.pool == pool
    for absent in ("zzzzq", "", "a" * 40):
        assert absent not in lex.words and lex.zipf.get(absent, 0) == 0


def test_a_compact_lexicon_that_disagrees_with_the_word_file_is_not_trusted(tmp_path, monkeypatch):
    """A stale data/lexicon.bin.gz (the word file rebuilt, the table not) is ignored: the word file is read."""
    import gzip
    from importlib import resources

    from notelint import spelling

    data = resources.files("notelint").joinpath("data")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "spelling.txt.gz").write_bytes(data.joinpath("spelling.txt.gz").read_bytes())
    stale = spelling.compact(gzip.compress(b"@word 50\nonlyword\n"))
    (tmp_path / "data" / "lexicon.bin.gz").write_bytes(gzip.compress(stale))
    monkeypatch.setattr(spelling.resources, "files", lambda package: tmp_path)
    spelling.lexicon.cache_clear()
    try:
        assert "receive" in spelling.lexicon().words and "onlyword" not in spelling.lexicon().words
    finally:
        spelling.lexicon.cache_clear()
