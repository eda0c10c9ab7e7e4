"""Question banks: YAML files → :class:`~mockint.models.Bank`, with located errors.

One bank per file, ``<bank id>.yaml`` (format: ``question_banks/README.md``). Bundled banks
load first, then the user's from ``<data root>/banks/``.

Reading a file takes three steps, each refusing what it cannot trust:

1. bytes: at most :data:`MAX_FILE_BYTES`, strict UTF-8;
2. YAML: a pass over libyaml's events refuses anchors/aliases (billion laughs), nesting deeper
   than :data:`MAX_DEPTH` and extra documents *before* anything is built; then the node tree
   (safe tags only) becomes plain data plus a map from each value's path to its line:column;
3. schema: pydantic models (unknown fields forbidden) and cross-field rules.

Every problem comes out as ``file:line:column: field: message``, all of them at once, inside
one :class:`BankError`. Nothing else escapes, whatever the input.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Annotated, Any, TypeVar

import yaml
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

from mockint import paths
from mockint.errors import MockintError
from mockint.models import Bank, Kind, Question

MAX_FILE_BYTES = 1_000_000
"""Bank files are text written by hand; anything bigger is a mistake or an attack."""
MAX_DEPTH = 20
"""Deepest nesting of lists/mappings accepted (a bank needs 4)."""
MAX_PROBLEMS = 100
"""Problems listed per file; a file with more is reported with a count of the rest."""

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

DEFAULT_TARGET_SECONDS: dict[Kind, tuple[int, int]] = {
    Kind.BEHAVIORAL: (60, 120),
    Kind.SITUATIONAL: (60, 120),
    Kind.PERSONAL: (60, 90),
    Kind.TECHNICAL: (45, 120),
    Kind.CLOSING: (30, 60),
}
"""Answer length by kind when neither the question nor its bank's defaults set one."""
DEFAULT_DIFFICULTY = 2
MIN_TARGET_SECONDS, MAX_TARGET_SECONDS = 5, 600

# libyaml when the wheel has it: several times faster than the pure-Python parser.
_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_STR = "tag:yaml.org,2002:str"
_SCALAR_TAGS = {
    _STR,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}
# A date is just text in a bank ("2024-05-01" as a tag); never turn it into a datetime.
_AS_TEXT_TAGS = {"tag:yaml.org,2002:timestamp"}
_SEQ_TAGS = {None, "!", "tag:yaml.org,2002:seq"}
_MAP_TAGS = {None, "!", "tag:yaml.org,2002:map"}


class BankError(MockintError):
    """A bank file (or several) that cannot be used; ``details`` holds every located problem,
    one ``file:line:column: field: message`` line each."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a bank file, at a place a person can go and fix."""

    path: str
    line: int | None
    """1-based; None for problems with the whole file (too big, unreadable)."""
    column: int | None
    """1-based."""
    field: str
    """Where in the bank, e.g. ``questions[3].target_seconds``; empty for the file itself."""
    message: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}:{self.column}"
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


# ---------------------------------------------------------------------------------------------
# Public API


def load_bank_file(path: Path, *, user: bool = False) -> Bank:
    """Read and validate one bank file.

    Raises :class:`BankError` (message ``path: N problems``, details one located line each)
    for anything wrong with it, and for nothing else.
    """
    bank, problems, _ = _read_bank(Path(path), user=user)
    if bank is None or problems:
        raise _bank_error(str(path), problems)
    return bank


@dataclass(frozen=True)
class Catalog:
    """Every loaded bank, bundled first, with lookups by bank and question id."""

    banks: tuple[Bank, ...]
    problems: list[str] = field(default_factory=list)
    """Located problems with the user's banks; those banks (or questions) were skipped."""
    _questions: dict[str, Question] = field(init=False, repr=False, compare=False)
    _banks: dict[str, Bank] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Frozen, so the indexes are set once here rather than assigned later.
        object.__setattr__(self, "_banks", {b.id: b for b in self.banks})
        object.__setattr__(self, "_questions", {q.id: q for b in self.banks for q in b.questions})

    def questions(self) -> list[Question]:
        """All questions, in bank order then file order."""
        return list(self._questions.values())

    def get(self, question_id: str) -> Question | None:
        return self._questions.get(question_id)

    def question(self, question_id: str) -> Question:
        """The question with this id, or a MockintError suggesting the closest id."""
        found = self._questions.get(question_id)
        if found is None:
            raise MockintError(_unknown("question", question_id, self._questions))
        return found

    def bank(self, bank_id: str) -> Bank:
        """The bank with this id, or a MockintError suggesting the closest id."""
        found = self._banks.get(bank_id)
        if found is None:
            raise MockintError(_unknown("bank", bank_id, self._banks))
        return found


