"""docs/rule.schema.json: generated from the pydantic models, accepts every shipped rule, refuses typos."""
from __future__ import annotations

import json
import sys

import jsonschema
import pytest

from conftest import ROOT
from notelint import yaml12

sys.path.insert(0, str(ROOT / "scripts"))
from rule_schema import PACK_TARGET, TARGET, render, render_pack  # noqa: E402

SCHEMA = json.loads(TARGET.read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


PACK_VALIDATOR = jsonschema.Draft202012Validator(json.loads(PACK_TARGET.read_text(encoding="utf-8")))
RULE_FILES = [p for folder in ("rules", "examples/house-rules") for p in sorted((ROOT / folder).glob("*.yaml"))]


def test_shipped_schemas_match_the_models():
    assert TARGET.read_text(encoding="utf-8") == render(), "run: python scripts/rule_schema.py"
    assert PACK_TARGET.read_text(encoding="utf-8") == render_pack(), "run: python scripts/rule_schema.py"


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_shipped_rule_and_pack_file_validates(path):
    validator = PACK_VALIDATOR if path.name == "pack.yaml" else VALIDATOR
    assert list(validator.iter_errors(yaml12.load(path.read_text(encoding="utf-8")))) == []


def test_a_pack_file_with_a_category_missing_its_title_is_refused():
    assert not PACK_VALIDATOR.is_valid({"categories": {"money": {"description": "Pay talk."}}})


def test_a_misspelt_key_is_refused():
    rule = yaml12.load((ROOT / "rules" / "NL601-gift-to-interviewer.yaml").read_text(encoding="utf-8"))
    rule["guard"] = rule.pop("guards")
    assert not VALIDATOR.is_valid(rule)
