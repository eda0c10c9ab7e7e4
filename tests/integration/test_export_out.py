"""`mockint export --out` (issue 16, case 6): never half a file, never over one unasked,
never through a symbolic link."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Any, TextIO

import pytest

from mockint.cli import main


def _export(*argv: str) -> int:
    return main(["export", *argv])


def test_an_existing_file_is_kept_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "backup.md"
    out.write_text("the good backup")
    assert _export("--out", str(out)) == 2
    err = capsys.readouterr().err
    assert "already exists" in err and "--force" in err
    assert out.read_text() == "the good backup"
    assert _export("--out", str(out), "--force") == 0
    assert out.read_text() != "the good backup"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


@pytest.mark.parametrize("force", [False, True])
def test_a_symbolic_link_is_never_followed(
    tmp_path: Path, force: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "target.txt"
    target.write_text("not yours to change")
    os.chmod(target, 0o644)
    link = tmp_path / "export.md"
    link.symlink_to(target)
    assert _export("--out", str(link), *(["--force"] if force else [])) == 2
    assert "symbolic link" in capsys.readouterr().err
    assert target.read_text() == "not yours to change"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_a_full_disk_leaves_the_previous_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import mockint.store.export as exporting

    def full(store: Any, fmt: str, out: TextIO) -> int:
        out.write("half a report")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(exporting, "export", full)
    out = tmp_path / "backup.md"
    out.write_text("the good backup")
    assert _export("--out", str(out), "--force") == 2
    err = capsys.readouterr().err
    assert err.startswith("mockint: error:") and "No space left" in err
    assert out.read_text() == "the good backup"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup.md"]  # no temp file left


def test_a_directory_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _export("--out", str(tmp_path)) == 2
    assert "not a regular file" in capsys.readouterr().err


def test_markdown_reads_as_words_and_includes_debriefs(tmp_path: Path) -> None:
    import io

    import numpy as np
    import soundfile

    from mockint.models import Kind, Question, Transcript
    from mockint.pipeline import ScoredAnswer
    from mockint.scoring.result import ScoreReport
    from mockint.store import Store
    from mockint.store.export import export

    metrics = {
        "word_count": 120,
        "wpm": 151.4,
        "fillers": {
            "total": 4,
            "per_minute": 2.0,
            "per_100_words": 3.3,
            "counts": {"um": 3, "like": 1},
        },
        "long_pauses": [{"start": 1.0, "end": 4.0}],
        "hedges": {"total": 1, "counts": {"i think": 1}},
        "star": {"situation": True, "task": True, "action": True, "result": False},
    }
    report = ScoreReport(metrics=metrics, overall=71, parts={"fillers": 80, "structure": 60})
    wav = tmp_path / "a.wav"
    soundfile.write(wav, np.zeros(8000, dtype="float32"), 16000)
    question = Question("beh-x", "Tell me.", Kind.BEHAVIORAL, "behavioral", (60, 120))
    with Store.open() as store:
        attempt = store.add_recorded_attempt(question, wav)
        scored = ScoredAnswer("a.wav", Transcript.from_text("um so I led it"), report)
        store.mark_scored(attempt.id, scored)
        with store.transaction() as conn:
            conn.execute(
                "INSERT INTO debriefs (company, role, interview_date, feedback, questions_json,"
                " created_at) VALUES ('Acme', 'SRE', '2026-11-20', 'Too vague on results.', ?,"
                " '2026-11-20')",
                ('[{"text": "Why Acme?", "struggled": true}]',),
            )
        out = io.StringIO()
        export(store, "md", out)
    text = out.getvalue()
    assert "True" not in text and "(nested)" not in text
    assert "| Pace | 151 words a minute |" in text
    assert "| Fillers | 4 (3.3 per 100 words): um 3, like 1 |" in text
    assert "| Structure (STAR) | situation, task, action; missing result |" in text
    assert "| Part scores | fillers 80, structure 60 |" in text
    assert "## Acme · SRE, 2026-11-20" in text and "> Too vague on results." in text
    assert "- Why Acme? (you struggled with it)" in text
