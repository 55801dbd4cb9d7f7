"""The notes sent after one interview, read together (stub)."""
from __future__ import annotations


def check_panels(reports, rules):  # noqa: ANN001, ANN201
    return reports
