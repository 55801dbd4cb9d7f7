"""What a config file may hold: the pydantic model that validates `[tool.notelint]` / `.notelint.toml`.

Imported only when a config file is read; config.Config is what the rest of notelint uses.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from .config import DEFAULT_EXCLUDE

Severity = Literal["error", "warning", "info"]
FailOn = Literal["error", "warning", "info", "never"]


class ConfigFile(BaseModel):
    """The keys of a config file, with the names written in it (`extend-select`) as aliases."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    select: list[str] | None = None
    extend_select: list[str] = Field([], alias="extend-select")
    ignore: list[str] = []
    per_file_ignores: dict[str, list[str]] = Field({}, alias="per-file-ignores")
    severity: dict[str, Severity] = {}
    fail_on: FailOn | None = Field(None, alias="fail-on")
    fail_under: int | None = Field(None, alias="fail-under", ge=0, le=100)
    packs: list[str] = []
    context: dict[str, Any] = {}
    include: list[str] | None = None
    exclude: list[str] = list(DEFAULT_EXCLUDE)
    extend_exclude: list[str] = Field([], alias="extend-exclude")
    words: list[str] = []

    path: Path | None = Field(None, exclude=True)

    @model_validator(mode="after")
    def _known_context(self) -> "ConfigFile":
        from .situation import SituationError, read_layer

        root = self.path.parent if self.path else Path.cwd()
        try:
            read_layer(self.context, "config", root, strict=True, where="context")
        except SituationError as exc:
            # "context.stge: unknown key", as pydantic names a key; "context: stage: 'lunch' is not one of ..."
            raise ValueError(re.sub(r"^context: (\S+): unknown key", r"context.\1: unknown key", str(exc))) from None
        return self


def validate(data: dict) -> ConfigFile:
    """The validated keys; ValueError with the first problem as `key: message` in our words."""
    try:
        return ConfigFile.model_validate(data)
    except ValidationError as exc:
        from .schema import describe_errors  # the rule files' wording for a problem, loaded only for one

        raise ValueError(describe_errors(exc.errors()[:1], ConfigFile, mapping="a table")[0]) from None
