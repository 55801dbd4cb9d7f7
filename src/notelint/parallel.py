"""Lint a big batch in several processes; the reports come back in the order of the drafts.

Each worker pays for importing spaCy and building the pipeline (about a second), so a batch is
split only when every worker gets at least MIN_DRAFTS_PER_JOB drafts.
"""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor

from .draft import Draft
from .model import FileReport

MIN_DRAFTS_PER_JOB = 32


def workers_for(jobs: int, drafts: int) -> int:
    """How many processes to use: `jobs` (0 = one per core), fewer when the batch is small."""
    wanted = jobs if jobs > 0 else (os.cpu_count() or 1)
    return max(1, min(wanted, drafts // MIN_DRAFTS_PER_JOB))


def _lint_chunk(rules: list, model: str | None, drafts: list[Draft]) -> list[FileReport]:
    from .engine import Linter

    return list(Linter(rules, model=model).lint(drafts))


def lint_in_processes(rules: list, model: str | None, drafts: list[Draft], jobs: int) -> list[FileReport]:
    """The reports of `drafts`, in order, from one process or from several for a big batch."""
    workers = workers_for(jobs, len(drafts))
    if workers == 1:
        return _lint_chunk(rules, model, drafts)
    size = -(-len(drafts) // workers)  # contiguous chunks keep the order simple
    chunks = [drafts[i : i + size] for i in range(0, len(drafts), size)]
    with ProcessPoolExecutor(max_workers=len(chunks)) as pool:
        results = pool.map(_lint_chunk, [rules] * len(chunks), [model] * len(chunks), chunks)
        return [report for chunk in results for report in chunk]
