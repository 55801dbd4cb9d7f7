"""Drafts read as a reader reads them (issue 15 item 2): an email saved as .eml, and Markdown.

Each test looks at what a user sees: the report's lines, positions in the file, the JSON keys.
"""
from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import ROOT
from notelint.cli import app
from notelint.draft import DraftError, parse_draft, read_draft

runner = CliRunner()
SCHEMA = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))


def run(*args: str):
    return runner.invoke(app, ["check", "--no-cache", *args], env={"NO_COLOR": "1"})


def report_of(path: Path) -> dict:
    result = run("--format", "json", str(path))
    data = json.loads(result.stdout)
    jsonschema.validate(data, SCHEMA)
    [report] = data["files"]
    return report


def at(findings: list[dict], rule: str) -> list[tuple[int, int, str]]:
    return [(f["line"], f["column"], f["match"]) for f in findings if f["rule"] == rule]


def write(tmp_path: Path, name: str, lines: list[str], ending: str = "\r\n") -> Path:
    path = tmp_path / name
    path.write_bytes((ending.join(lines) + ending).encode("utf-8"))
    return path


HEADERS = [
    "MIME-Version: 1.0",
    "Date: Tue, 14 Oct 2025 16:40:00 -0400",
    "From: Jordan Lee <jordan@example.com>",
    "To: =?UTF-8?B?RGFuYSBSZXllcw==?= <dana@example.com>",   # Dana Reyes
    "Subject: =?UTF-8?Q?Thank_you_=E2=80=94_Tuesday?=",        # Thank you — Tuesday
    "X-Mailer: MICROSOFT OUTLOOK 16.0",
]
# what a mail program saves above those: more lines than a letterhead has, in capitals and codes
RECEIVED = [
    "Received: from MAIL-SOR-F41.GOOGLE.COM (MAIL-SOR-F41.GOOGLE.COM. [209.85.220.41])",
    "        by MX.GOOGLE.COM with SMTPS id A640C23A62F3A-ACB;",
    "        Tue, 14 Oct 2025 13:40:02 -0700 (PDT)",
    "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=EXAMPLE.COM; s=20230601;",
    "        h=TO:SUBJECT:MESSAGE-ID:DATE:FROM:MIME-VERSION:FROM:TO:CC:SUBJECT;",
    "        bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=;",
    "ARC-Seal: i=1; a=rsa-sha256; t=1760474402; cv=none; d=GOOGLE.COM; s=ARC-20240605",
    "X-Google-Smtp-Source: AGHT+IFQZKWXJFNNKSZQ",
    "X-Received: by 2002:A17:907:7E9B with SMTP id QZ1MR2840;",
    "Return-Path: <jordan@example.com>",
    "Thread-Topic: THANK YOU!! thx 4 evrything",
    "X-MS-Has-Attach: NO",
]
NOTE = [
    "Dear Ms. Reyes,",
    "",
    "Thank you for meeting with me on Tuesday and for the tour of the payments floor. Hearing how",
    "your team moved billing to event streams was the best part of my day, and the demo was awsome.",
    "I am still very interested in the role.",
    "",
    "Best regards,",
    "Jordan Lee",
]


# ---------------------------------------------------------------------------------------------
# .eml


def test_multipart_alternative_lints_the_plain_part_and_shows_the_decoded_headers(tmp_path):
    lines = HEADERS + [
        'Content-Type: multipart/alternative; boundary="b1"',
        "",
        "--b1",
        'Content-Type: text/plain; charset="UTF-8"',
        "",
        *NOTE,
        "--b1",
        'Content-Type: text/html; charset="UTF-8"',
        "",
        "<p>Dear Ms. Reyes,</p><p>Thank you, the demo was awsome and I recieved the SLIDES!!</p>",
        "--b1--",
    ]
    path = write(tmp_path, "reply.eml", lines)
    text = run(str(path)).stdout
    assert "  headers: To: Dana Reyes <dana@example.com>, Subject: Thank you — Tuesday, " \
           "Date: Tue, 14 Oct 2025 16:40:00 -0400\n" in text
    assert "  context: medium=email (an .eml file)\n" in text
    report = report_of(path)
    assert report["headers"] == {"to": "Dana Reyes <dana@example.com>", "subject": "Thank you — Tuesday",
                                 "date": "Tue, 14 Oct 2025 16:40:00 -0400"}
    assert report["inferred_context"]["medium"] == {"value": "email", "line": 1, "rule": "headers",
                                                    "confident": True, "doubt": None}
    assert "positions" not in report
    # the misspelling is where the file has it (the body starts on line 12), and the HTML part is not read
    line = 15
    assert at(report["findings"], "NL1401") == [(line, 88, "awsome")]
    assert path.read_text(encoding="utf-8").splitlines()[line - 1][87:93] == "awsome"
    assert all(f["line"] < len(lines) - 3 for f in report["findings"])


