"""The parts of the YAML rule model every kind shares; each kind's own model is in kinds/<kind>.py.

Unknown keys are refused everywhere, so a typo is an error rather than a silently ignored key.
"""
from __future__ import annotations

import string
from functools import lru_cache
from typing import Any, ClassVar, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .model import CONTEXT_VALUES, Severity, fold_words  # noqa: F401 - CONTEXT_VALUES is part of the rule model


# Token attributes a blank English pipeline sets; anything else would never match.
TRAINED_ATTRS = {"POS", "TAG", "DEP", "LEMMA", "MORPH", "ENT_TYPE", "ENT_IOB", "ENT_ID", "ENT_KB_ID", "SENT_START"}
OPERATORS = {"!", "?", "+", "*"}

# a category is declared in a pack's pack.yaml (the built-in ones in rules/pack.yaml); packs.py checks it exists
CATEGORY_NAME = r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$"
RULE_NAME = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
ContextKey = Literal["audience", "stage", "medium"]


@lru_cache(maxsize=1024)
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


def valid_regexes(values: list[str]) -> list[str]:
    problems = []
    for i, expression in enumerate(values):
        try:
            compile_regex(expression)
        except ValueError as exc:
            problems.append(f"{i}: {exc}")
    if problems:
        raise ValueError("; ".join(problems))
    return values


def no_duplicates(values: list[str], what: str = "") -> list[str]:
    """Refuse an entry listed twice, ignoring case and spacing ("Thx" repeats "thx")."""
    seen: set[str] = set()
    repeated: list[str] = []
    for value in values:
        folded = fold_words(value)
        if folded in seen:
            repeated.append(value)
        seen.add(folded)
    if repeated:
        where = f"{what}: " if what else ""
        raise ValueError(f"{where}listed more than once: {', '.join(repr(v) for v in dict.fromkeys(repeated))}")
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
    # audience, stage, medium, and the situation: to, company, role, interview_date, send_date
    context: dict[str, str | list[str]] = {}
    match: str | None = None  # fire examples: the words the rule must report, not only that it fires
    notes: str | None = None  # the writer's interview notes, as text, for rules that read them
    # other notes sent after the same interview, for rules that compare them (kind: panel)
    others: list["Example"] = []

    @field_validator("context")
    @classmethod
    def _known_context(cls, context: dict[str, Any]) -> dict[str, Any]:
        from .situation import SituationError, read_layer

        if "interview" in context:
            raise ValueError("interview: give the notes' text under `notes:` instead of a path")
        try:
            read_layer(context, "example", __import__("pathlib").Path.cwd(), strict=True, where="context")
        except SituationError as exc:
            raise ValueError(str(exc).removeprefix("context: ")) from None
        return context

    @property
    def situated(self) -> bool:
        """True when the example states more than the context filters (so it needs situation.for_example)."""
        return bool(self.notes) or any(k not in CONTEXT_VALUES for k in self.context)


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
    # situations in which the rule applies whatever `skip` says: a gift is fine after an offer, except
    # to someone who interviewed you (`skip: {stage: [after-offer]}`, `keep: {audience: [interviewer]}`)
    keep: dict[ContextKey, list[str]] = {}

    @model_validator(mode="after")
    def _known_values(self) -> "ContextFilter":
        for where in (self.only, self.skip, self.keep):
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
    letterhead: bool = False  # also look in a letterhead or address block above the greeting (template slots)
    # drop a match whose words this RE2 expression finds: "[attached: plan.pdf]" points at a real attachment
    not_matching: str | None = None

    @field_validator("not_followed_by", "not_preceded_by")
    @classmethod
    def _words_once(cls, values: list[str]) -> list[str]:
        return no_duplicates(values)

    @field_validator("not_matching")
    @classmethod
    def _compiles(cls, value: str | None) -> str | None:
        if value is not None:
            compile_regex(value)  # ValueError: not a valid RE2 expression
        return value


class Terms(NamedTuple):
    """What the shared matchers look for on a rule's behalf."""

    phrases: tuple[str, ...] = ()
    patterns: tuple[tuple[TokenSpec, ...], ...] = ()
    regex: tuple[str, ...] = ()
    case_sensitive: bool = False


