"""docs/rule.schema.json: generated from the pydantic models, accepts every shipped rule, refuses typos."""
from __future__ import annotations

import json
import sys

import jsonschema
import pytest

from conftest import ROOT
from notelint import yaml12

sys.path.insert(0, str(ROOT / "scripts"))
from rule_schema import TARGET, render  # noqa: E402

SCHEMA = json.loads(TARGET.read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def test_shipped_schema_matches_the_models():
    assert TARGET.read_text(encoding="utf-8") == render(), "run: python scripts/rule_schema.py"


@pytest.mark.parametrize("path", sorted(p for p in (ROOT / "rules").glob("*.yaml") if p.name != "pack.yaml"), ids=lambda p: p.name)
def test_every_shipped_rule_validates(path):
    assert list(VALIDATOR.iter_errors(yaml12.load(path.read_text(encoding="utf-8")))) == []


def test_a_misspelt_key_is_refused():
    rule = yaml12.load((ROOT / "rules" / "NL601-gift-to-interviewer.yaml").read_text(encoding="utf-8"))
    rule["guard"] = rule.pop("guards")
    assert not VALIDATOR.is_valid(rule)
