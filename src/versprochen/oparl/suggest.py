"""Paper suggestions per pledge: ranked from the synced papers of its body, stored.

After each sync (`hooks.papers_changed`) a job `oparl.suggest` ranks the pledges
of the body against the changed papers only and merges them into the stored
suggestions; a paper the editor rejected for a pledge is never suggested again,
one confirmed stays. The index of a body's papers lives in the worker's memory
and is grown with the changed papers, so a sync of a hundred papers does not
re-read ten thousand.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from django.db import transaction
from django.db.models import Prefetch, QuerySet

from versprochen.jobs import JobContext, enqueue, job
from versprochen.matching import ranking
from versprochen.oparl.models import AgendaItem, Consultation, File, Paper
from versprochen.oparl.models_links import Suggestion
from versprochen.tracker.models import Body, Pledge

__all__ = [
    "LIMIT",
    "index_for",
    "pledge_query",
    "rank_text",
    "refresh_suggestions",
    "schedule_after_sync",
]

# Suggestions kept per pledge.
LIMIT = 5
_CHUNK = 500
# Indexes kept in a process's memory, one per body.
_CACHED_BODIES = 4


@dataclass
class _BodyIndex:
    index: ranking.PaperIndex
    # Paper id -> the `modified` it was indexed with (None: unknown).
    seen: dict[int, object]


_indexes: dict[int, _BodyIndex] = {}
_lock = threading.Lock()


def papers_of(body: Body | int) -> QuerySet[Paper]:
    """The papers of `body` that can be suggested: received and not deleted."""
    body_id = body if isinstance(body, int) else body.pk
    return Paper.objects.filter(body_id=body_id, deleted=False, placeholder=False)


def _with_texts(papers: QuerySet[Paper]) -> QuerySet[Paper]:
    return papers.select_related("main_file").prefetch_related(
        Prefetch("auxiliary_files", queryset=File.objects.only("id", "text", "deleted")),
        Prefetch("agenda_items", queryset=AgendaItem.objects.only("id", "name", "paper_id")),
        Prefetch(
            "consultations",
            queryset=Consultation.objects.select_related("agenda_item").only(
                "id", "paper_id", "agenda_item__name"
            ),
        ),
    )


def ranking_paper(paper: Paper) -> ranking.Paper:
    """What the ranking reads of a paper: name, reference, file texts, agenda items."""
    files = [paper.main_file, *paper.auxiliary_files.all()]
    texts = tuple(
        dict.fromkeys(f.text for f in files if f is not None and f.text and not f.deleted)
    )
    titles = [item.name for item in paper.agenda_items.all()]
    titles += [c.agenda_item.name for c in paper.consultations.all() if c.agenda_item]
    return ranking.Paper(
        id=str(paper.pk),
        name=paper.name,
        reference=paper.reference,
        texts=texts,
        titles=tuple(dict.fromkeys(t for t in titles if t and t != paper.name)),
        date=paper.date,
    )


def _add(index: ranking.PaperIndex, papers: QuerySet[Paper], seen: dict[int, object]) -> None:
    batch: list[ranking.Paper] = []
    for paper in _with_texts(papers).iterator(chunk_size=_CHUNK):
        batch.append(ranking_paper(paper))
        seen[paper.pk] = paper.modified
        if len(batch) >= _CHUNK:
            index.add(batch)
            batch = []
    index.add(batch)


def index_for(body: Body | int, changed: Iterable[int] = ()) -> ranking.PaperIndex:
    """The index of `body`'s papers, built on first use, then brought up to date with
    the papers `changed` (new, changed or deleted since) and any whose `modified`
    differs from the indexed one (another worker may have seen a sync this one missed)."""
    body_id = body if isinstance(body, int) else body.pk
    with _lock:
        cached = _indexes.get(body_id)
        if cached is None:
            cached = _BodyIndex(ranking.PaperIndex(), {})
            _add(cached.index, papers_of(body_id), cached.seen)
            while len(_indexes) >= _CACHED_BODIES:
                # The longest unused body goes (a worker syncing hundreds of councils
                # a night must not hold all their papers).
                del _indexes[next(iter(_indexes))]
            _indexes[body_id] = cached
            return cached.index
        # Most recently used last.
        _indexes[body_id] = _indexes.pop(body_id)
        current = dict(papers_of(body_id).values_list("pk", "modified"))
        seen = cached.seen
        stale = {pk for pk, modified in current.items() if pk not in seen or seen[pk] != modified}
        gone = set(seen) - set(current)
        stale |= set(changed) & set(current)
        gone |= set(changed) - set(current)
        if gone:
            cached.index.remove(str(pk) for pk in gone)
            for pk in gone:
                seen.pop(pk, None)
        if stale:
            _add(cached.index, papers_of(body_id).filter(pk__in=stale), seen)
        return cached.index


def forget_index(body: Body | int) -> None:
    """Drop the cached index of `body` (the next use rebuilds it)."""
    with _lock:
        _indexes.pop(body if isinstance(body, int) else body.pk, None)


def pledge_query(pledge: Pledge, decided: Iterable[int] = ()) -> ranking.Query:
    """The ranking's query for `pledge`: its text, places, quantities, the document's date;
    papers already decided on are left out."""
    places = tuple(str(p) for p in pledge.places or () if isinstance(p, str))
    quantities = tuple(str(q) for q in pledge.quantities or () if isinstance(q, str))
    return ranking.Query(
        text=pledge.text,
        places=places,
        quantities=quantities,
        after=pledge.document.date,
        exclude=frozenset(str(pk) for pk in decided),
    )


def rank_text(body: Body, text: str, limit: int = LIMIT) -> list[tuple[Paper, ranking.Hit]]:
    """The papers of `body` best matching any `text`, with their hits."""
    hits = index_for(body).rank(ranking.Query(text=text), limit)
    papers = Paper.objects.in_bulk([int(h.id) for h in hits])
    return [(papers[int(h.id)], h) for h in hits if int(h.id) in papers]


def refresh_suggestions(
    body: Body,
    paper_ids: Sequence[int] | None = None,
    pledge_ids: Sequence[int] | None = None,
    ctx: JobContext | None = None,
) -> tuple[int, int]:
    """Rank pledges of `body` (all current ones, or `pledge_ids`) against its papers (all,
    or only `paper_ids`) and store the suggestions. Returns (pledges, suggestions).

    With `paper_ids`, a pledge never ranked yet (no suggestion of any state: new
    since the last sync) is ranked against all papers."""
    index = index_for(body, paper_ids or ())
    pledges = Pledge.objects.filter(body=body, current=True).select_related("document")
    if pledge_ids is not None:
        pledges = pledges.filter(pk__in=pledge_ids)
    rows = list(pledges.order_by("pk"))
    decided: dict[int, list[int]] = {}
    ranked: set[int] = set()
    for pledge_id, paper_id, state in Suggestion.objects.filter(
        pledge__in=[p.pk for p in rows]
    ).values_list("pledge_id", "paper_id", "state"):
        ranked.add(pledge_id)
        if state != Suggestion.State.SUGGESTED:
            decided.setdefault(pledge_id, []).append(paper_id)
    groups: list[tuple[list[Pledge], Sequence[int] | None]]
    if paper_ids is None:
        groups = [(rows, None)]
    else:
        groups = [
            ([p for p in rows if p.pk not in ranked], None),
            ([p for p in rows if p.pk in ranked], paper_ids),
        ]
    stored = done = 0
    for group, changed in groups:
        floors: dict[int, float] = _floors(group, changed) if changed is not None else {}
        among = [str(pk) for pk in changed] if changed is not None else None
        for start in range(0, len(group), _CHUNK):
            chunk = group[start : start + _CHUNK]
            queries = [
                replace(pledge_query(p, decided.get(p.pk, ())), floor=floors.get(p.pk, 0.0))
                for p in chunk
            ]
            results = index.rank_many(queries, LIMIT, among)
            # One short transaction per chunk: the job holds no lock for long.
            with transaction.atomic():
                for pledge, hits in zip(chunk, results, strict=True):
                    stored += _store(pledge, hits, changed)
            done += len(chunk)
            if ctx is not None:
                ctx.progress(done, len(rows), "Vorschläge berechnet")
    return len(rows), stored


def _floors(pledges: Sequence[Pledge], paper_ids: Sequence[int]) -> dict[int, float]:
    """Per pledge with a full list, the score a changed paper must beat to enter it:
    the weakest of the `LIMIT` best open suggestions of unchanged papers."""
    scores: dict[int, list[float]] = {}
    rows = (
        Suggestion.objects.filter(
            pledge__in=[p.pk for p in pledges], state=Suggestion.State.SUGGESTED
        )
        .exclude(paper_id__in=paper_ids)
        .values_list("pledge_id", "score")
    )
    for pledge_id, score in rows:
        scores.setdefault(pledge_id, []).append(score)
    return {
        pledge_id: sorted(values, reverse=True)[LIMIT - 1]
        for pledge_id, values in scores.items()
        if len(values) >= LIMIT
    }


def _store(pledge: Pledge, hits: list[ranking.Hit], paper_ids: Sequence[int] | None) -> int:
    """Merge `hits` into the pledge's open suggestions, keeping the best `LIMIT`.

    With `paper_ids` only those papers were ranked: the other open suggestions
    keep their place; without, the hits replace every open suggestion.
    """
    open_rows = Suggestion.objects.filter(pledge=pledge, state=Suggestion.State.SUGGESTED)
    ranked = open_rows if paper_ids is None else open_rows.filter(paper_id__in=paper_ids)
    hit_ids = {int(h.id) for h in hits}
    ranked.exclude(paper_id__in=hit_ids).delete()
    decided = set(
        Suggestion.objects.filter(pledge=pledge, paper_id__in=hit_ids)
        .exclude(state=Suggestion.State.SUGGESTED)
        .values_list("paper_id", flat=True)
    )
    for hit in hits:
        paper_id = int(hit.id)
        if paper_id in decided:
            continue
        Suggestion.objects.update_or_create(
            pledge=pledge,
            paper_id=paper_id,
            defaults={
                "score": hit.score,
                "passage": hit.passage.text,
                "marks": [list(m) for m in hit.passage.marks],
            },
        )
    surplus = list(open_rows.order_by("-score", "id").values_list("pk", flat=True)[LIMIT:])
    if surplus:
        Suggestion.objects.filter(pk__in=surplus).delete()
    return len(hits)


@job("oparl.suggest")
def suggest_job(
    ctx: JobContext,
    *,
    body_id: int,
    paper_ids: list[int] | None = None,
    pledge_ids: list[int] | None = None,
) -> str:
    body = Body.objects.get(pk=body_id)
    pledges, stored = refresh_suggestions(body, paper_ids, pledge_ids, ctx)
    papers = "allen Vorlagen" if paper_ids is None else f"{len(paper_ids)} geänderten Vorlagen"
    return f"{stored} Vorschläge für {pledges} Versprechen aus {papers}"


def schedule_after_sync(body: Body, paper_ids: Sequence[int]) -> None:
    """The sync's callback: suggestions from the changed papers, as a job."""
    enqueue(
        "oparl.suggest",
        body_id=body.pk,
        paper_ids=sorted(paper_ids),
        label=f"Vorlagen-Vorschläge: {body}",
        body=body,
    )