def test_stated_medium_wins_over_the_eml(tmp_path):
    path = write(tmp_path, "reply.eml", HEADERS + ["", *NOTE])
    result = run("--format", "json", "--context", "medium=linkedin", str(path))
    [report] = json.loads(result.stdout)["files"]
    assert report["context"] == {"medium": "linkedin"} and report["inferred_context"] == {}


def test_headers_never_produce_a_finding(tmp_path):
    """Read as text, a saved email's first line was its greeting and its headers shouted and misspelled."""
    path = write(tmp_path, "reply.eml", RECEIVED + HEADERS + ["", *NOTE])
    report = report_of(path)
    head = len(RECEIVED) + len(HEADERS)
    assert [f for f in report["findings"] if f["line"] <= head] == []
    assert at(report["findings"], "NL1401") == [(head + 5, 88, "awsome")]
    assert {f["rule"] for f in report["findings"]} == {"NL1401"}  # the greeting and the sign-off are found


def test_html_only_email_is_read_as_text_with_positions_in_the_file(tmp_path):
    html = [
        "<html><head><style>P { COLOR: RED }</style><title>THANKS</title></head><body>",
        "<p>Dear Ms. Reyes,</p>",
        "<p>Thank you for meeting with me on <b>Tuesday</b>. Hearing how your team moved billing to event",
        "streams was the best part of my day &amp; the demo was awsome.<br>I am still very interested in",
        "the role.</p>",
        "<p>Best regards,<br>Jordan Lee</p>",
        '<div class="gmail_quote">On Mon, Dana Reyes wrote:<blockquote>thx u r grate!!</blockquote></div>',
        "</body></html>",
    ]
    path = write(tmp_path, "reply.eml", HEADERS + ['Content-Type: text/html; charset="utf-8"', ""] + html)
    report = report_of(path)
    line = len(HEADERS) + 2 + 4
    assert at(report["findings"], "NL1401") == [(line, 56, "awsome")]
    assert path.read_text(encoding="utf-8").splitlines()[line - 1][55:61] == "awsome"
    assert {f["rule"] for f in report["findings"]} == {"NL1401"}  # no style, title, tags or quoted reply
    assert "positions" not in report


def test_quoted_printable_finding_after_a_soft_line_break_points_into_the_file(tmp_path):
    body = [
        "Dear Ms. Reyes,",
        "",
        "Thank you for meeting with me on Tuesday and for the tour of the Lisbon caf=C3=",  # é split over a soft break
        "=A9 =E2=80=94 hearing how your team moved billing to event streams was the b=",
        "est part of my day, and the demo was awsome. I am still very interested in t=",
        "he role.",
        "",
        "Best regards,",
        "Jordan Lee",
    ]
    lines = HEADERS + ['Content-Type: text/plain; charset="UTF-8"', "Content-Transfer-Encoding: quoted-printable",
                       ""] + body
    path = write(tmp_path, "reply.eml", lines)
    report = report_of(path)
    line = len(HEADERS) + 3 + 5
    assert at(report["findings"], "NL1401") == [(line, 38, "awsome")]
    assert path.read_text(encoding="utf-8").splitlines()[line - 1][37:43] == "awsome"
    # words cut by soft line breaks ("b= / est", "caf=C3= / =A9") are read whole
    assert {f["rule"] for f in report["findings"]} == {"NL1401"}
    draft = read_draft(str(path))
    assert "the best part" in draft.text and "Lisbon café — hearing" in draft.text


