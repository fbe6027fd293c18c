"""The pledge list (filters, search, sorting, pages) and the pledge page."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from html import escape

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from versprochen.site.public import data_changed_at, public_page, respond, wants_json
from versprochen.tracker.cap_topics import CAP_LABELS, cap_label
from versprochen.tracker.citation import citation, document_has_pages
from versprochen.tracker.models import Body, Document, Mention, Pledge
from versprochen.tracker.public import (
    assessment_json,
    correction_json,
    pledge_json,
    published_assessments,
    versions_of,
)
from versprochen.tracker.queries import MAX_PAGE, PAGE_SIZE, PledgePage, PledgeQuery, pledge_page
from versprochen.tracker.search import SearchError, corrected, unmatched, vocabulary
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


def _vocabulary() -> list[str]:
    """The words of the current pledges, for correcting typos (once per change of the data)."""
    key = f"vocabulary:{data_changed_at().isoformat()}"
    words = cache.get(key)
    if words is None:
        words = vocabulary(Pledge.objects.filter(current=True))
        cache.set(key, words, 600)
    return words  # type: ignore[no-any-return]


def _suggestion(query: PledgeQuery, page: PledgePage) -> str | None:
    """The search with its typos corrected, when a word was found nowhere ("Radwge")."""
    if not query.q or any(p.startswith("q:") for p in page.problems):
        return None
    if page.count and page.partial_from is None:
        return None  # every result holds every word
    try:
        typos = unmatched(Pledge.objects.filter(current=True), query.q)
    except SearchError:
        return None
    return corrected(query.q, typos, _vocabulary()) if typos else None


FOLDED_FILTERS = ("body", "document", "area", "cap", "kind", "status", "place")
MAX_PLACES = 500


def _filters_set(query: PledgeQuery) -> int:
    """How many of the folded filters are set (the control says so when closed)."""
    return sum(getattr(query, name) not in ("", None) for name in FOLDED_FILTERS) + (
        query.sort != "dokument"
    )


def _place_options() -> SafeString:
    """The places pledges name, as suggestions for the place filter (read once per change
    of the data)."""
    key = f"places:{data_changed_at().isoformat()}"
    cached = cache.get(key)
    if cached is None:
        names: dict[str, str] = {}
        rows = Pledge.objects.filter(current=True).exclude(places=[]).values_list("places")
        for (places,) in rows.iterator(chunk_size=2000):
            for name in places:
                names.setdefault(" ".join(str(name).casefold().split()), str(name))
        chosen = sorted(names.values(), key=str.casefold)[:MAX_PLACES]
        cached = "".join(f'<option value="{escape(n)}"></option>' for n in chosen)
        cache.set(key, cached, 600)
    return mark_safe(str(cached))  # every name is escaped


def _rows(pledges: list[Pledge], pages: dict[int, int | None]) -> list[dict[str, object]]:
    """What a row of the list shows, with labels translated once per request: the place is
    the page, or for a source without pages the section."""
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
            "section": p.section.title if p.section_id and p.section else "",
        }
        for p in pledges
    ]


def _first_pages(pledges: list[Pledge]) -> dict[int, int | None]:
    """Each pledge's first page; None where its source has no pages."""
    paged = {p.pk: document_has_pages(p.document) for p in pledges}
    pages: dict[int, int | None] = {}
    for pledge_id, page in (
        Mention.objects.filter(pledge__in=pledges).order_by("start").values_list("pledge", "page")
    ):
        pages.setdefault(pledge_id, page if paged.get(pledge_id) else None)
    return pages


