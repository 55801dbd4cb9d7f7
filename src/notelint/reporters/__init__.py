"""Output formats; each module has render(reports, stream) and is imported only when chosen."""
from __future__ import annotations

from importlib import import_module
from typing import Callable

FORMATS = ("text", "json")


def reporter(name: str) -> Callable:
    return import_module(f"notelint.reporters.{name}_report").render
