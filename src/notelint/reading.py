"""Getting a draft's text off the disk safely: a bounded read, binary files named, encodings, a loop-safe walk.

Whatever a user hands us ends as text or as one DraftError line for them, never a traceback.
"""
from __future__ import annotations

import codecs
import errno
import io
import os
import re
import stat
import sys
import unicodedata
import zipfile
from pathlib import Path

DRAFT_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".eml")

# A note is a few hundred words; a million characters is a book. Longer input is refused before
# the linter sees it (spaCy's own limit, nlp.max_length, is 1,000,000 characters by default).
DEFAULT_MAX_CHARS = 1_000_000
MAX_BYTES_PER_CHAR = 4  # UTF-8 and UTF-32 both need at most four bytes for one character


class DraftError(Exception):
    """A draft cannot be read; the message is one line for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(str(message).split()))


# ---------------------------------------------------------------------------------------------
# sizes


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(|b|k|kb|m|mb|g|gb|kib|mib|gib)\s*$", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 10**3, "kb": 10**3, "m": 10**6, "mb": 10**6, "g": 10**9, "gb": 10**9,
          "kib": 2**10, "mib": 2**20, "gib": 2**30}


def parse_size(value: str) -> int:
    """'1000000', '500KB', '2MB', '1MiB' -> a number of characters (1 KB = 1,000; 1 KiB = 1,024)."""
    match = _SIZE.match(value)
    if not match or float(match.group(1)) * _UNITS[match.group(2).lower()] < 1:
        raise DraftError(f"--max-size {value!r}: expected a size such as 1000000, 500KB or 2MB")
    return int(float(match.group(1)) * _UNITS[match.group(2).lower()])


def _too_long(size: str, max_chars: int) -> DraftError:
    return DraftError(f"too long for a note: {size}; the limit is {max_chars:,} characters (see --max-size)")


def read_bytes(path: str, max_chars: int = DEFAULT_MAX_CHARS) -> bytes:
    """The file's bytes, or standard input's for '-', reading no more than a draft of max_chars can need."""
    limit = max_chars * MAX_BYTES_PER_CHAR + len(codecs.BOM_UTF32)
    try:
        if path == "-":
            data = sys.stdin.buffer.read(limit + 1)
        else:
            with open(path, "rb") as handle:  # noqa: PTH123 - tests patch this module's open
                info = os.fstat(handle.fileno())
                if stat.S_ISDIR(info.st_mode):
                    raise IsADirectoryError(21, "Is a directory", path)
                if stat.S_ISREG(info.st_mode) and info.st_size > limit:
                    raise _too_long(f"{info.st_size:,} bytes", max_chars)
                data = handle.read(limit + 1)  # a pipe or a growing file can hold more than it said
    except FileNotFoundError:
        if path != "-" and os.path.islink(path):
            raise DraftError(_broken_link_message(Path(path))) from None
        raise DraftError("no such file") from None
    except IsADirectoryError:
        raise DraftError("is a directory, not a draft file") from None
    except NotADirectoryError:
        raise DraftError("no such file (a part of the path is not a folder)") from None
    except PermissionError:
        raise DraftError("permission denied: cannot read this file") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise DraftError("symbolic link loop: the link points back to itself") from None
        raise DraftError(f"cannot read: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise _too_long(f"more than {limit:,} bytes", max_chars)
    return data


def check_length(text: str, max_chars: int) -> None:
    if len(text) > max_chars:
        raise _too_long(f"{len(text):,} characters", max_chars)


# ---------------------------------------------------------------------------------------------
# binary files: say what they are and what to do instead

_EXPORT = "export the draft as plain text (.txt)"
_MAGIC = (
    (b"%PDF-", "a PDF file"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Word 97-2003 document (.doc) or another old Office file"),
    (b"{\\rtf", "an RTF document (.rtf)"),
    (b"\x1f\x8b", "a gzip-compressed file"),
)
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_ODF_TYPES = {
    "application/vnd.oasis.opendocument.text": "an OpenDocument text (.odt)",
    "application/epub+zip": "an EPUB e-book",
}


def _zip_kind(data: bytes) -> str:
    """Which kind of zip container: Word, OpenDocument, Pages, or just an archive."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            if "mimetype" in names:
                mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
                if mimetype in _ODF_TYPES:
                    return _ODF_TYPES[mimetype]
                if mimetype.startswith("application/vnd.oasis.opendocument"):
                    return "an OpenDocument file"
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, RuntimeError, NotImplementedError):
        names = []
    if any(n.startswith("word/") for n in names):
        return "a Word document (.docx)"
    if any(n.startswith(("xl/", "ppt/")) for n in names):
        return "an Excel or PowerPoint file"
    if any(n.startswith("Index/") and n.endswith(".iwa") for n in names):
        return "a Pages document"
    return "a ZIP archive"


