"""The YAML rule model: one pydantic model per rule kind, unknown keys refused."""
from __future__ import annotations

import string
from typing import Annotated, Any, ClassVar, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, field_validator, model_validator

from .model import CATEGORIES, Severity

CONTEXT_VALUES: dict[str, tuple[str, ...]] = {
    "audience": ("hiring-manager", "interviewer", "panel", "recruiter", "referrer"),
    "stage": ("phone-screen", "interview", "after-offer", "rejection"),
    "medium": ("email", "card", "linkedin"),
}

# Token attributes a blank English pipeline sets; anything else would never match.
TRAINED_ATTRS = {"POS", "TAG", "DEP", "LEMMA", "MORPH", "ENT_TYPE", "ENT_IOB", "ENT_ID", "ENT_KB_ID", "SENT_START"}
OPERATORS = {"!", "?", "+", "*"}

Category = Literal[
    "length", "specificity", "gratitude", "interest", "greeting_signoff", "gifts", "social_media",
    "pushy_follow_up", "deference", "arrogance", "desperation", "placeholder", "casual_tone", "spelling",
]
assert set(Category.__args__) == set(CATEGORIES)  # type: ignore[attr-defined]

ContextKey = Literal["audience", "stage", "medium"]


def compile_regex(expression: str):  # noqa: ANN201 - re2's compiled pattern type
    """Compile with RE2 (linear time), its own error logging kept off stderr; raises ValueError."""
    import re2

    options = re2.Options()
    options.log_errors = False
    try:
        return re2.compile(expression, options=options)
    except re2.error as exc:
        detail = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        raise ValueError(f"{expression!r} is not a valid RE2 expression: {detail}") from None


def _valid_regexes(values: list[str]) -> list[str]:
    problems = []
    for i, expression in enumerate(values):
        try:
            compile_regex(expression)
        except ValueError as exc:
            problems.append(f"{i}: {exc}")
    if problems:
        raise ValueError("; ".join(problems))
    return values


def _no_duplicates(values: list[str]) -> list[str]:
    seen: set[str] = set()
    repeated: list[str] = []
    for value in values:
        if value.lower() in seen:
            repeated.append(value)
        seen.add(value.lower())
    if repeated:
        raise ValueError(f"listed more than once: {', '.join(repr(v) for v in dict.fromkeys(repeated))}")
    return values


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Predicate(Strict):
    """A token attribute test beyond equality: membership or a regular expression."""

    IN: list[str] | None = None
    NOT_IN: list[str] | None = None
    REGEX: str | None = None


class Comparison(Strict):
    """A numeric test on LENGTH."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    eq: int | None = Field(None, alias="==")
    ne: int | None = Field(None, alias="!=")
    ge: int | None = Field(None, alias=">=")
    le: int | None = Field(None, alias="<=")
    gt: int | None = Field(None, alias=">")
    lt: int | None = Field(None, alias="<")


class TokenSpec(Strict):
    """One token of a spaCy Matcher pattern, limited to what a blank pipeline sets."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    ORTH: str | Predicate | None = None
    TEXT: str | Predicate | None = None
    LOWER: str | Predicate | None = None
    NORM: str | Predicate | None = None
    SHAPE: str | Predicate | None = None
    PREFIX: str | Predicate | None = None
    SUFFIX: str | Predicate | None = None
    LENGTH: int | Comparison | None = None
    IS_ALPHA: bool | None = None
    IS_ASCII: bool | None = None
    IS_DIGIT: bool | None = None
    IS_LOWER: bool | None = None
    IS_UPPER: bool | None = None
    IS_TITLE: bool | None = None
    IS_PUNCT: bool | None = None
    IS_SPACE: bool | None = None
    IS_STOP: bool | None = None
    IS_SENT_START: bool | None = None
    IS_QUOTE: bool | None = None
    IS_BRACKET: bool | None = None
    LIKE_NUM: bool | None = None
    LIKE_URL: bool | None = None
    LIKE_EMAIL: bool | None = None
    OP: str | None = None

    @field_validator("OP")
    @classmethod
    def _known_operator(cls, op: str | None) -> str | None:
        if op is None or op in OPERATORS:
            return op
        inner = op[1:-1] if op.startswith("{") and op.endswith("}") else None
        parts = inner.split(",") if inner is not None else []
        if inner is None or len(parts) > 2 or not all(p.strip().isdigit() or p.strip() == "" for p in parts):
            raise ValueError(f"unknown operator {op!r}; use !, ?, +, * or {{n}}, {{n,m}}, {{,m}}, {{n,}}")
        return op

    def as_spacy(self) -> dict[str, Any]:
        return self.model_dump(exclude_none=True, by_alias=True)


