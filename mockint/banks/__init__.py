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

The steps live in :mod:`.safe_yaml` (bytes and YAML) and :mod:`.schema`; located problems
in :mod:`.problems`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from mockint import paths
from mockint.banks.problems import MAX_PROBLEMS, BankError, Problem, _Doc, _Mark, _Path
from mockint.banks.safe_yaml import MAX_DEPTH, MAX_FILE_BYTES, _Abort, _parse_yaml, _read_text
from mockint.banks.schema import DEFAULT_DIFFICULTY, DEFAULT_TARGET_SECONDS, ID_PATTERN, _validate
from mockint.errors import MockintError
from mockint.models import Bank, Question

__all__ = [
    "DEFAULT_DIFFICULTY",
    "DEFAULT_TARGET_SECONDS",
    "ID_PATTERN",
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_PROBLEMS",
    "BankError",
    "Catalog",
    "Problem",
    "bank_files",
    "load_bank_file",
    "load_catalog",
    "validate_files",
]


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
