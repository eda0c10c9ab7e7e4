"""Everything the user stored, in a form they can take away: Markdown, JSON or CSV.

Writers stream attempt by attempt, so an export of years of practice never needs it all in
memory. Files are created readable by the owner only (transcripts are private).
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from mockint import __version__
from mockint.clock import now_iso
from mockint.errors import MockintError
from mockint.store import display
from mockint.store.attempts import SUMMARY_COLUMNS, Attempt, attempt_from_row
from mockint.store.store import Store

FORMATS = ("md", "json", "csv")

CSV_COLUMNS = (
    "id",
    "created_at",
    "question",
    "question_text",
    "bank",
    "kind",
    "status",
    "duration_s",
    "overall",
    "wpm",
    "fillers_per_100_words",
    "hedges",
    "flags",
    "self_rating",
    "error",
    "audio",
    "transcript",
)

# Tables exported whole besides attempts (the practice engine's state).
OTHER_TABLES = ("sessions", "cards", "reviews", "weak", "debriefs")


def export(store: Store, fmt: str, out: TextIO) -> int:
    """Write every attempt to ``out`` as ``md``, ``json`` or ``csv``; returns how many."""
    writers: dict[str, Callable[[Store, TextIO], int]] = {
        "md": write_markdown,
        "json": write_json,
        "csv": write_csv,
    }
    if fmt not in writers:
        raise MockintError(f"unknown export format {fmt!r} (choose {', '.join(FORMATS)})")
    return writers[fmt](store, out)


@contextmanager
def open_private(path: Path, *, force: bool = False) -> Iterator[TextIO]:
    """``with open_private(path) as out:`` — text written to a private (0600) temp file
    beside ``path``, which becomes ``path`` only once complete: a full disk or an error
    leaves the previous file as it was. An existing ``path`` is replaced only with
    ``force``; a symbolic link is never followed (its target is never touched)."""
    if path.is_symlink():
        raise MockintError(f"{path} is a symbolic link: not writing through it (give a real path)")
    if path.exists():
        if not path.is_file():
            raise MockintError(f"{path} is not a regular file: give a file name to write")
        if not force:
            raise MockintError(f"{path} already exists: add --force to replace it")
    try:
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise MockintError(f"cannot write {path}: {exc.strerror or exc}") from None
    tmp = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        if force:
            os.replace(tmp, path)  # replaces a link itself, never its target
        else:
            os.link(tmp, path)  # fails if the name appeared meanwhile: nothing replaced
    except OSError as exc:
        raise MockintError(
            f"cannot write {path}: {exc.strerror or exc} (nothing was replaced)"
        ) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


# -- JSON ------------------------------------------------------------------------------------


def write_json(store: Store, out: TextIO) -> int:
    """``{"mockint", "exported_at", "attempts": [...], "sessions": [...], "cards": …}``."""
    out.write("{\n")
    out.write(f'  "mockint": {json.dumps(__version__)},\n')
    out.write(f'  "exported_at": {json.dumps(now_iso())},\n')
    out.write('  "attempts": [')
    count = 0
    for data in _attempts_json(store):
        out.write("," if count else "")
        out.write("\n    " + json.dumps(data, ensure_ascii=False))
        count += 1
    out.write("\n  ]" if count else "]")
    for table in OTHER_TABLES:
        rows = [dict(r) for r in store.read(f"SELECT * FROM {table} ORDER BY 1")]
        out.write(f',\n  "{table}": {json.dumps(rows, ensure_ascii=False)}')
    out.write("\n}\n")
    return count


# -- CSV -------------------------------------------------------------------------------------


def write_csv(store: Store, out: TextIO) -> int:
    """One row per attempt, the headline metrics as columns (spreadsheet-friendly)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    count = 0
    for attempt in store.iter_attempts(full=True, words=False):
        writer.writerow(_csv_row(attempt, store.root))
        count += 1
    return count


def _csv_row(attempt: Attempt, root: Path) -> list[Any]:
    data = attempt.to_dict(root=root, full=False)
    metrics = attempt.report.get("metrics") or {}
    fillers = metrics.get("fillers") or {}
    hedges = metrics.get("hedges") or {}
    values = {
        **data,
        "wpm": metrics.get("wpm"),
        "fillers_per_100_words": fillers.get("per_100_words"),
        "hedges": hedges.get("total"),
        "flags": " ".join(attempt.flags),
    }
    return ["" if values.get(c) is None else values[c] for c in CSV_COLUMNS]


# -- Markdown --------------------------------------------------------------------------------


def write_markdown(store: Store, out: TextIO) -> int:
    """A report: per attempt, the question, the transcript (fillers marked), metrics, tips;
    then the interviews you debriefed."""
    out.write("# mockint practice report\n\n")
    out.write(f"Exported {display.local_time(now_iso())}.\n")
    count = 0
    for attempt in store.iter_attempts(full=True):
        out.write("\n" + markdown_attempt(attempt))
        count += 1
    if not count:
        out.write("\nNo attempts yet.\n")
    out.write(_markdown_debriefs(store))
    return count


