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
