"""`mockint debrief`: log a real interview; the questions you struggled with become practice"""

from __future__ import annotations

import argparse

from mockint.commands._common import not_built

HELP = "log a real interview; the questions you struggled with become practice"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    del parser  # interactive: asks its questions in the terminal


def run(args: argparse.Namespace) -> int:
    not_built("debrief")
