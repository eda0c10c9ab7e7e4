"""The bank schema (step 3 of :mod:`mockint.banks`): pydantic models, cross-field rules, and
their errors as located problems.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Annotated, Any, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictInt,
    StrictStr,
    ValidationError,
)
from pydantic_core import ErrorDetails, PydanticCustomError

from mockint.banks.problems import _Doc, _Path
from mockint.models import Bank, Kind, Question

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

DEFAULT_TARGET_SECONDS: dict[Kind, tuple[int, int]] = {
    Kind.BEHAVIORAL: (60, 120),
    Kind.SITUATIONAL: (60, 120),
    Kind.PERSONAL: (45, 90),  # "tell me about yourself" sets its own 60-90 s
    Kind.TECHNICAL: (45, 120),
    Kind.CLOSING: (30, 60),
}
"""Answer length by kind when neither the question nor its bank's defaults set one."""
DEFAULT_DIFFICULTY = 2
MIN_TARGET_SECONDS, MAX_TARGET_SECONDS = 5, 600


def _check_id(value: str) -> str:
    if not ID_PATTERN.fullmatch(value):
        raise PydanticCustomError(
            "id_format",
            "'{value}' is not a valid id: use lowercase letters, digits and single dashes, "
            "like 'beh-conflict-coworker'",
            {"value": value[:60]},
        )
    return value


def _check_text(value: str) -> str:
    value = value.strip()
    if not value:
        raise PydanticCustomError("empty_text", "must not be empty")
    return value


def _check_target(value: tuple[int, int]) -> tuple[int, int]:
    low, high = value
    for v in value:
        if not MIN_TARGET_SECONDS <= v <= MAX_TARGET_SECONDS:
            raise PydanticCustomError(
                "target_range",
                "{v} s is out of range: seconds must be between {lo} and {hi}",
                {"v": v, "lo": MIN_TARGET_SECONDS, "hi": MAX_TARGET_SECONDS},
            )
    if low > high:
        raise PydanticCustomError(
            "target_order",
            "min {low} is greater than max {high}: write [min, max]",
            {"low": low, "high": high},
        )
    return value


Id = Annotated[StrictStr, AfterValidator(_check_id)]
Text = Annotated[StrictStr, AfterValidator(_check_text)]
TargetSeconds = Annotated[tuple[StrictInt, StrictInt], AfterValidator(_check_target)]
Difficulty = Annotated[StrictInt, Field(ge=1, le=3)]


