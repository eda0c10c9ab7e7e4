"""The per-sentence labeled corpus (tests/data/labeled/*.yaml): loading, rendering, ablation.

Each file is one writing pass by one author to one style brief (format: the README beside the
files). A case is a list of segments, each with the STAR parts a coach would say it shows;
fillers are marked ``[um,]`` inside the text; key points carry covered/not-covered labels.

A case is rendered the way the scorer meets it: typed styles as typed text (no timings, as
``mockint score --text``), the ``spoken`` style as a timed transcript (as from audio).
:func:`asr_view` turns any case into what a speech recogniser without punctuation gives:
lower case, no punctuation, evenly timed, so the structure must come from the words alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from mockint.models import Kind, Question, Transcript, Word

LABELED_DIR = Path(__file__).resolve().parents[1] / "tests" / "data" / "labeled"
LETTERS = {"S": "situation", "T": "task", "A": "action", "R": "result"}
PARTS = ("situation", "task", "action", "result")
SPOKEN = "spoken"
WPM = 150.0
_PUNCT = re.compile(r"[^\w'%$£€-]+")


@dataclass(frozen=True)
class Segment:
    text: str
    """As written, filler markup removed."""
    parts: frozenset[str]
    first: int
    """Index of its first word in the case's transcript."""
    last: int


@dataclass(frozen=True)
class KeyPointLabel:
    point: str
    covered: bool


@dataclass(frozen=True)
class LabeledCase:
    id: str
    source: str
    field: str
    style: str
    kind: str
    question: Question
    segments: tuple[Segment, ...]
    transcript: Transcript
    fillers: tuple[tuple[int, int], ...]
    """(first, last) word index of each marked filler."""
    key_points: tuple[KeyPointLabel, ...] = ()
    medium: str = "written"
    """``spoken`` (a transcript: scored timed, as from audio) or ``written`` (typed)."""

    @property
    def star(self) -> frozenset[str]:
        """The STAR parts some segment shows."""
        return frozenset(p for s in self.segments for p in s.parts)

    @property
    def behavioral(self) -> bool:
        return self.kind == "behavioral"

    @property
    def timed(self) -> bool:
        return self.medium == SPOKEN

    def parts_of_words(self, first: int, last: int) -> frozenset[str]:
        """STAR parts of the segments overlapping words ``first..last`` by at least three
        words (or wholly, for shorter segments)."""
        found: set[str] = set()
        for s in self.segments:
            overlap = min(last, s.last) - max(first, s.first) + 1
            if overlap >= min(3, s.last - s.first + 1):
                found |= s.parts
        return frozenset(found)

    def without(self, part: str) -> LabeledCase | None:
        """The case with every segment showing ``part`` dropped (None if nothing is left)."""
        kept = [s for s in self.segments if part not in s.parts]
        if not kept or len(kept) == len(self.segments):
            return None
        raw = [(_remark(self, s), sorted(s.parts)) for s in kept]
        return _build(self, raw)


def _remark(case: LabeledCase, seg: Segment) -> str:
    """The segment's text with its filler markup put back (for rebuilding)."""
    words = case.transcript.words[seg.first : seg.last + 1]
    starts = {a for a, _ in case.fillers}
    ends = {b for _, b in case.fillers}
    out = []
    for k, w in enumerate(words, start=seg.first):
        out.append(("[" if k in starts else "") + w.text + ("]" if k in ends else ""))
    return " ".join(out)


def _words(
    segments: list[tuple[str, list[str]]], timed: bool
) -> tuple[Transcript, tuple[Segment, ...], tuple[tuple[int, int], ...]]:
    step = 60.0 / WPM
    words: list[Word] = []
    segs: list[Segment] = []
    fillers: list[tuple[int, int]] = []
    open_at: int | None = None
    for text, letters in segments:
        first = len(words)
        for raw in text.split():
            if "[" in raw:
                open_at = len(words)
            clean = raw.replace("[", "").replace("]", "")
            if not clean:
                continue
            t = len(words) * step
            start, end = (round(t, 3), round(t + 0.8 * step, 3)) if timed else (0.0, 0.0)
            words.append(Word(clean, start, end))
            if "]" in raw and open_at is not None:
                fillers.append((open_at, len(words) - 1))
                open_at = None
        parts = frozenset(LETTERS.get(x, x) for x in letters)
        clean_text = " ".join(w.text for w in words[first:])
        segs.append(Segment(clean_text, parts, first, len(words) - 1))
    duration = round(len(words) * step, 3) if timed else 0.0
    return Transcript(tuple(words), duration), tuple(segs), tuple(fillers)


