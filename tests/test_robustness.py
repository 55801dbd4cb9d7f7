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


# --- size limit --------------------------------------------------------------------------------

LIMIT_HINT = "the limit is 1,000,000 characters (see --max-size)"


def test_default_limit_is_a_million_characters(tmp_path):
    text = "Dear Sam,\n\n" + "Thank you for the chat. " * 41_666
    text += "x" * (1_000_001 - len(text))
    assert one_error(tmp_path, text.encode())[1] == f"too long for a note: 1,000,001 characters; {LIMIT_HINT}"


def test_a_file_too_big_is_refused_before_it_is_read(tmp_path, monkeypatch):
    from notelint import draft

    decode = draft.decode_bytes
    monkeypatch.setattr(draft, "decode_bytes",
                        lambda data: pytest.fail("a 5 MB file was decoded") if len(data) > 100_000 else decode(data))
    assert one_error(tmp_path, b"a" * 5_000_000)[1] == f"too long for a note: 5,000,000 bytes; {LIMIT_HINT}"


def test_max_size_option(tmp_path):
    draft = tmp_path / "long.txt"
    draft.write_text("Dear Sam,\n\n" + "Thank you for the chat about the Zurich roadmap on Tuesday. " * 30 + "\n\nBest,\nJo\n")
    result = run("check", str(draft), "--max-size", "1KB")
    assert result.exit_code == 2
    assert result.stderr == (f"notelint: error: {draft}: too long for a note: 1,822 characters; "
                             "the limit is 1,000 characters (see --max-size)\n")
    assert run("check", str(draft), "--max-size", "2KB", "--fail-on", "never").exit_code == 0
    assert run("check", str(draft), "--max-size", "1822", "--fail-on", "never").exit_code == 0


def test_max_size_applies_to_standard_input():
    result = run("check", "-", "--max-size", "100", input="Dear Sam,\n\n" + "Thank you. " * 100)
    assert result.exit_code == 2
    assert result.stderr == ("notelint: error: <stdin>: too long for a note: more than 404 bytes; "
                             "the limit is 100 characters (see --max-size)\n")


@pytest.mark.parametrize(("value", "chars"), [("1000000", 1_000_000), ("500KB", 500_000), ("2MB", 2_000_000),
                                              ("2 mb", 2_000_000), ("1.5M", 1_500_000), ("1MiB", 1_048_576)])
def test_max_size_values(value, chars):
    from notelint.reading import parse_size

    assert parse_size(value) == chars


@pytest.mark.parametrize("value", ["0", "-5", "2x", "MB", ""])
def test_bad_max_size_is_one_line(value):
    result = run("check", str(GOOD), "--max-size", value)
    assert result.exit_code == 2
    assert result.stderr == f"notelint: error: --max-size {value!r}: expected a size such as 1000000, 500KB or 2MB\n"


def test_spacy_never_refuses_a_draft_for_its_length():
    """spaCy raises E088 above nlp.max_length; --max-size is the only limit, whatever it is set to."""
    import sys

    from notelint.compile import build_nlp

    assert build_nlp().max_length == sys.maxsize


# --- paths, folders, links ---------------------------------------------------------------------

NOTE = "Dear Ms. Okafor,\n\nThank you for the chat on Tuesday about the Zurich roadmap.\n\nBest,\nJo\n"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "drafts"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(NOTE)
    (folder / "sub" / "b.md").write_text(NOTE)
    return folder


def test_broken_link_in_a_folder_is_one_line_and_the_rest_is_checked(tmp_path):
    folder = _folder(tmp_path)
    (folder / "old.txt").symlink_to("deleted-draft.txt")
    (folder / "photo.png").symlink_to("deleted.png")  # not a draft's name: skipped like any other file
    code, data, stderr = check_json(str(folder))
    assert code == 2
    assert [Path(f["path"]).name for f in data["files"]] == ["a.txt", "b.md"]
    assert stderr == [f"notelint: error: {folder / 'old.txt'}: "
                      "broken symbolic link (points to deleted-draft.txt, which does not exist)"]