def load_catalog(*, include_user: bool = True) -> Catalog:
    """Bundled banks from ``paths.bundled_banks_dir()``, then (unless ``include_user`` is
    False) the user's from ``paths.user_banks_dir()``, each folder sorted by file name.

    A broken bundled bank is a bug in mockint and raises :class:`BankError`. A broken user
    bank must not stop the app: it is skipped and its problems kept in ``Catalog.problems``.
    A question id already loaded is a problem too; the later question is skipped.
    """
    sources = [(f, False) for f in bank_files(paths.bundled_banks_dir())]
    if include_user:
        sources += [(f, True) for f in bank_files(paths.user_banks_dir())]
    banks, problems = _load_many(sources)
    bundled = [p for p, is_user in problems if not is_user]
    if bundled:
        raise BankError(
            f"the bundled question banks are broken ({_count(len(bundled), 'problem')}); "
            "this is a bug in mockint",
            details=[str(p) for p in bundled],
        )
    return Catalog(banks=tuple(banks), problems=[str(p) for p, _ in problems])


def bank_files(folder: Path) -> list[Path]:
    """The bank files in ``folder`` (``*.yaml``, ``*.yml``) sorted by name; none if the folder
    does not exist."""
    if not folder.is_dir():
        return []
    return sorted(
        (p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file()),
        key=lambda p: p.name,
    )


def validate_files(
    files: Sequence[tuple[Path, bool]], *, context: Sequence[tuple[Path, bool]] = ()
) -> tuple[list[Bank], list[Problem]]:
    """Load ``(path, user)`` pairs as a catalog would and return the good banks and every
    problem in them, raising nothing for bank problems: the engine of ``banks validate``.

    ``context`` files load first and count for duplicate ids, but their own problems and
    banks are left out (checking a new bank against the bundled ones).
    """
    banks, problems = _load_many([*context, *files])
    wanted = {str(path) for path, _ in files}
    return (
        [b for b in banks if b.path in wanted],
        [p for p, _ in problems if p.path in wanted],
    )


# ---------------------------------------------------------------------------------------------
# Loading several files: cross-file duplicates


def _load_many(
    sources: Iterable[tuple[Path, bool]],
) -> tuple[list[Bank], list[tuple[Problem, bool]]]:
    banks: list[Bank] = []
    problems: list[tuple[Problem, bool]] = []
    seen_banks: dict[str, Bank] = {}
    seen_questions: dict[str, tuple[Question, Bank]] = {}
    for path, user in sources:
        bank, found, id_marks = _read_bank(path, user=user)
        problems += [(p, user) for p in _capped(found)]
        if bank is None or found:
            continue
        if bank.id in seen_banks:
            line, col = id_marks.get(("bank",), (1, 1))
            msg = f"bank id '{bank.id}' is already used by {seen_banks[bank.id].path}"
            problems.append((Problem(bank.path, line, col, "bank", msg), user))
            continue
        kept: list[Question] = []
        for i, q in enumerate(bank.questions):
            if q.id in seen_questions:
                _, first_bank = seen_questions[q.id]
                line, col = id_marks.get(("questions", i, "id"), (1, 1))
                msg = f"duplicate id '{q.id}': already used in {first_bank.path}; skipped"
                problems.append((Problem(bank.path, line, col, f"questions[{i}].id", msg), user))
                continue
            kept.append(q)
        if len(kept) != len(bank.questions):
            bank = replace(bank, questions=tuple(kept))
        seen_banks[bank.id] = bank
        for q in bank.questions:
            seen_questions[q.id] = (q, bank)
        banks.append(bank)
    return banks, problems


# ---------------------------------------------------------------------------------------------
# One file


class _Abort(Exception):
    """Reading cannot go on (a syntax error, a bomb): the problems so far are all there is."""


_Mark = tuple[int, int]
_Path = tuple[str | int, ...]


