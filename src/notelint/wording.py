"""Counts that agree in number: "1 word", "2 words", "0 words", in reports and in rule messages.

A rule message writes a count with its noun as a format spec, `{value:words}`, and `fill` puts the
noun in the number the count takes: "1 word", "3 words". The noun is written in the plural; its
singular drops the final s of the last word ("exclamation marks" -> "exclamation mark"), or is
given first for an irregular noun (`{count:person|people}`). Other format specs (`{value:.1f}`)
work as in str.format.
"""
from __future__ import annotations

import re
import string

# a noun phrase, not a format spec: letters first, two at least, and spaces, hyphens, apostrophes
_NOUN = re.compile(r"^[A-Za-z][A-Za-z' -]+(\|[A-Za-z][A-Za-z' -]*)?$")


def plural(count: float, noun: str, plural_form: str | None = None) -> str:
    """The count and the noun in the number it takes: `plural(1, "word")` is "1 word", `plural(3, "word")`
    "3 words". `plural_form` for a noun that does not just add an s ("person", "people")."""
    many = plural_form or (noun + "es" if noun.endswith(("s", "sh", "ch", "x")) else noun + "s")
    return f"{count} {noun if count == 1 else many}"


def is_noun(spec: str) -> bool:
    """True for a count's noun (`words`, `person|people`), False for an ordinary format spec (`.1f`)."""
    return bool(_NOUN.match(spec))


def forms(spec: str) -> tuple[str, str]:
    """(singular, plural) of a count's noun spec: `words` -> (word, words), `person|people` as written."""
    if "|" in spec:
        one, many = spec.split("|", 1)
        return one, many
    return (spec[:-1] if spec.endswith("s") else spec), spec


def number(value: object) -> str:
    """A count as a reader writes it: 2,500; a measure to one decimal: 41.3; anything else as it is."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    return f"{int(value):,}" if value == int(value) else f"{value:,.1f}"


class _Formatter(string.Formatter):
    def format_field(self, value: object, format_spec: str) -> str:
        if not format_spec:
            return number(value)
        if not is_noun(format_spec):
            return super().format_field(value, format_spec)
        one, many = forms(format_spec)
        return f"{number(value)} {one if value == 1 else many}"


_FORMATTER = _Formatter()


def fill(template: str, **fields: object) -> str:
    """A rule message with its fields filled in, each count with its noun in the right number."""
    return _FORMATTER.format(template, **fields)


def did_you_mean(word: str, choices, quote: bool = True, cutoff: float = 0.6) -> str:  # noqa: ANN001 - strings
    """"; did you mean 'select'?" for the choice closest to a misspelt word, or "" when none is close.

    A well-formed rule code (NL000, NL1320) gets no suggestion: a digit off is another rule, not a typo.
    """
    import difflib

    if re.fullmatch(r"(?i)NL\d+", str(word)):
        return ""
    choices = [str(c) for c in choices]
    folded = {c.lower(): c for c in choices}
    close = difflib.get_close_matches(str(word).lower(), list(folded), n=1, cutoff=cutoff)
    if not close or folded[close[0]] == word:
        return ""
    best = folded[close[0]]
    return f"; did you mean {best!r}?" if quote else f"; did you mean {best}?"
