"""Rules that read meaning: a trained sentence classifier behind declarative rule files (issue 16)."""
from __future__ import annotations

import filecmp
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from notelint.cli import app
from notelint.draft import parse_draft
from notelint.model import Severity


def flagged(linter, sentence: str, **context: str) -> dict[str, str]:
    body = ("Dear Ms. Okafor,\n\nThank you for the tour of the Atlas depot on Tuesday and the talk about the new "
            f"scanners. {sentence}\n\nBest regards,\nJo Marsh")
    report = linter.lint_text(parse_draft("note.txt", body, context or None))
    return {f.category: f.rule for f in report.findings if f.severity is not Severity.INFO}


# The sentences the issue quotes (several were among the training sentences) ...
QUOTED = [
    ("gifts", "I'm leaving a jar of my dad's chilli jam at reception for the team."),
    ("gifts", "Two tickets to Saturday's match are yours if you want them."),
    ("gifts", "The next round of flat whites is on me."),
    ("gifts", "Keep an eye out for a lunch e-voucher from me."),
    ("arrogance", "Frankly your onboarding flow feels dated and I could fix it in a week."),
    ("arrogance", "You won't find anyone who has done this as often as I have."),
    ("money", "I'd need a signing bonus and four weeks' leave before saying yes."),
    ("negativity", "My current director is clueless, so this move can't come soon enough."),
    ("deference", "Sorry again for rambling, I must have bored you to tears."),
]
# ... and new ones of each kind, not in the training sentences
NEW = [
    ("gifts", "Consider the concert tickets in the envelope a small thank you."),
    ("social_media", "Hope you don't mind that I added you on Facebook after the interview."),
    ("pushy_follow_up", "If I haven't heard by Friday I'll come by reception to ask."),
    ("deference", "Apologies for waffling so much on Tuesday; I'm sure I wasted a good hour of your day."),
    ("desperation", "This job would honestly save me, I don't know what I'll do otherwise."),
    ("money", "I would also expect private healthcare and a four-day week as part of any package."),
    ("negativity", "To be frank, the people at my current firm are lazy and I can't wait to get out."),
    # runs down the reader's process and presumes the writer is the fix: the label guide gives it both
    # categories (training/README.md), and either finding tells the writer what to change
    ("arrogance|negativity", "Your current process is clearly broken and I'm the one to fix it."),
]


@pytest.mark.parametrize("category, sentence", QUOTED + NEW)
def test_a_problem_said_in_new_words_is_caught(linter, category, sentence):
    assert set(category.split("|")) & set(flagged(linter, sentence))


@pytest.mark.parametrize("sentence", [
    "I'd happily roll up my sleeves on the rollout.",
    "That's a team I would jump into tomorrow.",
    "My background would let me hit the ground running on it.",
    "I'm keen as mustard to help with the spring launch.",
    "The scanner rollout is the kind of work I'd gladly take off your plate.",
])
def test_interest_said_in_other_words_clears_no_interest(linter, sentence):
    assert "interest" not in flagged(linter, sentence)


@pytest.mark.parametrize("sentence", [
    "Our gift card platform grew quickly last year, which is why the fraud work interests me.",
    "I won't be calling the office; I'll wait to hear from you.",
    "I know your policy rules out gifts, so this note will have to do.",
    "You mentioned the team's Instagram campaign for the spring range, which sounded great fun.",
    "I'm leaving my current role because it has no room to grow into analytics.",
    "Thank you for explaining the salary bands and the benefits so clearly.",
    "Sorry I was a few minutes late on Tuesday; the trains were a mess.",
])
def test_near_misses_stay_clean(linter, sentence):
    assert not set(flagged(linter, sentence + " I'd love to help the team with the scanner rollout.")) - {"specificity"}


def test_money_is_fine_once_an_offer_is_on_the_table(linter):
    sentence = "Before I sign, could we talk about the salary and the relocation allowance?"
    assert "money" not in flagged(linter, sentence, stage="after-offer")


def test_a_finding_points_at_the_sentence_and_says_how_sure_it_is(linter):
    body = "Dear Ms. Okafor,\n\nThank you for Tuesday.\nKeep an eye out for a lunch e-voucher from me.\n\nBest,\nJo Marsh"
    [gift] = [f for f in linter.lint_text(parse_draft("note.txt", body)).findings if f.category == "gifts"]
    assert gift.rule == "NL602" and gift.match == "Keep an eye out for a lunch e-voucher from me."
    assert gift.message.startswith("Reads as offering a gift to someone deciding on your application (0.")


