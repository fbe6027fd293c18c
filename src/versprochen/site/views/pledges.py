"""The pledge list (filters, search, sorting, pages) and the pledge page."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from versprochen.extraction.types import CAP_TOPICS
from versprochen.site.public import data_changed_at, public_page, respond, wants_json
from versprochen.tracker.models import Body, Document, Mention, Pledge
from versprochen.tracker.public import (
    assessment_json,
    correction_json,
    pledge_json,
    published_assessments,
    versions_of,
)
from versprochen.tracker.queries import MAX_PAGE, PAGE_SIZE, PledgeQuery, pledge_page
from versprochen.tracker.timeline import Event
from versprochen.tracker.vocabulary import AREA_CHOICES, PledgeKind, Status

CONTEXT_CHARS = 240
MAX_OPTIONS = 300  # beyond, the filter is typed (a slug) rather than chosen
MAX_PLEDGE_ID = 2**62
MAX_EVENTS = 200


def options(
    choices: Iterable[tuple[object, object]], selected: object, blank: bool = True
) -> SafeString:
    """`<option>`s for a filter (built here: the template engine is slow for long lists)."""
    return _options([(escape(str(v)), escape(str(label))) for v, label in choices], selected, blank)


def _options(escaped: list[tuple[str, str]], selected: object, blank: bool = True) -> SafeString:
    chosen = escape(str(selected))
    parts = [f'<option value="">{escape(str(_("alle")))}</option>'] if blank else []
    parts += [
        f'<option value="{v}"{" selected" if v == chosen else ""}>{label}</option>'
        for v, label in escaped
    ]
    return mark_safe("".join(parts))  # every value and label is escaped


def _choices() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Bodies and documents for the filters (escaped), read once per change of the data."""
    key = f"choices:{data_changed_at().isoformat()}"
    cached = cache.get(key)
    if cached is None:
        bodies = list(Body.objects.order_by("name").values_list("slug", "name")[:MAX_OPTIONS])
        documents = list(
            Document.objects.exclude(source=None)
            .order_by("title")
            .values_list("slug", "title")[:MAX_OPTIONS]
        )
        cached = (
            [(escape(v), escape(label)) for v, label in bodies],
            [(escape(v), escape(label)) for v, label in documents],
        )
        cache.set(key, cached, 600)
    return cached  # type: ignore[no-any-return]


def _with_selected(
    escaped: list[tuple[str, str]], slug: str, model: type[Body] | type[Document], label: str
) -> list[tuple[str, str]]:
    """The options, and the chosen body or document first when it is not among them (the
    lists stop at MAX_OPTIONS): the form keeps the filter when it is sent again."""
    if not slug or any(value == escape(slug) for value, _label in escaped):
        return escaped
    found = model.objects.filter(slug=slug).values_list("slug", label).first()
    if found is None:  # unknown: the filter is ignored and the page says so
        return escaped
    return [(escape(found[0]), escape(found[1])), *escaped]


def _rows(pledges: list[Pledge], pages: dict[int, int]) -> list[dict[str, object]]:
    """What a row of the list shows, with labels translated once per request."""
    areas = {value: str(label) for value, label in AREA_CHOICES}
    statuses = {value: str(label) for value, label in Status.choices}
    return [
        {
            "pk": p.pk,
            "text": p.text,
            "status": p.status,
            "status_label": statuses.get(p.status, p.status),
            "area_label": areas.get(p.area, p.area),
            "body": p.body.name,
            "document": p.document.title,
            "page": pages.get(p.pk),
        }
        for p in pledges
    ]


def _first_pages(pledges: list[Pledge]) -> dict[int, int]:
    pages: dict[int, int] = {}
    for pledge_id, page in (
        Mention.objects.filter(pledge__in=pledges).order_by("start").values_list("pledge", "page")
    ):
        pages.setdefault(pledge_id, page)
    return pages


