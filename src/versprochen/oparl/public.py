"""Council papers and meetings as the public sees them: the rows and their JSON.

Shared by the public pages (`views_public`) and the API (`api/oparl.py`), so that
a page, its JSON twin and the API say the same. Placeholders (referenced, never
received) are not shown; a deleted paper or meeting is shown as deleted.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from versprochen.oparl.models import AgendaItem, Consultation, File, Meeting, Paper
from versprochen.oparl.models_links import Suggestion
from versprochen.tracker.models import Pledge
from versprochen.tracker.vocabulary import AssessmentState

__all__ = [
    "MAX_TEXT",
    "meeting_json",
    "meetings",
    "paper_json",
    "paper_summary_json",
    "papers",
    "search_papers",
]

# The file texts a page or answer carries at most, per file.
MAX_TEXT = 200_000


def papers() -> QuerySet[Paper]:
    return Paper.objects.filter(placeholder=False).select_related("body")


def meetings() -> QuerySet[Meeting]:
    return Meeting.objects.filter(placeholder=False).select_related("body", "location")


def search_papers(rows: QuerySet[Paper], q: str) -> QuerySet[Paper]:
    """Papers whose name or reference contains every word of `q`."""
    for word in q.split()[:10]:
        rows = rows.filter(Q(name__icontains=word) | Q(reference__icontains=word))
    return rows


def paper_summary_json(paper: Paper) -> dict[str, Any]:
    return {
        "id": paper.pk,
        "oparl_id": paper.oparl_id,
        "body": paper.body.slug,
        "name": paper.name,
        "reference": paper.reference or None,
        "paper_type": paper.paper_type or None,
        "date": paper.date.isoformat() if paper.date else None,
        "deleted": paper.deleted,
        "web": paper.web or None,
    }


def _file_json(file: File) -> dict[str, Any]:
    return {
        "oparl_id": file.oparl_id,
        "name": file.name or file.file_name or None,
        "mime_type": file.mime_type or None,
        "date": file.date.isoformat() if file.date else None,
        "access_url": file.access_url or None,
        "text": file.text[:MAX_TEXT] if file.text else None,
    }


def paper_files(paper: Paper) -> list[File]:
    files = [paper.main_file] if paper.main_file and not paper.main_file.deleted else []
    files += [f for f in paper.auxiliary_files.all() if not f.deleted and f not in files]
    return files


def paper_consultations(paper: Paper) -> list[Consultation]:
    return list(
        paper.consultations.filter(deleted=False)
        .select_related("meeting", "agenda_item")
        .prefetch_related("organizations")
        .order_by("meeting__start", "id")
    )


def evidence_pledges(paper: Paper) -> list[Pledge]:
    """The current pledges the paper is evidence for: confirmed from a suggestion, or
    cited by its OParl id in a published assessment."""
    confirmed = Q(
        paper_suggestions__paper=paper, paper_suggestions__state=Suggestion.State.CONFIRMED
    )
    cited = Q(
        assessments__state=AssessmentState.PUBLISHED,
        assessments__evidence__oparl_id=paper.oparl_id,
    )
    pks = Pledge.objects.filter(confirmed | cited, current=True).values("pk")
    return list(
        Pledge.objects.filter(pk__in=pks)
        .select_related("document")
        .order_by("document__title", "number")
    )


def _consultation_json(c: Consultation) -> dict[str, Any]:
    meeting, item = c.meeting, c.agenda_item
    return {
        "oparl_id": c.oparl_id,
        "role": c.role or None,
        "authoritative": c.authoritative,
        "organizations": [o.name for o in c.organizations.all()],
        "meeting": (
            {
                "id": meeting.pk,
                "oparl_id": meeting.oparl_id,
                "name": meeting.name,
                "start": meeting.start.isoformat() if meeting.start else None,
            }
            if meeting and not meeting.placeholder
            else None
        ),
        "agenda_item": (
            {
                "oparl_id": item.oparl_id,
                "number": item.number or None,
                "name": item.name or None,
                "result": item.result or None,
            }
            if item
            else None
        ),
    }


def paper_json(
    paper: Paper,
    files: list[File] | None = None,
    consultations: list[Consultation] | None = None,
    pledges: list[Pledge] | None = None,
) -> dict[str, Any]:
    files = paper_files(paper) if files is None else files
    consultations = paper_consultations(paper) if consultations is None else consultations
    pledges = evidence_pledges(paper) if pledges is None else pledges
    return {
        **paper_summary_json(paper),
        "created": paper.created.isoformat() if paper.created else None,
        "modified": paper.modified.isoformat() if paper.modified else None,
        "superordinated": list(paper.superordinated),
        "subordinated": list(paper.subordinated),
        "consultations": [_consultation_json(c) for c in consultations],
        "files": [_file_json(f) for f in files],
        "evidence_for": [
            {"id": p.pk, "text": p.text, "document": p.document.slug} for p in pledges
        ],
    }


def meeting_items(meeting: Meeting) -> list[AgendaItem]:
    return list(
        meeting.agenda_items.filter(deleted=False)
        .select_related("consultation__paper", "paper")
        .order_by("order", "id")
    )


def item_paper(item: AgendaItem) -> Paper | None:
    paper = item.paper or (item.consultation.paper if item.consultation else None)
    return paper if paper is not None and not paper.placeholder else None


def meeting_json(meeting: Meeting, items: list[AgendaItem] | None = None) -> dict[str, Any]:
    items = meeting_items(meeting) if items is None else items
    location = meeting.location
    return {
        "id": meeting.pk,
        "oparl_id": meeting.oparl_id,
        "body": meeting.body.slug,
        "name": meeting.name,
        "start": meeting.start.isoformat() if meeting.start else None,
        "end": meeting.end.isoformat() if meeting.end else None,
        "state": meeting.meeting_state or None,
        "cancelled": meeting.cancelled,
        "deleted": meeting.deleted,
        "location": (location.description or location.street_address or None) if location else None,
        "organizations": [o.name for o in meeting.organizations.all()],
        "agenda_items": [
            {
                "oparl_id": item.oparl_id,
                "number": item.number or None,
                "name": item.name or None,
                "public": item.public,
                "result": item.result or None,
                "paper": paper_summary_json(paper) if (paper := item_paper(item)) else None,
            }
            for item in items
        ],
    }
