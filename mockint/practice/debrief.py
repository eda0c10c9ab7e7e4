"""Debrief a real interview: the questions you were asked become practice.

Each question asked is matched against the loaded banks; a close match (see
:func:`similarity`) is linked instead of duplicated. The others are appended to the personal
bank ``<data root>/banks/debriefs.yaml`` (valid under the bank schema, the feedback you got as
a tip). The ones you struggled with are flagged weak (source ``debrief``) and made due now,
so they come first in tomorrow's plan, or today's. The debrief itself is kept in the
``debriefs`` table, and a follow-up note template closes it.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

from mockint import paths
from mockint.clock import iso, local_date, utc
from mockint.errors import MockintError
from mockint.models import Kind, Question
from mockint.practice import scheduler
from mockint.practice._catalog import QuestionSource
from mockint.practice._db import StoreLike, connection, transaction
from mockint.practice.weak import mark_weak

BANK_ID = "debriefs"
BANK_FILE = f"{BANK_ID}.yaml"
MATCH_THRESHOLD = 85.0
"""Similarity (0-100) from which a question asked counts as one already in a bank. Tuned on
paraphrases of the bundled questions: "tell me about a time when you had a disagreement with
a co-worker" scores 96 against "Tell me about a time you disagreed with a coworker", while
unrelated questions sharing the "tell me about a time" frame stay below 85."""

STAR_KEY_POINTS = (
    "the situation: where, when and who, in a sentence or two",
    "your task: what you were responsible for",
    "the actions you took yourself (say I, not we)",
    "the result, with a number if you have one, and what you learned",
)

TARGET_SECONDS: dict[Kind, tuple[int, int]] = {
    Kind.BEHAVIORAL: (60, 120),
    Kind.SITUATIONAL: (60, 120),
    Kind.PERSONAL: (60, 90),
    Kind.CLOSING: (30, 60),
}

_BEHAVIORAL = re.compile(
    r"\b(tell (me|us) about a (time|situation|moment)|describe a (time|situation|moment)|"
    r"give (me |us )?an example|share an example|walk (me|us) through a time|"
    r"talk about a time|have you ever|recall a time)\b"
)
_SITUATIONAL = re.compile(
    r"\b(what would you do|how would you (handle|deal|respond|approach)|imagine|suppose|"
    r"what if)\b"
)
_CLOSING = re.compile(
    r"\b(questions for (us|me)|any questions|salary|compensation|notice period|"
    r"when can you start|availability)\b"
)
# Words that carry no meaning for matching: the interview frame ("tell me about a time")
# and function words. Without this, any two behavioral questions look alike.
_STOP_WORDS = (
    "a an the you your yours me my i we our us to of in on at for with and or but so it its "
    "this that there their them they is are was were be been being do does did have has had "
    "can could would should will shall may might tell describe give share walk talk through "
    "about time times when what which who whom how why where example situation something "
    "some any one bit just please kind sort"
)
_STOP = frozenset(_STOP_WORDS.split())


@dataclass(frozen=True)
class DebriefItem:
    """One question asked, and what became of it."""

    text: str
    question_id: str
    linked: bool
    """True: it matched a question already in a bank; False: added to the debriefs bank."""
    similarity: float | None
    """How close the linked question was (0-100)."""
    struggled: bool
    kind: Kind

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "question": self.question_id,
            "linked": self.linked,
            "similarity": None if self.similarity is None else round(self.similarity, 1),
            "struggled": self.struggled,
            "kind": str(self.kind),
        }


@dataclass(frozen=True)
class DebriefResult:
    debrief_id: int
    company: str
    role: str
    interview_date: date
    items: tuple[DebriefItem, ...]
    bank_path: Path | None
    """The personal bank written (None: every question was linked, nothing written)."""
    follow_up: str
    """A thank-you note to copy and adapt."""

    @property
    def question_ids(self) -> tuple[str, ...]:
        return tuple(i.question_id for i in self.items)

    @property
    def struggled_ids(self) -> tuple[str, ...]:
        return tuple(i.question_id for i in self.items if i.struggled)

    def to_dict(self) -> dict[str, Any]:
        return {
            "debrief": self.debrief_id,
            "company": self.company,
            "role": self.role,
            "date": self.interview_date.isoformat(),
            "items": [i.to_dict() for i in self.items],
            "bank": str(self.bank_path) if self.bank_path else None,
            "follow_up": self.follow_up,
        }


# --- matching and guessing (pure) -----------------------------------------------------------


def _content(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower().replace("co-worker", "coworker"))
    kept = []
    for word in words:
        if word in _STOP:
            continue
        for suffix in ("ing", "ed", "es", "s", "ment"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
        kept.append(word)
    return " ".join(kept)


def similarity(a: str, b: str) -> float:
    """How alike two questions are, 0-100: the mean of rapidfuzz's token-set and token-sort
    ratios over their content words. Token-set alone calls a question a match for anything
    that contains its words; token-sort alone misses reworded ones."""
    from rapidfuzz import fuzz  # deferred: only debriefs need it

    left, right = _content(a), _content(b)
    if not left or not right:
        return 0.0
    return (fuzz.token_set_ratio(left, right) + fuzz.token_sort_ratio(left, right)) / 2


def match_question(
    text: str, questions: Iterable[Question], threshold: float = MATCH_THRESHOLD
) -> tuple[Question, float] | None:
    """The most similar question if it reaches ``threshold``."""
    best: tuple[Question, float] | None = None
    for question in questions:
        score = similarity(text, question.text)
        if score >= threshold and (best is None or score > best[1]):
            best = (question, score)
    return best


def guess_kind(text: str) -> Kind:
    """Behavioral for "tell me about a time…", situational for "what would you do if…",
    closing for salary and "any questions for us", else personal."""
    lowered = " ".join(text.lower().split())
    for pattern, kind in (
        (_BEHAVIORAL, Kind.BEHAVIORAL),
        (_SITUATIONAL, Kind.SITUATIONAL),
        (_CLOSING, Kind.CLOSING),
    ):
        if pattern.search(lowered):
            return kind
    return Kind.PERSONAL


def slug(text: str, words: int = 6) -> str:
    """An id-safe slug of a question's content words: "disagreed-coworker"."""
    tokens = [w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP]
    return "-".join(tokens[:words]) or "question"


