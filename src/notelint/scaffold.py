"""`notelint new-rule`: a rule file with every section, to fill in, for each kind."""
from __future__ import annotations

SCHEMA_HINT = "# For your editor to check keys: put '# yaml-language-server: $schema=<path to rule.schema.json>' first.\n"

HEADER = SCHEMA_HINT + """\
# {code} {name}: {what}
# Fill in every TODO, then run `notelint test <this folder>`: the examples must hold.
# Keys and values: docs/writing-rules.md; editors check them against docs/rule.schema.json.
code: {code}
name: {name}
category: {category}
severity: {severity}  # error: likely to hurt the application; warning: an adviser would ask for a change; info: polish
kind: {kind}
"""

COMMON = """\
# Why an adviser would ask for a change, in your own words (shown by `notelint explain`).
why: >
  TODO: what the reader thinks when they see this.
# What to write instead (shown under each finding).
instead: >
  TODO: what a better note says.
"""

EXAMPLES = """\
examples:
  # notes this rule must flag; `match` is the words it must report
  fire:
    - text: "TODO: a sentence this rule must flag."
      match: "TODO"
  # notes it must leave alone: negations, quotations, near-misses
  pass:
    - "TODO: a sentence that looks similar but is fine."
"""

BODIES = {
    "existence": (
        "words or phrases that are a problem wherever they appear",
        """\
message: "'{{match}}' TODO: say what is wrong with it"
# matched whatever the case and spacing; add token `patterns:` or RE2 `regex:` for more
phrases:
  - TODO-phrase
""",
    ),
    "substitution": (
        "words that have a better replacement",
        """\
message: "write '{{replacement}}' rather than '{{match}}'"
# each entry matches whatever its case ("thx", "Thx", "THX"); list under match_case: the ones that must not
swap:
  TODO-word: TODO-replacement
""",
    ),
    "required": (
        "something every note must contain",
        """\
message: "TODO: say what the note is missing"
within: body  # body, opening (the first lines) or closing (the last lines)
phrases:
  - TODO-phrase
""",
    ),
    "metric": (
        "a measured value outside its bounds",
        """\
message: "TODO: {{value:words}} is over the limit of {{limit}}"  # {{value:words}}: "1 word", "3 words"
# words, sentences, paragraphs, sentence_words, paragraph_words, exclamations, emoji,
# flesch_reading_ease or detail_words
metric: words
max: 250
""",
    ),
    "repeated": (
        "a word or phrase used more often than a note should",
        """\
message: "'{{match}}' appears {{count:times}}; {{limit}} is enough"
max: 1
phrases:
  - TODO-phrase
""",
    ),
    "spelling": (
        "words a dictionary does not know",
        """\
message: "'{{match}}' may be misspelled; did you mean '{{suggestion}}'?"
min_length: 3
""",
    ),
}

CONTEXT = SCHEMA_HINT + """\
# {code} {name}: reads a situation from the note when nobody stated it
# Fill in every TODO, then run `notelint test <this folder>`: the examples must hold.
code: {code}
name: {name}
kind: context
sets: {{stage: interview}}  # TODO: one of audience, stage, medium, and one of its values
why: >
  TODO: why these words give the situation away.
phrases:
  - TODO-phrase
examples:
  infer:
    - "TODO: a note from which the value must be inferred."
  pass:
    - "TODO: a note that looks similar but says otherwise."
"""

FORM = SCHEMA_HINT + """\
# {code} {name}: reads a situation from the note's shape (its parts and length) when nobody stated it
# Fill in every TODO, then run `notelint test <this folder>`: the examples must hold.
code: {code}
name: {name}
kind: form
sets: {{medium: card}}  # TODO: one of audience, stage, medium, and one of its values
why: >
  TODO: why a note of this shape is in this situation.
subject: false  # TODO: the conditions that must all hold; leave out what need not be checked
max_words: 60
examples:
  infer:
    - "TODO: a note of this shape."
  pass:
    - "TODO: a note of another shape."
"""

# a kind added to kinds/ without a body here: the shared sections, and a pointer to its own keys
OTHER = """\
message: "TODO: say what is wrong"
# TODO: the keys this kind needs; its module in notelint/kinds/ describes them
"""

KINDS = (*BODIES, "context", "form")


def scaffold(kind: str, code: str, name: str, category: str, severity: str) -> str:
    """The text of a new rule file; every placeholder is a TODO that `notelint test` will not pass."""
    if kind == "context":
        return CONTEXT.format(code=code, name=name)
    if kind == "form":
        return FORM.format(code=code, name=name)
    what, body = BODIES.get(kind, (f"a rule of kind {kind}", OTHER))
    header = HEADER.format(code=code, name=name, what=what, category=category, severity=severity, kind=kind)
    return header + body.format() + COMMON + EXAMPLES