class Fix(Strict):
    """How `notelint fix` may rewrite a finding's words. Only `safe: true` fixes are ever applied."""

    safe: bool = False  # true only when the rewrite cannot change what the writer meant
    replace: str | None = None  # existence rules: what the matched words become ("!!" -> "!")
    when: str | None = None  # an RE2 expression the matched words must match in full for the fix to apply
    skip: list[str] = []  # substitution rules: entries never rewritten (ambiguous: "ur" is your or you're)

    @field_validator("when")
    @classmethod
    def _when_compiles(cls, value: str | None) -> str | None:
        if value is not None:
            compile_regex(value)
        return value

    def applies(self, words: str) -> bool:
        """True when these matched words may be rewritten: `when` matches them in full, and they are not skipped."""
        if fold_words(words) in {fold_words(s) for s in self.skip}:
            return False
        return self.when is None or compile_regex(self.when).fullmatch(words) is not None


class RuleCore(Strict):
    """What every rule has, whether it reports findings or infers context."""

    kind: str
    code: str
    name: str = Field(pattern=RULE_NAME)
    why: str = Field(min_length=1)
    guards: Guards = Guards()

    REPORTS: ClassVar[bool] = True  # False for rules that only infer context

    def terms(self) -> Terms:
        """Phrases, token patterns and regexes to match for this rule (none by default)."""
        return Terms()

    def extra_terms(self) -> dict[str, Terms]:
        """More to match on the rule's behalf, under keys of its own (a context rule's `doubts`)."""
        return {}


class RuleBase(RuleCore):
    """A rule that reports findings."""

    code: str = Field(pattern=r"^NL\d{3,4}$")
    category: str = Field(pattern=CATEGORY_NAME)
    severity: Severity
    message: str = Field(min_length=1)
    instead: str = Field(min_length=1)
    link: str | None = None
    context: ContextFilter = ContextFilter()
    fix: Fix | None = None
    examples: Examples
    # rules whose findings on the same words report the same problem less precisely; they are dropped
    supersedes: list[str] = []
    # rules whose findings make this one wrong or redundant for the whole note: a note that claims
    # the job is already theirs plainly wants it, so "no interest" would be wrong
    unless_fired: list[str] = []
    # words that, anywhere in the note outside quotations, make the rule wrong for the whole note: a
    # note that only asks how the application stands has no conversation to recall
    unless: Unless | None = None

    PLACEHOLDERS: ClassVar[frozenset[str]] = frozenset()  # message fields a kind may fill in
    COUNTS: ClassVar[frozenset[str]] = frozenset()  # those that are numbers, and may name a noun: {value:words}

    def extra_terms(self) -> dict[str, Terms]:
        return {self.unless_key: self.unless.terms()} if self.unless else {}

    @property
    def unless_key(self) -> str:
        return f"{self.code}:unless"

    @model_validator(mode="after")
    def _message_fields(self) -> "RuleBase":
        from .wording import is_noun

        allowed = self.PLACEHOLDERS
        fields = [(name, spec) for _, name, spec, _ in string.Formatter().parse(self.message) if name]
        unknown = {name for name, _ in fields} - allowed
        if unknown:
            raise ValueError(
                f"message uses unknown field(s) {sorted(unknown)}; this kind offers {sorted(allowed) or 'none'}"
            )
        for name, spec in fields:
            if spec and is_noun(spec) and name not in self.COUNTS:
                counts = ", ".join(f"{{{c}}}" for c in sorted(self.COUNTS)) or "none in this kind"
                raise ValueError(f"message: {{{name}:{spec}}}: only a count takes a noun ({counts})")
        return self


# Bounds that keep a hostile or runaway pack from taking minutes to load or compile; the largest
# built-in rule uses a tenth of each.
MAX_PHRASES = 2_000
MAX_PATTERNS = 200
MAX_PATTERN_TOKENS = 16
MAX_REGEXES = 100
MAX_REGEX_CHARS = 1_000


