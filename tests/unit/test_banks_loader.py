"""The bank loader: every kind of broken bank is reported at its exact line:column."""

from __future__ import annotations

from pathlib import Path

import pytest

from mockint.banks import MAX_DEPTH, BankError, load_bank_file
from mockint.errors import MockintError
from mockint.models import Kind
from tests.conftest import FIXTURES

BANKS = FIXTURES / "banks"
BROKEN = sorted((BANKS / "broken").glob("*.yaml"))


def _problems(path: Path) -> list[str]:
    with pytest.raises(BankError) as exc:
        load_bank_file(path)
    assert str(exc.value) == f"{path}: {len(exc.value.details)} problem" + (
        "" if len(exc.value.details) == 1 else "s"
    )
    return exc.value.details


def _expected(path: Path) -> list[str]:
    """The ``# expect:`` lines at the top of a fixture, with the file's path in front."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [f"{path}:{line.removeprefix('# expect: ')}" for line in lines if "# expect: " in line]


# ----- broken banks, one fixture file per kind of mistake


def test_every_broken_fixture_states_what_it_expects() -> None:
    assert len(BROKEN) >= 20
    for path in BROKEN:
        assert _expected(path), f"{path.name} has no '# expect:' line"


@pytest.mark.parametrize("path", BROKEN, ids=[p.stem for p in BROKEN])
def test_broken_bank_reports_exact_locations(path: Path) -> None:
    assert _problems(path) == _expected(path)


def test_bank_error_is_the_users_error_type() -> None:
    assert issubclass(BankError, MockintError)


# ----- broken files made on the fly (sizes, bytes, bombs)


def _write(tmp_path: Path, data: str | bytes, name: str = "inline.yaml") -> Path:
    path = tmp_path / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


GOOD_HEAD = "bank: inline\ntitle: Inline\nquestions:\n  - id: q-one\n    kind: personal\n"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(
            b"bank: inline\ntitle: Caf\xe9\n",
            ["2:11: not UTF-8 text (byte 0xe9); save the file as UTF-8"],
            id="latin-1-byte",
        ),
        pytest.param(
            "bank: inline\n---\nbank: second\n",
            ["2:1: one bank per file: found a second YAML document (---)"],
            id="two-documents",
        ),
        pytest.param(
            "x: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n",
            [f"1:{3 + MAX_DEPTH}: nested more than {MAX_DEPTH} levels deep"],
            id="nesting-bomb",
        ),
        pytest.param(
            "~\n",
            ["1:1: file is empty; a bank needs bank:, title: and questions:"],
            id="null-document",
        ),
        pytest.param(
            "",
            ["1:1: file is empty; a bank needs bank:, title: and questions:"],
            id="zero-bytes",
        ),
        pytest.param(
            "just some words\n",
            [
                "1:1: expected a mapping (bank:, title:, questions:) at the top, got text "
                "('just some words')"
            ],
            id="scalar-top",
        ),
        pytest.param(
            "bank: inline\ntitle: a\x07b\n",
            ["2:9: YAML syntax: control characters are not allowed"],
            id="control-character",
        ),
        pytest.param(
            GOOD_HEAD + "    text: Hi\n    difficulty: " + "9" * 5000 + "\n",
            [f"7:17: questions[0].difficulty: cannot read the value '{'9' * 40}'"],
            id="huge-integer",
        ),
        pytest.param(
            GOOD_HEAD + "    text: Hi\n    ? [a, b]\n    : c\n",
            ["7:7: questions[0]: keys must be plain words like 'text:', not lists or mappings"],
            id="complex-key",
        ),
    ],
)
def test_broken_inline(tmp_path: Path, data: str | bytes, expected: list[str]) -> None:
    path = _write(tmp_path, data)
    assert _problems(path) == [f"{path}:{line}" for line in expected]


def test_billion_laughs_is_refused_before_expansion(tmp_path: Path) -> None:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    path = _write(tmp_path, "\n".join(lines) + "\n")
    problems = _problems(path)
    assert problems[0] == f"{path}:1:5: anchors (&a0) are not allowed; write values out"
    assert f"{path}:2:10: aliases (*a0) are not allowed; write the value out" in problems
    # Capped: a file of aliases does not become an endless report.
    assert len(problems) <= 101


def test_file_over_one_megabyte_is_refused_unread(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD_HEAD + "    text: " + "x" * 1_000_001 + "\n")
    assert _problems(path) == [
        f"{path}: file is 1.0 MB; bank files are limited to 1 MB (split it up)"
    ]


def test_missing_file_is_a_bank_error(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.yaml"
    assert _problems(path) == [f"{path}: cannot read: No such file or directory"]


def test_folder_instead_of_file_is_a_bank_error(tmp_path: Path) -> None:
    assert _problems(tmp_path)[0].startswith(f"{tmp_path}: cannot read: ")


def test_every_problem_at_once_across_questions(tmp_path: Path) -> None:
    text = GOOD_HEAD.replace("kind: personal", "kind: persona") + (
        "    txt: Hi\n  - id: q-two\n    text: ''\n    kind: closing\n    difficulty: 0\n"
    )
    problems = _problems(_write(tmp_path, text))
    fields = [p.split(": ")[1] for p in problems]
    assert fields == [
        "questions[0].text",
        "questions[0].kind",
        "questions[0].txt",
        "questions[1].text",
        "questions[1].difficulty",
    ]


# ----- banks that load


def test_valid_bank_applies_defaults() -> None:
    bank = load_bank_file(BANKS / "valid" / "valid-core.yaml")
    assert (bank.id, bank.title, bank.user) == ("valid-core", "Valid core", False)
    assert bank.description == "A small bank using every field, for the loader's tests."
    first, second, third = bank.questions
    assert first.kind is Kind.BEHAVIORAL and first.bank == "valid-core"
    assert first.tags == ("core", "conflict")  # defaults first, no duplicates
    assert first.target_seconds == (60, 120) and first.difficulty == 2
    assert first.key_points[0] == "the disagreement and why it mattered"
    assert first.example_outline == "S: ... T: ... A: ... R: ..."
    assert (second.kind, second.difficulty, second.target_seconds) == (Kind.PERSONAL, 1, (60, 120))
    assert (third.target_seconds, third.tags) == ((20, 45), ("core", "wrap-up"))


@pytest.mark.parametrize(
    ("kind", "target"),
    [
        ("behavioral", (60, 120)),
        ("situational", (60, 120)),
        ("personal", (45, 90)),
        ("technical", (45, 120)),
        ("closing", (30, 60)),
    ],
)
def test_target_seconds_default_by_kind(tmp_path: Path, kind: str, target: tuple[int, int]) -> None:
    text = f"bank: inline\ntitle: T\nquestions:\n  - id: q\n    text: Hi\n    kind: {kind}\n"
    text += "    key_points: [a point]\n"
    question = load_bank_file(_write(tmp_path, text)).questions[0]
    assert question.target_seconds == target
    assert (question.difficulty, question.tips, question.follow_ups) == (2, (), ())


def test_minimal_bank_and_user_flag() -> None:
    bank = load_bank_file(BANKS / "valid" / "valid-extra.yaml", user=True)
    assert bank.user and bank.description == ""
    assert bank.path == str(BANKS / "valid" / "valid-extra.yaml")
    assert [q.id for q in bank.questions] == ["fix-explain-index"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("\ufeff" + GOOD_HEAD + "    text: Hi\n", id="utf8-bom"),
        pytest.param(GOOD_HEAD + "    text: 'on'\n    tags: [2024-05-01]\n", id="text-like"),
        pytest.param(GOOD_HEAD.replace("\n", "\r\n") + "    text: Hi\r\n", id="crlf"),
    ],
)
def test_unusual_but_valid(tmp_path: Path, text: str) -> None:
    bank = load_bank_file(_write(tmp_path, text))
    assert bank.questions[0].id == "q-one"


def test_keys_keep_their_spelling(tmp_path: Path) -> None:
    """`on:`/`yes:` are booleans to YAML 1.1; as keys they must still read as the words."""
    path = _write(tmp_path, GOOD_HEAD + "    text: Hi\n    on: 1\n")
    assert _problems(path) == [f"{path}:7:5: questions[0].on: unknown field 'on'"]


def test_a_file_full_of_mistakes_lists_the_first_hundred(tmp_path: Path) -> None:
    questions = "".join(f"  - id: q-{i}\n    kind: personal\n" for i in range(150))
    path = _write(tmp_path, f"bank: inline\ntitle: T\nquestions:\n{questions}")
    with pytest.raises(BankError) as exc:
        load_bank_file(path)
    assert str(exc.value) == f"{path}: 150 problems"
    assert len(exc.value.details) == 101
    assert exc.value.details[0] == f"{path}:4:5: questions[0].text: missing (required)"
    assert exc.value.details[-1] == f"{path}: … and 50 more"
