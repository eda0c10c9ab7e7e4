"""`mockint debrief` from flags and from prompts, on real files in the temp data root."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator

import pytest

from mockint import cli, paths
from mockint.banks import load_bank_file
from mockint.commands.debrief import Answers, ask
from mockint.errors import MockintError
from mockint.store import Store

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
        row = store.conn.execute("SELECT question_id, source FROM weak").fetchone()
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
