"""`notelint report`: a career office's view of a class, as CSV, Markdown or one offline HTML page.

One row per draft (the student's folder, the draft, its score and band, its findings counted by
category, and the findings themselves with their lines), then the problems most common across the
class, by how many drafts have them.

Students: `notelint report drafts/` takes each folder under drafts/ as a student's; a folder that
holds drafts and no student folders (`notelint report drafts/ana`) is one student's. A leading
`drafts/` is the class template's layout (drafts/<student>/<note>.txt), not a student. The
template's example, `example.txt` directly in the class folder rather than in a student's, is left out.
"""
from __future__ import annotations

import csv
import html
import io
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..model import FileReport, Finding
from ..wording import plural

CONTAINER = "drafts"  # the class template keeps drafts/<student>/<note>.txt
EXAMPLE = "example.txt"  # the template's example draft, directly in drafts/, in no student's folder


@dataclass(frozen=True)
class Row:
    student: str
    draft: str
    score: int
    band: str
    by_category: Counter
    waivers: tuple[tuple[str, str, str], ...] = ()  # (rule code, rule name, the writer's reason)
    findings: tuple[Finding, ...] = ()

    def locations(self) -> list[str]:
        """`line:col CODE` for each finding, in the draft's order."""
        return [f"{f.start.line}:{f.start.column} {f.rule}" for f in self.findings]


@dataclass(frozen=True)
class ClassView:
    rows: list[Row]
    categories: list[str]  # those with a finding somewhere in the class, in the packs' order
    common: list[tuple[str, str, int]]  # (rule code, rule name, drafts that have it), most common first
    titles: dict[str, str]

    @property
    def average(self) -> int:
        return round(sum(r.score for r in self.rows) / len(self.rows)) if self.rows else 0


def _under(file: Path, root: Path) -> tuple[str, ...] | None:
    """The file's path parts below `root` (a leading drafts/ dropped), or None when it is not below it."""
    try:
        parts = file.relative_to(root).parts
    except ValueError:
        return None
    return parts[1:] if len(parts) > 1 and parts[0] == CONTAINER else parts


def _students(paths: list[str], roots: list[Path]) -> list[str | None]:
    """Each draft's student (None: directly in a class folder, in no student's folder).

    A root with drafts in sub-folders is a class folder, and the first sub-folder names the
    student; a root with drafts only directly in it is one student's folder, and names them.
    """
    resolved = [root.resolve() for root in roots]
    placed: list[tuple[Path | None, tuple[str, ...]]] = []
    for path in paths:
        file = Path(path).resolve()
        placed.append(next(((root, parts) for root in resolved if (parts := _under(file, root)) is not None),
                           (None, (file.parent.name, file.name))))
    classes = {root for root, parts in placed if root is not None and len(parts) > 1}
    students: list[str | None] = []
    for root, parts in placed:
        if len(parts) > 1:
            students.append(parts[0] or "-")
        elif root in classes:
            students.append(None)
        else:
            students.append(root.name if root is not None and root.name else "-")
    return students


def build(reports: list[FileReport], roots: list[Path], categories: dict) -> ClassView:
    """`categories`: name -> model.Category of the loaded packs, for order and titles."""
    from ..waivers import reason_of

    students = _students([r.path for r in reports], roots)
    kept = [(s, r) for s, r in zip(students, reports) if not (s is None and Path(r.path).name == EXAMPLE)]
    rows = [
        Row(student or "-", r.path, r.score.value, r.score.band, Counter(f.category for f in r.findings),
            tuple((f.rule, f.name, reason_of(f) or "") for f in r.waived), r.findings)
        for student, r in kept
    ]
    used = {c for row in rows for c in row.by_category}
    order = [c for c in categories if c in used] + sorted(used - set(categories))
    drafts_with = Counter((f.rule, f.name) for _, r in kept for f in {(f.rule, f.name): f for f in r.findings}.values())
    common = [(code, name, n) for (code, name), n in drafts_with.most_common(10)]
    titles = {**NOT_PACK_CATEGORIES, **{name: getattr(c, "title", name) for name, c in categories.items()}}
    return ClassView(sorted(rows, key=lambda r: (r.student, r.draft)), order, common, titles)


