"""Public pages of council papers and meetings, each with its JSON twin (`?format=json`).

Not cached like the pledge pages (their freshness follows the documents, not the
syncs); every answer is read from the database.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse

from versprochen.oparl import public
from versprochen.oparl.models import Meeting, Paper
from versprochen.site.public import respond
from versprochen.tracker import validation
from versprochen.tracker.models import Body

__all__ = ["meeting_detail", "paper_detail", "paper_list"]

PAGE_SIZE = 50
MAX_PAGE = 1000
MAX_QUERY = 200
MAX_ID = 2**62


def paper_list(request: HttpRequest) -> HttpResponse:
    """Papers, newest first; `q` searches names and references, `body` narrows to a body."""
    q = request.GET.get("q", "").strip()[:MAX_QUERY]
    slug = request.GET.get("body", "").strip()
    problems: list[str] = []
    try:
        page = validation.number(request.GET.get("page") or "1", 1, MAX_PAGE)
    except ValidationError:
        problems.append(f"page: 1–{MAX_PAGE}")
        page = 1
    rows = public.papers()
    body = Body.objects.filter(slug=slug).first() if slug else None
    if slug and body is None:
        problems.append(f"body: {slug[:50]!r}")
        rows = rows.none()
    if body is not None:
        rows = rows.filter(body=body)
    if q:
        rows = public.search_papers(rows, q)
    rows = rows.order_by("-date", "-id")
    start = (page - 1) * PAGE_SIZE
    found = list(rows[start : start + PAGE_SIZE + 1])
    has_next = len(found) > PAGE_SIZE
    found = found[:PAGE_SIZE]
    params = {k: v for k, v in (("q", q), ("body", body.slug if body else "")) if v}

    def url(number: int) -> str:
        return "?" + urlencode({**params, "page": number})

    data = {
        "q": q or None,
        "body": body.slug if body else None,
        "page": page,
        "next_page": page + 1 if has_next else None,
        "problems": problems,
        "papers": [public.paper_summary_json(p) for p in found],
    }
    context: dict[str, Any] = {
        "papers": found,
        "q": q,
        "body": body,
        "bodies": Body.objects.filter(
            pk__in=Paper.objects.filter(placeholder=False).values("body_id")
        ).order_by("name"),
        "problems": problems,
        "page": page,
        "next_url": url(page + 1) if has_next else None,
        "previous_url": url(page - 1) if page > 1 else None,
    }
    return respond(request, "oparl/paper_list.html", context, data)


def paper_detail(request: HttpRequest, pk: int) -> HttpResponse:
    paper = (
        public.papers().select_related("main_file").filter(pk=pk).first() if pk < MAX_ID else None
    )
    if paper is None:
        raise Http404
    files = public.paper_files(paper)
    consultations = public.paper_consultations(paper)
    pledges = public.evidence_pledges(paper)
    data = public.paper_json(paper, files, consultations, pledges)
    context = {
        "paper": paper,
        "files": files,
        "consultations": consultations,
        "pledges": pledges,
        "max_text": public.MAX_TEXT,
    }
    return respond(request, "oparl/paper_detail.html", context, data)


def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting: Meeting | None = (
        public.meetings().prefetch_related("organizations").filter(pk=pk).first()
        if pk < MAX_ID
        else None
    )
    if meeting is None:
        raise Http404
    items = public.meeting_items(meeting)
    data = public.meeting_json(meeting, items)
    rows = [(item, public.item_paper(item)) for item in items]
    context = {"meeting": meeting, "items": rows}
    return respond(request, "oparl/meeting_detail.html", context, data)
