"""`mockint history`: past attempts, newest first; one question's trend"""

from __future__ import annotations

import argparse

from mockint.commands._common import not_built

HELP = "past attempts, newest first; one question's trend"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--question", metavar="ID", help="only this question, with its trend")
    parser.add_argument("--json", action="store_true", help="print as JSON")


def run(args: argparse.Namespace) -> int:
    not_built("history")