class _Schema(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Defaults(_Schema):
    kind: Kind | None = None
    target_seconds: TargetSeconds | None = None
    difficulty: Difficulty | None = None
    tags: list[Text] = []


class _Question(_Schema):
    id: Id
    text: Text
    kind: Kind | None = None
    tags: list[Text] = []
    difficulty: Difficulty | None = None
    target_seconds: TargetSeconds | None = None
    key_points: list[Text] = []
    tips: list[Text] = []
    follow_ups: list[Text] = []
    example_outline: Text | None = None


class _Header(_Schema):
    bank: Id
    title: Text
    description: Annotated[StrictStr, AfterValidator(str.strip)] = ""
    field: Id = "general"
    # Checked one by one below, so one bad question does not hide the others' problems.
    defaults: Any = None
    questions: Annotated[list[Any], Field(min_length=1)]


_M = TypeVar("_M", bound=_Schema)

_FIELDS: dict[str, list[str]] = {
    "": list(_Header.model_fields),
    "defaults": list(_Defaults.model_fields),
    "questions": list(_Question.model_fields),
}


def _validate(data: Any, doc: _Doc, path: Path, *, user: bool) -> Bank | None:
    if not isinstance(data, dict):
        doc.add((), f"expected a mapping (bank:, title:, questions:) at the top, got {_a(data)}")
        return None
    header = _model(_Header, data, (), doc)
    raw_defaults = {} if data.get("defaults") is None else data["defaults"]
    defaults = _model(_Defaults, raw_defaults, ("defaults",), doc)
    if header is not None and header.bank != path.stem:
        doc.add(
            ("bank",),
            f"bank id '{header.bank}' must match the file name "
            f"'{path.name}' (rename the file to '{header.bank}{path.suffix}')",
        )
    raw_questions = data.get("questions")
    questions = _questions(
        raw_questions if isinstance(raw_questions, list) else [],
        _Defaults() if defaults is None else defaults,
        bank_id=header.bank if header else path.stem,
        # With a broken defaults: block the default kind is unknown: judge no question by it.
        kind_known=defaults is not None,
        doc=doc,
    )
    if header is None or defaults is None or doc.problems:
        return None
    return Bank(
        header.bank,
        header.title,
        header.description,
        tuple(questions),
        str(path),
        user,
        field=header.field,
    )


def _questions(
    raws: list[Any], defaults: _Defaults, *, bank_id: str, kind_known: bool, doc: _Doc
) -> list[Question]:
    """Each question checked on its own, so one bad question hides nothing about the others;
    the rules spanning fields (and duplicate ids) are checked on the raw data too, so a
    question with a typo still gets all its problems reported in one go."""
    out: list[Question] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(raws):
        at: _Path = ("questions", i)
        parsed = _model(_Question, raw, at, doc)
        if not isinstance(raw, dict):
            continue
        qid = raw.get("id")
        if isinstance(qid, str) and qid in seen:
            first = doc.locate(("questions", seen[qid], "id"))[0]
            doc.add((*at, "id"), f"duplicate id '{qid}' (first at line {first})")
            continue
        if isinstance(qid, str):
            seen[qid] = i
        kind = _cross_field_checks(raw, defaults, kind_known, at, doc)
        if parsed is not None and kind is not None:
            out.append(_question(parsed, defaults, kind, bank_id))
    return out


def _cross_field_checks(
    raw: dict[str, Any], defaults: _Defaults, kind_known: bool, at: _Path, doc: _Doc
) -> Kind | None:
    """The question's kind after defaults, or None when there is none (reported here unless
    a broken field already says why)."""
    raw_kind = raw.get("kind")
    if raw_kind is not None and not (isinstance(raw_kind, str) and raw_kind in _KINDS):
        return None  # reported by the schema
    kind = _KINDS[raw_kind] if isinstance(raw_kind, str) else defaults.kind
    if kind is None:
        if kind_known:
            doc.add(
                (*at, "kind"),
                "missing: set kind here or in the bank's defaults "
                f"({', '.join(k.value for k in Kind)})",
            )
        return None
    if kind is Kind.BEHAVIORAL and raw.get("key_points") in (None, []):
        doc.add(
            (*at, "key_points"),
            "a behavioral question needs key_points (what a strong answer covers)",
        )
        return None
    return kind


_KINDS: dict[str, Kind] = {k.value: k for k in Kind}


def _question(q: _Question, d: _Defaults, kind: Kind, bank_id: str) -> Question:
    """The question with the bank's defaults applied."""
    return Question(
        id=q.id,
        text=q.text,
        kind=kind,
        bank=bank_id,
        target_seconds=q.target_seconds or d.target_seconds or DEFAULT_TARGET_SECONDS[kind],
        tags=tuple(dict.fromkeys([*d.tags, *q.tags])),
        difficulty=q.difficulty or d.difficulty or DEFAULT_DIFFICULTY,
        key_points=tuple(q.key_points),
        tips=tuple(q.tips),
        follow_ups=tuple(q.follow_ups),
        example_outline=q.example_outline,
    )


def _model(model: type[_M], data: Any, at: _Path, doc: _Doc) -> _M | None:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            _add_pydantic(err, at, doc)
        return None


def _add_pydantic(err: ErrorDetails, at: _Path, doc: _Doc) -> None:
    loc: _Path = (*at, *err["loc"])
    if any(loc[: len(bad)] == bad for bad in doc.unreadable):
        return
    kind = err["type"]
    value = err.get("input")
    if kind == "missing" and isinstance(loc[-1], int):
        # [60] for target_seconds: pydantic reports the absent second item as "missing".
        doc.add(loc[:-1], "expected [min, max] (two whole numbers of seconds), got 1 item")
        return
    if kind == "extra_forbidden":
        name = str(loc[-1])
        known = _FIELDS.get(str(at[0]) if at else "", [])
        hint = difflib.get_close_matches(name, known, n=1)
        msg = f"unknown field '{name}'" + (f" (did you mean '{hint[0]}'?)" if hint else "")
        doc.add(loc, msg, key=True)
        return
    doc.add(loc, _message(err, value))


def _message(err: ErrorDetails, value: Any) -> str:
    kind = err["type"]
    if kind == "missing":
        return "missing (required)"
    if kind == "string_type":
        return f"expected text, got {_a(value)}"
    if kind in ("int_type", "int_from_float", "int_parsing"):
        return f"expected a whole number, got {_a(value)}"
    if kind in ("list_type", "tuple_type"):
        return f"expected a list, got {_a(value)}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"expected a mapping (field: value), got {_a(value)}"
    if kind == "enum":
        return f"must be one of {', '.join(k.value for k in Kind)}; got {_a(value)}"
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"must be 1, 2 or 3; got {value!r}"
    if kind in ("too_short", "too_long") and isinstance(value, list):
        if not value and err["loc"] == ("questions",):
            return "a bank needs at least one question"
        return f"expected [min, max] (two whole numbers of seconds), got {len(value)} items"
    return err["msg"]


# ---------------------------------------------------------------------------------------------
# Small helpers


def _a(value: Any) -> str:
    """A short description of a wrong value, for messages."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, int | float):
        return f"a number ({value!r})"[:60]
    if isinstance(value, str):
        return f"text ('{value[:40]}')"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__
