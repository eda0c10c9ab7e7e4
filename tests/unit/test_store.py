"""The Store on real SQLite files in the test's own data root (fast: no model, no audio I/O
beyond tiny WAV files)."""

from __future__ import annotations

import io
import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import soundfile

from mockint import paths
from mockint.errors import MockintError
from mockint.models import Kind, Question, Transcript
from mockint.pipeline import ScoredAnswer
from mockint.scoring.result import ScoreReport
from mockint.store import Status, Store
from mockint.store.db import connect, one

QUESTION = Question(
    id="beh-conflict",
    text="Tell me about a conflict with a coworker.",
    kind=Kind.BEHAVIORAL,
    bank="behavioral",
    target_seconds=(60, 120),
)


@pytest.fixture
def store() -> Iterator[Store]:
    with Store.open() as s:
        yield s


def wav(path: Path, seconds: float = 1.0) -> Path:
    soundfile.write(path, np.zeros(int(16000 * seconds), dtype="float32"), 16000)
    return path


def scored(
    text: str = "um so I fixed it", overall: int = 70, flags: tuple[str, ...] = ()
) -> ScoredAnswer:
    report = ScoreReport(metrics={"word_count": len(text.split())}, overall=overall)
    report.flags = list(flags)
    return ScoredAnswer(audio="x.wav", transcript=Transcript.from_text(text), report=report)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# -- opening ----------------------------------------------------------------------------------


def test_memory_store_works() -> None:
    with Store.open(":memory:") as s:
        sid = s.start_session("practice")
        assert s.begin_attempt(QUESTION, sid).status is Status.RECORDING


@pytest.mark.parametrize(
    ("pragma", "expected"),
    [("journal_mode", "wal"), ("foreign_keys", 1), ("busy_timeout", 5000), ("secure_delete", 1)],
)
def test_connection_settings(store: Store, pragma: str, expected: object) -> None:
    assert store.read(f"PRAGMA {pragma}")[0][0] == expected


def test_database_file_is_private(store: Store) -> None:
    assert Path(store.where) == paths.db_path()
    assert mode(paths.db_path()) == 0o600


@pytest.mark.parametrize(
    "content",
    [os.urandom(4096), b"SQLite format 3\x00" + os.urandom(4080)],
    ids=["random-bytes", "damaged-header"],
)
def test_a_corrupt_database_is_a_clear_error(content: bytes) -> None:
    db = paths.db_path()
    db.write_bytes(content)
    with pytest.raises(MockintError) as err:
        Store.open()
    message = str(err.value)
    assert str(db) in message
    assert "move it aside" in message


