"""`mockint score` end to end in a subprocess: the JSON contract, the summary, errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.integration.fixtures_speech import SCRIPTS, SPEECH, speech_wer

pytestmark = pytest.mark.model

CONTRACT_KEYS = {
    "audio",
    "question",
    "duration_s",
    "speech_s",
    "transcript",
    "words",
    "metrics",
    "score",
    "flags",
    "timing",
}


def mockint(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mockint", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def test_score_json_has_the_contract_keys() -> None:
    out = mockint("score", str(SPEECH / "star.flac"), "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) >= CONTRACT_KEYS
    assert data["duration_s"] == pytest.approx(23.84, abs=0.05)
    assert 0 < data["speech_s"] <= data["duration_s"]
    assert data["metrics"]["word_count"] == len(data["words"]) > 40
    assert set(data["words"][0]) >= {"text", "start", "end"}
    assert "transcribe_s" in data["timing"] and "after_stop_s" not in data["timing"]
    assert speech_wer(SCRIPTS["star"], data["transcript"]) <= 0.25
    assert out.stderr == ""  # progress only when stderr is a terminal


def test_score_live_json_reports_after_stop() -> None:
    out = mockint("score", str(SPEECH / "phrase.flac"), "--json", "--live", "--pace", "8")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["timing"]["after_stop_s"] >= 0
    assert speech_wer(SCRIPTS["phrase"], data["transcript"]) <= 0.15


def test_score_with_a_question(tmp_path: Path) -> None:
    from mockint.banks import load_catalog

    question = load_catalog().questions()[0]
    out = mockint("score", str(SPEECH / "phrase.flac"), "--question", question.id, "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["question"] == question.id


def test_score_summary_is_readable() -> None:
    out = mockint("score", str(SPEECH / "phrase.flac"))
    assert out.returncode == 0, out.stderr
    assert "I enjoy solving hard problems" in out.stdout
    assert "words" in out.stdout and "duration" in out.stdout


def test_silence_scores_as_no_speech() -> None:
    out = mockint("score", str(SPEECH / "silence.flac"), "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["words"] == [] and "no_speech" in data["flags"]


def _bad_files(tmp: Path) -> list[tuple[Path, str]]:
    text = tmp / "notes.wav"
    text.write_text("not audio at all\n" * 20)
    empty = tmp / "empty.flac"
    empty.write_bytes(b"")
    cut = tmp / "cut.flac"
    data = (SPEECH / "star.flac").read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    return [
        (tmp / "missing.wav", "no such file"),
        (text, "notes.wav"),
        (empty, "empty"),
        (cut, "damaged or truncated"),
    ]


def test_bad_files_fail_with_one_line_and_exit_2(tmp_path: Path) -> None:
    for path, expect in _bad_files(tmp_path):
        out = mockint("score", str(path), "--json")
        assert out.returncode == 2, (path, out.stderr)
        assert out.stdout == ""
        lines = out.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("mockint: error:"), out.stderr
        assert expect in lines[0]


def test_unknown_question_fails_with_one_line() -> None:
    out = mockint("score", str(SPEECH / "phrase.flac"), "--question", "no-such-question")
    assert out.returncode == 2
    assert out.stderr.startswith("mockint: error:") and "no-such-question" in out.stderr
    assert "Traceback" not in out.stderr
