"""The notelint command line; no linting logic here. User mistakes print one line and exit 2."""
from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__

EXIT_HELP = """Exit codes: 0 no findings at or above --fail-on; 1 findings at or above it;
2 usage or input error (bad path, unreadable draft, invalid rule file)."""

app = typer.Typer(
    name="notelint",
    help="Lint thank-you notes written after job interviews.\n\n" + EXIT_HELP,
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class UserError(Exception):
    """A mistake the user can fix; printed as one line, exit code 2."""


def fail(message: str) -> None:
    sys.stderr.write(f"notelint: error: {message}\n")


def _exit_for_pack(error) -> None:  # noqa: ANN001 - a RulePackError, imported lazily
    """Report every problem of an invalid rule pack, one line each, and exit with 2."""
    for problem in error.problems:
        fail(problem)
    raise typer.Exit(2) from None


def _version(value: bool) -> None:
    if value:
        print(f"notelint {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = None,
) -> None:
    """Lint thank-you notes written after job interviews."""


RulesOption = Annotated[
    Optional[list[Path]],
    typer.Option(
        "--pack", "--rules", help="Folder of extra rule files, a rule pack (repeatable); the built-in rules always load."
    ),
]
FormatOption = Annotated[str, typer.Option("--format", "-f", help="Output format: text or json.")]


def _load_packs(rule_dirs: list[Path] | None):  # noqa: ANN202 - a packs.RuleSet
    """The built-in pack and the user's packs, or one line per problem and exit 2."""
    from .packs import RulePackError, builtin_rules_dir, load_pack

    try:
        return load_pack([builtin_rules_dir(), *(rule_dirs or [])])
    except RulePackError as exc:
        _exit_for_pack(exc)


def _load(rule_dirs: list[Path] | None, select: list[str] | None = None, ignore: list[str] | None = None):  # noqa: ANN202
    from .selection import choose, unknown

    rules = _load_packs(rule_dirs).rules
    for choice in unknown(rules, [*(select or []), *(ignore or [])]):
        fail(f"unknown rule, code prefix or category {choice!r} (see `notelint rules`)")
        raise typer.Exit(2)
    return choose(rules, select or None, ignore=ignore or [])


def _check_format(value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        fail(f"--format must be one of {', '.join(allowed)}, not {value!r}")
        raise typer.Exit(2)
    return value


@app.command(epilog=EXIT_HELP)
def check(
    paths: Annotated[list[str], typer.Argument(help="Draft files or folders; '-' reads standard input.")],
    output_format: Annotated[
        Optional[str],
        typer.Option("--format", "-f", help="Output format: text, json, sarif, github, gitlab or junit "
                     "(default: github when GITHUB_ACTIONS=true, else text)."),
    ] = None,
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Write the report to this file instead of standard output.")
    ] = None,
    fail_on: Annotated[
        str, typer.Option("--fail-on", help="Lowest severity that makes the exit code 1: error, warning, info or never.")
    ] = "warning",
    context: Annotated[
        Optional[list[str]],
        typer.Option("--context", "-c", help="Context key=value (audience, stage, medium); wins over front matter."),
    ] = None,
    select: Annotated[Optional[list[str]], typer.Option("--select", help="Only these rules or categories.")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option("--ignore", help="Skip these rules or categories.")] = None,
    rules_dirs: RulesOption = None,
    model: Annotated[
        Optional[str], typer.Option("--model", help="Use an installed trained spaCy pipeline instead of the blank one.")
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Lint every draft afresh; don't read or write the report cache.")
    ] = False,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", help="Processes for big batches (0: one per core); output is the same.")
    ] = 0,
    cache_dir: Annotated[
        Optional[Path],
        typer.Option("--cache-dir", help="Where to keep reports of unchanged drafts (default: ./.notelint_cache)."),
    ] = None,
    max_size: Annotated[
        str, typer.Option("--max-size", help="Refuse a draft longer than this many characters: 1000000, 500KB, 2MB.")
    ] = "1MB",
) -> None:
    """Check drafts and print findings and a score for each."""
    from .draft import DraftError, expand_paths, parse_context_options, read_draft
    from .model import Severity
    from .reading import parse_size
    from .reporters import FORMATS, NEEDS_RULES, default_format, write_report

    output_format = _check_format(output_format or default_format(), FORMATS)
    if fail_on not in ("error", "warning", "info", "never"):
        fail(f"--fail-on must be error, warning, info or never, not {fail_on!r}")
        raise typer.Exit(2)
    if jobs < 0:
        fail(f"--jobs must be 0 (one per core) or more, not {jobs}")
        raise typer.Exit(2)
    try:
        options_context = parse_context_options(context or [])
        max_chars = parse_size(max_size)
    except DraftError as exc:
        fail(str(exc))
        raise typer.Exit(2) from None
    errors: list[dict] = []
    files: list[str] = []
    for path in paths:
        problems: list[tuple[str, str]] = []  # broken links, unreadable folders met on the walk
        found = list(expand_paths([path], problems))
        errors.extend({"path": where, "message": message} for where, message in problems)
        if not found and not problems:
            errors.append({"path": path, "message": "no drafts (.txt, .md, .eml) in this folder"})
        files.extend(found)

    drafts = []
    encodings: dict[str, str] = {}  # drafts that were not UTF-8, and what was assumed
    for path in files:
        try:
            draft = read_draft(path, options_context, max_chars)
        except DraftError as exc:
            errors.append({"path": "<stdin>" if path == "-" else path, "message": str(exc)})
            continue
        if draft.encoding != "utf-8":
            encodings[draft.path] = draft.encoding
        drafts.append(draft)

    cache = None if no_cache else _report_cache(cache_dir, rules_dirs, select, ignore, model)
    reports = [cache.get(draft) if cache else None for draft in drafts]
    missing = [i for i, report in enumerate(reports) if report is None]
    rules = None  # loaded (and checked) only when a draft needs linting or the format describes the rules
    if missing or not drafts or output_format in NEEDS_RULES:
        rules = _load(rules_dirs, select, ignore)
    if missing:
        for i, report in zip(missing, _lint(rules, model, [drafts[i] for i in missing], jobs)):
            reports[i] = report
            if cache:
                cache.put(drafts[i], report)
    try:
        write_report(output_format, output, reports, errors, encodings=encodings, rules=rules, fail_on=fail_on)
    except OSError as exc:
        if output is None:
            raise
        fail(f"cannot write the report to {output}: {exc.strerror or exc}")
        raise typer.Exit(2) from None
    for error in errors:
        fail(f"{error['path']}: {error['message']}")
    if errors:
        raise typer.Exit(2)
    threshold = None if fail_on == "never" else Severity(fail_on).rank
    failing = threshold is not None and any(f.severity.rank >= threshold for r in reports for f in r.findings)
    raise typer.Exit(1 if failing else 0)


