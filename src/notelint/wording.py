"""Counts that agree in number: "1 word", "2 words", "0 words"."""
from __future__ import annotations


def plural(count: float, noun: str, plural_form: str | None = None) -> str:
    """The count and the noun in the number it takes: `plural(1, "word")` is "1 word", `plural(3, "word")`
    "3 words". `plural_form` for a noun that does not just add an s ("person", "people")."""
    many = plural_form or (noun + "es" if noun.endswith(("s", "sh", "ch", "x")) else noun + "s")
    return f"{count} {noun if count == 1 else many}"
