"""Full-text search over pledge texts that finds German word parts.

SQLite uses the FTS5 trigram table of migration 0002 ("sozialarbeit" is a
substring of "Schulsozialarbeit"); PostgreSQL uses German text search (stems)
or a pg_trgm-indexed ILIKE (word parts). Both read only the index, never the
whole table.
"""

from __future__ import annotations

import re

from django.db import connection
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from versprochen.tracker.models import Pledge

MAX_QUERY_CHARS = 200
MAX_TERMS = 8
MIN_TERM_CHARS = 3


class SearchError(ValueError):
    """A search string the index cannot answer; the message says why."""


def terms_of(query: str) -> list[str]:
    """The words of `query` the search uses (at least 3 characters, at most 8 words)."""
    if len(query) > MAX_QUERY_CHARS:
        raise SearchError(_("Suchtext länger als %(n)d Zeichen") % {"n": MAX_QUERY_CHARS})
    words = [w for w in re.findall(r"\w[\w\-]*", query) if len(w) >= MIN_TERM_CHARS]
    if query.strip() and not words:
        raise SearchError(_("Suchwörter brauchen mindestens %(n)d Zeichen") % {"n": MIN_TERM_CHARS})
    return words[:MAX_TERMS]


def postgres_conditions(terms: list[str]) -> list[tuple[str, list[str]]]:
    """One SQL condition per word (all must hold) on the columns of `tracker_pledge`: its
    German stem (inflections) or, through the trigram index, the word part anywhere."""
    out = []
    for term in terms:
        like = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        out.append(
            (
                "(tracker_pledge.search_german @@ plainto_tsquery('german'::regconfig, %s) "
                "OR tracker_pledge.text ILIKE %s)",
                [term, like],
            )
        )
    return out


def search(pledges: QuerySet[Pledge], query: str) -> QuerySet[Pledge]:
    """`pledges` narrowed to those whose text contains every word of `query`."""
    terms = terms_of(query)
    if not terms:
        return pledges
    if connection.vendor == "postgresql":
        for sql, params in postgres_conditions(terms):
            pledges = pledges.extra(where=[sql], params=params)
        return pledges
    match = " ".join('"' + t.replace('"', '""') + '"' for t in terms)
    return pledges.extra(
        where=[
            "tracker_pledge.id IN (SELECT rowid FROM tracker_pledge_fts "
            "WHERE tracker_pledge_fts MATCH %s)"
        ],
        params=[match],
    )
