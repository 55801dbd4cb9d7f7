"""The git hooks, proved with real git: the pre-commit framework on this checkout, and the plain hook script."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from notelint import yaml12

BIN = Path(sys.executable).parent
GOOD = (ROOT / "examples" / "good-note.txt").read_text(encoding="utf-8")
BAD = (ROOT / "examples" / "needs-work.txt").read_text(encoding="utf-8")


def git(repo: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, env=env)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = tmp_path / "drafts-repo"
    (repo / "drafts").mkdir(parents=True)
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "student@example.com")
    git(repo, "config", "user.name", "Student")
    return repo


def commit(repo: Path, name: str, text: str, env: dict) -> subprocess.CompletedProcess:
    (repo / "drafts" / name).write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    return git(repo, "commit", "-q", "-m", f"draft {name}", env=env)


def head_of_this_checkout() -> str:
    found = git(ROOT, "rev-parse", "HEAD")
    if found.returncode != 0:
        pytest.skip("not a git checkout: the pre-commit framework installs hooks from a commit")
    return found.stdout.strip()


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory) -> Path:
    """One pre-commit cache for the module: the hook's environment (notelint and spaCy) is built once."""
    return tmp_path_factory.mktemp("pre-commit-home")


def use_the_framework(repo: Path, pre_commit_home: Path) -> dict:
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {head_of_this_checkout()}\n    hooks:\n"
        "      - id: notelint\n        files: ^drafts/\n"
    )
    env = {**os.environ, "PRE_COMMIT_HOME": str(pre_commit_home), "PATH": f"{BIN}:{os.environ['PATH']}"}
    env.pop("NOTELINT_CACHE_DIR", None)
    installed = subprocess.run([str(BIN / "pre-commit"), "install"], cwd=repo, capture_output=True, text=True, env=env)
    assert installed.returncode == 0, installed.stderr
    git(repo, "add", ".pre-commit-config.yaml")
    return env


