"""The one public page of the wing: the items the partners chose to publish, nothing else."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse

from versprochen.coalition.models import Coalition, LogEntry, Motion
from versprochen.site.public import respond


def _subject(entry: LogEntry) -> str | None:
    record = entry.motion or entry.paper
    return record.title if record is not None else None


def published(request: HttpRequest, slug: str) -> HttpResponse:
    coalition = Coalition.objects.filter(slug=slug).select_related("body").first()
    if coalition is None:
        raise Http404
    motions = (
        Motion.objects.filter(coalition=coalition, published_at__isnull=False)
        .select_related("council_body", "meeting", "author_partner")
        .order_by("-published_at")[:200]
    )
    entries = (
        LogEntry.objects.filter(coalition=coalition, published_at__isnull=False)
        .select_related("motion", "paper")
        .order_by("-published_at")[:200]
    )
    data = {
        "coalition": coalition.name,
        "body": coalition.body.name,
        "motions": [
            {
                "title": m.title,
                "text": m.text,
                "kind": m.kind,
                "council_body": m.council_body.name,
                "meeting": m.meeting.date.isoformat() if m.meeting else None,
                "state": m.state,
                "result": m.result or None,
                "partner": m.author_partner.name,
                "published_at": m.published_at.isoformat() if m.published_at else None,
            }
            for m in motions
        ],
        "decisions": [
            {
                "kind": e.kind,
                "at": e.at.date().isoformat(),
                "subject": _subject(e),
                "text": e.text,
                "procedure": e.procedure,
                "rule": e.rule,
            }
            for e in entries
        ],
    }
    context = {"coalition": coalition, "motions": motions, "entries": entries}
    return respond(request, "coalition/published.html", context, data)
