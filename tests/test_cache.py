"""The report cache: unchanged drafts are answered without spaCy; any change to what a report depends on is a miss."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

NOTE = "Dear Ms. Okafor,\n\nThx for the tour of the clinic and the triage board.\n\nBest regards,\nDaniel\n"


def notelint(*args: str, cache: Path, cwd: Path | None = None, code: str = "") -> subprocess.CompletedProcess:
    """Run the CLI in a fresh interpreter; `code` runs after it, in the same process."""
    script = (
        "import sys\nfrom notelint.cli import app\n"
        "try:\n    app(sys.argv[1:])\nexcept SystemExit as done:\n    status = done.code\n"
        f"{code}\nsys.exit(status)\n"
    )
    env = {**os.environ, "NOTELINT_CACHE_DIR": str(cache)}
    return subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, env=env, cwd=cwd)


def test_an_unchanged_draft_is_answered_from_the_cache_without_importing_spacy(tmp_path):
    draft = tmp_path / "note.txt"
    draft.write_text(NOTE)
    cache = tmp_path / "cache"
    first = notelint("check", "--format", "json", str(draft), cache=cache)
    second = notelint("check", "--format", "json", str(draft), cache=cache,
                      code="print('spacy imported' if 'spacy' in sys.modules else 'no spacy', file=sys.stderr)")
    assert first.returncode == second.returncode == 1
    assert second.stdout == first.stdout
    assert second.stderr == "no spacy\n"
    assert (cache / ".gitignore").read_text() == "# created by notelint\n*\n"


def test_a_changed_rule_context_or_draft_is_linted_again(tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(ROOT / "examples" / "house-rules", pack)
    draft = tmp_path / "note.txt"
    draft.write_text(NOTE.replace("triage board.", "triage board. What is the salary range?"))
    cache = tmp_path / "cache"

    def messages(*extra: str) -> list[str]:
        result = notelint("check", "--format", "json", "--pack", str(pack), *extra, str(draft), cache=cache)
        return [f["message"] for f in json.loads(result.stdout)["files"][0]["findings"]]

    before = messages()
    assert "'salary range': leave pay and benefits out of a thank-you note" in before
    rule = pack / "NL5001-no-salary-talk.yaml"
    rule.write_text(rule.read_text().replace("leave pay and benefits out", "keep pay out"))
    assert "'salary range': keep pay out of a thank-you note" in messages()
    assert not any("salary" in m for m in messages("--context", "stage=after-offer"))  # NL5001 skips after an offer
    draft.write_text(draft.read_text().replace("Thx", "Thank you"))
    assert not any("Thx" in m for m in messages())


def test_a_corrupt_or_foreign_entry_is_ignored_and_replaced(tmp_path):
    draft = tmp_path / "note.txt"
    draft.write_text(NOTE)
    cache = tmp_path / "cache"
    expected = notelint("check", "--format", "json", str(draft), cache=cache).stdout
    [entry] = (cache / "v1").glob("??/*.json")  # a report (v1/rules/ holds the rules bundle)
    for damage in ("{not json", json.dumps({"key": "someone else's", "report": {}}), "[]", ""):
        entry.write_text(damage)
        assert notelint("check", "--format", "json", str(draft), cache=cache).stdout == expected
        assert json.loads(entry.read_text())["key"] == entry.stem


def test_no_cache_reads_and_writes_nothing(tmp_path):
    draft = tmp_path / "note.txt"
    draft.write_text(NOTE)
    result = notelint("check", "--no-cache", str(draft), cache=tmp_path / "cache")
    assert result.returncode == 1 and not (tmp_path / "cache").exists()


def test_two_runs_at_once_share_the_cache_without_damage(tmp_path):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for i in range(12):
        (drafts / f"{i:02}.txt").write_text(NOTE.replace("triage board", f"triage board number {i}"))
    cache = tmp_path / "cache"
    env = {**os.environ, "NOTELINT_CACHE_DIR": str(cache)}
    command = [sys.executable, "-m", "notelint", "check", "--format", "json", str(drafts)]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env) for _ in range(2)]
    outputs = [run.communicate()[0] for run in runs]
    uncached = notelint("check", "--format", "json", "--no-cache", str(drafts), cache=cache).stdout
    assert outputs == [uncached, uncached]
    entries = list((cache / "v1").glob("??/*.json"))  # the reports
    assert len(entries) == 12 and all(json.loads(e.read_text())["key"] == e.stem for e in entries)
    [bundle] = (cache / "v1" / "rules").glob("*.json")  # both runs wrote the rules bundle: one whole file
    assert json.loads(bundle.read_text())["key"] == bundle.stem
    assert not list((cache / "v1").glob("*/*.tmp"))


def test_a_new_version_of_notelint_is_a_different_key(monkeypatch):
    from notelint import cache

    rules = [ROOT / "rules"]
    before = cache.fingerprint(rules, None)
    monkeypatch.setattr(cache, "__version__", "99.0")
    assert cache.fingerprint(rules, None) != before


def test_jobs_2_gives_the_same_output_in_the_same_order_as_jobs_1(tmp_path):
    from notelint.parallel import MIN_DRAFTS_PER_JOB, workers_for

    drafts = sorted((ROOT / "corpus").glob("*.txt"))[: 2 * MIN_DRAFTS_PER_JOB + 5]
    assert workers_for(2, len(drafts)) == 2  # this batch really is split
    paths = [str(p) for p in drafts]
    one = notelint("check", "--no-cache", "--format", "json", "--jobs", "1", *paths, cache=tmp_path)
    two = notelint("check", "--no-cache", "--format", "json", "--jobs", "2", *paths, cache=tmp_path)
    assert (two.returncode, two.stdout, two.stderr) == (one.returncode, one.stdout, one.stderr)
    assert [f["path"] for f in json.loads(two.stdout)["files"]] == paths


def test_a_pack_error_found_in_a_worker_is_one_line_per_problem(tmp_path):
    from notelint.packs import RulePackError
    import pickle

    error = pickle.loads(pickle.dumps(RulePackError(["a.yaml: one", "b.yaml: two"])))
    assert error.problems == ["a.yaml: one", "b.yaml: two"]


def test_a_changed_code_or_data_file_in_the_installed_package_is_a_miss(tmp_path):
    """The key covers notelint's own files, not only its version: a cached report never outlives the code."""
    tree = tmp_path / "tree"
    shutil.copytree(ROOT / "src" / "notelint", tree / "src" / "notelint",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "rules", tree / "rules")
    draft = tmp_path / "note.txt"
    draft.write_text(NOTE.replace("triage board", "triage scheddule"))
    cache = tmp_path / "cache"
    env = {**os.environ, "NOTELINT_CACHE_DIR": str(cache), "PYTHONPATH": str(tree / "src")}

    def report() -> dict:
        result = subprocess.run([sys.executable, "-m", "notelint", "check", "--format", "json", str(draft)],
                                capture_output=True, text=True, env=env)
        [file] = json.loads(result.stdout)["files"]
        return file

    before = report()
    assert report() == before  # answered from the cache
    assert "NL1401" in {f["rule"] for f in before["findings"]}
    scoring = tree / "src" / "notelint" / "scoring.py"
    scoring.write_text(scoring.read_text().replace("Severity.WARNING: 12", "Severity.WARNING: 13"))
    rescored = report()
    assert rescored["score"] == before["score"] - len({f["rule"] for f in before["findings"]})
    words = tree / "src" / "notelint" / "data" / "words.txt"
    words.write_text(words.read_text() + "scheddule\n")
    assert "NL1401" not in {f["rule"] for f in report()["findings"]}


