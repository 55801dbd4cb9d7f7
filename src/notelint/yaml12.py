"""YAML with 1.2 booleans: only true/false are booleans, so `on`, `no`, `yes` stay words.

PyYAML follows YAML 1.1, where an unquoted `on` in a word list silently becomes True;
rule files are full of English words, so we resolve booleans the 1.2 way.
"""
from __future__ import annotations

import re
from typing import Any

import yaml


# libyaml's parser when PyYAML was built with it (about five times faster on the rule files);
# the resolver below is Python either way, so the 1.2 booleans hold for both
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[valid-type,misc]
    pass


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)

YAMLError = yaml.YAMLError


def load(text: str) -> Any:
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
