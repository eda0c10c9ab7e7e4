"""`mockint doctor`: check microphone, speech model and data root"""

from __future__ import annotations

import argparse

from mockint.commands._common import not_built

HELP = "check microphone, speech model and data root"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print as JSON")


def run(args: argparse.Namespace) -> int:
    not_built("doctor")