def test_broken_link_given_by_name(tmp_path):
    link = tmp_path / "note.txt"
    link.symlink_to(tmp_path / "gone.txt")
    result = run("check", str(link))
    assert result.exit_code == 2
    assert result.stderr == f"notelint: error: {link}: broken symbolic link (points to {tmp_path / 'gone.txt'}, which does not exist)\n"


def test_link_loops_in_a_folder(tmp_path):
    """A link back up the tree is walked once, not forever; a link to itself is one line."""
    folder = _folder(tmp_path)
    (folder / "sub" / "up").symlink_to("..")
    (folder / "sub" / "again").symlink_to(folder)
    (folder / "self.txt").symlink_to("self.txt")
    process = subprocess.run([sys.executable, "-m", "notelint", "check", "-f", "json", str(folder)],
                             capture_output=True, text=True, timeout=120)
    assert process.returncode == 2
    assert [Path(f["path"]).name for f in json.loads(process.stdout)["files"]] == ["a.txt", "b.md"]
    assert process.stderr == (f"notelint: error: {folder / 'self.txt'}: "
                              "symbolic link loop (points to self.txt, which leads back to itself)\n")


def test_linked_folder_is_walked(tmp_path):
    folder = _folder(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "c.txt").write_text(NOTE)
    (folder / "shared").symlink_to(elsewhere)
    code, data, stderr = check_json(str(folder))
    assert stderr == []
    assert [f["path"] for f in data["files"]] == [str(folder / "a.txt"), str(folder / "shared" / "c.txt"),
                                                   str(folder / "sub" / "b.md")]


def test_fifo_named_like_a_draft_does_not_block_the_walk(tmp_path):
    folder = _folder(tmp_path)
    os.mkfifo(folder / "pipe.txt")
    process = subprocess.run([sys.executable, "-m", "notelint", "check", "-f", "json", str(folder)],
                             capture_output=True, text=True, timeout=120)
    assert [Path(f["path"]).name for f in json.loads(process.stdout)["files"]] == ["a.txt", "b.md"]


def _while_listing(monkeypatch, change):
    """Run `change(found)` after a folder is listed and before its drafts are read."""
    from notelint import draft

    walk = draft.walk_drafts

    def walk_then_change(folder, problems):
        found = walk(folder, problems)
        change(found)
        return found

    monkeypatch.setattr(draft, "walk_drafts", walk_then_change)


def test_file_removed_between_listing_and_reading(tmp_path, monkeypatch):
    folder = _folder(tmp_path)
    _while_listing(monkeypatch, lambda found: Path(found[0]).unlink())
    code, data, stderr = check_json(str(folder))
    assert code == 2
    assert [f["path"] for f in data["files"]] == [str(folder / "sub" / "b.md")]
    assert stderr == [f"notelint: error: {folder / 'a.txt'}: no such file"]


def test_directory_where_a_file_was_expected(tmp_path, monkeypatch):
    folder = _folder(tmp_path)

    def replace_by_folder(found):
        Path(found[0]).unlink()
        Path(found[0]).mkdir()

    _while_listing(monkeypatch, replace_by_folder)
    code, data, stderr = check_json(str(folder))
    assert code == 2
    assert [f["path"] for f in data["files"]] == [str(folder / "sub" / "b.md")]
    assert stderr == [f"notelint: error: {folder / 'a.txt'}: is a directory, not a draft file"]


def test_path_through_a_file(tmp_path):
    (tmp_path / "note.txt").write_text(NOTE)
    result = run("check", str(tmp_path / "note.txt" / "x.txt"), str(GOOD))
    assert result.exit_code == 2
    assert result.stderr == f"notelint: error: {tmp_path / 'note.txt' / 'x.txt'}: no such file (a part of the path is not a folder)\n"