class Example(Strict):
    text: str
    context: dict[ContextKey, str] = {}
    match: str | None = None  # fire examples: the words the rule must report, not only that it fires


def _as_example(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


class Examples(Strict):
    """Texts the rule must flag (`fire`) and must leave alone (`pass`)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    fire: list[Example] = Field(min_length=1)
    pass_: list[Example] = Field(alias="pass", min_length=1)

    @field_validator("fire", "pass_", mode="before")
    @classmethod
    def _strings_are_examples(cls, value: Any) -> Any:
        return [_as_example(v) for v in value] if isinstance(value, list) else value


class ContextFilter(Strict):
    """Where a rule applies. Unknown context always applies."""

    only: dict[ContextKey, list[str]] = {}
    skip: dict[ContextKey, list[str]] = {}

    @model_validator(mode="after")
    def _known_values(self) -> "ContextFilter":
        for where in (self.only, self.skip):
            for key, values in where.items():
                unknown = [v for v in values if v not in CONTEXT_VALUES[key]]
                if unknown:
                    raise ValueError(f"{key}: unknown value(s) {unknown}; known: {list(CONTEXT_VALUES[key])}")
        return self


class Guards(Strict):
    """Reasons to drop a match: negated, quoted, or next to a word that changes its sense."""

    negation: bool = True
    quotation: bool = True
    not_followed_by: list[str] = []
    not_preceded_by: list[str] = []
    names_nearby: bool = False  # drop a match next to a capitalised word: part of a name ("Hamilton STAR")


class RuleBase(Strict):
    code: str = Field(pattern=r"^NL\d{3,4}$")
    name: str = Field(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
    category: Category
    severity: Severity
    message: str = Field(min_length=1)
    why: str = Field(min_length=1)
    instead: str = Field(min_length=1)
    link: str | None = None
    context: ContextFilter = ContextFilter()
    guards: Guards = Guards()
    examples: Examples
    # rules whose findings on the same words report the same problem less precisely; they are dropped
    supersedes: list[str] = []
    # rules whose findings make this one wrong or redundant for the whole note: a note that claims
    # the job is already theirs plainly wants it, so "no interest" would be wrong
    unless_fired: list[str] = []

    PLACEHOLDERS: ClassVar[frozenset[str]] = frozenset()  # message fields a kind may fill in

    @model_validator(mode="after")
    def _message_fields(self) -> "RuleBase":
        allowed = self.PLACEHOLDERS
        used = {name for _, name, _, _ in string.Formatter().parse(self.message) if name}
        unknown = used - allowed
        if unknown:
            raise ValueError(
                f"message uses unknown field(s) {sorted(unknown)}; this kind offers {sorted(allowed) or 'none'}"
            )
        return self


class MatchFields(Strict):
    """What a rule looks for: phrases, token patterns and RE2 expressions, checked when loaded."""

    phrases: list[str] = []
    patterns: list[list[TokenSpec]] = []
    regex: list[str] = []

    @field_validator("regex")
    @classmethod
    def _regexes_compile(cls, values: list[str]) -> list[str]:
        return _valid_regexes(values)

    @field_validator("phrases")
    @classmethod
    def _phrases_once(cls, values: list[str]) -> list[str]:
        return _no_duplicates(values)

    @model_validator(mode="after")
    def _something_to_match(self) -> "MatchFields":
        if not (self.phrases or self.patterns or self.regex):
            raise ValueError("needs at least one of phrases, patterns or regex")
        if any(not p for p in self.patterns):
            raise ValueError("patterns: a token pattern cannot be empty")
        return self


class Matchable(RuleBase, MatchFields):
    """A rule that fires on (or requires) what its phrases, patterns and regexes match."""


class ExistenceRule(Matchable):
    """Fires on every match of a phrase, token pattern or regex."""

    kind: Literal["existence"]
    filter: Literal["english-word"] | None = None
    PLACEHOLDERS: ClassVar[frozenset[str]] = frozenset({"match"})


class SubstitutionRule(RuleBase):
    """Fires on a word or phrase that has a better replacement."""

    kind: Literal["substitution"]
    swap: dict[str, str] = Field(min_length=1)
    case_sensitive: bool = False
    PLACEHOLDERS: ClassVar[frozenset[str]] = frozenset({"match", "replacement"})


class RequiredRule(Matchable):
    """Fires when nothing matches in the part of the note it looks at."""

    kind: Literal["required"]
    within: Literal["body", "opening", "closing"] = "body"
    guards: Guards = Guards(negation=False, quotation=True)


Metric = Literal[
    "words", "sentences", "paragraphs", "sentence_words", "paragraph_words", "exclamations", "emoji", "flesch_reading_ease",
    "detail_words",
]


class Override(Strict):
    when: dict[ContextKey, str]
    min: float | None = None
    max: float | None = None


class MetricRule(RuleBase):
    """Fires when a measured value leaves its bounds (per sentence or paragraph for *_words)."""

    kind: Literal["metric"]
    metric: Metric
    min: float | None = None
    max: float | None = None
    overrides: list[Override] = []
    stock_words: list[str] = []  # detail_words: words any note could contain, so they are not details
    common_rank: int = 0  # detail_words: the N most frequent English words are not details either
    name_weight: int = 0  # detail_words: how many detail words a capitalised project or product name is worth
    # detail_words: count only sentences with one of these words (they recall the conversation or
    # the reader); a recap of the writer's own CV is not a detail from the conversation
    conversation_cues: list[str] = []
    guards: Guards = Guards(negation=False, quotation=False)
    PLACEHOLDERS: ClassVar[frozenset[str]] = frozenset({"value", "limit"})

    @model_validator(mode="after")
    def _has_bound(self) -> "MetricRule":
        if self.min is None and self.max is None:
            raise ValueError("needs min or max")
        return self

    def bounds(self, context: dict[str, str]) -> tuple[float | None, float | None]:
        low, high = self.min, self.max
        for override in self.overrides:
            if all(context.get(k) == v for k, v in override.when.items()):
                low = override.min if override.min is not None else low
                high = override.max if override.max is not None else high
        return low, high


class SpellingRule(RuleBase):
    """Fires on words an offline dictionary does not know and can correct."""

    kind: Literal["spelling"]
    min_length: int = 3
    guards: Guards = Guards(negation=False, quotation=True)
    PLACEHOLDERS: ClassVar[frozenset[str]] = frozenset({"match", "suggestion"})


class ContextExamples(Strict):
    """Texts from which the rule must infer its value (`infer`) and texts from which it must not (`pass`)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    infer: list[str] = Field(min_length=1)
    pass_: list[str] = Field(alias="pass", min_length=1)


class ContextRule(MatchFields):
    """Infers the note's situation (stage, audience, medium) from what it says, when nobody stated it.

    It produces no finding: it sets a context value that other rules' `context:` filters read.
    Context given in front matter or with --context always wins.
    """

    kind: Literal["context"]
    code: str = Field(pattern=r"^NL0\d{2}$")
    name: str = Field(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
    sets: dict[ContextKey, str] = Field(min_length=1, max_length=1)
    why: str = Field(min_length=1)
    within: Literal["body", "opening", "closing"] = "body"
    # a negation rarely changes the situation: "couldn't have happened without your referral"
    guards: Guards = Guards(negation=False)
    examples: ContextExamples

    category: ClassVar[str] = "context"

    @model_validator(mode="after")
    def _known_value(self) -> "ContextRule":
        for key, value in self.sets.items():
            if value not in CONTEXT_VALUES[key]:
                raise ValueError(f"sets: {key}: unknown value {value!r}; known: {list(CONTEXT_VALUES[key])}")
        return self

    @property
    def key(self) -> str:
        return next(iter(self.sets))

    @property
    def value(self) -> str:
        return self.sets[self.key]


Rule = Annotated[
    Union[ExistenceRule, SubstitutionRule, RequiredRule, MetricRule, SpellingRule, ContextRule],
    Field(discriminator="kind"),
]
RULE_ADAPTER: TypeAdapter[Rule] = TypeAdapter(Rule)
FindingRule = ExistenceRule | SubstitutionRule | RequiredRule | MetricRule | SpellingRule
AnyRule = FindingRule | ContextRule
