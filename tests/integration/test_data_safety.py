"""Issue 16, data loss and privacy: every case reproduced on a real data root (SQLite file,
recordings on disk), killed with SIGKILL where the audit killed it."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
import soundfile

from mockint import paths
from mockint.cli import main
from mockint.models import Kind, Question
from mockint.store import Store

SECRET = "zanzibar quartermaster"
QUESTION = Question("beh-x", "Tell me.", Kind.BEHAVIORAL, "behavioral", (60, 120))


def _wav(path: Path, seconds: float = 0.5, freq: float = 330.0) -> Path:
    t = np.arange(int(16000 * seconds)) / 16000
    data = (0.1 * np.sin(2 * np.pi * freq * t)).astype("float32")
    soundfile.write(path, data, 16000, format="WAV")
    return path


def _files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def _forget_all(capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["forget", "--all", "--yes"]) == 0
    return capsys.readouterr().out


# -- 1: any suffix is stored under a name mockint chose, and forget --all removes it --------


def test_forget_all_removes_audio_saved_with_any_suffix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open() as store:
        for name in ("answer", "ans.aif", "ans.wave"):
            kept = store.add_recorded_attempt(QUESTION, _wav(tmp_path / name))
            assert kept.audio_path is not None
            assert kept.audio_path.name.split(".")[0] == str(kept.id)
    out = _forget_all(capsys)
    assert "Deleted 3 attempts" in out
    assert _files_under(paths.recordings_dir()) == []


def test_a_file_with_our_name_and_an_odd_suffix_is_an_orphan(tmp_path: Path) -> None:
    with Store.open() as store:
        kept = store.add_recorded_attempt(QUESTION, _wav(tmp_path / "a.wav"))
        assert kept.audio_path is not None
        odd = kept.audio_path.with_name("7.audio")
        odd.write_bytes(kept.audio_path.read_bytes())
        assert odd in [o.path for o in store.orphans()]


# -- 2: a recording path is never reused, even when the database starts over --------------


def test_a_new_database_never_overwrites_an_old_recording(tmp_path: Path) -> None:
    with Store.open() as store:
        old = store.add_recorded_attempt(QUESTION, _wav(tmp_path / "a.wav", freq=200))
    assert old.audio_path is not None
    before = old.audio_path.read_bytes()
    db = paths.db_path()
    db.rename(db.with_name("mockint.db.broken"))  # the damaged-database advice
    for extra in ("-wal", "-shm"):
        db.with_name(db.name + extra).unlink(missing_ok=True)
    with Store.open() as store:
        assert [o.path for o in store.orphans()] == [old.audio_path]
        new = store.add_recorded_attempt(QUESTION, _wav(tmp_path / "b.wav", freq=900))
        live = store.begin_attempt(QUESTION)
        assert new.id == old.id  # ids restart at 1 in a new database…
        assert new.audio_path != old.audio_path  # …but the path does not
        assert live.audio_path not in (old.audio_path, new.audio_path)
        store.delete_attempt(new.id)
        store.delete_attempt(live.id)
        assert old.audio_path.read_bytes() == before  # untouched: not replaced, not deleted
        (adopted,) = [store.adopt_orphan(o.path) for o in store.orphans()]
        assert adopted.audio_path == old.audio_path


def test_begin_attempt_skips_a_file_left_at_its_path() -> None:
    with Store.open() as store:
        first = store.begin_attempt(QUESTION)
        assert first.audio_path is not None
        store.delete_attempt(first.id)
        # A file the recorder's path would be (e.g. from another database, moved aside)
        squatter = first.audio_path.with_name(f"{first.id + 1}.flac")
        squatter.parent.mkdir(parents=True, exist_ok=True)
        squatter.write_bytes(b"not yours")
        second = store.begin_attempt(QUESTION)
        assert second.audio_path != squatter
        assert squatter.read_bytes() == b"not yours"


# -- 3: forget survives being killed, and the audio never comes back --------------------------

_KILL_AT_FIRST_UNLINK = """
import os, signal, pathlib
import mockint.store.files as files
real = pathlib.Path.unlink
def die(self, *a, **k):
    os.kill(os.getpid(), signal.SIGKILL)
