"""Where notelint's shipped files are, found without importing anything heavy."""
from __future__ import annotations

from importlib import resources
from pathlib import Path


def builtin_rules_dir() -> Path:
    """The rules shipped inside the wheel, or the source tree's rules/ in a checkout."""
    shipped = Path(str(resources.files("notelint"))) / "rules"
    if shipped.is_dir():
        return shipped
    return Path(__file__).resolve().parents[2] / "rules"
