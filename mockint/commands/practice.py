"""`mockint practice`: practice questions in the app (a bank, one question, or a few)"""

from __future__ import annotations

import argparse

from mockint.commands._common import not_built

HELP = "practice questions in the app (a bank, one question, or a few)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--bank", metavar="B", help="practice questions from this bank")
    parser.add_argument("--question", metavar="ID", help="practice this one question")
    parser.add_argument("--count", metavar="N", type=int, help="how many questions")


def run(args: argparse.Namespace) -> int:
    not_built("practice")
