"""Program versus agreement in the tracker: proposals stored per agreement, confirmed by editors.

`propose` runs `versprochen.matching.compare` over the current pledges of the
agreement and the programs and stores its proposals for every item an editor has
not confirmed yet (confirmed items are never touched). `confirm` stores an
editor's decision. `figures` and `pairs` read confirmed items only: they are what
the public page, the reports and the exports use.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Min
from django.utils import timezone

from versprochen.matching import compare as matching
from versprochen.reports.models import (
    Comparison,
    ComparisonItem,
    ComparisonMatch,
    ComparisonProgram,
    ItemState,
    Relation,
)
from versprochen.tracker.models import Document, Pledge
from versprochen.tracker.vocabulary import DocumentKind

METHOD = f"compare@1 same≥{matching.SAME_SCORE} modified≥{matching.MODIFIED_SCORE}"
ORIGIN_RELATIONS = (Relation.SAME, Relation.MODIFIED)
Progress = Callable[[int, int, str], None]


class ComparisonInputError(ValueError):
    """Documents that cannot be compared (wrong kind, a program twice, another body)."""


def program_name(document: Document) -> str:
    """A program's partner name: its authors, else its title."""
    names = [actor.name for actor in document.authors.all()]
    return " / ".join(names) if names else document.title


def setup(agreement: Document, programs: Sequence[tuple[Document, str]]) -> Comparison:
    """The agreement's comparison with these programs (created, or its programs replaced
    when none of its items is confirmed yet)."""
    if agreement.kind != DocumentKind.COALITION_AGREEMENT:
        raise ComparisonInputError(f"{agreement.slug}: not a coalition agreement")
    if not programs:
        raise ComparisonInputError(f"{agreement.slug}: no program to compare with")
    seen: set[int] = set()
    for document, name in programs:
        if document.pk == agreement.pk or document.pk in seen:
            raise ComparisonInputError(f"{document.slug}: given twice")
        if not name.strip():
            raise ComparisonInputError(f"{document.slug}: the partner's name is empty")
        seen.add(document.pk)
    comparison, _ = Comparison.objects.get_or_create(agreement=agreement)
    current = {p.document_id: p for p in comparison.programs.all()}
    if set(current) != seen:
        if comparison.items.filter(state=ItemState.CONFIRMED).exists():
            raise ComparisonInputError(
                f"{agreement.slug}: confirmed items exist; the programs stay as they are"
            )
        comparison.items.all().delete()
        comparison.programs.all().delete()
        current = {}
    for order, (document, name) in enumerate(programs):
        program = current.get(document.pk)
        if program is None:
            ComparisonProgram.objects.create(
                comparison=comparison, document=document, name=name.strip(), order=order
            )
        elif program.name != name.strip() or program.order != order:
            program.name, program.order = name.strip(), order
            program.save(update_fields=["name", "order"])
    return comparison


def _pledges(document: Document) -> list[tuple[Pledge, int]]:
    """The document's current pledges with the page of their first mention."""
    pledges = (
        Pledge.objects.filter(document=document, current=True)
        .annotate(first_page=Min("mentions__page"))
        .order_by("number")
    )
    return [(p, p.first_page or 1) for p in pledges]


def propose(comparison: Comparison, progress: Progress | None = None) -> str:
    """Run the comparison and store its proposals for every unconfirmed item."""
    agreement = _pledges(comparison.agreement)
    programs = list(comparison.programs.select_related("document"))
    program_pledges = {p.pk: _pledges(p.document) for p in programs}
    if progress:
        progress(0, len(agreement), "comparing")
    result = matching.compare(
        [matching.Passage(p.text, page) for p, page in agreement],
        {
            str(p.pk): [matching.Passage(q.text, page) for q, page in program_pledges[p.pk]]
            for p in programs
        },
    )
    confirmed = set(
        comparison.items.filter(state=ItemState.CONFIRMED).values_list("pledge_id", flat=True)
    )
    comparison.items.exclude(state=ItemState.CONFIRMED).delete()
    by_id = {p.pk: p for p in programs}
    new_items = [
        ComparisonItem(comparison=comparison, pledge=pledge)
        for pledge, _ in agreement
        if pledge.pk not in confirmed
    ]
    ComparisonItem.objects.bulk_create(new_items, batch_size=500)
    item_of = {
        item.pledge_id: item
        for item in comparison.items.exclude(state=ItemState.CONFIRMED).only("id", "pledge_id")
    }
    matches: list[ComparisonMatch] = []
    for number, proposal in enumerate(result.items):
        item = item_of.get(agreement[number][0].pk)
        if item is None:
            continue
        for rank, match in enumerate(proposal.matches):
            program = by_id[int(match.program)]
            pledge = program_pledges[program.pk][match.index][0]
            matches.append(
                ComparisonMatch(
                    item=item,
                    program=program,
                    pledge=pledge,
                    proposed=match.relation,
                    relation=match.relation,
                    score=round(match.score, 4),
                    rank=rank,
                )
            )
        if progress and number % 200 == 0:
            progress(number, len(agreement), "storing proposals")
    ComparisonMatch.objects.bulk_create(matches, batch_size=500)
    comparison.method = METHOD
    comparison.proposed_at = timezone.now()
    comparison.save(update_fields=["method", "proposed_at", "changed_at"])
    if progress:
        progress(len(agreement), len(agreement), "done")
    with_origin = sum(1 for item in result.items if item.origin)
    return (
        f"{len(result.items)} agreement pledges compared with {len(programs)} programs: "
        f"{with_origin} with a proposed origin, {len(confirmed)} confirmed kept"
    )