def binary_kind(data: bytes) -> str | None:
    """A name for a well-known binary format from its first bytes, or None."""
    if data.startswith(_ZIP_MAGIC):
        return _zip_kind(data)
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "a WebP image"
    if data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1"):
        return "a HEIC image"
    return None


def _looks_like_utf16_without_bom(data: bytes) -> bool:
    """ASCII text saved as UTF-16 with no byte-order mark: every other byte is NUL."""
    if len(data) < 4 or len(data) % 2:
        return False
    for zeros, letters in ((data[1::2], data[0::2]), (data[0::2], data[1::2])):  # little-, big-endian
        printable = sum(1 for b in letters if 0x20 <= b < 0x7F or b in (9, 10, 13))
        if zeros.count(0) >= 0.9 * len(zeros) and printable >= 0.9 * len(letters):
            return True
    return False


# ---------------------------------------------------------------------------------------------
# encodings

BOMS = (  # UTF-32 first: its little-endian mark begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

NAMES = {
    "utf-16-le": "UTF-16 (little-endian)", "utf-16-be": "UTF-16 (big-endian)",
    "utf-32-le": "UTF-32 (little-endian)", "utf-32-be": "UTF-32 (big-endian)",
    "cp1252": "Windows-1252", "iso8859-15": "ISO-8859-15 (Latin-9)", "latin-1": "ISO-8859-1 (Latin-1)",
    "iso8859-1": "ISO-8859-1 (Latin-1)", "cp1250": "Windows-1250", "cp1251": "Windows-1251",
    "cp1253": "Windows-1253", "cp1254": "Windows-1254", "cp1257": "Windows-1257", "mac-roman": "Mac OS Roman",
}

# Typography a Western European note uses: quotes, dashes, currency, marks, NBSP, soft hyphen.
_TEXT_SYMBOLS = frozenset("‘’‚“”„‹›«»–—…•·€£¥¢©®™°§¶†‡‰¡¿×½¼¾\u00a0\u00ad")
# ... and those that can sit between two letters of one word: l·l, don’t, Jean–Luc, NBSP between words.
_INSIDE_WORD = frozenset("’‘·–—\u00a0\u00ad")


def plausible_western(text: str) -> bool:
    """Could this be a Western European text, or is it another code page read as one?

    Other code pages read as Windows-1252 show as symbols inside words (Polish `Wa³êsa`, Chinese
    `Ð»Ð»`) or as runs of accented letters (Russian `Äìèòðèé`); real French, German or Spanish
    text has neither: a letter or two with an accent between plain ones, and ordinary typography.
    """
    run = 0
    previous = ""
    for index, char in enumerate(text):
        if char < "\x80":
            run = 0
            previous = char
            continue
        if char.isalpha():
            run += 1
            if run >= 3:
                return False
        else:
            run = 0
            if char not in _TEXT_SYMBOLS:
                return False
            following = text[index + 1 : index + 2]
            if char not in _INSIDE_WORD and previous.isalpha() and following.isalpha():
                return False
        previous = char
    return True


def _has_c1_controls(text: str) -> bool:
    return any("\x80" <= char <= "\x9f" for char in text)


def _from_legacy(data: bytes) -> tuple[str, str]:
    """Bytes that are not UTF-8: Windows-1252 (or Latin-9) when that reads as plausible text, else a guess."""
    for encoding in ("cp1252", "iso8859-15"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not _has_c1_controls(text) and plausible_western(text):
            return text, encoding
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or _has_c1_controls(str(best)):
        raise DraftError("cannot tell the text encoding; save the draft as UTF-8")
    return str(best), codecs.lookup(best.encoding).name


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Bytes to (text, encoding): a byte-order mark, else UTF-8, else a legacy code page; binary refused.

    Line endings become '\\n' (CRLF and lone CR both), so lines count as an editor counts them.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                family = encoding.removesuffix("-le").removesuffix("-be").upper()
                raise DraftError(
                    f"starts with a {family} byte-order mark but is not valid {family} text; save the draft as UTF-8"
                ) from None
            if "\x00" in text:
                raise DraftError("looks like a binary file, not a text draft")
            break
    else:
        kind = binary_kind(data)
        if kind:
            raise DraftError(f"looks like {kind}; {_EXPORT}")
        if b"\x00" in data:
            if _looks_like_utf16_without_bom(data):
                raise DraftError("looks like a binary file, not a text draft "
                                 "(or UTF-16 text without a byte-order mark; save the draft as UTF-8)")
            raise DraftError("looks like a binary file, not a text draft")
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = _from_legacy(data)
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


def encoding_note(encoding: str) -> str | None:
    """One line saying how a draft that was not UTF-8 was read; None for UTF-8."""
    if encoding == "utf-8":
        return None
    name = NAMES.get(encoding, encoding)
    if encoding.startswith("utf-"):
        return f"read as {name}, from its byte-order mark"
    shown = name if name == encoding else f"{name} ({encoding})"
    return f"not UTF-8; read as {shown}: check the accents, or save the draft as UTF-8"


def is_blank(text: str) -> bool:
    """Only whitespace and invisible format characters (zero-width spaces, BOMs, joiners)."""
    return all(char.isspace() or unicodedata.category(char) == "Cf" for char in text)


# ---------------------------------------------------------------------------------------------
# folders


def walk_drafts(folder: Path, problems: list[tuple[str, str]]) -> list[str]:
    """Draft files under folder, sorted; hidden entries skipped; each real folder visited once.

    A symbolic link to a folder is followed unless that folder was already walked (so a link back
    up the tree is no loop); a draft-named link that leads nowhere, or to itself, is a problem.
    """
    found: list[Path] = []
    visited: set[tuple[int, int]] = set()
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            info = current.stat()
        except OSError as exc:
            problems.append((str(current), _walk_message(exc)))
            continue
        if (info.st_dev, info.st_ino) in visited:
            continue
        visited.add((info.st_dev, info.st_ino))
        try:
            with os.scandir(current) as entries:
                listed = sorted(entries, key=lambda e: e.name)
        except OSError as exc:
            problems.append((str(current), f"cannot list this folder: {exc.strerror or exc}"))
            continue
        subfolders = []
        for entry in listed:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()  # follows links
                is_file = not is_dir and entry.is_file()
            except OSError:
                is_dir = is_file = False
            if is_dir:
                subfolders.append(path)
            elif is_file:
                if path.suffix.lower() in DRAFT_SUFFIXES and _is_regular(entry):
                    found.append(path)
            elif entry.is_symlink() and path.suffix.lower() in DRAFT_SUFFIXES:
                problems.append((str(path), _broken_link_message(path)))
        pending.extend(reversed(subfolders))
    return [str(path) for path in sorted(found)]  # Path order, as rglob's was: 'a/x' before 'a-b/x'


def _is_regular(entry: os.DirEntry) -> bool:
    """Plain files only: a FIFO or device named like a draft would block or never end."""
    try:
        return stat.S_ISREG(entry.stat().st_mode)
    except OSError:
        return False


def _walk_message(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if isinstance(exc, FileNotFoundError):
        return "no such folder (it was removed while being read)"
    return f"cannot open this folder: {exc.strerror or exc}"


def _broken_link_message(path: Path) -> str:
    try:
        target = os.readlink(path)
    except OSError:
        target = "?"
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return f"symbolic link loop (points to {target}, which leads back to itself)"
    return f"broken symbolic link (points to {target}, which does not exist)"
