"""The frozen snapshot a report is made from: plain JSON data, nothing rendered.

`build` reads the tracker (and the coalition wing, when it is there) once and
returns everything a report shows; `freeze` turns it into canonical JSON with its
sha256. Rendering reads only the snapshot, so the same snapshot gives the same
report, and a correction made later changes no report already made.

What counts: the current pledges of the body's coalition agreements (of all its
documents when it has none). A pledge's status at a date is its latest published
assessment dated (`assessed_on`) on or before that date; `offen` without one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter, defaultdict
from typing import Any

from django.db.models import Min

from versprochen.reports import comparison as comparisons
from versprochen.reports.models import Comparison
from versprochen.tracker.models import Assessment, Body, Document, Evidence, Pledge, Section
from versprochen.tracker.vocabulary import AREA_LABELS, AssessmentState, DocumentKind, Status

SNAPSHOT_VERSION = 1
STATUSES = tuple(Status.values)
# The most points a chart over time shows; a longer period is drawn by quarters.
MAX_MONTHS = 36


def freeze(data: dict[str, Any]) -> tuple[str, str]:
    """Canonical JSON (sorted keys, no spaces) and its sha256."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return text, hashlib.sha256(text.encode("utf-8")).hexdigest()


def thaw(text: str) -> dict[str, Any]:
    data = json.loads(text)
    if not isinstance(data, dict) or data.get("version") != SNAPSHOT_VERSION:
        raise ValueError(f"not a report snapshot of version {SNAPSHOT_VERSION}")
    return data


def documents_of(body: Body) -> list[Document]:
    agreements = list(body.documents.filter(kind=DocumentKind.COALITION_AGREEMENT))
    return agreements or list(body.documents.all())


def _chapters(documents: list[Document]) -> dict[int, str]:
    """Each section's chapter: the title of its top-level ancestor."""
    sections = {
        s.pk: s
        for s in Section.objects.filter(document__in=documents).only("id", "title", "parent")
    }
    chapter: dict[int, str] = {}
    for pk, section in sections.items():
        top, seen = section, {pk}
        while top.parent_id is not None and top.parent_id in sections and top.parent_id not in seen:
            seen.add(top.parent_id)
            top = sections[top.parent_id]
        chapter[pk] = top.title
    return chapter


def _month_ends(start: dt.date, end: dt.date) -> list[dt.date]:
    points: list[dt.date] = []
    year, month = start.year, start.month
    while True:
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        point = min(following - dt.timedelta(days=1), end)
        points.append(point)
        if point >= end:
            break
        year, month = following.year, following.month
    if len(points) > MAX_MONTHS:
        points = [p for p in points if p.month in (3, 6, 9, 12) or p == end]
    return points


def _status_at(history: list[tuple[dt.date, str]], day: dt.date) -> str:
    status = Status.OFFEN.value
    for assessed_on, value in history:
        if assessed_on > day:
            break
        status = value
    return status


def _counts(statuses: list[str]) -> dict[str, int]:
    counter = Counter(statuses)
    return {s: counter.get(s, 0) for s in STATUSES}


