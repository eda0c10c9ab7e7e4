"""The STAR checklist (situation, task, action, result) with the sentence that shows each."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import Static

from mockint.tui.feedback import StarPart


def render_star(parts: Sequence[StarPart]) -> Text:
    text = Text()
    for part in parts:
        mark, style = ("✔", "green") if part.present else ("✘", "red")
        text.append(f"{mark} {part.name.title():<10}", style=style)
        if part.sentence:
            text.append(f"“{part.sentence}”", style="italic")
        elif not part.present:
            text.append("not found: say it in a sentence of its own", style="dim")
        text.append("\n")
    text.rstrip()
    return text


def render_key_points(points: Sequence[tuple[str, bool]]) -> Text:
    text = Text()
    for point, covered in points:
        mark, style = ("✔", "green") if covered else ("·", "dim")
        text.append(f"{mark} {point}\n", style=style)
    text.rstrip()
    return text


class StarChecklist(Static):
    def show(self, parts: Sequence[StarPart]) -> None:
        self.display = bool(parts)
        self.update(render_star(parts))


class KeyPoints(Static):
    def show(self, points: Sequence[tuple[str, bool]]) -> None:
        self.display = bool(points)
        self.update(render_key_points(points))
