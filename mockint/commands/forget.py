"""`mockint forget`: delete attempts: their audio and their rows"""

from __future__ import annotations

import argparse

from mockint.commands._common import not_built

HELP = "delete attempts: their audio and their rows"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("attempt", metavar="ATTEMPT", nargs="?", help="attempt id")
    parser.add_argument("--all", action="store_true", help="delete every attempt")
    parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")


def run(args: argparse.Namespace) -> int:
    not_built("forget")
