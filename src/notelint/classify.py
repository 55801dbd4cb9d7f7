"""Sentence classifiers: spaCy text-categorisation models trained on labelled sentences, run offline.

A model is a folder written by `notelint train` (a spaCy pipeline holding one bag-of-words
`textcat_multilabel`); it is loaded once per process, on the first rule that needs it, and
scores every sentence of a note once for all the rules that read it.
"""
from __future__ import annotations

import bisect
import json
import random
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from .packs import RulePackError

if TYPE_CHECKING:
    from .note import Note

SEED = 0
EPOCHS = 30
BATCH = 16
HASH_LENGTH = 2**16  # rows of the bag-of-words table: about 0.25 MB a label
LABELS_FILE = "labels.json"
COMPONENT = "textcat_multilabel"  # the one trained component in a model folder
# a greeting, a sign-off, a name or a slot ("Your Name") is not a sentence with a meaning to read;
# the classifier, trained on sentences, scores such fragments at random
MIN_WORDS = 5
# Training sentences carry one meaning each; a sentence in a note often joins two ("thank you for
# the tour, and it made me want the role even more"), and a bag of words reads the mix as neither.
# So each clause is read too. A short clause ("I'll be straight with you") is read less reliably
# than a sentence: to raise a finding a clause must reach CLAUSE_BAR, and to quiet an "absent" rule
# CLAUSE_ACCEPT_BAR ("I would be glad to share the template we used" is an offer of help, and a
# model trained on real notes reads it at about 0.7 as wanting the job).
CLAUSE_BAR = 0.85
CLAUSE_ACCEPT_BAR = 0.75
CLAUSE_BREAK = re.compile(r"\s[—–-]\s|;\s|:\s|\s\(|\)\s|,\s(?=(?:and|but|so|which|because|as|while|though|although|since|yet)\b)")


class ModelError(RulePackError):
    """A classifier model that is missing or cannot be read: reported like a broken rule pack, one line, exit 2."""

    def __init__(self, problem: str):
        super().__init__([problem])

    def __reduce__(self):  # noqa: ANN204 - so that it crosses from a worker process intact
        return (ModelError, (self.problems[0],))


@lru_cache(maxsize=8)
def load(folder: str):  # noqa: ANN201 - a spaCy TextCategorizer
    """The classifier in `folder`, loaded once; a missing or damaged one is a ModelError naming the folder.

    Only the trained component is read, onto a bare pipeline: the notes are already tokenized, and
    loading the folder as a whole pipeline would build a second English tokenizer (0.15 s at start).
    """
    path = Path(folder)
    if not (path / "config.cfg").is_file():
        raise ModelError(f"{path}: no trained model here; run `notelint train` to build it")
    try:
        from spacy.language import Language
        from spacy.util import load_config

        settings = dict(load_config(path / "config.cfg")["components"][COMPONENT])
        factory = settings.pop("factory")
        textcat = Language().create_pipe(factory, name=COMPONENT, config=settings)
        return textcat.from_disk(path / COMPONENT, exclude=["vocab"])
    except Exception as exc:  # spaCy and thinc raise many kinds for a damaged model folder
        raise ModelError(f"{path}: the model cannot be read ({exc.__class__.__name__}); run `notelint train`") from None


def sentence_scores(note: Note, folder: str) -> list[tuple[object, dict[str, float], dict[str, float]]]:
    """(sentence span, {label: probability}, {label: its best clause's probability}) for each sentence
    of the note proper, computed once per note. A sentence of one clause has its own scores twice."""
    cache = note.classified
    if folder not in cache:
        textcat = load(folder)
        spans = [s for s in note.sentences if len(note.text[s.start:s.end].split()) >= MIN_WORDS]
        scored = []
        if spans:
            from spacy.tokens import Doc

            # each piece as a Doc of the note's own tokens (what Span.as_doc gives, at a tenth of its cost)
            vocab, starts, words = note.doc.vocab, [t.idx for t in note.doc], [t.text for t in note.doc]
            docs, owner = [], []
            for n, span in enumerate(spans):
                for start, end in _sentence_and_clauses(note.text, span):
                    first, last = bisect.bisect_right(starts, start) - 1, bisect.bisect_left(starts, end)
                    if last > max(first, 0):
                        docs.append(Doc(vocab, words=words[max(first, 0):last]))
                        owner.append(n)
            rows = textcat.predict(docs).tolist() if docs else []
            whole: dict[int, list[float]] = {}  # the sentence's own scores (it comes first)
            best: dict[int, list[float]] = {}  # the best of its clauses
            for n, row in zip(owner, rows):
                if n not in whole:
                    whole[n] = row
                else:
                    best[n] = [max(a, b) for a, b in zip(best[n], row)] if n in best else row
            labels = textcat.labels
            scored = [(span, dict(zip(labels, whole[n])), dict(zip(labels, best.get(n, whole[n]))))
                      for n, span in enumerate(spans) if n in whole]
        cache[folder] = scored
    return cache[folder]


def _sentence_and_clauses(text: str, sentence) -> list[tuple[int, int]]:  # noqa: ANN001 - a Span
    """Offsets of the sentence, and of its clauses of MIN_WORDS words or more when it has more than one."""
    pieces, start = [], sentence.start
    for brk in CLAUSE_BREAK.finditer(text, sentence.start, sentence.end):
        pieces.append((start, brk.start()))
        start = brk.end()
    pieces.append((start, sentence.end))
    clauses = [(a, b) for a, b in pieces if len(text[a:b].split()) >= MIN_WORDS]
    return [(sentence.start, sentence.end), *clauses] if len(clauses) > 1 else [(sentence.start, sentence.end)]


Row = tuple[str, frozenset[str], frozenset[str]]  # the sentence, the labels it carries, the labels not judged


def read_sentences(paths: Iterable[Path]) -> list[Row]:
    """Labelled sentences from JSON-lines files, one a line: {"text": ..., "labels": [...]}, and optionally
    "unknown": [...], labels the sentence was not judged for (they teach the model nothing either way).
    A bad line raises ValueError."""
    rows = []
    for path in sorted(paths):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                rows.append((str(row["text"]), frozenset(row.get("labels", [])), frozenset(row.get("unknown", []))))
            except (ValueError, KeyError, TypeError) as exc:
                raise ValueError(f"{path}:{number}: expected {{\"text\": ..., \"labels\": [...]}} ({exc})") from None
    return rows


def train(rows: list[Row], labels: list[str], out: Path) -> None:
    """Train a bag-of-words multilabel text classifier on `rows` and write it to `out`: same data, same bytes."""
    import spacy
    from spacy.training import Example
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(SEED)
    nlp = spacy.blank("en")
    textcat = nlp.add_pipe("textcat_multilabel", config={"model": {
        "@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": False, "ngram_size": 2,
        "no_output_layer": False, "length": HASH_LENGTH,
    }})
    for label in labels:
        textcat.add_label(label)
    rows = sorted(set(rows), key=lambda row: (row[0], sorted(row[1]), sorted(row[2])))
    examples = [
        Example.from_dict(nlp.make_doc(text), {"cats": {
            label: float(label in tags) for label in labels if label not in unknown  # a missing label: no loss
        }})
        for text, tags, unknown in rows
    ]
    optimizer = nlp.initialize(lambda: examples)
    order = random.Random(SEED)
    for _ in range(EPOCHS):
        order.shuffle(examples)
        for batch in minibatch(examples, size=BATCH):
            nlp.update(batch, sgd=optimizer, drop=0.0)
    out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    (out / LABELS_FILE).write_text(json.dumps({"labels": labels, "sentences": len(rows)}, indent=1) + "\n")
