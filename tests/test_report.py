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
