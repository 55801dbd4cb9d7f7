"""Lint a big batch in several processes; the reports come back in the order of the drafts.

Where processes can be forked (Linux), the pipeline, matchers and dictionaries are built once
here and every worker starts with them. Elsewhere each worker builds its own (about a second),
so a batch is split only when every worker gets at least MIN_DRAFTS_PER_JOB drafts.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

from .draft import Draft
from .model import FileReport

MIN_DRAFTS_PER_JOB = 32


def workers_for(jobs: int, drafts: int) -> int:
    """How many processes to use: `jobs` (0 = one per core), fewer when the batch is small."""
    wanted = jobs if jobs > 0 else (os.cpu_count() or 1)
    return max(1, min(wanted, drafts // MIN_DRAFTS_PER_JOB))


_warm = None  # a Linter built before forking, inherited by the workers


def _lint_chunk(rules: list, model: str | None, drafts: list[Draft]) -> list[FileReport]:
    from .engine import Linter

    linter = _warm if _warm is not None else Linter(rules, model=model)
    return list(linter.lint(drafts))


def lint_in_processes(rules: list, model: str | None, drafts: list[Draft], jobs: int) -> list[FileReport]:
    """The reports of `drafts`, in order, from one process or from several for a big batch."""
    workers = workers_for(jobs, len(drafts))
    if workers == 1:
        return _lint_chunk(rules, model, drafts)
    global _warm
    context = None
    if "fork" in multiprocessing.get_all_start_methods():
        from .engine import Linter

        context = multiprocessing.get_context("fork")
        _warm = Linter(rules, model=model)
        first = list(_warm.lint(drafts[:1]))  # builds the pipeline and loads the dictionaries
        drafts = drafts[1:]
    else:
        first = []
    size = -(-len(drafts) // workers)  # contiguous chunks keep the order simple
    chunks = [drafts[i : i + size] for i in range(0, len(drafts), size)]
    try:
        with ProcessPoolExecutor(max_workers=len(chunks), mp_context=context) as pool:
            results = pool.map(_lint_chunk, [rules] * len(chunks), [model] * len(chunks), chunks)
            return first + [report for chunk in results for report in chunk]
    finally:
        _warm = None
