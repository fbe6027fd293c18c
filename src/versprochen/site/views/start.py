"""The start page: progress at a glance and every body and document with progress by
status and by policy area; a body's page."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from versprochen.site.middleware import BadQuery
from versprochen.site.public import public_page, respond
from versprochen.site.views.progress import (
    latest_report,
    progress,
    recent_assessments,
    recent_json,
    status_bar,
    summed,
)
from versprochen.tracker import validation
from versprochen.tracker.models import Body, Document
from versprochen.tracker.public import body_json, document_json
from versprochen.tracker.vocabulary import AREA_LABELS

PAGE_DOCUMENTS = 100
MAX_PAGE = 10_000


def _page_number(raw: str) -> int:
    value = raw.strip() or "1"
    try:
        return validation.number(value, 1, MAX_PAGE)
    except ValidationError:
        raise BadQuery(
            _("page: eine Seitenzahl von 1 bis %(max)d, nicht %(value)s")
            % {"max": MAX_PAGE, "value": repr(value[:20])}
        ) from None


@public_page
def start(request: HttpRequest) -> HttpResponse:
    page = _page_number(request.GET.get("page", ""))
    offset = (page - 1) * PAGE_DOCUMENTS
    # The documents a page at a time, by body; no document text and no file bytes read.
    rows = list(
        Document.objects.select_related("body", "source")
        .defer("text", "source__data")
        .prefetch_related("authors")
        .exclude(source=None)
        .order_by("body__name", "-date", "title", "id")[offset : offset + PAGE_DOCUMENTS + 1]
    )
    if page > 1 and not rows:
        raise Http404
    documents = rows[:PAGE_DOCUMENTS]
    has_next = len(rows) > PAGE_DOCUMENTS
    bodies: dict[int, dict[str, Any]] = {}
    for document in documents:
        entry = bodies.setdefault(document.body_id, {"body": document.body, "documents": []})
        entry["documents"].append(_document_entry(document))
    data = {
        "bodies": [
            {
                **body_json(entry["body"]),
                "documents": [
                    {
                        **document_json(d["document"], d["authors"]),
                        "area_counts": {
                            a["area"]: {b["status"]: b["count"] for b in a["bar"]}
                            for a in d["areas"]
                        },
                    }
                    for d in entry["documents"]
                ],
            }
            for entry in bodies.values()
        ],
        "body_count": Body.objects.count(),
        "page": page,
        "next": f"?page={page + 1}" if has_next else None,
        "previous": (f"?page={page - 1}" if page > 2 else "?") if page > 1 else None,
    }
    overall = _overall()
    recent = recent_assessments()
    report = latest_report()
    data["progress"] = overall
    data["recent"] = recent_json(recent)
    data["latest_report"] = report
    context = {
        "progress": overall,
        "recent": recent,
        "report": report,
        "bodies": list(bodies.values()),
        "page": page,
        "next_url": data["next"],
        "previous_url": data["previous"],
    }
    return respond(request, "site/start.html", context, data)


def _document_entry(document: Document) -> dict[str, Any]:
    """A document with its counts by status and, per policy area, by status."""
    tally = document.tally or {}
    areas = [
        {
            "area": area,
            "label": AREA_LABELS.get(area, area),
            "total": sum(counts.values()),
            "bar": status_bar(counts),
        }
        for area, counts in sorted(
            (tally.get("area") or {}).items(), key=lambda item: -sum(item[1].values())
        )
    ]
    return {
        "document": document,
        "authors": [a.name for a in document.authors.all()],
        "total": tally.get("total", 0),
        "bar": status_bar(tally.get("status") or {}),
        "progress": progress(tally.get("status") or {}),
        "areas": areas,
    }


def _current_documents() -> Any:
    return Document.objects.exclude(source=None).defer("text", "source__data")


def _overall() -> dict[str, Any]:
    """All current pledges by status (from the documents' tallies)."""
    return progress(summed(_current_documents().values_list("tally", flat=True)))


@public_page
def body_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A body: its progress, its latest assessments and report, and its documents."""
    body = get_object_or_404(Body, slug=slug)
    documents = list(
        _current_documents()
        .select_related("body", "source")
        .prefetch_related("authors")
        .filter(body=body)
        .order_by("-date", "title", "id")
    )
    entries = [_document_entry(d) for d in documents]
    overall = progress(summed(d.tally or {} for d in documents))
    recent = recent_assessments(body=body)
    report = latest_report(body)
    data = {
        **body_json(body),
        "progress": overall,
        "recent": recent_json(recent),
        "latest_report": report,
        "documents": [document_json(e["document"], e["authors"]) for e in entries],
    }
    context = {
        "body": body,
        "progress": overall,
        "recent": recent,
        "report": report,
        "documents": entries,
    }
    return respond(request, "site/body_detail.html", context, data)