def _build(case: LabeledCase, raw: list[tuple[str, list[str]]]) -> LabeledCase:
    transcript, segs, fillers = _words(raw, case.timed)
    return replace(case, transcript=transcript, segments=segs, fillers=fillers)


def _case(source: str, medium: str, raw: dict[str, Any]) -> LabeledCase:
    kind = str(raw.get("kind", "behavioral"))
    points = tuple(
        KeyPointLabel(str(p["point"]), bool(p["covered"])) for p in raw.get("key_points") or ()
    )
    question = Question(
        id=str(raw["id"]),
        text=str(raw.get("question", "Tell me about a time…")),
        kind=Kind(kind),
        bank=source,
        target_seconds=(20, 150),
        key_points=tuple(p.point for p in points),
    )
    style = str(raw.get("style", "plain"))
    segments = [(str(s["text"]), list(s.get("star") or ())) for s in raw["segments"]]
    transcript, segs, fillers = _words(segments, medium == SPOKEN)
    return LabeledCase(
        id=str(raw["id"]),
        source=source,
        field=str(raw.get("field", "")),
        style=style,
        kind=kind,
        question=question,
        segments=segs,
        transcript=transcript,
        fillers=fillers,
        key_points=points,
        medium=medium,
    )


def load_labeled(directory: Path = LABELED_DIR) -> list[LabeledCase]:
    """Every case of every pass in ``directory``, in file order."""
    cases: list[LabeledCase] = []
    for path in sorted(directory.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        source = str(data.get("source") or path.stem)
        # A pass says what it is; one without ``medium`` is spoken when its brief says so,
        # and a mixed pass's case is spoken when its style is: a transcript, not a draft.
        brief = str(data.get("brief", "")).lower()
        medium = str(data.get("medium") or (SPOKEN if brief.startswith(SPOKEN) else "written"))
        for raw in data.get("cases") or ():
            spoken = "medium" not in data and raw.get("style") == SPOKEN
            cases.append(_case(source, SPOKEN if spoken else medium, raw))
    return cases


_DROPPABLE = frozenset({"i", "we"})


def notes_view(case: LabeledCase) -> LabeledCase | None:
    """The case as terse notes: "I drafted a sheet." → "Drafted a sheet." (the subject
    that note-takers leave out). None when no segment starts with "I"/"We"."""
    raw, changed = [], False
    for seg in case.segments:
        words = _remark(case, seg).split()
        if len(words) > 2 and words[0].lower() in _DROPPABLE and "[" not in words[0]:
            words = [words[1][:1].upper() + words[1][1:], *words[2:]]
            changed = True
        raw.append((" ".join(words), sorted(seg.parts)))
    return replace(_build(case, raw), style=f"{case.style}→notes") if changed else None


def asr_view(case: LabeledCase) -> LabeledCase:
    """The case as an unpunctuated recogniser transcript: lower case, no punctuation,
    evenly timed; the labels stay on the same words."""
    raw = []
    for seg in case.segments:
        out = []
        for orig in _remark(case, seg).split():
            core = _PUNCT.sub("", orig.lower()).strip("-")
            if core:  # the markup brackets go back around the bare word
                out.append("[" * ("[" in orig) + core + "]" * ("]" in orig))
        raw.append((" ".join(out), sorted(seg.parts)))
    transcript, segs, fillers = _words(raw, True)
    return replace(
        case,
        style=f"{case.style}→asr",
        medium=SPOKEN,
        transcript=transcript,
        segments=segs,
        fillers=fillers,
    )
