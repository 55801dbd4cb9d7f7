"""Any input, one line: what a user sees for odd, broken or hostile drafts, and positions that stay right."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from notelint.cli import app

ROOT = Path(__file__).resolve().parents[1]
GOOD = ROOT / "examples" / "good-note.txt"
runner = CliRunner()


def run(*args: str, input: str | bytes | None = None):
    return runner.invoke(app, list(args), input=input, env={"NO_COLOR": "1"})


def check_json(*args: str):
    """`notelint check --format json ARGS`: (exit code, parsed stdout, stderr lines)."""
    result = run("check", "--format", "json", *args)
    return result.exit_code, json.loads(result.stdout), result.stderr.splitlines()


def one_error(tmp_path: Path, content: bytes, name: str = "draft.txt") -> tuple[Path, str]:
    """Check a bad draft next to a good one: the good one is reported, the bad one is one line, exit 2."""
    draft = tmp_path / name
    draft.write_bytes(content)
    code, data, stderr = check_json(str(draft), str(GOOD))
    assert code == 2
    assert [f["path"] for f in data["files"]] == [str(GOOD)]
    assert len(stderr) == 1, stderr
    assert stderr[0].startswith(f"notelint: error: {draft}: ")
    assert data["errors"] == [{"path": str(draft), "message": stderr[0].split(": ", 3)[3]}]
    return draft, stderr[0].split(": ", 3)[3]


# --- front matter ------------------------------------------------------------------------------

BILLION_LAUGHS = "lol: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"l{i}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
)


@pytest.mark.parametrize(
    ("front", "message"),
    [
        (BILLION_LAUGHS, "front matter is not valid YAML (line 6): aliases expand to more than 10,000 values; write the values out"),
        ("names: &a [Ana, *a]\n", "front matter is not valid YAML (line 2): an alias refers to the collection that contains it"),
        ("audience: !!python/object/apply:os.system ['echo owned']\n",
         "front matter (line 2): the tag !!python/object/apply:os.system is not allowed; write plain values"),
        ("? [a, b]\n: c\n", "front matter is not valid YAML (line 2): a key must be a plain value, not a list or mapping"),
        ("- audience\n- interview\n", "front matter must be a mapping of keys to values"),
        ("just a sentence\n", "front matter must be a mapping of keys to values"),
    ],
)
def test_hostile_or_odd_front_matter_is_one_line(tmp_path, front, message):
    _, shown = one_error(tmp_path, f"---\n{front}---\nDear Sam,\n\nThank you for the chat.\n".encode())
    assert shown == message


def test_deeply_nested_front_matter_does_not_crash_the_process(tmp_path):
    """libyaml's composer recurses in C: 30,000 levels of `[` were a segmentation fault, not an error."""
    draft = tmp_path / "deep.txt"
    draft.write_text("---\nnames: " + "[" * 40_000 + "]" * 40_000 + "\n---\nDear Sam,\n\nThank you.\n")
    process = subprocess.run([sys.executable, "-m", "notelint", "check", str(draft)],
                             capture_output=True, text=True, timeout=120)
    assert process.returncode == 2, process.stderr
    assert process.stderr.startswith(f"notelint: error: {draft}: front matter")
    assert process.stderr.count("\n") == 1


def test_rule_file_aliases_still_work_and_bombs_are_refused(tmp_path):
    from notelint import yaml12

    assert yaml12.load("a: &w [Tuesday, Wednesday]\nb: *w\n") == {"a": ["Tuesday", "Wednesday"],
                                                                   "b": ["Tuesday", "Wednesday"]}
    with pytest.raises(yaml12.YAMLError, match="aliases expand to more than 100,000 values"):
        yaml12.load(BILLION_LAUGHS)


@pytest.mark.parametrize("content", ["---\naudience: recruiter\n\nDear Sam,\n\nThank you for the chat.\n", "---", "---\n"])
def test_front_matter_that_never_closes(tmp_path, content):
    """It used to become part of the note silently; the user forgot the closing '---'."""
    _, shown = one_error(tmp_path, content.encode())
    assert shown == "front matter starting on line 1 never closes (no second '---' line)"


