"""Property: whatever bytes a bank file holds, the loader returns a Bank or raises BankError.

Four families of input, well over 1,000 documents in all: random text and bytes, YAML-ish
token soup (anchors, tags, flow brackets, directives), random data dumped as YAML, and valid
banks with one field mutated. A second property checks that generated valid banks load back
exactly.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mockint.banks import BankError, load_bank_file
from mockint.models import Bank

NAME = "prop-bank"

SETTINGS = dict(
    deadline=None,  # the machine is shared: never fail on timing
    database=None,
    derandomize=True,  # the same documents every run: a failure reproduces
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# ----- strategies

FIELD_NAMES = [
    "bank", "title", "questions", "defaults", "id", "text", "kind", "tags", "difficulty",
    "target_seconds", "key_points", "tips", "txt",
]  # fmt: skip
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["behavioral", "personal", "", "  ", "q-1", "[60, 120]", "yes", "~"]),
)
plain_data = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.text(max_size=12) | st.sampled_from(FIELD_NAMES), inner, max_size=5),
    ),
    max_leaves=25,
)  # fmt: skip

TOKENS = [
    "bank: ", "title: ", "questions:", "- ", "id: ", "text: ", "kind: ", "key_points: ",
    "target_seconds: ", ": ", "? ", "[", "]", "{", "}", ", ", "\n", "  ", "    ", "\t", "'",
    '"', "# c", "---", "...", "|", ">-", "&a ", "*a ", "&b ", "*b", "!!str ", "!!binary ",
    "!!python/object:os.system ", "!tag ", "!!set ", "!!omap ", "%YAML 1.1\n", "%TAG ! x\n",
    "~", "null", "0x1F", "0o17", "1e999", "-.inf", ".nan", "2001-13-45", "2024-01-01",
    "12:30:00", "<<: ", "9" * 40, "behavioral", "q-one", "\\", "\x00", "\ufeff", "é", "😀",
]  # fmt: skip
token_soup = st.lists(st.sampled_from(TOKENS), max_size=40).map("".join)


def _valid_bank(n_questions: int = 2) -> dict[str, Any]:
    return {
        "bank": NAME,
        "title": "Property bank",
        "description": "Generated.",
        "defaults": {"kind": "behavioral", "target_seconds": [60, 120], "tags": ["core"]},
        "questions": [
            {
                "id": f"prop-q-{i}",
                "text": f"Tell me about a time {i}.",
                "tags": ["t"],
                "difficulty": 2,
                "key_points": ["a point"],
                "tips": ["a tip"],
                "follow_ups": ["a follow-up"],
            }
            for i in range(n_questions)
        ],
    }


@st.composite
def mutated_banks(draw: st.DrawFn) -> str:
    """A valid bank with one to three fields deleted, replaced, renamed or duplicated."""
    bank = _valid_bank(draw(st.integers(1, 3)))
    for _ in range(draw(st.integers(1, 3))):
        target = draw(st.sampled_from(["top", "defaults", "question"]))
        node: dict[str, Any]
        if target == "top":
            node = bank
        elif target == "defaults":
            node = bank["defaults"] if isinstance(bank.get("defaults"), dict) else bank
        else:
            qs = bank.get("questions")
            node = qs[0] if isinstance(qs, list) and qs and isinstance(qs[0], dict) else bank
        if not node:
            continue
        key = draw(st.sampled_from(sorted(node)))
        action = draw(st.sampled_from(["delete", "replace", "rename", "duplicate"]))
        if action == "delete":
            del node[key]
        elif action == "replace":
            node[key] = draw(plain_data)
        elif action == "rename":
            node[key[:-1] or "x"] = node.pop(key)
        elif isinstance(bank.get("questions"), list) and bank["questions"]:
            bank["questions"].append(copy.deepcopy(bank["questions"][-1]))
    return yaml.safe_dump(bank, sort_keys=draw(st.booleans()), allow_unicode=draw(st.booleans()))


documents = st.one_of(
    st.text(max_size=200),
    st.binary(max_size=200),
    token_soup,
    plain_data.map(lambda d: yaml.safe_dump(d, allow_unicode=True)),
    mutated_banks(),
)

# ----- properties


@pytest.fixture(scope="module")
def bank_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("property") / f"{NAME}.yaml"


def _write(path: Path, doc: str | bytes) -> None:
    path.write_bytes(doc.encode("utf-8") if isinstance(doc, str) else doc)


def test_loader_only_ever_raises_bank_error(bank_path: Path) -> None:
    seen = {"n": 0, "loaded": 0, "refused": 0}

    @settings(max_examples=1200, **SETTINGS)
    @given(documents)
    def check(doc: str | bytes) -> None:
        seen["n"] += 1
        _write(bank_path, doc)
        try:
            bank = load_bank_file(bank_path)
        except BankError as exc:
            seen["refused"] += 1
            assert exc.details, "a BankError always says where"
            assert all(line.startswith(str(bank_path)) for line in exc.details)
        else:
            seen["loaded"] += 1
            assert isinstance(bank, Bank) and bank.questions

    check()
    assert seen["n"] >= 1000
    # Both outcomes happen: the mutations leave some banks valid, most documents are not.
    assert seen["loaded"] > 0 and seen["refused"] > 0


safe_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1
).filter(lambda s: s.strip() == s and s != "")
ids = st.from_regex(r"\A[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}\Z")


@settings(max_examples=150, **SETTINGS)
@given(
    questions=st.lists(
        st.tuples(ids, safe_text, st.sampled_from(["personal", "technical", "closing"])),
        min_size=1,
        max_size=6,
        unique_by=lambda q: q[0],
    ),
    title=safe_text,
)
def test_generated_valid_banks_load_back_exactly(
    bank_path: Path, questions: list[tuple[str, str, str]], title: str
) -> None:
    data = {
        "bank": NAME,
        "title": title,
        "questions": [{"id": i, "text": t, "kind": k} for i, t, k in questions],
    }
    _write(bank_path, yaml.safe_dump(data, allow_unicode=True))
    bank = load_bank_file(bank_path)
    assert bank.title == title
    assert [(q.id, q.text, q.kind.value) for q in bank.questions] == questions