def _lint(rules, model: str | None, drafts: list, jobs: int = 1):  # noqa: ANN001, ANN202 - Drafts -> FileReports
    """Lint drafts, in `jobs` processes for big batches; a pack error found while compiling, or a missing --model, exits 2."""
    from .packs import RulePackError
    from .parallel import lint_in_processes

    try:
        return lint_in_processes(rules, model, drafts, jobs)
    except RulePackError as exc:
        _exit_for_pack(exc)
    except OSError as exc:  # e.g. --model names a pipeline that is not installed
        fail(str(exc).splitlines()[0])
        raise typer.Exit(2) from None


def _report_cache(directory: Path | None, rule_dirs: list[Path] | None, *options: object):  # noqa: ANN202
    """The report cache for this set of rules and options, in --cache-dir, $NOTELINT_CACHE_DIR or ./.notelint_cache."""
    import os

    from .cache import DEFAULT_DIR, ReportCache, fingerprint
    from .locations import builtin_rules_dir

    directory = directory or Path(os.environ.get("NOTELINT_CACHE_DIR") or DEFAULT_DIR)
    try:
        salt = fingerprint([builtin_rules_dir(), *(rule_dirs or [])], *options)
    except OSError:
        return None  # a pack folder that cannot be read: loading the rules reports it
    return ReportCache(directory, salt)


