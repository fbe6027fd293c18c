"""A pledge's public history: published assessments and editors' corrections, by time.

The pledge page, its JSON twin and the Atom feeds read events from here. Nothing
unpublished and no person's name is in an event.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from versprochen.extraction.types import CAP_TOPICS
from versprochen.tracker.models import Assessment, PledgeCorrection
from versprochen.tracker.public import correction_changes
from versprochen.tracker.vocabulary import (
    AREA_LABELS,
    AssessmentState,
    CorrectionKind,
    EvidenceKind,
    Exclusion,
    PledgeKind,
    Status,
)


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
        """A correction's changes as (field, before, after) in words of the page's
        language (labels, not field names and codes; the JSON and CSV keep those)."""
        if self.correction is None:
            return []
        return [
            (field_label(name), _short(shown(name, pair[0])), _short(shown(name, pair[1])))
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
        return "\n".join(f"{name}: {before} → {after}" for name, before, after in self.changes)


FIELD_LABELS = {
    "text": _("Text"),
    "area": _("Politikfeld"),
    "cap": _("CAP-Thema"),
    "kind": _("Art"),
    "testable": _("Überprüfbar"),
    "quantities": _("Mengen"),
    "places": _("Orte"),
    "excluded": _("Aus den Listen genommen"),
    "merged": _("Zusammengeführt"),
    "merged_into": _("Zusammengeführt in"),
    "assessments": _("Übernommene Bewertungen"),
}
_PLEDGE_IDS = frozenset({"merged", "merged_into"})


def field_label(name: str) -> str:
    """The words for a corrected field (its name when unknown)."""
    label = FIELD_LABELS.get(name)
    return str(label) if label is not None else name


def shown(name: str, value: Any) -> Any:
    """A corrected value in words: labels for codes, yes/no, "—" for nothing."""
    if value is None or value == "" or value == []:
        return "—"
    if name == "area":
        return str(AREA_LABELS.get(str(value), value))
    if name == "kind" and value in PledgeKind.values:
        return str(PledgeKind(value).label)
    if name == "excluded" and value in Exclusion.values:
        return str(Exclusion(value).label)
    if name == "testable" and isinstance(value, bool):
        return str(_("ja") if value else _("nein"))
    if name == "cap" and isinstance(value, int):
        return f"{value} {CAP_TOPICS.get(value, '')}".strip()
    if name in _PLEDGE_IDS:
        return str(_("Versprechen %(id)s") % {"id": value})
    return value


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
