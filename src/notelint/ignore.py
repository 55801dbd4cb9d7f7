"""What git ignores is not a draft: .gitignore files, read with pathspec (git's own wildmatch rules)."""
from __future__ import annotations

from pathlib import Path


def _root(start: Path) -> Path:
    """The repository a folder is in (the nearest folder above with .git), or the folder itself."""
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return start


def _read_spec(folder: Path):  # noqa: ANN202 - pathspec.GitIgnoreSpec or None
    gitignore = folder / ".gitignore"
    try:
        lines = gitignore.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    from pathspec import GitIgnoreSpec

    return GitIgnoreSpec.from_lines(lines)


class GitIgnored:
    """Answers whether a file found under `walked` is ignored by a .gitignore between its repository root and it."""

    def __init__(self, walked: Path):
        self.root = _root(walked.resolve())
        self._specs: dict[Path, object] = {}  # folder -> its .gitignore, read once per walk

    def _spec(self, folder: Path):  # noqa: ANN202
        if folder not in self._specs:
            self._specs[folder] = _read_spec(folder)
        return self._specs[folder]

    def __call__(self, file: str) -> bool:
        path = Path(file).resolve()
        try:
            parts = path.relative_to(self.root).parts
        except ValueError:
            return False
        folder = self.root
        for depth in range(len(parts)):
            spec = self._spec(folder)
            if spec is not None and spec.match_file("/".join(parts[depth:])):
                return True
            folder = folder / parts[depth]
        return False
