"""`mockint score`: transcribe and score a recording (any common audio format)"""

from __future__ import annotations

import argparse

from mockint.commands._common import not_built

HELP = "transcribe and score a recording (any common audio format)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("audio", metavar="AUDIO", help="the recording: WAV, FLAC, MP3, OGG, ...")
    parser.add_argument("--question", metavar="ID", help="the question it answers")
    parser.add_argument("--save", action="store_true", help="keep it as an attempt in history")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--live", action="store_true", help="feed it through the live pipeline")


def run(args: argparse.Namespace) -> int:
    not_built("score")
