"""The career-services template, end to end: copied into a fresh repository, its CI run as a runner would."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import ROOT
from notelint import yaml12
from test_formats import sarif_validator

TEMPLATE = ROOT / "templates" / "career-services"
BIN = Path(sys.executable).parent
GOOD = (ROOT / "examples" / "good-note.txt").read_text(encoding="utf-8")
BAD = (ROOT / "examples" / "needs-work.txt").read_text(encoding="utf-8")


@pytest.fixture
def classroom(tmp_path: Path) -> Path:
    repo = tmp_path / "class"
    shutil.copytree(TEMPLATE, repo)
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    return repo


def shell(repo: Path, script: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-e", "-c", script], cwd=repo, capture_output=True, text=True, env=env)


def github_steps(inputs: dict[str, str]) -> list[tuple[str, str]]:
    """The action's `run:` steps as a runner would run them: inputs filled in, `if:` decided, install left out
    (notelint is already installed here)."""
    action = yaml12.load((ROOT / "action.yml").read_text(encoding="utf-8"))
    defaults = {name: spec.get("default", "") for name, spec in action["inputs"].items()}
    values = {**defaults, **inputs}
    steps = []
    for step in action["runs"]["steps"]:
        if "run" not in step or step["name"] == "Install notelint":
            continue
        condition = step.get("if", "")
        if "inputs.sarif == 'true'" in condition and values["sarif"] != "true":
            continue
        script = re.sub(r"\$\{\{\s*inputs\.(\w+)\s*\}\}", lambda m: values[m.group(1)], step["run"])
        steps.append((step["name"], script.replace("${{ github.action_path }}", str(ROOT))))
    return steps


def workflow_inputs() -> dict[str, str]:
    workflow = yaml12.load((TEMPLATE / ".github" / "workflows" / "notelint.yml").read_text(encoding="utf-8"))
    [use] = [s for s in workflow["jobs"]["drafts"]["steps"] if "notelint" in s.get("uses", "")]
    return {k: str(v) for k, v in use["with"].items()}


def run_github(repo: Path, tmp_path: Path) -> tuple[dict[str, subprocess.CompletedProcess], str]:
    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary),
           "PATH": f"{BIN}:{os.environ['PATH']}", "NOTELINT_CACHE_DIR": str(tmp_path / "cache")}
    results = {name: shell(repo, script, env) for name, script in github_steps(workflow_inputs())}
    return results, summary.read_text(encoding="utf-8") if summary.exists() else ""


def test_the_github_workflow_passes_the_example_and_fails_a_bad_draft(classroom, tmp_path):
    passed, summary = run_github(classroom, tmp_path)
    assert passed["Check drafts"].returncode == 0, passed["Check drafts"].stdout + passed["Check drafts"].stderr
    assert "drafts/example.txt" in summary and "ready" in summary

    (classroom / "drafts" / "ana").mkdir()
    (classroom / "drafts" / "ana" / "okafor.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "summary.md").unlink()
    failed, summary = run_github(classroom, tmp_path)
    check = failed["Check drafts"]
    assert check.returncode == 1
    assert re.search(r"^::error file=drafts/ana/okafor\.txt,line=10,.*NL601", check.stdout, re.MULTILINE)
    assert summary.index("drafts/ana/okafor.txt") < summary.index("drafts/example.txt")  # worst first
    sarif = json.loads((classroom / "notelint.sarif").read_text(encoding="utf-8"))
    assert list(sarif_validator().iter_errors(sarif)) == []
    assert {r["ruleId"] for r in sarif["runs"][0]["results"]} >= {"NL601", "NL701", "NL801"}


def test_the_gitlab_job_writes_its_reports_and_fails_a_bad_draft(classroom, tmp_path):
    job = yaml12.load((classroom / ".gitlab-ci.yml").read_text(encoding="utf-8"))["notelint"]
    script = "\n".join(line for line in job["script"] if not line.startswith("pip install"))
    env = {**os.environ, "PATH": f"{BIN}:{os.environ['PATH']}", "NOTELINT_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("GITHUB_ACTIONS", None)
    assert shell(classroom, script, env).returncode == 0
    (classroom / "drafts" / "okafor.txt").write_text(BAD, encoding="utf-8")
    assert shell(classroom, script, env).returncode == 1
    issues = json.loads((classroom / job["artifacts"]["reports"]["codequality"]).read_text(encoding="utf-8"))
    assert {i["location"]["path"] for i in issues} == {"drafts/okafor.txt"}
    cases = ET.parse(classroom / job["artifacts"]["reports"]["junit"]).getroot().iter("testcase")
    assert sorted((c.get("name"), c.find("failure") is not None) for c in cases) == [
        ("drafts/example.txt", False), ("drafts/okafor.txt", True)
    ]


def test_the_template_config_and_readme_are_what_students_are_told(classroom):
    from notelint.config import load_config

    config = load_config(classroom / ".notelint.toml")
    assert (config.fail_on, config.fail_under) == ("warning", 70)
    readme = (classroom / "README.md").read_text(encoding="utf-8")
    assert "below\n70 needs a rewrite. This class fails a draft below 70" in readme
    assert "notelint: ignore[gifts] -- " in readme


def student_commit(repo: Path, env: dict) -> tuple[subprocess.CompletedProcess, str]:
    """`git add -A && git commit` as a student runs it; what the terminal shows (git puts hook output on stderr)."""
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    done = subprocess.run(["git", "commit", "-q", "-m", "my draft"], cwd=repo, capture_output=True, text=True, env=env)
    shown = done.stdout + done.stderr
    assert "Traceback" not in shown and "CalledProcessError" not in shown, shown
    return done, shown


def commits(repo: Path) -> int:
    found = subprocess.run(["git", "rev-list", "--count", "--all"], cwd=repo, capture_output=True, text=True)
    return int(found.stdout.strip() or 0)


@pytest.fixture
def student(classroom: Path, tmp_path: Path) -> dict:
    """A student's clone of the class repository, with `pre-commit install` run as its README says."""
    for key, value in (("user.email", "ana@example.edu"), ("user.name", "Ana Torres")):
        subprocess.run(["git", "config", key, value], cwd=classroom, check=True)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "PATH": f"{BIN}:{os.environ['PATH']}",
           "NOTELINT_CACHE_DIR": str(tmp_path / "cache")}
    installed = subprocess.run([str(BIN / "pre-commit"), "install"], cwd=classroom, capture_output=True, text=True,
                               env=env)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return env


