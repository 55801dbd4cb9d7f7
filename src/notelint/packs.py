"""Find, validate and load rule packs; every problem is reported with its file and key path.

A pack is a folder of rule files (one rule per *.yaml file) and an optional `pack.yaml` that
declares the pack's own categories, each with a title and a one-line description.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from pydantic import Field, ValidationError, field_validator

from .locations import builtin_rules_dir
from .model import Category, rule_number
from .schema import CATEGORY_NAME, TRAINED_ATTRS, RuleCore, Strict, describe_errors

PACK_FILE = "pack.yaml"


class CategorySpec(Strict):
    title: str = Field(min_length=1)
    description: str = Field(min_length=1)


class PackFile(Strict):
    """pack.yaml: what the pack is and the categories its rules may use besides the built-in ones."""

    name: str | None = None
    description: str | None = None
    categories: dict[str, CategorySpec] = {}

    @field_validator("categories")
    @classmethod
    def _names(cls, categories: dict[str, CategorySpec]) -> dict[str, CategorySpec]:
        bad = [name for name in categories if not re.match(CATEGORY_NAME, name)]
        if bad:
            raise ValueError(f"{bad[0]!r} must be lower-case words joined by _ (like salary_talk)")
        return categories


@dataclass(frozen=True)
class RuleSet:
    """The rules of every loaded pack, sorted by code, and the categories they may use."""

    rules: list[RuleCore]
    categories: dict[str, Category] = field(default_factory=dict)
    sources: dict[str, Path] = field(default_factory=dict)  # rule code -> the file it came from


class RulePackError(Exception):
    """One or more rule files are invalid; `problems` holds one line per problem."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems

    def __reduce__(self):  # noqa: ANN204 - so that it crosses from a worker process intact
        return (RulePackError, (self.problems,))


def _rule_files(directory: Path) -> list[Path]:
    if not directory.is_dir():
        raise RulePackError([f"{directory}: not a directory of rule files"])
    return sorted(p for p in directory.iterdir() if p.suffix in (".yaml", ".yml") and p.name != PACK_FILE)


def _problems(path: Path, exc: ValidationError, root: type | None = None) -> list[str]:
    """One line per problem in a rule file or pack.yaml, naming the file, in our words (schema.describe_errors)."""
    from .kinds import KINDS
    from .wording import did_you_mean

    kinds = ", ".join(KINDS)
    special, rest = [], []
    for error in exc.errors():
        loc = tuple(error["loc"])
        if root is None and loc and loc[0] in KINDS:  # the discriminator tag pydantic puts first
            error = {**error, "loc": loc[1:]}
            model, loc = KINDS[loc[0]].Rule, loc[1:]
        else:
            model = root
        if error["type"] == "union_tag_invalid":
            tag = (error.get("ctx") or {}).get("tag", "")
            special.append(f"kind must be one of {kinds}" + did_you_mean(tag, KINDS, cutoff=0.75))
        elif error["type"] == "union_tag_not_found":
            special.append(f"kind: missing (one of {kinds})")
        elif error["type"] == "extra_forbidden" and loc and loc[-1] in TRAINED_ATTRS:
            key = ".".join(str(part) for part in loc)
            special.append(f"{key}: {loc[-1]} needs a trained pipeline; notelint's blank pipeline never sets it")
        else:
            rest.append((error, model))
    by_model: dict[int, tuple[type | None, list[dict]]] = {}  # one model per file in practice
    for error, model in rest:
        by_model.setdefault(id(model), (model, []))[1].append(error)
    described = [line for model, errors in by_model.values() for line in describe_errors(errors, model)]
    return [f"{path}: {line}" for line in special + described]


MAX_FILE_BYTES = 1_000_000  # the largest built-in rule file is about 12 kB