def _markdown_debriefs(store: Store) -> str:
    rows = store.read(
        "SELECT company, role, interview_date, feedback, questions_json FROM debriefs "
        "ORDER BY interview_date, id"
    )
    if not rows:
        return ""
    lines = ["", "# Your interviews (debriefs)"]
    for row in rows:
        where = " · ".join(x for x in (row["company"], row["role"]) if x) or "An interview"
        lines += ["", f"## {where}, {row['interview_date']}", ""]
        if row["feedback"]:
            lines += ["Feedback:", "", _quote(row["feedback"]), ""]
        items = json.loads(row["questions_json"] or "[]")
        for item in items if isinstance(items, list) else []:
            text = str(item.get("text", "")) if isinstance(item, dict) else str(item)
            struggled = isinstance(item, dict) and item.get("struggled")
            lines.append(f"- {text}" + (" (you struggled with it)" if struggled else ""))
    return "\n".join(lines) + "\n"


def markdown_attempt(attempt: Attempt) -> str:
    """One attempt as a Markdown section."""
    title = attempt.question_text or attempt.question_id or "Free answer"
    lines = [
        f"## Attempt {attempt.id}: {title}",
        "",
        f"- Date: {display.local_time(attempt.created_at)}",
        f"- Question: `{attempt.question_id}`" if attempt.question_id else "- Question: none",
        f"- Length: {display.duration(attempt.duration_s)}",
        f"- Score: {display.score_text(attempt)}",
    ]
    if attempt.flags:
        lines.append(f"- Flags: {', '.join(attempt.flags)}")
    if attempt.self_rating:
        lines.append(f"- Your rating: {attempt.self_rating}/4")
    if attempt.error:
        lines.append(f"- Error: {attempt.error}")
    lines += ["", "### Transcript", ""]
    if attempt.words:
        lines.append(_quote(display.marked_transcript(attempt.words, attempt.report)))
        lines += ["", f"*{display.LEGEND}*"]
    else:
        lines.append(_quote(attempt.transcript) if attempt.transcript else "*Not transcribed.*")
    lines += _markdown_metrics(attempt.report)
    tips = attempt.report.get("tips") or []
    if tips:
        lines += ["", "### Tips", ""]
        lines += [f"- {_tip_text(t)}" for t in tips]
    return "\n".join(lines) + "\n"


def _markdown_metrics(report: dict[str, Any]) -> list[str]:
    """The metrics a person reads, in words (raw data is in the JSON export)."""
    metrics = report.get("metrics") or {}
    rows: list[tuple[str, str]] = []
    if isinstance(metrics.get("word_count"), int):
        rows.append(("Words", str(metrics["word_count"])))
    if isinstance(metrics.get("wpm"), int | float):
        rows.append(("Pace", f"{metrics['wpm']:.0f} words a minute"))
    fillers = metrics.get("fillers")
    if isinstance(fillers, dict) and "total" in fillers:
        rate = fillers.get("per_100_words")
        text = str(fillers["total"]) + (f" ({rate:.1f} per 100 words)" if rate is not None else "")
        rows.append(("Fillers", text + _counts(fillers.get("counts"))))
    pauses = metrics.get("long_pauses")
    if isinstance(pauses, list):
        rows.append(("Long pauses", str(len(pauses))))
    hedges = metrics.get("hedges")
    if isinstance(hedges, dict) and "total" in hedges:
        rows.append(("Hedges", str(hedges["total"]) + _counts(hedges.get("counts"))))
    star = metrics.get("star")
    if isinstance(star, dict) and star:
        said = [k for k, v in star.items() if v is True]
        missing = [k for k, v in star.items() if v is False]
        text = ", ".join(said) or "none"
        rows.append(
            ("Structure (STAR)", text + (f"; missing {', '.join(missing)}" if missing else ""))
        )
    parts = (report.get("score") or {}).get("parts") or {}
    if parts:
        rows.append(("Part scores", ", ".join(f"{k} {v}" for k, v in parts.items())))
    if not rows:
        return []
    lines = ["", "### Metrics", "", "| | |", "|---|---|"]
    lines += [f"| {k} | {v.replace('|', '/')} |" for k, v in rows]
    return lines


def _counts(counts: Any) -> str:
    """``: um 3, like 2`` (most first), or nothing."""
    if not isinstance(counts, dict) or not counts:
        return ""
    ranked = sorted(counts.items(), key=lambda kv: -kv[1] if isinstance(kv[1], int) else 0)
    return ": " + ", ".join(f"{k} {v}" for k, v in ranked)


def _tip_text(tip: Any) -> str:
    if isinstance(tip, dict):
        return str(tip.get("text") or tip.get("tip") or tip)
    return str(tip)


def _quote(text: str) -> str:
    return "\n".join(f"> {line}" for line in text.splitlines() or [""])


def _attempts_json(store: Store) -> Iterator[dict[str, Any]]:
    """Every attempt as :meth:`Attempt.to_dict` data, oldest first: the words go straight
    from their stored JSON, skipping a Word object per word (the bulk of the time for a long
    history)."""
    for row in store.iter_rows(
        f"SELECT {SUMMARY_COLUMNS}, report_json, words_json AS raw_words "
        "FROM attempts ORDER BY created_at, id"
    ):
        data = attempt_from_row(row, store.root).to_dict(root=store.root, full=True)
        data["words"] = json.loads(row["raw_words"] or "[]")
        yield data
