"""notelint report: a class's drafts as CSV, Markdown and one offline HTML page, checked in a real browser."""
from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from notelint.cli import app

GOOD = (ROOT / "examples" / "good-note.txt").read_text(encoding="utf-8")
BAD = (ROOT / "examples" / "needs-work.txt").read_text(encoding="utf-8")


@pytest.fixture
def klass(tmp_path):
    for student, name, text in (("alice", "okafor.txt", BAD), ("alice", "park.txt", GOOD),
                                ("bob", "park.txt", GOOD.replace("Thank you", "Thx")),
                                ("chen", "lee.txt", GOOD.replace("Thank you", "Thx"))):
        (tmp_path / "class" / student).mkdir(parents=True, exist_ok=True)
        (tmp_path / "class" / student / name).write_text(text, encoding="utf-8")
    return tmp_path / "class"


def report(*args: str):
    return CliRunner().invoke(app, ["report", *args])


def test_csv_has_one_row_per_draft_with_student_score_band_and_counts(klass):
    result = report(str(klass), "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["student"], r["draft"].rsplit("/", 1)[-1], r["band"]) for r in rows] == [
        ("alice", "okafor.txt", "rewrite"), ("alice", "park.txt", "ready"), ("bob", "park.txt", "revise"),
        ("chen", "lee.txt", "revise"),
    ]
    assert rows[0]["gifts"] == "1" and rows[1]["gifts"] == "0"
    assert rows[3]["casual_tone"] == "1"


def test_markdown_names_the_most_common_problems(klass):
    page = report(str(klass), "--format", "markdown").stdout
    assert page.startswith("# Class report: 4 drafts, average score ")
    assert page.split("## Most common problems\n\n")[1].startswith("- NL1302 `texting-shorthand`: 2 of 4 drafts\n")


def test_html_is_one_offline_file(klass, tmp_path):
    out = tmp_path / "class.html"
    assert report(str(klass), "--output", str(out)).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page and not re.search(r"""(?:src|href)\s*=\s*["']?https?:""", page)
    assert page.count("<tr>") == 5  # the header and four drafts


@pytest.mark.skipif(not shutil.which("chromium"), reason="Debian's chromium is not installed (.ci/run installs it)")
def test_html_renders_its_table_in_a_real_headless_browser(klass, tmp_path):
    out = tmp_path / "class.html"
    report(str(klass), "--output", str(out))
    blank = tmp_path / "blank.html"
    blank.write_text("<!DOCTYPE html><html><body></body></html>")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--window-size=1200,800", "--hide-scrollbars"]

    def browse(page, *extra: str) -> subprocess.CompletedProcess:
        return subprocess.run(["chromium", *flags, *extra, page.as_uri()], capture_output=True, text=True,
                              timeout=120, cwd=tmp_path)

    dom = browse(out, "--dump-dom").stdout
    assert len(re.findall(r"<tr>", dom)) == 5 and "okafor.txt" in dom and "rewrite" in dom
    shots = {}
    for name, page in (("report", out), ("blank", blank)):
        png = tmp_path / f"{name}.png"
        browse(page, f"--screenshot={png}")
        assert png.read_bytes().startswith(b"\x89PNG"), name
        shots[name] = png.stat().st_size
    assert shots["report"] > 3 * shots["blank"]  # text and table lines drawn, not a blank page


def test_every_waiver_and_its_reason_reach_the_class_report(klass):
    (klass / "bob" / "mo.txt").write_text(
        "Dear Mo,\n\nThank you for the tour of the Brightwater clinic on Tuesday. I would love to join the team.\n"
        "notelint: ignore[gifts] -- the card is for Mo, who referred me\n"
        "I have sent you a Starbucks gift card to say thanks.\n\nBest regards,\nAna Lee\n", encoding="utf-8")
    page = report(str(klass), "--format", "markdown").stdout
    assert page.rstrip().endswith("NL601 `gift-to-interviewer`, because the card is for Mo, who referred me")
    rows = {r["draft"].rsplit("/", 1)[-1]: r for r in csv.DictReader(io.StringIO(report(str(klass), "-f", "csv").stdout))}
    assert rows["mo.txt"]["waived"] == "1" and rows["park.txt"]["waived"] == "0"