@public_page
def pledge_list(request: HttpRequest) -> HttpResponse:
    query = PledgeQuery.parse(request.GET)
    page = pledge_page(query)
    pages = _first_pages(page.pledges)
    data = {
        "query": query.params(),
        "page": query.page,
        "page_size": PAGE_SIZE,
        "count": page.count,
        "count_is_lower_bound": page.count_capped,
        "next": query.url(page=query.page + 1) if page.has_next else None,
        "previous": query.url(page=query.page - 1) if query.page > 1 else None,
        "problems": page.problems,
        "pledges": [{**pledge_json(p), "page": pages.get(p.pk)} for p in page.pledges],
    }
    if wants_json(request):
        return respond(request, "", {}, data)
    context = {
        "query": query,
        "result": page,
        "rows": _rows(page.pledges, pages),
        "options": {
            "body": _options(_with_selected(_choices()[0], query.body, Body, "name"), query.body),
            "document": _options(
                _with_selected(_choices()[1], query.document, Document, "title"), query.document
            ),
            "area": options(AREA_CHOICES, query.area),
            "cap": options(
                [(n, f"{n} {name}") for n, name in sorted(CAP_TOPICS.items())], query.cap or ""
            ),
            "kind": options(PledgeKind.choices, query.kind),
            "status": options(Status.choices, query.status),
        },
        "sorts": options(
            [
                ("dokument", _("Reihenfolge im Dokument")),
                ("status", _("Status")),
                ("bereich", _("Politikfeld")),
                ("aenderung", _("Letzte Statusänderung")),
            ],
            query.sort,
            blank=False,
        ),
        "next_url": data["next"],
        "previous_url": data["previous"],
        "json_url": query.url() + ("&" if query.params() else "") + "format=json",
        "max_page": MAX_PAGE,
        "pledge_url": reverse("site:pledges"),
        "page_abbr": _("S."),
    }
    partial = bool(request.headers.get("HX-Request"))
    template = "site/pledge_results.html" if partial else "site/pledge_list.html"
    return render(request, template, context)


def _quote(text: str, start: int, end: int) -> dict[str, str]:
    before = text[max(0, start - CONTEXT_CHARS) : start]
    after = text[end : end + CONTEXT_CHARS]
    return {
        "before": ("…" if start > CONTEXT_CHARS else "") + before,
        "quote": text[start:end],
        "after": after + ("…" if end + CONTEXT_CHARS < len(text) else ""),
    }


@public_page
def pledge_detail(request: HttpRequest, pk: int) -> HttpResponse:
    if pk > MAX_PLEDGE_ID:
        raise Http404
    pledge = (
        Pledge.objects.select_related("document", "body", "section", "document__body")
        .filter(pk=pk)
        .first()
    )
    if pledge is None:
        raise Http404
    mentions = list(pledge.mentions.order_by("start"))
    gone_in, mentions_version = versions_of(pledge)
    if gone_in is None:
        text = pledge.document.text
        quotes = [(m, _quote(text, m.start, m.end)) for m in mentions]
    else:  # places in an earlier version of the text: only their own wording
        quotes = [(m, {"before": "", "quote": m.text, "after": ""}) for m in mentions]
    assessments = published_assessments(pledge)
    corrections = list(pledge.corrections.order_by("created_at", "id")[:MAX_EVENTS])
    timeline = sorted(
        [Event(at=a.published_at or a.created_at, pledge_id=pk, assessment=a) for a in assessments]
        + [Event(at=c.created_at, pledge_id=pk, correction=c) for c in corrections],
        key=lambda e: e.at,
    )
    data = {
        **pledge_json(pledge, mentions),
        "current": pledge.current,
        "gone_in_version": gone_in,
        "mentions_version": mentions_version,
        "excluded": pledge.excluded or None,
        "merged_into": pledge.merged_into_id,
        "assessments": [assessment_json(a, a.evidence.all()) for a in assessments],
        "corrections": [correction_json(c) for c in corrections],
    }
    context = {
        "pledge": pledge,
        "quotes": quotes,
        "assessments": assessments,
        "timeline": timeline,
        "cap_topic": CAP_TOPICS.get(pledge.cap, ""),
        "gone_in": gone_in,
        "mentions_version": mentions_version,
        "section": pledge.section.title if pledge.section else pledge.gone_section,
    }
    return respond(request, "site/pledge_detail.html", context, data)