def _read_yaml(path: Path, parsed: dict[str, object] | None = None) -> dict:
    """The mapping in a rule file or pack.yaml. `parsed`: files already parsed, by path (a rules bundle,
    bundle.py); a file found there is not parsed again, and one parsed here is added to it."""
    known = parsed.get(str(path)) if parsed is not None else None
    if isinstance(known, dict):
        return known
    from . import yaml12  # PyYAML: not imported when every file comes from the bundle

    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise RulePackError([f"{path}: {path.stat().st_size:,} bytes; a rule file may be at most {MAX_FILE_BYTES:,}"])
        data = yaml12.load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise RulePackError([f"{path}: cannot read: {exc}"]) from None
    except yaml12.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        raise RulePackError([f"{path}: {where}not valid YAML: {getattr(exc, 'problem', exc)}"]) from None
    if not isinstance(data, dict):
        raise RulePackError([f"{path}: must be a mapping of keys to values"])
    if parsed is not None and (copy := _json_copy(data)) is not None:
        parsed[str(path)] = copy  # a copy, so that validating `data` cannot change what the bundle keeps
    return data


def _json_copy(data: dict) -> dict | None:
    """`data` through JSON, or None when JSON would change it (a key that is not a string, NaN)."""
    import json

    try:
        copy = json.loads(json.dumps(data))
    except (TypeError, ValueError):
        return None
    return copy if copy == data else None


def _load_file(path: Path, parsed: dict[str, object] | None = None) -> RuleCore:
    from .kinds import RULE_ADAPTER

    data = _read_yaml(path, parsed)
    try:
        return RULE_ADAPTER.validate_python(data)
    except ValidationError as exc:
        raise RulePackError(_problems(path, exc)) from None


def _load_categories(directory: Path, parsed: dict[str, object] | None = None) -> dict[str, Category]:
    path = directory / PACK_FILE
    if not path.is_file():
        return {}
    try:
        pack = PackFile.model_validate(_read_yaml(path, parsed))
    except ValidationError as exc:
        raise RulePackError(_problems(path, exc, PackFile)) from None
    return {name: Category(name, spec.title, " ".join(spec.description.split())) for name, spec in pack.categories.items()}


def load_pack(dirs: Iterable[Path] | None = None, parsed: dict[str, object] | None = None) -> RuleSet:
    """Load and validate every pack's categories and rule files; raise RulePackError listing all problems at once.

    `parsed`: the files' contents already parsed, by path, from a rules bundle; filled in as files are read."""
    from .wording import did_you_mean

    dirs = list(dirs) if dirs is not None else [builtin_rules_dir()]
    rules: list[RuleCore] = []
    builtin = builtin_rules_dir()
    categories = _load_categories(builtin, parsed)  # a pack may use the built-in categories without loading their rules
    declared_in = dict.fromkeys(categories, builtin / PACK_FILE)
    problems: list[str] = []
    seen: dict[str, Path] = {}
    files: list[Path] = []
    for directory in dirs:
        try:
            files.extend(_rule_files(directory))
            if directory.resolve() == builtin.resolve():
                continue
            for name, category in _load_categories(directory, parsed).items():
                if name in categories:
                    problems.append(f"{directory / PACK_FILE}: category {name} is already declared in {declared_in[name]}")
                categories[name], declared_in[name] = category, directory / PACK_FILE
        except RulePackError as exc:
            problems.extend(exc.problems)
    for path in files:
        try:
            rule = _load_file(path, parsed)
        except RulePackError as exc:
            problems.extend(exc.problems)
            continue
        if hasattr(rule, "_folder"):
            rule._folder = path.parent  # a classifier's models/ sit beside its rule file
        for ident in (rule.code, rule.name):
            if ident in seen:
                problems.append(f"{path}: {ident} is already defined in {seen[ident]}")
            seen[ident] = path
        rules.append(rule)
    codes = {r.code for r in rules}
    for rule in rules:
        where = seen[rule.code]
        if rule.REPORTS and rule.category not in categories:
            problems.append(
                f"{where}: category: {rule.category!r} is not declared; declare it under `categories:` in the "
                f"pack's {PACK_FILE} or use one of {', '.join(categories)}" + did_you_mean(rule.category, categories)
            )
        for key in ("supersedes", "unless_fired"):
            for code in getattr(rule, key, []):
                if code not in codes:
                    problems.append(f"{where}: {key}: no rule {code}" + did_you_mean(code, sorted(codes), quote=False))
    if not files and not problems:
        problems.append("no rule files (*.yaml) found")
    if problems:
        raise RulePackError(problems)
    return RuleSet(sorted(rules, key=lambda r: rule_number(r.code)), categories, seen)


def load_rules(dirs: Iterable[Path] | None = None) -> list[RuleCore]:
    """The rules of `load_pack`."""
    return load_pack(dirs).rules
