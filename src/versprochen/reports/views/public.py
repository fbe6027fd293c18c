"""Public pages: published reports (HTML page, HTML file, PDF) and comparisons.

Drafts are never public: every lookup here asks for a published report. A
comparison's page shows confirmed items only.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse

from versprochen.reports import comparison as comparisons
from versprochen.reports.models import Comparison, Report, ReportState
from versprochen.reports.render import origin_chart
from versprochen.site.public import public_page, respond
from versprochen.tracker import spreadsheet

PAIRS_PER_PAGE = 100
LIST_LIMIT = 200


def _published(slug: str) -> Report:
    report = Report.objects.filter(slug=slug, state=ReportState.PUBLISHED).first()
    if report is None:
        raise Http404
    return report


def _report_json(report: Report) -> dict[str, Any]:
    return {
        "slug": report.slug,
        "title": report.title,
        "kind": report.kind,
        "body": report.body.slug,
        "period": {"start": report.period_start.isoformat(), "end": report.period_end.isoformat()},
        "published_at": report.published_at.isoformat() if report.published_at else None,
        "snapshot_sha256": report.snapshot_sha256,
        "url": reverse("site:report", kwargs={"slug": report.slug}),
        "html": reverse("site:report_html", kwargs={"slug": report.slug}),
        "pdf": reverse("site:report_pdf", kwargs={"slug": report.slug}),
    }


@public_page
def report_list(request: HttpRequest) -> HttpResponse:
    reports = list(
        Report.objects.filter(state=ReportState.PUBLISHED)
        .select_related("body")
        .defer("snapshot", "html", "pdf")
        .order_by("-published_at", "-id")[:LIST_LIMIT]
    )
    data = {"reports": [_report_json(r) for r in reports]}
    return respond(request, "reports/report_list.html", {"reports": reports}, data)


def fragment(html: str) -> str:
    """The report's content inside the stored document's <main>."""
    start, end = html.find("<main>"), html.rfind("</main>")
    return html[start + len("<main>") : end] if start >= 0 and end > start else html


@public_page
def report_page(request: HttpRequest, slug: str) -> HttpResponse:
    report = _published(slug)
    data = {**_report_json(report), "snapshot": json.loads(report.snapshot)}
    context = {"report": report, "content": fragment(report.html)}
    return respond(request, "reports/report_page.html", context, data)


@public_page
def report_html(request: HttpRequest, slug: str) -> HttpResponse:
    report = _published(slug)
    return HttpResponse(report.html, content_type="text/html; charset=utf-8")


@public_page
def report_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    report = _published(slug)
    response = HttpResponse(bytes(report.pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{report.slug}.pdf"'
    return response


def _comparison(slug: str) -> Comparison:
    found = Comparison.objects.filter(agreement__slug=slug).select_related("agreement").first()
    if found is None:
        raise Http404
    return found


def _pair_json(pair: comparisons.Pair) -> dict[str, Any]:
    agreement, program = pair.agreement_pledge, pair.program_pledge
    return {
        "agreement_pledge": {
            "id": agreement.pk,
            "number": agreement.number,
            "text": agreement.text,
        },
        "program": pair.program or None,
        "program_pledge": {"id": program.pk, "number": program.number, "text": program.text}
        if program
        else None,
        "relation": pair.relation or None,
    }


@public_page
def comparison_page(request: HttpRequest, slug: str) -> HttpResponse:
    found = _comparison(slug)
    shares = comparisons.figures(found)
    pairs = comparisons.pairs(found)
    page = Paginator(pairs, PAIRS_PER_PAGE).get_page(request.GET.get("page"))
    programs = shares["programs"]
    chart = ""
    if programs and shares["confirmed"]:
        chart = origin_chart(programs, "comparison-chart-title")
    data = {
        **shares,
        "page": page.number,
        "pages": page.paginator.num_pages,
        "pairs": [_pair_json(p) for p in page.object_list],
    }
    context = {"comparison": found, "shares": shares, "page": page, "chart": chart}
    return respond(request, "reports/comparison_page.html", context, data)


def _csv_rows(pairs: list[comparisons.Pair]) -> Iterator[list[Any]]:
    yield [
        "agreement_pledge_id",
        "agreement_pledge_number",
        "agreement_pledge_text",
        "program",
        "program_pledge_id",
        "program_pledge_number",
        "program_pledge_text",
        "relation",
    ]
    for pair in pairs:
        program = pair.program_pledge
        yield [
            pair.agreement_pledge.pk,
            pair.agreement_pledge.number,
            pair.agreement_pledge.text,
            pair.program,
            program.pk if program else "",
            program.number if program else "",
            program.text if program else "",
            pair.relation,
        ]


def _csv_lines(pairs: list[comparisons.Pair]) -> Iterator[str]:
    # One line at a time through the tracker's one CSV writer (formula-safe, CRLF).
    for row in _csv_rows(pairs):
        buffer = io.StringIO()
        spreadsheet.writer(buffer).writerow(row)
        yield buffer.getvalue()


@public_page
def comparison_csv(request: HttpRequest, slug: str) -> HttpResponse:
    found = _comparison(slug)
    # One agreement's pairs: a few thousand rows at most, so one response, cacheable.
    content = "".join(_csv_lines(comparisons.pairs(found)))
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="vergleich-{slug}.csv"'
    return response
