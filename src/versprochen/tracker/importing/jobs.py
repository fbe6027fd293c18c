"""The importer's jobs: extract an upload, and extract a stored document again.

Each extracts outside any transaction (the slow part) and then stores its result,
with its audit entry, in one short transaction. Run again after a kill, each finds
what is already stored and stores nothing twice.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Q

from versprochen.extraction import extract
from versprochen.extraction.pipeline import PIPELINE_VERSION
from versprochen.jobs import JobContext, job
from versprochen.jobs.models import Upload
from versprochen.tracker import audit
from versprochen.tracker.importer import DocumentInfo, ImportReport, find_existing, store_extraction
from versprochen.tracker.models import Document


def info_to_json(info: DocumentInfo) -> dict[str, Any]:
    return {
        "body": info.body,
        "kind": info.kind,
        "authors": list(info.authors),
        "term_start": info.term_start,
        "term_end": info.term_end,
        "date": info.date.isoformat() if info.date else None,
        "title": info.title,
        "source_url": info.source_url,
    }


def info_from_json(values: dict[str, Any]) -> DocumentInfo:
    day = values.get("date")
    return DocumentInfo(
        body=values["body"],
        kind=values["kind"],
        authors=tuple(values["authors"]),
        term_start=values.get("term_start"),
        term_end=values.get("term_end"),
        date=dt.date.fromisoformat(day) if day else None,
        title=values.get("title") or "",
        source_url=values.get("source_url") or "",
    )


def report_to_json(report: ImportReport) -> dict[str, Any]:
    """What the job's page shows of an import (the report's lists, cut to a readable length)."""
    assessed = dict(report.gone_assessed)
    return {
        "summary": report.summary(),
        "version": report.version,
        "notes": report.notes[:100],
        "new": report.new[:200] if report.version > 1 else [],
        "changed": [[old, new] for old, new in report.changed[:200]],
        "gone": [[text, assessed.get(text, "")] for text in report.gone[:200]],
    }


def audit_import(user: Any, report: ImportReport, filename: str, sha256: str, via: str) -> None:
    """The audit entry of an import, from the browser, the command line or a re-extraction."""
    audit.record(
        user,
        "document.import",
        report.document,
        after={"summary": report.summary(), "file": filename, "sha256": sha256, "via": via},
    )


@job("tracker.extract_upload")
def extract_upload(ctx: JobContext, *, upload_id: int) -> str:
    """Extract an editor's upload and store it as a document (or a new version of one)."""
    upload = Upload.objects.select_related("uploaded_by").get(pk=upload_id)
    if upload.document_id is not None:  # stored by an earlier run that was killed after
        return str(upload.report.get("summary", ""))
    info = info_from_json(upload.info)
    data = bytes(upload.data)
    report = find_existing(info, upload.sha256)
    extraction = None
    if report is None:
        ctx.progress(0, 2, "Die Datei wird gelesen und nach Versprechen durchsucht.")
        extraction = extract(data, filename=upload.filename)
        ctx.progress(
            1, 2, f"{len(extraction.pledges)} Versprechen gefunden; sie werden gespeichert."
        )
    with transaction.atomic():
        if extraction is not None:
            report = store_extraction(info, upload.filename, data, extraction)
        assert report is not None
        audit_import(upload.uploaded_by, report, upload.filename, upload.sha256, "browser")
        upload.document = report.document
        upload.report = report_to_json(report)
        # The bytes are the document's source file now (or were already): not kept twice.
        upload.data = b""
        upload.save(update_fields=["document", "report", "data"])
    return report.summary()


def report_lines(report: ImportReport) -> list[str]:
    """The report as the command line prints it: the summary, then what changed."""
    lines = [report.summary()]
    lines += [f"  note: {note}" for note in report.notes]
    lines += [f"  new: {text[:100]}" for text in report.new] if report.version > 1 else []
    lines += [f"  changed: {old[:150]}\n       → {new[:150]}" for old, new in report.changed]
    assessed = dict(report.gone_assessed)
    lines += [
        f"  gone (kept, no longer current): {text[:100]}"
        + (f"\n       ! had the published status {assessed[text]}" if text in assessed else "")
        for text in report.gone
    ]
    return lines


def info_of(document: Document) -> DocumentInfo:
    """What an import of `document` was told (its identity, title and date stay as they are;
    its source URL too, as it is kept when no new one is given)."""
    return DocumentInfo(
        body=document.body.name,
        kind=document.kind,
        authors=tuple(document.authors.order_by("pk").values_list("name", flat=True)),
        term_start=document.term_start,
        term_end=document.term_end,
        date=document.date,
        title=document.title,
    )


def stale_documents(
    body: str | None = None, slug: str | None = None, every: bool = False
) -> list[Document]:
    """Documents whose current version another pipeline extracted (all of them with `every`)."""
    documents = Document.objects.select_related("body", "source").exclude(source=None)
    if body:
        documents = documents.filter(Q(body__name=body) | Q(body__slug=body))
    if slug:
        documents = documents.filter(slug=slug)
    if not every:
        documents = documents.exclude(pipeline=PIPELINE_VERSION)
    return list(documents.order_by("body__name", "slug"))


@job("tracker.reextract")
def reextract(ctx: JobContext, *, document_id: int, version: int, by: str = "") -> str:
    """Extract the stored bytes of `version` (the current one when queued) with the current
    pipeline and store the result as a new version, matched like a re-import."""
    document = Document.objects.select_related("body", "source").get(pk=document_id)
    assert document.source is not None
    if document.source.version != version:  # a new version came since (or an earlier run)
        return f"{document.title}: already at version {document.source.version}; nothing to do"
    source = document.source
    ctx.progress(0, 2, f"{document.title}: Versprechen werden neu gesucht.")
    extraction = extract(bytes(source.data), filename=source.filename)
    ctx.progress(1, 2, f"{len(extraction.pledges)} Versprechen gefunden; sie werden gespeichert.")
    with transaction.atomic():
        current = Document.objects.select_for_update().get(pk=document_id)
        if current.source_id != source.pk:
            return f"{document.title}: changed meanwhile; nothing to do"
        report = store_extraction(
            info_of(document), source.filename, bytes(source.data), extraction, again=True
        )
        user = ctx.job.created_by or by or "reextract"
        audit_import(user, report, source.filename, source.sha256, "reextract")
    return "\n".join(report_lines(report))
