"""Figures of a body's cooperation for a period: the service the reports wing reads.

Counted from the decision log (its entries carry the date of each event), so a
figure for a past period never changes once the period is over.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from versprochen.coalition.models import Coalition, LogEntry
from versprochen.coalition.vocabulary import LogKind, MotionKind, Resolution
from versprochen.tracker.models import Body

RESOLUTIONS = ("unanimous_decision", "recorded_dissent", "joint_rejection", "open")
# Why a paper was held back: rule 8 (no consensus) or rule 10 (another group's motion).
POSTPONEMENT_REASONS = {
    LogKind.POSTPONEMENT: "no_consensus",
    LogKind.NO_DECISION: "other_group_motion",
}


def _resolution(entry: LogEntry) -> str:
    record = entry.motion or entry.paper
    value = record.resolution if record is not None else ""
    if entry.paper is not None and entry.paper.outcome == "joint_rejection":
        value = Resolution.JOINT_REJECTION
    return value if value in RESOLUTIONS else "open"


def cooperation_figures(body: Body, start: dt.date, end: dt.date) -> dict[str, Any] | None:
    """The cooperation of `body`'s coalition(s) between `start` and `end` (both included);
    None when the body has no coalition."""
    coalitions = Coalition.objects.filter(body=body)
    if not coalitions.exists():
        return None
    entries = (
        LogEntry.objects.filter(coalition__in=coalitions, at__date__gte=start, at__date__lte=end)
        .select_related("motion", "paper")
        .order_by("at", "id")
    )
    joint = own = on_time = late = rejections = 0
    dissents: dict[tuple[str, int], str] = {}
    postponements: Counter[str] = Counter()
    exceptions: Counter[str] = Counter()
    for entry in entries.iterator():
        kind, motion = entry.kind, entry.motion
        if kind == LogKind.SUBMISSION and motion is not None:
            if motion.kind == MotionKind.JOINT:
                joint += 1
            else:
                own += 1
        elif kind == LogKind.PROPOSAL and motion is not None:
            if motion.late_days > 0:
                late += 1
            else:
                on_time += 1
        elif kind == LogKind.DISSENT:
            key = ("motion", entry.motion_id or 0) if motion else ("paper", entry.paper_id or 0)
            dissents.setdefault(key, _resolution(entry))
        elif kind in POSTPONEMENT_REASONS:
            postponements[POSTPONEMENT_REASONS[LogKind(kind)]] += 1
        elif kind == LogKind.EXCEPTION:
            exceptions[entry.reason or "unknown"] += 1
        elif kind == LogKind.JOINT_REJECTION:
            rejections += 1
    by_resolution = dict.fromkeys(RESOLUTIONS, 0)
    for value in dissents.values():
        by_resolution[value] += 1
    return {
        "joint_motions": joint,
        "own_motions": own,
        "proposals_on_time": on_time,
        "proposals_late": late,
        "dissents": len(dissents),
        "dissents_by_resolution": by_resolution,
        "postponements": sum(postponements.values()),
        "postponements_by_reason": dict(postponements),
        "exceptions_by_reason": dict(exceptions),
        "joint_rejections": rejections,
    }
