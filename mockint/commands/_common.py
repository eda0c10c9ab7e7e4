"""Small helpers shared by command modules."""

from __future__ import annotations

import json
import sys
from typing import Any, NoReturn

from mockint.errors import MockintError


def print_json(obj: Any) -> None:
    """Print ``obj`` as pretty JSON on stdout (the machine-readable form of every command)."""
    json.dump(obj, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def not_built(command: str) -> NoReturn:
    raise MockintError(f"`mockint {command}` is not built yet; see `mockint --help`")
