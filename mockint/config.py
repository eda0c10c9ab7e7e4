"""User settings, read from ``<data root>/config.yaml``.

Every section is a dataclass owned by the package it configures (``audio``, ``speech``,
``scoring``, ``practice``) plus ``ui`` here; every field has a docstring saying what it does.
A missing file means all defaults: nothing needs configuring before the first use. Unknown
keys and wrong types are reported as ``config.yaml: section.key: problem``.
"""

from __future__ import annotations

import dataclasses
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mockint import paths
from mockint.audio.config import AudioConfig
from mockint.errors import MockintError
from mockint.practice.config import PracticeConfig
from mockint.scoring.config import ScoringConfig
from mockint.speech.config import SpeechConfig


@dataclass
class UIConfig:
    prep_seconds: int = 5
    """Countdown before recording starts, to gather your thoughts; 0 skips it."""

    read_aloud: bool = False
    """Speak each question with espeak-ng before the countdown; recording never starts
    while it is still speaking."""

    ready_when_you_are: bool = False
    """No countdown: the question is shown (and read aloud, with ``read_aloud``), and
    recording starts when you press space. The countdown can also be paused with ``p``."""

    follow_ups: bool = True
    """After an answer, offer the follow-up question an interviewer would ask given it
    (no result: "What was the outcome?"; a "we" story: "What did you do yourself?"…).
    Follow-up answers are scored and kept beside the question, but never count in its
    average, trend or schedule."""


@dataclass
class Config:
    audio: AudioConfig = field(default_factory=AudioConfig)
    """Recording and playback."""

    speech: SpeechConfig = field(default_factory=SpeechConfig)
    """Transcription model and its settings."""

    scoring: ScoringConfig = field(default_factory=ScoringConfig)
    """Thresholds, word lists and weights used to score answers."""

    practice: PracticeConfig = field(default_factory=PracticeConfig)
    """Daily plans, spaced repetition and weak questions."""

    ui: UIConfig = field(default_factory=UIConfig)
    """The terminal app."""


def load_config(path: Path | None = None) -> Config:
    """Read config.yaml (default: the data root's); defaults for everything it leaves out."""
    path = path or paths.config_path()
    if not path.is_file():
        return Config()
    import yaml  # deferred: keeps `import mockint.config` cheap

    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise MockintError(f"{path}: cannot read config: {_one_line(exc)}") from None
    if raw is None:
        return Config()
    if not isinstance(raw, dict):
        raise MockintError(f"{path}: expected a mapping of sections (audio:, speech:, …)")
    return _build(Config, raw, path, prefix="")


def config_from_dict(raw: dict[str, Any]) -> Config:
    """Build a Config from plain data (tests, and the same validation as the file)."""
    return _build(Config, raw, Path("config.yaml"), prefix="")


def _build(cls: type, raw: dict[str, Any], path: Path, prefix: str) -> Any:
    hints = typing.get_type_hints(cls)
    known = {f.name: f for f in dataclasses.fields(cls)}
    problems: list[str] = []
    values: dict[str, Any] = {}
    for key, value in raw.items():
        where = f"{prefix}{key}"
        if key not in known:
            problems.append(f"{path}: {where}: unknown setting (known: {', '.join(known)})")
            continue
        hint = hints[key]
        if dataclasses.is_dataclass(hint):
            if not isinstance(value, dict):
                problems.append(f"{path}: {where}: expected a mapping")
                continue
            try:
                values[key] = _build(typing.cast(type, hint), value, path, prefix=f"{where}.")
            except MockintError as exc:
                problems.extend(exc.details or [str(exc)])
            continue
        checked, error = _check(hint, value)
        if error:
            problems.append(f"{path}: {where}: {error}")
        else:
            values[key] = checked
    if problems:
        raise MockintError(problems[0], details=problems[1:])
    return cls(**values)


def _check(hint: Any, value: Any) -> tuple[Any, str | None]:
    from pydantic import TypeAdapter, ValidationError  # deferred: heavy import

    try:
        return TypeAdapter(hint).validate_python(value, strict=False), None
    except ValidationError as exc:
        return None, exc.errors()[0]["msg"].lower()


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())
