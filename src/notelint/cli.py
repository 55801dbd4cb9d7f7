"""The notelint command line; no linting logic here. User mistakes print one line and exit 2."""
from __future__ import annotations

import re
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
import typer.core

from . import __version__
from .reporters import FORMATS
from .run import collect, fail, load_packs, load_rules, settings_finder
from .wording import plural
CONTEXT_KINDS = ("context", "form")  # kinds that guess the situation and report nothing: no category, an NL0 code

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


class _Argument(typer.core.TyperArgument):
    """A positional argument in help as it is typed: `PATH...`, not `{PATH}...` and `PATH <list[str]>`."""

    def display_type_rich(self, ctx) -> None:  # noqa: ANN001
        return None

    def _rich_display_name(self) -> str:
        return self.display_name_raw + ("..." if self.nargs != 1 else "")

    def _usage_display_name(self) -> str:
        name = self.display_name_raw if self.required else f"[{self.display_name_raw}]"
        return name + ("..." if self.nargs != 1 else "")


class _Command(typer.core.TyperCommand):
    """Every command's help shows its arguments as they are typed (see _Argument)."""

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        for param in self.params:
            if type(param) is typer.core.TyperArgument:
                param.__class__ = _Argument


def _kind_names() -> list[str]:
    """The rule kinds, one module each in kinds/, found without importing them (help stays fast)."""
    import importlib.util
    import pkgutil

    spec = importlib.util.find_spec("notelint.kinds")
    return sorted(m.name for m in pkgutil.iter_modules(spec.submodule_search_locations or []) if not m.name.startswith("_"))


def _one_of(names: list[str]) -> str:
    return ", ".join(names[:-1]) + " or " + names[-1] if len(names) > 1 else "".join(names)


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
        "--pack", "--rules", metavar="DIR",
        help="Folder of extra rule files, a rule pack (repeatable); the built-in rules always load.",
    ),
]
ClassFormat = Enum("ClassFormat", {name: name for name in ("html", "csv", "markdown")}, type=str)
ListFormat = Enum("ListFormat", {name: name for name in ("text", "json", "markdown")}, type=str)
EvalFormat = Enum("EvalFormat", {name: name for name in ("text", "json")}, type=str)



CHECK_GROUPS = """\b
Options by group:
  output     --format, --output, --show-waived
  selection  --select, --ignore, --pack, --config
  context    --context (or front matter, per draft)
  CI         --fail-on, --fail-under, --jobs,
             --baseline, --write-baseline,
             --no-cache, --cache-dir
  limits     --max-size, --model"""

OutputFormat = Enum("OutputFormat", {name: name for name in FORMATS}, type=str)  # the reporters' own list
FailOn = Enum("FailOn", {name: name for name in ("error", "warning", "info", "never")}, type=str)


