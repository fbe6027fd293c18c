"""What other parts of the project do after a sync changed papers.

The sync calls `papers_changed(body, paper_ids)` once per mapping pass with the
database ids of the papers whose mapped rows changed (new, changed or marked
deleted). Other wings register a callback (suggestions recompute only these
papers). The sync knows nothing of them, so no import circle arises.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from versprochen.tracker.models import Body

PapersChanged = Callable[["Body", Sequence[int]], None]

# Filled by other apps (e.g. in their AppConfig.ready) with `on_papers_changed`.
callbacks: list[PapersChanged] = []


def on_papers_changed(callback: PapersChanged) -> PapersChanged:
    """Register `callback` (usable as a decorator); registering twice calls it once."""
    if callback not in callbacks:
        callbacks.append(callback)
    return callback


def papers_changed(body: Body, paper_ids: Sequence[int]) -> None:
    """Tell every registered callback which papers of `body` changed (none: no call)."""
    if not paper_ids:
        return
    for callback in list(callbacks):
        callback(body, paper_ids)
