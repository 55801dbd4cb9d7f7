"""Output formats; each module has render(reports, stream, errors, **options) and is imported only when chosen.

Every render takes the same keyword options and ignores those it has no use for: `encodings` (drafts
that were not UTF-8 and what they were read as), `forms` (emails: the headers read, and whether
positions count a decoded body; formats.Form), `rules` (the rules that ran, for formats that
describe them) and `fail_on` (the lowest severity that fails a draft).
"""
from __future__ import annotations

import os
import sys
import tempfile
from contextlib import contextmanager
from importlib import import_module
from pathlib import Path
from typing import IO, Callable, Iterator

FORMATS = ("text", "json", "sarif", "github", "gitlab", "junit")
NEEDS_RULES = frozenset({"sarif"})  # formats that describe every rule that ran, not only those that fired


def reporter(name: str) -> Callable:
    return import_module(f"notelint.reporters.{name}_report").render


def default_format() -> str:
    """`github` inside a GitHub Actions job, `text` everywhere else."""
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


@contextmanager
def report_stream(output: Path | None) -> Iterator[IO[str]]:
    """Standard output, or a file written through a temporary file beside it and renamed into place,
    so a reader never sees half a report and a failed run leaves an older report untouched. `-` is standard output."""
    if output is None or str(output) == "-":
        yield sys.stdout
        return
    target = Path(output)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with open(handle, "w", encoding="utf-8", newline="\n") as stream:
            yield stream
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_report(output_format: str, output: Path | None, reports: list, errors: list[dict],
                 **options: object) -> None:
    """Render the reports in `output_format` to standard output or, atomically, to `output`."""
    render = reporter(output_format)
    with report_stream(output) as stream:
        render(reports, stream, errors, **options)
