"""Rule kinds as a user's pack sees them: the registry, each kind's options, and a kind added as one file."""
from __future__ import annotations

import re

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from notelint.cli import app
from notelint.draft import parse_draft
from notelint.engine import Linter
from notelint.packs import RulePackError, builtin_rules_dir, load_rules
from notelint.wording import fill

RULE = """\
code: NL9001
name: test-rule
category: casual_tone
severity: warning
kind: {kind}
message: "{message}"
why: Because.
instead: Do this.
{body}
examples:
  fire: ["{fire}"]
  pass: ["{passing}"]
"""


def pack(tmp_path: Path, kind: str, body: str, message: str = "'{match}'", fire: str = "x", passing: str = "y") -> Path:
    (tmp_path / "rule.yaml").write_text(
        RULE.format(kind=kind, body=body, message=message, fire=fire, passing=passing), encoding="utf-8"
    )
    return tmp_path


def findings(tmp_path: Path, text: str, code: str = "NL9001") -> list[tuple[str, str]]:
    """(matched words, message) of one rule's findings on a note, with the pack beside the built-in rules."""
    linter = Linter(load_rules([builtin_rules_dir(), tmp_path]))
    report = linter.lint_text(parse_draft("note.txt", text))
    return [(f.match, f.message) for f in report.findings if f.rule == code]


def test_every_kind_module_is_registered_under_its_kind_name():
    from notelint.kinds import KINDS

    assert set(KINDS) == {"classifier", "context", "existence", "form", "metric", "panel", "personal", "recall", "repeated",
                          "required", "spelling", "substitution", "timing"}
    for name, module in KINDS.items():
        assert module.Rule.model_fields["kind"].annotation.__args__ == (name,)
        assert callable(module.find)


def test_an_unknown_kind_names_the_registered_ones(tmp_path):
    pack(tmp_path, "count", "phrases: [x]")
    with pytest.raises(RulePackError) as error:
        load_rules([tmp_path])
    assert error.value.problems == [
        f"{tmp_path / 'rule.yaml'}: kind must be one of classifier, context, existence, form, metric, panel, personal, recall, repeated, required, spelling, substitution, timing"
    ]


def test_the_repeated_kind_added_as_one_file_reports_the_use_past_the_limit(tmp_path):
    pack(tmp_path, "repeated", "phrases: [passionate]\nmax: 1", message="'{match}' appears {count} times; once is enough")
    text = "Dear Ana,\n\nI am passionate about data. I am passionate about people, and Passionate about tea.\n\nBest,\nJo"
    assert findings(tmp_path, text) == [("passionate", "'passionate' appears 3 times; once is enough")]
    assert findings(tmp_path, "Dear Ana,\n\nI am passionate about data.\n\nBest,\nJo") == []


def test_phrases_match_across_line_breaks_and_extra_spaces(tmp_path):
    pack(tmp_path, "existence", "phrases: [gift card]")
    assert [m for m, _ in findings(tmp_path, "I sent a gift\ncard and a gift  card to you.")] == ["gift\ncard", "gift  card"]


def test_unless_keeps_a_rule_quiet_for_the_whole_note_but_not_for_words_in_quotation_marks(tmp_path):
    pack(tmp_path, "existence", "phrases: [gift card]\nunless:\n  phrases: [raffle prize]")
    assert findings(tmp_path, "I sent a gift card. It was the raffle prize at our office party.") == []
    assert [m for m, _ in findings(tmp_path, 'I sent a gift card. Dana called it "the raffle prize".')] == ["gift card"]
    assert [m for m, _ in findings(tmp_path, "I sent a gift card.")] == ["gift card"]


def test_case_sensitive_phrases_match_only_as_written(tmp_path):
    pack(tmp_path, "existence", "phrases: [Sir]\ncase_sensitive: true")
    assert [m for m, _ in findings(tmp_path, "Dear Sir, the sir of the house said SIR.")] == ["Sir"]


def test_substitution_matches_any_case_and_the_replacement_follows_the_capital(tmp_path):
    pack(tmp_path, "substitution", "swap: {thx: thank you, u: you}\nmatch_case: [u]",
         message="write '{replacement}' for '{match}'")
    found = findings(tmp_path, "Thx for the chat. THX again, and thx to u for it. I studied at U of T.")
    assert found == [
        ("Thx", "write 'Thank you' for 'Thx'"),
        ("THX", "write 'Thank you' for 'THX'"),
        ("thx", "write 'thank you' for 'thx'"),
        ("u", "write 'you' for 'u'"),
    ]