@app.command("rules")
def list_rules(output_format: FormatOption = "text", rules_dirs: RulesOption = None) -> None:
    """List every rule with its code, name, category and severity."""
    import json

    _check_format(output_format, ("text", "json"))
    loaded = _load_packs(rules_dirs)
    rules, categories = loaded.rules, loaded.categories
    if output_format == "json":
        rows = [{"code": r.code, "name": r.name, "category": r.category, "severity": _severity(r),
                 "kind": r.kind, "message": f"infers {r.key}: {r.value}" if not r.REPORTS else r.message,
                 "category_title": categories[r.category].title if r.category in categories else "Context"}
                for r in rules]
        print(json.dumps(rows, indent=2))
        return
    width = max(len(r.name) for r in rules)
    for r in rules:
        print(f"{r.code:<7} {r.name:<{width}}  {r.category:<16} {_severity(r) or '-':<7} {r.kind}")
    print("\nCategories")
    for category in categories.values():
        print(f"  {category.name:<16} {category.title}: {category.description}")


def _severity(rule) -> str | None:  # noqa: ANN001
    """A finding rule's severity; context rules report nothing, so they have none."""
    return rule.severity.value if rule.REPORTS else None


@app.command()
def explain(
    code: Annotated[str, typer.Argument(help="A rule code (NL601) or name (gift-to-interviewer).")],
    rules_dirs: RulesOption = None,
) -> None:
    """Print one rule's rationale, what to write instead, and its examples."""
    loaded = _load_packs(rules_dirs)
    rule = next((r for r in loaded.rules if code.lower() in (r.code.lower(), r.name)), None)
    if rule is None:
        fail(f"no rule {code!r} (see `notelint rules`)")
        raise typer.Exit(2)
    if not rule.REPORTS:
        _explain_context_rule(rule)
        return
    category = loaded.categories[rule.category]
    print(f"{rule.code} {rule.name} ({rule.category}, {rule.severity.value})\n")
    print("What it does\n  " + re.sub(r"\{\w+\}", "…", rule.message) + "\n")
    print("Why\n  " + " ".join(rule.why.split()) + "\n")
    print("Instead\n  " + " ".join(rule.instead.split()) + "\n")
    print(f"Category\n  {category.title}: {category.description}\n")
    if rule.context.only or rule.context.skip:
        only = "; ".join(f"{k} in {', '.join(v)}" for k, v in rule.context.only.items())
        skip = "; ".join(f"{k} is {', '.join(v)}" for k, v in rule.context.skip.items())
        print("Applies\n  " + " ".join(p for p in (f"only when {only}" if only else "", f"not when {skip}" if skip else "") if p) + "\n")
    print("Flagged")
    for example in rule.examples.fire:
        print("  - " + example.text.replace("\n", " / "))
    print("\nNot flagged")
    for example in rule.examples.pass_:
        print("  - " + example.text.replace("\n", " / "))


@app.command("test")
def test_examples(
    rule_dirs: Annotated[
        Optional[list[Path]],
        typer.Argument(help="Folders of rule files whose examples to run; none: the built-in rules."),
    ] = None,
) -> None:
    """Run every rule's examples: `fire` texts must trigger it, `pass` texts must not. Exit 1 on a failure."""
    from .engine import Linter
    from .selftest import run_examples

    loaded = _load_packs(rule_dirs)  # the pack's rules run beside the built-in ones, as in `check --pack`
    rules = loaded.rules
    folders = {d.resolve() for d in rule_dirs or []}
    tested = {
        r.code for r in rules if not folders or loaded.sources[r.code].parent.resolve() in folders
    }
    results = list(run_examples(Linter(rules), [r for r in rules if r.code in tested]))
    failed = [r for r in results if not r.ok]
    for result in failed:
        print(f"FAIL {result.label}: {result.explain()}")
        print("     " + result.text.replace("\n", " / "))
    print(f"{len(results)} examples of {len(tested)} rules: {len(results) - len(failed)} ok, {len(failed)} failing")
    raise typer.Exit(1 if failed else 0)