def test_a_locked_database_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    Store.open().close()
    holder = sqlite3.connect(paths.db_path(), isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr("mockint.store.db.BUSY_TIMEOUT_MS", 100)
    try:
        with Store.open(recover=False) as s, pytest.raises(MockintError, match="locked"):
            s.start_session("daily")
    finally:
        holder.execute("ROLLBACK")
        holder.close()


# -- the life of an attempt -----------------------------------------------------------------


def test_add_recorded_attempt_copies_the_audio_privately(store: Store, tmp_path: Path) -> None:
    src = wav(tmp_path / "answer.WAV", seconds=1.5)
    attempt = store.add_recorded_attempt(QUESTION, src)
    assert attempt.status is Status.RECORDED
    assert attempt.audio_path is not None
    assert attempt.audio_path.read_bytes() == src.read_bytes()
    assert attempt.audio_path.name == f"{attempt.id}.wav"
    assert attempt.audio_path.parent.parent == paths.recordings_dir()
    assert attempt.audio_path.parent.name == attempt.created_at[:10]
    assert mode(attempt.audio_path) == 0o600
    assert mode(attempt.audio_path.parent) == 0o700
    assert mode(paths.recordings_dir()) == 0o700
    assert attempt.duration_s == pytest.approx(1.5)
    assert (attempt.question_id, attempt.question_text, attempt.bank_id) == (
        QUESTION.id,
        QUESTION.text,
        QUESTION.bank,
    )
    assert attempt.question_kind == "behavioral"
    stored = store.read("SELECT audio_path FROM attempts")[0][0]
    assert not Path(stored).is_absolute()  # relative to the data root: the root can move


def test_add_recorded_attempt_of_a_missing_file(store: Store, tmp_path: Path) -> None:
    with pytest.raises(MockintError, match="not found"):
        store.add_recorded_attempt(QUESTION, tmp_path / "nope.wav")
    assert store.count_attempts() == 0


def test_recording_then_scoring(store: Store) -> None:
    attempt = store.begin_attempt(QUESTION)
    assert attempt.status is Status.RECORDING
    assert attempt.audio_path is not None and attempt.audio_path.suffix == ".flac"
    assert attempt.audio_path.parent.is_dir()
    assert store.pending() == []
    assert store.finish_recording(attempt.id, 42.0).status is Status.RECORDED
    assert [a.id for a in store.pending()] == [attempt.id]
    assert store.count_pending() == 1
    done = store.mark_scored(attempt.id, scored("um so I fixed it", 81, ("filler_heavy",)))
    assert done.status is Status.SCORED
    assert done.overall == 81
    assert done.flags == ("filler_heavy",)
    assert done.transcript == "um so I fixed it"
    assert [w.text for w in done.words] == ["um", "so", "I", "fixed", "it"]
    assert done.report["score"]["overall"] == 81
    assert done.scored_at is not None
    assert store.pending() == []


def test_a_failed_attempt_keeps_its_audio_and_waits_for_a_retry(
    store: Store, tmp_path: Path
) -> None:
    attempt = store.add_recorded_attempt(QUESTION, wav(tmp_path / "a.wav"))
    failed = store.mark_failed(attempt.id, "model not found")
    assert failed.status is Status.FAILED
    assert failed.error == "model not found"
    assert failed.audio_path is not None and failed.audio_path.is_file()
    assert [a.id for a in store.pending()] == [attempt.id]
    # A successful retry clears the error.
    assert store.mark_scored(attempt.id, scored()).error is None


def test_the_question_is_a_snapshot(store: Store) -> None:
    first = store.begin_attempt(QUESTION)
    edited = Question(**{**QUESTION.__dict__, "text": "Describe a disagreement."})
    store.begin_attempt(edited)
    assert store.get(first.id).question_text == QUESTION.text


def test_attempt_without_a_question(store: Store, tmp_path: Path) -> None:
    attempt = store.add_recorded_attempt(None, wav(tmp_path / "a.wav"))
    assert attempt.question_id is None and attempt.question_text is None


# -- typed answers: no audio at all ---------------------------------------------------------


def test_a_typed_attempt_has_no_audio(store: Store) -> None:
    session = store.start_session("practice")
    attempt = store.add_typed_attempt(QUESTION, session_id=session)
    assert attempt.status is Status.RECORDED
    assert attempt.audio_path is None and attempt.duration_s is None
    assert attempt.session_id == session
    assert (attempt.question_id, attempt.question_text) == (QUESTION.id, QUESTION.text)
    assert not paths.recordings_dir().exists()  # no folder made for audio that never comes
    # Nothing to transcribe: a retry would only fail it, so it is never pending.
    assert store.pending() == [] and store.count_pending() == 0
    done = store.mark_scored(attempt.id, scored("so I fixed it", 64))
    assert done.status is Status.SCORED and done.overall == 64
    assert done.transcript == "so I fixed it"
    assert done.audio_path is None
    # Synthetic timings measure nothing: no length is stored for a typed answer.
    assert done.duration_s is None
    assert done.to_dict(root=store.root)["audio"] is None


def test_a_typed_attempt_without_a_question(store: Store) -> None:
    attempt = store.add_typed_attempt(None)
    assert attempt.question_id is None and attempt.session_id is None


def test_a_typed_attempt_in_history_export_and_forget(store: Store, tmp_path: Path) -> None:
    from mockint.store.export import export

    recorded = store.add_recorded_attempt(QUESTION, wav(tmp_path / "a.wav"))
    store.mark_scored(recorded.id, scored())
    typed = store.add_typed_attempt(QUESTION)
    store.mark_scored(typed.id, scored("I led it", 55))
    listed = {a.id: a for a in store.list_attempts()}
    assert listed[typed.id].audio_path is None and listed[typed.id].duration_s is None
    assert listed[recorded.id].duration_s is not None
    assert store.orphans() == []
    for fmt in ("md", "json", "csv"):
        out = io.StringIO()
        assert export(store, fmt, out) == 2
        assert "I led it" in out.getvalue()
    store.delete_attempt(typed.id)
    assert store.find(typed.id) is None
    assert recorded.audio_path is not None and recorded.audio_path.is_file()
    store.add_typed_attempt(QUESTION)
    assert store.delete_all().attempts == 2


def test_crash_recovery_leaves_typed_attempts_alone() -> None:
    with Store.open() as first:
        scored_one = first.add_typed_attempt(QUESTION)
        first.mark_scored(scored_one.id, scored())
        unscored = first.add_typed_attempt(QUESTION)  # the app died before scoring it
    with Store.open() as again:
        assert again.recovered() == []
        assert again.pending() == []
        assert again.get(scored_one.id).status is Status.SCORED
        assert again.get(unscored.id).status is Status.RECORDED


@pytest.mark.parametrize(
    "call",
    [
        lambda s: s.get(99),
        lambda s: s.mark_failed(99, "x"),
        lambda s: s.mark_scored(99, scored()),
        lambda s: s.finish_recording(99, 1.0),
        lambda s: s.set_self_rating(99, 3),
        lambda s: s.delete_attempt(99),
    ],
    ids=["get", "mark_failed", "mark_scored", "finish_recording", "self_rating", "delete"],
)
def test_unknown_attempt_ids_are_clear_errors(store: Store, call: object) -> None:
    with pytest.raises(MockintError, match="no attempt 99"):
        call(store)  # type: ignore[operator]


@pytest.mark.parametrize(
    ("rating", "ok"), [(1, True), (4, True), (None, True), (0, False), (5, False)]
)
def test_self_rating(store: Store, rating: int | None, ok: bool) -> None:
    attempt = store.begin_attempt(QUESTION)
    if ok:
        store.set_self_rating(attempt.id, rating)
        assert store.get(attempt.id).self_rating == rating
    else:
        with pytest.raises(MockintError, match="1 to 4"):
            store.set_self_rating(attempt.id, rating)


# -- sessions ---------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["practice", "daily", "drill"])
def test_sessions(store: Store, kind: str) -> None:
    sid = store.start_session(kind)
    attempt = store.begin_attempt(QUESTION, sid)
    assert attempt.session_id == sid
    store.end_session(sid)
    row = one(store, "SELECT kind, ended_at FROM sessions WHERE id = ?", (sid,))
    assert row["kind"] == kind and row["ended_at"] is not None


def test_unknown_session_kind(store: Store) -> None:
    with pytest.raises(MockintError, match="unknown session kind"):
        store.start_session("party")


# -- reading ----------------------------------------------------------------------------------


def _seed(store: Store, rows: list[tuple[str, str, str, int | None]]) -> None:
    """(question_id, created_at, status, overall) rows straight into the table."""
    with store.transaction() as conn:
        conn.executemany(
            "INSERT INTO attempts (question_id, created_at, status, overall) VALUES (?, ?, ?, ?)",
            rows,
        )


def test_list_attempts_newest_first_with_filters(store: Store) -> None:
    _seed(
        store,
        [
            ("a", "2024-01-01T10:00:00+00:00", "scored", 50),
            ("b", "2024-01-03T10:00:00+00:00", "scored", 60),
            ("a", "2024-01-02T10:00:00+00:00", "failed", None),
        ],
    )
    assert [a.question_id for a in store.list_attempts()] == ["b", "a", "a"]
    assert [a.created_at[:10] for a in store.list_attempts("a")] == ["2024-01-02", "2024-01-01"]
    assert len(store.list_attempts(limit=2)) == 2
    assert [a.id for a in store.list_attempts(limit=1, offset=1)] == [3]
    assert [a.status for a in store.list_attempts(statuses=(Status.FAILED,))] == [Status.FAILED]
    assert store.count_attempts() == 3 and store.count_attempts("a") == 2
    summary = store.list_attempts()[0]
    assert summary.words == () and summary.report == {}


@pytest.mark.parametrize(
    ("scores", "best", "average", "latest"),
    [
        ([], None, None, None),
        ([40], 40, 40.0, 40),
        ([40, 70, 55], 70, 55.0, 55),
        ([10, None, 20], 20, 15.0, 20),  # unscored attempts count as attempts, not as scores
    ],
)
def test_question_trend(
    store: Store,
    scores: list[int | None],
    best: int | None,
    average: float | None,
    latest: int | None,
) -> None:
    _seed(
        store,
        [
            ("q", f"2024-01-0{i + 1}T00:00:00+00:00", "failed" if s is None else "scored", s)
            for i, s in enumerate(scores)
        ],
    )
    trend = store.question_trend("q")
    assert trend.scores == [s for s in scores if s is not None]
    assert (trend.best, trend.average, trend.latest) == (best, average, latest)
    assert trend.attempts == len(scores)


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT id FROM attempts ORDER BY created_at DESC, id DESC LIMIT 20",
        "SELECT id FROM attempts WHERE question_id = 'q' ORDER BY created_at DESC, id DESC",
        "SELECT created_at, overall FROM attempts WHERE question_id = 'q' AND status = 'scored' "
        "ORDER BY created_at, id",
        "SELECT id FROM attempts WHERE status IN ('recorded', 'failed') "
        "AND audio_path IS NOT NULL ORDER BY created_at, id",
        "SELECT id FROM attempts WHERE status = 'recording'",
    ],
    ids=["history", "question-history", "trend", "pending", "recovery"],
)
def test_queries_use_indexes(store: Store, sql: str) -> None:
    plan = " ".join(r[3] for r in store.read(f"EXPLAIN QUERY PLAN {sql}"))
    assert "USING" in plan and "INDEX" in plan, plan
    if "question_id" in sql or "LIMIT" in sql:
        assert "TEMP B-TREE" not in plan, plan  # no sort of the whole table