# categories of findings made outside the rule packs (engine.NOT_ENGLISH): not a rule's, still titled
NOT_PACK_CATEGORIES = {"language": "Not in English"}


def to_csv(view: ClassView) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["student", "draft", "score", "band", *view.categories, "waived", "findings"])
    for row in view.rows:
        writer.writerow([row.student, row.draft, row.score, row.band, *(row.by_category[c] for c in view.categories),
                         len(row.waivers), "; ".join(row.locations())])
    return out.getvalue()


def to_markdown(view: ClassView) -> str:
    def cell(text: object) -> str:
        return str(text).replace("|", "\\|")

    lines = [f"# Class report: {plural(len(view.rows), 'draft')}, average score {view.average}/100", ""]
    titles = "".join(f" {view.titles.get(c, c)} |" for c in view.categories)
    lines.append(f"| student | draft | score | band |{titles} findings |")
    lines.append("|---|---|---|---|" + "---|" * len(view.categories) + "---|")
    for row in view.rows:
        counts = "".join(f" {row.by_category[c] or ''} |" for c in view.categories)
        lines.append(f"| {cell(row.student)} | {cell(row.draft)} | {row.score} | {row.band} |{counts} "
                     f"{'<br>'.join(row.locations())} |")
    lines += ["", "## Most common problems", ""]
    lines += [f"- {code} `{name}`: {n} of {plural(len(view.rows), 'draft')}" for code, name, n in view.common] or ["- none"]
    lines += ["", "## Waivers", ""]
    lines += [f"- {cell(row.student)}, {cell(row.draft)}: {code} `{name}`, because {cell(reason)}"
              for row in view.rows for code, name, reason in row.waivers] or ["- none"]
    return "\n".join(lines) + "\n"


STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #ccc; padding: .3rem .6rem; text-align: left; }
th { background: #f3f3f3; }
td.num { text-align: right; }
details ul { margin: .3rem 0; padding-left: 1.2rem; } summary { cursor: pointer; }
.ready { color: #1a7f37; } .revise { color: #9a6700; } .rewrite { color: #cf222e; font-weight: bold; }
"""


def _finding_list(row: Row) -> str:
    """The row's findings, folded: `line:col CODE message`, one per line, opened with a click (no script)."""
    if not row.findings:
        return ""
    items = "".join(f"<li>{html.escape(where)} {html.escape(f.message)}</li>"
                    for where, f in zip(row.locations(), row.findings))
    return f"<details><summary>{plural(len(row.findings), 'finding')}</summary><ul>{items}</ul></details>"


def to_html(view: ClassView) -> str:
    """One self-contained page: no script, no link, nothing fetched, so it opens anywhere offline."""
    e = html.escape
    head = "".join(f"<th>{e(view.titles.get(c, c))}</th>" for c in view.categories) + "<th>Findings</th>"
    body = "".join(
        f"<tr><td>{e(row.student)}</td><td>{e(row.draft)}</td><td class=num>{row.score}</td>"
        f"<td class={row.band}>{row.band}</td>"
        + "".join(f"<td class=num>{row.by_category[c] or ''}</td>" for c in view.categories)
        + f"<td>{_finding_list(row)}</td></tr>"
        for row in view.rows
    )
    common = "".join(f"<li>{e(code)} <code>{e(name)}</code>: {n} of {plural(len(view.rows), 'draft')}</li>"
                     for code, name, n in view.common) or "<li>none</li>"
    waived = "".join(f"<li>{e(row.student)}, {e(row.draft)}: {e(code)} <code>{e(name)}</code>, because {e(reason)}</li>"
                     for row in view.rows for code, name, reason in row.waivers) or "<li>none</li>"
    return (
        "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8><title>notelint class report</title>"
        f"<style>{STYLE}</style></head><body>"
        f"<h1>Class report</h1><p>{plural(len(view.rows), 'draft')}, average score {view.average}/100.</p>"
        f"<table id=drafts><thead><tr><th>Student</th><th>Draft</th><th>Score</th><th>Band</th>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table>"
        f"<h2>Most common problems</h2><ol id=common>{common}</ol>"
        f"<h2>Waivers</h2><ul id=waivers>{waived}</ul></body></html>\n"
    )


RENDERERS = {"csv": to_csv, "markdown": to_markdown, "html": to_html}