class MatchFields(Strict):
    """What a rule looks for: phrases, token patterns and RE2 expressions, checked when loaded."""

    phrases: list[str] = Field([], max_length=MAX_PHRASES)  # matched whatever the case and spacing
    patterns: list[list[TokenSpec]] = Field([], max_length=MAX_PATTERNS)
    regex: list[str] = Field([], max_length=MAX_REGEXES)  # as written: add (?i) to ignore case
    case_sensitive: bool = False  # phrases match only as written

    @field_validator("regex")
    @classmethod
    def _regexes_compile(cls, values: list[str]) -> list[str]:
        return valid_regexes(values)

    @field_validator("phrases")
    @classmethod
    def _phrases_once(cls, values: list[str]) -> list[str]:
        return no_duplicates(values)

    @model_validator(mode="after")
    def _something_to_match(self) -> "MatchFields":
        if not (self.phrases or self.patterns or self.regex):
            raise ValueError("needs at least one of phrases, patterns or regex")
        if any(not p for p in self.patterns):
            raise ValueError("patterns: a token pattern cannot be empty")
        if any(len(p) > MAX_PATTERN_TOKENS for p in self.patterns):
            raise ValueError(f"patterns: a token pattern may have at most {MAX_PATTERN_TOKENS} tokens")
        if any(len(r) > MAX_REGEX_CHARS for r in self.regex):
            raise ValueError(f"regex: an expression may be at most {MAX_REGEX_CHARS} characters long")
        return self

    def terms(self) -> Terms:
        return Terms(
            tuple(self.phrases), tuple(tuple(p) for p in self.patterns), tuple(self.regex), self.case_sensitive
        )


class Unless(MatchFields):
    """Words that, anywhere in the note, keep a rule quiet for the whole note."""


RuleBase.model_rebuild()  # RuleBase names Unless, defined after it; pydantic resolves the field now


class Matchable(RuleBase, MatchFields):
    """A rule that fires on (or requires) what its phrases, patterns and regexes match."""

    def terms(self) -> Terms:
        return MatchFields.terms(self)




# --- validation errors in notelint's words -------------------------------------------------------
# pydantic's messages ("Input should be a valid integer", "Field required") describe Python types;
# a user who mistyped a key in a rule file or a config gets these instead, with a did-you-mean.

PATTERN_WORDS = {
    RULE_NAME: "lower-case words joined by hyphens, like no-salary-talk",
    CATEGORY_NAME: "lower-case words joined by _, like salary_talk",
    r"^NL\d{3,4}$": "NL and 3 or 4 digits, like NL5001",
    r"^NL0\d{2}$": "NL0 and 2 digits, like NL006 (the codes of context rules)",
}
EXPECTED = {
    "string_type": "text", "int_type": "a whole number", "int_parsing": "a whole number",
    "int_from_float": "a whole number", "float_type": "a number", "float_parsing": "a number",
    "bool_type": "true or false", "bool_parsing": "true or false", "list_type": "a list", "tuple_type": "a list",
    "set_type": "a list", "dict_type": "{mapping}", "model_type": "{mapping}", "model_attributes_type": "{mapping}",
}


def _members(annotation: Any) -> list[Any]:
    """The types a field may hold: Optional and unions opened, Annotated unwrapped."""
    import typing

    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _members(typing.get_args(annotation)[0])
    if origin is typing.Union or type(annotation).__name__ == "UnionType":
        return [m for a in typing.get_args(annotation) for m in _members(a) if a is not type(None)]
    return [annotation]


def _fields(model: Any) -> dict[str, Any]:
    """A model's keys as a user writes them (aliases where there are) -> their annotations."""
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        return {}
    return {(info.alias or name): info.annotation for name, info in model.model_fields.items()
            if not (info.exclude is True)}


def _step(annotation: Any, part: str | int) -> tuple[Any, bool]:
    """The type one step down the error's location, and whether the step is a key the user wrote
    (False for the name pydantic gives a union's member, which the user never wrote)."""
    import typing

    for member in _members(annotation):
        origin, args = typing.get_origin(member), typing.get_args(member)
        if isinstance(part, int) and origin in (list, tuple, set, frozenset):
            return (args[0] if args else None), True
        if isinstance(part, str):
            fields = _fields(member)
            if part in fields:
                return fields[part], True
            if origin is dict:
                return (args[1] if len(args) == 2 else None), True
    names = {getattr(m, "__name__", str(m)): m for m in _members(annotation)}
    if isinstance(part, str) and part in names:
        return names[part], False
    return None, True