@dataclass
class _Doc:
    """A parsed file: plain data and where each value (and each mapping key) starts."""

    path: str
    problems: list[Problem] = field(default_factory=list)
    marks: dict[_Path, _Mark] = field(default_factory=dict)
    key_marks: dict[_Path, _Mark] = field(default_factory=dict)
    unreadable: set[_Path] = field(default_factory=set)
    """Values already reported while reading (a bad tag, a number too big): the schema's
    complaints about them would only repeat the problem."""

    def add(self, at: _Path, message: str, *, key: bool = False) -> None:
        line, col = self.locate(at, key=key)
        self.problems.append(Problem(self.path, line, col, _field_name(at), message))

    def locate(self, at: _Path, *, key: bool = False) -> _Mark:
        """The line:column of ``at`` or, when it does not exist (a missing field), of the
        nearest enclosing value."""
        if key and at in self.key_marks:
            return self.key_marks[at]
        while at and at not in self.marks:
            at = at[:-1]
        return self.marks.get(at, (1, 1))


def _read_bank(path: Path, *, user: bool) -> tuple[Bank | None, list[Problem], dict[_Path, _Mark]]:
    """The bank (None when anything is wrong), every problem, and the marks (for callers that
    report cross-file problems)."""
    doc = _Doc(str(path))
    try:
        text = _read_text(path, doc)
        data = _parse_yaml(text, doc)
    except _Abort:
        return None, doc.problems, doc.marks
    bank = _validate(data, doc, path, user=user)
    doc.problems.sort(key=lambda p: (p.line or 0, p.column or 0))
    return bank, doc.problems, doc.marks


def _read_text(path: Path, doc: _Doc) -> str:
    try:
        with path.open("rb") as f:
            raw = f.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        doc.problems.append(Problem(doc.path, None, None, "", f"cannot read: {exc.strerror}"))
        raise _Abort from None
    if len(raw) > MAX_FILE_BYTES:
        size = path.stat().st_size if path.exists() else len(raw)
        msg = f"file is {size / 1e6:.1f} MB; bank files are limited to 1 MB (split it up)"
        doc.problems.append(Problem(doc.path, None, None, "", msg))
        raise _Abort
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        msg = f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); save the file as UTF-8"
        doc.problems.append(Problem(doc.path, line, col, "", msg))
        raise _Abort from None


# ----- YAML