@app.command()
def fix(
    paths: Annotated[list[str], typer.Argument(help="Draft files or folders to fix.")],
    show_diff: Annotated[bool, typer.Option("--diff", help="Show what would change, as a unified diff.")] = False,
    write: Annotated[bool, typer.Option("--write", help="Write the fixes; without it nothing on disk changes.")] = False,
    context: Annotated[
        Optional[list[str]], typer.Option("--context", "-c", help="Context key=value, as for check.")
    ] = None,
    rules_dirs: RulesOption = None,
) -> None:
    """Apply the fixes rule files mark safe ('thx' -> 'thank you', '!!' -> '!').

    Without --write, nothing is written: exit 1 when there is something to fix (for CI), 0 when not.
    With --write, each file is replaced atomically, in its own encoding, byte-order mark, line
    endings and permissions, and left alone if it changed while being fixed.
    """
    from .draft import DraftError, expand_paths, parse_context_options
    from .engine import Linter
    from .fix import Source, diff, safe_edits
    from .fix import write as write_file

    try:
        options_context = parse_context_options(context or [])
    except DraftError as exc:
        fail(str(exc))
        raise typer.Exit(2) from None
    rules = _load(rules_dirs)
    fixes = {r.code: r.fix for r in rules if r.REPORTS and r.fix is not None and r.fix.safe}
    linter = Linter(rules)
    errors, fixable, files_changed = [], 0, 0
    problems: list[tuple[str, str]] = []
    for path in expand_paths([p for p in paths if p != "-"], problems):
        try:
            source = Source.read(Path(path))
            draft = source.draft(options_context)
            edits = safe_edits(draft, linter.lint_text(draft), fixes)
            if not edits:
                continue
            new_raw = source.rewritten(edits)
            if show_diff:
                sys.stdout.write(diff(source, new_raw))
            if write:
                write_file(source, new_raw)
                print(f"{path}: fixed {len(edits)} problem{'s' * (len(edits) != 1)}")
            fixable += len(edits)
            files_changed += 1
        except (DraftError, OSError) as exc:
            errors.append(f"{path}: {getattr(exc, 'strerror', None) or exc}")
    if "-" in paths:
        errors.append("-: fix works on files; use check for standard input")
    errors[:0] = [f"{where}: {message}" for where, message in problems]
    if not write:
        print(f"{fixable} problem{'s' * (fixable != 1)} in {files_changed} file{'s' * (files_changed != 1)} "
              "would be fixed; run with --write to apply" if fixable else "nothing to fix")
    for error in errors:
        fail(error)
    raise typer.Exit(2 if errors else 1 if fixable and not write else 0)


@app.command("new-rule")
def new_rule(
    name: Annotated[str, typer.Argument(help="The rule's name: lower-case words joined by hyphens (no-salary-talk).")],
    kind: Annotated[str, typer.Option("--kind", help="existence, substitution, required, metric, spelling or context.")] = "existence",
    category: Annotated[str, typer.Option("--category", help="A built-in category or one your pack.yaml declares.")] = "",
    severity: Annotated[str, typer.Option("--severity", help="error, warning or info.")] = "warning",
    code: Annotated[Optional[str], typer.Option("--code", help="NL plus 3-4 digits; default: the next free hundred.")] = None,
    directory: Annotated[Path, typer.Option("--dir", help="The pack folder to write the rule file into.")] = Path("."),
) -> None:
    """Write a rule file with every section (what it flags, why, instead, examples) to fill in."""
    from .kinds import KINDS
    from .schema import RULE_NAME
    from .scaffold import scaffold

    if kind not in KINDS:
        fail(f"--kind must be one of {', '.join(KINDS)}, not {kind!r}")
        raise typer.Exit(2)
    if not re.match(RULE_NAME, name):
        fail(f"rule name {name!r} must be lower-case words joined by hyphens, like no-salary-talk")
        raise typer.Exit(2)
    if severity not in ("error", "warning", "info"):
        fail(f"--severity must be error, warning or info, not {severity!r}")
        raise typer.Exit(2)
    if not directory.is_dir():
        fail(f"{directory}: no such folder; create the pack folder first")
        raise typer.Exit(2)
    loaded = _load_packs([directory] if any(directory.glob("*.y*ml")) else [])
    if kind != "context" and category not in loaded.categories:
        fail(
            f"--category {category!r} is not declared; use one of {', '.join(loaded.categories)}, "
            f"or declare it in {directory / 'pack.yaml'} under `categories:` with a title and a description"
        )
        raise typer.Exit(2)
    used = {r.code for r in loaded.rules}
    if code is None:
        top = max(int(c[2:]) for c in used if len(c) >= 5 or not c.startswith("NL0"))
        code = f"NL0{min(int(c[2:]) for c in used if c.startswith('NL0')) + len(used)}" if kind == "context" else None
        code = code if code and code not in used else f"NL{(top // 100 + 1) * 100 + 1}"
    if not re.match(r"^NL\d{3,4}$", code) or code in used or name in {r.name for r in loaded.rules}:
        fail(f"{code} {name}: the code must be NL plus 3-4 digits, and neither may be in use (see `notelint rules`)")
        raise typer.Exit(2)
    target = directory / f"{code}-{name}.yaml"
    try:
        with target.open("x", encoding="utf-8") as out:  # never overwrite a rule file
            out.write(scaffold(kind, code, name, category, severity))
    except FileExistsError:
        fail(f"{target}: already exists")
        raise typer.Exit(2) from None
    print(f"created {target}\nfill in its TODOs, then run: notelint test {directory}")


