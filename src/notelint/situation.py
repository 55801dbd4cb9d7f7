"""The note's situation beyond the rules' context filters: who it is for, which company and role,
when the interview was and when the note goes out, and the writer's own interview notes.

Every value may come from four places, the later winning: the config's `[context]` table, a
`notelint.yaml` context file in the draft's folder (shared by all drafts of one application), the
draft's front matter, and the command line (`--context key=value`, `--interview FILE`). The
situation keeps where each value came from, so every report can say it.

`audience`, `stage` and `medium` stay the rules' context filters (`Draft.context`); the keys here
are free text and dates, read by the personalization, timing and specificity rules and by the
check across the notes sent after one interview (panel.py).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .model import CONTEXT_VALUES

SITUATION_KEYS = ("to", "company", "role", "interview_date", "send_date", "interview")
CONTEXT_FILE = "notelint.yaml"
# every key a context file, a config's [context] table or --context may hold
ALL_KEYS = (*CONTEXT_VALUES, "words", *SITUATION_KEYS)
CLOCK_ENV = "NOTELINT_NOW"  # an ISO date and time that stands for "now" (tests, reproducible runs)
# titles a person may introduce themselves with; the formal ones are kept in a greeting
TITLES = {"mr": "Mr.", "mrs": "Mrs.", "ms": "Ms.", "miss": "Miss", "mx": "Mx.", "dr": "Dr.", "doctor": "Dr.",
          "prof": "Prof.", "professor": "Prof.", "sir": "Sir", "dame": "Dame", "rev": "Rev.", "judge": "Judge"}
FORMAL_TITLES = frozenset({"Dr.", "Prof.", "Rev.", "Judge", "Sir", "Dame"})
ISO_MOMENT = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ](\d{1,2}:\d{2}(?::\d{2})?))?$")
MAX_NOTES_CHARS = 100_000


class SituationError(Exception):
    """A bad context key or value; the message is one line with the file (or option) and the key."""


@dataclass(frozen=True)
class Moment:
    """A date, with a time of day when one was given."""

    at: datetime
    timed: bool

    def iso(self) -> str:
        return self.at.strftime("%Y-%m-%dT%H:%M") if self.timed else self.at.date().isoformat()

    @property
    def day(self) -> date:
        return self.at.date()


@dataclass(frozen=True)
class Person:
    """Someone the note is for, as they introduced themselves: "Dr. Anneli Lindqvist"."""

    written: str
    title: str | None = None  # "Dr.", as TITLES spells it
    given: str | None = None
    family: str | None = None

    @property
    def formal(self) -> bool:
        return self.title in FORMAL_TITLES

    @property
    def greeting_name(self) -> str:
        """How a greeting names them: "Dr. Lindqvist", "Ms. Okafor", or the name as given."""
        if self.title and self.family:
            return f"{self.title} {self.family}"
        return self.written

    def names(self) -> tuple[str, ...]:
        return tuple(n for part in (self.given, self.family) if part for n in part.split())


@dataclass(frozen=True)
class Topic:
    """One line of the writer's interview notes: a topic, name, project or problem."""

    label: str  # as the message names it: "the Atlas migration"
    text: str  # the whole line, markers removed


