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