def test_a_retrained_model_is_a_miss(tmp_path):
    """A pack's classifier model is part of the key: retraining it never serves a report the old model made."""
    pack = tmp_path / "pack"
    (pack / "models" / "shop").mkdir(parents=True)
    (pack / "NL9001-rule.yaml").write_text("code: NL9001\n")  # only its bytes matter to the key
    (pack / "models" / "shop" / "model").write_bytes(b"one")
    from notelint.cache import fingerprint

    before = fingerprint([pack])
    (pack / "models" / "shop" / "model").write_bytes(b"two")
    assert fingerprint([pack]) != before


def console(*args: str, cache: Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the console script as a pre-commit hook does; stderr ends with which heavy packages it imported."""
    script = (
        "import sys\nfrom notelint.console import main\n"
        "try:\n    main()\nexcept SystemExit as done:\n    status = done.code\n"
        "print(sorted(m for m in ('spacy', 'typer', 'pydantic', 'rich.help') if m in sys.modules), file=sys.stderr)\n"
        "sys.exit(status)\n"
    )
    env = {**os.environ, "NOTELINT_CACHE_DIR": str(cache)}
    return subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, env=env, cwd=cwd)


def test_a_plain_check_of_unchanged_drafts_imports_neither_spacy_typer_nor_pydantic(tmp_path):
    """`notelint check PATH...` (the pre-commit hook's command) answers from the cache with the same
    report and exit code as the full command line, without its heavy imports."""
    draft, clean = tmp_path / "note.txt", tmp_path / "clean.txt"
    draft.write_text(NOTE)
    clean.write_text("---\nstage: interview\n---\n" + NOTE.replace("Thx", "Thank you"))
    cache = tmp_path / "cache"
    full = notelint("check", str(draft), str(clean), cache=tmp_path / "other")
    first = console("check", str(draft), str(clean), cache=cache)
    second = console("check", str(draft), str(clean), cache=cache)
    assert "spacy" in first.stderr  # nothing cached yet: it lints
    assert full.returncode == first.returncode == second.returncode == 1
    assert full.stdout == first.stdout == second.stdout
    assert "Thx" in second.stdout and "score" in second.stdout
    assert second.stderr == "[]\n"


def test_any_option_goes_through_the_full_command_line(tmp_path):
    draft = tmp_path / "note.txt"
    draft.write_text(NOTE)
    cache = tmp_path / "cache"
    console("check", str(draft), cache=cache)
    assert "typer" in console("check", "--format", "json", str(draft), cache=cache).stderr
    bad = console("check", "--no-such-option", str(draft), cache=cache)
    assert bad.returncode == 2 and "no such option" in bad.stderr.lower()
    missing = console("check", str(tmp_path / "gone.txt"), cache=cache)
    assert missing.returncode == 2 and "gone.txt" in missing.stderr and "Traceback" not in missing.stderr


def test_a_project_config_is_validated_once_and_again_when_it_changes(tmp_path):
    """With a config file, an unchanged project is answered without pydantic too; an edited config is read afresh,
    and a mistake in it is still one line and exit 2."""
    project = tmp_path / "project"
    project.mkdir()
    (project / ".notelint.toml").write_text('ignore = ["NL1302"]\n')
    draft = project / "note.txt"
    draft.write_text(NOTE)
    cache = tmp_path / "cache"
    first = console("check", str(draft), cache=cache)
    second = console("check", str(draft), cache=cache)
    assert first.stdout == second.stdout and "Thx" not in second.stdout  # NL1302 ignored by the config
    assert second.stderr == "[]\n"
    (project / ".notelint.toml").write_text('ignore = []\n')
    assert "Thx" in console("check", str(draft), cache=cache).stdout
    (project / ".notelint.toml").write_text('ignroe = ["NL1302"]\n')
    broken = console("check", str(draft), cache=cache)
    assert broken.returncode == 2 and "ignroe" in broken.stderr and "Traceback" not in broken.stderr


def test_a_new_draft_reads_the_rules_bundle_and_an_edited_rule_is_read_afresh(tmp_path):
    """Rule files parsed once are kept in the cache folder (bundle.py): a draft not in the report cache
    does not parse the YAML again, and an edited rule file is a new bundle, so the change is seen."""
    pack = tmp_path / "pack"
    shutil.copytree(ROOT / "examples" / "house-rules", pack)
    cache = tmp_path / "cache"
    drafts = []
    for n in range(3):
        drafts.append(tmp_path / f"note-{n}.txt")
        drafts[-1].write_text(NOTE.replace("triage board.", f"triage board {n}. What is the salary range?"))
    yaml_read = "print('yaml' if 'yaml' in sys.modules else 'no yaml', file=sys.stderr)"

    def run(draft: Path) -> tuple[list[str], str]:
        result = notelint("check", "--format", "json", "--pack", str(pack), str(draft), cache=cache, code=yaml_read)
        return [f["message"] for f in json.loads(result.stdout)["files"][0]["findings"]], result.stderr

    first, parsed = run(drafts[0])
    [bundle] = (cache / "v1" / "rules").glob("*.json")
    second, read = run(drafts[1])
    assert parsed == "yaml\n" and read == "no yaml\n"  # the second draft's rules came from the bundle
    assert "'salary range': leave pay and benefits out of a thank-you note" in first
    assert second == first
    rule = pack / "NL5001-no-salary-talk.yaml"
    rule.write_text(rule.read_text().replace("leave pay and benefits out", "keep pay out"))
    third, _ = run(drafts[2])
    assert "'salary range': keep pay out of a thank-you note" in third
    assert len(list((cache / "v1" / "rules").glob("*.json"))) == 2 and bundle.exists()


def test_a_damaged_rules_bundle_is_ignored_and_written_again(tmp_path):
    draft = tmp_path / "note.txt"
    draft.write_text(NOTE)
    cache = tmp_path / "cache"
    expected = notelint("check", "--format", "json", str(draft), cache=cache).stdout
    [bundle] = (cache / "v1" / "rules").glob("*.json")
    key = json.loads(bundle.read_text())["key"]
    for damage in ("{not json", json.dumps({"key": "someone else's", "files": {}}), "[]", "",
                   json.dumps({"key": key, "files": ["not", "a", "mapping"]})):
        bundle.write_text(damage)
        shutil.rmtree(next(p for p in (cache / "v1").iterdir() if len(p.name) == 2))  # the report: lint again
        assert notelint("check", "--format", "json", str(draft), cache=cache).stdout == expected
        assert json.loads(bundle.read_text())["key"] == bundle.stem


def test_a_rule_pack_with_a_mistake_is_never_bundled(tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(ROOT / "examples" / "house-rules", pack)
    rule = pack / "NL5001-no-salary-talk.yaml"
    rule.write_text(rule.read_text().replace("severity: warning", "severity: loud"))
    draft = tmp_path / "note.txt"
    draft.write_text(NOTE)
    cache = tmp_path / "cache"
    for _ in range(2):  # the second run finds no bundle either, and says the same
        result = notelint("check", "--pack", str(pack), str(draft), cache=cache)
        assert result.returncode == 2 and "NL5001-no-salary-talk.yaml" in result.stderr and "loud" in result.stderr
        assert "Traceback" not in result.stderr
        assert not list(cache.glob("v1/rules/*.json"))