def test_the_pre_commit_framework_blocks_a_bad_draft_and_lets_a_good_one_through(repo, pre_commit_home):
    env = use_the_framework(repo, pre_commit_home)
    blocked = commit(repo, "okafor.txt", BAD, env)
    assert blocked.returncode != 0
    assert "error   NL601 Offers a gift" in blocked.stdout + blocked.stderr
    assert git(repo, "log", "--oneline").stdout == ""  # nothing was committed
    (repo / "drafts" / "okafor.txt").unlink()
    passed = commit(repo, "park.txt", GOOD, env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "draft park.txt" in git(repo, "log", "--oneline").stdout


def test_the_hook_definition_runs_notelint_once_per_commit():
    """pre-commit otherwise splits the files among parallel processes, each printing its own summary."""
    [hook] = yaml12.load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert (hook["id"], hook["entry"], hook.get("require_serial")) == ("notelint", "notelint check", True)


def test_a_class_committing_many_drafts_at_once_gets_one_summary(repo, pre_commit_home):
    env = use_the_framework(repo, pre_commit_home)
    # pre-commit uses one process per core; TRAVIS makes it two on any machine (lang_base.target_concurrency),
    # so without require_serial these ten drafts would be checked in two batches, with two summaries
    env["TRAVIS"] = "true"
    for n in range(10):
        (repo / "drafts" / f"student-{n}.txt").write_text(BAD if n % 2 else GOOD, encoding="utf-8")
    git(repo, "add", "-A")
    blocked = git(repo, "commit", "-q", "-m", "the class's drafts", env=env)
    assert blocked.returncode != 0
    output = blocked.stdout + blocked.stderr
    summaries = [line for line in output.splitlines() if re.match(r"\d+ findings? \(", line)]
    assert summaries == ["55 findings (25 errors, 30 warnings, 0 info) in 10 files; average score 50/100"]


def test_the_plain_hook_script_blocks_a_bad_draft_and_lets_a_good_one_through(repo):
    hook = repo / ".git" / "hooks" / "pre-commit"
    shutil.copy(ROOT / "hooks" / "pre-commit", hook)
    hook.chmod(0o755)
    env = {**os.environ, "PATH": f"{BIN}:{os.environ['PATH']}"}
    blocked = commit(repo, "my okafor note.txt", BAD, env)  # a space in the name, as students write them
    assert blocked.returncode == 1
    assert "drafts/my okafor note.txt:10:1  error   NL601" in blocked.stdout + blocked.stderr
    (repo / "drafts" / "my okafor note.txt").unlink()
    passed = commit(repo, "park.txt", GOOD, env)
    assert passed.returncode == 0, passed.stdout + passed.stderr


def test_the_plain_hook_checks_what_is_committed_only_drafts_and_says_when_notelint_is_missing(repo):
    hook = repo / ".git" / "hooks" / "pre-commit"
    shutil.copy(ROOT / "hooks" / "pre-commit", hook)
    hook.chmod(0o755)
    env = {**os.environ, "PATH": f"{BIN}:{os.environ['PATH']}"}
    # a bad draft staged, then made good on disk without staging: the bad one would be committed
    (repo / "drafts" / "x.txt").write_text(BAD, encoding="utf-8")
    git(repo, "add", "-A")
    (repo / "drafts" / "x.txt").write_text(GOOD, encoding="utf-8")
    refused = git(repo, "commit", "-q", "-m", "x", env=env)
    assert refused.returncode == 1
    assert "drafts/x.txt has changes that are not staged" in refused.stderr
    git(repo, "add", "-A")
    # a README outside drafts/ is not a thank-you note
    (repo / "README.txt").write_text("thx!! see the drafts folder\n", encoding="utf-8")
    git(repo, "add", "-A")
    assert git(repo, "commit", "-q", "-m", "x", env=env).returncode == 0
    missing = git(repo, "commit", "-q", "--allow-empty", "-m", "y",
                  env={**env, "NOTELINT": "no-such-notelint"})
    assert missing.returncode == 0  # nothing staged: nothing to check
    (repo / "drafts" / "y.txt").write_text(GOOD, encoding="utf-8")
    git(repo, "add", "-A")
    missing = git(repo, "commit", "-q", "-m", "y", env={**env, "NOTELINT": "no-such-notelint"})
    assert missing.returncode == 1
    assert "'no-such-notelint' not found; install notelint, or set NOTELINT to its path" in missing.stderr


PINNED = ["README.md", "docs/ci.md", *(f"templates/career-services/{n}" for n in (
    "README.md", ".pre-commit-config.yaml", ".gitlab-ci.yml", ".github/workflows/notelint.yml"))]


def test_every_example_pins_this_release_tag_never_a_branch():
    import tomllib

    from notelint import __version__

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["version"] == __version__
    tag = f"v{__version__}"
    pins = {}
    for name in PINNED:
        text = (ROOT / name).read_text(encoding="utf-8")
        # `rev: X` under a `repo:`, `uses: .../notelint@X`, `pip install "git+...@X"`
        for pin in re.findall(r"^\W*rev: (\S+)|notelint@(\S+)|git\+[^\"\n]*@([^\s\"\\]+)", text, re.MULTILINE):
            pins.setdefault(name, []).append("".join(pin))
    assert set(pins) == set(PINNED)
    assert {name: [p for p in found if p != tag] for name, found in pins.items()} == dict.fromkeys(PINNED, [])
    # the tag is made when this version is released; once it exists, it must be the commit of this version
    tagged = git(ROOT, "show", f"{tag}:pyproject.toml")
    if tagged.returncode == 0:
        assert tomllib.loads(tagged.stdout)["project"]["version"] == __version__


def plain_hook(repo: Path) -> dict:
    hook = repo / ".git" / "hooks" / "pre-commit"
    shutil.copy(ROOT / "hooks" / "pre-commit", hook)
    hook.chmod(0o755)
    git(repo, "config", "core.quotePath", "true")  # git's default, which would print "jos\303\251"
    return {**os.environ, "PATH": f"{BIN}:{os.environ['PATH']}"}


STUDENT_NAMES = ["josé/arup note.txt", "o'brien \"final\" $HOME *.txt", "two\nlines.txt"]


@pytest.mark.parametrize("name", STUDENT_NAMES, ids=["accent-and-space", "quotes-and-glob", "newline"])
def test_the_plain_hook_takes_any_name_a_student_gives_a_draft(repo, name):
    env = plain_hook(repo)
    draft = repo / "drafts" / name
    draft.parent.mkdir(parents=True, exist_ok=True)
    try:
        draft.write_text(BAD, encoding="utf-8")
    except OSError:
        pytest.skip(f"this filesystem does not allow the name {name!r}")
    path = f"drafts/{name}"
    git(repo, "add", "-A")
    blocked = git(repo, "commit", "-q", "-m", "bad", env=env)
    assert blocked.returncode == 1
    assert f"{path}:10:1  error   NL601" in blocked.stdout + blocked.stderr  # git shows a hook's output on stderr
    assert "could not be checked" not in blocked.stderr
    assert git(repo, "log", "--oneline").stdout == ""  # nothing was committed
    # made good on disk but not staged: the bad draft would be committed, so it is refused, by its name
    draft.write_text(GOOD, encoding="utf-8")
    refused = git(repo, "commit", "-q", "-m", "good", env=env)
    assert refused.returncode == 1
    assert refused.stderr == (f"notelint: error: {path} has changes that are not staged; git add it (or stash"
                              " them) so the draft checked is the draft committed\n")
    git(repo, "add", "-A")
    passed = git(repo, "commit", "-q", "-m", "good", env=env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert git(repo, "ls-files", "-z").stdout == f"{path}\0"


def test_the_plain_hook_refuses_only_the_staged_drafts_with_unstaged_changes(repo):
    env = plain_hook(repo)
    (repo / "drafts" / "old.txt").write_text(GOOD, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--no-verify", "-m", "an earlier draft")
    for name in ("a.txt", "b c.txt", "[ab].txt", "new.txt"):
        (repo / "drafts" / name).write_text(GOOD, encoding="utf-8")
    git(repo, "add", "drafts/a.txt", "drafts/b c.txt", "drafts/[ab].txt")
    (repo / "drafts" / "a.txt").write_text(BAD, encoding="utf-8")
    (repo / "drafts" / "b c.txt").write_text(BAD, encoding="utf-8")
    # not part of this commit, so not refused: a committed draft edited but not staged, a new one not added
    (repo / "drafts" / "old.txt").write_text(BAD, encoding="utf-8")
    refused = git(repo, "commit", "-q", "-m", "x", env=env)
    assert refused.returncode == 1
    assert [line.split(" has changes")[0] for line in refused.stderr.splitlines()] == [
        "notelint: error: drafts/a.txt", "notelint: error: drafts/b c.txt"
    ]
