"""The JSON API: bodies, documents, sections, pledges with mentions, assessments (OpenAPI).

Filters and search are those of the site's pledge list (`PledgeQuery`); pages
are numbered. Everything is read-only and public.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from ninja import NinjaAPI, Query
from ninja.errors import HttpError

from versprochen.api.schemas import (
    AssessmentPageOut,
    BodyPageOut,
    DocumentOut,
    DocumentPageOut,
    PledgeDetailOut,
    PledgePageOut,
    SectionPageOut,
)
from versprochen.tracker import validation
from versprochen.tracker.citation import document_has_pages
from versprochen.tracker.models import Assessment, Body, Document, Mention, Pledge
from versprochen.tracker.public import (
    assessment_json,
    body_json,
    correction_json,
    document_json,
    pledge_json,
    published_assessments,
    section_json,
    versions_of,
)
from versprochen.tracker.queries import COUNT_LIMIT, MAX_PAGE, PAGE_SIZE, PledgeQuery, pledge_page
from versprochen.tracker.vocabulary import AssessmentState

api = NinjaAPI(
    title="versprochen API",
    version="1",
    description=(
        "Pledges from election programs and coalition agreements, and their status.\n\n"
        "Every list is paged: `page` counts from 1 (at most "
        f"{MAX_PAGE}); `next_page` is null on the last page, and a page beyond the last is "
        "empty. `count` is exact up to "
        f"{COUNT_LIMIT}, above that it is {COUNT_LIMIT} with `count_is_lower_bound` true. "
        "A `page` or `page_size` that is not a number in range gets a 400 with a message."
    ),
    urls_namespace="api",
    # Swagger UI fails WCAG 2.1 AA: the documentation is the site's page /daten/api/.
    docs_url=None,
)
DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 500
PAGE_HELP = f"Page number, 1 to {MAX_PAGE}"
SIZE_HELP = f"Items per page, 1 to {MAX_PAGE_SIZE}"


def _number(name: str, raw: str, highest: int) -> int:
    """`raw` as a number from 1 to `highest`; else a 400 naming the parameter."""
    try:
        return validation.number(raw, 1, highest)
    except ValidationError:
        raise HttpError(
            400, f"{name}: a number from 1 to {highest}, not {raw.strip()[:20]!r}"
        ) from None


def _paged(rows: QuerySet[Any], page: str, page_size: str) -> tuple[list[Any], dict[str, Any]]:
    """One page of `rows` (ordered) and the paging fields of the answer."""
    number = _number("page", page, MAX_PAGE)
    size = _number("page_size", page_size, MAX_PAGE_SIZE)
    offset = (number - 1) * size
    items = list(rows[offset : offset + size + 1])
    count = rows.order_by()[: COUNT_LIMIT + 1].count()
    return items[:size], {
        "page": number,
        "page_size": size,
        "count": min(count, COUNT_LIMIT),
        "count_is_lower_bound": count > COUNT_LIMIT,
        "next_page": number + 1 if len(items) > size and number < MAX_PAGE else None,
    }


@api.get("/bodies", response=BodyPageOut, tags=["bodies"])
def list_bodies(
    request: HttpRequest,
    page: str = Query("1", description=PAGE_HELP),  # type: ignore[type-arg]
    page_size: str = Query(str(DEFAULT_PAGE_SIZE), description=SIZE_HELP),  # type: ignore[type-arg]
) -> dict[str, Any]:
    """Bodies by name."""
    rows, paging = _paged(Body.objects.order_by("name", "id"), page, page_size)
    return {**paging, "items": [body_json(b) for b in rows]}


@api.get("/documents", response=DocumentPageOut, tags=["documents"])
def list_documents(
    request: HttpRequest,
    body: str = "",
    page: str = Query("1", description=PAGE_HELP),  # type: ignore[type-arg]
    page_size: str = Query(str(DEFAULT_PAGE_SIZE), description=SIZE_HELP),  # type: ignore[type-arg]
) -> dict[str, Any]:
    """Documents (their current versions) by title, of one body when `body` names its slug."""
    documents = Document.objects.exclude(source=None).select_related("body", "source")
    if body:
        documents = documents.filter(body__slug=body)
    documents = documents.defer("text", "source__data").prefetch_related("authors")
    rows, paging = _paged(documents.order_by("title", "id"), page, page_size)
    return {**paging, "items": [document_json(d) for d in rows]}


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


@api.get("/documents/{slug}/sections", response=SectionPageOut, tags=["documents"])
def list_sections(
    request: HttpRequest,
    slug: str,
    page: str = Query("1", description=PAGE_HELP),  # type: ignore[type-arg]
    page_size: str = Query(str(DEFAULT_PAGE_SIZE), description=SIZE_HELP),  # type: ignore[type-arg]
) -> dict[str, Any]:
    """The document's outline, in order."""
    document = _document(slug)
    sections = document.sections.select_related("parent").order_by("index")
    rows, paging = _paged(sections, page, page_size)
    paged = document_has_pages(document)
    return {**paging, "items": [section_json(s, paged) for s in rows]}


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
    page: str = Query("1", description=PAGE_HELP),  # type: ignore[type-arg]
) -> dict[str, Any]:
    """Pledges of the current document versions; filters and search as on the site
    (unknown filter values are ignored and named in `problems`). 25 per page."""
    _number("page", page, MAX_PAGE)
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
    gone_in, mentions_version = versions_of(pledge)
    return {
        **pledge_json(pledge, pledge.mentions.order_by("start")),
        "current": pledge.current,
        "gone_in_version": gone_in,
        "mentions_version": mentions_version,
        "assessments": [
            assessment_json(a, a.evidence.all()) for a in published_assessments(pledge)
        ],
        "corrections": [correction_json(c) for c in pledge.corrections.order_by("id")[:200]],
    }


@api.get("/assessments", response=AssessmentPageOut, tags=["assessments"])
def list_assessments(
    request: HttpRequest,
    pledge: int | None = Query(None, ge=1, le=2**62),  # type: ignore[type-arg]
    page: str = Query("1", description=PAGE_HELP),  # type: ignore[type-arg]
) -> dict[str, Any]:
    """Published assessments, newest first. 25 per page."""
    assessments = Assessment.objects.filter(state=AssessmentState.PUBLISHED)
    if pledge is not None:
        assessments = assessments.filter(pledge_id=pledge)
    ordered = assessments.prefetch_related("evidence").order_by("-published_at", "-id")
    rows, paging = _paged(ordered, page, str(PAGE_SIZE))
    return {**paging, "items": [assessment_json(a, a.evidence.all()) for a in rows]}


# Council papers and meetings (OParl), paged like the lists above.
from versprochen.api.oparl import oparl_router  # noqa: E402

api.add_router("/", oparl_router(_paged))
