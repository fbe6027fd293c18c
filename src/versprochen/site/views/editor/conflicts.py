"""What a conflict page shows: every field as stored now (the other person's change)
next to the user's own input, so nothing of theirs is overwritten unseen."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from versprochen.extraction.types import CAP_TOPICS
from versprochen.tracker.models import Assessment, Pledge
from versprochen.tracker.timeline import field_label
from versprochen.tracker.validation import DraftData, EvidenceData
from versprochen.tracker.vocabulary import (
    AREA_LABELS,
    CORRECTABLE_FIELDS,
    EvidenceKind,
    PledgeKind,
    Status,
)


@dataclass(frozen=True, slots=True)
class Row:
    label: str
    current: tuple[str, ...]
    yours: tuple[str, ...] | None  # None: the form does not hold this field

    @property
    def differs(self) -> bool:
        return self.yours is not None and self.yours != self.current


def _one(value: str) -> tuple[str, ...]:
    return (value,) if value else ()


def _choices(kind: Any) -> dict[str, str]:
    return {str(value): str(label) for value, label in kind.choices}


def _label(choices: Mapping[Any, Any], value: Any) -> str:
    return str(choices.get(value, value)) if value not in (None, "") else ""


def _pledge_values(values: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
    cap = values.get("cap")
    cap_text = f"{cap} {CAP_TOPICS.get(cap, '')}".strip() if isinstance(cap, int) else ""
    return {
        "text": _one(str(values.get("text") or "")),
        "area": _one(_label(AREA_LABELS, values.get("area"))),
        "cap": _one(cap_text),
        "kind": _one(_label(_choices(PledgeKind), values.get("kind"))),
        "testable": (_("ja") if values.get("testable") else _("nein"),),
        "quantities": tuple(str(q) for q in values.get("quantities") or ()),
        "places": tuple(str(p) for p in values.get("places") or ()),
    }


def pledge_rows(current: Pledge, yours: Mapping[str, Any] | None = None) -> list[Row]:
    """The correctable fields of `current` and, when given, the values the user sent."""
    # The timeline's words for each field; the text alone is named more fully here.
    labels = {name: field_label(name) for name in CORRECTABLE_FIELDS}
    labels["text"] = _("Text des Versprechens")
    now = _pledge_values({name: getattr(current, name) for name in labels})
    theirs = _pledge_values(yours) if yours is not None else None
    rows = [
        Row(label, now[name], theirs[name] if theirs else None) for name, label in labels.items()
    ]
    if current.excluded:
        rows.append(Row(_("In den Listen"), (current.get_excluded_display(),), None))
    return rows


def _evidence(items: Iterable[Any]) -> tuple[str, ...]:
    lines = []
    for e in items:
        kind = _label(_choices(EvidenceKind), e.kind)
        parts = [f"{kind}: {e.title}"]
        if e.url:
            parts.append(e.url)
        if e.date:
            parts.append(date_format(e.date, "DATE_FORMAT"))
        line = " · ".join(parts)
        if e.quote:
            line += f" „{e.quote}“"
        lines.append(line)
    return tuple(lines)


def _assessment_values(
    status: str, assessed_on: Any, rationale: str, reason: str, note: str, evidence: Sequence[Any]
) -> dict[str, tuple[str, ...]]:
    return {
        "status": _one(_label(_choices(Status), status)),
        "assessed_on": _one(date_format(assessed_on, "DATE_FORMAT") if assessed_on else ""),
        "rationale": _one(rationale),
        "reason": _one(reason),
        "note": _one(note),
        "evidence": _evidence(evidence),
    }


def assessment_rows(current: Assessment, yours: DraftData | None = None) -> list[Row]:
    """Every field and the evidence of `current` and, when given, the user's draft."""
    labels = {
        "status": _("Status"),
        "assessed_on": _("Stand vom"),
        "rationale": _("Begründung"),
        "reason": _("Warum nicht bewertbar"),
        "note": _("Interne Notiz"),
        "evidence": _("Belege"),
    }
    now = _assessment_values(
        current.status,
        current.assessed_on,
        current.rationale,
        current.reason,
        current.note,
        list(current.evidence.order_by("id")),
    )
    theirs = None
    if yours is not None:
        items: Sequence[EvidenceData] = yours.evidence
        theirs = _assessment_values(
            yours.status, yours.assessed_on, yours.rationale, yours.reason, yours.note, items
        )
    return [
        Row(label, now[name], theirs[name] if theirs else None) for name, label in labels.items()
    ]
