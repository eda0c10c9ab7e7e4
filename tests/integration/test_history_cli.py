"""`mockint history`, `replay`, `export` and `forget` on a real database in the test's data root.

Attempts are made through the Store with synthetic scores here (fast); the real-model path
(`score --save`, `history --retry`) is in test_history_cli_model.py.
"""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import stat
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import soundfile

from mockint import paths
from mockint.cli import main
from mockint.models import Kind, Question, Transcript, Word
from mockint.pipeline import ScoredAnswer
from mockint.scoring.result import ScoreReport
from mockint.store import Store
from tests.integration.fixtures_audio import NullSink

SECRET = "zanzibar quartermaster"  # a phrase to hunt for in the database bytes

QUESTION = Question(
    "beh-conflict", "Tell me about a conflict.", Kind.BEHAVIORAL, "behavioral", (60, 120)
)
OTHER = Question("per-why-us", "Why us?", Kind.PERSONAL, "basics", (30, 60))


def _wav(path: Path, seconds: float = 1.0) -> Path:
    t = np.arange(int(16000 * seconds)) / 16000
    soundfile.write(path, (0.1 * np.sin(2 * np.pi * 330 * t)).astype("float32"), 16000)
    return path


def _scored(overall: int, flags: list[str], text: str) -> ScoredAnswer:
    words = tuple(
        Word(tok, round(i * 0.2, 2), round(i * 0.2 + 0.15, 2)) for i, tok in enumerate(text.split())
    )
    report = ScoreReport(
        metrics={"word_count": len(words), "wpm": 150.0, "hedges": {"counts": {"i think": 1}}},
        overall=overall,
        parts={"fillers": 80},
        flags=flags,
        tips=["Say the result in numbers."],
    )
    return ScoredAnswer("a.wav", Transcript(words, duration_s=len(words) * 0.2), report)


def _add(
    store: Store, tmp: Path, question: Question | None, overall: int | None, text: str = ""
) -> int:
    attempt = store.add_recorded_attempt(question, _wav(tmp / f"src{overall}.wav"))
    if overall is not None:
        flags = ["filler_heavy", "missing_result"] if overall < 60 else []
        store.mark_scored(attempt.id, _scored(overall, flags, text or f"Um so I {SECRET} it"))
    return attempt.id


@pytest.fixture
def history(tmp_path: Path) -> list[int]:
    """Four attempts: three at QUESTION (scores 50, 70, 90), one at OTHER, not scored."""
    with Store.open() as store:
        ids = [_add(store, tmp_path, QUESTION, s) for s in (50, 70, 90)]
        ids.append(_add(store, tmp_path, OTHER, None))
    return ids


