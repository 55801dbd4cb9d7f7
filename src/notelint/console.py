"""The `notelint` console script.

`notelint check PATH...` with no options, as a git pre-commit hook runs it, goes straight to
run.check, so that re-checking unchanged drafts never imports typer (nor rich's help, nor spaCy).
Everything else, including any option, goes through the full command line in cli.py, with the
same defaults and the same output.
"""
from __future__ import annotations

import sys


def plain_check(args: list[str]) -> bool:
    """True for `check` followed only by paths (`-` is standard input; `--` or any option is not plain)."""
    return len(args) > 1 and args[0] == "check" and all(a == "-" or not a.startswith("-") for a in args[1:])


def main() -> None:
    args = sys.argv[1:]
    if not plain_check(args):
        from .cli import main as command_line

        command_line()
        return
    from .run import check

    try:
        code = check(args[1:])
    except KeyboardInterrupt:
        code = 130
    sys.exit(code)
