"""Project configuration: `[tool.notelint]` in pyproject.toml, or `.notelint.toml`, found upward from a draft.

Every key is validated with the same pydantic conventions as rule files (unknown keys refused, in
configfile.py, imported only when there is a file to read), and a problem is one line naming the
file and the key. Paths in the config (packs, per-file globs, include and exclude) are relative to
the folder the config file is in.
"""
from __future__ import annotations

import fnmatch
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path, PurePosixPath
from typing import Any

from .model import CONTEXT_VALUES

CONFIG_FILES = (".notelint.toml", "pyproject.toml")
# what `notelint check .` must not read as a thank-you note in a drafts repository
DEFAULT_EXCLUDE = ("README*", "CONTRIBUTING*", "CHANGELOG*", "CODE_OF_CONDUCT*", "LICENSE*", "SECURITY*",
                   "node_modules/**", ".git/**", ".notelint_cache/**")


class ConfigError(Exception):
    """An invalid config file; the message is one line with the file and the key."""


@dataclass(frozen=True)
class Config:
    """The keys of `[tool.notelint]` / `.notelint.toml`, validated (configfile.ConfigFile says what each may hold)."""

    select: list[str] | None = None  # codes, code prefixes (NL6), names or categories; default: all
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)  # glob -> selectors
    severity: dict[str, str] = field(default_factory=dict)  # rule code or name -> severity
    fail_on: str | None = None
    fail_under: int | None = None
    packs: list[str] = field(default_factory=list)
    # audience, stage, medium, and the situation's keys (to, company, role, interview_date, send_date, interview)
    context: dict[str, Any] = field(default_factory=dict)
    include: list[str] | None = None
    exclude: list[str] = field(default_factory=lambda: list(DEFAULT_EXCLUDE))
    extend_exclude: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)  # names and terms that are not misspellings

    path: Path | None = None  # the file it came from; None for the defaults

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def pack_dirs(self) -> list[Path]:
        return [(self.root / pack) for pack in self.packs]

    def applied_to(self, draft):  # noqa: ANN001, ANN201 - a Draft -> a Draft
        """The draft with this config's default context (below front matter and --context) and words."""
        from dataclasses import replace

        filters = {k: str(v).strip().lower() for k, v in self.context.items() if k in CONTEXT_VALUES}
        if not filters and not self.words:
            return draft
        return replace(draft, context={**filters, **draft.context}, known_words=draft.known_words | self.known_words())

    def known_words(self) -> frozenset[str]:
        return frozenset(part.lower() for word in self.words for part in word.split())

    def excluded(self, file: Path) -> bool:
        """True for a file found in a folder that the exclude globs (relative to the config) name."""
        relative = _relative(file, self.root)
        patterns = [*self.exclude, *self.extend_exclude]
        if any(_matches(relative, p) for p in patterns):
            return True
        return self.include is not None and not any(_matches(relative, p) for p in self.include)

    def ignored_here(self, file: str) -> list[str]:
        """The selectors per-file-ignores applies to this file."""
        relative = _relative(Path(file), self.root)
        return [s for glob, selectors in self.per_file_ignores.items() if _matches(relative, glob) for s in selectors]


def _relative(file: Path, root: Path) -> str:
    try:
        return file.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return file.as_posix()


def _matches(relative: str, pattern: str) -> bool:
    """A gitignore-like glob: `README*` anywhere, `drafts/*.md` from the root, `**` across folders."""
    if "/" not in pattern.rstrip("/"):
        return any(fnmatch.fnmatch(part, pattern) for part in PurePosixPath(relative).parts)
    pattern = pattern.lstrip("/")
    if pattern.endswith("/**"):
        return relative.startswith(pattern[:-3] + "/") or fnmatch.fnmatch(relative, pattern)
    return PurePosixPath(relative).match(pattern) or fnmatch.fnmatch(relative, pattern)


def load_config(path: Path, memo=None) -> Config:  # noqa: ANN001 - memo: a cache.ConfigMemo, or None
    """Read one config file; raise ConfigError with one line on any problem. With `memo`, a file already
    validated with the same bytes is taken from it, and a newly validated one is put there."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    remembered = memo.get(path, raw) if memo is not None else None
    if remembered is not None:
        try:
            return Config(**remembered, path=path)
        except TypeError:
            pass  # a memo of other fields: validate afresh
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("notelint", {})
        where = "tool.notelint."
    else:
        where = ""
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: {where or 'the file'} must be a table of keys")
    from .configfile import validate

    try:
        valid = validate({**data, "path": path})
    except ValueError as exc:
        raise ConfigError(f"{path}: {where}{exc}") from None
    config = Config(**{f.name: getattr(valid, f.name) for f in fields(Config)})
    if memo is not None:
        memo.put(path, raw, {f.name: getattr(config, f.name) for f in fields(Config) if f.name != "path"})
    return config


def _declares(path: Path) -> bool:
    if path.name != "pyproject.toml":
        return True
    try:
        return "notelint" in tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return False  # a pyproject.toml that is not ours to judge


def find_config(folder: Path) -> Path | None:
    """The nearest .notelint.toml, or pyproject.toml with [tool.notelint], in `folder` or above it."""
    for directory in (folder, *folder.parents):
        for name in CONFIG_FILES:
            candidate = directory / name
            if candidate.is_file() and _declares(candidate):
                return candidate
    return None


class Settings:
    """What `check` uses for the drafts under one config: the config merged with the command line.

    The command line wins: --select replaces the config's `select`, --ignore and --pack add to
    its lists, --fail-on and --fail-under replace its values.
    """

    def __init__(self, config: Config, *, select: list[str] | None, ignore: list[str], packs: list[Path],
                 fail_on: str | None, fail_under: int | None):
        self.config = config
        self.select = select if select else config.select
        self.extend_select = [] if select else config.extend_select
        self.ignore = [*config.ignore, *ignore]
        self.packs = [*config.pack_dirs(), *packs]
        self.severity = dict(config.severity)
        self.fail_on = fail_on or config.fail_on or "warning"
        self.fail_under = fail_under if fail_under is not None else config.fail_under

    def cache_key_parts(self) -> tuple:
        """Everything in the config that changes a draft's report (per-file-ignores are applied after)."""
        return (self.select, self.extend_select, self.ignore, sorted(self.severity.items()),
                sorted(self.config.known_words()), sorted(self.config.context.items()))


def default_config() -> Config:
    return Config()
