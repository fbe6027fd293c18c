"""Open data: pledges, mentions, published assessments and editors' corrections as CSV,
JSON and a Frictionless Data Package. Rows are streamed from the database in batches;
nothing internal is exported (no drafts, notes, review comments or names of people).
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.db.models import Case, F, IntegerField, When

from versprochen import __version__
from versprochen.tracker import spreadsheet
from versprochen.tracker.citation import has_pages
from versprochen.tracker.models import Assessment, Mention, Pledge, PledgeCorrection
from versprochen.tracker.public import correction_changes
from versprochen.tracker.vocabulary import AssessmentState

BATCH = 2000

# name → (fields as (name, Frictionless type, description))
TABLES: dict[str, list[tuple[str, str, str]]] = {
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
    ],
    "corrections": [
        ("id", "integer", "Correction id (one correction may change several fields)"),
        ("pledge", "integer", "Pledge id (also pledges no longer listed)"),
        ("kind", "string", "edit, not_a_pledge, split, merge or add"),
        ("field", "string", "Field changed"),
        ("before", "string", "Value before (lists as JSON)"),
        ("after", "string", "Value after (lists as JSON)"),
        ("related", "integer", "The other pledge of a split or merge"),
        ("at", "datetime", "When the editor made it"),
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


def _assessment_rows() -> Iterator[list[Any]]:
    assessments = Assessment.objects.filter(state=AssessmentState.PUBLISHED).order_by("id")
    for a in assessments.iterator(chunk_size=BATCH):
        yield [
            a.pk,
            a.pledge_id,
            a.status,
            a.assessed_on.isoformat(),
            a.published_at.isoformat() if a.published_at else "",
            a.rationale,
            a.reason,
        ]


def _cell(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value


def _correction_rows() -> Iterator[list[Any]]:
    corrections = PledgeCorrection.objects.order_by("id")
    for c in corrections.iterator(chunk_size=BATCH):
        for name, pair in correction_changes(c).items():
            before, after = [*pair, None, None][:2]
            yield [
                c.pk,
                c.pledge_id,
                c.kind,
                name,
                _cell(before),
                _cell(after),
                c.related_id,
                c.created_at.isoformat(),
            ]


ROWS = {
    "pledges": _pledge_rows,
    "mentions": _mention_rows,
    "assessments": _assessment_rows,
    "corrections": _correction_rows,
}


def csv_lines(table: str) -> Iterator[str]:
    """The CSV of `table`, header first, one line at a time (for streaming)."""
    buffer = io.StringIO()
    writer = spreadsheet.writer(buffer)
    writer.writerow([name for name, _, _ in TABLES[table]])
    for row in ROWS[table]():
        writer.writerow(row)
        if buffer.tell() > 64_000:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


# Columns that hold a pledge id: each value is in pledges.csv (which holds every pledge).
FOREIGN_KEYS: dict[str, tuple[str, ...]] = {
    "pledges": ("merged_into",),
    "mentions": ("pledge",),
    "assessments": ("pledge",),
    "corrections": ("pledge", "related"),
}


def _pledge_key(table: str, column: str) -> dict[str, Any]:
    # A key into the same resource names it by the empty string (Frictionless).
    resource = "" if table == "pledges" else "pledges"
    return {"fields": [column], "reference": {"resource": resource, "fields": ["id"]}}


def datapackage(path_of: dict[str, str] | None = None) -> dict[str, Any]:
    """The Frictionless `datapackage.json` describing the CSV files."""
    paths = path_of or {name: f"{name}.csv" for name in TABLES}
    return {
        "profile": "tabular-data-package",
        "name": "versprochen",
        "title": "versprochen: pledges, mentions, assessments and corrections",
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
                    **({"primaryKey": ["id"]} if name != "corrections" else {}),
                    **(
                        {"foreignKeys": [_pledge_key(name, f) for f in FOREIGN_KEYS[name]]}
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
