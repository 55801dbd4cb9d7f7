"""Token patterns matched the way spaCy's Matcher matches them, without its per-token Python predicates.

spaCy's Matcher evaluates every Python predicate (`IN`, `NOT_IN`, `REGEX`, comparisons) of every
pattern's first token at every token of a note: about 90 Python calls a token for the shipped
rules, most of the time notelint spends on a note. Here each distinct token test is evaluated
once per distinct word in the process, and kept as a bit in that word's mask; a pattern is tried
only where its first token can match, and then by walking its tokens.

Results are spaCy's, pattern for pattern: the same (key, start, end) triples after the same
greedy "longest" filter (tests/test_tokenmatch.py compares the two on every draft in the corpus),
with one difference on purpose: a line break inside a paragraph ("decline your\noffer", as mail
clients and PDFs wrap text) or a run of extra spaces is not a word, so patterns match across it,
unless a key's patterns look at whitespace themselves (`IS_SPACE: true`, as greeting and sign-off
shapes do). `TokenMatcher(vocab, wrapped_lines=False)` matches exactly as spaCy does.
A key any of whose patterns uses something not handled here (an attribute, operator or predicate
outside the table below) is matched by spaCy's own Matcher instead.
"""
from __future__ import annotations

import json
import re
from typing import Any

# the token attributes handled here, by how they are read from Doc.to_array
_STRINGS = ("ORTH", "LOWER", "NORM")  # compared as strings
_FLAGS = ("IS_ALPHA", "IS_PUNCT", "IS_SPACE", "IS_TITLE", "IS_LOWER", "IS_UPPER", "IS_STOP", "IS_DIGIT",
          "LIKE_NUM", "LIKE_EMAIL", "LIKE_URL", "IS_ASCII", "IS_CURRENCY", "IS_BRACKET", "IS_QUOTE",
          "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT")
_COLUMNS = (*_STRINGS, *_FLAGS, "LENGTH", "SENT_START")
_ALIASES = {"TEXT": "ORTH"}
_COMPARE = {"==": lambda a, b: a == b, "!=": lambda a, b: a != b, ">=": lambda a, b: a >= b,
            "<=": lambda a, b: a <= b, ">": lambda a, b: a > b, "<": lambda a, b: a < b}
_QUANTIFIER = re.compile(r"\{(\d*)(,?)(\d*)\}$")


class Unsupported(Exception):
    """A pattern this matcher does not handle; its key goes to spaCy's Matcher."""


def _check(attribute: str, value: Any):  # noqa: ANN401, ANN202 - one predicate of one token
    """A function of (strings, flags, length) for one attribute's condition, or Unsupported."""
    attribute = _ALIASES.get(attribute, attribute)
    if attribute in _STRINGS:
        at = _STRINGS.index(attribute)
        if isinstance(value, str):
            return lambda strings, flags, length: strings[at] == value
        if not isinstance(value, dict):
            raise Unsupported(attribute)
        checks = []
        for op, operand in value.items():
            if op == "IN" and all(isinstance(v, str) for v in operand):
                members = frozenset(operand)
                checks.append(lambda strings, flags, length, m=members: strings[at] in m)
            elif op == "NOT_IN" and all(isinstance(v, str) for v in operand):
                members = frozenset(operand)
                checks.append(lambda strings, flags, length, m=members: strings[at] not in m)
            elif op == "REGEX" and isinstance(operand, str):
                search = re.compile(operand).search
                checks.append(lambda strings, flags, length, s=search: bool(s(strings[at])))
            else:
                raise Unsupported(f"{attribute} {op}")
        return lambda strings, flags, length: all(check(strings, flags, length) for check in checks)
    if attribute in _FLAGS and isinstance(value, bool):
        at = _FLAGS.index(attribute)
        return lambda strings, flags, length: flags[at] == value
    if attribute == "LENGTH":
        if isinstance(value, int) and not isinstance(value, bool):
            return lambda strings, flags, length: length == value
        if isinstance(value, dict) and all(op in _COMPARE and isinstance(n, int) for op, n in value.items()):
            pairs = [(_COMPARE[op], n) for op, n in value.items()]
            return lambda strings, flags, length: all(compare(length, n) for compare, n in pairs)
    raise Unsupported(attribute)


