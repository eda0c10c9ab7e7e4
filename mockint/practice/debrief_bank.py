"""The personal debrief bank, ``<data root>/banks/debriefs.yaml``: read, and written
atomically (valid under the bank schema).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mockint.errors import MockintError

BANK_ID = "debriefs"
BANK_FILE = f"{BANK_ID}.yaml"

_HEADER = (
    "# Questions from your real interviews, added by `mockint debrief`.\n"
    "# You may edit this file (comments are not kept when mockint adds questions).\n"
)


def _read_bank(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {
            "bank": BANK_ID,
            "title": "From your interviews",
            "description": "Questions you were asked in real interviews, logged with "
            "`mockint debrief`.",
            "questions": [],
        }
    import yaml  # deferred: only debriefs write banks

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise MockintError(
            f"{path} cannot be read ({' '.join(str(exc).split())[:120]}): fix it, or move it "
            "aside and run the debrief again; nothing was saved"
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("questions", []), list):
        raise MockintError(
            f"{path} is not a bank (expected bank:, title:, questions:): fix it, or move it "
            "aside and run the debrief again; nothing was saved"
        )
    return data


def write_bank(path: Path, data: dict[str, Any]) -> None:
    """Write the debrief bank whole (temporary file, then a rename), private (0600)."""
    from mockint.prep.bankfile import dump, write_bank

    write_bank(path, dump(data, header=_HEADER), replace=True)


# --- the database ---------------------------------------------------------------------------
