"""Open data: bodies, documents, pledges, mentions, published assessments with their
evidence, editors' corrections and the council papers editors confirmed for pledges
as CSV, JSON and a Frictionless Data Package. Rows
are streamed from the database in batches; nothing internal is exported (no drafts,
notes, review comments, names of people or addresses of followers).
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.db.models import Case, F, IntegerField, When

from versprochen import __version__
from versprochen.oparl.models_links import Suggestion
from versprochen.tracker import spreadsheet
from versprochen.tracker.citation import has_pages
from versprochen.tracker.models import (
    Assessment,
    Body,
    Document,
    Evidence,
    Mention,
    Pledge,
    PledgeCorrection,
)
from versprochen.tracker.public import correction_changes
from versprochen.tracker.vocabulary import AssessmentState

BATCH = 2000

# name → (fields as (name, Frictionless type, description))
TABLES: dict[str, list[tuple[str, str, str]]] = {
    "bodies": [
        ("slug", "string", "Body slug (its id here)"),
        ("name", "string", "Name"),
        ("ags", "string", "Official municipality key (Amtlicher Gemeindeschlüssel)"),
        ("oparl_id", "string", "OParl id of the body in its council information system"),
    ],
    "documents": [
        ("slug", "string", "Document slug (its id here)"),
        ("title", "string", "Title"),
        ("kind", "string", "program, coalition_agreement or other"),
        ("body", "string", "Body slug"),
        ("authors", "string", "Authoring parties or groups, separated by ' | '"),
        ("term_start", "integer", "First year of the term"),
        ("term_end", "integer", "Last year of the term"),
        ("date", "date", "Date of the document"),
        ("source_url", "string", "Where the document was published"),
        ("version", "integer", "Current version (each new file of the document is one)"),
        ("sha256", "string", "SHA-256 of the current version's file as received"),
        ("pipeline", "string", "Extraction pipeline version of the current version"),
    ],
    "pledges": [
        ("id", "integer", "Pledge id (stable across document versions)"),
        ("body", "string", "Body slug"),
        ("document", "string", "Document slug"),
        ("number", "integer", "Order in the document"),
        ("text", "string", "Canonical text"),
        ("section", "string", "Section title"),
        ("area", "string", "Policy area"),
        ("cap", "integer", "Comparative Agendas Project major topic"),
        ("kind", "string", "action, preserve, reject or examine"),
        ("testable", "boolean", "Whether fulfilment can be checked"),
        ("quantities", "string", "Quantities named, separated by ' | '"),
        ("places", "string", "Places named, separated by ' | '"),
        ("status", "string", "Current status (latest published assessment, else offen)"),
        ("status_changed_at", "datetime", "When the status last changed"),
        ("pipeline", "string", "Extraction pipeline version"),
        ("origin", "string", "extraction, split (split off by an editor) or editor (added)"),
        ("corrected", "string", "Fields editors corrected, separated by ' | '"),
        (
            "current",
            "boolean",
            "Listed on the site: false once a new version dropped it or an editor took it out",
        ),
        ("gone_in_version", "integer", "The document version that no longer contained it"),
        ("excluded", "string", "not_a_pledge or merged when an editor took it out"),
        ("merged_into", "integer", "The pledge it was merged into"),
    ],
    "mentions": [
        ("id", "integer", "Mention id"),
        ("pledge", "integer", "Pledge id"),
        ("document", "string", "Document slug"),
        (
            "page",
            "integer",
            "Page number; empty (null) when the source has no pages (Markdown, or text "
            "without form feeds): the section and offsets place the mention",
        ),
        ("start", "integer", "Start offset in the cleaned text"),
        ("end", "integer", "End offset in the cleaned text"),
        ("text", "string", "Wording at this place"),
        (
            "version",
            "integer",
            "The document version whose cleaned text the offsets refer to "
            "(an earlier one for pledges no longer current)",
        ),
    ],
    "assessments": [
        ("id", "integer", "Assessment id"),
        ("pledge", "integer", "Pledge id"),
        ("status", "string", "Status judged"),
        ("assessed_on", "date", "Date of the judgement"),
        ("published_at", "datetime", "When it was published"),
        ("rationale", "string", "Reasoning"),
        ("reason", "string", "Why the pledge cannot be assessed (nicht_bewertbar)"),
        (
            "evidence",
            "string",
            "The evidence as a JSON list of {kind, title, url, date, quote, oparl_id} "
            "(the same as evidence.csv)",
        ),
    ],
    "evidence": [
        ("id", "integer", "Evidence id"),
        ("assessment", "integer", "Assessment id"),
        ("kind", "string", "council_paper, decision, press, statement, budget or other"),
        ("title", "string", "Title"),
        ("url", "string", "Address"),
        ("date", "date", "Date"),
        ("quote", "string", "The passage that supports the assessment"),
        ("oparl_id", "string", "OParl id when it is a paper of the council information system"),
    ],
    "corrections": [
        ("id", "string", "Row id: correction id and field (unique)"),
        ("correction", "integer", "Correction id (one correction may change several fields)"),
        ("pledge", "integer", "Pledge id (also pledges no longer listed)"),
        ("kind", "string", "edit, not_a_pledge, split, merge or add"),
        ("field", "string", "Field changed"),
        ("before", "string", "Value before (lists as JSON)"),
        ("after", "string", "Value after (lists as JSON)"),
        ("related", "integer", "The other pledge of a split or merge"),
        ("note", "string", "The reason the editors gave (why it is not a pledge)"),
        ("at", "datetime", "When the editor made it"),
    ],
    "pledge_papers": [
        ("pledge", "integer", "Pledge id"),
        ("paper", "string", "OParl id of the council paper editors confirmed for the pledge"),
        ("reference", "string", "The paper's reference (Drucksachennummer)"),
        ("name", "string", "The paper's title"),
        ("paper_type", "string", "Kind of paper as the council information system names it"),
        ("date", "date", "Date of the paper"),
        ("body", "string", "Body slug of the council information system"),
        ("web", "string", "The paper's page in the council information system"),
    ],
}


def _pledge_rows() -> Iterator[list[Any]]:
    # Every pledge, also those no longer listed (`current` false): their published
    # assessments, mentions and corrections are in the other tables and refer to them.
    # Related values come as columns of the one query (no document text, no file bytes).
    pledges = (
        Pledge.objects.annotate(
            body_slug=F("body__slug"),
            document_slug=F("document__slug"),
            section_title=F("section__title"),
            gone_version=F("gone_in__version"),
        )
        .defer("extracted_text")
        .order_by("document_id", "number")
    )
    for p in pledges.iterator(chunk_size=BATCH):
        yield [
            p.pk,
            p.body_slug,
            p.document_slug,
            p.number,
            p.text,
            p.section_title or "",
            p.area,
            p.cap,
            p.kind,
            "true" if p.testable else "false",
            " | ".join(p.quantities),
            " | ".join(p.places),
            p.status,
            p.status_changed_at.isoformat() if p.status_changed_at else "",
            p.pipeline,
            p.origin,
            " | ".join(p.corrected or []),
            "true" if p.current else "false",
            p.gone_version or "",
            p.excluded or "",
            p.merged_into_id or "",
        ]


def _mention_rows() -> Iterator[list[Any]]:
    # A gone pledge keeps its mentions in the version before the one that dropped it.
    version = Case(
        When(pledge__gone_in__isnull=False, then=F("pledge__gone_in__version") - 1),
        default=F("document__source__version"),
        output_field=IntegerField(),
    )
    # A source without pages (Markdown, text without form feeds) has no page: null.
    mentions = Mention.objects.annotate(
        document_slug=F("document__slug"),
        version=version,
        document_format=F("document__format"),
        document_pages=F("document__page_count"),
    ).order_by("document_id", "start", "id")
    for m in mentions.iterator(chunk_size=BATCH):
        slug = m.document_slug
        page = m.page if has_pages(m.document_format, m.document_pages) else None
        yield [m.pk, m.pledge_id, slug, page, m.start, m.end, m.text, m.version]


def _body_rows() -> Iterator[list[Any]]:
    for b in Body.objects.order_by("slug").iterator(chunk_size=BATCH):
        yield [b.slug, b.name, b.ags, b.oparl_id]


def _document_rows() -> Iterator[list[Any]]:
    documents = (
        Document.objects.annotate(
            body_slug=F("body__slug"),
            version=F("source__version"),
            sha256=F("source__sha256"),
        )
        .only("slug", "title", "kind", "term_start", "term_end", "date", "source_url", "pipeline")
        .prefetch_related("authors")
        .order_by("slug")
    )
    for d in documents.iterator(chunk_size=BATCH):
        yield [
            d.slug,
            d.title,
            d.kind,
            d.body_slug,
            " | ".join(a.name for a in d.authors.all()),
            d.term_start,
            d.term_end,
            d.date.isoformat() if d.date else "",
            d.source_url,
            d.version,
            d.sha256 or "",
            d.pipeline,
        ]


def _evidence_items(evidence: list[Evidence]) -> list[dict[str, Any]]:
    return [
        {
            "kind": e.kind,
            "title": e.title,
            "url": e.url,
            "date": e.date.isoformat() if e.date else None,
            "quote": e.quote,
            "oparl_id": e.oparl_id,
        }
        for e in evidence
    ]


def _published() -> Any:
    return Assessment.objects.filter(state=AssessmentState.PUBLISHED)


def _assessment_rows() -> Iterator[list[Any]]:
    assessments = _published().prefetch_related("evidence").order_by("id")
    for a in assessments.iterator(chunk_size=BATCH):
        items = _evidence_items(list(a.evidence.all()))
        yield [
            a.pk,
            a.pledge_id,
            a.status,
            a.assessed_on.isoformat(),
            a.published_at.isoformat() if a.published_at else "",
            a.rationale,
            a.reason,
            json.dumps(items, ensure_ascii=False),
        ]


def _evidence_rows() -> Iterator[list[Any]]:
    evidence = Evidence.objects.filter(assessment__in=_published()).order_by("id")
    for e in evidence.iterator(chunk_size=BATCH):
        yield [
            e.pk,
            e.assessment_id,
            e.kind,
            e.title,
            e.url,
            e.date.isoformat() if e.date else "",
            e.quote,
            e.oparl_id,
        ]


def _cell(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value


def _correction_rows() -> Iterator[list[Any]]:
    corrections = PledgeCorrection.objects.order_by("id")
    for c in corrections.iterator(chunk_size=BATCH):
        for name, pair in correction_changes(c).items():
            before, after = [*pair, None, None][:2]
            yield [
                f"{c.pk}-{name}",
                c.pk,
                c.pledge_id,
                c.kind,
                name,
                _cell(before),
                _cell(after),
                c.related_id,
                c.note,
                c.created_at.isoformat(),
            ]


def _pledge_paper_rows() -> Iterator[list[Any]]:
    # Confirmed papers are public (each paper's page lists its pledges); a paper the
    # council system deleted is left out, as on the site.
    links = (
        Suggestion.objects.filter(state=Suggestion.State.CONFIRMED, paper__deleted=False)
        .select_related("paper")
        .annotate(body_slug=F("paper__body__slug"))
        .order_by("pledge_id", "paper__oparl_id")
    )
    for link in links.iterator(chunk_size=BATCH):
        paper = link.paper
        web = paper.web if paper.web.startswith(("http://", "https://")) else ""
        yield [
            link.pledge_id,
            paper.oparl_id,
            paper.reference,
            paper.name,
            paper.paper_type,
            paper.date.isoformat() if paper.date else "",
            link.body_slug,
            web,
        ]


ROWS = {
    "bodies": _body_rows,
    "documents": _document_rows,
    "pledges": _pledge_rows,
    "mentions": _mention_rows,
    "assessments": _assessment_rows,
    "evidence": _evidence_rows,
    "corrections": _correction_rows,
    "pledge_papers": _pledge_paper_rows,
}


def csv_lines(table: str, excel: bool = False) -> Iterator[str]:
    """The CSV of `table`, header first, one line at a time (for streaming); `excel`: for
    a German Excel (UTF-8 with BOM, semicolons), which opens it with umlauts intact."""
    buffer = io.StringIO()
    if excel:
        buffer.write(spreadsheet.BOM)
    writer = spreadsheet.writer(buffer, excel=excel)
    writer.writerow([name for name, _, _ in TABLES[table]])
    for row in ROWS[table]():
        writer.writerow(row)
        if buffer.tell() > 64_000:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


# table → (column, referenced table, its key column). pledges.csv holds every pledge,
# also those no longer listed, so every pledge id anywhere is in it.
FOREIGN_KEYS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "documents": (("body", "bodies", "slug"),),
    "pledges": (
        ("body", "bodies", "slug"),
        ("document", "documents", "slug"),
        ("merged_into", "pledges", "id"),
    ),
    "mentions": (("pledge", "pledges", "id"), ("document", "documents", "slug")),
    "assessments": (("pledge", "pledges", "id"),),
    "evidence": (("assessment", "assessments", "id"),),
    "corrections": (("pledge", "pledges", "id"), ("related", "pledges", "id")),
    "pledge_papers": (("pledge", "pledges", "id"), ("body", "bodies", "slug")),
}
PRIMARY_KEYS = {"bodies": ["slug"], "documents": ["slug"], "pledge_papers": ["pledge", "paper"]}


def _foreign_key(table: str, column: str, target: str, key: str) -> dict[str, Any]:
    # A key into the same resource names it by the empty string (Frictionless).
    resource = "" if target == table else target
    return {"fields": [column], "reference": {"resource": resource, "fields": [key]}}


def datapackage(path_of: dict[str, str] | None = None) -> dict[str, Any]:
    """The Frictionless `datapackage.json` describing the CSV files."""
    paths = path_of or {name: f"{name}.csv" for name in TABLES}
    return {
        "profile": "tabular-data-package",
        "name": "versprochen",
        "title": "versprochen: bodies, documents, pledges, mentions, assessments with "
        "evidence, corrections, and council papers linked to pledges",
        "version": __version__,
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "resources": [
            {
                "name": name,
                "path": paths[name],
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [{"name": f, "type": t, "description": d} for f, t, d in fields],
                    "primaryKey": PRIMARY_KEYS.get(name, ["id"]),
                    **(
                        {"foreignKeys": [_foreign_key(name, *k) for k in FOREIGN_KEYS[name]]}
                        if FOREIGN_KEYS.get(name)
                        else {}
                    ),
                },
            }
            for name, fields in TABLES.items()
        ],
    }


def json_export() -> Iterator[str]:
    """All tables as one JSON object {table: [records]}, streamed."""
    yield "{"
    for t, table in enumerate(TABLES):
        names = [name for name, _, _ in TABLES[table]]
        yield ("," if t else "") + json.dumps(table) + ":["
        for i, row in enumerate(ROWS[table]()):
            record = dict(zip(names, row, strict=True))
            if table == "assessments":  # a list here, not JSON text in a CSV cell
                record["evidence"] = json.loads(record["evidence"])
            yield ("," if i else "") + json.dumps(record, ensure_ascii=False)
        yield "]"
    yield "}"


def write_export(directory: Path, fmt: str) -> list[Path]:
    """Write the export in `fmt` (csv, json or datapackage) into `directory`; the files."""
    directory.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    if fmt == "json":
        path = directory / "versprochen.json"
        with path.open("w", encoding="utf-8") as out:
            out.writelines(json_export())
        return [path]
    if fmt not in ("csv", "datapackage"):
        raise ValueError(f"--format: {fmt!r} is not csv, json or datapackage")
    for table in TABLES:
        path = directory / f"{table}.csv"
        with path.open("w", encoding="utf-8", newline="") as out:
            out.writelines(csv_lines(table))
        written.append(path)
    if fmt == "datapackage":
        path = directory / "datapackage.json"
        path.write_text(json.dumps(datapackage(), ensure_ascii=False, indent=2), encoding="utf-8")
        written.append(path)
    return written