@app.command(cls=_Command, epilog=CHECK_GROUPS + "\n\n" + EXIT_HELP)
def check(
    paths: Annotated[list[str], typer.Argument(metavar="PATH", help="Draft files or folders; '-' reads standard input.")],
    output_format: Annotated[
        Optional[OutputFormat],
        typer.Option("--format", "-f", help="Report format (default: github when GITHUB_ACTIONS=true, else text)."),
    ] = None,
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", metavar="FILE", help="Write the report to this file instead of standard output."),
    ] = None,
    show_waived: Annotated[
        bool, typer.Option("--show-waived", help="Also list the findings waived in the drafts (notelint: ignore[...]).")
    ] = False,
    select: Annotated[
        Optional[list[str]],
        typer.Option("--select", metavar="RULE", help="Only these rules: a code, code prefix, name or category."),
    ] = None,
    ignore: Annotated[
        Optional[list[str]], typer.Option("--ignore", metavar="RULE", help="Skip these rules (repeatable).")
    ] = None,
    rules_dirs: RulesOption = None,
    config_file: Annotated[
        Optional[Path],
        typer.Option("--config", metavar="FILE", help="Use this config file instead of searching upward from each draft."),
    ] = None,
    context: Annotated[
        Optional[list[str]],
        typer.Option("--context", "-c", metavar="KEY=VALUE",
                     help="audience, stage, medium, to, company, role, interview_date, send_date, interview or "
                          "words for every draft; wins over front matter and notelint.yaml (docs/context.md)."),
    ] = None,
    interview: Annotated[
        Optional[Path],
        typer.Option("--interview", metavar="FILE",
                     help="Your notes from the interview: the note should mention one of their topics."),
    ] = None,
    now: Annotated[
        Optional[str],
        typer.Option("--now", metavar="WHEN", hidden=True,
                     help="Judge timing as if it were this ISO date and time (as NOTELINT_NOW does)."),
    ] = None,
    fail_on: Annotated[
        Optional[FailOn], typer.Option("--fail-on", help="Lowest severity that makes the exit code 1 (default: warning).")
    ] = None,
    fail_under: Annotated[
        Optional[int],
        typer.Option("--fail-under", metavar="SCORE", help="Exit 1 when a draft scores below this (0-100).", min=0, max=100),
    ] = None,
    baseline: Annotated[
        Optional[Path], typer.Option("--baseline", metavar="FILE", help="Report only findings this baseline does not hold.")
    ] = None,
    write_baseline: Annotated[
        Optional[Path],
        typer.Option("--write-baseline", metavar="FILE", help="Record today's findings in this file, and exit 0."),
    ] = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", metavar="N", help="Processes for big batches (0: one per core); same output.")
    ] = 0,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Lint every draft afresh; don't read or write the report cache or the rules bundle.")
    ] = False,
    cache_dir: Annotated[
        Optional[Path],
        typer.Option("--cache-dir", metavar="DIR", help="Where to keep reports of unchanged drafts and the parsed rules (default: ./.notelint_cache)."),
    ] = None,
    max_size: Annotated[
        str, typer.Option("--max-size", metavar="SIZE", help="Refuse a draft longer than this: 1000000, 500KB, 2MB.")
    ] = "1MB",
    model: Annotated[
        Optional[str],
        typer.Option("--model", metavar="NAME", help="Use an installed trained spaCy pipeline instead of the blank one."),
    ] = None,
) -> None:
    """Check drafts and print findings and a score for each."""
    from .run import check as run_check

    raise typer.Exit(run_check(
        paths, output_format=output_format.value if output_format else None, output=output, show_waived=show_waived,
        select=select, ignore=ignore, rules_dirs=rules_dirs, config_file=config_file, context=context,
        interview=interview, now=now, fail_on=fail_on.value if fail_on else None, fail_under=fail_under,
        baseline=baseline, write_baseline=write_baseline, jobs=jobs, no_cache=no_cache, cache_dir=cache_dir,
        max_size=max_size, model=model,
    ))


@app.command("rules", cls=_Command)
def list_rules(
    output_format: Annotated[ListFormat, typer.Option(
        "--format", "-f", help="text (a table), json, or markdown: the page docs/rules.md is made from.")] = ListFormat.text,
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", metavar="FILE", help="Write to this file instead of standard output.")] = None,
    rules_dirs: RulesOption = None,
) -> None:
    """List every rule with its code, name, category and severity.

    The list goes to standard output, or to --output FILE; `notelint rules --format markdown
    --output docs/rules.md` writes the rules page.
    """
    import json

    from .reporters import report_stream

    output_format = output_format.value
    loaded = load_packs(rules_dirs)
    rules, categories = loaded.rules, loaded.categories
    if output_format == "markdown":
        from .reporters.rules_markdown import render

        page = render(rules, categories)
    elif output_format == "json":
        rows = [{"code": r.code, "name": r.name, "category": r.category, "severity": _severity(r),
                 "kind": r.kind, "message": f"infers {r.key}: {r.value}" if not r.REPORTS else r.message,
                 "category_title": categories[r.category].title if r.category in categories else "Context"}
                for r in rules]
        page = json.dumps(rows, indent=2) + "\n"
    else:
        width = max(len(r.name) for r in rules)
        lines = [f"{r.code:<7} {r.name:<{width}}  {r.category:<16} {_severity(r) or '-':<7} {r.kind}" for r in rules]
        lines += ["", "Categories"]
        lines += [f"  {c.name:<16} {c.title}: {c.description}" for c in categories.values()]
        page = "\n".join(lines) + "\n"
    try:
        with report_stream(output) as stream:
            stream.write(page)
    except OSError as exc:
        if output is None:
            raise
        fail(f"cannot write to {output}: {exc.strerror or exc}")
        raise typer.Exit(2) from None


