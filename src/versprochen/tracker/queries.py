"""The pledge list's query: filters, search, sorting and page, parsed from a URL's parameters.

Unknown or malformed values never fail: they are ignored and reported in
`problems`, so the page can say what it did with them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from django.db import connection
from django.db.models import Expression, F, Prefetch, QuerySet
from django.db.models.expressions import OrderBy, RawSQL

from versprochen.tracker.models import Body, Document, Pledge, PledgePlace
from versprochen.tracker.search import SearchError, search
from versprochen.tracker.vocabulary import AREA_LABELS, CAP_CHOICES, PledgeKind, Status

PAGE_SIZE = 25
MAX_PAGE = 400  # 10,000 results; beyond, narrow the filters
COUNT_LIMIT = 1000
SORTS = {
    "dokument": ("document_id", "number"),
    "status": ("status", "document_id", "number"),
    "bereich": ("area", "document_id", "number"),
    "aenderung": ("-status_changed_at", "document_id", "number"),
}
FILTERS = ("body", "document", "area", "cap", "kind", "status", "place", "q")


@dataclass(frozen=True, slots=True)
class PledgeQuery:
    body: str = ""
    document: str = ""
    area: str = ""
    cap: int | None = None
    kind: str = ""
    status: str = ""
    place: str = ""
    q: str = ""
    sort: str = "dokument"
    page: int = 1
    problems: tuple[str, ...] = field(default=(), compare=False)

    @classmethod
    def parse(cls, params: Mapping[str, str]) -> PledgeQuery:
        problems: list[str] = []

        def text(name: str, limit: int = 200) -> str:
            value = str(params.get(name, "")).strip()
            if len(value) > limit:
                problems.append(f"{name}: länger als {limit} Zeichen, ignoriert")
                return ""
            return value

        def choice(name: str, allowed: object) -> str:
            value = text(name)
            if value and value not in allowed:  # type: ignore[operator]
                problems.append(f"{name}: unbekannter Wert {value[:40]!r}, ignoriert")
                return ""
            return value

        cap: int | None = None
        raw_cap = text("cap")
        if raw_cap:
            caps = {number for number, _ in CAP_CHOICES}
            if raw_cap.isdigit() and int(raw_cap) in caps:
                cap = int(raw_cap)
            else:
                problems.append(f"cap: unbekanntes Thema {raw_cap[:40]!r}, ignoriert")
        page = 1
        raw_page = text("page")
        if raw_page:
            if raw_page.isdigit() and 1 <= int(raw_page) <= MAX_PAGE:
                page = int(raw_page)
            else:
                problems.append(f"page: Seite 1 bis {MAX_PAGE}, nicht {raw_page[:20]!r}")
        q = str(params.get("q", ""))
        if len(q) > 200:
            problems.append("q: Suchtext länger als 200 Zeichen, ignoriert")
            q = ""
        sort = choice("sort", SORTS) or "dokument"
        return cls(
            body=text("body"),
            document=text("document"),
            area=choice("area", AREA_LABELS),
            cap=cap,
            kind=choice("kind", PledgeKind.values),
            status=choice("status", Status.values),
            place=text("place"),
            q=q.strip(),
            sort=sort,
            page=page,
            problems=tuple(problems),
        )

    def params(self, **changes: object) -> dict[str, str]:
        """The non-default parameters of this query (with `changes`), for a URL."""
        query = replace(self, **changes)  # type: ignore[arg-type]
        out: dict[str, str] = {}
        for name in (*FILTERS, "sort", "page"):
            value = getattr(query, name)
            if value in ("", None) or (name == "sort" and value == "dokument"):
                continue
            if name == "page" and value == 1:
                continue
            out[name] = str(value)
        return out

    def url(self, **changes: object) -> str:
        params = self.params(**changes)
        return "?" + urlencode(params) if params else "?"

    @property
    def filtered(self) -> bool:
        return any(getattr(self, name) not in ("", None) for name in FILTERS)


@dataclass(slots=True)
class PledgePage:
    query: PledgeQuery
    pledges: list[Pledge]
    count: int
    count_capped: bool
    has_next: bool
    problems: list[str]


def pledge_queryset(
    query: PledgeQuery, problems: list[str], within: frozenset[int] | None = None
) -> QuerySet[Pledge]:
    """The query's pledges (of the bodies `within`, when given)."""
    pledges = Pledge.objects.filter(current=True)
    if within is not None:
        pledges = pledges.filter(body__in=within)
    if query.body:
        body = Body.objects.filter(slug=query.body).first()
        if body is None:
            problems.append(f"body: unbekannte Körperschaft {query.body[:40]!r}, ignoriert")
        else:
            pledges = pledges.filter(body=body)
    if query.document:
        document = Document.objects.filter(slug=query.document).first()
        if document is None:
            problems.append(f"document: unbekanntes Dokument {query.document[:40]!r}, ignoriert")
        else:
            pledges = pledges.filter(document=document)
    if query.area:
        pledges = pledges.filter(area=query.area)
    if query.cap is not None:
        pledges = pledges.filter(cap=query.cap)
    if query.kind:
        pledges = pledges.filter(kind=query.kind)
    if query.status:
        pledges = pledges.filter(status=query.status)
    if query.place:
        key = " ".join(query.place.casefold().split())
        pledges = pledges.filter(id__in=PledgePlace.objects.filter(key=key).values("pledge_id"))
    if query.q:
        try:
            pledges = search(pledges, query.q)
        except SearchError as error:
            problems.append(f"q: {error}")
    return pledges.order_by(
        *ordering(query.sort, searching=bool(query.q) and not problems_in(problems, "q"))
    )


