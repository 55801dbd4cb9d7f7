"""`notelint report`: a career office's view of a class, as CSV, Markdown or one offline HTML page.

One row per draft (the student's folder, the draft, its score and band, and its findings counted
by category), then the problems most common across the class, by how many drafts have them.
"""
from __future__ import annotations

import csv
import html
import io
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..model import FileReport, Severity


@dataclass(frozen=True)
class Row:
    student: str
    draft: str
    score: int
    band: str
    by_category: Counter
    waivers: tuple[tuple[str, str, str], ...] = ()  # (rule code, rule name, the writer's reason)


@dataclass(frozen=True)
class ClassView:
    rows: list[Row]
    categories: list[str]  # those with a finding somewhere in the class, in the packs' order
    common: list[tuple[str, str, int]]  # (rule code, rule name, drafts that have it), most common first
    titles: dict[str, str]

    @property
    def average(self) -> int:
        return round(sum(r.score for r in self.rows) / len(self.rows)) if self.rows else 0


def _student(path: str, roots: list[Path]) -> str:
    """The folder a draft sits in under the path it was found from: drafts/alice/okafor.txt -> alice."""
    file = Path(path).resolve()
    for root in roots:
        try:
            parts = file.relative_to(root.resolve()).parts
        except ValueError:
            continue
        return parts[0] if len(parts) > 1 else "-"
    return file.parent.name or "-"


def build(reports: list[FileReport], roots: list[Path], categories: dict) -> ClassView:
    """`categories`: name -> model.Category of the loaded packs, for order and titles."""
    from ..waivers import reason_of

    rows = [
        Row(_student(r.path, roots), r.path, r.score.value, r.score.band,
            Counter(f.category for f in r.findings if f.severity is not Severity.INFO),
            tuple((f.rule, f.name, reason_of(f) or "") for f in r.waived))
        for r in reports
    ]
    used = {c for row in rows for c in row.by_category}
    order = [c for c in categories if c in used] + sorted(used - set(categories))
    drafts_with = Counter((f.rule, f.name) for r in reports for f in {(f.rule, f.name): f for f in r.findings}.values()
                          if f.severity is not Severity.INFO)
    common = [(code, name, n) for (code, name), n in drafts_with.most_common(10)]
    titles = {name: getattr(c, "title", name) for name, c in categories.items()}
    return ClassView(sorted(rows, key=lambda r: (r.student, r.draft)), order, common, titles)


def to_csv(view: ClassView) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["student", "draft", "score", "band", *view.categories, "waived"])
    for row in view.rows:
        writer.writerow([row.student, row.draft, row.score, row.band, *(row.by_category[c] for c in view.categories),
                         len(row.waivers)])
    return out.getvalue()


def to_markdown(view: ClassView) -> str:
    def cell(text: object) -> str:
        return str(text).replace("|", "\\|")

    lines = [f"# Class report: {len(view.rows)} drafts, average score {view.average}/100", ""]
    lines.append("| student | draft | score | band | " + " | ".join(view.titles.get(c, c) for c in view.categories) + " |")
    lines.append("|---|---|---|---|" + "---|" * len(view.categories))
    for row in view.rows:
        counts = " | ".join(str(row.by_category[c] or "") for c in view.categories)
        lines.append(f"| {cell(row.student)} | {cell(row.draft)} | {row.score} | {row.band} | {counts} |")
    lines += ["", "## Most common problems", ""]
    lines += [f"- {code} `{name}`: {n} of {len(view.rows)} drafts" for code, name, n in view.common] or ["- none"]
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
.ready { color: #1a7f37; } .revise { color: #9a6700; } .rewrite { color: #cf222e; font-weight: bold; }
"""


def to_html(view: ClassView) -> str:
    """One self-contained page: no script, no link, nothing fetched, so it opens anywhere offline."""
    e = html.escape
    head = "".join(f"<th>{e(view.titles.get(c, c))}</th>" for c in view.categories)
    body = "".join(
        f"<tr><td>{e(row.student)}</td><td>{e(row.draft)}</td><td class=num>{row.score}</td>"
        f"<td class={row.band}>{row.band}</td>"
        + "".join(f"<td class=num>{row.by_category[c] or ''}</td>" for c in view.categories)
        + "</tr>"
        for row in view.rows
    )
    common = "".join(f"<li>{e(code)} <code>{e(name)}</code>: {n} of {len(view.rows)} drafts</li>"
                     for code, name, n in view.common) or "<li>none</li>"
    waived = "".join(f"<li>{e(row.student)}, {e(row.draft)}: {e(code)} <code>{e(name)}</code>, because {e(reason)}</li>"
                     for row in view.rows for code, name, reason in row.waivers) or "<li>none</li>"
    return (
        "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8><title>notelint class report</title>"
        f"<style>{STYLE}</style></head><body>"
        f"<h1>Class report</h1><p>{len(view.rows)} drafts, average score {view.average}/100.</p>"
        f"<table id=drafts><thead><tr><th>Student</th><th>Draft</th><th>Score</th><th>Band</th>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table>"
        f"<h2>Most common problems</h2><ol id=common>{common}</ol>"
        f"<h2>Waivers</h2><ul id=waivers>{waived}</ul></body></html>\n"
    )


RENDERERS = {"csv": to_csv, "markdown": to_markdown, "html": to_html}
