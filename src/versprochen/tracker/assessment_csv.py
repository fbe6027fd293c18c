"""Assessments as CSV, both ways with the same columns, for bulk work in a spreadsheet.

Export: one row per current pledge of a body or document with its published
assessment (status empty when there is none); further evidence items follow on
rows with the same pledge id and the assessment columns empty.

Cells that start like a formula (`=`, `+`, `-`, `@`, tab, CR) are exported with a
leading single quote (`spreadsheet`), which the import takes off again.

Import: the same file, edited. Rows are checked one by one; any problem (named
with its line) refuses the whole file and nothing is written. Rows with an empty
status, or that equal the published assessment, change nothing; every other pledge
gets a new draft waiting for review, never a published assessment.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from versprochen.tracker import audit, spreadsheet, validation, workflow
from versprochen.tracker.models import Assessment, Pledge
from versprochen.tracker.roles import holds
from versprochen.tracker.validation import DraftData, EvidenceData, draft_data, evidence_data
from versprochen.tracker.vocabulary import AssessmentState, Role

COLUMNS = [
    "pledge",
    "document",
    "number",
    "text",
    "status",
    "assessed_on",
    "rationale",
    "reason",
    "evidence_kind",
    "evidence_title",
    "evidence_url",
    "evidence_date",
    "evidence_quote",
]
ASSESSMENT_COLUMNS = ("status", "assessed_on", "rationale", "reason")
EVIDENCE_COLUMNS = ("kind", "title", "url", "date", "quote")
MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 50_000
MAX_ERRORS = 100


def _published(pledges: list[Pledge]) -> dict[int, Assessment]:
    latest: dict[int, Assessment] = {}
    rows = (
        Assessment.objects.filter(pledge__in=pledges, state=AssessmentState.PUBLISHED)
        .prefetch_related("evidence")
        .order_by("pledge_id", "published_at", "id")
    )
    for a in rows:
        latest[a.pledge_id] = a
    return latest


def export_lines(pledges: QuerySet[Pledge], excel: bool = False) -> Iterator[str]:
    """The CSV of `pledges` (current ones, in document order) with their published status;
    `excel`: for a German Excel (BOM, semicolons), which the import reads back."""
    buffer = io.StringIO()
    if excel:
        buffer.write(spreadsheet.BOM)
    writer = spreadsheet.writer(buffer, excel=excel)
    writer.writerow(COLUMNS)
    ordered = (
        pledges.filter(current=True).select_related("document").order_by("document_id", "number")
    )
    batch: list[Pledge] = []

    def flush() -> None:
        latest = _published(batch)
        for p in batch:
            head = [p.pk, p.document.slug, p.number, p.text]
            a = latest.get(p.pk)
            if a is None:
                writer.writerow([*head, "", "", "", "", "", "", "", "", ""])
                continue
            fields = [a.status, a.assessed_on.isoformat(), a.rationale, a.reason]
            items: list[Any] = list(a.evidence.all()) or [None]
            for i, e in enumerate(items):
                own = fields if i == 0 else ["", "", "", ""]
                ev = (
                    [e.kind, e.title, e.url, e.date.isoformat() if e.date else "", e.quote]
                    if e is not None
                    else ["", "", "", "", ""]
                )
                writer.writerow([*head, *own, *ev])
        batch.clear()

    for pledge in ordered.iterator(chunk_size=1000):
        batch.append(pledge)
        if len(batch) >= 1000:
            flush()
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    flush()
    yield buffer.getvalue()


@dataclass(slots=True)
class _Group:
    pledge: Pledge
    line: int
    row: dict[str, str]
    evidence: list[tuple[int, dict[str, str]]] = field(default_factory=list)


@dataclass(slots=True)
class ImportResult:
    errors: list[str] = field(default_factory=list)
    drafts: list[Assessment] = field(default_factory=list)
    unchanged: int = 0
    skipped: int = 0


def _decode(data: bytes) -> tuple[str | None, str]:
    if len(data) > MAX_BYTES:
        return None, _("Die Datei ist größer als 10 MB.")
    return spreadsheet.decode(data)


def _same(a: Assessment | None, draft: DraftData) -> bool:
    if a is None:
        return False
    evidence = {(e.kind, e.title, e.url, e.date, e.quote) for e in a.evidence.all()}
    return (
        a.status == draft.status
        and a.assessed_on == draft.assessed_on
        and a.rationale == draft.rationale
        and a.reason == draft.reason
        and evidence == {(e.kind, e.title, e.url, e.date, e.quote) for e in draft.evidence}
    )


def read(data: bytes, pledges: QuerySet[Pledge], user: Any) -> tuple[list[_Group], list[str]]:
    """The file's rows grouped by pledge, and every problem with its line (none: importable)."""
    text, problem = _decode(data)
    if text is None:
        return [], [problem]
    # As Excel saves it too: semicolons (German Excel) or commas.
    delimiter = spreadsheet.dialect(text.split("\n", 1)[0])
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = reader.fieldnames or []
    missing = [c for c in COLUMNS if c not in header]
    unknown = [c for c in header if c not in COLUMNS]
    errors: list[str] = []
    if missing:
        errors.append(_("Zeile 1: Spalten fehlen: %(cols)s") % {"cols": ", ".join(missing)})
    if unknown:
        errors.append(
            _("Zeile 1: unbekannte Spalten: %(cols)s")
            % {"cols": ", ".join(c or "?" for c in unknown)}
        )
    if errors:
        return [], errors
    groups: list[_Group] = []
    allowed = pledges.filter(current=True)
    end = 1  # the header's last line
    for read_row in reader:
        line, end = end + 1, reader.line_num  # a record's first line
        # The export put a quote before cells a spreadsheet would run: taken off again.
        row = {k: spreadsheet.restore(v) if isinstance(v, str) else v for k, v in read_row.items()}
        if len(errors) >= MAX_ERRORS:
            errors.append(_("… weitere Fehler nicht gezeigt."))
            break
        if line > MAX_ROWS:
            errors.append(_("Zeile %(line)d: zu viele Zeilen.") % {"line": line})
            break
        if None in row:
            errors.append(_("Zeile %(line)d: mehr Werte als Spalten.") % {"line": line})
            continue
        raw = str(row.get("pledge") or "").strip()
        try:
            pledge_id = validation.number(raw)
        except ValidationError:
            errors.append(
                _("Zeile %(line)d, pledge: keine Nummer %(v)s.")
                % {"line": line, "v": repr(raw[:20])}
            )
            continue
        if groups and groups[-1].pledge.pk == pledge_id:
            extra = {k: str(row.get(k) or "").strip() for k in ASSESSMENT_COLUMNS}
            first = groups[-1].row
            if any(v and v != first.get(k, "") for k, v in extra.items()):
                errors.append(
                    _(
                        "Zeile %(line)d: weitere Zeile zu Versprechen %(id)s mit anderer "
                        "Bewertung; Bewertungsspalten leer lassen."
                    )
                    % {"line": line, "id": raw}
                )
            groups[-1].evidence.append((line, row))
            continue
        pledge = allowed.filter(pk=pledge_id).first()
        if pledge is None:
            errors.append(
                _("Zeile %(line)d, pledge: Versprechen %(id)s gibt es in dieser Auswahl nicht.")
                % {"line": line, "id": raw}
            )
            continue
        if not holds(user, Role.EDITOR, pledge.body_id):
            errors.append(_("Zeile %(line)d: keine Redaktionsrechte.") % {"line": line})
            continue
        if any(g.pledge.pk == pledge.pk for g in groups[-2000:]):
            errors.append(
                _("Zeile %(line)d: Versprechen %(id)s steht schon weiter oben.")
                % {"line": line, "id": raw}
            )
            continue
        groups.append(_Group(pledge=pledge, line=line, row=row, evidence=[(line, row)]))
    return groups, errors