def _parse_yaml(text: str, doc: _Doc) -> Any:
    """Plain data from one YAML document, recording marks and structural problems in ``doc``;
    raises _Abort when nothing trustworthy can be built."""
    try:
        _check_events(text, doc)
        if doc.problems:
            raise _Abort
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        doc.problems.append(_yaml_problem(exc, text, doc.path))
        raise _Abort from None
    if node is None or (isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"):
        doc.problems.append(
            Problem(doc.path, 1, 1, "", "file is empty; a bank needs bank:, title: and questions:")
        )
        raise _Abort
    return _build(node, (), doc)


def _check_events(text: str, doc: _Doc) -> None:
    """Refuse what must never reach the composer: aliases and anchors (an alias bomb expands
    exponentially), nesting deeper than MAX_DEPTH (libyaml slows down badly on deep nesting,
    and the walk is recursive), and a second document. Streams, so a bomb costs nothing."""
    depth = 0
    documents = 0
    for event in yaml.parse(text, Loader=_Loader):
        where = _pos(event.start_mark)
        if isinstance(event, yaml.AliasEvent):
            _add_at(doc, where, f"aliases (*{event.anchor}) are not allowed; write the value out")
            if len(doc.problems) >= MAX_PROBLEMS:
                return
        elif isinstance(event, yaml.NodeEvent) and event.anchor is not None:
            _add_at(doc, where, f"anchors (&{event.anchor}) are not allowed; write values out")
            if len(doc.problems) >= MAX_PROBLEMS:
                return
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                _add_at(doc, where, f"nested more than {MAX_DEPTH} levels deep")
                return
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        elif isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                _add_at(doc, where, "one bank per file: found a second YAML document (---)")
                return


def _add_at(doc: _Doc, where: _Mark, message: str) -> None:
    doc.problems.append(Problem(doc.path, where[0], where[1], "", message))


def _yaml_problem(exc: yaml.YAMLError, text: str, path: str) -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is not None:
        line, col = mark.line + 1, mark.column + 1
    else:  # ReaderError: a character position instead of a mark
        pos = min(int(getattr(exc, "position", 0) or 0), len(text))
        line = text.count("\n", 0, pos) + 1
        col = pos - (text.rfind("\n", 0, pos) + 1) + 1
    problem = getattr(exc, "problem", None) or getattr(exc, "reason", None) or str(exc)
    context = getattr(exc, "context", None)
    message = f"YAML syntax: {problem}" + (f" ({context})" if context else "")
    if "mapping values are not allowed" in message:
        message += "; put text that contains ': ' in quotes"
    return Problem(path, line, col, "", message)


def _build(node: yaml.Node, at: _Path, doc: _Doc) -> Any:
    """Turn a node into plain data. Depth is bounded by _check_events, so recursion is safe."""
    doc.marks[at] = _pos(node.start_mark)
    if isinstance(node, yaml.MappingNode):
        if node.tag not in _MAP_TAGS:
            doc.add(at, _tag_message(node.tag))
            doc.unreadable.add(at)
        return _build_mapping(node, at, doc)
    if isinstance(node, yaml.SequenceNode):
        if node.tag not in _SEQ_TAGS:
            doc.add(at, _tag_message(node.tag))
            doc.unreadable.add(at)
        return [_build(item, (*at, i), doc) for i, item in enumerate(node.value)]
    assert isinstance(node, yaml.ScalarNode)
    return _scalar(node, at, doc)


def _tag_message(tag: str) -> str:
    return f"YAML tag '{tag}' is not supported: write plain text, numbers and lists"


def _pos(mark: Any) -> _Mark:
    """1-based (line, column) of a 0-based yaml Mark."""
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _build_mapping(node: yaml.MappingNode, at: _Path, doc: _Doc) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key_mark = _pos(key_node.start_mark)
        if not isinstance(key_node, yaml.ScalarNode):
            msg = "keys must be plain words like 'text:', not lists or mappings"
            doc.problems.append(Problem(doc.path, *key_mark, _field_name(at), msg))
            continue
        # The key as written: `on:`/`yes:` stay text, so typos are reported by their spelling.
        key = key_node.value
        here = (*at, key)
        if key in out:
            # SafeLoader would silently keep the last one; the first stays, the rest are errors.
            first_line = doc.key_marks[here][0]
            msg = f"duplicate key '{key}' (first at line {first_line}); remove one"
            doc.problems.append(Problem(doc.path, *key_mark, _field_name(here), msg))
            continue
        doc.key_marks[here] = key_mark
        out[key] = _build(value_node, here, doc)
    return out


def _scalar(node: yaml.ScalarNode, at: _Path, doc: _Doc) -> Any:
    tag = str(node.tag)
    if tag in _AS_TEXT_TAGS:
        return node.value
    if tag not in _SCALAR_TAGS:
        doc.add(at, _tag_message(tag))
        doc.unreadable.add(at)
        return node.value
    if tag == _STR:
        return node.value
    try:
        return _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, node)
    except (ValueError, OverflowError, yaml.YAMLError):
        # e.g. an integer of 5,000 digits: Python refuses to convert it.
        doc.add(at, f"cannot read the value '{node.value[:40]}'")
        doc.unreadable.add(at)
        return node.value


_CONSTRUCTOR = yaml.constructor.SafeConstructor()


# ----- schema


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


def _field_name(at: _Path) -> str:
    out = ""
    for part in at:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


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


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _capped(problems: list[Problem]) -> list[Problem]:
    """At most MAX_PROBLEMS of one file's problems, then one line counting the rest."""
    if len(problems) <= MAX_PROBLEMS:
        return problems
    rest = len(problems) - MAX_PROBLEMS
    path = problems[0].path
    return [*problems[:MAX_PROBLEMS], Problem(path, None, None, "", f"… and {rest} more")]


def _bank_error(path: str, problems: list[Problem]) -> BankError:
    details = [str(p) for p in _capped(problems)]
    return BankError(f"{path}: {_count(len(problems), 'problem')}", details=details)


def _unknown(what: str, name: str, known: Iterable[str]) -> str:
    hint = difflib.get_close_matches(name, list(known), n=1)
    if hint:
        return f"unknown {what} '{name}' (did you mean '{hint[0]}'?)"
    return f"unknown {what} '{name}'; see `mockint banks list`"
