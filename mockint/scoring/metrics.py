"""The typed reports flattened into the JSON-ready ``metrics`` object (contract keys first)."""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from mockint.scoring.fillers import FillerReport
from mockint.scoring.structure import StructureReport

if TYPE_CHECKING:
    from mockint.scoring.result import ScoreReport


def build_metrics(report: ScoreReport) -> dict[str, Any]:
    """``metrics`` for ``mockint score --json``: the report's typed fields, contract keys
    first, plus evidence."""
    fillers, pace, length = report.fillers, report.pace, report.length
    pauses, hedges = report.pauses, report.hedges
    if fillers is None or pace is None or length is None or pauses is None or hedges is None:
        raise ValueError("build_metrics needs a report with every measured part")
    structure, coverage = report.structure, report.coverage
    metrics: dict[str, Any] = {
        "word_count": report.word_count,
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
        "repetitions": [asdict(r) for r in report.repetitions],
        "ownership": asdict(report.ownership) if report.ownership else None,
        "structure": _structure(structure) if structure else None,
        "key_points": [asdict(p) for p in coverage.points] if coverage else [],
    }
    if not pace.timed:  # typed: nothing was measured in time, so nothing is reported
        for key in _TIMED_KEYS:
            metrics.pop(key)
        metrics["fillers"].pop("per_minute")
        for item in metrics["fillers"]["items"]:
            item.pop("start")
        # Judged in words: the seconds (and the target in seconds) were never measured.
        metrics["length"].pop("seconds")
        metrics["length"].pop("target")
    return metrics


#: Metrics that only audio can give.
_TIMED_KEYS = ("wpm", "wpm_raw", "speaking_s", "pace", "pauses", "long_pauses")


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
