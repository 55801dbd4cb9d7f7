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


class _PyLoader(yaml.SafeLoader):
    """The pure-Python twin, for documents that might nest deeply: libyaml's composer recurses in C
    and crashes the process (a segmentation fault) at about 30,000 levels, which 30 KB of `[` reach;
    Python's composer stops at its recursion limit with an error we can report."""


# Every level of nesting needs one of these characters, so their count bounds a document's depth.
_NESTING_CHARACTERS = "[{-?:"
SAFE_C_DEPTH = 10_000

# Aliases let a few lines stand for billions of values ("billion laughs"); the shipped rule files
# expand to under 3,000 nodes, a front matter to a few dozen.
MAX_NODES = 100_000

for _cls in (_Loader, _PyLoader):
    _cls.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    _cls.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
    )

YAMLError = yaml.YAMLError


def _mapping_without_repeats(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> dict:
    """A mapping whose keys are each written once: a second `swap:` entry for the same word is a mistake."""
    seen: set = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be a plain value, not a list or mapping", key_node.start_mark
            ) from None
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"{key!r} is written twice in the same mapping", key_node.start_mark
            )
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


for _cls in (_Loader, _PyLoader):
    _cls.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_without_repeats)


def _expanded_size(root: yaml.Node, limit: int) -> None:
    """Refuse a document whose aliases, written out, exceed `limit` nodes, or that contains itself."""
    sizes: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if isinstance(node, yaml.ScalarNode):
            sizes[key] = 1
            continue
        children = [n for pair in node.value for n in pair] if isinstance(node, yaml.MappingNode) else node.value
        if children_done:
            on_path.discard(key)
            sizes[key] = 1 + sum(sizes[id(c)] for c in children)
            if sizes[key] > limit:
                raise yaml.constructor.ConstructorError(
                    None, None, f"aliases expand to more than {limit:,} values; write the values out",
                    node.start_mark,
                )
            continue
        if key in sizes:
            continue
        if key in on_path:
            raise yaml.constructor.ConstructorError(
                None, None, "an alias refers to the collection that contains it", node.start_mark
            )
        on_path.add(key)
        stack.append((node, True))
        stack.extend((c, False) for c in children if id(c) not in sizes)


def load(text: str, max_nodes: int = MAX_NODES) -> Any:
    """One YAML document, safely: no Python tags, bounded alias expansion, no crash on deep nesting."""
    deep = sum(text.count(c) for c in _NESTING_CHARACTERS) >= SAFE_C_DEPTH
    loader = (_PyLoader if deep else _Loader)(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _expanded_size(node, max_nodes)
        return loader.construct_document(node)
    except RecursionError:
        raise yaml.MarkedYAMLError(None, None, "nested too deeply (more levels than Python can follow)") from None
    finally:
        loader.dispose()
