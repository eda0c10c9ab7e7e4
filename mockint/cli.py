"""Command line: ``mockint [COMMAND] …``. With no command, opens the app.

Each subcommand lives in ``mockint/commands/<name>.py`` with ``HELP`` (one line),
``add_arguments(parser)`` and ``run(args) -> int``. Command modules import their heavy
dependencies inside ``run`` so that ``mockint --help`` stays instant (a test checks it).

Errors the user can fix are :class:`~mockint.errors.MockintError`: printed as one line,
``mockint: error: …``, exit code 2, never a traceback (``--debug`` shows one).
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING, NoReturn

from mockint import __version__
from mockint.commands import (
    banks,
    daily,
    debrief,
    devices,
    doctor,
    export,
    forget,
    history,
    interview,
    job,
    practice,
    replay,
    score,
    weak,
)
from mockint.errors import MockintError

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

# Order is the order `mockint --help` lists them in.
COMMANDS: dict[str, ModuleType] = {
    "practice": practice,
    "daily": daily,
    "interview": interview,
    "score": score,
    "banks": banks,
    "history": history,
    "replay": replay,
    "weak": weak,
    "export": export,
    "forget": forget,
    "debrief": debrief,
    "job": job,
    "devices": devices,
    "doctor": doctor,
}

EPILOG = """\
examples:
  mockint                          open the app (today's plan, practice, history…)
  mockint daily --list             what to practice today
  mockint interview --count 5      a mock interview, feedback at the end
  mockint score answer.wav         transcribe and score a recording
  mockint banks list               the question banks you can practice

Everything stays on this machine: recordings, transcripts and scores live under the data
root (MOCKINT_HOME, or the checkout, or your user data folder; `mockint doctor` shows it).
"""


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors follow the house format (one line, exit 2)."""

    def error(self, message: str) -> NoReturn:
        raise MockintError(f"{message} (see `{self.prog} --help`)")

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        # argparse drops write errors; a --help that cannot be written must say so.
        if message:
            (file or sys.stderr).write(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="mockint",
        description="mockint: a private, offline mock-interview coach. Practice answers "
        "aloud, get honest feedback on fillers, pace, pauses and structure, and let "
        "spaced repetition bring your weak questions back.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"mockint {__version__}")
    parser.add_argument(
        "--debug", action="store_true", help="show a traceback when something goes wrong"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, module in COMMANDS.items():
        p = sub.add_parser(
            name,
            help=module.HELP,
            description=getattr(module, "DESCRIPTION", module.HELP),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        module.add_arguments(p)
        p.set_defaults(_module=module)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    try:
        try:
            args = build_parser().parse_args(argv)
            module = getattr(args, "_module", None)
            code = _open_app() if module is None else int(module.run(args) or 0)
        except SystemExit as done:  # --help, --version: their output must reach stdout too
            _flush_stdout()
            raise done
        _flush_stdout()
        return code
    except MockintError as exc:
        if debug:
            raise
        print(f"mockint: error: {exc}", file=sys.stderr)
        for line in exc.details:
            print(f"  {line}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("mockint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `mockint history | head`: the reader left; nothing to report.
        _silence_stdout()
        return 0
    except OSError as exc:
        if exc.errno not in _OUTPUT_ERRNOS:
            raise
        # stdout on a full disk or a dead device (`mockint history > /dev/full`)
        _silence_stdout()
        print(f"mockint: error: cannot write the output: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except OverflowError:
        # A number past SQLite's 64-bit integers reached a query; ids and counts are
        # range-checked when parsed, so this is a last line of defence.
        if debug:
            raise
        print("mockint: error: a number is too large (see `mockint --help`)", file=sys.stderr)
        return 2


_OUTPUT_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EFBIG, errno.ENXIO})


def _flush_stdout() -> None:
    """Write what is buffered now, so a full device fails here, as an error we can report,
    not at exit as a traceback."""
    if sys.stdout is not None:
        sys.stdout.flush()


def _silence_stdout() -> None:
    """Point stdout at /dev/null: the interpreter flushes it again at exit, and the
    unwritable buffer would print a second error there."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _open_app() -> int:
    from mockint.commands._common import require_terminal
    from mockint.config import load_config
    from mockint.tui.app import run_app  # deferred: Textual

    require_terminal("the app")
    return int(run_app(load_config()))