def _breakdown(rows: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        groups[row[key]].append(row["status"])
    return [{"name": name, "counts": _counts(groups[name])} for name in sorted(groups)]


def _evidence(assessment_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    found: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for item in Evidence.objects.filter(assessment_id__in=assessment_ids).order_by("date", "id"):
        found[item.assessment_id].append(
            {
                "kind": item.kind,
                "title": item.title,
                "url": item.link,
                "date": item.date.isoformat() if item.date else None,
            }
        )
    return found


def _changes(
    pledges: dict[int, dict[str, Any]],
    published: list[Assessment],
    start: dt.date,
    end: dt.date,
) -> list[dict[str, Any]]:
    """The assessments dated in the period, each with the status before it and its evidence."""
    previous: dict[int, str] = {}
    chosen: list[tuple[Assessment, str]] = []
    for assessment in published:
        before = previous.get(assessment.pledge_id, Status.OFFEN.value)
        previous[assessment.pledge_id] = assessment.status
        if start <= assessment.assessed_on <= end:
            chosen.append((assessment, before))
    evidence = _evidence([a.pk for a, _ in chosen])
    chosen.sort(key=lambda pair: (pair[0].assessed_on, pledges[pair[0].pledge_id]["number"]))
    return [
        {
            "pledge": a.pledge_id,
            "assessed_on": a.assessed_on.isoformat(),
            "status": a.status,
            "before": before,
            "rationale": a.rationale,
            "evidence": evidence.get(a.pk, []),
        }
        for a, before in chosen
    ]


def _origins(documents: list[Document], rows: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Confirmed origins of the agreement pledges by partner, with their statuses."""
    found = list(Comparison.objects.filter(agreement__in=documents).select_related("agreement"))
    if not found:
        return None
    origin: dict[int, set[str]] = defaultdict(set)
    confirmed: set[int] = set()
    partners: list[str] = []
    shares = []
    for comparison in found:
        shares.append(comparisons.figures(comparison))
        partners += [p.name for p in comparison.programs.all() if p.name not in partners]
        for pair in comparisons.pairs(comparison):
            confirmed.add(pair.agreement_pledge.pk)
            if pair.program:
                origin[pair.agreement_pledge.pk].add(pair.program)
    groups: dict[str, list[str]] = {name: [] for name in [*partners, "", "*"]}
    for row in rows:
        if row["id"] not in confirmed:
            continue
        names = origin.get(row["id"], set())
        key = "*" if len(names) > 1 else next(iter(names)) if names else ""
        groups[key].append(row["status"])
    return {
        "partners": partners,
        "confirmed": len(confirmed & {row["id"] for row in rows}),
        "by_origin": [{"name": k, "counts": _counts(v)} for k, v in groups.items()],
        "comparisons": shares,
    }


def _cooperation(body: Body, start: dt.date, end: dt.date) -> dict[str, Any] | None:
    try:
        from versprochen.coalition.figures import cooperation_figures
    except ImportError:  # the coalition wing is not installed
        return None
    return cooperation_figures(body, start, end)


def _pledge_rows(documents: list[Document]) -> dict[int, dict[str, Any]]:
    chapter = _chapters(documents)
    pledges = (
        Pledge.objects.filter(document__in=documents, current=True)
        .annotate(first_page=Min("mentions__page"))
        .select_related("document")
        .order_by("document__slug", "number")
    )
    return {
        p.pk: {
            "id": p.pk,
            "number": p.number,
            "document": p.document.slug,
            "text": p.text,
            "area": p.area,
            "chapter": chapter.get(p.section_id or 0, ""),
            "page": p.first_page or 1,
        }
        for p in pledges
    }


def build(
    body: Body,
    kind: str,
    start: dt.date,
    end: dt.date,
    *,
    title: str,
    made_on: dt.date,
    base_url: str = "",
    language: str = "de",
) -> dict[str, Any]:
    """Everything a report of `body` for `start`..`end` shows, as plain JSON data."""
    documents = documents_of(body)
    pledges = _pledge_rows(documents)
    published = list(
        Assessment.objects.filter(
            pledge_id__in=list(pledges), state=AssessmentState.PUBLISHED, assessed_on__lte=end
        ).order_by("assessed_on", "published_at", "id")
    )
    history: dict[int, list[tuple[dt.date, str]]] = defaultdict(list)
    for assessment in published:
        history[assessment.pledge_id].append((assessment.assessed_on, assessment.status))
    rows = list(pledges.values())
    for row in rows:
        row["status"] = _status_at(history.get(row["id"], []), end)
        row["area_label"] = str(AREA_LABELS.get(row["area"], row["area"]))
    timeline_start = start if kind == "yearly" else _term_start(documents, start)
    over_time = [
        {
            "date": day.isoformat(),
            "counts": _counts([_status_at(history.get(pk, []), day) for pk in pledges]),
        }
        for day in _month_ends(timeline_start, end)
    ]
    return {
        "version": SNAPSHOT_VERSION,
        "kind": kind,
        "title": title,
        "language": language,
        "base_url": base_url.rstrip("/"),
        "made_on": made_on.isoformat(),
        "period": {"start": start.isoformat(), "end": end.isoformat()},
        "body": {"name": body.name, "slug": body.slug},
        "documents": [_document(d) for d in documents],
        "pledges": rows,
        "overall": _counts([row["status"] for row in rows]),
        "by_area": _breakdown(rows, "area_label"),
        "by_chapter": _breakdown(rows, "chapter"),
        "over_time": over_time,
        "changes": _changes(pledges, published, start, end),
        "origins": _origins(documents, rows),
        "cooperation": _cooperation(body, start, end),
    }


def _term_start(documents: list[Document], fallback: dt.date) -> dt.date:
    dates = [d.date for d in documents if d.date]
    return min(dates) if dates else fallback


def _document(document: Document) -> dict[str, Any]:
    source = document.source
    return {
        "slug": document.slug,
        "title": document.title,
        "kind": document.kind,
        "date": document.date.isoformat() if document.date else None,
        "term": [document.term_start, document.term_end],
        "filename": source.filename if source else "",
        "sha256": source.sha256 if source else "",
        "authors": sorted(a.name for a in document.authors.all()),
    }