def problems_in(problems: list[str], name: str) -> bool:
    return any(p.startswith(name + ":") for p in problems)


# For a search on PostgreSQL the first sort key is wrapped so that no index can
# deliver the order: the planner then collects the (few) matches through the
# full-text and trigram indexes and sorts them, instead of walking the whole list
# in order and testing every row.
_UNINDEXED = {
    "document_id": "tracker_pledge.document_id + 0",
    "status": "tracker_pledge.status || ''",
    "area": "tracker_pledge.area || ''",
    "status_changed_at": "tracker_pledge.status_changed_at + interval '0 seconds'",
}


def ordering(sort: str, searching: bool) -> list[OrderBy | str]:
    keys = SORTS[sort]
    out: list[OrderBy | str] = []
    for i, key in enumerate(keys):
        name = key.lstrip("-")
        if i == 0 and searching and connection.vendor == "postgresql":
            expression: Expression | F = RawSQL(_UNINDEXED[name], ())
        else:
            expression = F(name)
        out.append(expression.desc(nulls_last=True) if key.startswith("-") else expression.asc())
    return out


def pledge_page(query: PledgeQuery, within: frozenset[int] | None = None) -> PledgePage:
    """One page of the list; the count is exact up to COUNT_LIMIT, then 'more than'."""
    problems = list(query.problems)
    pledges = pledge_queryset(query, problems, within)
    offset = (query.page - 1) * PAGE_SIZE
    # The page's documents, bodies and sections come in a second query each (no
    # join: the page query stays a plain index scan, and no document text is read).
    related = (
        Prefetch("document", queryset=Document.objects.defer("text", "tally")),
        "body",
        "section",
    )
    if query.q and offset + PAGE_SIZE < COUNT_LIMIT:
        # A search reads its matches once: their ids in order (at most COUNT_LIMIT + 1)
        # give both the count and the page.
        ids = list(pledges.values_list("id", flat=True)[: COUNT_LIMIT + 1])
        count = len(ids)
        page_ids = ids[offset : offset + PAGE_SIZE + 1]
        by_id = Pledge.objects.prefetch_related(*related).in_bulk(page_ids)
        rows = [by_id[i] for i in page_ids if i in by_id]
    else:
        rows = list(pledges.prefetch_related(*related)[offset : offset + PAGE_SIZE + 1])
        count = pledges.order_by()[: COUNT_LIMIT + 1].count()
    has_next = len(rows) > PAGE_SIZE
    return PledgePage(
        query=query,
        pledges=rows[:PAGE_SIZE],
        count=min(count, COUNT_LIMIT),
        count_capped=count > COUNT_LIMIT,
        has_next=has_next,
        problems=problems,
    )
