"""Running `notelint check`: find and read the drafts, lint them (or take their reports from the cache),
and write the report. No command-line framework here, so that re-checking unchanged drafts imports
neither typer nor rich's help (console.py calls `check` directly for a plain `notelint check PATH...`).

A user's mistake is one line on standard error and SystemExit(2); `check` returns the exit code.
"""
from __future__ import annotations

import sys
from pathlib import Path

from .wording import plural


def fail(message: str) -> None:
    sys.stderr.write(f"notelint: error: {message}\n")


def exit_for_pack(error) -> None:  # noqa: ANN001 - a RulePackError, imported lazily
    """Report every problem of an invalid rule pack, one line each, and exit with 2."""
    for problem in error.problems:
        fail(problem)
    raise SystemExit(2) from None



def load_packs(rule_dirs: list[Path] | None, bundle_dir: Path | None = None):  # noqa: ANN202 - a packs.RuleSet
    """The built-in pack and the user's packs, or one line per problem and exit 2. `bundle_dir`: the cache
    folder, whose rules bundle (bundle.py) spares parsing the rule files again."""
    from .packs import RulePackError, builtin_rules_dir, load_pack

    try:
        dirs = [builtin_rules_dir(), *(rule_dirs or [])]
        if bundle_dir is None:
            return load_pack(dirs)
        from .bundle import load

        return load(dirs, bundle_dir)
    except RulePackError as exc:
        exit_for_pack(exc)


def load_rules(
    rule_dirs: list[Path] | None,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    extend_select: list[str] | None = None,
    severity: dict[str, str] | None = None,
    config=None,  # noqa: ANN001 - the config.Config these came from, in part, to name it in a mistake
    bundle_dir: Path | None = None,
):  # noqa: ANN202
    """The rules that run, with severity overrides applied; an unknown selector is one line and exit 2,
    naming the config file when it is the config's."""
    from .model import Severity
    from .selection import choose, matches, unknown
    from .wording import did_you_mean

    rules = load_packs(rule_dirs, bundle_dir).rules
    known = dict.fromkeys(n for r in rules for n in (r.code, r.name, getattr(r, "category", None)) if n)

    def refuse(choice: str, where: str = "") -> None:
        fail(f"{where}unknown rule, code prefix or category {choice!r}{did_you_mean(choice, known)} "
             "(see `notelint rules`)")
        raise SystemExit(2)

    if config is not None and config.path is not None:
        table = "tool.notelint." if config.path.name == "pyproject.toml" else ""
        for key, choices in (("select", config.select or []), ("extend-select", config.extend_select),
                             ("ignore", config.ignore), ("severity", list(config.severity)),
                             ("per-file-ignores", [c for cs in config.per_file_ignores.values() for c in cs])):
            for choice in unknown(rules, choices):
                refuse(choice, f"{config.path}: {table}{key}: ")
    for choice in unknown(rules, [*(select or []), *(ignore or []), *(extend_select or []), *(severity or {})]):
        refuse(choice)
    chosen = choose(rules, select or None, extend_select or [], ignore or [])
    overrides = severity or {}
    return [
        rule.model_copy(update={"severity": Severity(level)})
        if rule.REPORTS and (level := next((v for k, v in overrides.items() if matches(rule, k)), None))
        else rule
        for rule in chosen
    ]