def _run(*argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# -- history ---------------------------------------------------------------------------------


def test_history_empty_state_teaches(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run("history", capsys=capsys)
    assert code == 0
    assert out.strip() == (
        "No attempts yet. Try `mockint practice` or `mockint score answer.wav --save`."
    )


def test_history_lists_newest_first(history: list[int], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run("history", capsys=capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "DATE", "QUESTION", "LENGTH", "SCORE", "FLAGS"]
    rows = [line.split() for line in lines[1:5]]
    assert [int(r[0]) for r in rows] == list(reversed(history))
    assert rows[0][3:6] == ["per-why-us", "0:01", "recorded"]
    assert rows[3][3:] == ["beh-conflict", "0:01", "50", "filler_heavy,", "missing_result"]
    assert "1 attempt is not scored yet" in err


def test_history_limit(history: list[int], capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run("history", "--limit", "2", capsys=capsys)
    assert "2 of 4 attempts; `--limit 0` shows all." in out


def test_history_question_trend(history: list[int], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run("history", "--question", "beh-conflict", capsys=capsys)
    assert code == 0
    assert out.startswith("beh-conflict: Tell me about a conflict.\n")
    assert "3 attempts, 3 scored · best 90 · average 70.0 · latest 90" in out
    assert "trend  ▅▆▇  (oldest → newest, last 30)" in out


def test_a_silent_take_is_listed_in_brackets_and_left_out_of_the_trend(
    history: list[int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open() as store:
        silent = store.add_recorded_attempt(QUESTION, _wav(tmp_path / "silent.wav"))
        store.mark_scored(silent.id, _scored(0, ["no_speech"], "x"))
    _, out, _ = _run("history", "--question", "beh-conflict", capsys=capsys)
    assert "4 attempts, 3 scored · best 90 · average 70.0 · latest 90" in out
    assert "(0)" in out and "not counted: no speech heard" in out


def test_history_question_without_attempts(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run("history", "--question", "beh-conflict-coworker", capsys=capsys)
    assert "No attempts at beh-conflict-coworker yet." in out


@pytest.mark.parametrize("json_flag", [[], ["--json"]])
def test_history_of_an_unknown_question_is_an_error(
    json_flag: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """A typo is not "no attempts yet: practise it with …" (that command would fail)."""
    code, out, err = _run("history", "--question", "nope", *json_flag, capsys=capsys)
    assert code == 2 and out == ""
    assert err.strip() == "mockint: error: unknown question 'nope'; see `mockint banks list`"


def test_history_json(history: list[int], capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run("history", "--json", capsys=capsys)
    data = json.loads(out)
    assert [a["id"] for a in data["attempts"]] == list(reversed(history))
    assert (data["total"], data["pending"], data["recovered"]) == (4, 1, [])
    newest_scored = data["attempts"][1]
    assert newest_scored["overall"] == 90
    assert newest_scored["question"] == "beh-conflict"
    assert newest_scored["audio"].startswith("recordings/")
    _, out, _ = _run("history", "--json", "--question", "beh-conflict", capsys=capsys)
    trend = json.loads(out)["trend"]
    assert [s["overall"] for s in trend["scores"]] == [50, 70, 90]
    assert (trend["best"], trend["average"]) == (90, 70.0)


# -- replay ----------------------------------------------------------------------------------


def test_replay_no_audio_marks_fillers_and_hedges(capsys: pytest.CaptureFixture[str]) -> None:
    with Store.open() as store:
        attempt_id = store.add_recorded_attempt(QUESTION, _wav(Path(store.root) / "a.wav")).id
        store.mark_scored(attempt_id, _scored(72, [], "Um I think we shipped it uh on time"))
    code, out, _ = _run("replay", str(attempt_id), "--no-audio", capsys=capsys)
    assert code == 0
    assert f"Attempt {attempt_id} · " in out
    assert "Q: Tell me about a conflict." in out
    assert "[Um] {I think} we shipped it [uh] on time" in out


def test_replay_of_a_typed_answer_prints_it(capsys: pytest.CaptureFixture[str]) -> None:
    with Store.open() as store:
        attempt_id = store.add_typed_attempt(QUESTION).id
        store.mark_scored(attempt_id, _scored(64, [], "I think we shipped it on time"))
    code, out, _ = _run("replay", str(attempt_id), capsys=capsys)
    assert code == 0
    assert "there is no audio to play" in out
    assert "{I think} we shipped it on time" in out


def test_replay_of_an_unscored_attempt(
    history: list[int], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run("replay", str(history[-1]), "--no-audio", capsys=capsys)
    assert code == 0
    assert "not transcribed yet" in out and "mockint history --retry" in out


@pytest.mark.audio
def test_replay_plays_through_portaudio(
    null_sink: NullSink, history: list[int], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run("replay", str(history[0]), capsys=capsys)
    assert code == 0, err
    assert f"[Um] so I {SECRET} it" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["replay", "abc"], "ATTEMPT is an attempt id"),
        (["replay", "999"], "no attempt 999"),
    ],
)
def test_replay_errors(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(*argv, capsys=capsys)
    assert code == 2
    assert err.startswith("mockint: error: ") and message in err


def test_replay_of_deleted_audio_suggests_no_audio(
    history: list[int], capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open() as store:
        audio = store.get(history[0]).audio_path
    assert audio is not None
    audio.unlink()
    code, _, err = _run("replay", str(history[0]), capsys=capsys)
    assert code == 2 and "--no-audio" in err


# -- export ----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["md", "json", "csv"])
def test_export_to_a_private_file(
    fmt: str, history: list[int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / f"export.{fmt}"
    code, _, err = _run("export", "--format", fmt, "--out", str(out_file), capsys=capsys)
    assert code == 0
    assert f"Exported 4 attempts to {out_file}" in err
    assert stat.S_IMODE(out_file.stat().st_mode) == 0o600
    text = out_file.read_text(encoding="utf-8")
    if fmt == "json":
        data = json.loads(text)
        assert [a["id"] for a in data["attempts"]] == history
        assert data["attempts"][0]["words"][0]["text"] == "Um"
        assert data["attempts"][0]["report"]["tips"] == ["Say the result in numbers."]
        assert {"sessions", "cards", "reviews", "weak", "debriefs"} <= set(data)
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        assert [int(r["id"]) for r in rows] == history
        assert rows[0]["overall"] == "50" and rows[0]["flags"] == "filler_heavy missing_result"
        assert rows[0]["wpm"] == "150.0"
        assert rows[3]["status"] == "recorded" and rows[3]["overall"] == ""
    else:
        assert text.startswith("# mockint practice report")
        assert text.count("\n## Attempt ") == 4
        assert f"> [Um] so I {SECRET} it" in text
        assert "- Say the result in numbers." in text
        assert "| Pace | 150 words a minute |" in text


def test_export_to_stdout(history: list[int], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run("export", "--format", "json", capsys=capsys)
    assert code == 0
    assert len(json.loads(out)["attempts"]) == 4


# -- forget ----------------------------------------------------------------------------------


def _mockint(*argv: str, stdin: int | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mockint", *argv],
        stdin=stdin if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env={**os.environ, "MOCKINT_HOME": str(paths.data_root())},
        check=False,
        timeout=60,
    )


def test_forget_needs_yes_without_a_terminal(history: list[int]) -> None:
    done = _mockint("forget", str(history[0]))
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "mockint: error: not a terminal, so cannot ask before deleting: add --yes to confirm"
    )
    with Store.open() as store:
        assert store.count_attempts() == 4


@pytest.mark.parametrize(("answer", "deleted"), [("y\n", True), ("\n", False), ("no\n", False)])
def test_forget_asks_in_a_terminal(history: list[int], answer: str, deleted: bool) -> None:
    leader, follower = pty.openpty()
    try:
        os.write(leader, answer.encode())
        done = _mockint("forget", str(history[0]), stdin=follower)
    finally:
        os.close(leader)
        os.close(follower)
    assert done.returncode == 0, done.stderr
    assert f"Delete attempt {history[0]} (beh-conflict) and its audio? [y/N]" in done.stdout
    with Store.open() as store:
        assert (store.find(history[0]) is None) is deleted


def test_forget_one_attempt(
    history: list[int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    private = "xylophone marmalade"
    with Store.open() as store:
        attempt_id = _add(store, tmp_path, OTHER, 77, text=f"I said {private} once")
        audio = store.get(attempt_id).audio_path
    assert private.encode() in _disk_bytes(paths.db_path())
    code, out, _ = _run("forget", str(attempt_id), "--yes", capsys=capsys)
    assert code == 0 and f"Deleted attempt {attempt_id}." in out
    assert audio is not None and not audio.exists()
    assert private.encode() not in _disk_bytes(paths.db_path())
    with Store.open() as store:
        assert store.count_attempts() == 4


@pytest.mark.parametrize(
    ("argv", "message"),
    [(["forget"], "give an attempt id or --all"), (["forget", "1", "--all"], "or --all")],
)
def test_forget_arguments(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(*argv, capsys=capsys)
    assert code == 2 and message in err


def test_forget_all_leaves_nothing_behind(
    history: list[int], capsys: pytest.CaptureFixture[str]
) -> None:
    db = paths.db_path()
    assert SECRET.encode() in _disk_bytes(db)  # it is there before…
    code, out, _ = _run("forget", "--all", "--yes", capsys=capsys)
    assert code == 0 and "Deleted 4 attempts" in out
    audio = [p for p in paths.recordings_dir().rglob("*") if p.is_file()]
    assert audio == []
    assert SECRET.encode() not in _disk_bytes(db)  # …and gone from every page, WAL included
    code, out, _ = _run("history", capsys=capsys)
    assert "No attempts yet." in out


def _disk_bytes(db: Path) -> bytes:
    return b"".join(p.read_bytes() for p in (db, db.with_name(db.name + "-wal")) if p.exists())


# -- broken databases ------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["history", "export", "forget --all --yes", "replay 1"])
def test_a_corrupt_database_is_one_line_not_a_traceback(command: str) -> None:
    paths.db_path().write_bytes(os.urandom(8192))
    done = _mockint(*command.split())
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(f"mockint: error: {paths.db_path()} is damaged")
    assert "Traceback" not in done.stderr