# -- deleting ---------------------------------------------------------------------------------


def test_delete_attempt_removes_row_and_audio(store: Store, tmp_path: Path) -> None:
    keep = store.add_recorded_attempt(QUESTION, wav(tmp_path / "a.wav"))
    gone = store.add_recorded_attempt(QUESTION, wav(tmp_path / "b.wav"))
    store.delete_attempt(gone.id)
    assert store.find(gone.id) is None
    assert gone.audio_path is not None and not gone.audio_path.exists()
    assert keep.audio_path is not None and keep.audio_path.exists()


def test_ids_are_never_reused(store: Store) -> None:
    first = store.begin_attempt(QUESTION)
    store.delete_attempt(first.id)
    assert store.begin_attempt(QUESTION).id == first.id + 1


def test_delete_all_leaves_no_audio_and_no_rows(store: Store, tmp_path: Path) -> None:
    for name in ("a.wav", "b.wav"):
        store.add_recorded_attempt(QUESTION, wav(tmp_path / name))
    live = store.begin_attempt(QUESTION)  # this process's own recording: it may cancel it
    store.start_session("daily")
    assert store.delete_all().attempts == 3
    assert store.count_attempts() == 0
    assert store.read("SELECT count(*) FROM sessions")[0][0] == 0
    left = [p for p in paths.recordings_dir().rglob("*") if p.is_file()]
    assert left == []
    assert store.begin_attempt(QUESTION).id > live.id