def test_text_report_underlines_the_file_line_of_a_quoted_printable_body(tmp_path):
    body = ["Dear Ms. Reyes,", "", "Thank you =E2=80=94 the demo was awsome, and I am still very interested=",
            " in the role.", "", "Best regards,", "Jordan Lee"]
    path = write(tmp_path, "note.eml", HEADERS + ["Content-Transfer-Encoding: quoted-printable", ""] + body, "\n")
    text = run(str(path)).stdout
    line = len(HEADERS) + 2 + 3
    assert (f"note.eml:{line}:34  warning NL1401 'awsome' may be misspelled" in text)
    assert (f"   {line} | Thank you =E2=80=94 the demo was awsome, and I am still very interested=\n"
            f"      |                                  ^^^^^^\n") in text


def test_base64_body_is_reported_against_the_decoded_body_and_says_so(tmp_path):
    encoded = base64.encodebytes("\n".join(NOTE).encode("utf-8")).decode("ascii").splitlines()
    path = write(tmp_path, "reply.eml", HEADERS + ['Content-Type: text/plain; charset="utf-8"',
                                                   "Content-Transfer-Encoding: base64", ""] + encoded)
    text = run(str(path)).stdout
    assert "  note: the email body is base64-encoded: lines and columns count the decoded body, not the file\n" in text
    assert "reply.eml:4:88  warning NL1401 'awsome'" in text
    report = report_of(path)
    assert report["positions"] == "decoded-body"
    assert at(report["findings"], "NL1401") == [(4, 88, "awsome")]
    assert text.count("note: the email body is base64-encoded") == 1


def test_a_reply_quoted_in_the_body_is_not_linted(tmp_path):
    quoted = ["", "On Mon, Oct 13, 2025 at 9:02 AM Dana Reyes <dana@example.com> wrote:",
              "> thx for coming in!! pls send ur portfolio b4 friday, its URGENT", "> Dana"]
    path = write(tmp_path, "reply.eml", HEADERS + ["", *NOTE, *quoted])
    report = report_of(path)
    assert {f["rule"] for f in report["findings"]} == {"NL1401"}
    assert all(f["line"] <= len(HEADERS) + 1 + len(NOTE) for f in report["findings"])


def test_an_attachment_is_never_read(tmp_path):
    attachment = base64.encodebytes(b"THX FOR EVRYTHING!! pls call me tmrw").decode().strip()
    lines = HEADERS + ['Content-Type: multipart/mixed; boundary="m"', "", "--m", "Content-Type: text/plain", "",
                       *NOTE, "--m", "Content-Type: text/plain", 'Content-Disposition: attachment; filename="x.txt"',
                       "Content-Transfer-Encoding: base64", "", attachment, "--m--"]
    report = report_of(write(tmp_path, "reply.eml", lines))
    assert {f["rule"] for f in report["findings"]} == {"NL1401"}


@pytest.mark.parametrize(("lines", "message"), [
    (["Dear Dana,", "", "Thank you!"],
     "not an email message: it does not start with headers such as 'To:' or 'Subject:' "
     "(save a note that is not an email as .txt)"),
    (HEADERS + ["Content-Type: multipart/mixed", "", "Dear Dana,"],
     "not a readable email: it is multipart/mixed but names no boundary between its parts"),
    (HEADERS + ["Content-Type: multipart/mixed; boundary=zz", "", "Dear Dana,"],
     "not a readable email: the boundary 'zz' between its parts never appears"),
    (HEADERS + ["Content-Transfer-Encoding: base64", "", "RGVhciBEYW5hLAo"],
     "the email's text is base64 that cannot be decoded (it is cut short or damaged)"),
    (HEADERS + ["Content-Type: text/plain; charset=klingon", "", "Dear Dana,"],
     "the email's text is in an unknown character set, 'klingon'"),
    (HEADERS + ["Content-Transfer-Encoding: x-uuencode", "", "Dear Dana,"],
     "the email's text is sent as 'x-uuencode', which notelint does not read "
     "(it reads 7bit, 8bit, binary, quoted-printable and base64)"),
    (HEADERS + ["Content-Type: image/png", "Content-Transfer-Encoding: base64", "", "iVBORw0KGgo="],
     "the email has no text to check: no text/plain or text/html part (attachments are not read)"),
    (HEADERS + ['Content-Type: multipart/alternative; boundary="b"', "", "--b", "", "  ", "--b--"],
     "the email's text is empty"),
])
def test_a_malformed_email_is_one_line_and_exit_2(tmp_path, lines, message):
    path = write(tmp_path, "bad.eml", lines)
    result = run(str(path))
    assert result.exit_code == 2
    assert result.stderr == f"notelint: error: {path}: {message}\n"


