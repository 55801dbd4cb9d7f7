"""`notelint fix`: only safe fixes, nothing written without --write, the file otherwise exactly as it was."""
from __future__ import annotations

import stat

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from notelint.cli import app

NOTE = "Dear Ana,\n\nThx for the tour!! Can you believe it?! I loved it, ur team rocks, lol.\n\nBest,\nJo\n"
FIXED = "Dear Ana,\n\nThank you for the tour! Can you believe it?! I loved it, ur team rocks, lol.\n\nBest,\nJo\n"


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def test_without_write_it_shows_the_diff_changes_nothing_and_exits_1(tmp_path):
    draft = tmp_path / "note.txt"
    draft.write_text(NOTE)
    result = run("fix", "--diff", str(draft))
    assert result.exit_code == 1
    assert "-Thx for the tour!! Can you believe it?!" in result.stdout
    assert "+Thank you for the tour! Can you believe it?!" in result.stdout
    assert result.stdout.endswith("2 problems in 1 file would be fixed; run with --write to apply\n")
    assert draft.read_text() == NOTE


def test_write_applies_only_safe_literal_fixes(tmp_path):
    """'?!' (not a run of '!'), 'ur' (your or you're) and 'lol' (advice, not text) are left to the writer."""
    draft = tmp_path / "note.txt"
    draft.write_text(NOTE)
    result = run("fix", "--write", str(draft))
    assert (result.exit_code, result.stdout) == (0, f"{draft}: fixed 2 problems\n")
    assert draft.read_text() == FIXED
    assert run("fix", str(draft)).stdout == "nothing to fix\n"


