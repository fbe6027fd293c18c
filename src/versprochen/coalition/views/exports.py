"""Exports for the partners: the decision log and the motions as CSV and printable pages."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from typing import Any

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from versprochen.coalition.access import visible_motions
from versprochen.coalition.models import LogEntry, Membership
from versprochen.coalition.views.common import member_page, page
from versprochen.tracker import spreadsheet

LIMIT = 20000


def _lines(header: list[str], rows: Iterable[list[Any]]) -> Iterator[str]:
    for row in _chain(header, rows):
        out = io.StringIO()
        spreadsheet.writer(out).writerow(row)
        yield out.getvalue()


def _chain(header: list[str], rows: Iterable[list[Any]]) -> Iterator[list[Any]]:
    yield header
    yield from rows


def _csv(lines: Iterator[str], name: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _log_rows(member: Membership) -> Any:
    return (
        LogEntry.objects.filter(coalition_id=member.coalition_id)
        .select_related("partner", "motion", "paper")
        .order_by("at", "id")[:LIMIT]
    )


def _motion_rows(member: Membership) -> Any:
    return visible_motions(member).prefetch_related("pledges").order_by("created_at", "id")[:LIMIT]


LOG_HEADER = [
    "at",
    "user",
    "partner",
    "kind",
    "rule",
    "motion",
    "paper",
    "text",
    "procedure",
    "reason",
]
MOTION_HEADER = [
    "id",
    "title",
    "kind",
    "filing",
    "state",
    "author_partner",
    "council_body",
    "meeting",
    "proposed_on",
    "late_days",
    "submitted_on",
    "resolution",
    "result",
    "decided_on",
    "pledges",
]


@member_page
def log_csv(request: HttpRequest, member: Membership) -> StreamingHttpResponse:
    rows = (
        [
            timezone.localtime(e.at).isoformat(timespec="seconds"),
            e.username,
            e.partner.name if e.partner else "",
            e.kind,
            e.rule or "",
            e.motion.title if e.motion else "",
            e.paper.title if e.paper else "",
            e.text,
            e.procedure,
            e.reason,
        ]
        for e in _log_rows(member).iterator()
    )
    return _csv(_lines(LOG_HEADER, rows), "entscheidungsprotokoll.csv")


@member_page
def motions_csv(request: HttpRequest, member: Membership) -> StreamingHttpResponse:
    rows = (
        [
            m.pk,
            m.title,
            m.kind,
            m.filing,
            m.state,
            m.author_partner.name,
            m.council_body.name,
            m.meeting.date.isoformat() if m.meeting else "",
            m.proposed_on.isoformat() if m.proposed_on else "",
            m.late_days,
            m.submitted_on.isoformat() if m.submitted_on else "",
            m.resolution,
            m.result,
            m.decided_on.isoformat() if m.decided_on else "",
            " ".join(str(p.number) for p in m.pledges.all()),
        ]
        for m in _motion_rows(member)
    )
    return _csv(_lines(MOTION_HEADER, rows), "antraege.csv")


@member_page
def log_print(request: HttpRequest, member: Membership) -> HttpResponse:
    return page(
        request,
        member,
        "coalition/print_log.html",
        {
            "rows": _log_rows(member),
            "title": _("Entscheidungsprotokoll"),
            "now": timezone.now(),
        },
    )


@member_page
def motions_print(request: HttpRequest, member: Membership) -> HttpResponse:
    return page(
        request,
        member,
        "coalition/print_motions.html",
        {
            "rows": _motion_rows(member),
            "title": _("Anträge"),
            "now": timezone.now(),
        },
    )
