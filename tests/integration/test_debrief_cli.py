"""`mockint debrief` from flags and from prompts, on real files in the temp data root."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from mockint import cli, paths
from mockint.banks import load_bank_file
from mockint.commands.debrief import Answers, ask
from mockint.errors import MockintError
from mockint.store import Store
from mockint.store.db import one
from tests.conftest import FIXTURES

FLAGS = [
    "debrief",
    "--company",
    "Acme",
    "--role",
    "Data analyst",
    "--date",
    "2025-03-01",
    "--question",
    "Tell me about a time you disagreed with a coworker",
    "--question",
    "How would you explain a p-value to a product manager?",
    "--struggled",
    "2",
    "--feedback",
    "Good examples, but results were vague",
]


def test_debrief_from_flags(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(FLAGS) == 0
    out = capsys.readouterr().out
    assert "linked to beh-conflict-coworker" in out
    assert "added as debrief-" in out and "flagged weak" in out
    assert "follow-up note" in out and "Acme" in out
    bank = load_bank_file(paths.user_banks_dir() / "debriefs.yaml", user=True)
    assert len(bank.questions) == 1
    with Store.open(paths.db_path(), recover=False) as store:
        row = one(store, "SELECT question_id, source FROM weak")
    assert tuple(row) == (bank.questions[0].id, "debrief")


def test_debrief_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([*FLAGS, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["company"] == "Acme" and data["date"] == "2025-03-01"
    assert [i["linked"] for i in data["items"]] == [True, False]
    assert [i["struggled"] for i in data["items"]] == [False, True]
    assert data["bank"].endswith("debriefs.yaml")


def test_debrief_struggled_out_of_range(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([*FLAGS, "--struggled", "7"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("mockint: error:") and "from 1 to 2" in err
    assert not (paths.user_banks_dir() / "debriefs.yaml").exists()


def test_debrief_without_a_terminal_or_questions_names_the_flags() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "mockint", "debrief", "--company", "Acme"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    [line] = proc.stderr.strip().splitlines()
    assert line.startswith("mockint: error:") and "--question" in line


def prompts(*replies: str) -> Iterator[str]:
    yield from replies


def test_the_prompts_collect_a_debrief(capsys: pytest.CaptureFixture[str]) -> None:
    replies = prompts(
        "Acme",
        "Analyst",
        "",  # date: today
        "Tell me about yourself",
        "Why Acme?",
        "",  # end of the questions
        "2",
        "They wanted numbers",
        "",  # end of the feedback
    )
    answers = ask(Answers(), lambda _prompt: next(replies))
    assert answers == Answers(
        "Acme", "Analyst", "", ["Tell me about yourself", "Why Acme?"], [2], "They wanted numbers"
    )
    assert "Ctrl+C" in capsys.readouterr().out


def test_the_prompts_reject_a_bad_number() -> None:
    replies = prompts("Acme", "Analyst", "", "Why Acme?", "", "two")
    with pytest.raises(MockintError, match="question number"):
        ask(Answers(), lambda _prompt: next(replies))


# -- from a transcript


TEAMS = FIXTURES / "transcripts" / "teams.vtt"


def test_debrief_from_a_transcript_keeps_kinds_answers_and_offers_practice(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = ["debrief", "--transcript", str(TEAMS), "--yes", "--company", "Acme"]
    assert cli.main([*args, "--struggled", "1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Found 3 questions in teams.vtt (asked by Priya Shah):")
    assert "linked to you-why-leaving" in out
    bank = load_bank_file(paths.user_banks_dir() / "debriefs.yaml", user=True)
    kinds = {q.text: str(q.kind) for q in bank.questions}
    assert kinds["Tell me about a project that failed and what you learned."] == "behavioral"
    failed = next(q.id for q in bank.questions if "failed" in q.text)
    assert f"  mockint practice --question {failed}" in out
    assert "Hi Priya," in out
    with Store.open(paths.db_path(), recover=False) as store:
        rows = store.read(
            "SELECT question_id, overall FROM attempts WHERE status = 'scored' ORDER BY id"
        )
        due = one(store, "SELECT due FROM cards WHERE question_id = ?", (failed,))
        assert due is not None
    assert [r[0] for r in rows][1] == "you-why-leaving"
    assert len(rows) == 3 and all(r[1] is not None for r in rows)


def test_debrief_transcript_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["debrief", "--transcript", str(TEAMS), "--yes", "--json"]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert [i["kind"] for i in data["items"]] == ["behavioral", "personal", "situational"]
    assert all(i["answer_score"] is not None for i in data["items"])
    assert "Found 3 questions" in captured.err


def test_debrief_notes_are_notes_not_answers(capsys: pytest.CaptureFixture[str]) -> None:
    notes = FIXTURES / "transcripts" / "notes.txt"
    assert cli.main(["debrief", "--transcript", str(notes), "--yes", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["items"]) == 4 and all(i["answer"] is None for i in data["items"])
    with Store.open(paths.db_path(), recover=False) as store:
        feedback = store.read("SELECT feedback FROM debriefs")[0][0]
        assert store.read("SELECT COUNT(*) FROM attempts")[0][0] == 0
    assert "said I like their mission" in feedback


def _bad(tmp: Path, kind: str) -> Path:
    path = tmp / "t.txt"
    if kind == "missing":
        return tmp / "nope.vtt"
    if kind == "folder":
        return tmp
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "latin1":
        path.write_bytes("Interviewer: Où êtes-vous né ?\n".encode("latin-1"))
    elif kind == "huge":
        path.write_text("Why? " * 300_000, encoding="utf-8")
    elif kind == "no-questions":
        path.write_text("We talked for a while.\nIt went fine.\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("kind", "says"),
    [
        ("missing", "no such file"),
        ("folder", "is a folder"),
        ("fifo", "not a regular file"),
        ("latin1", "not UTF-8"),
        ("huge", "under 1 MB"),
        ("no-questions", "found no interviewer's questions"),
    ],
)
def test_bad_transcript_files_are_one_line_errors(
    kind: str, says: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["debrief", "--transcript", str(_bad(tmp_path, kind)), "--yes"]) == 2
    err = capsys.readouterr().err
    [line] = err.strip().splitlines()
    assert line.startswith("mockint: error:") and says in line
    assert not (paths.user_banks_dir() / "debriefs.yaml").exists()


def test_a_transcript_without_a_terminal_needs_yes() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "mockint", "debrief", "--transcript", str(TEAMS)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2 and "--yes" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_a_transcript_in_a_terminal_asks_which_to_keep(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    replies = prompts("1 2", "1")
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda _prompt: next(replies))
    assert cli.main(["debrief", "--transcript", str(TEAMS), "--company", "Acme"]) == 0
    out = capsys.readouterr().out
    assert "Saved the debrief (Acme" in out and ": 2 questions." in out
    assert "conflicting priorities" not in out.split("Saved the debrief")[1]
    assert "Practise the ones you struggled with now:" in out
    assert "mockint practice --question debrief-project-failed-learned" in out


def test_keeping_none_saves_nothing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda _prompt: "n")
    assert cli.main(["debrief", "--transcript", str(TEAMS)]) == 1
    assert "nothing saved" in capsys.readouterr().out
    assert not paths.db_path().exists() or not (paths.user_banks_dir() / "debriefs.yaml").exists()