def test_unreadable_file(tmp_path, monkeypatch):
    """Tests run as root, where chmod 000 does not stop a read: the refusal is simulated at open()."""
    from notelint import reading

    secret = tmp_path / "secret.txt"
    secret.write_text(NOTE)

    def refuse(path, *args, **kwargs):
        if str(path) == str(secret):
            raise PermissionError(13, "Permission denied", str(path))
        return open(path, *args, **kwargs)

    monkeypatch.setattr(reading, "open", refuse, raising=False)
    code, data, stderr = check_json(str(secret), str(GOOD))
    assert code == 2
    assert [f["path"] for f in data["files"]] == [str(GOOD)]
    assert stderr == [f"notelint: error: {secret}: permission denied: cannot read this file"]


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_and_folder_for_real(tmp_path):
    folder = _folder(tmp_path)
    (folder / "a.txt").chmod(0)
    (folder / "sub").chmod(0)
    try:
        code, data, stderr = check_json(str(folder))
    finally:
        (folder / "sub").chmod(0o755)
    assert code == 2
    assert data["files"] == []
    assert stderr == [f"notelint: error: {folder / 'sub'}: cannot list this folder: Permission denied",
                      f"notelint: error: {folder / 'a.txt'}: permission denied: cannot read this file"]


def test_unlistable_folder(tmp_path, monkeypatch):
    folder = _folder(tmp_path)
    scandir = os.scandir

    def refuse(path):
        if Path(path) == folder / "sub":
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    code, data, stderr = check_json(str(folder))
    assert code == 2
    assert [f["path"] for f in data["files"]] == [str(folder / "a.txt")]
    assert stderr == [f"notelint: error: {folder / 'sub'}: cannot list this folder: Permission denied"]


def test_eval_reports_walk_problems(tmp_path):
    folder = tmp_path / "labeled"
    folder.mkdir()
    (folder / "a.txt").write_text("---\nexpect: []\n---\n" + NOTE)
    (folder / "b.txt").symlink_to("missing.txt")
    result = run("eval", str(folder))
    assert result.exit_code == 2
    assert result.stderr == (f"notelint: error: {folder / 'b.txt'}: "
                             "broken symbolic link (points to missing.txt, which does not exist)\n")


# --- the encoding that was assumed is shown ----------------------------------------------------

FRENCH = "Dear Mme Lefèvre,\r\n\r\nThx for the tour of Café Brûlée on Tuesday.\r\n\r\nBest,\r\nJo\r\n"


def test_text_output_says_which_encoding_was_assumed(tmp_path):
    legacy, utf16, utf8 = tmp_path / "legacy.txt", tmp_path / "notepad.txt", tmp_path / "plain.txt"
    legacy.write_bytes(FRENCH.encode("cp1252"))
    utf16.write_bytes(FRENCH.encode("utf-16"))
    utf8.write_bytes(FRENCH.encode("utf-8-sig"))
    out = run("check", str(legacy), str(utf16), str(utf8)).stdout
    notes = [line for line in out.splitlines() if line.startswith("  note: ")]
    assert notes == ["  note: not UTF-8; read as Windows-1252 (cp1252): check the accents, or save the draft as UTF-8",
                     "  note: read as UTF-16 (little-endian), from its byte-order mark"]
    assert out.index(str(legacy)) < out.index(notes[0]) < out.index(f"{legacy}:3:1")