@dataclass(frozen=True)
class Situation:
    """What notelint knows about a note's situation, and where each value came from."""

    to: tuple[Person, ...] = ()
    company: str | None = None
    role: str | None = None
    interview_date: Moment | None = None
    send_date: Moment | None = None
    interview: str | None = None  # the interview notes' path, as resolved
    topics: tuple[Topic, ...] = ()  # read from the interview notes
    now: Moment | None = None  # the moment of the check, when send_date is not given
    sources: tuple[tuple[str, str], ...] = ()  # key -> where its value came from, for every stated key
    notes_digest: str = ""  # the interview notes' content, hashed, for the report cache

    @property
    def source(self) -> dict[str, str]:
        return dict(self.sources)

    def sent(self) -> Moment:
        """When the note goes out: send_date, or the moment of the check."""
        return self.send_date or self.now or clock()

    def uses_clock(self) -> bool:
        """True when a report depends on the time of the check (a late or night note, judged against now)."""
        return self.interview_date is not None and self.send_date is None

    def values(self) -> dict[str, Any]:
        """The stated values as a report shows them (JSON-ready)."""
        out: dict[str, Any] = {}
        if self.to:
            out["to"] = [p.written for p in self.to]
        for key in ("company", "role"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        for key in ("interview_date", "send_date"):
            if getattr(self, key):
                out[key] = getattr(self, key).iso()
        if self.interview:
            out["interview"] = self.interview
        if self.uses_clock() and self.now is not None:
            out["send_date"] = self.now.iso()
        return out

    def shown_sources(self) -> dict[str, str]:
        """Where each value came from; a send date read from the clock says so."""
        sources = self.source
        if self.uses_clock() and self.now is not None:
            sources["send_date"] = f"now ({CLOCK_ENV})" if os.environ.get(CLOCK_ENV) else "now"
        return sources


NO_SITUATION = Situation()


def clock() -> Moment:
    """Now, or NOTELINT_NOW when set (so tests and reproducible runs never depend on the real time)."""
    fixed = os.environ.get(CLOCK_ENV)
    if fixed:
        return parse_moment(fixed, CLOCK_ENV)
    return Moment(datetime.now().replace(second=0, microsecond=0), True)


def parse_moment(value: Any, where: str) -> Moment:
    text = str(value).strip()
    match = ISO_MOMENT.match(text)
    try:
        if not match:
            raise ValueError
        day = date.fromisoformat(match.group(1))
        if match.group(2):
            clock_time = datetime.strptime(match.group(2), "%H:%M:%S" if match.group(2).count(":") == 2 else "%H:%M")
            return Moment(datetime.combine(day, clock_time.time()), True)
        return Moment(datetime.combine(day, datetime.min.time()), False)
    except ValueError:
        raise SituationError(f"{where}: {text!r} is not an ISO date (write 2026-03-02, or 2026-03-02 14:30)") from None


def parse_person(written: str) -> Person:
    words = written.split()
    title = None
    while words and words[0].lower().rstrip(".") in TITLES and len(words) > 1:
        title = TITLES[words.pop(0).lower().rstrip(".")]
    if not words:
        return Person(written, title)
    if len(words) == 1:
        return Person(written, title, None, words[0]) if title else Person(written, None, words[0], None)
    return Person(written, title, words[0], " ".join(words[1:]))


def _text(value: Any, where: str) -> str:
    if isinstance(value, (dict, list, bool)) or value is None or not str(value).strip():
        raise SituationError(f"{where}: expected text")
    return " ".join(str(value).split())


def _names(value: Any, where: str) -> tuple[Person, ...]:
    values = value if isinstance(value, list) else [value]
    if not values or any(isinstance(v, (dict, list, bool)) or v is None or not str(v).strip() for v in values):
        raise SituationError(f"{where}: expected a name, or a list of names when several people interviewed you")
    return tuple(parse_person(" ".join(str(v).split())) for v in values)


def _words(value: Any, where: str) -> frozenset[str]:
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(v, (str, int)) for v in values):
        raise SituationError(f"{where}: expected a list of words")
    return frozenset(part.lower() for v in values for part in str(v).split())


@dataclass
class Layer:
    """The context values one source states, checked: filter keys, words, and situation values."""

    name: str  # as reports show it: "front matter", "--context", "drafts/acme/notelint.yaml"
    context: dict[str, str] = field(default_factory=dict)
    words: frozenset[str] = frozenset()
    values: dict[str, Any] = field(default_factory=dict)


