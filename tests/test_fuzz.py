"""Property tests over arbitrary drafts, front matter and context: nothing escapes, every span is honest.

Bounded for CI (a few hundred examples, well under a minute); HYPOTHESIS_PROFILE=long runs more.
"""
from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from notelint.draft import DraftError, parse_draft
from notelint.schema import CONTEXT_VALUES

settings.register_profile(
    "ci", max_examples=120, deadline=None, database=None, derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile(
    "long", max_examples=3000, deadline=None, database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# pieces of real notes and of what trips rules, so that random drafts reach the rules' code paths
FRAGMENTS = [
    "Dear Ms. Okafor,", "Hi Sam!", "Hey", "To whom it may concern", "Thank you for the interview.",
    "thx so much", "THANK YOU", "I've sent you a gift card.", "I won't call you.", "I'll call you Friday",
    "Let's connect on LinkedIn", "followed you on Instagram", "I am the best candidate", "[Company Name]",
    "{first_name}", "I really need this job", "pls lmk", "Sooooo excited!!!", "🙂🙂", "😊", ":)", "recieve",
    "Best regards,", "Jo Lee", "I look forward to hearing from you.", "\"a gift card\"", "> I'll call you",
    "Thank you for the offer; I am delighted to accept.", "after my phone screen", "U of T", "RN", "—", "…",
    "Zoë Ångström", "محمد", "王小明", "\u200b", "\u00a0", "\t", "\r\n", "\r", "\n\n", " ", "!", "?", "'", "\u201c",
]
note_text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=20)), max_size=40
).map("".join)
any_text = st.one_of(note_text, st.text(max_size=300))
front_values = st.one_of(
    st.sampled_from([v for values in CONTEXT_VALUES.values() for v in values]),
    st.text(max_size=10), st.integers(), st.none(), st.lists(st.text(max_size=5), max_size=3),
)
front_matter = st.one_of(
    st.just(""),
    st.dictionaries(st.sampled_from(["audience", "stage", "medium", "names", "words", "expect", "x"]), front_values,
                    max_size=4).map(lambda d: "---\n" + "".join(f"{k}: {v!r}\n" for k, v in d.items()) + "---\n"),
    st.text(max_size=40).map(lambda t: "---\n" + t + "\n---\n"),
)
context = st.dictionaries(
    st.sampled_from(list(CONTEXT_VALUES)),
    st.sampled_from([v for values in CONTEXT_VALUES.values() for v in values]),
    max_size=2,
).filter(lambda c: all(v in CONTEXT_VALUES[k] for k, v in c.items()))


def _offset(draft, line: int, column: int) -> int:
    starts = [0] + [i + 1 for i, ch in enumerate(draft.text) if ch == "\n"]
    return starts[line - 1] + column - 1


@given(head=front_matter, body=any_text, stated=context)
def test_any_draft_lints_without_error_and_every_span_is_the_text_it_names(linter, head, body, stated):
    try:
        draft = parse_draft("note.txt", head + body, stated)
    except DraftError as error:
        assert "\n" not in str(error)  # a user's mistake: one line, reported by the CLI with exit 2
        return
    report = linter.lint_text(draft)
    assert 0 <= report.score.value <= 100
    for finding in report.findings:
        start = _offset(draft, finding.start.line, finding.start.column)
        end = _offset(draft, finding.end.line, finding.end.column)
        assert draft.body_start <= start <= end <= len(draft.text)
        assert draft.text[start:end] == finding.match
        assert finding.line_text == draft.text.split("\n")[finding.start.line - 1]
    assert linter.lint_text(draft) == report  # deterministic


@given(data=st.binary(max_size=400))
@settings(max_examples=60)
def test_any_bytes_on_standard_input_end_in_a_report_or_one_line_and_exit_2(data):
    from typer.testing import CliRunner

    from notelint.cli import app

    result = CliRunner().invoke(app, ["check", "-", "--format", "json"], input=data)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1, 2)
    if result.exit_code == 2:
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("notelint: error: <stdin>: ")


@pytest.mark.parametrize("text", ["", " ", "\n\n", "---\n---\n"])
def test_empty_drafts_are_a_user_error(text):
    with pytest.raises(DraftError):
        parse_draft("note.txt", text)