def test_a_copy_of_the_template_commits_out_of_the_box_and_blocks_a_bad_draft(classroom, student):
    (classroom / "drafts" / "ana").mkdir()
    (classroom / "drafts" / "ana" / "arup-okafor.txt").write_text(GOOD, encoding="utf-8")
    done, shown = student_commit(classroom, student)  # the template as copied, its example and a good draft
    assert done.returncode == 0, shown
    assert commits(classroom) == 1

    (classroom / "drafts" / "ana" / "brightwater-okafor.txt").write_text(BAD, encoding="utf-8")
    done, shown = student_commit(classroom, student)
    assert done.returncode == 1
    assert "drafts/ana/brightwater-okafor.txt:10:1  error   NL601 Offers a gift" in shown
    assert "drafts/ana/arup-okafor.txt" not in shown  # only what this commit changes is checked
    assert commits(classroom) == 1


def test_without_notelint_the_hook_says_in_one_line_how_to_install_it(classroom, student):
    # the student has pre-commit (its hook script knows where) but not notelint
    path = os.pathsep.join(d for d in student["PATH"].split(os.pathsep) if not (Path(d) / "notelint").exists())
    assert shutil.which("notelint", path=path) is None
    done, shown = student_commit(classroom, {**student, "PATH": path})
    assert done.returncode == 1
    assert commits(classroom) == 0
    said = [line for line in shown.splitlines() if line.startswith("notelint: ")]
    install = 'pip install "git+<url of your copy of notelint>@v0.2.0"'
    assert said == [f"notelint: error: notelint is not installed; install it with: {install}"]
    # the same command as the README gives students, with the URL the office replaces in both; the line docs/ci.md shows
    assert install in (classroom / "README.md").read_text(encoding="utf-8")
    assert said[0] in (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