def confirm(
    item: ComparisonItem,
    user: Any,
    relations: dict[int, str],
    added: Iterable[tuple[ComparisonProgram, Pledge, str]] = (),
) -> None:
    """Store an editor's decision: each match's relation, matches the editor added."""
    valid = set(Relation.values)
    for match in item.matches.all():
        relation = relations.get(match.pk, match.relation)
        if relation not in valid:
            raise ComparisonInputError(f"match {match.pk}: unknown relation {relation[:20]!r}")
        if relation != match.relation:
            match.relation = relation
            match.save(update_fields=["relation"])
    rank = item.matches.count()
    for program, pledge, relation in added:
        if relation not in valid or relation == Relation.NONE:
            raise ComparisonInputError(f"pledge {pledge.pk}: choose 'same' or 'modified'")
        if pledge.document_id != program.document_id or not pledge.current:
            raise ComparisonInputError(f"pledge {pledge.pk}: not a current pledge of {program}")
        ComparisonMatch.objects.update_or_create(
            item=item,
            pledge=pledge,
            defaults={"program": program, "relation": relation, "rank": rank},
        )
        rank += 1
    item.state = ItemState.CONFIRMED
    item.decided_by = user if getattr(user, "pk", None) else None
    item.decided_at = timezone.now()
    item.save(update_fields=["state", "decided_by", "decided_at"])
    # Public pages are cached until a document changes: the agreement's page shows this.
    Document.objects.filter(pk=item.comparison.agreement_id).update(changed_at=timezone.now())


def reopen(item: ComparisonItem) -> None:
    """Take a confirmed item back to a proposal (its matches as they are)."""
    item.state = ItemState.PROPOSED
    item.decided_by, item.decided_at = None, None
    item.save(update_fields=["state", "decided_by", "decided_at"])
    Document.objects.filter(pk=item.comparison.agreement_id).update(changed_at=timezone.now())


@dataclass(frozen=True)
class Pair:
    """A confirmed agreement pledge with one of its program pledges (or none)."""

    agreement_pledge: Pledge
    program: str
    program_pledge: Pledge | None
    relation: str


def _confirmed_matches(comparison: Comparison) -> list[ComparisonMatch]:
    return list(
        ComparisonMatch.objects.filter(
            item__comparison=comparison,
            item__state=ItemState.CONFIRMED,
            relation__in=ORIGIN_RELATIONS,
        ).select_related("program")
    )


def figures(comparison: Comparison) -> dict[str, Any]:
    """The confirmed shares: per partner the agreement pledges from its program, and its
    program pledges adopted, modified and dropped (dropped: in no confirmed item)."""
    items = comparison.items.all()
    total = items.count()
    confirmed_ids = set(items.filter(state=ItemState.CONFIRMED).values_list("id", flat=True))
    matches = _confirmed_matches(comparison)
    origins: dict[int, set[str]] = defaultdict(set)
    best: dict[int, str] = {}
    for match in matches:
        origins[match.item_id].add(match.program.name)
        if best.get(match.pledge_id) != Relation.SAME:
            best[match.pledge_id] = match.relation
    programs = []
    for program in comparison.programs.select_related("document"):
        pledge_ids = list(
            Pledge.objects.filter(document=program.document, current=True).values_list(
                "id", flat=True
            )
        )
        adopted = sum(1 for pk in pledge_ids if best.get(pk) == Relation.SAME)
        modified = sum(1 for pk in pledge_ids if best.get(pk) == Relation.MODIFIED)
        from_program = sum(1 for names in origins.values() if program.name in names)
        programs.append(
            {
                "name": program.name,
                "document": program.document.slug,
                "document_title": program.document.title,
                "pledges": len(pledge_ids),
                "adopted": adopted,
                "modified": modified,
                "dropped": len(pledge_ids) - adopted - modified,
                "agreement_pledges": from_program,
                "agreement_share": from_program / len(confirmed_ids) if confirmed_ids else 0.0,
            }
        )
    with_origin = len([pk for pk in confirmed_ids if origins.get(pk)])
    return {
        "agreement": comparison.agreement.slug,
        "agreement_title": comparison.agreement.title,
        "items": total,
        "confirmed": len(confirmed_ids),
        "with_origin": with_origin,
        "without_origin": len(confirmed_ids) - with_origin,
        "complete": total > 0 and len(confirmed_ids) == total,
        "programs": programs,
    }


def pairs(comparison: Comparison) -> list[Pair]:
    """The confirmed items as pairs, in the agreement's order; an item with no origin is
    one pair without a program pledge. (Joins, no id lists: an agreement has thousands.)"""
    matches = (
        ComparisonMatch.objects.filter(
            item__comparison=comparison,
            item__state=ItemState.CONFIRMED,
            relation__in=ORIGIN_RELATIONS,
        )
        .select_related("item__pledge", "pledge", "program")
        .order_by("item__pledge__number", "program__order", "rank", "id")
    )
    found: dict[int, list[Pair]] = defaultdict(list)
    for match in matches:
        found[match.item.pledge.number].append(
            Pair(match.item.pledge, match.program.name, match.pledge, match.relation)
        )
    without = (
        comparison.items.filter(state=ItemState.CONFIRMED)
        .exclude(matches__relation__in=ORIGIN_RELATIONS)
        .select_related("pledge")
    )
    for item in without:
        found[item.pledge.number].append(Pair(item.pledge, "", None, ""))
    return [pair for number in sorted(found) for pair in found[number]]
