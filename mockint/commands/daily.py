"""`mockint daily`: today's plan: due and weak questions first, then new ones"""

from __future__ import annotations

import argparse

from mockint.commands._common import not_built

HELP = "today's plan: due and weak questions first, then new ones"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--list", action="store_true", help="print the plan instead of opening it")
    parser.add_argument("--json", action="store_true", help="print the plan as JSON")


def run(args: argparse.Namespace) -> int:
    not_built("daily")
