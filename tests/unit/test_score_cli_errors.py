"""`mockint score` given the wrong thing: one line `mockint: error: …` that says what to do,
exit code 2, nothing on stdout, nothing stored."""

from __future__ import annotations

import io
import wave
from pathlib import Path

import pytest

from mockint import cli

ANSWER = "I rewrote the triage rules and the queue went down to four hours."


def _wav(path: Path) -> Path:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16000)
        w.writeframes(b"\x01\x00" * 1600)
    return path


def _files(tmp: Path) -> dict[str, Path]:
    (tmp / "answer.txt").write_text(ANSWER, encoding="utf-8")
    (tmp / "empty.txt").write_text("", encoding="utf-8")
    (tmp / "blank.txt").write_text("  \n\n ", encoding="utf-8")
    (tmp / "folder").mkdir()
    return {"answer": tmp / "answer.txt", "wav": _wav(tmp / "a.wav")}


CASES = [
    # (argv with {tmp}, what the one line must say)
    (["score"], "mockint score --text answer.txt"),
    (["score", "{tmp}/a.wav", "--text", "{tmp}/answer.txt"], "not both"),
    (["score", "--text", "{tmp}/missing.txt"], "missing.txt: no such file"),
    (["score", "--text", "{tmp}/folder"], "a folder, not a text file"),
    (["score", "--text", "{tmp}/empty.txt"], "empty.txt is empty"),
    (["score", "--text", "{tmp}/blank.txt", "--json"], "blank.txt is empty"),
    (["score", "--text", "{tmp}/a.wav"], "mockint score {tmp}/a.wav"),
    (["score", "{tmp}/answer.txt"], "mockint score --text {tmp}/answer.txt"),
    (["score", "{tmp}/answer.txt", "--save"], "this is a text file, not a recording"),
    (["score", "--text", "{tmp}/answer.txt", "--question", "no-such-q"], "no-such-q"),
]


@pytest.mark.parametrize(("argv", "says"), CASES)
def test_score_mistakes_are_one_line_with_the_fix(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    says: str,
) -> None:
    monkeypatch.setenv("MOCKINT_HOME", str(tmp_path / "home"))
    _files(tmp_path)
    code = cli.main([a.format(tmp=tmp_path) for a in argv])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("mockint: error: "), err
    assert says.format(tmp=tmp_path) in lines[0]
    assert "Errno" not in err
    assert not (tmp_path / "home" / "recordings").exists()


def test_empty_answer_on_stdin_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MOCKINT_HOME", str(tmp_path))
    monkeypatch.setattr("sys.stdin", io.StringIO("\n"))
    assert cli.main(["score", "--text", "-"]) == 2
    assert "standard input" in capsys.readouterr().err


@pytest.mark.parametrize("question", [None, "you-tell-me-about-yourself"])
def test_without_a_question_the_output_says_how_it_was_scored(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    question: str | None,
) -> None:
    """Without --question a "tell me about yourself" is scored as a story: STAR flags with
    no reason shown, unless the output says so."""
    from mockint.commands.score import NO_QUESTION

    monkeypatch.setenv("MOCKINT_HOME", str(tmp_path / "home"))
    answer = _files(tmp_path)["answer"]
    argv = ["score", "--text", str(answer), *(["--question", question] if question else [])]
    assert cli.main(argv) == 0
    out = capsys.readouterr().out
    assert (NO_QUESTION in out) == (question is None)
