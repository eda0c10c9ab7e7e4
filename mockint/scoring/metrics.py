"""The typed reports flattened into the JSON-ready ``metrics`` object (contract keys first)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from mockint.scoring.coverage import CoverageReport
from mockint.scoring.fillers import FillerReport
from mockint.scoring.language import HedgeReport, Ownership, Repetition
from mockint.scoring.length import LengthReport
from mockint.scoring.pace import PaceReport
from mockint.scoring.pauses import PauseReport
from mockint.scoring.structure import StructureReport


def build_metrics(
    *,
    word_count: int,
    fillers: FillerReport,
    pace: PaceReport,
    length: LengthReport,
    pauses: PauseReport,
    hedges: HedgeReport,
    repetitions: tuple[Repetition, ...],
    ownership: Ownership | None,
    structure: StructureReport | None,
    coverage: CoverageReport | None,
) -> dict[str, Any]:
    """``metrics`` for ``mockint score --json``: contract keys plus evidence."""
    return {
        "word_count": word_count,
        "wpm": pace.wpm,
        "fillers": _fillers(fillers),
        "long_pauses": [
            {"start": p.start, "end": p.end, "duration": p.duration, "after_index": p.after_index}
            for p in pauses.long_pauses
        ],
        "hedges": {
            "total": hedges.total,
            "per_100_words": hedges.per_100_words,
            "counts": hedges.counts,
            "items": [asdict(h) for h in hedges.items],
        },
        "star": structure.present if structure else None,
        "wpm_raw": pace.wpm_raw,
        "speaking_s": pace.speaking_s,
        "pace": {
            "band": pace.band,
            "timed": pace.timed,
            "speeds_up": pace.speeds_up,
            "windows": [asdict(w) for w in pace.windows],
        },
        "length": asdict(length),
        "pauses": {
            "hesitations": pauses.hesitations,
            "longest_s": pauses.longest_s,
            "start_delay_s": pauses.start_delay_s,
        },
        "repetitions": [asdict(r) for r in repetitions],
        "ownership": asdict(ownership) if ownership else None,
        "structure": _structure(structure) if structure else None,
        "key_points": [asdict(p) for p in coverage.points] if coverage else [],
    }


def _fillers(r: FillerReport) -> dict[str, Any]:
    return {
        "total": r.total,
        "per_minute": r.per_minute,
        "per_100_words": r.per_100_words,
        "counts": r.counts,
        "vocal": r.vocal,
        "verbal": r.verbal,
        "band": r.band,
        "items": [
            {
                "index": f.word_index,
                "end_index": f.end_index,
                "text": f.text,
                "key": f.key,
                "kind": f.kind,
                "start": round(f.start, 2),
            }
            for f in r.items
        ],
    }


def _structure(r: StructureReport) -> dict[str, Any]:
    return {
        "order": list(r.order),
        "in_order": r.in_order,
        "result_quantified": r.result_quantified,
        "action_share": r.action_share,
        "parts": {name: asdict(part) for name, part in r.parts.items()},
    }
