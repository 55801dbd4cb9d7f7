"""The notes sent after one interview, read together: `check` calls this after linting every draft.

Drafts belong together when their situation gives the same `company` and the same
`interview_date` (the day), and each is to one person, a different one. Panel members compare
notes: two that read as one note with the names changed are flagged on both drafts, with their
similarity and the sentences they share (kind panel, `near-copy`); a greeting that names another
member of the same panel is flagged on that draft (`other-member`), and stands in for the
`someone-else` finding on the same words.

The rules are ordinary rule files (NL1707, NL1708): --select, --ignore, severity overrides and
per-file-ignores apply to them, and so do waivers in front matter (`waive: {NL1707: reason}`).
A waiver line in the body cannot name them: the per-note pass, which checks that a waiver hides
something, never sees their findings.
"""
from __future__ import annotations

import re
from dataclasses import replace
from itertools import combinations
from typing import Callable

from .draft import Draft
from .kinds.personal import fold, greeting_words
from .model import FileReport, Finding, Span
from .scoring import score
from .wording import fill

SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")
MIN_SENTENCE_WORDS = 6
SHOWN_SENTENCES = 2
SHOWN_CHARS = 60


def _key(report: FileReport) -> tuple[str, str] | None:
    situation = report.situation
    to = situation.get("to") or []
    if not situation.get("company") or not situation.get("interview_date") or len(to) != 1:
        return None
    return fold(situation["company"]), situation["interview_date"][:10]


def _prose(draft: Draft) -> tuple[str, int]:
    """The note between its greeting and its sign-off, and where that starts in the body."""
    parts, body = draft.parts, draft.linted_body
    start = parts.greeting.end if parts.greeting else parts.start
    ends = [s.start for s in (parts.closing, parts.signature, parts.postscript) if s]
    return body[start:min(ends) if ends else parts.end], start


def _masked(text: str, names: set[str]) -> str:
    words = re.findall(r"[\w'’]+", text.lower())
    return " ".join("NAME" if fold(w) in names else w for w in words)


def _sentences(text: str) -> list[tuple[Span, str]]:
    text = re.sub(r"(?<!\n)\n(?![ \t]*\n)", " ", text)  # a sentence runs on over a line break, not a blank line
    return [(Span(m.start(), m.end()), " ".join(m.group().split())) for m in SENTENCE.finditer(text)
            if len(m.group().split()) >= MIN_SENTENCE_WORDS]


def _finding(rule, draft: Draft, span: Span, message: str) -> Finding:  # noqa: ANN001 - a PanelRule
    start = draft.body_start + span.start
    begin = draft.position(start)
    return Finding(rule=rule.code, name=rule.name, category=rule.category, severity=rule.severity, message=message,
                   start=begin, end=draft.position(draft.body_start + span.end), match=draft.body[span.start:span.end],
                   line_text=draft.line_text(begin.line), instead=" ".join(rule.instead.split()))


