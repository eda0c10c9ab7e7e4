"""`mockint daily` and `mockint weak` on real SQLite files in the temp data root."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest

from mockint import cli, paths
from mockint.store import Store
from tests.integration.test_practice_support import answer


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def history() -> None:
    """Yesterday: one bad answer with a recurring problem, one good one."""
    yesterday = datetime.now(UTC) - timedelta(days=1)
    with Store.open(paths.db_path(), recover=False) as store:
        for n in range(3):
            answer(store, "beh-failure", 45, yesterday - timedelta(days=n), ["missing_result"])
        answer(store, "you-five-years", 92, yesterday)


def test_daily_list_on_a_first_run(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "daily", "--list")
    assert code == 0 and err == ""
    assert out.startswith("Today's plan")
    assert "Welcome" in out and "warm-up" in out
    assert sum(1 for line in out.splitlines() if line[:4].strip().rstrip(".").isdigit()) == 5
    assert paths.db_path().is_file()


def test_daily_json_first_run(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "daily", "--json")
    assert code == 0
    data = json.loads(out)
    assert len(data["items"]) == 5 and data["first_run"] is True
    assert data["counts"] == {"job": 0, "due": 0, "weak": 0, "new": 5}
    assert data["streak"] == {
        "current": 0,
        "best": 0,
        "practiced_today": False,
        "last_day": None,
    }


def test_daily_json_puts_due_and_weak_first(capsys: pytest.CaptureFixture[str]) -> None:
    history()
    data = json.loads(run(capsys, "daily", "--json")[1])
    assert data["items"][0]["question"] == "beh-failure"
    assert data["items"][0]["why"] == "due"
    assert data["first_run"] is False
    assert data["streak"]["current"] >= 1
    assert "you-five-years" not in [i["question"] for i in data["items"]]


def test_plain_daily_without_a_terminal_prints_the_list(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "daily")
    assert code == 0 and "Today's plan" in out


def test_weak_empty_state_teaches(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "weak")
    assert code == 0
    assert "No weak questions yet" in out
    assert "below 60" in out and "mockint daily" in out and "mockint debrief" in out
    assert json.loads(run(capsys, "weak", "--json")[1]) == {"questions": [], "problems": {}}


def test_weak_lists_reasons_and_scores(capsys: pytest.CaptureFixture[str]) -> None:
    history()
    code, out, _ = run(capsys, "weak", "--json")
    assert code == 0
    data = json.loads(out)
    [item] = data["questions"]
    assert item["question"] == "beh-failure" and item["source"] == "auto"
    assert item["last_scores"] == [45, 45, 45]
    assert "scored 45 last time (below 60)" in item["reasons"]
    assert "missing_result in 3 of the last 3 answers" in item["reasons"]
    assert data["problems"] == {"missing_result": ["beh-failure"]}
    text = run(capsys, "weak")[1]
    assert "beh-failure" in text and "45, 45, 45" in text


def test_weak_mark_and_unmark(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "weak", "--mark", "beh-failure", "--reason", "freeze up")[0] == 0
    data = json.loads(run(capsys, "weak", "--json")[1])
    assert data["questions"][0]["reasons"] == ["freeze up"]
    assert run(capsys, "weak", "--unmark", "beh-failure")[0] == 0
    code, _, err = run(capsys, "weak", "--unmark", "beh-failure")
    assert code == 2 and err.startswith("mockint: error:") and "not flagged" in err
    code, _, err = run(capsys, "weak", "--mark", "beh-failur")
    assert code == 2 and "beh-failure" in err, "an unknown id suggests the closest"


def test_daily_json_in_a_real_process() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "mockint", "daily", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(proc.stdout)["items"]) == 5


def test_the_plan_draws_on_the_users_field(capsys: pytest.CaptureFixture[str]) -> None:
    from mockint import paths
    from mockint.coach import Coach
    from mockint.config import Config

    paths.config_path().write_text(
        "practice:\n  field: healthcare\n  daily_questions: 12\n  daily_minutes: 0\n"
    )
    assert cli.main(["daily", "--list", "--json"]) == 0
    banks = {i["bank"] for i in json.loads(capsys.readouterr().out)["items"]}
    assert "healthcare-nursing" in banks
    assert banks <= {"behavioral-core", "about-you", "situational", "closing", "healthcare-nursing"}
    paths.config_path().unlink()
    with Coach.open(Config()) as coach:
        assert coach.field() == ""
        coach.set_field("education")
    with Coach.open(Config()) as coach:
        assert coach.field() == "education"
        assert "education" in coach.fields() and coach.fields()[0] == "general"
