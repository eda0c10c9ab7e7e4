"""Write questions as a user bank file that the bank loader accepts.

A generated bank is the user's from the moment it is written (they may edit it), so an
existing file is never replaced unless asked: the new file is written beside it under a
temporary name and renamed over it only with ``replace=True``.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from mockint.errors import MockintError
from mockint.models import Question


def unique_id(base: str, taken: set[str]) -> str:
    """``base`` (cut to 60 characters), or ``base-2``, ``base-3``… when it is taken."""
    base = base[:60].strip("-")
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def bank_document(
    bank_id: str, title: str, description: str, questions: Sequence[Question], *, field: str
) -> dict[str, Any]:
    """The YAML document of a bank holding ``questions`` (every field they set)."""
    out: list[dict[str, Any]] = []
    for q in questions:
        entry: dict[str, Any] = {
            "id": q.id,
            "text": q.text,
            "kind": q.kind.value,
            "target_seconds": list(q.target_seconds),
            "difficulty": q.difficulty,
        }
        for name in ("tags", "key_points", "tips", "follow_ups"):
            value = getattr(q, name)
            if value:
                entry[name] = list(value)
        if q.example_outline:
            entry["example_outline"] = q.example_outline
        out.append(entry)
    doc: dict[str, Any] = {"bank": bank_id, "title": title}
    if description:
        doc["description"] = description
    doc["field"] = field
    doc["questions"] = out
    return doc


def dump(doc: dict[str, Any], *, header: str = "") -> str:
    """YAML as people write banks: ``target_seconds: [60, 120]`` on one line, outlines as
    literal blocks, keys in the order given."""
    import yaml  # deferred: only writers need it

    class Dumper(yaml.SafeDumper):
        pass

    def _list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.Node:
        flow = bool(value) and all(isinstance(v, int) for v in value)
        return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)

    def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
        style = "|" if "\n" in value else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(list, _list)
    Dumper.add_representer(str, _str)
    body = yaml.dump(doc, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100)
    return header + body


def write_bank(path: Path, text: str, *, replace: bool = False) -> None:
    """Write ``text`` to ``path`` whole (temporary file, fsync, rename), private (0600).
    An existing file is an error unless ``replace``; a symlink is never followed."""
    if path.is_symlink() or (path.exists() and not replace):
        raise MockintError(
            f"{path} already exists: it may hold your edits, so it was left as it is "
            "(use --force to replace it, or --name to write another bank)"
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
            if replace:
                os.replace(tmp, path)
            else:
                # link() fails if the name appeared meanwhile: never clobber a file made
                # between the check above and now.
                os.link(tmp, path)
                os.unlink(tmp)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except FileExistsError:
        raise MockintError(f"{path} appeared while writing; nothing was replaced") from None
    except OSError as exc:
        raise MockintError(
            f"cannot write {path} ({exc.strerror}): check that the folder is writable; "
            "nothing was saved"
        ) from None
