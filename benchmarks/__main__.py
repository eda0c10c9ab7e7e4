"""`python -m benchmarks` (or `make bench`): every benchmark, one table.

Each ``benchmarks/bench_*.py`` exposes ``run() -> list[tuple[str, str, str]]``: rows of
(metric, value, goal). Run one with ``python -m benchmarks speech`` (names without bench_).
Results print as a Markdown table, ready to paste into README, headed by the machine.
"""

from __future__ import annotations

import importlib
import os
import platform
import sys
import time
import traceback
from datetime import date
from pathlib import Path

HERE = Path(__file__).parent
# Before anything imports numpy: on a machine whose cores are already busy, OpenBLAS's own
# threads contend with each other; one thread fitted the STAR model 3x faster (10 s against
# 31 s a fit, load ~10 on 2 cores), which is most of `python -m benchmarks scoring`.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _modules(selected: list[str]) -> list[str]:
    names = sorted(p.stem for p in HERE.glob("bench_*.py"))
    if selected:
        names = [n for n in names if n.removeprefix("bench_") in selected]
    return names


def main(argv: list[str]) -> int:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    rows: list[tuple[str, str, str, str]] = []
    failed = False
    for name in _modules(argv):
        started = time.perf_counter()
        print(f"… {name}", file=sys.stderr, flush=True)
        try:
            module = importlib.import_module(f"benchmarks.{name}")
            rows.extend((name.removeprefix("bench_"), *row) for row in module.run())
        except Exception:
            failed = True
            traceback.print_exc()
            rows.append((name.removeprefix("bench_"), "FAILED", "see stderr", ""))
        print(f"  done in {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    print(
        f"Machine: {os.cpu_count()} cores, {_cpu_name()}; Python {platform.python_version()}; "
        f"{date.today().isoformat()}\n"
    )
    print("| area | metric | value | goal |")
    print("|---|---|---|---|")
    for area, metric, value, goal in rows:
        print(f"| {area} | {metric} | {value} | {goal} |")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
