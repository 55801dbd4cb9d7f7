"""The spaCy pipeline (built once) and one Matcher plus one PhraseMatcher for all rules."""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .packs import RulePackError
from .schema import RuleCore, compile_regex

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import Matcher, PhraseMatcher


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


def _split_on_word_breaks(nlp: Language) -> None:
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    tokenizer = nlp.tokenizer
    tokenizer.prefix_search = compile_prefix_regex([WORD_BREAKS, *nlp.Defaults.prefixes]).search
    tokenizer.suffix_search = compile_suffix_regex([WORD_BREAKS, *nlp.Defaults.suffixes]).search
    tokenizer.infix_finditer = compile_infix_regex([WORD_BREAKS, *nlp.Defaults.infixes]).finditer


def build_nlp(model: str | None = None) -> Language:
    """A blank English pipeline with a sentencizer, or a user-installed trained pipeline."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory("notelint_paragraph_breaks"):
        Language.component("notelint_paragraph_breaks", func=_paragraph_breaks)
    if model:
        nlp = spacy.load(model, exclude=["ner", "lemmatizer", "textcat"])
    else:
        nlp = spacy.blank("en")
        _split_on_word_breaks(nlp)
    if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer")
    nlp.add_pipe("notelint_paragraph_breaks", last=True)
    nlp.max_length = sys.maxsize  # check --max-size (reading.py) bounds a draft's length, not spaCy
    return nlp


@dataclass
class Compiled:
    """Everything matching needs, built once per process."""

    nlp: Any
    matcher: Matcher  # token patterns
    phrases: PhraseMatcher  # phrases, whatever their case
    exact_phrases: PhraseMatcher  # phrases of case-sensitive rules
    regexes: dict[str, list[Any]] = field(default_factory=dict)
    extra: dict[str, "Compiled"] = field(default_factory=dict)  # terms matched on demand, by key (doubts)


def compile_rules(rules: list[RuleCore], model: str | None = None) -> Compiled:
    """Add every rule's phrases, patterns and regexes to shared matchers; bad patterns raise RulePackError."""
    from spacy.matcher import Matcher, PhraseMatcher

    nlp = build_nlp(model)
    matcher = Matcher(nlp.vocab, validate=True)
    phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
    exact_phrases = PhraseMatcher(nlp.vocab, attr="ORTH")
    regexes: dict[str, list[Any]] = {}
    problems: list[str] = []
    extra: dict[str, Compiled] = {}
    for rule in rules:
        for key, terms in rule.extra_terms().items():  # matched only when needed: a matcher of their own
            extra[key] = _compile_extra(nlp, key, terms, problems, rule)
    for rule in rules:
        for key, terms in ((rule.code, rule.terms()),):
            for i, pattern in enumerate(terms.patterns):
                try:
                    matcher.add(key, [[token.as_spacy() for token in pattern]], greedy="LONGEST")
                except Exception as exc:  # spaCy reports pattern errors with several exception types
                    detail = str(exc).strip().splitlines()[-1].split("] ", 1)[-1]
                    where = "patterns" if key == rule.code else f"{key.split(':', 1)[1]}.patterns"
                    problems.append(f"rule {rule.code} ({rule.name}): {where}.{i}: {detail}")
            if terms.phrases:
                target = exact_phrases if terms.case_sensitive else phrases
                target.add(key, [nlp.make_doc(p) for p in terms.phrases])
            if terms.regex:
                regexes[key] = [compile_regex(expression) for expression in terms.regex]  # checked at load
    problems += _missing_models(rules)
    if problems:
        raise RulePackError(problems)
    return Compiled(nlp, matcher, phrases, exact_phrases, regexes, extra)


def _compile_extra(nlp, key: str, terms, problems: list[str], rule: RuleCore) -> "Compiled":  # noqa: ANN001
    """A rule's extra terms (a context rule's doubts) in matchers of their own, run only on notes that need them."""
    from spacy.matcher import Matcher, PhraseMatcher

    matcher = Matcher(nlp.vocab, validate=True)
    for i, pattern in enumerate(terms.patterns):
        try:
            matcher.add(key, [[token.as_spacy() for token in pattern]], greedy="LONGEST")
        except Exception as exc:  # spaCy reports pattern errors with several exception types
            detail = str(exc).strip().splitlines()[-1].split("] ", 1)[-1]
            problems.append(f"rule {rule.code} ({rule.name}): {key.split(':', 1)[1]}.patterns.{i}: {detail}")
    phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    if terms.phrases:
        (exact if terms.case_sensitive else phrases).add(key, [nlp.make_doc(p) for p in terms.phrases])
    regexes = {key: [compile_regex(expression) for expression in terms.regex]} if terms.regex else {}
    return Compiled(nlp, matcher, phrases, exact, regexes)


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