def _explain_context_rule(rule) -> None:  # noqa: ANN001
    print(f"{rule.code} {rule.name} (context)\n")
    print(f"What it does\n  Infers `{rule.key}: {rule.value}` from the note when neither front matter nor --context says.\n")
    print("Why\n  " + " ".join(rule.why.split()) + "\n")
    print("Infers it from")
    for text in rule.examples.infer:
        print("  - " + text.replace("\n", " / "))
    print("\nNot from")
    for text in rule.examples.pass_:
        print("  - " + text.replace("\n", " / "))


def main() -> None:
    app()  # rich handles a closed pipe (`notelint check ... | head`) quietly itself


@app.command("eval")
def evaluate_command(
    paths: Annotated[list[str], typer.Argument(help="Labeled drafts or folders (front matter `expect:`).")],
    output_format: FormatOption = "text",
    min_precision: Annotated[float, typer.Option("--min-precision", help="Exit 1 if a category falls below.")] = 0.0,
    min_recall: Annotated[float, typer.Option("--min-recall", help="Exit 1 if a category falls below.")] = 0.0,
    min_auc: Annotated[float, typer.Option("--min-auc", help="Exit 1 if the score AUC falls below.")] = 0.0,
    min_support: Annotated[
        int, typer.Option("--min-support", help="Bars apply to categories with at least this many positives.")
    ] = 10,
    rules_dirs: RulesOption = None,
) -> None:
    """Measure precision, recall and F1 of the rules on labeled drafts."""
    from .draft import DraftError, expand_paths, read_draft
    from .engine import Linter
    from .evaluate import evaluate, failures
    from .reporters import eval_report

    _check_format(output_format, ("text", "json"))
    loaded = _load_packs(rules_dirs)
    rules = loaded.rules
    drafts, errors, problems = [], [], []
    for path in expand_paths(paths, problems):
        try:
            drafts.append(read_draft(path))
        except DraftError as exc:
            errors.append(f"{'<stdin>' if path == '-' else path}: {exc}")
    errors[:0] = [f"{where}: {message}" for where, message in problems]
    if not drafts and not errors:
        errors.append("no labeled drafts found")
    rule_category = {r.code: r.category for r in rules if r.REPORTS}
    try:
        result = evaluate(zip(drafts, Linter(rules).lint(drafts)), rule_category, loaded.categories)
    except DraftError as exc:
        errors.append(str(exc))
        result = None
    for error in errors:
        fail(error)
    if errors or result is None:
        raise typer.Exit(2)
    below = failures(result, min_precision, min_recall, min_support, min_auc)
    eval_report.render(result, sys.stdout, output_format, below)
    raise typer.Exit(1 if below else 0)
