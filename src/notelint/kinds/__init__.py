"""The rule kinds, one module each, found by module name: `kind: existence` is kinds/existence.py.

A kind module holds two things:

- `Rule`, its pydantic model: a subclass of `schema.RuleBase` (or `schema.RuleCore` for a rule
  that reports nothing) whose `kind` field is `Literal["<module name>"]`;
- `find(rule, note)`, which yields the rule's `Hit`s in a parsed `Note`.

Adding a kind is adding a module here (and its tests); rule files can use it at once.
"""
from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType
from typing import Annotated, Union

from pydantic import Field, TypeAdapter


def _discover() -> dict[str, ModuleType]:
    kinds = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        declared = module.Rule.model_fields["kind"].annotation.__args__
        if declared != (info.name,):
            raise TypeError(f"kinds/{info.name}.py: Rule.kind must be Literal[{info.name!r}], not {declared}")
        kinds[info.name] = module
    return kinds


KINDS: dict[str, ModuleType] = _discover()
RULE_ADAPTER: TypeAdapter = TypeAdapter(
    Annotated[Union[tuple(m.Rule for m in KINDS.values())], Field(discriminator="kind")]  # noqa: UP007
)


def find(rule, note):  # noqa: ANN001, ANN201 - a rule of any kind and a Note; yields Hits
    """The rule's hits in the note, from its kind's module."""
    return KINDS[rule.kind].find(rule, note)