def _severity(rule) -> str | None:  # noqa: ANN001
    """A finding rule's severity; context rules report nothing, so they have none."""
    return rule.severity.value if rule.REPORTS else None


@app.command(cls=_Command)
def explain(
    code: Annotated[str, typer.Argument(metavar="CODE", help="A rule code (NL601) or name (gift-to-interviewer).")],
    rules_dirs: RulesOption = None,
) -> None:
    """Print one rule's rationale, what to write instead, and its examples."""
    from .reporters.rules_markdown import limits, what

    loaded = load_packs(rules_dirs)
    rule = next((r for r in loaded.rules if code.lower() in (r.code.lower(), r.name)), None)
    if rule is None:
        from .wording import did_you_mean

        choices = [n for r in loaded.rules for n in (r.code, r.name)]
        fail(f"no rule {code!r}{did_you_mean(code, choices)} (see `notelint rules`)")
        raise typer.Exit(2)
    if not rule.REPORTS:
        _explain_context_rule(rule)
        return
    category = loaded.categories[rule.category]
    print(f"{rule.code} {rule.name} ({rule.category}, {rule.severity.value})\n")
    print("What it does\n  " + what(rule) + "\n")
    if limits(rule):
        print("Limits\n  " + limits(rule) + "\n")
    print("Why\n  " + " ".join(rule.why.split()) + "\n")
    print("Instead\n  " + " ".join(rule.instead.split()) + "\n")
    print(f"Category\n  {category.title}: {category.description}\n")
    if rule.context.only or rule.context.skip:
        only = "; ".join(f"{k} in {', '.join(v)}" for k, v in rule.context.only.items())
        skip = "; ".join(f"{k} is {', '.join(v)}" for k, v in rule.context.skip.items())
        keep = "; ".join(f"{k} is {', '.join(v)}" for k, v in rule.context.keep.items())
        print("Applies\n  " + " ".join(p for p in (f"only when {only}" if only else "", f"not when {skip}" if skip else "",
                                                     f"unless {keep}" if keep else "") if p) + "\n")
    print("Flagged")
    for example in rule.examples.fire:
        print("  - " + example.text.replace("\n", " / "))
    print("\nNot flagged")
    for example in rule.examples.pass_:
        print("  - " + example.text.replace("\n", " / "))


@app.command("test", cls=_Command)
def test_examples(
    rule_dirs: Annotated[
        Optional[list[Path]],
        typer.Argument(metavar="DIR", help="Folders of rule files whose examples to run; none: the built-in rules."),
    ] = None,
) -> None:
    """Run every rule's examples: `fire` texts must trigger it, `pass` texts must not. Exit 1 on a failure."""
    from .engine import Linter
    from .selftest import run_examples

    loaded = load_packs(rule_dirs)  # the pack's rules run beside the built-in ones, as in `check --pack`
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
    print(f"{plural(len(results), 'example')} of {plural(len(tested), 'rule')}: "
          f"{len(results) - len(failed)} ok, {len(failed)} failing")
    raise typer.Exit(1 if failed else 0)


