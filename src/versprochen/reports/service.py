"""Making and publishing reports: the one place that stores a `Report`.

`make` takes the snapshot, renders HTML and PDF from it and stores all of it as a
draft; `publish` makes a draft public (and final); `rerender` renders a stored
snapshot again, which gives the stored HTML byte for byte.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import override

from versprochen.reports import render, snapshot
from versprochen.reports.models import Report, ReportKind, ReportState
from versprochen.tracker.models import Body, Document


class ReportInputError(ValueError):
    """A report that cannot be made (unknown body, a year out of range)."""


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date
    title: str


def yearly_period(body: Body, year: int, today: dt.date) -> Period:
    if not 1990 <= year <= today.year:
        raise ReportInputError(f"year {year}: not between 1990 and {today.year}")
    end = min(dt.date(year, 12, 31), today)
    title = _("Jahresbilanz %(year)d: %(body)s") % {"year": year, "body": body.name}
    return Period(dt.date(year, 1, 1), end, title)


def midterm_period(body: Body, today: dt.date) -> Period:
    """From the start of the agreement (its date, else its first term year) to today."""
    documents = snapshot.documents_of(body)
    if not documents:
        raise ReportInputError(f"{body.slug}: no document to report on")
    starts = [d.date or (dt.date(d.term_start, 1, 1) if d.term_start else None) for d in documents]
    start = min((s for s in starts if s), default=dt.date(today.year, 1, 1))
    if start > today:
        raise ReportInputError(f"{body.slug}: the term starts after {today.isoformat()}")
    terms = sorted({f"{d.term_start}–{d.term_end}" for d in documents if d.term_start})
    label = terms[0] if terms else f"{start.year}–{today.year}"
    title = _("Halbzeitbilanz %(term)s: %(body)s") % {"term": label, "body": body.name}
    return Period(start, today, title)


def _unique_slug(base: str) -> str:
    slug, number = base, 2
    while Report.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def make(
    body: Body,
    kind: str,
    *,
    year: int | None = None,
    today: dt.date | None = None,
    user: Any = None,
    base_url: str = "",
    language: str = "de",
) -> Report:
    """Snapshot, render and store a draft report of `body`."""
    today = today or timezone.localdate()
    with override(language):
        if kind == ReportKind.YEARLY:
            if year is None:
                raise ReportInputError("a yearly report needs its year")
            period = yearly_period(body, year, today)
        elif kind == ReportKind.MIDTERM:
            period = midterm_period(body, today)
        else:
            raise ReportInputError(f"unknown report kind {kind[:20]!r}")
        # In the report's language: the snapshot keeps labels (policy areas) as text.
        data = snapshot.build(
            body,
            kind,
            period.start,
            period.end,
            title=period.title,
            made_on=today,
            base_url=base_url,
            language=language,
        )
    text, sha256 = snapshot.freeze(data)
    html = render.render_html(data, sha256)
    pdf = render.render_pdf(html)
    suffix = str(year) if kind == ReportKind.YEARLY else "halbzeit"
    return Report.objects.create(
        kind=kind,
        body=body,
        slug=_unique_slug(slugify(f"{body.slug}-{suffix}-{today.isoformat()}")),
        title=period.title,
        period_start=period.start,
        period_end=period.end,
        language=language,
        snapshot=text,
        snapshot_sha256=sha256,
        html=html,
        pdf=pdf,
        created_by=user if getattr(user, "pk", None) else None,
    )


def rerender(report: Report) -> str:
    """The report's HTML rendered again from its stored snapshot."""
    return render.render_html(snapshot.thaw(report.snapshot), report.snapshot_sha256)


def publish(report: Report, user: Any = None) -> Report:
    """Make a draft public; from now on nothing of it changes."""
    if report.published:
        return report
    report.state = ReportState.PUBLISHED
    report.published_at = timezone.now()
    report.published_by = user if getattr(user, "pk", None) else None
    report.save(update_fields=["state", "published_at", "published_by"])
    # Public pages are cached until a document changes: the start and body pages link it.
    Document.objects.filter(body=report.body).update(changed_at=timezone.now())
    return report
