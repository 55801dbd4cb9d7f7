"""The spaCy pipeline (built once) and one token matcher plus one PhraseMatcher for all rules."""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .packs import RulePackError
from .schema import RuleCore, compile_regex

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import PhraseMatcher

    from .tokenmatch import TokenMatcher


def _paragraph_breaks(doc):  # noqa: ANN001, ANN202 - spaCy component
    """A blank line always ends a sentence, so a greeting or sign-off never joins the next sentence.

    Set through one array: setting token.is_sent_start checks the whole doc each time.
    """
    from spacy.attrs import SENT_START

    breaks = [t.i + 1 for t in doc[:-1] if t.is_space and t.text.count("\n") >= 2]
    if breaks:
        starts = doc.to_array([SENT_START])
        starts[breaks] = 1
        doc.from_array([SENT_START], starts)
    return doc


# Characters that end a word though spaCy's English tokenizer does not split on them: zero-width
# spaces pasted from web mail ("realy\u200b") and CJK punctuation ("田中さん、Thx").
WORD_BREAKS = r"[\u200b\u200c\u2060\ufeff、。，！？：；「」『』（）]"


def _english_with_word_breaks() -> Language:
    """spaCy's blank English pipeline, its tokenizer also splitting at WORD_BREAKS.

    Built in one go from its defaults: setting a finished tokenizer's prefix, suffix and infix
    rules one at a time reloads its 5,000 special cases each time (0.28 s at start).
    """
    from spacy.lang.en import English

    class EnglishWithWordBreaks(English):
        class Defaults(English.Defaults):
            prefixes = [WORD_BREAKS, *English.Defaults.prefixes]
            suffixes = [WORD_BREAKS, *English.Defaults.suffixes]
            infixes = [WORD_BREAKS, *English.Defaults.infixes]

    return EnglishWithWordBreaks()


def build_nlp(model: str | None = None) -> Language:
    """A blank English pipeline with a sentencizer, or a user-installed trained pipeline."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory("notelint_paragraph_breaks"):
        Language.component("notelint_paragraph_breaks", func=_paragraph_breaks)
    if model:
        nlp = spacy.load(model, exclude=["ner", "lemmatizer", "textcat"])
    else:
        nlp = _english_with_word_breaks()
    if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer")
    nlp.add_pipe("notelint_paragraph_breaks", last=True)
    nlp.max_length = sys.maxsize  # check --max-size (reading.py) bounds a draft's length, not spaCy
    return nlp


@dataclass
class Compiled:
    """Everything matching needs, built once per process."""

    nlp: Any
    matcher: TokenMatcher  # token patterns
    phrases: PhraseMatcher  # phrases, whatever their case
    exact_phrases: PhraseMatcher  # phrases of case-sensitive rules
    regexes: dict[str, list[Any]] = field(default_factory=dict)
    extra: dict[str, "Compiled"] = field(default_factory=dict)  # terms matched on demand, by key (doubts)


def compile_rules(rules: list[RuleCore], model: str | None = None) -> Compiled:
    """Add every rule's phrases, patterns and regexes to shared matchers; bad patterns raise RulePackError.

    A rule's extra terms (a context rule's doubts) get matchers of their own, run only on the notes
    that need them.
    """
    nlp = build_nlp(model)
    shared = _empty(nlp)
    problems: list[str] = []
    for rule in rules:
        _add(shared, rule.code, rule.terms(), rule, problems)
        for key, terms in rule.extra_terms().items():
            shared.extra[key] = _add(_empty(nlp), key, terms, rule, problems)
    problems += _missing_models(rules)
    if problems:
        raise RulePackError(problems)
    return shared


def _empty(nlp) -> Compiled:  # noqa: ANN001 - a spaCy Language
    from spacy.matcher import PhraseMatcher

    from .tokenmatch import TokenMatcher

    return Compiled(nlp, TokenMatcher(nlp.vocab), PhraseMatcher(nlp.vocab, attr="LOWER"),
                    PhraseMatcher(nlp.vocab, attr="ORTH"))


def _add(compiled: Compiled, key: str, terms, rule: RuleCore, problems: list[str]) -> Compiled:  # noqa: ANN001
    """Add one rule's terms under `key`; a pattern spaCy refuses is a problem naming the rule and the pattern."""
    patterns = [[token.as_spacy() for token in pattern] for pattern in terms.patterns]
    for i, detail in compiled.matcher.add(key, patterns) if patterns else ():
        where = "patterns" if key == rule.code else f"{key.split(':', 1)[1]}.patterns"
        problems.append(f"rule {rule.code} ({rule.name}): {where}.{i}: {detail}")
    if terms.phrases:
        target = compiled.exact_phrases if terms.case_sensitive else compiled.phrases
        target.add(key, [compiled.nlp.make_doc(p) for p in terms.phrases])
    if terms.regex:
        compiled.regexes[key] = [compile_regex(expression) for expression in terms.regex]  # checked at load
    return compiled


def _missing_models(rules: list[RuleCore]) -> list[str]:
    """A rule whose trained classifier is not on disk cannot run: say which, and how to build it."""
    from pathlib import Path

    from .kinds.classifier import model_folder

    problems = []
    for rule in rules:
        reading = rule if rule.kind == "classifier" else getattr(rule, "accept", None)
        if reading is None:
            continue
        folder = model_folder(getattr(rule, "_folder", None), reading.model)
        if not (Path(folder) / "config.cfg").is_file():
            problems.append(f"rule {rule.code} ({rule.name}): no trained model at {folder}; run `notelint train`")
    return problems