def rows_of(*args: str) -> list[dict]:
    result = report(*args, "--format", "csv")
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_a_student_folder_given_directly_keeps_the_students_name(klass, monkeypatch):
    assert {r["student"] for r in rows_of(str(klass / "alice"))} == {"alice"}
    assert {r["student"] for r in rows_of(str(klass / "alice"), str(klass / "bob"))} == {"alice", "bob"}
    monkeypatch.chdir(klass / "alice")
    assert {r["student"] for r in rows_of(".")} == {"alice"}


def test_info_findings_are_counted_in_the_rows_and_the_common_problems(klass):
    (klass / "alice" / "okafor.txt").unlink()  # its ten problems would crowd the top ten
    (klass / "alice" / "park.txt").write_text(GOOD.replace("Thank you", "Thank you 🙂", 1), encoding="utf-8")
    rows = {r["student"]: r for r in rows_of(str(klass))}
    assert rows["alice"]["casual_tone"] == "1" and rows["alice"]["findings"].endswith(" NL1303")  # info: emoji
    page = report(str(klass), "--format", "markdown").stdout
    assert "- NL1303 `emoji`: 1 of 3 drafts" in page


def test_each_row_lists_its_findings_with_their_lines(klass):
    rows = {(r["student"], r["draft"].rsplit("/", 1)[-1]): r for r in rows_of(str(klass))}
    listed = rows[("alice", "okafor.txt")]["findings"].split("; ")
    assert listed[:4] == ["6:1 NL201", "6:1 NL301", "6:1 NL1301", "8:1 NL1101"]
    assert rows[("alice", "park.txt")]["findings"] == ""
    markdown = report(str(klass), "--format", "markdown").stdout
    okafor = next(line for line in markdown.splitlines() if "okafor.txt" in line and line.startswith("| alice"))
    assert okafor.rstrip(" |").endswith("10:132 NL1401")
    assert "6:1 NL201<br>6:1 NL301<br>6:1 NL1301<br>8:1 NL1101" in okafor
    page = report(str(klass), "--format", "html").stdout
    row = next(r for r in page.split("<tr>") if "okafor.txt" in r)
    assert "<details><summary>11 findings</summary>" in row
    assert "<li>6:1 NL1301 &#x27;Hey&#x27; is too casual a greeting for an interviewer</li>" in row
    park = next(r for r in page.split("<tr>") if "alice/park.txt" in r)
    assert "<details>" not in park


def test_the_templates_example_draft_is_left_out_of_the_class_report(tmp_path, monkeypatch):
    example = (ROOT / "templates" / "career-services" / "drafts" / "example.txt").read_text(encoding="utf-8")
    drafts = tmp_path / "drafts"
    (drafts / "ana").mkdir(parents=True)
    (drafts / "example.txt").write_text(example, encoding="utf-8")
    (drafts / "ana" / "brightwater-okafor.txt").write_text(GOOD, encoding="utf-8")
    assert [(r["student"], r["draft"].rsplit("/", 1)[-1]) for r in rows_of(str(drafts))] == [
        ("ana", "brightwater-okafor.txt")]
    monkeypatch.chdir(tmp_path)  # the class repository's root: drafts/<student>/ is the layout
    assert [(r["student"], r["draft"]) for r in rows_of(".")] == [("ana", "drafts/ana/brightwater-okafor.txt")]
    # a student's own draft that happens to be called example.txt stays
    (drafts / "ana" / "example.txt").write_text(GOOD, encoding="utf-8")
    assert len(rows_of("drafts")) == 2
