"""The pledge list's query: filters, search, sorting and page, parsed from a URL's parameters.

Unknown or malformed values never fail: they are ignored and reported in
`problems`, so the page can say what it did with them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Expression, F, Prefetch, Q, QuerySet
from django.db.models.expressions import OrderBy, RawSQL
from django.utils.translation import gettext as _

from versprochen.tracker import validation
from versprochen.tracker.models import Body, Document, Pledge, PledgePlace
from versprochen.tracker.search import (
    SearchError,
    more_matches,
    postgres_conditions,
    search,
    terms_of,
    too_short,
)
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
                problems.append(
                    f"{name}: " + _("länger als %(limit)d Zeichen, ignoriert") % {"limit": limit}
                )
                return ""
            return value

        def choice(name: str, allowed: object) -> str:
            value = text(name)
            if value and value not in allowed:  # type: ignore[operator]
                problems.append(
                    f"{name}: "
                    + _("unbekannter Wert %(value)s, ignoriert") % {"value": repr(value[:40])}
                )
                return ""
            return value

        cap: int | None = None
        raw_cap = text("cap")
        if raw_cap:
            caps = {number for number, _ in CAP_CHOICES}
            try:
                cap = validation.number(raw_cap, 0, 10_000)
            except ValidationError:
                cap = None
            if cap not in caps:
                cap = None
                problems.append(
                    "cap: "
                    + _("unbekanntes Thema %(value)s, ignoriert") % {"value": repr(raw_cap[:40])}
                )
        page = 1
        raw_page = text("page")
        if raw_page:
            try:
                page = validation.number(raw_page, 1, MAX_PAGE)
            except ValidationError:
                problems.append(
                    "page: "
                    + _("Seite 1 bis %(max)d, nicht %(value)s")
                    % {"max": MAX_PAGE, "value": repr(raw_page[:20])}
                )
        q = str(params.get("q", ""))
        if len(q) > 200:
            problems.append("q: " + _("Suchtext länger als 200 Zeichen, ignoriert"))
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
    # How many results hold every search word in their text (the rest, ranked after
    # them, hold them in a mention's wording or section title, or hold only some);
    # None when every result holds all in its text.
    partial_from: int | None = None


def pledge_queryset(
    query: PledgeQuery, problems: list[str], within: frozenset[int] | None = None
) -> QuerySet[Pledge]:
    """The query's pledges (of the bodies `within`, when given), in order."""
    return _searched(_filtered(query, problems, within), query, problems)


def _searched(
    pledges: QuerySet[Pledge], query: PledgeQuery, problems: list[str]
) -> QuerySet[Pledge]:
    if query.q:
        try:
            pledges = search(pledges, query.q)
        except SearchError as error:
            # Nothing to search for: say so, and list nothing rather than everything.
            problems.append(f"q: {error}")
            pledges = pledges.none()
        else:
            short = too_short(query.q)
            if short:
                problems.append(
                    "q: "
                    + _("zu kurz und daher nicht gesucht: %(words)s")
                    % {"words": ", ".join(repr(w) for w in short[:5])}
                )
    return pledges.order_by(
        *ordering(query.sort, searching=bool(query.q) and not problems_in(problems, "q"))
    )


def _filtered(
    query: PledgeQuery, problems: list[str], within: frozenset[int] | None = None
) -> QuerySet[Pledge]:
    """The query's pledges without its search, unordered."""
    pledges = Pledge.objects.filter(current=True)
    if within is not None:
        pledges = pledges.filter(body__in=within)
    if query.body:
        body = Body.objects.filter(slug=query.body).first()
        if body is None:
            problems.append(
                "body: "
                + _("unbekannte Körperschaft %(value)s, ignoriert")
                % {"value": repr(query.body[:40])}
            )
        else:
            pledges = pledges.filter(body=body)
    if query.document:
        document = Document.objects.filter(slug=query.document).first()
        if document is None:
            problems.append(
                "document: "
                + _("unbekanntes Dokument %(value)s, ignoriert")
                % {"value": repr(query.document[:40])}
            )
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
        # A part of a name finds it ("wanne" finds "herne-wanne"); keys are case-folded.
        key = " ".join(query.place.casefold().split())
        pledges = pledges.filter(
            id__in=PledgePlace.objects.filter(key__contains=key).values("pledge_id")
        )
    return pledges


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


