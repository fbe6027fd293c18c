"""Full-text search over pledges that finds German word parts and forgives.

First the pledges whose text holds every word; then (`more_matches`) those that
hold the words in the wording of one of their mentions or in their section's title,
or hold only some of the words, ranked by how many. SQLite uses the FTS5 trigram
tables of migrations 0002 and 0011 ("sozialarbeit" is a substring of
"Schulsozialarbeit"); PostgreSQL uses German text search (stems) or pg_trgm-indexed
ILIKE (word parts). Both read only the indexes, never the whole table. Two-character
words (U3, EU) are too short for a trigram index: they are matched as whole words.
A word found nowhere may be a typo: `suggest` proposes the nearest word of the
pledges' vocabulary.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connection
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from rapidfuzz import fuzz, process

from versprochen.tracker.models import Pledge, Section

MAX_QUERY_CHARS = 200
MAX_TERMS = 8
MIN_TERM_CHARS = 2
TRIGRAM_CHARS = 3  # shorter words are matched as whole words, without an index
_WORD = re.compile(r"\w[\w\-]*")

Condition = tuple[str, list[str]]


class SearchError(ValueError):
    """A search string the index cannot answer; the message says why."""


def terms_of(query: str) -> list[str]:
    """The words of `query` the search uses (at least 2 characters, at most 8 words)."""
    if len(query) > MAX_QUERY_CHARS:
        raise SearchError(_("Suchtext länger als %(n)d Zeichen") % {"n": MAX_QUERY_CHARS})
    words = [w for w in _WORD.findall(query) if len(w.strip("-")) >= MIN_TERM_CHARS]
    if query.strip() and not words:
        raise SearchError(
            _("%(query)s ist zu kurz: ein Suchwort braucht mindestens %(n)d Zeichen")
            % {"query": repr(query.strip()[:20]), "n": MIN_TERM_CHARS}
        )
    return words[:MAX_TERMS]


def too_short(query: str) -> list[str]:
    """The words of `query` left out because they are too short."""
    return [w for w in _WORD.findall(query[:MAX_QUERY_CHARS]) if len(w.strip("-")) < MIN_TERM_CHARS]


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _whole_word(term: str) -> str:
    """A case-insensitive pattern for `term` as a word of its own (Python's `re` for
    SQLite's REGEXP, PostgreSQL's `~*`: both know `\\W`)."""
    return "(^|\\W)" + re.escape(term) + "(\\W|$)"


def _fts(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _sqlite_condition(term: str) -> Condition:
    if len(term) < TRIGRAM_CHARS:
        return ("tracker_pledge.text REGEXP %s", ["(?i)" + _whole_word(term)])
    return (
        "tracker_pledge.id IN (SELECT rowid FROM tracker_pledge_fts "
        "WHERE tracker_pledge_fts MATCH %s)",
        [_fts(term)],
    )


def postgres_conditions(terms: list[str]) -> list[Condition]:
    """One SQL condition per word on the columns of `tracker_pledge` (text,
    search_german): its German stem (inflections) or, through the trigram index, the
    word part anywhere; a two-character word as a word of its own."""
    out: list[Condition] = []
    for term in terms:
        if len(term) < TRIGRAM_CHARS:
            out.append(("tracker_pledge.text ~* %s", [_whole_word(term)]))
            continue
        out.append(
            (
                "(tracker_pledge.search_german @@ plainto_tsquery('german'::regconfig, %s) "
                "OR tracker_pledge.text ILIKE %s)",
                [term, _like(term)],
            )
        )
    return out


def conditions(terms: list[str]) -> list[Condition]:
    """One condition per word on the pledge's own text, for the database in use."""
    if connection.vendor == "postgresql":
        return postgres_conditions(terms)
    return [_sqlite_condition(term) for term in terms]


def _narrowed(pledges: QuerySet[Pledge], chosen: Iterable[Condition]) -> QuerySet[Pledge]:
    for sql, params in chosen:
        pledges = pledges.extra(where=[sql], params=params)
    return pledges


def search(pledges: QuerySet[Pledge], query: str) -> QuerySet[Pledge]:
    """`pledges` narrowed to those whose text holds every word of `query`."""
    terms = terms_of(query)
    if not terms:
        return pledges
    return _narrowed(pledges, conditions(terms))


