"""The editors' API for scripts (token, scoped to bodies): read all assessments of a
pledge, list open drafts, and create drafts. Publishing stays with the reviewers.

Mounted at /api/v1/editor/ with its own OpenAPI description; every route needs
`Authorization: Bearer vp_…` and only reaches the token's bodies.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.http import Http404, HttpRequest
from ninja import NinjaAPI, Query, Schema
from ninja.responses import Status
from ninja.security import HttpBearer
from pydantic import Field

from versprochen.api.schemas import EvidenceOut
from versprochen.tracker import tokens, workflow
from versprochen.tracker.models import ApiToken, Assessment, Pledge
from versprochen.tracker.validation import draft_data

PAGE = 50


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        return tokens.authenticate(token)


editor_api = NinjaAPI(
    title="versprochen editors' API",
    version="1",
    description="Drafts of assessments for scripts; needs an API token of an editor.",
    urls_namespace="editor_api",
    auth=TokenAuth(),
    docs_url=None,  # documented on /daten/api/ (Swagger UI is not accessible)
)


class EvidenceIn(Schema):
    kind: str
    title: str
    url: str = Field("", description="Required: an http(s) address.")
    date: str = Field("", description="Required: an ISO date (2026-03-02), not in the future.")
    quote: str = Field("", description="Optional.")


class DraftIn(Schema):
    status: str
    assessed_on: str
    rationale: str
    reason: str = ""
    note: str = ""
    evidence: list[EvidenceIn] = Field(default_factory=list, max_length=50)
    submit: bool = Field(False, description="Send to review at once.")


class DraftOut(Schema):
    id: int
    pledge: int
    state: str
    status: str
    assessed_on: str
    rationale: str
    reason: str
    note: str
    revision: int
    author: str | None
    evidence: list[EvidenceOut]


class DraftPageOut(Schema):
    page: int
    next_page: int | None
    items: list[DraftOut]


class ProblemsOut(Schema):
    detail: str
    errors: dict[str, list[str]]


def _json(a: Assessment) -> dict[str, Any]:
    return {
        "id": a.pk,
        "pledge": a.pledge_id,
        "state": a.state,
        "status": a.status,
        "assessed_on": a.assessed_on.isoformat(),
        "rationale": a.rationale,
        "reason": a.reason,
        "note": a.note,
        "revision": a.revision,
        "author": a.author.get_username() if a.author else None,
        "evidence": [
            {
                "kind": e.kind,
                "title": e.title,
                "url": e.url or None,
                "date": e.date.isoformat() if e.date else None,
                "quote": e.quote,
                "oparl_id": e.oparl_id or None,
            }
            for e in a.evidence.all()
        ],
    }


def _pledge(request: HttpRequest, pledge_id: int) -> Pledge:
    token: ApiToken = request.auth  # type: ignore[attr-defined]
    pledge = Pledge.objects.filter(pk=pledge_id).first() if 0 < pledge_id < 2**62 else None
    if pledge is None or pledge.body_id not in tokens.bodies_of(token):
        raise Http404
    return pledge


@editor_api.get("/pledges/{pledge_id}/assessments", response=list[DraftOut], tags=["drafts"])
def pledge_assessments(request: HttpRequest, pledge_id: int) -> list[dict[str, Any]]:
    """Every assessment of the pledge, drafts included, newest first."""
    pledge = _pledge(request, pledge_id)
    rows = pledge.assessments.select_related("author").prefetch_related("evidence")
    return [_json(a) for a in rows.order_by("-id")[:200]]


@editor_api.post(
    "/pledges/{pledge_id}/assessments",
    response={201: DraftOut, 422: ProblemsOut},
    tags=["drafts"],
)
def create_draft(request: HttpRequest, pledge_id: int, body: DraftIn) -> Any:
    """A new draft (with `submit`: waiting for review). Checked like the editor's form."""
    pledge = _pledge(request, pledge_id)
    raw = body.dict()
    data, errors = draft_data(raw, [e.dict() for e in body.evidence])
    if data is None:
        return Status(422, {"detail": "invalid draft", "errors": errors})
    token: ApiToken = request.auth  # type: ignore[attr-defined]
    with transaction.atomic():
        draft = workflow.create_draft(token.user, pledge, data, submit=body.submit)
    return Status(201, _json(draft))


@editor_api.get("/drafts", response=DraftPageOut, tags=["drafts"])
def drafts(
    request: HttpRequest,
    page: int = Query(1, ge=1, le=10_000),  # type: ignore[type-arg]
) -> dict[str, Any]:
    """Unpublished assessments (draft, in review, returned) of the token's bodies."""
    token: ApiToken = request.auth  # type: ignore[attr-defined]
    rows = list(
        workflow.drafts(tokens.bodies_of(token)).prefetch_related("evidence")[
            (page - 1) * PAGE : page * PAGE + 1
        ]
    )
    return {
        "page": page,
        "next_page": page + 1 if len(rows) > PAGE else None,
        "items": [_json(a) for a in rows[:PAGE]],
    }