def read_layer(raw: dict[str, Any], name: str, base: Path, *, strict: bool, where: str | None = None) -> Layer:
    """Check one source's keys and values. `strict`: an unknown key is an error (not so in front matter,
    where other tools' keys live). `base`: the folder a relative `interview:` path starts from."""
    from .wording import did_you_mean

    where = where or name
    layer = Layer(name)
    for key, value in raw.items():
        key = str(key)
        at = f"{where}: {key}"
        if key in CONTEXT_VALUES:
            if value is None:
                continue
            allowed = CONTEXT_VALUES[key]
            folded = str(value).strip().lower()
            if folded not in allowed:
                raise SituationError(f"{at}: {value!r} is not one of {', '.join(allowed)}" + did_you_mean(folded, allowed))
            layer.context[key] = folded
        elif key == "words":
            if value is not None:
                layer.words = _words(value, at)
        elif key in SITUATION_KEYS:
            if value is None:
                continue
            if key == "to":
                layer.values[key] = _names(value, at)
            elif key in ("company", "role"):
                layer.values[key] = _text(value, at)
            elif key in ("interview_date", "send_date"):
                layer.values[key] = parse_moment(value, at)
            else:
                layer.values[key] = _notes_path(value, at, base)
        elif strict:
            raise SituationError(f"{at}: unknown key" + (did_you_mean(key, ALL_KEYS) or f" (known: {', '.join(ALL_KEYS)})"))
    return layer


def _notes_path(value: Any, where: str, base: Path) -> Path:
    path = Path(_text(value, where)).expanduser()
    path = path if path.is_absolute() else base / path
    if not path.is_file():
        raise SituationError(f"{where}: {value}: no such file")
    return path


def options_layer(options: list[str], interview: Path | None = None) -> Layer:
    """`--context key=value` options (and `--interview FILE`) as one layer; a `to` of several people is
    written with commas: `--context "to=Dr. Anneli Lindqvist, Tom Reyes"`."""
    raw: dict[str, Any] = {}
    for option in options:
        key, sep, value = option.partition("=")
        key = key.strip().lower()
        if not sep or key not in ALL_KEYS:
            from .wording import did_you_mean

            raise SituationError(f"--context {option!r}: expected key=value with key one of {', '.join(ALL_KEYS)}"
                                 + (did_you_mean(key, ALL_KEYS) if sep else ""))
        if key in ("to", "words") and "," in value:
            raw[key] = [v.strip() for v in value.split(",") if v.strip()]
        else:
            raw[key] = value
    layer = read_layer(raw, "--context", Path.cwd(), strict=True)
    if interview is not None:
        path = interview.expanduser()
        if not path.is_file():
            raise SituationError(f"--interview: {interview}: no such file")
        layer.values["interview"] = path
        layer.context = dict(layer.context)
    return layer


