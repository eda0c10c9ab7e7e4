"""Two mockint processes at once (the app open, the CLI in another terminal) on one real
database file: nobody corrupts anything or gets locked out."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from mockint import paths
from mockint.store import Status, Store

WRITER = """
import sys
from mockint.models import Kind, Question, Transcript
from mockint.pipeline import ScoredAnswer
from mockint.scoring.result import ScoreReport
from mockint.store import Store

name, count = sys.argv[1], int(sys.argv[2])
q = Question(name, "Why?", Kind.PERSONAL, "b", (30, 60))
for i in range(count):
    # A fresh Store per answer, as the CLI does; the app keeps one open: both happen here.
    with Store.open() as store:
        attempt = store.begin_attempt(q)
        store.finish_recording(attempt.id, 1.0)
        report = ScoreReport(metrics={}, overall=i % 100)
        store.mark_scored(attempt.id, ScoredAnswer("x", Transcript.from_text("ok " * 50), report))
        store.list_attempts(limit=20)
print("done", flush=True)
"""


def test_two_processes_writing_at_once(tmp_path: Path) -> None:
    Store.open().close()  # create the schema first, as the first run of either would
    count = 40
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    env = {**os.environ, "MOCKINT_HOME": str(paths.data_root())}
    procs = [
        subprocess.Popen(
            [sys.executable, str(script), name, str(count)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("app", "cli")
    ]
    # Meanwhile, this process reads as `mockint history` would.
    reads = 0
    while any(p.poll() is None for p in procs):
        with Store.open() as reader:
            reader.list_attempts(limit=20)
            reader.question_trend("app")
        reads += 1
    for p in procs:
        out, err = p.communicate()
        assert p.returncode == 0, err
        assert out.strip() == "done"
    with Store.open() as store:
        assert store.count_attempts("app") == count
        assert store.count_attempts("cli") == count
        statuses = {a.status for a in store.list_attempts()}
        assert statuses == {Status.SCORED}
        assert store.read("PRAGMA integrity_check")[0][0] == "ok"
    assert reads > 0


def test_a_reader_is_not_blocked_by_an_open_write(tmp_path: Path) -> None:
    with Store.open() as store:
        store.start_session("practice")
    writer = sqlite3.connect(paths.db_path(), isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO sessions (kind, started_at) VALUES ('drill', 'now')")
    try:
        # WAL: readers see the last committed state while the write is open.
        with Store.open() as reader:
            assert reader.read("SELECT count(*) FROM sessions")[0][0] == 1
    finally:
        writer.execute("COMMIT")
        writer.close()


def test_processes_creating_the_database_at_once() -> None:
    """The first run of the app and of the CLI at the same moment: one schema, no errors."""
    code = "from mockint.store import Store\nwith Store.open() as s: s.start_session('daily')"
    env = {**os.environ, "MOCKINT_HOME": str(paths.data_root())}
    procs = [
        subprocess.Popen([sys.executable, "-c", code], env=env, stderr=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    for p in procs:
        _, err = p.communicate(timeout=60)
        assert p.returncode == 0, err
    with Store.open() as store:
        assert store.read("SELECT count(*) FROM sessions")[0][0] == 4
