"""Find, validate and load rule files; every problem is reported with its file and key path."""
from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Iterable

from pydantic import ValidationError

from . import yaml12
from .model import rule_number
from .schema import RULE_ADAPTER, TRAINED_ATTRS, AnyRule


class RulePackError(Exception):
    """One or more rule files are invalid; `problems` holds one line per problem."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


def builtin_rules_dir() -> Path:
    """The rules shipped inside the wheel, or the source tree's rules/ in a checkout."""
    shipped = Path(str(resources.files("notelint"))) / "rules"
    if shipped.is_dir():
        return shipped
    return Path(__file__).resolve().parents[2] / "rules"


def _rule_files(dirs: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for directory in dirs:
        if not directory.is_dir():
            raise RulePackError([f"{directory}: not a directory of rule files"])
        files.extend(sorted(p for p in directory.iterdir() if p.suffix in (".yaml", ".yml")))
    return files


def _describe(error: dict) -> str:
    loc = [str(part) for part in error["loc"]]
    if loc and loc[0] in ("existence", "substitution", "required", "metric", "spelling", "context"):
        loc = loc[1:]  # the discriminator tag pydantic puts first
    loc = [part for part in loc if not part.startswith("function-")]
    key = ".".join(loc)
    message = error["msg"]
    if error["type"] == "extra_forbidden":
        name = loc[-1] if loc else "?"
        if name in TRAINED_ATTRS:
            message = f"{name} needs a trained pipeline; notelint's blank pipeline never sets it"
        else:
            message = "unknown key"
    elif error["type"] == "union_tag_invalid":
        message = "kind must be one of existence, substitution, required, metric, spelling, context"
    elif error["type"] == "union_tag_not_found":
        key, message = "kind", "missing (one of existence, substitution, required, metric, spelling, context)"
    elif message.startswith("Value error, "):
        message = message[len("Value error, "):]
    return f"{key}: {message}" if key else message


def _load_file(path: Path) -> AnyRule:
    try:
        data = yaml12.load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise RulePackError([f"{path}: cannot read: {exc}"]) from None
    except yaml12.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        raise RulePackError([f"{path}: {where}not valid YAML: {getattr(exc, 'problem', exc)}"]) from None
    if not isinstance(data, dict):
        raise RulePackError([f"{path}: a rule file must be a mapping of keys to values"])
    try:
        return RULE_ADAPTER.validate_python(data)
    except ValidationError as exc:
        raise RulePackError([f"{path}: {_describe(e)}" for e in exc.errors()]) from None


def load_rules(dirs: Iterable[Path] | None = None) -> list[AnyRule]:
    """Load and validate every rule file; raise RulePackError listing all problems at once."""
    files = _rule_files(list(dirs) if dirs is not None else [builtin_rules_dir()])
    rules: list[AnyRule] = []
    problems: list[str] = []
    seen: dict[str, Path] = {}
    for path in files:
        try:
            rule = _load_file(path)
        except RulePackError as exc:
            problems.extend(exc.problems)
            continue
        for ident in (rule.code, rule.name):
            if ident in seen:
                problems.append(f"{path}: {ident} is already defined in {seen[ident]}")
            seen[ident] = path
        rules.append(rule)
    codes = {r.code for r in rules}
    for rule in rules:
        for key in ("supersedes", "unless_fired"):
            for code in getattr(rule, key, []):
                if code not in codes:
                    problems.append(f"{seen[rule.code]}: {key}: no rule {code}")
    if not files:
        problems.append("no rule files (*.yaml) found")
    if problems:
        raise RulePackError(problems)
    return sorted(rules, key=lambda r: rule_number(r.code))
