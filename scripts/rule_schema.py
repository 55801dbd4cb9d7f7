"""Write docs/rule.schema.json, the JSON Schema of a rule file, from the pydantic models.

    python scripts/rule_schema.py        # rewrite docs/rule.schema.json
    python scripts/rule_schema.py --check # exit 1 when the shipped schema has drifted

Editors with YAML language support validate and complete rule files against it, e.g. with a
first line `# yaml-language-server: $schema=<path or URL of rule.schema.json>`.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from notelint.kinds import RULE_ADAPTER

TARGET = Path(__file__).resolve().parents[1] / "docs" / "rule.schema.json"
PACK_TARGET = TARGET.with_name("pack.schema.json")


def rule_schema() -> dict:
    schema = RULE_ADAPTER.json_schema(by_alias=True)
    # an example may be written as a plain string as well as {text, context}
    for key in ("fire", "pass"):
        schema["$defs"]["Examples"]["properties"][key]["items"] = {
            "anyOf": [{"$ref": "#/$defs/Example"}, {"type": "string"}]
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "notelint rule file",
        "description": "One rule of notelint, the etiquette linter for thank-you notes; see docs/writing-rules.md.",
        **schema,
    }


def pack_schema() -> dict:
    from notelint.packs import PackFile

    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "notelint pack.yaml",
        "description": "A rule pack's name and the categories its rules may use; see docs/writing-rules.md.",
        **PackFile.model_json_schema(),
    }


def render() -> str:
    return json.dumps(rule_schema(), indent=2, ensure_ascii=False) + "\n"


def render_pack() -> str:
    return json.dumps(pack_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    if "--check" in sys.argv[1:]:
        current = TARGET.read_text(encoding="utf-8") == render()
        sys.exit(0 if current and PACK_TARGET.read_text(encoding="utf-8") == render_pack() else 1)
    TARGET.write_text(render(), encoding="utf-8")
    PACK_TARGET.write_text(render_pack(), encoding="utf-8")
