"""The banks mockint ships: every one validates, and there is enough to practice on."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from mockint import cli, paths
from mockint.banks import bank_files, load_bank_file, load_catalog
from mockint.models import Kind

BUNDLED = bank_files(paths.bundled_banks_dir())

pytestmark = pytest.mark.skipif(
    not BUNDLED, reason="question_banks/ has no *.yaml yet (the bundled content is being written)"
)


def test_every_bundled_bank_validates(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["banks", "validate"]) == 0, capsys.readouterr().out
    assert capsys.readouterr().out.startswith(f"ok: {len(BUNDLED)} banks, ")


def test_enough_questions_in_enough_banks() -> None:
    catalog = load_catalog(include_user=False)
    assert len(catalog.banks) >= 8
    assert len(catalog.questions()) >= 150
    assert all(len(b.questions) >= 5 for b in catalog.banks), "a bank too small to practice"


def test_every_kind_is_covered_and_behavioral_questions_have_key_points() -> None:
    questions = load_catalog(include_user=False).questions()
    kinds = Counter(q.kind for q in questions)
    assert set(kinds) == set(Kind), f"kinds without questions: {set(Kind) - set(kinds)}"
    for q in questions:
        if q.kind is Kind.BEHAVIORAL:
            assert q.key_points, f"{q.id} is behavioral without key_points"


def test_each_file_is_named_after_its_bank() -> None:
    catalog = load_catalog(include_user=False)
    assert sorted(b.id for b in catalog.banks) == sorted(p.stem for p in BUNDLED)


def test_the_format_example_in_the_readme_loads(tmp_path: Path) -> None:
    """The documented example is a real bank: the docs cannot drift from the loader."""
    readme = paths.bundled_banks_dir() / "README.md"
    if not readme.is_file():
        pytest.skip("question_banks/README.md is not written yet")
    examples = [
        block
        for block in re.findall(r"```ya?ml\n(.*?)```", readme.read_text(encoding="utf-8"), re.S)
        if re.search(r"^bank:", block, re.M)
    ]
    assert examples, "the README shows no complete bank"
    for block in examples:
        bank_id = re.search(r"^bank:\s*(\S+)", block, re.M)
        assert bank_id
        path = tmp_path / f"{bank_id.group(1)}.yaml"
        path.write_text(block, encoding="utf-8")
        assert load_bank_file(path).questions
