"""`mockint export`: everything you stored, as a Markdown report, JSON, or CSV.

``md``: a report, one section per attempt (question, transcript with fillers marked, metrics,
tips). ``json``: every attempt with words and report, plus sessions and practice state.
``csv``: one row per attempt. ``--out`` files are created readable by you only, written to a
temporary file beside FILE and renamed once complete (a full disk never leaves half a file);
an existing FILE is replaced only with ``--force``, and a symbolic link is never followed.
"""

from __future__ import annotations

import argparse
import sys

from mockint.commands._common import count

HELP = "export everything: Markdown report, JSON, or CSV"
DESCRIPTION = """\
Everything you stored, to standard output or a file: a Markdown report (one section per
attempt: question, transcript with fillers marked, metrics, tips), JSON (every attempt with
its words and report, plus sessions and practice state) or CSV (one row per attempt). An
existing file is replaced only with --force.

examples:
  mockint export --out progress.md                a report to read or print
  mockint export --format csv --out attempts.csv  one row per attempt, for a spreadsheet
  mockint export --format json --out all.json     everything, as JSON"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("md", "json", "csv"), default="md", help="default: md")
    parser.add_argument("--out", metavar="FILE", help="write here instead of standard output")
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from mockint.coach import Coach
    from mockint.config import load_config
    from mockint.store.export import export, open_private

    with Coach.open(load_config) as coach:
        if not args.out:
            export(coach.store, args.format, sys.stdout)
            return 0
        out = Path(args.out).expanduser()
        with open_private(out, force=args.force) as handle:
            exported = export(coach.store, args.format, handle)
    print(f"Exported {count(exported, 'attempt')} to {out}", file=sys.stderr)
    return 0
