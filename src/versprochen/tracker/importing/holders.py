"""Where a pledge's mentions belong: a merged pledge's go to the pledge it was merged into."""

from __future__ import annotations

from collections.abc import Sequence

from versprochen.tracker.models import Document, Pledge
from versprochen.tracker.vocabulary import Exclusion


def mention_holder(pledge: Pledge) -> Pledge:
    """The pledge a mention belongs to: a merged pledge's mentions go to where it was merged."""
    seen = {pledge.pk}
    while pledge.excluded == Exclusion.MERGED and pledge.merged_into_id is not None:
        target = Pledge.objects.get(pk=pledge.merged_into_id)
        if target.pk in seen:
            break
        seen.add(target.pk)
        pledge = target
    return pledge


def holders(present: Sequence[Pledge], document: Document) -> set[int]:
    """The pledges that hold the mentions of `present` (the pledges of `document` found
    in its new version) or of merged pledges of other documents that are still there."""
    merged_elsewhere = Pledge.objects.filter(
        body=document.body_id, excluded=Exclusion.MERGED, gone_in=None
    ).exclude(document=document)
    return {mention_holder(p).pk for p in [*present, *merged_elsewhere]}
