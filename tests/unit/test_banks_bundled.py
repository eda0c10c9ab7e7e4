"""The banks mockint ships: every one validates, and there is enough to practice on."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from mockint import cli, paths
from mockint.banks import bank_files, load_bank_file, load_catalog
from mockint.models import Kind, Question

BUNDLED = bank_files(paths.bundled_banks_dir())

pytestmark = pytest.mark.skipif(
    not BUNDLED, reason="question_banks/ has no *.yaml yet (the bundled content is being written)"
)


def test_every_bundled_bank_validates(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["banks", "validate"]) == 0, capsys.readouterr().out
    assert capsys.readouterr().out.startswith(f"ok: {len(BUNDLED)} banks, ")


def test_enough_questions_in_enough_banks() -> None:
    """Enough for every field: the general banks plus a bank per field of work."""
    catalog = load_catalog(include_user=False)
    banks, questions = len(catalog.banks), len(catalog.questions())
    assert banks >= 20 and questions >= 400, f"{questions} questions in {banks} banks"
    assert all(len(b.questions) >= 5 for b in catalog.banks), "a bank too small to practice"


def test_every_bundled_bank_sets_its_field() -> None:
    """Written out in each file, not left to the loader's default: `banks list` groups by it,
    and a field bank that forgot it would silently join the general ones."""
    unset = [p.name for p in BUNDLED if "field" not in yaml.safe_load(p.read_text("utf-8"))]
    assert not unset, f"banks without a top-level field: {unset}"
    catalog = load_catalog(include_user=False)
    assert "general" in {b.field for b in catalog.banks}
    assert len({b.field for b in catalog.banks}) >= 5, "banks for more fields than the general one"


@pytest.mark.parametrize(
    "question",
    [
        pytest.param(q, id=q.id)
        for q in (load_catalog(include_user=False).questions() if BUNDLED else [])
        if q.kind in (Kind.BEHAVIORAL, Kind.PERSONAL)
    ],
)
def test_story_questions_have_key_points_follow_ups_and_an_outline(question: Question) -> None:
    """Behavioral and personal answers are the user's own stories: each needs a checklist,
    the follow-ups an interviewer asks next, and an outline to compare with afterwards."""
    assert question.key_points, "no key_points"
    assert 2 <= len(question.follow_ups) <= 3, f"{len(question.follow_ups)} follow_ups, want 2-3"
    assert question.example_outline, "no example_outline"


def test_story_outlines_are_skeletons_with_placeholders() -> None:
    """A behavioral or personal outline shows the shape of the user's own story, not a script
    to memorise: it leaves their details as <placeholders>."""
    scripts = [
        q.id
        for q in load_catalog(include_user=False).questions()
        if q.kind in (Kind.BEHAVIORAL, Kind.PERSONAL)
        and q.example_outline
        and not re.search(r"<[^<>\n]+>", q.example_outline)
    ]
    assert not scripts, f"outlines without a <placeholder> for the user's details: {scripts}"


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
