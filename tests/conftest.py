"""Shared fixtures: one linter with the built-in rules for the whole session (spaCy loads once)."""
from __future__ import annotations

from pathlib import Path

import pytest

from notelint.engine import Linter
from notelint.packs import load_rules

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def rules():
    return load_rules()


@pytest.fixture(scope="session")
def linter(rules):
    return Linter(rules)


@pytest.fixture(autouse=True, scope="session")
def _report_cache_outside_the_repository(tmp_path_factory):
    """`notelint check` keeps a report cache in the current folder; tests keep theirs in a temporary one."""
    import os

    os.environ["NOTELINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("notelint-cache"))


@pytest.fixture(autouse=True, scope="session")
def _not_inside_github_actions():
    """Under GITHUB_ACTIONS=true `check` defaults to the github format; tests that expect text set it themselves."""
    import os

    for name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"):
        os.environ.pop(name, None)