@app.command("train", cls=_Command)
def train_models(
    rule_dirs: Annotated[
        Optional[list[Path]],
        typer.Argument(metavar="DIR", help="Rule packs whose classifiers to train; none: the built-in rules."),
    ] = None,
) -> None:
    """Rebuild the classifier models the rules read from labelled sentences (training/*.jsonl, and
    training/<model>/*.jsonl for one model alone).

    The same sentences always give the same model, byte for byte. Models go to models/<name>/
    beside the rule files and ship with them.
    """
    from .classify import read_sentences, train
    from .kinds.classifier import model_folder
    from .packs import builtin_rules_dir

    loaded = load_packs(rule_dirs)
    folders = [d.resolve() for d in rule_dirs] if rule_dirs else [builtin_rules_dir().resolve()]
    wanted: dict[str, set[str]] = {}
    for rule in loaded.rules:
        reading = rule if rule.kind == "classifier" else getattr(rule, "accept", None)
        folder = loaded.sources[rule.code].parent.resolve()
        if reading is not None and folder in folders:
            wanted.setdefault(model_folder(folder, reading.model), set()).add(reading.label)
    if not wanted:
        fail("no classifier rules to train in " + ", ".join(str(f) for f in folders))
        raise typer.Exit(2)
    for target, labels in sorted(wanted.items()):
        data_dir = Path(target).parents[1] / "training"
        if Path(target).parents[1] == builtin_rules_dir().resolve():
            data_dir = Path(target).parents[2] / "training"  # the repository's training/, beside rules/
        # sentences for every model in training/, and those for this model alone in training/<model>/
        files = sorted(data_dir.glob("*.jsonl")) + sorted((data_dir / Path(target).name).glob("*.jsonl"))
        if not files:
            fail(f"{data_dir}: no labelled sentences (*.jsonl) to train {target} on")
            raise typer.Exit(2)
        try:
            rows = sorted(set(read_sentences(files)), key=lambda row: (row[0], sorted(row[1]), sorted(row[2])))
        except ValueError as exc:
            fail(str(exc))
            raise typer.Exit(2) from None
        unused = sorted({label for _, tags, _ in rows for label in tags} - labels)
        train(rows, sorted(labels), Path(target))
        positives = {label: sum(label in tags for _, tags, _ in rows) for label in sorted(labels)}
        print(f"{target}: {plural(len(rows), 'sentence')}; " + ", ".join(f"{k} {v}" for k, v in positives.items())
              + (f" (labels no rule reads: {', '.join(unused)})" if unused else ""))


