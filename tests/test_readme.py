"""The README stays true: its sample output is a real run, and its commands exit as it says."""
from __future__ import annotations

import glob
import re
import shlex

from typer.testing import CliRunner

from conftest import ROOT
from notelint.cli import app

README = (ROOT / "README.md").read_text(encoding="utf-8")


def run(command: str):
    """A `notelint ...` line from the README, run from the repository root; globs expanded as a shell would."""
    import os

    words = shlex.split(command.split("#")[0])
    assert words[0] == "notelint"
    args = [match for word in words[1:] for match in (sorted(glob.glob(word, root_dir=ROOT)) or [word])]
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return CliRunner().invoke(app, args)
    finally:
        os.chdir(cwd)


def test_the_sample_output_is_what_a_run_prints():
    block = README.split("## What a run looks like\n\n```\n", 1)[1].split("...\n```", 1)[0]
    printed = run("notelint check --no-cache examples/needs-work.txt").stdout
    assert printed.startswith(block), "run: notelint check examples/needs-work.txt, and paste its first lines"


def test_the_example_drafts_exit_as_the_readme_says():
    assert "prints its findings and exits with 1;\n`examples/good-note.txt` exits with 0" in README
    assert run("notelint check examples/needs-work.txt").exit_code == 1
    assert run("notelint check examples/good-note.txt").exit_code == 0


def test_the_quality_commands_exit_as_commented():
    commands = re.findall(r"^(notelint eval (?!PATH)[^\n]*)$", README, re.MULTILINE)
    assert len(commands) == 3
    for command in commands:
        expected = 1 if "exits 1" in command else 0
        assert run(command).exit_code == expected, command


def test_the_context_aware_sample_is_what_a_run_prints():
    block = README.split("$ notelint check examples/halvard-marine/\n", 1)[1].split("```", 1)[0]
    assert run("notelint check --no-cache examples/halvard-marine/").stdout == block, \
        "run: notelint check examples/halvard-marine/, and paste its output"
