"""`mockint banks list|show|validate` through the real command line entry point."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mockint import cli, paths
from tests.conftest import FIXTURES

VALID = FIXTURES / "banks" / "valid"
BROKEN = FIXTURES / "banks" / "broken"
Capsys = pytest.CaptureFixture[str]


@pytest.fixture
def bundled(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    folder = tmp_path / "bundled"
    shutil.copytree(VALID, folder)
    monkeypatch.setattr(paths, "bundled_banks_dir", lambda: folder)
    return folder


@pytest.fixture
def user_dir() -> Path:
    folder = paths.user_banks_dir()
    folder.mkdir(parents=True)
    return folder


# ----- list


def test_list_table(bundled: Path, capsys: Capsys) -> None:
    assert cli.main(["banks", "list"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["FIELD", "BANK", "TITLE", "QUESTIONS", "KINDS", "SOURCE"]
    assert out[1].split() == [
        "general", "valid-core", "Valid", "core", "3", "behavioral,", "personal,", "closing",
        "bundled",
    ]  # fmt: skip
    assert out[2].split() == [
        "general", "valid-extra", "Valid", "extra", "1", "technical", "bundled"
    ]  # fmt: skip
    assert out[-1] == "2 banks, 4 questions"


def test_list_groups_banks_by_field_general_first(
    bundled: Path, user_dir: Path, capsys: Capsys
) -> None:
    """A field bank of the user's sorts with its field, before or after the bundled ones."""
    text = (VALID / "valid-extra.yaml").read_text(encoding="utf-8")
    for bank_id, field in [("zz-nursing", "healthcare"), ("aa-teaching", "education")]:
        mine = text.replace("bank: valid-extra", f"bank: {bank_id}\nfield: {field}")
        mine = mine.replace("id: fix-", f"id: {bank_id}-")
        (user_dir / f"{bank_id}.yaml").write_text(mine, encoding="utf-8")
    assert cli.main(["banks", "list"]) == 0
    rows = [line.split()[:2] for line in capsys.readouterr().out.splitlines()[1:5]]
    assert rows == [
        ["general", "valid-core"],
        ["general", "valid-extra"],
        ["education", "aa-teaching"],
        ["healthcare", "zz-nursing"],
    ]
    assert cli.main(["banks", "list", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(b["field"], b["id"]) for b in data["banks"]] == [tuple(r) for r in rows]


def test_list_json(bundled: Path, user_dir: Path, capsys: Capsys) -> None:
    shutil.copy(BROKEN / "missing-kind.yaml", user_dir)
    assert cli.main(["banks", "list", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [b["id"] for b in data["banks"]] == ["valid-core", "valid-extra"]
    assert data["banks"][0] == {
        "id": "valid-core",
        "title": "Valid core",
        "field": "general",
        "description": "A small bank using every field, for the loader's tests.",
        "questions": 3,
        "kinds": {"behavioral": 1, "personal": 1, "closing": 1},
        "source": "bundled",
        "path": str(bundled / "valid-core.yaml"),
    }
    assert data["problems"] == [
        f"{user_dir / 'missing-kind.yaml'}:5:5: questions[0].kind: missing: set kind here or "
        "in the bank's defaults (behavioral, situational, personal, technical, closing)"
    ]


def test_list_shows_user_bank_problems_as_warnings(
    bundled: Path, user_dir: Path, capsys: Capsys
) -> None:
    shutil.copy(BROKEN / "unknown-field.yaml", user_dir)
    shutil.copy(VALID / "valid-extra.yaml", user_dir / "mine.yaml")
    assert cli.main(["banks", "list"]) == 0
    captured = capsys.readouterr()
    assert "valid-core" in captured.out
    err = captured.err.splitlines()
    assert err[1] == "warning: 3 problems in your banks (those banks or questions were skipped):"
    assert err[2] == (
        f"  {user_dir / 'mine.yaml'}:2:7: bank: bank id 'valid-extra' must match the file "
        "name 'mine.yaml' (rename the file to 'valid-extra.yaml')"
    )
    assert err[3].startswith(f"  {user_dir / 'unknown-field.yaml'}:6:5: ")


def test_list_with_no_banks(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: Capsys
) -> None:
    monkeypatch.setattr(paths, "bundled_banks_dir", lambda: tmp_path / "absent")
    assert cli.main(["banks", "list"]) == 0
    assert capsys.readouterr().out == "no question banks found\n"


def test_list_with_broken_bundled_bank_is_one_error(bundled: Path, capsys: Capsys) -> None:
    shutil.copy(BROKEN / "difficulty.yaml", bundled)
    assert cli.main(["banks", "list"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("mockint: error: the bundled question banks are broken (2 problems)")
    assert err[1].startswith(f"  {bundled / 'difficulty.yaml'}:6:15: defaults.difficulty: ")


# ----- show


def test_show_lists_questions_with_ids(bundled: Path, capsys: Capsys) -> None:
    assert cli.main(["banks", "show", "valid-core"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Valid core (valid-core, bundled)"
    header = out.index(next(line for line in out if line.startswith("ID")))
    assert out[header].split() == ["ID", "KIND", "TARGET", "LEVEL", "QUESTION"]
    assert out[header + 1].split()[:4] == ["fix-conflict-coworker", "behavioral", "60-120s", "**"]
    assert out[header + 3].split()[:4] == ["fix-questions-for-us", "closing", "20-45s", "**"]
    assert out[header + 2].endswith("Why do you want this role?")


def test_show_json(bundled: Path, capsys: Capsys) -> None:
    assert cli.main(["banks", "show", "valid-core", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["id"] == "valid-core" and data["source"] == "bundled"
    assert [q["id"] for q in data["questions"]] == [
        "fix-conflict-coworker",
        "fix-why-role",
        "fix-questions-for-us",
    ]
    assert data["questions"][1] == {
        "id": "fix-why-role",
        "text": "Why do you want this role?",
        "kind": "personal",
        "target_seconds": [60, 120],
        "difficulty": 1,
        "tags": ["core"],
        "key_points": [],
        "tips": [],
        "follow_ups": [],
        "example_outline": None,
    }


def test_show_unknown_bank_is_one_line_with_a_suggestion(bundled: Path, capsys: Capsys) -> None:
    assert cli.main(["banks", "show", "valid-cor"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "mockint: error: unknown bank 'valid-cor' (did you mean 'valid-core'?)\n"


# ----- validate


def test_validate_everything_loaded(bundled: Path, user_dir: Path, capsys: Capsys) -> None:
    (user_dir / "mine.yaml").write_text(
        "bank: mine\ntitle: Mine\nquestions:\n  - {id: my-q, text: Why?, kind: personal}\n",
        encoding="utf-8",
    )
    assert cli.main(["banks", "validate"]) == 0
    assert capsys.readouterr().out == "ok: 3 banks, 5 questions\n"


def test_validate_paths_prints_every_problem_then_one_error(bundled: Path, capsys: Capsys) -> None:
    files = [BROKEN / "wrong-types.yaml", BROKEN / "duplicate-keys.yaml"]
    assert cli.main(["banks", "validate", *map(str, files)]) == 2
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        f"{files[0]}:10:17: questions[0].difficulty: expected a whole number, got text ('hard')",
        f"{files[0]}:11:11: questions[0].tags: expected a list, got text ('teamwork')",
        f"{files[0]}:12:26: questions[0].target_seconds[1]: expected a whole number, "
        "got a number (90.5)",
        f"{files[0]}:14:22: questions[0].example_outline: expected text, got a number (42)",
        f"{files[1]}:5:1: title: duplicate key 'title' (first at line 4); remove one",
        f"{files[1]}:10:5: questions[0].kind: duplicate key 'kind' (first at line 9); remove one",
    ]
    assert captured.err == "mockint: error: 6 problems in 2 files (listed above)\n"


def test_validate_folder(bundled: Path, capsys: Capsys) -> None:
    assert cli.main(["banks", "validate", str(bundled)]) == 0
    assert capsys.readouterr().out == "ok: 2 banks, 4 questions\n"


def test_validate_checks_new_bank_against_bundled_ids(
    bundled: Path, tmp_path: Path, capsys: Capsys
) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "bank: mine\ntitle: Mine\nquestions:\n  - id: fix-why-role\n    text: Why?\n"
        "    kind: personal\n",
        encoding="utf-8",
    )
    assert cli.main(["banks", "validate", str(path)]) == 2
    assert capsys.readouterr().out == (
        f"{path}:4:9: questions[0].id: duplicate id 'fix-why-role': already used in "
        f"{bundled / 'valid-core.yaml'}; skipped\n"
    )


def test_validate_a_bundled_file_is_not_a_duplicate_of_itself(
    bundled: Path, capsys: Capsys
) -> None:
    assert cli.main(["banks", "validate", str(bundled / "valid-core.yaml")]) == 0
    assert capsys.readouterr().out == "ok: 1 bank, 3 questions\n"


@pytest.mark.parametrize(
    ("arg", "message"),
    [
        ("missing.yaml", "missing.yaml: no such file"),
        (".", ".: no bank files (*.yaml) in this folder"),
    ],
)
def test_validate_bad_paths(
    bundled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Capsys,
    arg: str, message: str,
) -> None:  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert cli.main(["banks", "validate", arg]) == 2
    assert capsys.readouterr().err == f"mockint: error: {message}\n"


def test_validate_in_a_fresh_process_never_shows_a_traceback(tmp_path: Path) -> None:
    """The real entry point, as a user runs it, on a file that is not even YAML."""
    path = tmp_path / "junk.yaml"
    path.write_bytes(b"\xff\xfe{{{: [")
    proc = subprocess.run(
        [sys.executable, "-m", "mockint", "banks", "validate", str(path)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2
    assert proc.stdout == f"{path}:1:1: not UTF-8 text (byte 0xff); save the file as UTF-8\n"
    assert proc.stderr == "mockint: error: 1 problem in 1 file (listed above)\n"


def test_validate_same_file_twice_is_checked_once(bundled: Path, capsys: Capsys) -> None:
    path = str(bundled / "valid-extra.yaml")
    assert cli.main(["banks", "validate", path, path, str(bundled)]) == 0
    assert capsys.readouterr().out == "ok: 2 banks, 4 questions\n"
