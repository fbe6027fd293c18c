"""A pledge's public history: published assessments and editors' corrections, by time.

The pledge page, its JSON twin and the Atom feeds read events from here. Nothing
unpublished and no person's name is in an event.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import QuerySet

from versprochen.tracker.models import Assessment, PledgeCorrection
from versprochen.tracker.public import correction_changes
from versprochen.tracker.vocabulary import AssessmentState, CorrectionKind, EvidenceKind, Status


@dataclass(frozen=True, slots=True)
class Event:
    at: dt.datetime
    pledge_id: int
    assessment: Assessment | None = None
    correction: PledgeCorrection | None = None

    @property
    def anchor(self) -> str:
        if self.assessment is not None:
            return f"bewertung-{self.assessment.pk}"
        assert self.correction is not None
        return f"korrektur-{self.correction.pk}"

    def title(self) -> str:
        if self.assessment is not None:
            return f"{Status(self.assessment.status).label}: {self.assessment.pledge.text[:120]}"
        assert self.correction is not None
        kind = CorrectionKind(self.correction.kind).label
        return f"{kind}: {self.correction.pledge.text[:120]}"

    @property
    def changes(self) -> list[tuple[str, str, str]]:
        """A correction's changes as (field, before, after) text."""
        if self.correction is None:
            return []
        return [
            (name, _short(pair[0]), _short(pair[1]))
            for name, pair in correction_changes(self.correction).items()
        ]

    def description(self) -> str:
        """Plain text (the feed escapes it): rationale and evidence, or what was changed."""
        if self.assessment is not None:
            a = self.assessment
            lines = [a.rationale]
            if a.reason:
                lines.append(a.reason)
            for e in a.evidence.all():
                kind = EvidenceKind(e.kind).label if e.kind in EvidenceKind.values else e.kind
                date = f" ({e.date.isoformat()})" if e.date else ""
                lines.append(f"{kind}: {e.title}{date} {e.url}".rstrip())
            return "\n".join(line for line in lines if line)
        assert self.correction is not None
        return "\n".join(
            f"{name}: {_short(before)} → {_short(after)}"
            for name, (before, after) in correction_changes(self.correction).items()
        )


def _short(value: object) -> str:
    text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    return text if len(text) <= 300 else text[:300] + "…"


def published(assessments: QuerySet[Assessment]) -> QuerySet[Assessment]:
    return assessments.filter(state=AssessmentState.PUBLISHED).select_related("pledge")


def events(
    assessments: QuerySet[Assessment],
    corrections: QuerySet[PledgeCorrection],
    limit: int,
    newest_first: bool = True,
) -> list[Event]:
    """At most `limit` events from published `assessments` and `corrections`, by time."""
    rows: list[Event] = []
    order = ("-published_at", "-id") if newest_first else ("published_at", "id")
    for a in published(assessments).prefetch_related("evidence").order_by(*order)[:limit]:
        rows.append(Event(at=a.published_at or a.created_at, pledge_id=a.pledge_id, assessment=a))
    c_order = ("-created_at", "-id") if newest_first else ("created_at", "id")
    for c in corrections.select_related("pledge").order_by(*c_order)[:limit]:
        rows.append(Event(at=c.created_at, pledge_id=c.pledge_id, correction=c))
    rows.sort(key=lambda e: e.at, reverse=newest_first)
    return rows[:limit]


def merge_sorted(items: Iterable[Event]) -> list[Event]:
    return sorted(items, key=lambda e: e.at)