def test_json_has_the_encoding_only_when_not_utf8_and_validates(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    legacy, utf8 = tmp_path / "legacy.txt", tmp_path / "plain.txt"
    legacy.write_bytes(FRENCH.encode("cp1252"))
    utf8.write_bytes(FRENCH.encode("utf-8-sig"))
    code, data, _ = check_json(str(legacy), str(utf8), str(tmp_path / "missing.txt"))
    assert code == 2
    assert [f.get("encoding") for f in data["files"]] == ["cp1252", None]
    jsonschema.validate(data, json.loads((ROOT / "docs" / "report.schema.json").read_text()))


# --- offline -----------------------------------------------------------------------------------


def test_new_reading_paths_with_sockets_blocked_and_empty_home(tmp_path):
    """As tests/test_offline.py, for what reading can do: guess a code page, open a zip, walk links, deep YAML."""
    folder = _folder(tmp_path)
    (folder / "russian.txt").write_bytes(("Dear Ms. Okafor,\n\nСпасибо за интервью, было очень приятно.\n\nBest,\nJo\n")
                                         .encode("cp1251"))  # charset-normalizer's guess
    (folder / "french.txt").write_bytes(FRENCH.encode("cp1252"))
    (folder / "notepad.txt").write_bytes(FRENCH.encode("utf-16"))
    (folder / "letter.txt").write_bytes(_zip({"word/document.xml": b"<w:document/>"}))
    (folder / "deep.txt").write_text("---\nnames: " + "[" * 12_000 + "]" * 12_000 + "\n---\n" + NOTE)
    (folder / "gone.txt").symlink_to("nowhere.txt")
    (folder / "sub" / "up").symlink_to("..")
    home = tmp_path / "home"
    home.mkdir()
    code = (
        "import socket, sys\n"
        "def refuse(*a, **k): raise OSError('network blocked by test')\n"
        "socket.socket.connect = refuse\nsocket.getaddrinfo = refuse\nsocket.create_connection = refuse\n"
        "from notelint.cli import main\nsys.argv = ['notelint', 'check', '--format', 'json', sys.argv[1]]\nmain()\n"
    )
    process = subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True, text=True, timeout=300,
                             env={**os.environ, "HOME": str(home), "NLTK_DATA": str(tmp_path / "empty")})
    assert process.returncode == 2, process.stderr
    data = json.loads(process.stdout)
    encodings = {Path(f["path"]).name: f.get("encoding") for f in data["files"]}
    assert encodings.pop("russian.txt") not in (None, "cp1252")  # cp1251 with charset-normalizer 3.5
    assert encodings == {"a.txt": None, "french.txt": "cp1252", "notepad.txt": "utf-16-le", "b.md": None}
    assert sorted(Path(e["path"]).name for e in data["errors"]) == ["deep.txt", "gone.txt", "letter.txt"]
    assert "network" not in process.stderr and "Traceback" not in process.stderr
    assert process.stderr.count("\n") == 3


def test_text_carets_sit_under_the_words_with_wide_characters(tmp_path):
    """line:col counts characters; the caret line counts terminal cells (CJK and emoji take two)."""
    draft = tmp_path / "wide.txt"
    draft.write_text("Dear Ms. Okafor,\n\n田中さん, Thx again for Tuesday.\n\n🙏\u200b I realy enjoyed it.\n\nBest,\nJo\n")
    out = run("check", str(draft), "--select", "casual_tone", "--select", "spelling").stdout.splitlines()
    thx = out.index(f"{draft}:3:7  warning NL1302 'Thx' is texting shorthand; write 'Thank you'")
    assert out[thx + 2] == "      | " + " " * 10 + "^^^"
    realy = next(i for i, line in enumerate(out) if line.startswith(f"{draft}:5:6  warning NL1401"))
    assert out[realy + 2] == "      | " + " " * 5 + "^^^^^"


def test_escape_sequences_in_a_draft_do_not_reach_the_terminal(tmp_path):
    draft = tmp_path / "escape.txt"
    draft.write_text("Dear Ms. Okafor,\n\nHi \x1b]0;owned\x07\x1b[2J I realy enjoyed Tuesday.\n\nBest,\nJo\n")
    out = run("check", str(draft), "--select", "spelling").stdout
    assert "\x1b" not in out and "\x07" not in out
    lines = out.splitlines()
    at = lines.index(f"{draft}:3:21  warning NL1401 'realy' may be misspelled; did you mean 'really'?")
    assert lines[at + 1] == "    3 | Hi ␛]0;owned␇␛[2J I realy enjoyed Tuesday."
    assert lines[at + 2] == "      | " + " " * 20 + "^^^^^"


def test_folder_order_is_by_path_parts(tmp_path):
    """As before the walk was rewritten: sorted as paths, so 'a/x.txt' comes before 'a-b/x.txt'."""
    for sub in ("a-b", "a", "B"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "x.txt").write_text(NOTE)
    _, data, _ = check_json(str(tmp_path))
    assert [Path(f["path"]).parent.name for f in data["files"]] == ["B", "a", "a-b"]