def _published_evidence(pledge: Pledge) -> set[EvidenceData]:
    current = workflow.published(pledge)
    if current is None:
        return set()
    return {
        EvidenceData(kind=e.kind, title=e.title, url=e.url, date=e.date, quote=e.quote)
        for e in current.evidence.all()
    }


def _check(group: _Group, errors: list[str]) -> DraftData | None:
    """The group's draft, or None when its status is empty (the pledge is left alone)."""
    row = group.row
    items: list[EvidenceData] = []
    problems: list[str] = []
    published: set[EvidenceData] | None = None
    for line, ev in group.evidence:
        raw = {k: ev.get(f"evidence_{k}", "") for k in EVIDENCE_COLUMNS}
        if not any(str(v or "").strip() for v in raw.values()):
            continue
        item, item_errors = evidence_data(raw)
        if item_errors and set(item_errors) <= {"url", "date"}:
            # Published evidence from before address and date were required goes back
            # in as it was exported (a file exported and imported unchanged is fine).
            if published is None:
                published = _published_evidence(group.pledge)
            legacy, legacy_errors = evidence_data(raw, complete=False)
            if not legacy_errors and legacy in published:
                item, item_errors = legacy, {}
        for name, messages in item_errors.items():
            problems += [f"Zeile {line}, evidence_{name}: {m}" for m in messages]
        if item is not None:
            items.append(item)
    if not str(row.get("status") or "").strip():
        if items or problems:
            errors.append(_("Zeile %(line)d, status: Belege ohne Status.") % {"line": group.line})
        return None
    draft, draft_errors = draft_data({k: row.get(k, "") for k in ASSESSMENT_COLUMNS})
    for name, messages in draft_errors.items():
        problems += [f"Zeile {group.line}, {name}: {m}" for m in messages]
    errors += problems
    if draft is None or problems:
        return None
    return DraftData(
        status=draft.status,
        assessed_on=draft.assessed_on,
        rationale=draft.rationale,
        reason=draft.reason,
        evidence=tuple(items),
    )


def import_assessments(data: bytes, pledges: QuerySet[Pledge], user: Any) -> ImportResult:
    """Check the whole file; if it is clean, make a draft in review for each changed row."""
    result = ImportResult()
    groups, result.errors = read(data, pledges, user)
    drafts: list[tuple[Pledge, DraftData]] = []
    for group in groups:
        draft = _check(group, result.errors)
        if draft is None:
            result.skipped += 1
        elif _same(workflow.published(group.pledge), draft):
            result.unchanged += 1
        else:
            drafts.append((group.pledge, draft))
    if result.errors:
        return result
    for pledge, draft in drafts:
        result.drafts.append(workflow.create_draft(user, pledge, draft, submit=True))
    # The body of the file's pledges (a body's or a document's), so its admins see it.
    bodies = list(pledges.order_by().values_list("body_id", flat=True).distinct()[:2])
    audit.record(
        user,
        "assessment.import",
        None,
        object_type="csv",
        body=bodies[0] if len(bodies) == 1 else None,
        after={"drafts": [a.pk for a in result.drafts], "unchanged": result.unchanged},
    )
    return result