# A search on PostgreSQL (see `_postgres_search_ids`): the rows of the list walked in
# order at most, when the words are common.
WALK_ROWS = 10_000
MAX_DRIVERS = 3
_GERMAN = {"search_german": "tracker_pledge.search_german"}
Condition = tuple[str, list[str]]


def _order_sql(sort: str) -> str:
    return ", ".join(
        f'tracker_pledge."{k.lstrip("-")}" ' + ("DESC NULLS LAST" if k.startswith("-") else "ASC")
        for k in SORTS[sort]
    )


def _ids(sql: str, params: Sequence[Any]) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def _where(conditions: Sequence[Condition]) -> tuple[str, list[str]]:
    return (
        " AND ".join(sql for sql, _ in conditions) or "TRUE",
        [p for _, params in conditions for p in params],
    )


def _matches(
    filtered: QuerySet[Pledge],
    driver: Condition,
    others: Sequence[Condition],
    columns: Sequence[str],
    sort: str,
    cap: int,
) -> tuple[list[int], int]:
    """The ids matching `driver` and `others` in the list's order, found through the
    indexes of `driver` alone among at most `cap` of its rows, and how many rows that
    were (fewer than `cap`: every match). The planner cannot use the other words'
    indexes or walk the list instead: it pushes no condition into a CTE."""
    sql, params = (
        filtered.order_by()
        .extra(select=_GERMAN, where=[driver[0]], params=driver[1])
        .values(*columns, "text", "search_german")
        .query.sql_with_params()
    )
    where, where_params = _where(others)
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH candidates AS MATERIALIZED ({sql} LIMIT {int(cap)}) "
            "SELECT (SELECT count(*) FROM candidates), ARRAY(SELECT tracker_pledge.id "
            f"FROM candidates AS tracker_pledge WHERE {where} ORDER BY {_order_sql(sort)})",
            [*params, *where_params],
        )
        candidates, ids = cursor.fetchone()
    return list(ids), int(candidates)


def _walk(
    filtered: QuerySet[Pledge],
    conditions: Sequence[Condition],
    columns: Sequence[str],
    sort: str,
    window: int,
    need: int,
) -> list[int]:
    """The first `need` ids among the first `window` rows of the list that match: the
    list's index is walked in order and the walk stops when `need` are found."""
    sql, params = (
        filtered.order_by(*ordering(sort, searching=False))
        .extra(select=_GERMAN)
        .values(*columns, "text", "search_german")[:window]
        .query.sql_with_params()
    )
    where, where_params = _where(conditions)
    with transaction.atomic(), connection.cursor() as cursor:
        # The walk must follow the order's index (and stop at `need`); without table
        # statistics, or when the window exceeds the rows it expects, the planner would
        # rather read and sort the whole table. The settings hold for this query only:
        # a savepoint does not end them, so they are put back (the caller's transaction
        # goes on).
        cursor.execute(
            "SELECT current_setting('enable_seqscan'), current_setting('enable_sort'), "
            "set_config('enable_seqscan', 'off', true), set_config('enable_sort', 'off', true)"
        )
        seqscan, sort_setting = cursor.fetchone()[:2]
        try:
            cursor.execute(
                f"SELECT tracker_pledge.id FROM ({sql}) AS tracker_pledge WHERE {where} "
                f"ORDER BY {_order_sql(sort)} LIMIT %s",
                [*params, *where_params, need],
            )
            return [row[0] for row in cursor.fetchall()]
        finally:
            cursor.execute(
                "SELECT set_config('enable_seqscan', %s, true), "
                "set_config('enable_sort', %s, true)",
                [seqscan, sort_setting],
            )