def read_context_file(path: Path) -> Layer:
    """A notelint.yaml context file: a mapping of known keys; anything else is one line and exit 2."""
    from . import yaml12

    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise SituationError(f"{path}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    try:
        data = yaml12.load(text, max_nodes=10_000)
    except yaml12.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" (line {mark.line + 1})" if mark else ""
        problem = getattr(exc, "problem", None) or exc
        raise SituationError(f"{path}: not valid YAML{line}: {problem}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise SituationError(f"{path}: expected a mapping of keys to values (to: ..., company: ...)")
    return read_layer(data, str(path), path.parent, strict=True)


def read_notes(path: Path) -> tuple[tuple[Topic, ...], str]:
    """The topics of an interview-notes file, and a digest of its bytes."""
    import hashlib

    from .interview import topics
    from .reading import DraftError, decode_bytes

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SituationError(f"{path}: cannot read the interview notes: {exc.strerror or exc}") from None
    if len(data) > MAX_NOTES_CHARS * 4:
        raise SituationError(f"{path}: interview notes over {MAX_NOTES_CHARS:,} characters; keep the notes to the point")
    try:
        text = decode_bytes(data)[0]
    except DraftError as exc:
        raise SituationError(f"{path}: interview notes: {exc}") from None
    return topics(text), hashlib.sha256(data).hexdigest()


def settle(layers: list[Layer], now: Moment | None = None) -> tuple[dict[str, str], frozenset[str], Situation]:
    """Merge layers, later winning: (context filters, extra known words, situation with sources)."""
    context: dict[str, str] = {}
    words: frozenset[str] = frozenset()
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    for layer in layers:
        for key, value in layer.context.items():
            context[key], sources[key] = value, layer.name
        for key, value in layer.values.items():
            values[key], sources[key] = value, layer.name
        if layer.words:
            words |= layer.words
    notes = values.pop("interview", None)
    topics, digest = read_notes(notes) if notes is not None else ((), "")
    situation = Situation(
        to=values.get("to", ()), company=values.get("company"), role=values.get("role"),
        interview_date=values.get("interview_date"), send_date=values.get("send_date"),
        interview=str(notes) if notes is not None else None, topics=topics, notes_digest=digest,
        sources=tuple(sources.items()),
    )
    if situation.uses_clock():
        situation = replace(situation, now=now or clock())
    return context, words, situation


def front_matter_layer(meta: dict[str, Any], draft_path: str) -> Layer:
    """The keys a draft's front matter states (other keys are other tools': ignored)."""
    base = Path.cwd() if draft_path in ("-", "<stdin>") else Path(draft_path).parent
    known = {k: v for k, v in meta.items() if k in ALL_KEYS}
    return read_layer(known, "front matter", base, strict=False)


def with_situation(draft, config=None, options: Layer | None = None, context_file: Layer | None = None,  # noqa: ANN001
                   now: Moment | None = None):  # noqa: ANN201 - a Draft
    """The draft with its context settled from every source: config, context file, front matter, options."""
    layers: list[Layer] = []
    if config is not None and config.path is not None and (config.context or config.words):
        layers.append(read_layer(dict(config.context), str(config.path), config.root, strict=True,
                                 where=f"{config.path}: context"))
    if context_file is not None:
        layers.append(context_file)
    layers.append(front_matter_layer(draft.meta, draft.path))
    if options is not None:
        layers.append(options)
    context, words, situation = settle(layers, now)
    return replace(draft, context=context, known_words=draft.known_words | words, situation=situation)


def for_example(text: str, context: dict[str, Any], notes: str | None = None):  # noqa: ANN201 - a Draft
    """A rule example's draft: its text, with its context (filter keys and situation keys) stated."""
    import hashlib

    from .draft import parse_draft
    from .interview import topics

    layer = read_layer({k: v for k, v in context.items() if k != "interview"}, "example", Path.cwd(), strict=True)
    draft = parse_draft("example.txt", text, dict(layer.context))
    _, _, situation = settle([layer], now=None)
    if notes is not None:
        situation = replace(situation, topics=topics(notes), interview="(example notes)",
                            notes_digest=hashlib.sha256(notes.encode()).hexdigest())
    return replace(draft, situation=situation)


def context_file_finder():  # noqa: ANN201 - path -> Layer | None
    """path -> the notelint.yaml context file in the draft's folder (read once per folder), or None."""
    read: dict[Path, Layer | SituationError | None] = {}

    def find(path: str) -> Layer | None:
        folder = (Path.cwd() if path in ("-", "<stdin>") else Path(path).parent).resolve()
        if folder not in read:
            candidate = folder / CONTEXT_FILE
            shown = Path(CONTEXT_FILE) if path in ("-", "<stdin>") else Path(path).parent / CONTEXT_FILE
            try:
                read[folder] = read_context_file(shown) if candidate.is_file() else None
            except SituationError as exc:
                message = str(exc)
                error = SituationError(message[len(str(shown)) + 2:] if message.startswith(f"{shown}: ") else message)
                error.file = str(shown)  # reported once, as the file's own mistake
                read[folder] = error
        found = read[folder]
        if isinstance(found, SituationError):
            raise found
        return found

    return find


def notes_named(layer: Layer | None) -> Path | None:
    """The interview notes a context file names: a file beside the drafts that is not a draft."""
    notes = layer.values.get("interview") if layer is not None else None
    return Path(notes).resolve() if notes is not None else None
