"""Start-up cost: what a user waits for before anything happens."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time


def _median_s(argv: list[str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def run() -> list[tuple[str, str, str]]:
    python = sys.executable
    bare = _median_s([python, "-c", "pass"])
    cli = _median_s([python, "-c", "import mockint.cli"])
    help_ = _median_s([python, "-m", "mockint", "--help"])
    banks = _median_s([python, "-m", "mockint", "banks", "list"])
    return [
        ("import mockint.cli (beyond a bare interpreter), median of 5", f"{cli - bare:.3f} s", ""),
        ("`mockint --help`, whole process, median of 5", f"{help_:.3f} s", ""),
        ("`mockint banks list` (loads and validates every bundled question)", f"{banks:.3f} s", ""),
    ]