def test_quoted_words_are_not_read_as_the_writer_s(linter):
    sentence = 'You joked that one candidate wrote "keep an eye out for a lunch e-voucher from me" to you.'
    assert "gifts" not in flagged(linter, sentence)


def test_train_gives_the_same_model_from_the_same_sentences(tmp_path):
    """`notelint train` on a pack: deterministic, byte for byte, and the pack's own rule reads the model."""
    pack = tmp_path / "pack"
    (pack / "training").mkdir(parents=True)
    (pack / "NL9001-talks-shop.yaml").write_text("""\
code: NL9001
name: talks-shop
category: casual_tone
severity: info
kind: classifier
model: shop
label: shop
threshold: 0.5
message: "Talks shop ({score})"
why: >
  A test rule.
instead: >
  Leave it out.
examples:
  fire: ["The quarterly numbers and the margin forecast look strong."]
  pass: ["Thank you for the lovely afternoon."]
""")
    shop = ["The quarterly numbers and the margin forecast look strong.", "Our margins and the revenue forecast improved.",
            "Revenue grew and the quarterly margin held.", "The forecast for quarterly revenue is up."]
    other = ["Thank you for the lovely afternoon.", "It was great to meet the team.", "I enjoyed the tour of the garden.",
             "Thanks again for your time today.", "The coffee was lovely and so was the view."]
    rows = [{"text": t, "labels": ["shop"]} for t in shop * 3] + [{"text": t, "labels": []} for t in other * 3]
    (pack / "training" / "shop.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    runner = CliRunner()
    first = runner.invoke(app, ["train", str(pack)])
    assert first.exit_code == 0, first.output
    assert "models/shop: 9 sentences; shop 4" in first.stdout
    copy = tmp_path / "first"
    import shutil

    shutil.copytree(pack / "models" / "shop", copy)
    assert runner.invoke(app, ["train", str(pack)]).exit_code == 0
    compared = filecmp.dircmp(copy, pack / "models" / "shop")
    assert not compared.diff_files and not compared.left_only and not compared.right_only
    assert all(not filecmp.dircmp(copy / d, pack / "models" / "shop" / d).diff_files for d in compared.common_dirs)
    tested = runner.invoke(app, ["test", str(pack)])
    assert tested.exit_code == 0, tested.output


def _write_shop_rule(pack: Path) -> None:
    """A classifier rule reading a model `shop` that the pack does not (or not properly) hold."""
    (pack / "NL9001-talks-shop.yaml").write_text(
        "code: NL9001\nname: talks-shop\ncategory: casual_tone\nseverity: info\nkind: classifier\nmodel: shop\n"
        "label: shop\nthreshold: 0.5\nmessage: \"Talks shop\"\nwhy: x\ninstead: y\n"
        "examples: {fire: [\"a\"], pass: [\"b\"]}\n")


def test_a_missing_model_is_one_line_and_exit_2(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    _write_shop_rule(pack)
    draft = tmp_path / "note.txt"
    draft.write_text("Dear Ana,\n\nThank you.\n\nBest,\nJo")
    result = CliRunner().invoke(app, ["check", "--no-cache", "--pack", str(pack), str(draft)])
    assert result.exit_code == 2
    assert "no trained model at" in result.stderr and "run `notelint train`" in result.stderr
    assert "Traceback" not in result.output


def test_the_shipped_models_are_small(rules):
    folder = Path(rules[0].__class__.__module__ and __file__).resolve().parents[1] / "rules" / "models"
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    assert size < 10 * 2**20, f"{size:,} bytes of models; the budget is 10 MiB"


def test_a_damaged_model_is_one_line_and_exit_2(tmp_path):
    pack = tmp_path / "pack"
    (pack / "models" / "shop").mkdir(parents=True)
    (pack / "models" / "shop" / "config.cfg").write_text("[this is not\na spaCy config")
    _write_shop_rule(pack)
    draft = tmp_path / "note.txt"
    draft.write_text("Dear Ana,\n\nThank you for the long and lovely tour of the clinic on Tuesday.\n\nBest,\nJo")
    result = CliRunner().invoke(app, ["check", "--no-cache", "--pack", str(pack), str(draft)])
    assert result.exit_code == 2
    assert "the model cannot be read" in result.stderr and "Traceback" not in result.output
