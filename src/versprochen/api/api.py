"""The JSON API: bodies, documents, sections, pledges with mentions, assessments (OpenAPI).

Filters and search are those of the site's pledge list (`PledgeQuery`); pages
are numbered. Everything is read-only and public.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from ninja import NinjaAPI, Query

from versprochen.api.schemas import (
    AssessmentPageOut,
    BodyOut,
    DocumentOut,
    PledgeDetailOut,
    PledgePageOut,
    SectionOut,
)
from versprochen.tracker.models import Assessment, Body, Document, Mention, Pledge
from versprochen.tracker.public import (
    assessment_json,
    body_json,
    correction_json,
    document_json,
    pledge_json,
    published_assessments,
    section_json,
)
from versprochen.tracker.queries import MAX_PAGE, PAGE_SIZE, PledgeQuery, pledge_page
from versprochen.tracker.vocabulary import AssessmentState

api = NinjaAPI(
    title="versprochen API",
    version="1",
    description="Pledges from election programs and coalition agreements, and their status.",
    urls_namespace="api",
)
MAX_LIST = 500


@api.get("/bodies", response=list[BodyOut], tags=["bodies"])
def list_bodies(request: HttpRequest) -> list[dict[str, Any]]:
    return [body_json(b) for b in Body.objects.order_by("name")[:MAX_LIST]]


@api.get("/documents", response=list[DocumentOut], tags=["documents"])
def list_documents(request: HttpRequest, body: str = "") -> list[dict[str, Any]]:
    documents = Document.objects.exclude(source=None).select_related("body", "source")
    if body:
        documents = documents.filter(body__slug=body)
    return [
        document_json(d) for d in documents.prefetch_related("authors").order_by("title")[:MAX_LIST]
    ]


def _document(slug: str) -> Document:
    document = (
        Document.objects.exclude(source=None).select_related("body", "source").filter(slug=slug)
    ).first()
    if document is None:
        raise Http404
    return document


@api.get("/documents/{slug}", response=DocumentOut, tags=["documents"])
def get_document(request: HttpRequest, slug: str) -> dict[str, Any]:
    return document_json(_document(slug))


@api.get("/documents/{slug}/sections", response=list[SectionOut], tags=["documents"])
def list_sections(request: HttpRequest, slug: str) -> list[dict[str, Any]]:
    document = _document(slug)
    return [section_json(s) for s in document.sections.select_related("parent").order_by("index")]


@api.get("/pledges", response=PledgePageOut, tags=["pledges"])
def list_pledges(
    request: HttpRequest,
    body: str = "",
    document: str = "",
    area: str = "",
    cap: str = "",
    kind: str = "",
    status: str = "",
    place: str = "",
    q: str = "",
    sort: str = "dokument",
    page: str = "1",
) -> dict[str, Any]:
    """Pledges of the current document versions; filters and search as on the site."""
    query = PledgeQuery.parse(
        {
            "body": body,
            "document": document,
            "area": area,
            "cap": cap,
            "kind": kind,
            "status": status,
            "place": place,
            "q": q,
            "sort": sort,
            "page": page,
        }
    )
    result = pledge_page(query)
    mentions: dict[int, list[Mention]] = {}
    for m in Mention.objects.filter(pledge__in=result.pledges).order_by("start"):
        mentions.setdefault(m.pledge_id, []).append(m)
    return {
        "page": query.page,
        "page_size": PAGE_SIZE,
        "count": result.count,
        "count_is_lower_bound": result.count_capped,
        "next_page": query.page + 1 if result.has_next and query.page < MAX_PAGE else None,
        "problems": result.problems,
        "items": [pledge_json(p, mentions.get(p.pk, [])) for p in result.pledges],
    }


@api.get("/pledges/{pledge_id}", response=PledgeDetailOut, tags=["pledges"])
def get_pledge(request: HttpRequest, pledge_id: int) -> dict[str, Any]:
    pledge = (
        Pledge.objects.select_related("document", "body", "section").filter(pk=pledge_id).first()
        if 0 < pledge_id < 2**62
        else None
    )
    if pledge is None:
        raise Http404
    return {
        **pledge_json(pledge, pledge.mentions.order_by("start")),
        "current": pledge.current,
        "assessments": [
            assessment_json(a, a.evidence.all()) for a in published_assessments(pledge)
        ],
        "corrections": [correction_json(c) for c in pledge.corrections.order_by("id")[:200]],
    }


@api.get("/assessments", response=AssessmentPageOut, tags=["assessments"])
def list_assessments(
    request: HttpRequest,
    pledge: int | None = Query(None, ge=1, le=2**62),  # type: ignore[type-arg]
    page: int = Query(1, ge=1, le=MAX_PAGE),  # type: ignore[type-arg]
) -> dict[str, Any]:
    """Published assessments, newest first."""
    assessments = Assessment.objects.filter(state=AssessmentState.PUBLISHED)
    if pledge is not None:
        assessments = assessments.filter(pledge_id=pledge)
    offset = (page - 1) * PAGE_SIZE
    rows = list(
        assessments.prefetch_related("evidence").order_by("-published_at", "-id")[
            offset : offset + PAGE_SIZE + 1
        ]
    )
    return {
        "page": page,
        "page_size": PAGE_SIZE,
        "next_page": page + 1 if len(rows) > PAGE_SIZE else None,
        "items": [assessment_json(a, a.evidence.all()) for a in rows[:PAGE_SIZE]],
    }
