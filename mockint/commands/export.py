"""`mockint export`: export everything: Markdown report, JSON, or CSV"""

from __future__ import annotations

import argparse

from mockint.commands._common import not_built

HELP = "export everything: Markdown report, JSON, or CSV"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("md", "json", "csv"), default="md")
    parser.add_argument("--out", metavar="FILE", help="write here instead of standard output")


def run(args: argparse.Namespace) -> int:
    not_built("export")
