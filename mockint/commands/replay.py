"""`mockint replay`: play an attempt with its transcript in step"""

from __future__ import annotations

import argparse

from mockint.commands._common import not_built

HELP = "play an attempt with its transcript in step"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("attempt", metavar="ATTEMPT", help="attempt id (see `mockint history`)")
    parser.add_argument("--no-audio", action="store_true", help="print the transcript only")


def run(args: argparse.Namespace) -> int:
    not_built("replay")
