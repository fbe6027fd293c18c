"""What the public may see of each record, as plain JSON-ready dicts.

Every public page's JSON twin, the API and the exports build their payloads
here, from an explicit list of fields: internal fields (an assessment's note,
drafts, the stored file's bytes) cannot leak by being added to a model.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from versprochen.extraction.types import CAP_TOPICS
from versprochen.tracker.citation import cited_page, document_has_pages
from versprochen.tracker.models import (
    Assessment,
    Body,
    Document,
    Evidence,
    Mention,
    Pledge,
    PledgeCorrection,
    Section,
    SourceFile,
)
from versprochen.tracker.vocabulary import AREA_LABELS, AssessmentState, Status

Json = dict[str, Any]


def body_json(body: Body) -> Json:
    return {"slug": body.slug, "name": body.name, "ags": body.ags or None}


def document_json(document: Document, authors: Iterable[str] | None = None) -> Json:
    tally = document.tally or {}
    return {
        "slug": document.slug,
        "title": document.title,
        "kind": document.kind,
        "body": document.body.slug,
        "authors": list(authors if authors is not None else _authors(document)),
        "term_start": document.term_start,
        "term_end": document.term_end,
        "date": document.date.isoformat() if document.date else None,
        "format": document.format,
        "page_count": document.page_count,
        "has_pages": document_has_pages(document),
        "source_url": document.source_url or None,
        "pipeline": document.pipeline,
        "sha256": document.source.sha256 if document.source else None,
        "pledge_count": tally.get("total", 0),
        "status_counts": tally.get("status", {}),
    }


def _authors(document: Document) -> list[str]:
    return [a.name for a in document.authors.all()]


def section_json(section: Section, paged: bool = True) -> Json:
    """A heading of the outline; its page is null when the source has no pages."""
    return {
        "index": section.index,
        "title": section.title,
        "level": section.level,
        "page": section.page if paged else None,
        "start": section.start,
        "parent": section.parent.index if section.parent_id and section.parent else None,
    }


def mention_json(mention: Mention, document: Document | None = None) -> Json:
    """A place of a pledge; its page is null when the source has no pages (pass the
    mention's document when it is at hand)."""
    return {
        "id": mention.pk,
        "page": cited_page(mention, document),
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
    }


def pledge_json(pledge: Pledge, mentions: Iterable[Mention] | None = None) -> Json:
    data: Json = {
        "id": pledge.pk,
        "document": pledge.document.slug,
        "body": pledge.body.slug,
        "number": pledge.number,
        "text": pledge.text,
        "section": (
            pledge.section.title if pledge.section_id and pledge.section else pledge.gone_section
        ),
        "area": pledge.area,
        "area_label": str(AREA_LABELS.get(pledge.area, pledge.area)),
        "cap": pledge.cap,
        "cap_topic": CAP_TOPICS.get(pledge.cap, ""),
        "kind": pledge.kind,
        "testable": pledge.testable,
        "quantities": list(pledge.quantities),
        "places": list(pledge.places),
        "status": pledge.status,
        "status_label": str(Status(pledge.status).label),
        "status_changed_at": (
            pledge.status_changed_at.isoformat() if pledge.status_changed_at else None
        ),
        "pipeline": pledge.pipeline,
    }
    if mentions is not None:
        data["mentions"] = [
            mention_json(m, pledge.document if m.document_id == pledge.document_id else None)
            for m in mentions
        ]
    return data


def evidence_json(evidence: Evidence) -> Json:
    return {
        "kind": evidence.kind,
        "title": evidence.title,
        "url": evidence.url or None,
        "date": evidence.date.isoformat() if evidence.date else None,
        "quote": evidence.quote,
        "oparl_id": evidence.oparl_id or None,
    }


def assessment_json(assessment: Assessment, evidence: Iterable[Evidence] = ()) -> Json:
    if assessment.state != AssessmentState.PUBLISHED:
        raise ValueError("only published assessments are public")
    return {
        "id": assessment.pk,
        "pledge": assessment.pledge_id,
        "status": assessment.status,
        "status_label": str(Status(assessment.status).label),
        "assessed_on": assessment.assessed_on.isoformat(),
        "published_at": (assessment.published_at.isoformat() if assessment.published_at else None),
        "rationale": assessment.rationale,
        "reason": assessment.reason,
        "evidence": [evidence_json(e) for e in evidence],
    }


# Changes that list assessment ids (a merge moves a pledge's assessments, drafts too).
ASSESSMENT_LISTS = frozenset({"assessments"})


def correction_changes(correction: PledgeCorrection) -> dict[str, list[Any]]:
    """A correction's {field: [before, after]} as the public may see it: lists of
    assessment ids hold only published assessments (the correction itself and the audit
    log keep every id; a draft's id is not public)."""
    changes = {name: list(pair) for name, pair in (correction.changes or {}).items()}
    listed = {
        pk
        for name in ASSESSMENT_LISTS & set(changes)
        for side in changes[name]
        if isinstance(side, list)
        for pk in side
    }
    if not listed:
        return changes
    public = set(
        Assessment.objects.filter(pk__in=listed, state=AssessmentState.PUBLISHED).values_list(
            "pk", flat=True
        )
    )
    for name in ASSESSMENT_LISTS & set(changes):
        changes[name] = [
            [pk for pk in side if pk in public] if isinstance(side, list) else side
            for side in changes[name]
        ]
    return changes


def correction_json(correction: PledgeCorrection) -> Json:
    """An editor's correction of a pledge (without the editor's name)."""
    return {
        "id": correction.pk,
        "pledge": correction.pledge_id,
        "kind": correction.kind,
        "changes": correction_changes(correction),
        "related": correction.related_id,
        "at": correction.created_at.isoformat(),
    }


def published_assessments(pledge: Pledge) -> list[Assessment]:
    return list(
        pledge.assessments.filter(state=AssessmentState.PUBLISHED)
        .prefetch_related("evidence")
        .order_by("published_at", "id")
    )


def versions_of(pledge: Pledge) -> tuple[int | None, int | None]:
    """(the document version that dropped `pledge`, the version whose text its mentions'
    offsets refer to): a gone pledge keeps its mentions in the version before."""
    source_id = pledge.gone_in_id or pledge.document.source_id
    if source_id is None:
        return None, None
    version = SourceFile.objects.filter(pk=source_id).values_list("version", flat=True).first()
    if pledge.gone_in_id is None or version is None:
        return None, version
    return version, version - 1