def _word_list(test: dict[str, Any]) -> tuple[int, list[str]] | None:
    """(which string, its words) when the test is only a word or an IN list on ORTH, LOWER or NORM."""
    if len(test) != 1:
        return None
    (attribute, value), = test.items()
    attribute = _ALIASES.get(attribute, attribute)
    if attribute not in _STRINGS:
        return None
    if isinstance(value, str):
        return _STRINGS.index(attribute), [value]
    if isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(v, str) for v in value["IN"]):
        return _STRINGS.index(attribute), list(value["IN"])
    return None


def _operators(op: str | None) -> list[str]:
    """A token's operator as a run of simple ones ("", "?", "*", "!"), as spaCy expands {n,m} and "+"."""
    if op in (None, "1"):
        return [""]
    if op in ("?", "*", "!"):
        return [op]
    if op == "+":
        return ["", "*"]
    quantifier = _QUANTIFIER.match(op)
    if not quantifier or quantifier.group() == "{}":
        raise Unsupported(f"OP {op}")
    low, comma, high = quantifier.groups()
    low_n = int(low or 0)
    if not comma:
        return [""] * low_n
    if not high:
        return [""] * low_n + ["*"]
    return [""] * low_n + ["?"] * (int(high) - low_n)


class TokenMatcher:
    """One key's patterns or many, matched like spaCy's Matcher with greedy="LONGEST" on every key."""

    def __init__(self, vocab, wrapped_lines: bool = True) -> None:  # noqa: ANN001 - a spaCy Vocab
        self.vocab = vocab
        self.wrapped_lines = wrapped_lines  # match across a line break inside a paragraph
        self._tests: list[tuple[Any, bool | None]] = []  # (word check, sentence-start condition)
        self._test_ids: dict[str, int] = {}
        # (key, ((test, op), ...), the second token's bit, whether the key looks at whitespace)
        self._patterns: list[tuple[str, tuple[tuple[int, str], ...], int, bool]] = []
        # patterns whose first token is "!" (they may start at any word), of keys blind to whitespace
        # and of keys that look at it
        self._anywhere_blind: list[int] = []
        self._anywhere_seeing: list[int] = []
        # (orth, norm) -> (mask, patterns that may start here: blind to whitespace / looking at it, is it a wrap)
        self._words: dict[tuple[int, int], tuple[int, tuple[int, ...], tuple[int, ...], bool]] = {}
        self._columns = None
        # tests that are a plain word or word list, by the string they read (ORTH, LOWER, NORM): word -> bits
        self._listed: list[dict[str, int]] = [{} for _ in _STRINGS]
        self._checked: list[tuple[int, Any]] = []  # (bit, check) for every other test
        self._first_tests: dict[int, list[int]] | None = None
        self._first_mask = 0
        from spacy.matcher import Matcher

        self._spacy = Matcher(vocab, validate=True)  # checks every pattern; matches the keys not handled here

    def __len__(self) -> int:
        return len(self._patterns) + len(self._spacy)

    def add(self, key: str, patterns: list[list[dict[str, Any]]]) -> list[tuple[int, str]]:
        """Add `key`'s patterns; returns (index, spaCy's complaint) for each pattern spaCy refuses."""
        refused = []
        for i, pattern in enumerate(patterns):
            try:
                self._spacy.add(key, [pattern], greedy="LONGEST")
            except Exception as exc:  # spaCy reports pattern errors with several exception types
                refused.append((i, str(exc).strip().splitlines()[-1].split("] ", 1)[-1]))
        if refused or key not in self._spacy:
            return refused
        try:
            compiled = [self._compile(pattern) for pattern in patterns]
        except Unsupported:
            return []  # spaCy's Matcher keeps this key
        self._spacy.remove(key)
        sees_spaces = any(spec.get("IS_SPACE") is True for pattern in patterns for spec in pattern)
        for tokens in compiled:
            for expanded in _without_leading_options(tokens):
                # the second token's bit, when it must be there, lets most tries stop before walking
                second = 1 << expanded[1][0] if len(expanded) > 1 and expanded[1][1] == "" else 0
                self._patterns.append((key, expanded, second, sees_spaces))
                if expanded[0][1] == "!":
                    (self._anywhere_seeing if sees_spaces else self._anywhere_blind).append(len(self._patterns) - 1)
        self._words.clear()
        self._first_tests = None
        return []

    def _compile(self, pattern: list[dict[str, Any]]) -> tuple[tuple[int, str], ...]:
        tokens = []
        for spec in pattern:
            test = {k: v for k, v in spec.items() if k != "OP"}
            name = json.dumps(test, sort_keys=True)
            if name not in self._test_ids:
                sentence_start = test.pop("IS_SENT_START", None)
                if sentence_start is not None and not isinstance(sentence_start, bool):
                    raise Unsupported("IS_SENT_START")
                checks = [_check(attribute, value) for attribute, value in test.items()]
                bit = 1 << len(self._tests)
                self._test_ids[name] = len(self._tests)
                self._tests.append((lambda s, f, n, c=tuple(checks): all(check(s, f, n) for check in c),
                                    sentence_start))
                words = _word_list(test)
                if words is None:
                    self._checked.append((bit, self._tests[-1][0]))
                else:  # a plain word or word list: looked up, not called, for each new word
                    at, values = words
                    for value in values:
                        self._listed[at][value] = self._listed[at].get(value, 0) | bit
            tokens += [(self._test_ids[name], op) for op in _operators(spec.get("OP"))]
        return tuple(tokens)

    def __call__(self, doc) -> list[tuple[str, int, int]]:  # noqa: ANN001 - a spaCy Doc
        """(key, start, end) for every key's matches, filtered and ordered as spaCy's greedy="LONGEST" does."""
        found: dict[str, set[tuple[int, int]]] = {}
        if self._patterns and len(doc):
            self._match(doc, found)
        results = []
        for key, pairs in found.items():
            taken = bytearray(len(doc))
            for start, end in sorted(pairs, key=lambda p: (p[1] - p[0], -p[0]), reverse=True):
                if not any(taken[start:end]):
                    results.append((key, start, end))
                    taken[start:end] = b"\x01" * (end - start)
        if len(self._spacy):
            strings = doc.vocab.strings
            results += [(strings[key], start, end) for key, start, end in self._spacy(doc)]
        return results

    def _match(self, doc, found: dict[str, set[tuple[int, int]]]) -> None:  # noqa: ANN001
        from spacy.attrs import IDS

        if self._columns is None:
            self._columns = [IDS[name] for name in _COLUMNS]
        rows = doc.to_array(self._columns).tolist()
        words, masks, blind, seeing, wraps = self._words, [], [], [], []
        for row in rows:
            word = words.get((row[0], row[2]))
            if word is None:
                word = words[(row[0], row[2])] = self._word(row)
            masks.append(word[0])
            blind.append(word[1])
            seeing.append(word[2])
            wraps.append(word[3])
        sentence_starts = [row[-1] == 1 for row in rows]
        everywhere = list(range(len(rows)))
        if not self.wrapped_lines or not any(wraps):
            self._walk(everywhere, masks, [b + s for b, s in zip(blind, seeing)], sentence_starts, found,
                       self._anywhere_blind + self._anywhere_seeing)
            return
        self._walk(everywhere, masks, seeing, sentence_starts, found, self._anywhere_seeing)
        words_only = [i for i in everywhere if not wraps[i]]
        self._walk(words_only, masks, blind, sentence_starts, found, self._anywhere_blind)

    def _walk(self, index: list[int], masks: list[int], starts_at: list[tuple[int, ...]], sentence_starts: list[bool],
              found: dict[str, set[tuple[int, int]]], anywhere: list[int]) -> None:
        """Try patterns along the tokens at `index` (all of them, or the words without line wraps):
        at each token the patterns that may start there (`starts_at`), and `anywhere`."""
        tests, patterns, n = self._tests, self._patterns, len(index)
        masks = [masks[i] for i in index]
        sentence_starts = [sentence_starts[i] for i in index]

        def passes(test: int, i: int) -> bool:
            if not masks[i] >> test & 1:
                return False
            wanted = tests[test][1]
            return wanted is None or sentence_starts[i] == wanted

        for start in range(n):
            following = masks[start + 1] if start + 1 < n else 0
            for p in (*starts_at[index[start]], *anywhere):
                key, tokens, second, _ = patterns[p]
                if second and not following & second:
                    continue  # the next word cannot be the pattern's second token: most tries end here
                for end in _ends(tokens, start, n, passes):
                    found.setdefault(key, set()).add((index[start], index[end - 1] + 1))

    def _word(self, row: list[int]) -> tuple[int, tuple[int, ...]]:
        """A word's mask of the tests it passes (sentence starts aside), the patterns that may start at it
        (of keys blind to whitespace, and of keys that look at it), and whether it is whitespace inside
        a paragraph (a line wrap or extra spaces)."""
        strings = self.vocab.strings
        texts = tuple(strings[h] for h in row[:3])
        flags = tuple(bool(v) for v in row[3:3 + len(_FLAGS)])
        length = row[3 + len(_FLAGS)]
        mask = 0
        for at, listed in enumerate(self._listed):
            mask |= listed.get(texts[at], 0)
        for bit, check in self._checked:
            if check(texts, flags, length):
                mask |= bit
        if self._first_tests is None:  # first tests -> the patterns that begin with them (built once)
            self._first_tests = {}
            for p, (_, tokens, _, _) in enumerate(self._patterns):
                if tokens[0][1] == "":
                    self._first_tests.setdefault(tokens[0][0], []).append(p)
            self._first_mask = sum(1 << test for test in self._first_tests)
        starts, firsts = [], mask & self._first_mask
        while firsts:
            low = firsts & -firsts
            starts += self._first_tests[low.bit_length() - 1]
            firsts ^= low
        starts.sort()
        wrap = flags[_FLAGS.index("IS_SPACE")] and texts[0].count("\n") <= 1
        return (mask, tuple(p for p in starts if not self._patterns[p][3]), tuple(p for p in starts if self._patterns[p][3]),
                wrap)