@pytest.mark.parametrize("body, problem", [
    ("swap: {thx: thank you, Thx: Thank you}", "swap: listed more than once: 'Thx'"),
    ("swap: {thx: thank you}\nmatch_case: [u]", "match_case: ['u'] not among the swap entries"),
    ("phrases: [gift card, Gift  Card]", "phrases: listed more than once: 'Gift  Card'"),
    ("phrases: [x]\nguards: {not_followed_by: [data, Data]}", "guards.not_followed_by: listed more than once: 'Data'"),
])
def test_an_entry_listed_twice_is_refused_whatever_its_case_and_spacing(tmp_path, body, problem):
    kind = "substitution" if body.startswith("swap") else "existence"
    pack(tmp_path, kind, body)
    with pytest.raises(RulePackError) as error:
        load_rules([tmp_path])
    assert [p.split(": ", 1)[1] for p in error.value.problems] == [problem]


# -- metric boundaries: each built-in metric rule is quiet at its limit and fires one step past it ---------

def _metric_rules():
    return [r for r in load_rules() if r.kind == "metric" and r.metric in BUILDERS]


def _note(body: str) -> str:
    return f"Dear Ana,\n\n{body}\n\nBest regards,\nJo"


# texts with exactly n of what the metric counts, inside a note with a greeting and sign-off
BUILDERS = {
    "words": lambda n: _note(" ".join(["word"] * (n - 5)) + "."),  # greeting and sign-off hold 5 words
    "sentence_words": lambda n: _note(" ".join(["word"] * n) + "."),
    "paragraph_words": lambda n: _note(" ".join(["word"] * n) + "."),
    "paragraphs": lambda n: _note("\n\n".join(["A short paragraph."] * (n - 2))),  # the greeting; the sign-off and name
    "exclamations": lambda n: _note(" ".join(["Great talk!"] * n)),
    "emoji": lambda n: _note("Thank you for the talk. " + " ".join(["🙂"] * n)),
}


@pytest.mark.parametrize("rule", _metric_rules(), ids=lambda r: f"{r.code}-{r.metric}")
def test_metric_rules_hold_at_their_limit_and_fire_one_past_it(linter, rule):
    limit = int(rule.max)
    build = BUILDERS[rule.metric]

    def fired(n: int) -> list[str]:
        report = linter.lint_text(parse_draft("note.txt", build(n)))
        return [f.message for f in report.findings if f.rule == rule.code]

    assert fired(limit) == []
    assert fired(limit + 1) == [fill(rule.message, value=limit + 1, limit=limit)]


# -- open categories ---------------------------------------------------------------------------------

HOUSE = Path(__file__).resolve().parents[1] / "examples" / "house-rules"


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def test_a_pack_category_is_listed_explained_reported_and_evaluated(tmp_path):
    listing = run("rules", "--pack", str(HOUSE)).stdout
    assert re.search(r"^NL5001 +no-salary-talk +salary_talk +warning +existence$", listing, re.M)
    assert "  salary_talk      Money talk: Questions about salary" in listing
    explained = run("explain", "no-salary-talk", "--pack", str(HOUSE)).stdout
    assert "Category\n  Money talk: Questions about salary, pay or benefits" in explained

    note = tmp_path / "note.txt"
    note.write_text("---\nexpect: [salary_talk]\n---\nDear Ana,\n\nThank you for the tour of the clinic and the triage "
                    "board. I would love to join the team. What is the salary range?\n\nBest regards,\nJo Lee\nBSc Nursing, Class of 2027\n")
    report = json.loads(run("check", "--pack", str(HOUSE), "--format", "json", str(note)).stdout)
    # the pack's phrase and the built-in money classifier each report it, under their own categories
    assert [(f["rule"], f["category"]) for f in report["files"][0]["findings"]] == [
        ("NL1501", "money"), ("NL5001", "salary_talk")
    ]
    assert report["files"][0]["findings"][1]["match"] == "salary range"
    evaluated = json.loads(run("eval", "--pack", str(HOUSE), "--format", "json", str(note)).stdout)
    assert evaluated["categories"]["salary_talk"]["tp"] == 1


def test_a_pack_cannot_declare_a_built_in_category_again(tmp_path):
    (tmp_path / "pack.yaml").write_text("categories:\n  gifts: {title: Presents, description: Again.}\n")
    pack(tmp_path, "existence", "phrases: [x]")
    result = run("rules", "--pack", str(tmp_path))
    assert result.exit_code == 2
    assert f"{tmp_path / 'pack.yaml'}: category gifts is already declared in" in result.stderr