# -- orphans ----------------------------------------------------------------------------------


def test_orphan_audio_is_found_and_adopted(store: Store, tmp_path: Path) -> None:
    known = store.add_recorded_attempt(QUESTION, wav(tmp_path / "a.wav"))
    assert known.audio_path is not None
    stray = wav(known.audio_path.parent / "999.wav", seconds=2.0)
    (known.audio_path.parent / "notes.txt").write_text("not audio")
    assert [o.path for o in store.orphans()] == [stray]
    adopted = store.adopt_orphan(stray)
    assert adopted.status is Status.RECORDED and adopted.audio_path == stray
    assert adopted.duration_s == pytest.approx(2.0)
    assert store.orphans() == []


def test_adopt_refuses_files_outside_the_data_root(store: Store, tmp_path: Path) -> None:
    with pytest.raises(MockintError, match="not under the data root"):
        store.adopt_orphan(wav(tmp_path / "elsewhere.wav"))


def test_raw_connection_is_usable_by_the_practice_engine() -> None:
    conn = connect(":memory:")
    assert isinstance(conn.execute("SELECT 1").fetchone(), sqlite3.Row)


def test_the_store_imports_light() -> None:
    """`mockint history` stays quick: no Textual, no audio or model libraries on import."""
    import subprocess
    import sys

    code = (
        "import sys, mockint.store, mockint.store.export, mockint.coach, "
        "mockint.commands.history, mockint.commands.replay; print(' '.join(sys.modules))"
    )
    loaded = set(
        subprocess.run(
            [sys.executable, "-c", code], check=True, capture_output=True, text=True
        ).stdout.split()
    )
    assert not loaded & {"textual", "numpy", "soundfile", "sounddevice", "faster_whisper"}