def _wide_sql(term: str) -> Condition:
    """Ids of the pledges holding `term` in their text, a mention's wording or their
    section's title, each found through its own index (never a scan of the pledges)."""
    if connection.vendor == "postgresql":
        if len(term) < TRIGRAM_CHARS:
            pattern = _whole_word(term)
            return (
                "SELECT id FROM tracker_pledge WHERE text ~* %s UNION "
                "SELECT p.id FROM tracker_section AS s JOIN tracker_pledge AS p "
                "ON p.section_id = s.id WHERE s.title ~* %s",
                [pattern, pattern],
            )
        like = _like(term)
        return (
            "SELECT id FROM tracker_pledge "
            "WHERE search_german @@ plainto_tsquery('german'::regconfig, %s) UNION "
            "SELECT id FROM tracker_pledge WHERE text ILIKE %s UNION "
            "SELECT pledge_id FROM tracker_mention WHERE text ILIKE %s UNION "
            "SELECT p.id FROM tracker_section AS s JOIN tracker_pledge AS p "
            "ON p.section_id = s.id WHERE s.title ILIKE %s",
            [term, like, like, like],
        )
    if len(term) < TRIGRAM_CHARS:
        pattern = "(?i)" + _whole_word(term)
        return (
            "SELECT id FROM tracker_pledge WHERE text REGEXP %s UNION "
            "SELECT p.id FROM tracker_section AS s JOIN tracker_pledge AS p "
            "ON p.section_id = s.id WHERE s.title REGEXP %s",
            [pattern, pattern],
        )
    return (
        "SELECT rowid FROM tracker_pledge_fts WHERE tracker_pledge_fts MATCH %s UNION "
        "SELECT pledge_id FROM tracker_mention WHERE id IN "
        "(SELECT rowid FROM tracker_mention_fts WHERE tracker_mention_fts MATCH %s) UNION "
        "SELECT p.id FROM tracker_section AS s JOIN tracker_pledge AS p "
        "ON p.section_id = s.id WHERE s.title REGEXP %s",
        [_fts(term), _fts(term), "(?i)" + re.escape(term)],
    )


# How many pledges one word may name in the second round (a common word names thousands;
# the second round matters when the first found few).
WIDE_LIMIT = 5000


def _wide_ids(term: str) -> list[int]:
    sql, params = _wide_sql(term)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM ({sql}) AS found LIMIT {WIDE_LIMIT}", params)
        return [row[0] for row in cursor.fetchall()]


def unmatched(pledges: QuerySet[Pledge], query: str) -> list[str]:
    """The words of `query` found nowhere (text, wording, section) among `pledges`:
    typos, most likely."""
    out = []
    for term in terms_of(query):
        found = _wide_ids(term)
        if not found or not pledges.filter(id__in=found[:WIDE_LIMIT]).exists():
            out.append(term)
    return out


def more_matches(
    pledges: QuerySet[Pledge], query: str, found: Iterable[int], order: Sequence[Any], limit: int
) -> list[int]:
    """Ids of `pledges` beyond `found` (those with every word in their text) that hold the
    words in a mention's wording or their section's title, or hold only some of the words:
    those with more words first, then in `order`; at most `limit`."""
    terms = terms_of(query)
    if not terms or limit <= 0:
        return []
    score: dict[int, int] = {}
    for term in terms:
        for pk in set(_wide_ids(term)):
            score[pk] = score.get(pk, 0) + 1
    seen = set(found)
    candidates = [pk for pk in score if pk not in seen]
    if not candidates:
        return []
    ordered = list(pledges.filter(id__in=candidates).order_by(*order).values_list("id", flat=True))
    ordered.sort(key=lambda pk: -score[pk])  # stable: the list's order among equals
    return ordered[:limit]


# The vocabulary typos are corrected against: words of this length or longer.
MIN_WORD_CHARS = 4
WHOLE_WORD_SCORE = 80
PART_SCORE = 85


def vocabulary(pledges: QuerySet[Pledge]) -> list[str]:
    """The distinct words (case-folded) of the pledges' texts and their sections' titles."""
    words: set[str] = set()
    for text in pledges.values_list("text", flat=True).iterator(chunk_size=2000):
        words.update(w.casefold() for w in _WORD.findall(text) if len(w) >= MIN_WORD_CHARS)
    for title in Section.objects.values_list("title", flat=True).iterator(chunk_size=2000):
        words.update(w.casefold() for w in _WORD.findall(title) if len(w) >= MIN_WORD_CHARS)
    return sorted(words)


def suggest(term: str, words: Sequence[str]) -> str | None:
    """The word of `words` nearest to `term` ("radwge" → "radwege"), or the part of a
    compound that `term` misspells ("sozialarbiet" → "sozialarbeit" in
    "schulsozialarbeit"); None when nothing is near enough."""
    folded = term.casefold()
    if len(folded) < MIN_WORD_CHARS or not words:
        return None
    found = process.extractOne(folded, words, scorer=fuzz.ratio, score_cutoff=WHOLE_WORD_SCORE)
    if found is not None and found[0] != folded:
        return str(found[0])
    longer = [w for w in words if len(w) > len(folded) + 1]
    found = process.extractOne(folded, longer, scorer=fuzz.partial_ratio, score_cutoff=PART_SCORE)
    if found is None:
        return None
    aligned = fuzz.partial_ratio_alignment(folded, found[0])
    if aligned is None:
        return None
    part = str(found[0])[aligned.dest_start : aligned.dest_end]
    return part if part and part != folded else None


def corrected(query: str, typos: Sequence[str], words: Sequence[str]) -> str | None:
    """`query` with each of its `typos` replaced by its suggestion; None when none has one."""
    out = query
    changed = False
    for typo in typos:
        better = suggest(typo, words)
        if better:
            out = re.sub(r"(?<!\w)" + re.escape(typo) + r"(?!\w)", better, out)
            changed = True
    return out if changed else None