def follow_up_note(company: str = "", role: str = "", interviewer: str = "") -> str:
    """A short note to send after the interview: thank them, ask for specific feedback,
    keep the door open. Placeholders in [brackets] are for you to fill in."""
    where = company.strip() or "[company]"
    what = role.strip() or "[role]"
    who = interviewer.strip() or "[name]"
    return (
        f"Subject: Thank you for the {what} interview\n"
        "\n"
        f"Hi {who},\n"
        "\n"
        f"Thank you for taking the time to talk with me about the {what} role at {where}. "
        "I enjoyed learning about [something you discussed].\n"
        "\n"
        "If you are open to it, I would be grateful for any specific feedback on my "
        "interview, especially on what I could have answered better. It would help me a "
        "lot as I keep preparing.\n"
        "\n"
        f"I remain very interested in {where} and would be glad to stay in touch about "
        "future openings.\n"
        "\n"
        "Best regards,\n"
        "[your name]\n"
    )


def parse_date(text: str, today: date) -> date:
    """``YYYY-MM-DD``, ``today`` or ``yesterday``; anything else is a MockintError."""
    value = text.strip().lower()
    if value in ("", "today"):
        return today
    if value == "yesterday":
        return today - timedelta(days=1)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise MockintError(
            f"interview date {text!r} is not a date: write it as YYYY-MM-DD, e.g. "
            f"{today.isoformat()}"
        ) from None


# --- saving ---------------------------------------------------------------------------------