# -- the worked example pack and `notelint test` ------------------------------------------------------

def test_the_house_rules_pack_passes_its_own_examples():
    result = run("test", str(HOUSE))
    assert result.exit_code == 0
    assert result.stdout.strip() == "14 examples of 3 rules: 14 ok, 0 failing"


def test_a_broken_example_fails_and_says_what_was_found_instead(tmp_path):
    broken = tmp_path / "house"
    broken.mkdir()
    for path in HOUSE.iterdir():
        (broken / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    rule = broken / "NL5001-no-salary-talk.yaml"
    rule.write_text(rule.read_text().replace("      match: starting pay", "      match: pay"))
    result = run("test", str(broken))
    assert result.exit_code == 1
    assert "FAIL NL5001 fire[1]: should report 'pay', but reported 'starting pay'" in result.stdout
    assert result.stdout.strip().endswith("14 examples of 3 rules: 13 ok, 1 failing")


# -- new-rule --------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["existence", "substitution", "required", "metric", "spelling", "repeated", "context"])
def test_new_rule_writes_a_file_that_loads_and_whose_todo_examples_fail(tmp_path, kind):
    made = run("new-rule", "no-salary-talk", "--kind", kind, "--category", "casual_tone", "--dir", str(tmp_path))
    assert made.exit_code == 0, made.stderr
    [path] = tmp_path.glob("*.yaml")
    assert made.stdout == f"created {path}\nfill in its TODOs, then run: notelint test {tmp_path}\n"
    text = path.read_text()
    for section in ("why:", "examples:", "fire:" if kind != "context" else "infer:", "pass:"):
        assert section in text
    assert run("rules", "--pack", str(tmp_path)).exit_code == 0  # a valid rule file
    tested = run("test", str(tmp_path))
    assert tested.exit_code == 1 and "FAIL" in tested.stdout  # until its examples are written


def test_new_rule_refuses_an_undeclared_category_and_an_existing_file(tmp_path):
    unknown = run("new-rule", "no-salary-talk", "--category", "salary_talk", "--dir", str(tmp_path))
    assert unknown.exit_code == 2
    assert unknown.stderr.startswith("notelint: error: --category 'salary_talk' is not declared; use one of length,")
    assert run("new-rule", "a-rule", "--category", "gifts", "--code", "NL9001", "--dir", str(tmp_path)).exit_code == 0
    again = run("new-rule", "b-rule", "--category", "gifts", "--code", "NL9001", "--dir", str(tmp_path))
    assert again.exit_code == 2 and "neither may be in use" in again.stderr


def test_the_words_of_a_role_s_title_are_not_a_detail_from_the_conversation(linter):
    """"the editorial coordinator position" names the job applied for; "the HITRUST audit" recalls the call."""
    def rules(body: str) -> set[str]:
        return {f.rule for f in linter.lint_text(parse_draft("note.txt", body, {"stage": "interview"})).findings}

    bare = "Dear Ms. Park,\n\nThank you for the interview for the editorial coordinator position.\n\nBest,\nJo Lee"
    detail = ("Dear Ms. Park,\n\nThank you for the call. Your outline of the board's priorities, especially the "
              "HITRUST audit, was very helpful.\n\nBest,\nJo Lee")
    assert "NL201" in rules(bare)
    assert "NL201" not in rules(detail)


def _detail_rules(linter, body: str) -> set[str]:
    return {f.rule for f in linter.lint_text(parse_draft("note.txt", body, {"stage": "interview"})).findings}


@pytest.mark.parametrize("recap", [
    # a CV retold, whatever each sentence opens with
    "As we discussed, I have fifteen years in procurement across manufacturing and logistics. Prior to this I "
    "spent six years buying steel, packaging and chemicals. From 2004 to 2011 I was head of fleet at a hauliers' "
    "cooperative, where I introduced telematics and cut diesel costs.",
    # the meeting in one clause, the writer's own record in the next
    "I enjoyed learning about the team and the role, and I believe my experience in child protection and my "
    "commitment to relationship-based practice make me a strong fit.",
])
def test_a_note_that_only_retells_the_writer_s_own_record_has_no_detail_from_the_conversation(linter, recap):
    body = f"Dear Ms. Park,\n\nThank you for meeting with me on the 3rd. {recap}\n\nKind regards,\nJo Lee"
    assert "NL201" in _detail_rules(linter, body)


@pytest.mark.parametrize("detail", [
    "I appreciated Brian's honesty about how tight the overnight resets can be.",
    "I hadn't realised how much of the job is logistics, getting peonies across town before they open.",
    "Avery asked that I submit the take-home early so the onsite can happen before the freezer audit.",
])
def test_what_the_writer_saw_or_was_told_is_a_detail_even_in_a_sentence_about_them(linter, detail):
    body = f"Dear Ms. Park,\n\nThank you for meeting with me today. {detail}\n\nKind regards,\nJo Lee"
    assert "NL201" not in _detail_rules(linter, body)


def test_a_short_phrase_in_quotation_marks_is_a_detail_from_the_conversation(linter):
    quoted = ('Dear Ms. Brennan,\n\nThank you for a lovely morning. Seeing second class\'s "worm hotel" made my '
              "week! I would be delighted to join your team.\n\nBest wishes,\nAoife")
    assert "NL201" not in _detail_rules(linter, quoted)
    assert "NL201" in _detail_rules(linter, quoted.replace('"worm hotel"', "classroom"))


def test_the_day_of_a_group_interview_is_not_a_detail(linter):
    body = ("Hello,\n\nThank you for having me at the group interview on Saturday. I enjoyed learning more about the "
            "store and the position.\n\nI am very interested in the seasonal role.\n\nBest,\nOwen Harper")
    assert "NL201" in _detail_rules(linter, body)


@pytest.mark.parametrize("recap, told", [
    # a list that carries on the writer's own record is still about the writer
    ("Dear Mr. de Vries,\n\nThank you for meeting with me today. As I mentioned, I spent eleven years as a teacher, "
     "and in that time I organised forty overseas trips: coaches, ferries, hostels, permission slips and the "
     "inevitable lost passport.\n\nWarm regards,\nSanne",
     ("As I mentioned, I spent", "I understand now that the role mostly supports the Osaka warehouse launch. I spent")),
    # so is what the writer's past gave them
    ("Dear Mr. Sutherland,\n\nThank you for meeting with me today. I spent six years in audit at a large firm. "
     "This gave me a thorough grounding in IFRS, internal controls and the expectations of lenders.\n\n"
     "Sincerely,\nCatherine",
     ("This gave me", "It gave me ideas, as did your plan for")),
])
def test_the_writer_s_own_record_is_no_detail_but_what_they_were_told_is(linter, recap, told):
    assert "NL201" in _detail_rules(linter, recap)
    assert "NL201" not in _detail_rules(linter, recap.replace(*told))


def test_misspellings_and_chat_talk_are_not_details_from_the_conversation(linter):
    body = ("Dear Mr. Dunn,\n\nThank you for interveiwing me on Monday. I really enjoyed learning about the role, "
            "and I beleive my experiance would be a great fit.\n\nSincerely,\nBrianna Cole")
    assert "NL201" in _detail_rules(linter, body)


def test_what_the_writer_is_convinced_of_about_the_employer_is_a_detail(linter):
    body = ("Hi Dale,\n\nThank you for this morning. I'm more convinced than ever that the Permian territory is the "
            "right fit for me.\n\nBest,\nTravis")
    assert "NL201" not in _detail_rules(linter, body)
    own = body.replace("that the Permian territory is", "that my years in sales make me")
    assert "NL201" in _detail_rules(linter, own)


def test_a_project_slot_left_in_is_one_template_problem_not_also_a_missing_detail(linter):
    body = ("Dear Fiona,\n\nThank you for meeting me on Tuesday. I enjoyed our discussion about [PROJECT NAME] and "
            "came away keen to join the team.\n\nKind regards,\nGordon")
    rules = _detail_rules(linter, body)
    assert "NL1201" in rules and "NL201" not in rules


def test_a_day_is_a_detail_only_as_part_of_a_name(linter):
    card = ("Dear Sione, Kate and Anahera,\n\nThank you for yesterday's interview. Your plans for the Saturday coding "
            "club sound brilliant, and I'd love to help run it.\n\nWarm regards,\nLeilani")
    assert "NL201" not in _detail_rules(linter, card)
    assert "NL201" in _detail_rules(linter, card.replace("plans for the Saturday coding club sound",
                                                         "plans for Saturday sound"))


def test_a_place_named_in_a_one_line_text_after_its_greeting_is_a_detail(linter):
    text = ("Hi Carla, thank you for the call this afternoon. The cross-dock project in Nuevo Laredo sounds very "
            "interesting and I would like to continue.\nSaludos,\nJorge")
    assert "NL201" not in _detail_rules(linter, text)