def _postgres_search_ids(
    filtered: QuerySet[Pledge], q: str, sort: str, need: int
) -> tuple[list[int], int]:
    """The first `need` matching ids in the list's order and the number of matches (at
    least `cap` > COUNT_LIMIT when there are more), reading a bounded number of rows.

    A search word is found through the trigram and German full-text indexes; the rows
    they name are then read and tested. Left alone, PostgreSQL drives a search of several
    words by the one it guesses rarest (it cannot know how common a word part is) and
    reads all of its rows, and sorts every match of a common word. So:

    1. A word drives (the longest first, at most MAX_DRIVERS of them): at most `cap` of its
       rows are read and tested for the other words. Fewer than `cap` such rows means
       every match is among them: sorted, done, the count is exact.
    2. Otherwise the words are common: walk the list in its order (its index, at most
       `window` rows) and test each row; common words fill the page after a few rows.
    3. Only when the matches lie further down the list than the window: the full query.
    """
    columns = ["id", *(k.lstrip("-") for k in SORTS[sort])]
    cap = max(COUNT_LIMIT + 1, need)
    terms = terms_of(q)
    conditions = postgres_conditions(terms)
    longest = sorted(range(len(terms)), key=lambda i: -len(terms[i]))
    for i in longest[:MAX_DRIVERS]:
        others = conditions[:i] + conditions[i + 1 :]
        found, read = _matches(filtered, conditions[i], others, columns, sort, cap)
        if read < cap:
            return found, len(found)
    window = min(max(WALK_ROWS, 4 * need), 5 * WALK_ROWS)
    found = _walk(filtered, conditions, columns, sort, window, need)
    if len(found) < need:
        exact = search(filtered, q).order_by(*ordering(sort, searching=True))
        found = list(exact.values_list("id", flat=True)[:need])
    return found, cap


def pledge_page(
    query: PledgeQuery, within: frozenset[int] | None = None, extra: Q | None = None
) -> PledgePage:
    """One page of the list; the count is exact up to COUNT_LIMIT, then 'more than'.
    `extra`: a further condition (the editors' "not assessed yet", "assessed before")."""
    problems = list(query.problems)
    filtered = _filtered(query, problems, within)
    if extra is not None:
        filtered = filtered.filter(extra)
    pledges = _searched(filtered, query, problems)
    offset = (query.page - 1) * PAGE_SIZE
    # The page's documents, bodies and sections come in a second query each (no
    # join: the page query stays a plain index scan, and no document text is read).
    related = (
        Prefetch("document", queryset=Document.objects.defer("text", "tally")),
        "body",
        "section",
    )
    searching = bool(query.q) and not problems_in(problems, "q")
    partial_from: int | None = None
    if searching and connection.vendor == "postgresql":
        need = offset + PAGE_SIZE + 1
        ids, count = _postgres_search_ids(filtered, query.q, query.sort, need)
        if count <= COUNT_LIMIT:  # exact: every match is in `ids`
            ids, partial_from = _with_more_matches(filtered, query, ids)
            count = len(ids)
        page_ids = ids[offset:need]
        by_id = Pledge.objects.prefetch_related(*related).in_bulk(page_ids)
        rows = [by_id[i] for i in page_ids if i in by_id]
    elif query.q:
        # A search reads its matches' ids once, in order (through this page, at least
        # COUNT_LIMIT + 1): they give both the count and the page; with fewer than that,
        # every match is among them and those with only some of the words follow.
        ids = list(pledges.values_list("id", flat=True)[: max(COUNT_LIMIT, offset + PAGE_SIZE) + 1])
        if len(ids) <= COUNT_LIMIT and searching:
            ids, partial_from = _with_more_matches(filtered, query, ids)
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
        partial_from=partial_from,
    )


def _with_more_matches(
    filtered: QuerySet[Pledge], query: PledgeQuery, ids: list[int]
) -> tuple[list[int], int | None]:
    """`ids` (every pledge with all search words in its text) followed by those holding
    them in a mention's wording or section title, or only some of them, ranked; and how
    many hold all in their text (None when none were added)."""
    more = more_matches(
        filtered, query.q, ids, ordering(query.sort, searching=False), COUNT_LIMIT + 1 - len(ids)
    )
    if not more:
        return ids, None
    return ids + more, len(ids)
