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

from versprochen.tracker.models import Pledge

MAX_QUERY_CHARS = 200
MAX_TERMS = 8
MIN_TERM_CHARS = 3


class SearchError(ValueError):
    """A search string the index cannot answer; the message says why."""


def terms_of(query: str) -> list[str]:
    """The words of `query` the search uses (at least 3 characters, at most 8 words)."""
    if len(query) > MAX_QUERY_CHARS:
        raise SearchError(f"Suchtext länger als {MAX_QUERY_CHARS} Zeichen")
    words = [w for w in re.findall(r"\w[\w\-]*", query) if len(w) >= MIN_TERM_CHARS]
    if query.strip() and not words:
        raise SearchError(f"Suchwörter brauchen mindestens {MIN_TERM_CHARS} Zeichen")
    return words[:MAX_TERMS]


def search(pledges: QuerySet[Pledge], query: str) -> QuerySet[Pledge]:
    """`pledges` narrowed to those whose text contains every word of `query`."""
    terms = terms_of(query)
    if not terms:
        return pledges
    if connection.vendor == "postgresql":
        for term in terms:
            like = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            pledges = pledges.extra(
                where=[
                    "(tracker_pledge.search_german @@ plainto_tsquery('german'::regconfig, %s) "
                    "OR tracker_pledge.text ILIKE %s)"
                ],
                params=[term, like],
            )
        return pledges
    match = " ".join('"' + t.replace('"', '""') + '"' for t in terms)
    return pledges.extra(
        where=[
            "tracker_pledge.id IN (SELECT rowid FROM tracker_pledge_fts "
            "WHERE tracker_pledge_fts MATCH %s)"
        ],
        params=[match],
    )