def test_huge_front_matter_is_refused(tmp_path):
    front = "".join(f"key{i}: value number {i}\n" for i in range(3000))
    _, shown = one_error(tmp_path, f"---\n{front}---\nDear Sam,\n\nThank you.\n".encode())
    assert shown == f"front matter is {len(front):,} characters long; the limit is 50,000"


# --- empty drafts ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the draft is empty"),
        (b" \t\r\n\r\n", "the draft is empty"),
        ("\u00a0\n\u200b\u200d\n".encode(), "the draft is empty"),  # NBSP, zero-width space and joiner
        (b"\xef\xbb\xbf", "the draft is empty"),  # a UTF-8 byte-order mark and nothing else
        ("\ufeff \n".encode("utf-16"), "the draft is empty"),
        (b"---\naudience: recruiter\n---\n\n", "the draft is empty (front matter and no note)"),
    ],
)
def test_empty_drafts(tmp_path, content, message):
    assert one_error(tmp_path, content)[1] == message


# --- binary files ------------------------------------------------------------------------------


def _zip(names: dict[str, bytes]) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in names.items():
            archive.writestr(name, data)
    return buffer.getvalue()


EXPORT = "; export the draft as plain text (.txt)"


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("scan.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(40), "a PNG image"),
        ("photo.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(40), "a JPEG image"),
        ("anim.txt", b"GIF89a\x01\x00\x01\x00\x80\x00\x00", "a GIF image"),
        ("note.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n", "a PDF file"),
        ("note.txt", _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"}),
         "a Word document (.docx)"),
        ("note.md", _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office/>"}),
         "an OpenDocument text (.odt)"),
        ("drafts.txt", _zip({"a.txt": b"Dear Sam"}), "a ZIP archive"),
        ("note.txt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),
         "a Word 97-2003 document (.doc) or another old Office file"),
        ("note.txt", b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} Dear Sam, thank you.}", "an RTF document (.rtf)"),
    ],
)
def test_binary_files_say_what_they_are(tmp_path, name, content, kind):
    assert one_error(tmp_path, content, name)[1] == f"looks like {kind}{EXPORT}"


def test_other_binary_and_utf16_without_byte_order_mark(tmp_path):
    assert one_error(tmp_path, b"\x7fELF\x02\x01\x01\x00" + bytes(60))[1] == "looks like a binary file, not a text draft"
    no_bom = "Dear Sam,\n\nThank you for the chat.\n".encode("utf-16-le")
    assert one_error(tmp_path, no_bom)[1] == (
        "looks like a binary file, not a text draft (or UTF-16 text without a byte-order mark; save the draft as UTF-8)")
    assert one_error(tmp_path, b"\xff\xfeD\x00e\x00a")[1] == (
        "starts with a UTF-16 byte-order mark but is not valid UTF-16 text; save the draft as UTF-8")


# --- encodings ---------------------------------------------------------------------------------

WESTERN = [
    "Dear Mme Lefèvre,",
    "Thank you for the tour of Café Brûlée.",
    "Sehr geehrter Herr Müller-Lüdenscheidt, Grüße aus Köln und Düsseldorf.",
    "Estimada Sra. Muñoz, gracias por la reunión en Peñalolén.",
    "Dear Señora Ibáñez,",
    "Dear François Hénault,",
    "Hej Björn Ångström,",
    "Dear Zoë and Noël,",
    "Our call about São Paulo went well.",
    "Dear Ms. Ørsted,",
    "Chère Gaëlle, merci pour l’œuvre.",
    "It was a “great” chat — thanks… about the €50 budget.",
    "Bonjour Renée, à bientôt!",
]