# --- text the tokenizer used to hide from the rules -----------------------------------------------

@pytest.mark.parametrize("body, rule, words", [
    ("Thank you, it was realy\u200b good to meet the team.", "NL1401", "realy"),
    ("田中さん、Thx for the tour of the plant.", "NL1302", "Thx"),
])
def test_zero_width_spaces_and_cjk_punctuation_do_not_hide_words(linter, body, rule, words):
    from notelint.draft import parse_draft

    report = linter.lint_text(parse_draft("note.txt", f"Dear Ana,\n\n{body}\n\nBest,\nJo\n"))
    assert words in [f.match for f in report.findings if f.rule == rule]


@pytest.mark.parametrize("emoji", ["🙏🏽", "👩\u200d💻", "❤️"])
def test_one_emoji_with_a_skin_tone_or_joiner_counts_once(linter, emoji):
    from notelint.draft import parse_draft

    report = linter.lint_text(parse_draft("note.txt", f"Dear Ana,\n\nThank you for the tour {emoji}\n\nBest,\nJo\n"))
    assert [(f.rule, f.match) for f in report.findings if f.rule in ("NL1303", "NL1308")] == [("NL1303", emoji)]


def test_a_draft_far_longer_than_any_note_gets_one_finding_and_no_score(tmp_path):
    """A 3 MB file is not scored as a note (it was once a 79/100 'note' after 26 s): one error, score 0."""
    paragraph = " ".join(f"word{i % 997}" for i in range(200))
    draft = tmp_path / "book.txt"
    draft.write_text("Dear Ana,\n\n" + "\n\n".join([paragraph] * 2_000) + "\n\nBest,\nJo\n")
    result = CliRunner().invoke(app, ["check", "--no-cache", "--max-size", "5MB", "--format", "json", str(draft)])
    [report] = json.loads(result.stdout)["files"]
    assert result.exit_code == 1
    assert (report["score"], report["band"]) == (0, "rewrite")
    assert [(f["rule"], f["severity"], f["line"]) for f in report["findings"]] == [("NL100", "error", 1)]
    assert "runs to 400,004 words: it is not a thank-you note" in report["findings"][0]["message"]


def test_counts_in_messages_have_thousands_separators(linter):
    from notelint.draft import parse_draft

    long_note = "Dear Ana,\n\n" + " ".join(["The clinic tour was good."] * 250) + "\n\nBest,\nJo"
    report = linter.lint_text(parse_draft("note.txt", long_note))
    [too_long] = [f for f in report.findings if f.rule == "NL101"]
    assert "runs to 1,254 words" in too_long.message


def test_a_note_in_another_language_gets_one_finding_and_is_not_run_through_the_rules(tmp_path):
    """Rules written for English read an Estonian note as misspelt, ungrateful and unsigned: say instead what it is."""
    from notelint.draft import read_draft
    from notelint.engine import Linter
    from notelint.packs import load_rules

    note = tmp_path / "tere.txt"
    note.write_text("Tere Gerli,\n\nSuur aitäh eilse vestluse eest! Mulle meeldis väga kuulda teie meeskonna "
                    "plaanidest ja minu jaoks oli see väga huvitav. Ootan teie vastust ja loodan, et saame "
                    "koostööd teha.\n\nParimate soovidega\nMari\n", encoding="utf-8")
    english = tmp_path / "thanks.txt"
    english.write_text("Dear Ms. Tamm,\n\nThank you for the interview on Monday and for explaining how your team "
                       "schedules the Tallinn depot's night shifts. I would love to help with the rota tool.\n\n"
                       "Best regards,\nMari Kask\n", encoding="utf-8")
    report, plain = Linter(load_rules()).lint([read_draft(str(note)), read_draft(str(english))])
    assert [f.rule for f in report.findings] == ["NL099"]
    assert "does not read as English" in report.findings[0].message
    assert report.score.value == 0 and "English" in report.score.advice
    assert all(f.rule != "NL099" for f in plain.findings) and plain.score.value >= 90