@app.command(cls=_Command)
def fix(
    paths: Annotated[list[str], typer.Argument(metavar="PATH", help="Draft files or folders to fix.")],
    show_diff: Annotated[bool, typer.Option("--diff", help="Show what would change, as a unified diff.")] = False,
    write: Annotated[bool, typer.Option("--write", help="Write the fixes; without it nothing on disk changes.")] = False,
    context: Annotated[
        Optional[list[str]], typer.Option("--context", "-c", metavar="KEY=VALUE", help="Context, as for check.")
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
    rules = load_rules(rules_dirs)
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
                print(f"{path}: fixed {plural(len(edits), 'problem')}")
            fixable += len(edits)
            files_changed += 1
        except (DraftError, OSError) as exc:
            errors.append(f"{path}: {getattr(exc, 'strerror', None) or exc}")
    if "-" in paths:
        errors.append("-: fix works on files; use check for standard input")
    errors[:0] = [f"{where}: {message}" for where, message in problems]
    if not write:
        print(f"{plural(fixable, 'problem')} in {plural(files_changed, 'file')} "
              "would be fixed; run with --write to apply" if fixable else "nothing to fix")
    for error in errors:
        fail(error)
    raise typer.Exit(2 if errors else 1 if fixable and not write else 0)


@app.command("report", cls=_Command)
def class_report(
    paths: Annotated[list[str], typer.Argument(
        metavar="PATH", help="A class folder (one sub-folder per student, as drafts/ana/), a student's folder, or drafts.")],
    output_format: Annotated[ClassFormat, typer.Option("--format", "-f", help="Report format.")] = ClassFormat.html,
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", metavar="FILE", help="Write to this file instead of standard output.")] = None,
    config_file: Annotated[Optional[Path], typer.Option("--config", metavar="FILE", help="Use this config file.")] = None,
    rules_dirs: RulesOption = None,
) -> None:
    """A class's view: one row per draft (student, score, band, findings by category and by line) and the most common problems."""
    from .reading import DEFAULT_MAX_CHARS
    from .reporters.class_report import RENDERERS, build

    output_format = output_format.value
    settings_for = settings_finder(config_file, None, [], rules_dirs or [], None, None)
    reports, errors, _, _, _, _ = collect(paths, None, DEFAULT_MAX_CHARS, settings_for, False, None, None, 0)
    roots = [Path(p) for p in paths if p != "-" and Path(p).is_dir()]
    categories = load_packs([*settings_for(paths[0]).packs]).categories
    page = RENDERERS[output_format](build(reports, roots, categories))
    if output is None:
        sys.stdout.write(page)
    else:
        try:
            output.write_text(page, encoding="utf-8")
        except OSError as exc:
            fail(f"{output}: cannot write: {exc.strerror or exc}")
            raise typer.Exit(2) from None
    for error in errors:
        fail(f"{error['path']}: {error['message']}")
    raise typer.Exit(2 if errors else 0)


@app.command("new-rule", cls=_Command)
def new_rule(
    name: Annotated[str, typer.Argument(
        metavar="NAME", help="The rule's name: lower-case words joined by hyphens (no-salary-talk).")],
    kind: Annotated[str, typer.Option(
        "--kind", metavar="KIND", help=f"The rule's kind: {_one_of(_kind_names())}.")] = "existence",
    category: Annotated[str, typer.Option(
        "--category", metavar="NAME", help="A built-in category or one your pack.yaml declares.")] = "",
    severity: Annotated[str, typer.Option("--severity", metavar="LEVEL", help="error, warning or info.")] = "warning",
    code: Annotated[Optional[str], typer.Option(
        "--code", metavar="CODE", help="NL plus 3-4 digits; default: the next free hundred.")] = None,
    directory: Annotated[Path, typer.Option(
        "--dir", metavar="DIR", help="The pack folder to write the rule file into.")] = Path("."),
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
    loaded = load_packs([directory] if any(directory.glob("*.y*ml")) else [])
    if kind not in CONTEXT_KINDS and category not in loaded.categories:
        from .wording import did_you_mean

        fail(
            f"--category {category!r} is not declared; use one of {', '.join(loaded.categories)}, or declare it in "
            f"{directory / 'pack.yaml'} under `categories:` with a title and a description"
            + did_you_mean(category, loaded.categories)
        )
        raise typer.Exit(2)
    used = {r.code for r in loaded.rules}
    if code is None:
        top = max(int(c[2:]) for c in used if len(c) >= 5 or not c.startswith("NL0"))
        code = f"NL0{min(int(c[2:]) for c in used if c.startswith('NL0')) + len(used)}" if kind in CONTEXT_KINDS else None
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
    """The console script: a usage mistake (bad option, bad choice, missing path) is one line and exit 2."""
    from typer._click.exceptions import NoArgsIsHelpError, UsageError

    try:
        code = app(standalone_mode=False)  # rich handles a closed pipe (`notelint check ... | head`) quietly itself
    except NoArgsIsHelpError as exc:
        print(exc.ctx.get_help() if exc.ctx else "")
        code = 2
    except UsageError as exc:
        message = re.sub(r"\bValue error, ", "", exc.format_message()).replace("\n", " ")
        command = exc.ctx.command_path if exc.ctx else "notelint"
        fail(f"{message} (see `{command} --help`)")
        code = 2
    except KeyboardInterrupt:
        code = 130
    sys.exit(code if isinstance(code, int) else 0)


@app.command("eval", cls=_Command)
def evaluate_command(
    paths: Annotated[list[str], typer.Argument(metavar="PATH", help="Labeled drafts or folders (front matter `expect:`).")],
    output_format: Annotated[EvalFormat, typer.Option("--format", "-f", help="Report format.")] = EvalFormat.text,
    min_precision: Annotated[float, typer.Option(
        "--min-precision", metavar="RATE", help="Exit 1 if a category falls below (0-1).")] = 0.0,
    min_recall: Annotated[float, typer.Option(
        "--min-recall", metavar="RATE", help="Exit 1 if a category falls below (0-1).")] = 0.0,
    min_auc: Annotated[float, typer.Option(
        "--min-auc", metavar="AUC", help="Exit 1 if the score AUC falls below (0-1).")] = 0.0,
    min_support: Annotated[
        int, typer.Option("--min-support", metavar="N", help="Bars apply to categories with at least this many positives.")
    ] = 10,
    rules_dirs: RulesOption = None,
) -> None:
    """Measure precision, recall and F1 of the rules on labeled drafts."""
    from .draft import DraftError, expand_paths, read_draft
    from .engine import Linter
    from .evaluate import evaluate, failures
    from .reporters import eval_report

    output_format = output_format.value
    loaded = load_packs(rules_dirs)
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