@pytest.mark.parametrize("line", WESTERN)
def test_windows_1252_is_preferred_for_western_text(line):
    from notelint.reading import decode_bytes

    assert decode_bytes(f"{line}\nBest,\nJo\n".encode("cp1252")) == (f"{line}\nBest,\nJo\n", "cp1252")


def test_latin9_euro_sign():
    from notelint.reading import decode_bytes

    assert decode_bytes("The 5 € lunch at the café was kind.".encode("iso8859-15")) == (
        "The 5 € lunch at the café was kind.", "iso8859-15")


@pytest.mark.parametrize(
    ("text", "encoding"),
    [("Спасибо за интервью, было очень приятно.", "cp1251"),
     ("Dear Mr. Wałęsa, dziękuję za rozmowę.", "cp1250"),
     ("Dear 王先生, 谢谢您的时间。", "gbk")],
)
def test_other_code_pages_are_not_read_as_windows_1252(text, encoding):
    """Read as Windows-1252 they would be `Ñïàñèáî`, `Wa³êsa`, `ÍõÏÈÉú`: left to charset-normalizer."""
    from notelint.reading import decode_bytes

    assert decode_bytes(text.encode(encoding))[1] != "cp1252"


def test_windows_1252_draft_shows_its_accents(tmp_path):
    draft = tmp_path / "lefevre.txt"
    draft.write_bytes("Dear Mme Lefèvre,\r\n\r\nThx for the tour of Café Brûlée on Tuesday.\r\n\r\nBest,\r\nJo\r\n".encode("cp1252"))
    out = run("check", str(draft)).stdout
    assert f"{draft}:3:1  " in out
    assert "    3 | Thx for the tour of Café Brûlée on Tuesday." in out


# --- line and column stay right ----------------------------------------------------------------

LINE3 = "Thx again for Tuesday, I realy enjoyed the roadmap."
PREFIXES = {
    "tab": "\t",
    "nbsp": "Ms.\u00a0Okafor, ",
    "zero-width-space": "Hi\u200b ",
    "curly-quotes-dash": "“Great” chat — ",
    "emoji": "🙏 ",
    "emoji-zwj-sequence": "👩‍💻 ",
    "hebrew-rtl": "שלום דנה, ",
    "arabic-rtl": "مرحبا ",
    "cjk-name": "田中さん, ",
    "combining-accent": "Zoe\u0301, ",
}


def _positions(data: bytes, tmp_path: Path) -> dict[str, tuple[int, int]]:
    draft = tmp_path / "draft.txt"
    draft.write_bytes(data)
    code, report, stderr = check_json(str(draft))
    assert code == 1, stderr
    return {f["rule"]: (f["line"], f["column"]) for f in report["files"][0]["findings"] if f["rule"] in ("NL1302", "NL1401")}


@pytest.mark.parametrize("prefix", PREFIXES.values(), ids=PREFIXES.keys())
def test_line_and_column_with_crlf_and_unusual_characters(tmp_path, prefix):
    """Columns count characters from 1: a tab, an emoji, a Hebrew or Chinese letter is one column."""
    line = prefix + LINE3
    data = f"Dear Ms. Okafor,\r\n\r\n{line}\r\n\r\nBest,\r\nJo\r\n".encode()
    assert _positions(data, tmp_path) == {"NL1302": (3, line.index("Thx") + 1), "NL1401": (3, line.index("realy") + 1)}


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be-bom", "utf-32", "cp1252"])
def test_line_and_column_across_encodings_and_line_endings(tmp_path, newline, encoding):
    line = "\tZoë, “merci” — " + LINE3
    text = newline.join(["---", "audience: interviewer", "---", "Dear Ms. Okafor,", "", line, "", "Best,", "Jo", ""])
    data = ("\ufeff" + text).encode("utf-16-be") if encoding == "utf-16-be-bom" else text.encode(encoding)
    assert _positions(data, tmp_path) == {"NL1302": (6, line.index("Thx") + 1), "NL1401": (6, line.index("realy") + 1)}
