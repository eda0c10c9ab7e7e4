"""Find the interviewer's questions, and the user's answers, in a real interview's text.

Accepted as pasted or saved: a video call's transcript export (WebVTT, SRT, or "Name
00:01:23" / "[00:01:23] Name:" lines), a chat-style log with speaker labels
("Interviewer:", "Me:", names), or the user's own notes with no labels at all (questions are
the lines that ask). The result is shown for the user to confirm before it becomes a
debrief, so the rules favour finding every question over a perfect cut.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from mockint.models import Kind
from mockint.prep.kinds import kind_from_text


@dataclass(frozen=True)
class Exchange:
    question: str
    answer: str
    """What the candidate said next, "" when the transcript has no answer."""
    asked_by: str
    """The speaker who asked, "" for unlabeled notes."""
    kind: Kind
    note: str = ""
    """The user's notes under the question, once :meth:`InterviewText.answers_apart` has
    taken them out of ``answer``."""


@dataclass(frozen=True)
class InterviewText:
    exchanges: tuple[Exchange, ...]
    interviewers: tuple[str, ...]
    candidate: str
    """The speaker taken to be the user, "" for unlabeled notes."""

    @property
    def interviewer(self) -> str:
        """The first interviewer known by name ("" when the labels only name roles)."""
        names = [n for n in self.interviewers if not _ROLE.match(n)]
        return names[0] if names else ""

    def answers_apart(self) -> InterviewText:
        """Where the text has the user's own words (a labelled call transcript) they stay
        the answers; in unlabelled notes the lines under a question are notes about the
        answer, not the answer: they move to ``note``."""
        if self.candidate:
            return self
        notes = tuple(replace(e, answer="", note=e.answer) for e in self.exchanges)
        return replace(self, exchanges=notes)


@dataclass(frozen=True)
class _Turn:
    speaker: str
    text: str


_TIME = r"\(?\[?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?\]?\)?"
_CUE = re.compile(rf"^{_TIME}\s*-->\s*{_TIME}")
_VOICE = re.compile(r"^<v(?:\.[^ >]+)?\s+([^>]+)>(.*?)(?:</v>)?$")
_LABEL = re.compile(
    rf"^(?:{_TIME}\s*)?(?P<name>[A-Z][\w.'-]*(?:\s+[\w.'-]+){{0,3}}|[A-Z]{{1,2}}|me|you)"
    rf"\s*(?:\({_TIME}\)|{_TIME})?\s*[:：]\s*(?P<text>.*)$"
)
_NAME_TIME = re.compile(rf"^(?P<name>[A-Z][\w.'-]*(?:\s+[\w.'-]+){{0,3}})\s+{_TIME}\s*$")
_LEADING_TIME = re.compile(rf"^{_TIME}\s*")
# Inline cue markup: WebVTT word timings and classes, SRT's <i>/<b>/<font>.
_INLINE_TAGS = re.compile(
    r"<\d{1,2}:\d{2}[^>]*>|</?(?:c|i|b|u|font|lang|ruby|rt)(?:[.\s][^>]*)?>", re.I
)
# A list marker in notes: "- ", "* ", "• ", "1. ", "2) ", "3 - ".
_BULLET = re.compile(r"^(?:[-*•‣▪–]|\d{1,2}[.)]|\d{1,2}\s+-)\s+")
# Numbered notes labels, "Q1:" / "A1:", are the Q and A speakers.
_NUMBERED_QA = re.compile(r"^([QA])\d{1,2}$", re.I)
_INTERVIEWER = re.compile(r"^(interviewer|recruiter|hiring manager|panel|panelist|q|hr)\b", re.I)
# A label that is no person's name: an interviewer's role, or a call's "Speaker 2".
_ROLE = re.compile(rf"{_INTERVIEWER.pattern}|^speaker\b", re.I)
_CANDIDATE = re.compile(r"^(me|i|candidate|a|you|myself|answer)$", re.I)
# Questions that keep a call going rather than test the candidate.
_SMALL_TALK = re.compile(
    r"\b(hear me|see my screen|how are you|how's it going|find us ok|get here|"
    r"make sense|is that ok(ay)?|shall we (start|begin)|ready to (start|begin)|"
    r"sound good|can you see|still there|any trouble)\b",
    re.I,
)
_ASKS = re.compile(
    r"\b(tell (me|us) about|describe|walk (me|us) through|talk (me|us) through|"
    r"give (me|us) an example|share an example|take (me|us) through)\b",
    re.I,
)
_OPENER = re.compile(
    r"^(?:(?:and|so|okay|ok|great|right|thanks|thank you|now|next|to begin|to start|"
    r"first|firstly|let's start)[,.]?\s+)+",
    re.I,
)
_LABEL_WORDS = 4


def parse_interview(text: str) -> InterviewText:
    lines = _lines(text)
    # A stray "Q:" in someone's notes does not make them a speaker-labelled transcript.
    if sum(bool(t.speaker) for t in lines) * 2 < len(lines):
        return _from_notes([_Turn("", t.text) for t in lines])
    turns = _merged(lines)
    speakers = [t.speaker for t in turns]
    interviewers, candidate = _roles(turns, speakers)
    exchanges: list[Exchange] = []
    pending: tuple[str, str] | None = None
    answer: list[str] = []
    for turn in turns:
        if turn.speaker in interviewers:
            asked = _question_in(turn.text)
            if asked:
                if pending:
                    exchanges.append(_exchange(pending, answer))
                pending, answer = (asked, turn.speaker), []
        elif turn.speaker == candidate and pending:
            answer.append(turn.text)
    if pending:
        exchanges.append(_exchange(pending, answer))
    return InterviewText(tuple(exchanges), tuple(sorted(interviewers)), candidate)


def _lines(text: str) -> list[_Turn]:
    """Each line of text with its speaker ("" when none is known); timestamps, cue numbers
    and headers dropped."""
    turns: list[_Turn] = []
    speaker = ""
    for raw in text.replace("\r\n", "\n").splitlines():
        line = _INLINE_TAGS.sub("", raw).strip().lstrip("\ufeff")
        line = _BULLET.sub("", line)
        if not line or line == "WEBVTT" or line.isdigit() or _CUE.match(line):
            continue
        if line.startswith(("NOTE", "Kind:", "Language:")):
            continue
        if m := _VOICE.match(line):
            speaker, line = m.group(1).strip(), m.group(2).strip()
        elif m := _NAME_TIME.match(line):
            speaker = m.group("name").strip()
            continue
        elif (m := _LABEL.match(line)) and len(m.group("name").split()) <= _LABEL_WORDS:
            speaker, line = m.group("name").strip(), m.group("text").strip()
            speaker = _NUMBERED_QA.sub(lambda qa: qa.group(1).upper(), speaker)
        else:
            # Unlabelled lines under a "Name 0:03" header keep that speaker.
            line = _LEADING_TIME.sub("", line)
        if line:
            turns.append(_Turn(speaker, line))
    return turns


def _merged(lines: list[_Turn]) -> list[_Turn]:
    """Consecutive lines of one speaker as one turn."""
    turns: list[_Turn] = []
    for t in lines:
        if turns and turns[-1].speaker == t.speaker:
            turns[-1] = _Turn(t.speaker, f"{turns[-1].text} {t.text}")
        else:
            turns.append(t)
    return turns


def _roles(turns: list[_Turn], speakers: list[str]) -> tuple[set[str], str]:
    """(interviewers, candidate): by label where the labels say so, else the candidate is
    the speaker whose turns least often ask a question."""
    names = [s for s in dict.fromkeys(speakers) if s]
    asked: Counter[str] = Counter()
    said: Counter[str] = Counter()
    spoke: Counter[str] = Counter()
    for t in turns:
        said[t.speaker] += len(t.text.split())
        asked[t.speaker] += len(_questions(t.text))
        spoke[t.speaker] += 1
    candidate = next((n for n in names if _CANDIDATE.match(n)), "")
    interviewers = {n for n in names if _INTERVIEWER.match(n)}
    if not candidate:
        others = [n for n in names if n not in interviewers]
        if others:
            # The one whose turns least often ask; a long answer breaks a tie. (Words per
            # question alone picks the interviewer of a short call who explains the role.)
            candidate = min(others, key=lambda n: (asked[n] / spoke[n], -said[n]))
    if not interviewers:
        interviewers = {n for n in names if n != candidate}
    return interviewers, candidate


def _from_notes(turns: list[_Turn]) -> InterviewText:
    """Notes without speakers: every line that asks is a question, the lines after it (up
    to the next question) the answer; "Q:" / "A:" prefixes are honoured by the labels."""
    exchanges: list[Exchange] = []
    pending: str | None = None
    answer: list[str] = []
    for turn in turns:
        asked = _question_in(turn.text, notes=True)
        if asked:
            if pending:
                exchanges.append(_exchange((pending, ""), answer))
            pending, answer = asked, []
        elif pending:
            answer.append(turn.text)
    if pending:
        exchanges.append(_exchange((pending, ""), answer))
    return InterviewText(tuple(exchanges), (), "")


def _questions(text: str) -> list[str]:
    sentences = re.split(r"(?<=[.?!])\s+", text.strip())
    out = []
    for s in sentences:
        s = s.strip()
        if len(s.split()) < 3 or _SMALL_TALK.search(s):
            continue
        if s.endswith("?") or _ASKS.search(s):
            out.append(_OPENER.sub("", s)[:1].upper() + _OPENER.sub("", s)[1:])
    return out


def _question_in(text: str, *, notes: bool = False) -> str:
    """The question a turn asks ("" if none): its asking sentences, with a framing sentence
    just before them kept ("Let's talk about teamwork. Tell me about…")."""
    found = _questions(text)
    if not found and notes:
        stripped = text.strip()
        if re.match(r"^q\s*[:.)-]\s*", stripped, re.I):
            return re.sub(r"^q\s*[:.)-]\s*", "", stripped, flags=re.I)
    return " ".join(found)


def _exchange(pending: tuple[str, str], answer: list[str]) -> Exchange:
    question, by = pending
    said = " ".join(answer).strip()
    said = re.sub(r"^a\s*[:.)-]\s*", "", said, flags=re.I)
    return Exchange(question, said, by, kind_from_text(question))