def test_fix_edits_a_plain_email_body_in_place_and_refuses_an_encoded_one(tmp_path):
    plain = write(tmp_path, "plain.eml", HEADERS + ["", "Dear Ms. Reyes,", "", "thx for the tour on Tuesday.",
                                                     "", "Best regards,", "Jordan Lee"])
    before = plain.read_bytes()
    result = runner.invoke(app, ["fix", "--write", str(plain)])
    assert result.exit_code == 0, result.output
    assert plain.read_bytes() == before.replace(b"thx for", b"thank you for")
    encoded = write(tmp_path, "qp.eml", HEADERS + ["Content-Transfer-Encoding: quoted-printable", "",
                                                    "Dear Ms. Reyes,", "", "thx for the tour on Tuesday =E2=80=94 truly.",
                                                    "", "Best regards,", "Jordan Lee"])
    before = encoded.read_bytes()
    result = runner.invoke(app, ["fix", "--write", str(encoded)])
    assert result.exit_code == 2
    assert result.stderr == (f"notelint: error: {encoded}: the email's text is encoded (quoted-printable, base64 or "
                             "HTML), so fix cannot edit it in place; make the changes in your mail program\n")
    assert encoded.read_bytes() == before


# ---------------------------------------------------------------------------------------------
# Markdown

MARKDOWN = """\
---
audience: interviewer
stage: interview
---
<!-- second draft, for Dana after the Tuesday panel: KEEP IT SHORT -->
Dear Ms. Reyes,

Thank you for *meeting* with me on **Tuesday** and for walking me through
[the billing roadmap](https://example.com/ROADMAP_V2?id=XYZZY "ROADMAP PLAN"). I enjoyed
hearing how your team runs `kubectl rollout UNDOO --forse` during releases.

```yaml
DEPLOYMNT: FASTT
SHOUTING: ALLCAPS HERE
```

    INDENTED CODEE BLOCK

![LOGO ALT TXT](https://example.com/LOGO.png)

Best regards,
Jordan Lee

[roadmap]: https://example.com/SOMETHINGG
"""


def test_markdown_code_comments_and_markup_are_not_prose(tmp_path):
    path = tmp_path / "note.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    report = report_of(path)
    lines = MARKDOWN.splitlines()
    # the note never says it is still interested: the whole-note finding is on the greeting, not the comment
    assert at(report["findings"], "NL401") == [(6, 1, "Dear Ms. Reyes,")]
    assert {f["rule"] for f in report["findings"]} == {"NL401"}, report["findings"]
    assert lines[4].startswith("<!--")
    assert "headers" not in report and report["inferred_context"] == {}


def test_markdown_without_markup_reads_as_before(tmp_path, linter):
    text = "---\nstage: interview\n---\nDear Ms. Reyes,\n\nThank you for the demo, it was awsome.\n\nBest,\nJo\n"
    as_text = linter.lint_text(parse_draft("note.txt", text))
    as_markdown = linter.lint_text(parse_draft("note.md", text))
    assert as_text.findings == as_markdown.findings and as_text.findings


def test_a_markdown_waiver_in_an_html_comment_still_waives(tmp_path):
    path = tmp_path / "note.md"
    path.write_text(
        "Dear Ms. Reyes,\n\nThank you for meeting with me on Tuesday; I am still very interested in the role.\n\n"
        "<!-- notelint: ignore[spelling] -- awsome is how the team spells its product -->\n"
        "The awsome demo of the billing dashboard was the best part of my day.\n\nBest regards,\nJordan Lee\n",
        encoding="utf-8")
    result = run("--show-waived", "--format", "json", str(path))
    [report] = json.loads(result.stdout)["files"]
    assert report["findings"] == []
    assert [(f["rule"], f["line"], f["match"]) for f in report["waived"]] == [("NL1401", 6, "awsome")]


