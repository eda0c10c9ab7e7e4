"""`mockint banks`: question banks: list, show, validate"""

from __future__ import annotations

import argparse

from mockint.commands._common import not_built

HELP = "question banks: list, show, validate"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = sub.add_parser("list", help="the banks and how many questions each has")
    p.add_argument("--json", action="store_true", help="print as JSON")
    p = sub.add_parser("show", help="one bank's questions with their ids")
    p.add_argument("name", metavar="NAME", help="bank id")
    p.add_argument("--json", action="store_true", help="print as JSON")
    p = sub.add_parser("validate", help="check bank files; every problem at file:line:column")
    p.add_argument("paths", metavar="PATH", nargs="*", help="files (default: every loaded bank)")


def run(args: argparse.Namespace) -> int:
    not_built("banks")
