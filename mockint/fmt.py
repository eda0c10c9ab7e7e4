"""Small text forms every front end shares: a length as ``m:ss``, a text cut to a width."""

from __future__ import annotations


def clock(seconds: float, *, running: bool = False) -> str:
    """``75.4`` → ``"1:15"``. A ``running`` clock (the recording timer) shows whole seconds
    gone, so it never reads a second ahead: ``9.9`` → ``"0:09"``."""
    total = max(0, int(seconds)) if running else round(seconds)
    return f"{total // 60}:{total % 60:02d}"


def clip(text: str | None, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters, ending in "…" when cut."""
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: max(0, width - 1)].rstrip() + "…"
