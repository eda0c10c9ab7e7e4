"""Typed answers (`mockint score --text`): same scorer, nothing audio-made up."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from mockint.scoring.result import ScoreReport
from mockint.scoring.typed import score_text, text_result

DRAFT = (
    "At my last job our ticket queue had grown to three days. My goal was to get it under "
    "a day. I rewrote the triage rules and trained two colleagues on them. The queue went "
    "down to four hours within a month."
)
AUDIO_KEYS = {"audio", "duration_s", "speech_s", "words", "timing"}
TIMED_METRICS = {"wpm", "wpm_raw", "speaking_s", "pace", "pauses", "long_pauses"}


def test_typed_answer_has_no_timed_figures() -> None:
    report = score_text(DRAFT)
    assert "pace" not in report.parts and "pauses" not in report.parts
    assert not TIMED_METRICS & set(report.metrics)
    assert "words" in report.explanations["length"]
    assert not any(" s " in tip or "WPM" in tip for tip in report.tips)
    data = text_result("draft.txt", DRAFT, None, report)
    assert not AUDIO_KEYS & set(data)
    assert {"metrics", "score", "flags", "tips", "transcript"} <= set(data)


def test_typed_json_has_no_times_it_never_measured() -> None:
    """No seconds anywhere: not the length, its target in seconds, nor a filler's or a
    sentence's start (all would be 0.0, read as measured). The report still round-trips."""
    report = score_text("So, um, at my last job the queue was three days. I rewrote the rules.")
    data = report.to_dict()
    length = data["metrics"]["length"]
    assert "seconds" not in length and "target" not in length and length["target_words"]
    assert data["metrics"]["fillers"]["items"]
    assert all("start" not in f for f in data["metrics"]["fillers"]["items"])
    assert data["sentences"] and all("start" not in s for s in data["sentences"])
    assert ScoreReport.from_dict(data).to_dict() == data


@pytest.mark.parametrize("how", ["file", "stdin"])
def test_score_text_command(tmp_path: Path, how: str) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    source = str(draft) if how == "file" else "-"
    out = subprocess.run(
        [sys.executable, "-m", "mockint", "score", "--text", source, "--json"],
        input=DRAFT if how == "stdin" else None,
        capture_output=True,
        text=True,
        check=True,
        env={"MOCKINT_HOME": str(tmp_path), "PATH": ""},
    ).stdout
    data = json.loads(out)
    assert data["text"] == source and not AUDIO_KEYS & set(data)
    assert data["metrics"]["star"]["action"] is True


def test_score_text_errors_are_one_line(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "mockint", "score", "--text", str(tmp_path / "none.txt")],
        capture_output=True,
        text=True,
        env={"MOCKINT_HOME": str(tmp_path), "PATH": ""},
    )
    assert run.returncode == 2
    assert run.stderr.startswith("mockint: error:") and len(run.stderr.splitlines()) == 1
