"""The catalog: bundled banks then the user's, cross-file duplicates, lookups."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mockint import paths
from mockint.banks import BankError, Catalog, load_catalog
from mockint.errors import MockintError
from tests.conftest import FIXTURES

VALID = FIXTURES / "banks" / "valid"
BROKEN = FIXTURES / "banks" / "broken"

USER_BANK = """\
bank: my-bank
title: My bank
questions:
  - id: my-why-us
    text: Why us?
    kind: personal
  - id: fix-why-role
    text: Why this role, again?
    kind: personal
"""


@pytest.fixture
def bundled(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A bundled-banks folder holding copies of the valid fixtures."""
    folder = tmp_path / "bundled"
    shutil.copytree(VALID, folder)
    monkeypatch.setattr(paths, "bundled_banks_dir", lambda: folder)
    return folder


@pytest.fixture
def user_dir() -> Path:
    folder = paths.user_banks_dir()
    folder.mkdir(parents=True)
    return folder


def test_bundled_then_user_sorted_by_file_name(bundled: Path, user_dir: Path) -> None:
    (user_dir / "a-first.yaml").write_text(
        USER_BANK.replace("my-bank", "a-first").replace("fix-why-role", "a-other"),
        encoding="utf-8",
    )
    catalog = load_catalog()
    assert [b.id for b in catalog.banks] == ["valid-core", "valid-extra", "a-first"]
    assert [b.user for b in catalog.banks] == [False, False, True]
    assert catalog.problems == []
    assert len(catalog.questions()) == 6


def test_include_user_false_leaves_user_banks_out(bundled: Path, user_dir: Path) -> None:
    (user_dir / "my-bank.yaml").write_text(USER_BANK, encoding="utf-8")
    assert [b.id for b in load_catalog(include_user=False).banks] == [
        "valid-core",
        "valid-extra",
    ]


def test_duplicate_question_id_in_user_bank_is_skipped_and_reported(
    bundled: Path, user_dir: Path
) -> None:
    path = user_dir / "my-bank.yaml"
    path.write_text(USER_BANK, encoding="utf-8")
    catalog = load_catalog()
    mine = catalog.bank("my-bank")
    assert [q.id for q in mine.questions] == ["my-why-us"]
    assert catalog.question("fix-why-role").bank == "valid-core"  # the first one wins
    assert catalog.problems == [
        f"{path}:7:9: questions[1].id: duplicate id 'fix-why-role': already used in "
        f"{bundled / 'valid-core.yaml'}; skipped"
    ]


def test_bank_id_used_twice_skips_the_later_bank(bundled: Path, user_dir: Path) -> None:
    copy = user_dir / "valid-extra.yaml"
    shutil.copy(VALID / "valid-extra.yaml", copy)
    catalog = load_catalog()
    assert [b.id for b in catalog.banks] == ["valid-core", "valid-extra"]
    assert not catalog.bank("valid-extra").user
    assert catalog.problems == [
        f"{copy}:2:7: bank: bank id 'valid-extra' is already used by {bundled / 'valid-extra.yaml'}"
    ]


def test_broken_user_bank_is_skipped_not_fatal(bundled: Path, user_dir: Path) -> None:
    shutil.copy(BROKEN / "unknown-field.yaml", user_dir)
    (user_dir / "my-bank.yaml").write_text(
        USER_BANK.replace("fix-why-role", "my-other"), encoding="utf-8"
    )
    catalog = load_catalog()
    assert [b.id for b in catalog.banks] == ["valid-core", "valid-extra", "my-bank"]
    assert catalog.problems == [
        f"{user_dir / 'unknown-field.yaml'}:6:5: questions[0].text: missing (required)",
        f"{user_dir / 'unknown-field.yaml'}:7:5: questions[0].txt: unknown field 'txt' "
        "(did you mean 'text'?)",
    ]


def test_broken_bundled_bank_raises_with_every_problem(bundled: Path) -> None:
    shutil.copy(BROKEN / "near-misses.yaml", bundled)
    with pytest.raises(BankError) as exc:
        load_catalog()
    assert "bundled question banks are broken (2 problems)" in str(exc.value)
    assert [line.split(": ", 1)[0] for line in exc.value.details] == [
        f"{bundled / 'near-misses.yaml'}:6:3",
        f"{bundled / 'near-misses.yaml'}:11:5",
    ]


def test_no_folders_means_an_empty_catalog(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(paths, "bundled_banks_dir", lambda: tmp_path / "absent")
    catalog = load_catalog()
    assert catalog.banks == () and catalog.questions() == [] and catalog.problems == []


def test_non_yaml_files_are_ignored(bundled: Path) -> None:
    (bundled / "README.md").write_text("# not a bank\n", encoding="utf-8")
    (bundled / "notes.txt").write_text("bank: nope\n", encoding="utf-8")
    assert len(load_catalog().banks) == 2


# ----- lookups


@pytest.fixture
def catalog(bundled: Path) -> Catalog:
    return load_catalog()


@pytest.mark.parametrize(
    ("lookup", "name", "message"),
    [
        (
            "question",
            "fix-why-rol",
            "unknown question 'fix-why-rol' (did you mean 'fix-why-role'?)",
        ),
        ("question", "zzz", "unknown question 'zzz'; see `mockint banks list`"),
        ("bank", "valid-cor", "unknown bank 'valid-cor' (did you mean 'valid-core'?)"),
        ("bank", "qqq", "unknown bank 'qqq'; see `mockint banks list`"),
    ],
)
def test_unknown_names_suggest_the_closest(
    catalog: Catalog, lookup: str, name: str, message: str
) -> None:
    with pytest.raises(MockintError) as exc:
        getattr(catalog, lookup)(name)
    assert str(exc.value) == message


def test_lookups(catalog: Catalog) -> None:
    assert catalog.question("fix-explain-index").bank == "valid-extra"
    assert catalog.get("fix-explain-index") is catalog.question("fix-explain-index")
    assert catalog.get("nope") is None
    assert catalog.bank("valid-core").title == "Valid core"
    assert [q.id for q in catalog.questions()] == [
        "fix-conflict-coworker",
        "fix-why-role",
        "fix-questions-for-us",
        "fix-explain-index",
    ]
