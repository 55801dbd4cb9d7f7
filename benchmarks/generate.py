"""Write N realistic thank-you-note drafts (60-250 words, about 125 on average) into a folder.

    python benchmarks/generate.py OUT_DIR [N] [--seed 7] [--words 100000 --one-file NAME]

Deterministic: the same seed and N give byte-identical files. About one note in four carries a
flaw the rules look for (shorthand, a gift, a promised call, a template slot, a misspelling),
so that the rules' code paths run as they would on a class's real drafts.
"""
from __future__ import annotations

import argparse
import random
from pathlib import Path

NAMES = ["Ms. Okafor", "Mr. Lindqvist", "Dr. Patel", "Ms. Romero", "Mr. Chen", "Ms. Haddad", "Dr. Novak", "Priya", "Sam"]
SIGNERS = ["Daniel Reyes", "Amara Obi", "Jonas Weber", "Lucía Flores", "Mei Tanaka", "Tom Walsh", "Ines Costa"]
ROLES = ["data analyst", "staff nurse", "junior designer", "sous chef", "payroll specialist", "site engineer",
         "product manager", "paralegal", "warehouse supervisor", "research assistant"]
TOPICS = ["the new scheduling system", "the clinic's triage board", "the migration to event streams",
          "the spring menu", "the quarterly close", "the bridge inspection backlog", "the loyalty program",
          "the intake process for new clients", "the pick-rate dashboard", "the grant renewal"]
DETAILS = [
    "I enjoyed hearing how your team cut the waiting time by a third last winter.",
    "The way you test every change with two shifts before it goes live stayed with me.",
    "Your point about writing the runbook before the tool was a useful one.",
    "I have been thinking about the question you asked on handovers between night and day staff.",
    "Seeing the whiteboard with last month's incidents made the work feel very concrete.",
    "I liked the idea of pairing new hires with a mentor for their first ninety days.",
    "It was good to hear that the team reviews its mistakes without blame every Friday.",
    "The story about the supplier who missed three deliveries in a row made me laugh.",
]
INTEREST = [
    "I would love to join the team and help with {topic}.",
    "The conversation made me even more excited about the {role} role.",
    "I am keen to bring my experience to {topic}.",
]
FLAWS = [
    "Thx again for ur time!",
    "I've sent you a small gift card as a thank-you.",
    "I will call you on Friday to hear your decision.",
    "I enjoyed our talk about [SPECIFIC TOPIC].",
    "It was a grate oppurtunity to meet the team.",
    "Let's connect on Instagram too!",
]
FILLER = [
    "Thank you again for taking the time to walk me through the day-to-day work.",
    "I also appreciated meeting the rest of the team over coffee.",
    "Please let me know if I can send anything else that would help.",
    "I look forward to hearing about the next steps.",
]


def note(rng: random.Random) -> str:
    topic, role = rng.choice(TOPICS), rng.choice(ROLES)
    body = [f"Thank you for meeting with me on {rng.choice(['Monday', 'Tuesday', 'Thursday'])} about the {role} "
            f"position and for explaining {topic}."]
    body += rng.sample(DETAILS, rng.randint(2, 6))
    body.append(rng.choice(INTEREST).format(topic=topic, role=role))
    body += rng.sample(FILLER, rng.randint(1, 4))
    if rng.random() < 0.25:
        body.insert(rng.randint(1, len(body)), rng.choice(FLAWS))
    paragraphs, i = [], 0
    while i < len(body):
        step = rng.randint(2, 3)
        paragraphs.append(" ".join(body[i : i + step]))
        i += step
    return f"Dear {rng.choice(NAMES)},\n\n" + "\n\n".join(paragraphs) + f"\n\nBest regards,\n{rng.choice(SIGNERS)}\n"


def long_note(rng: random.Random, words: int) -> str:
    """One draft of about `words` words: a very long letter, greeting and sign-off included."""
    parts, count = [], 0
    while count < words:
        paragraph = " ".join(rng.sample(DETAILS + FILLER, 4))
        parts.append(paragraph)
        count += len(paragraph.split())
    return f"Dear {rng.choice(NAMES)},\n\n" + "\n\n".join(parts) + "\n\nBest regards,\nDaniel Reyes\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("n", type=int, nargs="?", default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--words", type=int, help="write one long draft of about this many words instead")
    parser.add_argument("--one-file", default="long.txt")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.words:
        (args.out / args.one_file).write_text(long_note(rng, args.words), encoding="utf-8")
        return
    for i in range(args.n):
        (args.out / f"note-{i:05}.txt").write_text(note(rng), encoding="utf-8")


if __name__ == "__main__":
    main()