def _walk(root: Any, loc: tuple) -> tuple[list[str], Any, bool]:
    """The key path as the user wrote it, the type holding its last key, and whether the error is
    about a mapping's key ('[key]') rather than a value."""
    keys: list[str] = []
    current, parent, about_key = root, root, False
    for part in loc:
        if isinstance(part, str) and part.startswith("function-"):
            continue
        if part == "[key]":
            about_key = True
            continue
        following, written = _step(current, part)
        if written:
            keys.append(str(part))
            parent = current
        current = following
    return keys, parent, about_key


def _input(value: Any, mapping: str) -> str:
    """What the user wrote, described: text ('x'), a number (5), a list."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, str):
        return f"text ({value!r})"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return mapping
    return "nothing" if value is None else type(value).__name__


def _choices(error: dict) -> list[str]:
    import re

    return re.findall(r"'((?:[^'\\]|\\.)*)'", str(error.get("ctx", {}).get("expected", "")))


def _message(error: dict, parent: Any, key: str, about_key: bool, mapping: str) -> str:
    """One error's message in our words (without its key path)."""
    from .wording import did_you_mean, plural

    kind, ctx, value = error["type"], error.get("ctx") or {}, error.get("input")
    if kind == "extra_forbidden" or (about_key and kind in ("literal_error", "enum")):
        choices = _choices(error) if about_key else list(_fields(parent))
        return "unknown key" + did_you_mean(key, choices)
    if kind in ("literal_error", "enum"):
        choices = _choices(error)
        return f"{value!r} is not one of {', '.join(choices)}" + did_you_mean(value, choices)
    if kind == "missing":
        return "missing (required)"
    if kind in EXPECTED:
        return f"expected {EXPECTED[kind].format(mapping=mapping)}, not {_input(value, mapping)}"
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern", "")
        return f"{value!r} must be {PATTERN_WORDS.get(pattern, f'written as {pattern}')}"
    if kind == "string_too_short":
        n = ctx.get("min_length", 1)
        return "must not be empty" if n == 1 else f"must be at least {plural(n, 'character')} long"
    if kind == "string_too_long":
        return f"may be at most {plural(ctx.get('max_length'), 'character')} long"
    if kind == "too_short":
        return f"needs at least {plural(ctx.get('min_length'), 'entry', 'entries')}"
    if kind == "too_long":
        return f"may have at most {plural(ctx.get('max_length'), 'entry', 'entries')}, not {ctx.get('actual_length')}"
    bounds = {"greater_than_equal": ("at least", "ge"), "less_than_equal": ("at most", "le"),
              "greater_than": ("more than", "gt"), "less_than": ("less than", "lt")}
    if kind in bounds:
        words, name = bounds[kind]
        return f"must be {words} {ctx.get(name)}, not {value}"
    if kind in ("value_error", "assertion_error"):
        return str(ctx.get("error") or error["msg"])
    return f"{value!r} is not a valid value here"


def describe_errors(errors: list[dict], root: Any, mapping: str = "a mapping") -> list[str]:
    """Each validation error as `key.path: message`, in our words; the errors a union gives for one
    value (not text, not a mapping) are one line: 'expected text or a mapping, not a number (5)'."""
    lines: dict[str, list[tuple[dict, Any, bool]]] = {}
    for error in errors:
        keys, parent, about_key = _walk(root, tuple(error["loc"]))
        lines.setdefault(".".join(keys), []).append((error, parent, about_key))
    out = []
    for key, group in lines.items():
        expected = [EXPECTED[e["type"]].format(mapping=mapping) for e, _, _ in group if e["type"] in EXPECTED]
        if len(group) > 1 and len(expected) == len(group):  # one value, refused by each member of a union
            message = f"expected {' or '.join(dict.fromkeys(expected))}, not {_input(group[0][0].get('input'), mapping)}"
            out.append(f"{key}: {message}" if key else message)
            continue
        for error, parent, about_key in group:
            message = _message(error, parent, key.rsplit(".", 1)[-1], about_key, mapping)
            out.append(f"{key}: {message}" if key else message)
    return out