def check(paths: list[str], *, output_format: str | None = None, output: Path | None = None,
          show_waived: bool = False, select: list[str] | None = None, ignore: list[str] | None = None,
          rules_dirs: list[Path] | None = None, config_file: Path | None = None, context: list[str] | None = None,
          interview: Path | None = None, now: str | None = None, fail_on: str | None = None,
          fail_under: int | None = None, baseline: Path | None = None, write_baseline: Path | None = None,
          jobs: int = 0, no_cache: bool = False, cache_dir: Path | None = None, max_size: str = "1MB",
          model: str | None = None) -> int:
    """Check drafts and write findings and a score for each; returns the exit code (0, 1 or 2)."""
    import os

    from .draft import DraftError
    from .reading import parse_size
    from .reporters import NEEDS_RULES, default_format, write_report

    output_format = output_format or default_format()
    if jobs < 0:
        fail(f"--jobs must be 0 (one per core) or more, not {jobs}")
        raise SystemExit(2)
    from .situation import CLOCK_ENV, SituationError, options_layer, parse_moment

    try:
        options = options_layer(context or [], interview)
        moment = parse_moment(now, "--now") if now else parse_moment(os.environ[CLOCK_ENV], CLOCK_ENV) \
            if os.environ.get(CLOCK_ENV) else None
        max_chars = parse_size(max_size)
    except (DraftError, SituationError) as exc:
        fail(str(exc))
        raise SystemExit(2) from None
    settings_for = settings_finder(config_file, select, ignore or [], rules_dirs or [], fail_on, fail_under,
                                   memo=None if no_cache else cache_directory(cache_dir))
    reports, errors, encodings, forms, ran, drafts = collect(
        paths, options, max_chars, settings_for, no_cache, cache_dir, model, jobs, output_format in NEEDS_RULES,
        now=moment,
    )
    if sum(1 for r in reports if r.situation.get("company") and r.situation.get("interview_date")) > 1:
        from .panel import check_panels  # the notes sent after one interview, read together

        rules = ran
        if not any(r.kind == "panel" for r in ran.values()):  # every draft came from the cache
            first = settings_for(paths[0])
            rules = {r.code: r for r in load_rules(first.packs, first.select, first.ignore, first.extend_select,
                                                   first.severity, config=first.config) if r.REPORTS}
        reports = check_panels(reports, drafts, rules, lambda path: settings_for(path).config.ignored_here(path))
    if write_baseline is not None:
        from .baseline import write as record

        count = record(write_baseline, reports)
        print(f"recorded {plural(count, 'finding')} of {plural(len(reports), 'draft')} in {write_baseline}")
        for error in errors:
            fail(f"{error['path']}: {error['message']}")
        return 2 if errors else 0
    if baseline is not None:
        from .baseline import BaselineError, load, only_new

        try:
            reports, hidden = only_new(reports, load(baseline))
        except BaselineError as exc:
            fail(str(exc))
            raise SystemExit(2) from None
        if hidden:
            sys.stderr.write(f"notelint: {plural(hidden, 'finding')} already in {baseline} not shown\n")
    settings = settings_for(paths[0] if paths else "-")
    try:
        write_report(output_format, output, reports, errors, encodings=encodings, forms=forms,
                     rules=list(ran.values()), fail_on=settings.fail_on, show_waived=show_waived)
    except OSError as exc:
        if output is None:
            raise
        fail(f"cannot write the report to {output}: {exc.strerror or exc}")
        raise SystemExit(2) from None
    for error in errors:
        fail(f"{error['path']}: {error['message']}")
    if errors:
        return 2
    return 1 if any(_fails(report, settings_for(report.path)) for report in reports) else 0


def collect(paths, options, max_chars, settings_for, no_cache, cache_dir, model, jobs, need_rules=False,  # noqa: ANN001, ANN202
            now=None):  # noqa: ANN001
    """Find, read and lint the drafts (from the cache where it can).

    `options`: the --context and --interview values (a situation.Layer, or None); each draft's context
    is settled from its config, the notelint.yaml in its folder, its front matter and these (situation.py).

    Returns (reports in order, read errors, encodings, forms, the rules that ran by code, the drafts). Rules are
    loaded only when a draft needs linting, or when `need_rules` (a format that describes them).
    """
    from .draft import DraftError, expand_paths, read_draft

    errors: list[dict] = []
    files: list[str] = []
    seen: set[str] = set()
    for path in paths:
        problems: list[tuple[str, str]] = []  # broken links, unreadable folders met on the walk
        found = list(expand_paths([path], problems))
        if path != "-" and Path(path).is_dir():  # what a folder walk finds: not git-ignored, not excluded
            from .ignore import GitIgnored

            ignored = GitIgnored(Path(path))
            found = [f for f in found if not ignored(f) and not settings_for(f).config.excluded(Path(f))]
        errors.extend({"path": where, "message": message} for where, message in problems)
        if not found and not problems:
            errors.append({"path": path, "message": "no drafts (.txt, .md, .eml) in this folder"})
        for file in found:  # a file given twice is checked once
            key = file if file == "-" else str(Path(file).resolve())
            if key not in seen:
                seen.add(key)
                files.append(file)

    from .situation import SituationError, context_file_finder, with_situation

    drafts, groups = [], {}
    encodings: dict[str, str] = {}  # drafts that were not UTF-8, and what was assumed
    forms: dict = {}  # drafts whose form the report shows: an email's headers, positions in a decoded body
    context_file = context_file_finder()
    files = [f for f in files if not _interview_notes(f, paths, context_file, options)]
    for path in files:
        settings = settings_for(path)
        try:
            draft = read_draft(path, options.context if options else {}, max_chars)
            draft = with_situation(settings.config.applied_to(draft), settings.config, options, context_file(path), now)
        except SituationError as exc:  # a context file's mistake is said once, however many drafts share it
            problem = {"path": getattr(exc, "file", None) or ("<stdin>" if path == "-" else path), "message": str(exc)}
            if problem not in errors:
                errors.append(problem)
            continue
        except DraftError as exc:
            errors.append({"path": "<stdin>" if path == "-" else path, "message": str(exc)})
            continue
        if draft.encoding != "utf-8":
            encodings[draft.path] = draft.encoding
        if draft.form.headers or draft.form.positions:
            forms[draft.path] = draft.form
        groups.setdefault(id(settings), (settings, []))[1].append(len(drafts))
        drafts.append(draft)

    reports: list = [None] * len(drafts)
    ran: dict = {}
    for settings, indices in groups.values() or [(settings_for("-"), [])]:
        lint_args = (settings.packs, settings.select, settings.ignore, settings.extend_select, settings.severity)
        cache = None if no_cache else report_cache(cache_dir, settings.packs, *settings.cache_key_parts(), model)
        for i in indices:
            reports[i] = cache.get(drafts[i]) if cache else None
        missing = [i for i in indices if reports[i] is None]
        if missing or not drafts or need_rules:  # rules are loaded (and checked) only when needed
            rules = load_rules(*lint_args, config=settings.config,
                               bundle_dir=None if no_cache else cache_directory(cache_dir))
            ran.update((r.code, r) for r in rules if r.REPORTS)
        if missing:
            for i, report in zip(missing, lint(rules, model, [drafts[i] for i in missing], jobs)):
                reports[i] = report
                if cache:
                    cache.put(drafts[i], report)
        for i in indices:
            reports[i] = _without_waived(reports[i], settings)
    return reports, errors, encodings, forms, ran, drafts


