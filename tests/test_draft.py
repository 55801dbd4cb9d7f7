"""Reading drafts: front matter, positions in the original file, encodings."""
from __future__ import annotations

import pytest

from notelint.draft import DraftError, decode, parse_draft


def test_positions_count_front_matter_lines():
    draft = parse_draft("d.txt", "---\nstage: interview\n---\nDear Sam,\n\nThanks, u rock\n")
    offset = draft.body.index("u rock")
    pos = draft.position(draft.body_start + offset)
    assert (pos.line, pos.column) == (6, 9)
    assert draft.line_text(6) == "Thanks, u rock"
    assert draft.context == {"stage": "interview"}


def test_crlf_and_bom_are_normalised():
    text = decode("\ufeffDear Sam,\r\n\r\nThanks\r\n".encode("utf-8"))
    assert text == "Dear Sam,\n\nThanks\n"


def test_unknown_front_matter_keys_are_ignored_and_words_are_known():
    draft = parse_draft("d.txt", "---\nlayout: post\nwords: [Kubernetes, Okafor]\n---\nHi\n")
    assert draft.known_words == frozenset({"kubernetes", "okafor"})


def test_front_matter_that_is_not_a_mapping():
    with pytest.raises(DraftError, match="front matter must be a mapping"):
        parse_draft("d.txt", "---\n- a\n- b\n---\nHi\n")
