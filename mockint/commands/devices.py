"""`mockint devices`: list microphones (input devices)"""

from __future__ import annotations

import argparse

from mockint.commands._common import not_built

HELP = "list microphones (input devices)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print as JSON")


def run(args: argparse.Namespace) -> int:
    not_built("devices")