def _interview_notes(file: str, given: list[str], context_file, options) -> bool:  # noqa: ANN001
    """True for interview notes met on a folder walk (named by --interview or the folder's notelint.yaml):
    the writer's notes are read beside the drafts, never as one. A file named on the command line is checked."""
    from .situation import SituationError, notes_named

    if file == "-" or file in given:
        return False
    resolved = Path(file).resolve()
    if options is not None and notes_named(options) == resolved:
        return True
    try:
        return notes_named(context_file(file)) == resolved
    except SituationError:
        return False  # said when the draft is read


def settings_finder(config_file, select, ignore, packs, fail_on, fail_under, memo: Path | None = None):  # noqa: ANN001, ANN202
    """path -> config.Settings: the --config file, or the nearest config above the draft; one line and exit 2 if invalid.
    With `memo` (the cache folder), a config file validated before with the same bytes is not validated again."""
    from .config import ConfigError, Settings, default_config, find_config, load_config

    if memo is not None:
        from .cache import ConfigMemo

        memo = ConfigMemo(memo)

    made: dict = {}
    found: dict[Path, Path | None] = {}  # folder -> its config, looked up once per run

    def settings_for(path: str):  # noqa: ANN202
        folder = (Path.cwd() if path in ("-", "<stdin>") else Path(path)).resolve().parent
        if folder not in found:
            found[folder] = config_file or find_config(folder)
        where = found[folder]
        if where not in made:
            try:
                config = load_config(where, memo) if where else default_config()
            except ConfigError as exc:
                fail(str(exc))
                raise SystemExit(2) from None
            made[where] = Settings(config, select=select, ignore=ignore, packs=packs, fail_on=fail_on,
                                   fail_under=fail_under)
        return made[where]

    return settings_for


def _without_waived(report, settings):  # noqa: ANN001, ANN202 - FileReport, Settings -> FileReport
    """The report less the findings its config's per-file-ignores waive for that file, scored again."""
    from dataclasses import replace

    from .scoring import score
    from .selection import finding_matches

    waived = settings.config.ignored_here(report.path)
    if not waived:
        return report
    kept = tuple(f for f in report.findings if not any(finding_matches(f, s) for s in waived))
    return replace(report, findings=kept, score=score(kept)) if len(kept) != len(report.findings) else report


def _fails(report, settings) -> bool:  # noqa: ANN001
    """At or above --fail-on, or below --fail-under; with a baseline, judged on the new findings alone
    (what the baseline holds was accepted when it was written)."""
    from .model import Severity
    from .scoring import score

    value = score(report.findings).value if report.known else report.score.value
    if settings.fail_under is not None and value < settings.fail_under:
        return True
    if settings.fail_on == "never":
        return False
    return any(f.severity.rank >= Severity(settings.fail_on).rank for f in report.findings)


def lint(rules, model: str | None, drafts: list, jobs: int = 1):  # noqa: ANN001, ANN202 - Drafts -> FileReports
    """Lint drafts, in `jobs` processes for big batches; a pack error found while compiling, or a missing --model, exits 2."""
    from .packs import RulePackError
    from .parallel import lint_in_processes

    try:
        return lint_in_processes(rules, model, drafts, jobs)
    except RulePackError as exc:
        exit_for_pack(exc)
    except OSError as exc:  # e.g. --model names a pipeline that is not installed
        fail(str(exc).splitlines()[0])
        raise SystemExit(2) from None


def cache_directory(directory: Path | None) -> Path:
    """--cache-dir, else $NOTELINT_CACHE_DIR, else ./.notelint_cache."""
    import os

    from .cache import DEFAULT_DIR

    return directory or Path(os.environ.get("NOTELINT_CACHE_DIR") or DEFAULT_DIR)


def report_cache(directory: Path | None, rule_dirs: list[Path] | None, *options: object):  # noqa: ANN202
    """The report cache for this set of rules and options, in --cache-dir, $NOTELINT_CACHE_DIR or ./.notelint_cache."""
    from .cache import ReportCache, fingerprint
    from .locations import builtin_rules_dir

    directory = cache_directory(directory)
    try:
        salt = fingerprint([builtin_rules_dir(), *(rule_dirs or [])], *options)
    except OSError:
        return None  # a pack folder that cannot be read: loading the rules reports it
    return ReportCache(directory, salt)