def test_markdown_that_is_only_markup_is_refused(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("<!-- todo -->\n\n```\nDear Dana\n```\n", encoding="utf-8")
    result = run(str(path))
    assert result.exit_code == 2
    assert result.stderr == f"notelint: error: {path}: the draft has no prose: only code, comments and markup\n"


def test_the_same_text_as_markdown_and_as_plain_text_is_cached_apart(tmp_path):
    text = "Dear Ms. Reyes,\n\nThank you for the tour. I am still very interested in `THE ROLLOUT TOOL`.\n\nBest,\nJo\n"
    (tmp_path / "a.txt").write_text(text)
    (tmp_path / "a.md").write_text(text)
    cache = ["--cache-dir", str(tmp_path / "cache"), "--format", "json"]
    as_text = runner.invoke(app, ["check", *cache, str(tmp_path / "a.txt")])
    as_markdown = runner.invoke(app, ["check", *cache, str(tmp_path / "a.md")])
    assert "NL1306" in as_text.stdout
    assert "NL1306" not in as_markdown.stdout


# ---------------------------------------------------------------------------------------------
# the property: no finding ever lies in a header, a code span or markup

WORDS = st.sampled_from(["thank", "you", "for", "the", "interview", "I", "really", "enjoyed", "team", "roadmap",
                         "awsome", "recieve", "thx", "AMAZING", "URGENT", "pls", "!!", "gr8", "Tuesday", "demo"])
NOISE = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ!?xqzj_ ", min_size=1, max_size=20).filter(
    lambda s: s.strip() and "`" not in s)
PROSE = st.lists(WORDS, min_size=1, max_size=10).map(" ".join)


@st.composite
def markdown_notes(draw):
    """A Markdown note, and the spans (offsets into it) that are code or markup."""
    pieces: list[tuple[str, bool]] = [("Dear Ms. Reyes,\n\n", False)]
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["prose", "code", "emphasis", "link", "fence", "comment", "image"]))
        if kind == "prose":
            pieces.append((draw(PROSE) + ". ", False))
        elif kind == "code":
            pieces += [("`", True), (draw(NOISE), True), ("` ", True)]
        elif kind == "emphasis":
            mark = draw(st.sampled_from(["*", "**", "_", "~~"]))
            pieces += [(" " + mark, True), (draw(PROSE), False), (mark + " ", True)]
        elif kind == "link":
            pieces += [("[", True), (draw(PROSE), False), (f"](https://example.com/{draw(NOISE).strip().replace(' ', '_')})", True),
                       (" ", False)]
        elif kind == "fence":
            pieces += [("\n\n```\n" + draw(NOISE) + "\n" + draw(NOISE) + "\n```\n\n", True)]
        elif kind == "comment":
            pieces += [("\n\n<!-- " + draw(NOISE) + " -->\n\n", True)]
        else:
            pieces += [(f"![{draw(NOISE)}](x.png)", True), (" ", False)]
    pieces.append(("\n\nBest regards,\nJordan Lee\n", False))
    text, protected, at = "", [], 0
    for piece, is_markup in pieces:
        if is_markup:
            protected.append((at, at + len(piece)))
        text += piece
        at += len(piece)
    return text, protected


@st.composite
def email_notes(draw):
    """An .eml (headers in capitals and misspelled, any transfer encoding), and the spans of its headers."""
    header_lines = RECEIVED[: draw(st.integers(0, len(RECEIVED)))] + [
        "MIME-Version: 1.0", f"Subject: {draw(NOISE)}", f"X-Note: {draw(NOISE)} {draw(NOISE)}"]
    encoding = draw(st.sampled_from(["7bit", "quoted-printable"]))
    body = "Dear Ms. Reyes,\n\n" + draw(PROSE) + " caf\u00e9 \u2014 " + draw(PROSE) + ".\n\nBest regards,\nJordan Lee\n"
    if encoding == "quoted-printable":
        import quopri

        body = quopri.encodestring(body.encode("utf-8")).decode("ascii")
    head = "\n".join(header_lines + ["Content-Type: text/plain; charset=utf-8",
                                     f"Content-Transfer-Encoding: {encoding}"]) + "\n\n"
    return head + body, [(0, len(head))]


