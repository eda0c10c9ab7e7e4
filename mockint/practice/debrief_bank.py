"""The personal debrief bank, ``<data root>/banks/debriefs.yaml``: read, and written
atomically (valid under the bank schema).
"""

from __future__ import annotations

import os
import tempfile
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


def _dump(data: dict[str, Any]) -> str:
    import yaml

    class Dumper(yaml.SafeDumper):
        """Writes ``target_seconds: [60, 120]`` as people write it, not one number a line."""

    def _list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.Node:
        flow = bool(value) and all(isinstance(v, int) for v in value)
        return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)

    Dumper.add_representer(list, _list)
    body = yaml.dump(data, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100)
    return _HEADER + body


def _write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file and a rename, so a crash leaves the old file or the new
    one, never half of one. The file is private (0600): it names companies and feedback."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise MockintError(
            f"cannot write {path} ({exc.strerror}): check that the folder is writable; "
            "nothing was saved"
        ) from None


# --- the database ---------------------------------------------------------------------------
