"""The API's council papers and meetings (synced from OParl), each with its OParl id.

`oparl_router(paged)` is added to the main API by `api.api`, which passes its
paging so that these lists page exactly like the others.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from versprochen.api.schemas import PageOut
from versprochen.oparl import public
from versprochen.tracker.models import Body

Paged = Callable[[QuerySet[Any], str, str], tuple[list[Any], dict[str, Any]]]
MAX_ID = 2**62


class PaperSummaryOut(Schema):
    id: int
    oparl_id: str
    body: str
    name: str
    reference: str | None
    paper_type: str | None
    date: str | None
    deleted: bool
    web: str | None


class MeetingRefOut(Schema):
    id: int
    oparl_id: str
    name: str
    start: str | None


class AgendaItemRefOut(Schema):
    oparl_id: str
    number: str | None
    name: str | None
    result: str | None


class ConsultationOut(Schema):
    oparl_id: str
    role: str | None
    authoritative: bool | None
    organizations: list[str]
    meeting: MeetingRefOut | None
    agenda_item: AgendaItemRefOut | None


class FileOut(Schema):
    oparl_id: str
    name: str | None
    mime_type: str | None
    date: str | None
    access_url: str | None
    text: str | None


class EvidenceForOut(Schema):
    id: int
    text: str
    document: str


class PaperOut(PaperSummaryOut):
    created: str | None
    modified: str | None
    superordinated: list[str]
    subordinated: list[str]
    consultations: list[ConsultationOut]
    files: list[FileOut]
    evidence_for: list[EvidenceForOut]


class AgendaItemOut(Schema):
    oparl_id: str
    number: str | None
    name: str | None
    public: bool | None
    result: str | None
    paper: PaperSummaryOut | None


class MeetingOut(Schema):
    id: int
    oparl_id: str
    body: str
    name: str
    start: str | None
    end: str | None
    state: str | None
    cancelled: bool | None
    deleted: bool
    location: str | None
    organizations: list[str]
    agenda_items: list[AgendaItemOut]


class PaperPageOut(PageOut):
    items: list[PaperSummaryOut]


def _date(name: str, raw: str) -> dt.date | None:
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(raw.strip())
    except ValueError:
        raise HttpError(400, f"{name}: a date YYYY-MM-DD, not {raw.strip()[:20]!r}") from None


def oparl_router(paged: Paged) -> Router:
    router = Router(tags=["council papers"])

    @router.get("/papers", response=PaperPageOut)
    def list_papers(
        request: HttpRequest,
        body: str = "",
        since: str = Query("", description="Papers dated on or after (YYYY-MM-DD)"),  # type: ignore[type-arg]
        until: str = Query("", description="Papers dated on or before (YYYY-MM-DD)"),  # type: ignore[type-arg]
        type: str = Query("", description="The paper type as the council names it"),  # type: ignore[type-arg]
        q: str = Query("", description="Words in the name or reference"),  # type: ignore[type-arg]
        page: str = "1",
        page_size: str = "100",
    ) -> dict[str, Any]:
        """Council papers, newest first; of one body when `body` names its slug."""
        rows = public.papers()
        if body:
            found = Body.objects.filter(slug=body).first()
            if found is None:
                raise HttpError(400, f"body: no body with the slug {body[:50]!r}")
            rows = rows.filter(body=found)
        start, end = _date("since", since), _date("until", until)
        if start:
            rows = rows.filter(date__gte=start)
        if end:
            rows = rows.filter(date__lte=end)
        if type:
            rows = rows.filter(paper_type=type)
        if q:
            rows = public.search_papers(rows, q[:200])
        items, paging = paged(rows.order_by("-date", "-id"), page, page_size)
        return {**paging, "items": [public.paper_summary_json(p) for p in items]}

    @router.get("/papers/{paper_id}", response=PaperOut)
    def get_paper(request: HttpRequest, paper_id: int) -> dict[str, Any]:
        paper = (
            public.papers().select_related("main_file").filter(pk=paper_id).first()
            if 0 < paper_id < MAX_ID
            else None
        )
        if paper is None:
            raise Http404
        return public.paper_json(paper)

    @router.get("/meetings/{meeting_id}", response=MeetingOut)
    def get_meeting(request: HttpRequest, meeting_id: int) -> dict[str, Any]:
        meeting = (
            public.meetings().prefetch_related("organizations").filter(pk=meeting_id).first()
            if 0 < meeting_id < MAX_ID
            else None
        )
        if meeting is None:
            raise Http404
        return public.meeting_json(meeting)

    return router