def save_debrief(
    store: StoreLike,
    catalog: QuestionSource,
    *,
    questions: Sequence[str],
    struggled: Sequence[int | str] = (),
    company: str = "",
    role: str = "",
    feedback: str = "",
    notes: str = "",
    interview_date: date | str | None = None,
    now: datetime | None = None,
    tz: tzinfo | None = None,
    banks_dir: Path | None = None,
) -> DebriefResult:
    """Log a real interview (see the module doc). ``struggled`` names the questions that went
    badly, by 1-based number or by their text; ``notes`` is extra feedback, kept with it.
    ``banks_dir`` defaults to the data root's ``banks/``."""
    moment = utc(now)
    asked = [" ".join(q.split()) for q in questions if q.strip()]
    if not asked:
        raise MockintError("a debrief needs the questions you were asked (one or more)")
    hard = _struggled_indexes(struggled, asked)
    day = (
        interview_date
        if isinstance(interview_date, date)
        else parse_date(interview_date or "", local_date(moment, tz))
    )
    company, role = company.strip(), role.strip()
    said = "\n".join(part.strip() for part in (feedback, notes) if part.strip())
    bank_path = (banks_dir or paths.user_banks_dir()) / BANK_FILE
    data = _read_bank(bank_path)
    candidates = [*catalog.questions(), *_raw_questions(data)]
    items, added = _place(asked, hard, candidates, company, role, day, said)
    if added:
        data["questions"] = [*data.get("questions", []), *added]
        _write_atomic(bank_path, _dump(data))
    debrief_id = _record(store, items, company, role, day, said, moment)
    return DebriefResult(
        debrief_id=debrief_id,
        company=company,
        role=role,
        interview_date=day,
        items=tuple(items),
        bank_path=bank_path if added else None,
        follow_up=follow_up_note(company, role),
    )


def _struggled_indexes(struggled: Sequence[int | str], asked: list[str]) -> set[int]:
    found: set[int] = set()
    for which in struggled:
        if isinstance(which, int):
            if not 1 <= which <= len(asked):
                raise MockintError(
                    f"--struggled {which}: there are {len(asked)} questions; "
                    f"give numbers from 1 to {len(asked)}"
                )
            found.add(which - 1)
            continue
        text = " ".join(which.split())
        if not text:
            continue
        if text.isdigit():
            found |= _struggled_indexes([int(text)], asked)
        elif text in asked:
            found.add(asked.index(text))
        else:
            raise MockintError(f"struggled with {text!r}, but that is not one of the questions")
    return found


def _place(
    asked: list[str],
    hard: set[int],
    candidates: list[Question],
    company: str,
    role: str,
    day: date,
    feedback: str,
) -> tuple[list[DebriefItem], list[dict[str, Any]]]:
    """Link each question to a close one, or make a new bank entry for it."""
    taken = {q.id for q in candidates}
    items: list[DebriefItem] = []
    added: list[dict[str, Any]] = []
    for i, text in enumerate(asked):
        found = match_question(text, candidates)
        if found is not None:
            question, score = found
            items.append(DebriefItem(text, question.id, True, score, i in hard, question.kind))
            continue
        kind = guess_kind(text)
        qid = _unique_id(f"debrief-{slug(text)}", taken)
        taken.add(qid)
        entry = _entry(qid, text, kind, company, role, day, feedback, struggled=i in hard)
        added.append(entry)
        candidates.append(_as_question(entry))
        items.append(DebriefItem(text, qid, False, None, i in hard, kind))
    return items, added