@public_page
def pledge_list(request: HttpRequest) -> HttpResponse:
    query = PledgeQuery.parse(request.GET)
    page = pledge_page(query)
    suggestion = _suggestion(query, page)
    if suggestion is not None and page.count == 0:
        # Nothing for the words as typed: the results for the corrected words, saying so.
        page = pledge_page(replace(query, q=suggestion, page=1))
        suggestion_shown = True
    else:
        suggestion_shown = False
    pages = _first_pages(page.pledges)
    data = {
        "suggestion": suggestion,
        "results_for": suggestion if suggestion_shown else query.q or None,
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
                [(n, f"{n} {name}") for n, name in sorted(CAP_LABELS.items())], query.cap or ""
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
        "suggestion": (
            {"text": suggestion, "url": query.url(q=suggestion, page=1), "shown": suggestion_shown}
            if suggestion
            else None
        ),
        "filters_set": _filters_set(query),
        "places": _place_options(),
        "next_url": data["next"],
        "previous_url": data["previous"],
        "json_url": query.url() + ("&" if query.params() else "") + "format=json",
        "max_page": MAX_PAGE,
        "pledge_url": reverse("site:pledges"),
        "page_abbr": _("S."),
    }
    # htmx swaps the form with the results, so that Back shows the filters that belong to
    # the results; the swapped element is htmx's history element, so a history restore
    # from the server takes it from this same answer.
    partial = bool(request.headers.get("HX-Request"))
    # Choosing one filter of several: the swapped form keeps them open.
    context["filters_open"] = partial and _filters_set(query) > 0
    template = "site/pledge_listing.html" if partial else "site/pledge_list.html"
    response = render(request, template, context)
    if partial:  # the address bar shows the query without its empty fields
        response["HX-Push-Url"] = reverse("site:pledges") + query.url().rstrip("?")
    return response


def _quote(text: str, start: int, end: int) -> dict[str, str]:
    """The mention with up to CONTEXT_CHARS of context each side, cut at word boundaries
    (never inside a word: "…haffen.")."""
    low = max(0, start - CONTEXT_CHARS)
    if low > 0 and not text[low - 1].isspace():
        space = _first_space(text, low, start)
        low = start if space is None else space + 1
    high = min(len(text), end + CONTEXT_CHARS)
    if high < len(text) and not text[high].isspace():
        space = _last_space(text, end, high)
        high = end if space is None else space
    before, after = text[low:start], text[end:high]
    return {
        "before": ("… " if low > 0 and before.strip() else "") + before.lstrip(),
        "quote": text[start:end],
        "after": after.rstrip() + (" …" if high < len(text) and after.strip() else ""),
    }


def _first_space(text: str, low: int, high: int) -> int | None:
    for i in range(low, high):
        if text[i].isspace():
            return i
    return None


def _last_space(text: str, low: int, high: int) -> int | None:
    for i in range(high - 1, low - 1, -1):
        if text[i].isspace():
            return i
    return None


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
    document = pledge.document
    if gone_in is None:
        text = document.text
        quotes = [(m, _quote(text, m.start, m.end)) for m in mentions]
    else:  # places in an earlier version of the text: only their own wording
        quotes = [(m, {"before": "", "quote": m.text, "after": ""}) for m in mentions]
    cited = _citations(pledge, mentions, gone_in is not None)
    quoted = [(m, q, c) for (m, q), c in zip(quotes, cited, strict=True)]
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
        "citations": cited,
        "source_file": request.build_absolute_uri(reverse("site:source", args=[document.slug])),
        "source_sha256": document.source.sha256 if document.source else None,
        "source_url": document.source_url or None,
        "assessments": [assessment_json(a, a.evidence.all()) for a in assessments],
        "corrections": [correction_json(c) for c in corrections],
    }
    context = {
        "pledge": pledge,
        "quotes": quoted,
        "assessments": assessments,
        "timeline": timeline,
        "cap_topic": cap_label(pledge.cap),
        "citations": cited,
        "source": document.source,
        "has_pages": document_has_pages(document),
        "gone_in": gone_in,
        "mentions_version": mentions_version,
        "section": pledge.section.title if pledge.section else pledge.gone_section,
    }
    return respond(request, "site/pledge_detail.html", context, data)


def _citations(pledge: Pledge, mentions: list[Mention], gone: bool) -> list[str]:
    """How each mention is cited: "S. 4", or section and paragraph for a source without
    pages (a gone pledge's places are in an earlier text: its section only)."""
    out = []
    for m in mentions:
        document = pledge.document if m.document_id == pledge.document_id else m.document
        if gone and not document_has_pages(document):
            title = pledge.gone_section or ""
            out.append(str(_("Abschnitt „%(section)s“") % {"section": title}) if title else "")
            continue
        section = document.sections.filter(start__lte=m.start).order_by("-start").first()
        out.append(
            citation(
                m,
                document,
                section.title if section else None,
                section.start if section else None,
            )
        )
    return out