def _without_leading_options(tokens: tuple[tuple[int, str], ...]) -> list[tuple[tuple[int, str], ...]]:
    """The pattern as patterns that each begin with a token that must be there: [A?, B] is [A, B] and [B]."""
    if not tokens:
        return []
    (test, op), rest = tokens[0], tokens[1:]
    if op == "?":
        return [((test, ""), *rest), *_without_leading_options(rest)]
    if op == "*":
        return [((test, ""), (test, "*"), *rest), *_without_leading_options(rest)]
    return [tokens]


def _ends(tokens: tuple[tuple[int, str], ...], start: int, n: int, passes) -> set[int]:  # noqa: ANN001
    """Every end of a match of `tokens` from `start`: each way through the optional tokens."""
    ends: set[int] = set()
    stack, seen = [(0, start)], set()
    last = len(tokens)
    while stack:
        state = stack.pop()
        if state in seen:
            continue
        seen.add(state)
        k, i = state
        if k == last:
            if i > start:
                ends.add(i)
            continue
        test, op = tokens[k]
        if op in ("?", "*"):
            stack.append((k + 1, i))
        if i < n and (not passes(test, i) if op == "!" else passes(test, i)):
            stack.append((k + 1, i + 1))
            if op == "*":
                stack.append((k, i + 1))
    return ends