def _findings_outside(linter, name: str, text: str, protected: list[tuple[int, int]]) -> None:
    draft = parse_draft(name, text)
    report = linter.lint_text(draft)
    source = draft.form.source if draft.form.to_source else draft.text
    starts = [0] + [m.end() for m in re.finditer("\n", source)]
    for finding in report.findings:
        begin = starts[finding.start.line - 1] + finding.start.column - 1
        end = starts[finding.end.line - 1] + finding.end.column - 1
        assert not any(a <= begin < b and a < end <= b for a, b in protected), (finding, text)
        if finding.start.column > 1 or finding.match != finding.line_text:  # a whole line may start with markup
            assert not any(a <= begin < b for a, b in protected), (finding, text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(note=markdown_notes())
def test_no_finding_lies_in_markdown_code_or_markup(linter, note):
    text, protected = note
    _findings_outside(linter, "note.md", text, protected)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(note=email_notes())
def test_no_finding_lies_in_an_email_header(linter, note):
    text, protected = note
    _findings_outside(linter, "note.eml", text, protected)


# ---------------------------------------------------------------------------------------------
# the README shows a real run


def test_the_readme_eml_example_is_a_real_run(monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("notelint check examples/reply.eml\n```\n\n```\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(ROOT)
    result = run("examples/reply.eml")
    assert result.exit_code == 1
    assert result.stdout == block, "run: notelint check examples/reply.eml, and paste its output into the README"


# ---------------------------------------------------------------------------------------------
# anything in a .md or .eml file: a report with honest positions, or one line and exit 2

MARKUP = ["`", "``", "```\n", "*", "**", "_", "~~", "[", "](", ")", "![", "<!--", "-->", "<b>", "</b>", "<div>\n",
          "&amp;", "&nbsp;", "\\", "# ", "- ", "1. ", "> ", "    ", "\n---\n", "[x]: http://a\n", "<http://a.b>", '"',
          "\t", "\n", "\n\n", "===\n", "Dear Ms. Reyes,", "Thank you for the interview.", "awsome", "THANKS", "thx"]
HEADER_CHOICES = ["Subject: =?UTF-8?Q?caf=C3=A9?=", "Content-Type: multipart/alternative; boundary=b",
                  "Content-Type: text/html; charset=utf-8", "Content-Type: text/plain; charset=utf-8",
                  "Content-Transfer-Encoding: quoted-printable", "Content-Transfer-Encoding: base64",
                  "Content-Transfer-Encoding: 8bit", "X-Caps: LOUD HEADER awsome"]
BODY = ["--b\n", "--b--\n", "Content-Type: text/html\n", "Content-Transfer-Encoding: quoted-printable\n",
        "=C3=A9", "=E2=80=94", "=\n", "=", "=3D", "<p>", "</p>", "<br>", "&amp;", "<blockquote>", "<style>", "\n", "\n\n",
        " ", "RGVhciBEYW5h", "Dear Ms. Reyes,", "Thank you for the interview.", "awsome", "THANKS", "thx", "\u00e9"]
emails = st.tuples(st.lists(st.sampled_from(HEADER_CHOICES), max_size=4, unique=True),
                   st.lists(st.one_of(st.sampled_from(BODY), st.text(max_size=6)), max_size=40).map("".join)).map(
    lambda parts: "\n".join(["To: Dana <dana@example.com>", *parts[0]]) + "\n\n" + parts[1])


def _honest(linter, name: str, text: str) -> None:
    try:
        draft = parse_draft(name, text)
    except DraftError as error:
        assert "\n" not in str(error)
        return
    # a draft that is nothing but a quoted message ("> x") raises IndexError in NL101 today, in plain text
    # too (main at 7e7ea17): not this reader's to fix, so such drafts are left out here
    assume(draft.linted_body.strip())
    report = linter.lint_text(draft)
    lines = (draft.form.source if draft.form.to_source else draft.text).split("\n")
    for finding in report.findings:
        assert (finding.start.line, finding.start.column) <= (finding.end.line, finding.end.column)
        assert finding.line_text == lines[finding.start.line - 1]
        assert 1 <= finding.start.column <= len(finding.line_text) + 1
        if draft.form.source is None:  # the text linted is the file's: the words are where it says
            start, end = draft.offset(finding.start), draft.offset(finding.end)
            assert draft.text[start:end] == finding.match


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.lists(st.one_of(st.sampled_from(MARKUP), st.text(max_size=8)), max_size=40).map("".join))
def test_any_markdown_lints_with_honest_positions(linter, text):
    _honest(linter, "note.md", text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=emails)
def test_any_email_lints_with_honest_positions_or_is_one_line(linter, text):
    _honest(linter, "note.eml", text)
