"""The rule files already parsed, kept in the cache folder: a draft that is not in the report cache
still skips parsing some sixty YAML files at start (about 0.09 s, and the import of PyYAML).

One JSON file per set of rule folders, named by a digest of notelint's own files and of every rule
file's folder, name and bytes: an edited, added or removed rule file is another bundle, and the old
one is never read again. What a bundle holds is only the files' parsed contents; they are validated
exactly as the files would be, so a bundle saves time and never changes a rule. It is JSON, never
pickle, because the cache folder may arrive with a cloned repository and reading it must not run
code. A bundle that does not parse or does not match its name is ignored and written again.
`--no-cache` neither reads nor writes one.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from . import __version__
from .cache import FORMAT, _write_atomically, package_digest
from .packs import RuleSet, load_pack


def load(dirs: list[Path], cache_dir: Path | None) -> RuleSet:
    """`packs.load_pack(dirs)`, reading parsed rule files from the bundle in `cache_dir` when it has them.

    Raises RulePackError as load_pack does; a pack with a problem is never bundled."""
    if cache_dir is None:
        return load_pack(dirs)
    try:
        key = _key(dirs)
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop
        return load_pack(dirs)  # a folder that cannot be read: loading the rules says so
    path = cache_dir / f"v{FORMAT}" / "rules" / f"{key}.json"
    parsed = _read(path, key)
    if parsed is not None:
        return load_pack(dirs, parsed)
    parsed = {}
    rules = load_pack(dirs, parsed)
    try:
        if _key(dirs) != key:
            return rules  # a rule file changed while it was read: bundle nothing
    except (OSError, RuntimeError):
        return rules
    _write_atomically(cache_dir, path, json.dumps({"key": key, "files": parsed}, ensure_ascii=False))
    return rules


def _key(dirs: list[Path]) -> str:
    digest = hashlib.sha256(f"notelint {__version__} rules bundle {FORMAT}\n{package_digest()}\n".encode())
    for directory in dirs:
        digest.update(f"{directory.resolve()}\n".encode())
        for path in sorted(p for p in directory.iterdir() if p.suffix in (".yaml", ".yml")):  # pack.yaml too
            digest.update(f"{path.name}\n".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _read(path: Path, key: str) -> dict[str, object] | None:
    try:
        entry = json.loads(path.read_text(encoding="utf-8"))
        files = entry["files"] if entry.get("key") == key else None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return files if isinstance(files, dict) else None