def _unique_id(base: str, taken: set[str]) -> str:
    base = base[:60].rstrip("-")
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def _entry(
    qid: str,
    text: str,
    kind: Kind,
    company: str,
    role: str,
    day: date,
    feedback: str,
    *,
    struggled: bool,
) -> dict[str, Any]:
    where = " ".join(
        p for p in (f"at {company}" if company else "", f"for {role}" if role else "") if p
    )
    asked = f"Asked {where} on {day.isoformat()}" if where else f"Asked on {day.isoformat()}"
    tips = [f"{asked}{'; you struggled with it' if struggled else ''}."]
    if feedback:
        tips.append(f"Feedback you got: {' '.join(feedback.split())}")
    tags = ["debrief"]
    company_tag = slug(company, words=4) if company else ""
    if company_tag and company_tag != "question":
        tags.append(company_tag)
    entry: dict[str, Any] = {
        "id": qid,
        "text": text,
        "kind": str(kind),
        "target_seconds": list(TARGET_SECONDS.get(kind, (60, 90))),
        "tags": tags,
    }
    if kind is Kind.BEHAVIORAL:
        entry["key_points"] = list(STAR_KEY_POINTS)
    entry["tips"] = tips
    return entry


def _as_question(entry: dict[str, Any]) -> Question:
    try:
        kind = Kind(entry.get("kind", "personal"))
    except ValueError:
        kind = Kind.PERSONAL
    return Question(
        id=str(entry["id"]),
        text=str(entry["text"]),
        kind=kind,
        bank=BANK_ID,
        target_seconds=(60, 90),
    )


def _raw_questions(data: dict[str, Any]) -> list[Question]:
    """Questions already in the debriefs file (whether or not the catalog loaded it)."""
    return [
        _as_question(q)
        for q in data.get("questions", [])
        if isinstance(q, dict) and isinstance(q.get("id"), str) and isinstance(q.get("text"), str)
    ]


# --- the bank file --------------------------------------------------------------------------

_HEADER = (
    "# Questions from your real interviews, added by `mockint debrief`.\n"
    "# You may edit this file (comments are not kept when mockint adds questions).\n"
)


def _read_bank(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {
            "bank": BANK_ID,
            "title": "From your interviews",
            "description": "Questions you were asked in real interviews, logged with "
            "`mockint debrief`.",
            "questions": [],
        }
    import yaml  # deferred: only debriefs write banks

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise MockintError(
            f"{path} cannot be read ({' '.join(str(exc).split())[:120]}): fix it, or move it "
            "aside and run the debrief again; nothing was saved"
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("questions", []), list):
        raise MockintError(
            f"{path} is not a bank (expected bank:, title:, questions:): fix it, or move it "
            "aside and run the debrief again; nothing was saved"
        )
    return data


def _dump(data: dict[str, Any]) -> str:
    import yaml

    class Dumper(yaml.SafeDumper):
        """Writes ``target_seconds: [60, 120]`` as people write it, not one number a line."""

    def _list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.Node:
        flow = bool(value) and all(isinstance(v, int) for v in value)
        return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)

    Dumper.add_representer(list, _list)
    body = yaml.dump(data, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100)
    return _HEADER + body


def _write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file and a rename, so a crash leaves the old file or the new
    one, never half of one. The file is private (0600): it names companies and feedback."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise MockintError(
            f"cannot write {path} ({exc.strerror}): check that the folder is writable; "
            "nothing was saved"
        ) from None


# --- the database ---------------------------------------------------------------------------


def _record(
    store: StoreLike,
    items: list[DebriefItem],
    company: str,
    role: str,
    day: date,
    feedback: str,
    now: datetime,
) -> int:
    conn = connection(store)
    with transaction(conn):
        cur = conn.execute(
            "INSERT INTO debriefs(company, role, interview_date, feedback, questions_json, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?)",
            (
                company or None,
                role or None,
                day.isoformat(),
                feedback or None,
                json.dumps([i.to_dict() for i in items], ensure_ascii=False),
                iso(now),
            ),
        )
        where = ", ".join(p for p in (company, day.isoformat()) if p)
        for item in items:
            if item.struggled:
                reason = f"you struggled with it in a real interview ({where})"
                mark_weak(conn, item.question_id, reason, source="debrief", now=now)
                scheduler.schedule_now(conn, item.question_id, now)
    return int(cur.lastrowid or 0)
