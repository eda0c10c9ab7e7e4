"""Small helpers shared by command modules."""

from __future__ import annotations

import json
import sys
from typing import Any

from mockint.fmt import count

__all__ = ["count", "print_json"]


def print_json(obj: Any) -> None:
    """Print ``obj`` as pretty JSON on stdout (the machine-readable form of every command)."""
    json.dump(obj, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