def panel_findings(drafts: list[Draft], reports: list[FileReport], rules: dict) -> dict[int, list[Finding]]:
    """Findings by draft index, for the drafts that share an interview with another."""
    from rapidfuzz import fuzz

    copy_rule = next((r for r in rules.values() if getattr(r, "kind", "") == "panel" and r.check == "near-copy"), None)
    member_rule = next((r for r in rules.values() if getattr(r, "kind", "") == "panel" and r.check == "other-member"), None)
    groups: dict[tuple[str, str], list[int]] = {}
    for i, report in enumerate(reports):
        key = _key(report)
        if key is not None:
            groups.setdefault(key, []).append(i)
    found: dict[int, list[Finding]] = {}
    for members in groups.values():
        readers = {i: drafts[i].situation.to[0] for i in members if drafts[i].situation.to}
        if len({fold(p.written) for p in readers.values()}) < 2:
            continue
        names = {fold(n) for p in readers.values() for n in p.names()}
        if member_rule is not None:
            for i in members:
                greeting = greeting_words_of(drafts[i])
                for j in members:
                    if fold(readers[j].written) == fold(readers[i].written):
                        continue
                    other = readers[j]
                    named = [(span, w) for span, w in greeting if fold(w) in {fold(n) for n in other.names()}]
                    own = [w for _, w in greeting if fold(w) in {fold(n) for n in readers[i].names()}]
                    if named and not own:
                        span = Span(named[0][0].start, named[-1][0].end)
                        message = fill(member_rule.message, other=other.written, reader=readers[i].written,
                                       path=drafts[j].path, similarity=0, shared="", sentences=0)
                        found.setdefault(i, []).append(_finding(member_rule, drafts[i], span, message))
        if copy_rule is None:
            continue
        for i, j in combinations(members, 2):
            if fold(readers[i].written) == fold(readers[j].written):
                continue
            (text_i, at_i), (text_j, at_j) = _prose(drafts[i]), _prose(drafts[j])
            similarity = fuzz.ratio(_masked(text_i, names), _masked(text_j, names))
            if similarity < copy_rule.similarity:
                continue
            for this, other, text, at, other_text in ((i, j, text_i, at_i, text_j), (j, i, text_j, at_j, text_i)):
                theirs = [s for _, s in _sentences(other_text)]
                shared = [(span, s) for span, s in _sentences(text) if any(
                    fuzz.ratio(_masked(s, names), _masked(t, names)) >= copy_rule.sentence_similarity for t in theirs)]
                where = Span(at + shared[0][0].start, at + shared[0][0].end) if shared else \
                    (drafts[this].parts.greeting or Span(at, at + len(text.split("\n", 1)[0])))
                quoted = ", ".join(f"'{_short(s)}'" for _, s in shared[:SHOWN_SENTENCES])
                message = fill(copy_rule.message, other=readers[other].written, path=drafts[other].path,
                               similarity=round(similarity), sentences=len(shared), shared=quoted or "none word for word",
                               reader=readers[this].written)
                found.setdefault(this, []).append(_finding(copy_rule, drafts[this], _trimmed(drafts[this], where), message))
    return found


def greeting_words_of(draft: Draft) -> list[tuple[Span, str]]:
    from types import SimpleNamespace

    note = SimpleNamespace(parts=draft.parts, text=draft.linted_body)
    found = greeting_words(note)  # type: ignore[arg-type] - it reads .parts and .text
    return found[1] if found else []


def _short(sentence: str) -> str:
    sentence = " ".join(sentence.split())
    return sentence if len(sentence) <= SHOWN_CHARS else sentence[: SHOWN_CHARS - 3].rstrip() + "..."


def _trimmed(draft: Draft, span: Span) -> Span:
    text = draft.body[span.start:span.end]
    lead = len(text) - len(text.lstrip())
    return Span(span.start + lead, span.start + len(text.rstrip()))


def check_panels(reports: list[FileReport], drafts: list[Draft], rules: dict,
                 ignored: Callable[[str], list[str]] = lambda path: []) -> list[FileReport]:
    """The reports with the panel rules' findings added (less what waivers and per-file-ignores waive), scored again."""
    from . import waivers
    from .selection import finding_matches

    if not any(getattr(r, "kind", "") == "panel" for r in rules.values()):
        return reports
    by_path = {d.path: d for d in drafts}
    ordered = [by_path.get(r.path) for r in reports]
    present = [(i, d) for i, d in enumerate(ordered) if d is not None]
    found = panel_findings([d for _, d in present], [reports[i] for i, _ in present], rules)
    someone_else = {code for code, r in rules.items() if getattr(r, "kind", "") == "personal" and r.check == "someone-else"}
    out = list(reports)
    for k, new in found.items():
        i, draft = present[k]
        report = out[i]
        skip = ignored(report.path)
        new = [f for f in new if not any(finding_matches(f, s) for s in skip)]
        standing, waived, _ = waivers.apply(new, draft.waivers, lambda f: draft.offset(f.start), list(rules.values()))
        if not standing and not waived:
            continue
        covered = {f.start.line for f in standing if rules[f.rule].check == "other-member"}
        kept = [f for f in report.findings if not (f.rule in someone_else and f.start.line in covered)]
        findings = tuple(sorted([*kept, *standing], key=Finding.sort_key))
        out[i] = replace(report, findings=findings, score=score(findings),
                         waived=tuple(sorted([*report.waived, *waived], key=Finding.sort_key)))
    return out