@pytest.mark.parametrize("encoding, bom, newline", [
    ("utf-8", b"", "\r\n"),
    ("utf-8", b"\xef\xbb\xbf", "\n"),
    ("utf-16-le", b"\xff\xfe", "\r\n"),
    ("cp1252", b"", "\r"),
])
def test_write_keeps_encoding_byte_order_mark_line_endings_and_mode(tmp_path, encoding, bom, newline):
    draft = tmp_path / "note.txt"
    accented = NOTE.replace("Ana", "Anaïs Lefèvre")
    draft.write_bytes(bom + accented.replace("\n", newline).encode(encoding))
    draft.chmod(0o640)
    assert run("fix", "--write", str(draft)).exit_code == 0
    expected = FIXED.replace("Ana", "Anaïs Lefèvre").replace("\n", newline)
    assert draft.read_bytes() == bom + expected.encode(encoding)
    assert stat.S_IMODE(draft.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["note.txt"]  # no temporary file left behind


def test_a_link_is_fixed_through_and_stays_a_link(tmp_path):
    target = tmp_path / "real.txt"
    target.write_text(NOTE)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert run("fix", "--write", str(link)).exit_code == 0
    assert link.is_symlink() and target.read_text() == FIXED


def test_a_file_that_changed_since_it_was_read_is_not_written(tmp_path):
    from notelint.draft import DraftError
    from notelint.fix import Source, write

    draft = tmp_path / "note.txt"
    draft.write_text(NOTE)
    source = Source.read(draft)
    draft.write_text(NOTE + "P.S. edited in another window\n")
    with pytest.raises(DraftError, match="changed on disk while notelint was fixing it; nothing written"):
        write(source, FIXED)
    assert draft.read_text().endswith("P.S. edited in another window\n")
    assert [p.name for p in tmp_path.iterdir()] == ["note.txt"]


def test_unreadable_inputs_are_one_line_each_and_exit_2(tmp_path):
    (tmp_path / "scan.pdf.txt").write_bytes(b"%PDF-1.7\n...")
    result = run("fix", str(tmp_path / "missing.txt"), str(tmp_path / "scan.pdf.txt"))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 2 and "missing.txt" in result.stderr and "PDF" in result.stderr


SHORTHAND = st.sampled_from(["thx", "Thx", "THX", "pls", "gonna", "u", "!!", "!!!", "?!", "ur", "lol", "tmrw", "btw"])
PLAIN = st.sampled_from(["Thank you", "for the", "tour", "of the ward", ".", ",", " ", "\n", "\r\n", "Dear Ana", "é", "🙂"])


@given(st.lists(st.one_of(SHORTHAND, PLAIN), min_size=1, max_size=30))
@settings(max_examples=60, deadline=None, derandomize=True, database=None)
def test_fixing_twice_is_fixing_once_and_only_fixed_words_change(tmp_path_factory, parts):
    from notelint.engine import Linter
    from notelint.fix import Source, safe_edits
    from notelint.packs import load_rules

    rules = load_rules()
    fixes = {r.code: r.fix for r in rules if r.REPORTS and r.fix is not None and r.fix.safe}
    linter = _linter(Linter, rules)
    path = tmp_path_factory.mktemp("fix") / "note.txt"
    path.write_bytes(("Dear Ana,\n\n" + " ".join(parts) + "\n\nBest,\nJo\n").encode())
    source = Source.read(path)
    draft = source.draft()
    edits = safe_edits(draft, linter.lint_text(draft), fixes)
    once = source.rewritten(edits)
    # the text between fixed spans comes through unchanged and in order, from the first character to the last
    spans = [_raw_span(source, e) for e in edits]
    outside = [source.raw[a:b] for a, b in zip([0, *(end for _, end in spans)], [*(start for start, _ in spans), None])]
    at = 0
    for k, piece in enumerate(outside):
        found = once.find(piece, at)
        assert found == at if k == 0 else found >= at, (piece, once)
        at = found + len(piece)
    assert once.endswith(outside[-1])
    path.write_bytes(once.encode())
    again = Source.read(path)
    draft_again = again.draft()
    assert safe_edits(draft_again, linter.lint_text(draft_again), fixes) == []


_LINTERS: dict = {}


def _linter(cls, rules):  # noqa: ANN001, ANN202 - one Linter for every example
    return _LINTERS.setdefault("built-in", cls(rules))


def _raw_span(source, edit) -> tuple[int, int]:  # noqa: ANN001
    to_raw, j = [], 0
    for _ in range(len(source.text) + 1):
        to_raw.append(j)
        j += 2 if source.raw.startswith("\r\n", j) else 1
    return to_raw[edit.start], to_raw[edit.end]


# One problem, one charge: rules do not take turns, and a fix leaves no new finding behind ----------------

def _rules(path) -> list[str]:
    import json

    data = json.loads(run("check", "--no-cache", "--format", "json", str(path)).stdout)
    return sorted(f["rule"] for f in data["files"][0]["findings"])


@pytest.mark.parametrize("middle", [
    "Thank you for the tour!! I loved the demo! The team was great.",
    "Thank you for the tour!!! I loved the demo! The team was great! Really!",
    "Thank you for the tour!! I loved the demo.",
    "Thx for the tour!! The demo was great!",
])
def test_fixing_leaves_only_findings_that_were_there_before(tmp_path, middle):
    draft = tmp_path / "note.txt"
    draft.write_text(f"Dear Ana,\n\n{middle} I'd love to help with the Atlas rollout.\n\nBest,\nJo Marsh\n")
    before = _rules(draft)
    assert run("fix", "--write", str(draft)).exit_code == 0
    after = _rules(draft)
    assert set(after) <= set(before) - {"NL1304"}, (before, after)
    assert after.count("NL1305") == before.count("NL1305")


def test_a_stretched_word_that_is_also_listed_shorthand_is_charged_once(tmp_path):
    draft = tmp_path / "note.txt"
    draft.write_text("Dear Ana,\n\nThank you sooo much for the tour of the Atlas lab.\n\nBest,\nJo Marsh\n")
    rules = _rules(draft)
    assert rules.count("NL1302") == 1 and "NL1307" not in rules