pathlib.Path.unlink = die
from mockint.cli import main
main({argv!r})
"""


def _killed(argv: list[str]) -> None:
    code = textwrap.dedent(_KILL_AT_FIRST_UNLINK.format(argv=argv))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == -9, done.stderr


@pytest.mark.parametrize("argv", [["forget", "--all", "--yes"], ["forget", "1", "--yes"]])
def test_forget_killed_after_the_commit_is_finished_later(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open() as store:
        kept = store.add_recorded_attempt(QUESTION, _wav(tmp_path / "a.wav"))
    assert kept.audio_path is not None and kept.audio_path.is_file()
    _killed(argv)
    with Store.open() as store:
        # Opening finishes the forgetting: the file is gone and never offered as an orphan.
        assert store.orphans() == []
        assert store.count_attempts() == 0
    assert not kept.audio_path.exists()
    assert main(["history", "--retry"]) == 0
    assert "adopted" not in capsys.readouterr().out.lower()
    with Store.open() as store:
        assert store.count_attempts() == 0


def test_forget_all_again_removes_leftover_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open() as store:
        kept = store.add_recorded_attempt(QUESTION, _wav(tmp_path / "a.wav"))
        store.delete_all()
    assert kept.audio_path is not None
    day = kept.audio_path.parent
    day.mkdir(parents=True, exist_ok=True)
    (day / "5.wav").write_bytes(b"x")  # an orphan of ours
    (day / ".5.wav.1a2b.part").write_bytes(b"x")  # a killed copy
    (day / "my-notes.txt").write_text("mine")  # the user's own file
    out = _forget_all(capsys)
    assert "Nothing to forget" not in out
    assert _files_under(paths.recordings_dir()) == [day / "my-notes.txt"]


# -- 4: --all means everything the user gave ----------------------------------------------------


def test_forget_all_removes_debriefs_weak_reasons_and_reviews(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open() as store:
        store.add_recorded_attempt(QUESTION, _wav(tmp_path / "a.wav"))
        with store.transaction() as conn:
            conn.execute(
                "INSERT INTO debriefs (company, role, feedback, questions_json, created_at) "
                "VALUES (?, ?, ?, '[]', '2026-01-01')",
                (f"Acme {SECRET}", "engineer", f"they said {SECRET}"),
            )
            conn.execute("INSERT INTO weak VALUES ('beh-x', ?, 'manual', '2026-01-01')", (SECRET,))
            conn.execute(
                "INSERT INTO reviews (question_id, rating, source, reviewed_at) "
                "VALUES ('beh-x', 3, 'self', '2026-01-01T10:00:00')"
            )
            conn.execute(
                "INSERT INTO cards (question_id, card_json, due, state, updated_at) "
                "VALUES ('beh-x', '{}', '2026-01-02', 1, '2026-01-01')"
            )
    bank = paths.user_banks_dir() / "debriefs.yaml"
    bank.parent.mkdir(parents=True, exist_ok=True)
    bank.write_text(f"bank: debriefs\n# {SECRET}\n")
    out = _forget_all(capsys)
    assert "debrief" in out
    assert not bank.exists()
    conn = sqlite3.connect(paths.db_path())
    for table in ("attempts", "sessions", "debriefs", "weak", "reviews", "cards"):
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
    conn.close()
    db = paths.db_path()
    data = b"".join(p.read_bytes() for p in (db, db.with_name(db.name + "-wal")) if p.exists())
    assert SECRET.encode() not in data


def test_forget_with_nothing_at_all_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    out = _forget_all(capsys)
    assert "Nothing to forget" in out
    assert os.listdir(paths.data_root()) is not None


# -- 10: a read-only data root still shows history and exports --------------------------------


def _read_only_run(command: str) -> subprocess.CompletedProcess[str]:
    home = paths.data_root()
    script = (
        f"mount --bind {home} {home} && mount -o remount,ro,bind {home} {home} && "
        f"{sys.executable} -m mockint {command}"
    )
    return subprocess.run(
        ["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize("command", ["history", "export --format json", "replay 1", "weak"])
def test_a_read_only_data_root_still_reads(command: str, tmp_path: Path) -> None:
    with Store.open() as store:
        store.add_recorded_attempt(QUESTION, _wav(tmp_path / "a.wav"))
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip("needs mount namespaces (unshare -m) to make a read-only mount")
    done = _read_only_run(command)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    writing = _read_only_run("forget 1 --yes")
    assert writing.returncode == 2 and writing.stderr.startswith("mockint: error: cannot write")


# -- 10: a killed copy in `score --save` leaves no hidden .part forever --------------------------


def test_a_stale_part_file_goes_and_a_live_one_stays(tmp_path: Path) -> None:
    import fcntl

    with Store.open() as store:
        kept = store.add_recorded_attempt(QUESTION, _wav(tmp_path / "a.wav"))
    assert kept.audio_path is not None
    day = kept.audio_path.parent
    stale = day / ".2.wav.1a2b3c4d.part"
    stale.write_bytes(b"\0" * 4096)  # what a SIGKILL mid-copy leaves
    live = day / ".3.wav.5e6f7a8b.part"
    live.write_bytes(b"\0" * 4096)
    with live.open("rb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)  # another process still copying
        Store.open().close()
        assert not stale.exists()
        assert live.exists()


def test_a_copy_killed_midway_leaves_nothing_after_the_next_open(tmp_path: Path) -> None:
    source = _wav(tmp_path / "long.wav", seconds=2.0)
    code = textwrap.dedent(
        f"""
        import os, shutil, signal
        def die(src, dst, length=0):
            dst.write(src.read(1000))
            dst.flush()
            os.kill(os.getpid(), signal.SIGKILL)
        shutil.copyfileobj = die
        from mockint.models import Kind, Question
        from mockint.store import Store
        question = Question("q", "t", Kind.BEHAVIORAL, "b", (60, 120))
        Store.open().add_recorded_attempt(question, {str(source)!r})
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == -9, done.stderr
    parts = list(paths.recordings_dir().rglob("*.part"))
    assert parts  # the audit's hidden leftover…
    with Store.open() as store:
        assert store.count_attempts() == 0
    assert list(paths.recordings_dir().rglob("*.part")) == []  # …gone at the next open
