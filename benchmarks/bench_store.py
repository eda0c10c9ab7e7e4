"""Store speed at scale: `mockint history` and a question's trend over 10,000 attempts.

``run()`` seeds a temporary data root (benchmarks/seed_attempts.py), then times the commands
in-process (median of several runs, each opening the database afresh as the CLI does) and
reports the database size.
"""

from __future__ import annotations

import contextlib
import io
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.seed_attempts import seed

ATTEMPTS = 10_000
RUNS = 7
GOAL_MS = 200


def _median_ms(fn: Callable[[], object], runs: int = RUNS) -> float:
    fn()  # warm: imports and the OS page cache, as for a user's second command
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _cli(*argv: str) -> Callable[[], object]:
    from mockint.cli import main

    def call() -> object:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            code = main(list(argv))
        if code != 0:
            raise RuntimeError(f"mockint {' '.join(argv)} exited {code}")
        return code

    return call


def run() -> list[tuple[str, str, str]]:
    previous = os.environ.get("MOCKINT_HOME")
    with tempfile.TemporaryDirectory(prefix="mockint-bench-store-") as tmp:
        try:
            started = time.perf_counter()
            db = seed(Path(tmp), ATTEMPTS)
            seed_s = time.perf_counter() - started
            from mockint.store import Store

            with Store.open() as store:
                _touch_audio(store)
                question = store.list_attempts(limit=1)[0].question_id or "q00"
                per_question = store.count_attempts(question)
                orphans_ms = _median_ms(store.orphans)
            goal = f"< {GOAL_MS} ms"
            rows = [
                ("attempts seeded", f"{ATTEMPTS:,} in {seed_s:.1f} s", ""),
                ("`mockint history` (20 newest)", f"{_median_ms(_cli('history')):.0f} ms", goal),
                (
                    "`mockint history --json`",
                    f"{_median_ms(_cli('history', '--json')):.0f} ms",
                    goal,
                ),
                (
                    f"`mockint history --question` ({per_question} attempts, trend)",
                    f"{_median_ms(_cli('history', '--question', question)):.0f} ms",
                    goal,
                ),
                ("Store.open() + recovery check", f"{_median_ms(_open_close):.1f} ms", ""),
                ("orphan scan (10,000 audio files)", f"{orphans_ms:.1f} ms", ""),
                ("database size", f"{_size_mb(db):.1f} MB ({ATTEMPTS:,} attempts)", ""),
            ]
        finally:
            if previous is None:
                os.environ.pop("MOCKINT_HOME", None)
            else:
                os.environ["MOCKINT_HOME"] = previous
    return rows


def _touch_audio(store: object) -> None:
    """An empty file at every attempt's audio path, so the orphan scan lists a real tree."""
    from mockint.store import Store

    assert isinstance(store, Store)
    for (relative,) in store.iter_rows("SELECT audio_path FROM attempts"):
        path = store.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch()


def _open_close() -> None:
    from mockint.store import Store

    Store.open().close()


def _size_mb(db: Path) -> float:
    files = [db, db.with_name(db.name + "-wal")]
    return sum(f.stat().st_size for f in files if f.exists()) / 1e6


if __name__ == "__main__":
    for metric, value, goal in run():
        print(f"{metric:55} {value:>28}  {goal}")
