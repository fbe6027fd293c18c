"""The extraction pipeline: the one place that lists the stages in order."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from versprochen import __version__
from versprochen.extraction import clean, code, detect, merge, outline, read, segment, split
from versprochen.extraction.coding import gates, places
from versprochen.extraction.types import Extraction, Source
from versprochen.matching.tokens import content_tokens

STAGES = (
    read.read,
    clean.clean,
    outline.outline,
    segment.segment,
    detect.detect,
    split.split,
    code.code,
    merge.merge,
)

PIPELINE_VERSION = f"versprochen-{__version__}:" + ",".join(s.label for s in STAGES)


def extract(source: str | os.PathLike[str] | bytes, *, filename: str | None = None) -> Extraction:
    """Find every pledge in one program or agreement.

    `source` is a path or the file's bytes; with bytes, `filename` names the
    document and its extension tells the format. Raises `InputError` for a file
    that cannot be read, with the file and the reason in its message.
    """
    if isinstance(source, bytes):
        src = Source(name=filename or "document", data=source)
    else:
        src = read.load_source(Path(source), name=filename)
    forget_texts()
    value: object = src
    with _without_cycle_collection():
        for step in STAGES:
            value = step(value)  # type: ignore[arg-type]
    assert isinstance(value, Extraction)
    return value


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Run without the cycle collector, which only costs time here.

    The stages build hundreds of thousands of small objects that reference
    counting frees and that form no cycles; the collector walks them again
    and again while they live (about 5 % of the time on the 2025 agreement,
    peak memory on all shared documents in one text unchanged at 228 MB).
    It is restored as it was, also when a stage raises.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def forget_texts() -> None:
    """Empty the caches keyed by a statement's text.

    They pay off between the stages of one document; kept across documents
    they would only hold memory, and a repeated run of the same document (the
    speed benchmark's best of five) would be timed with its answers known.
    """
    content_tokens.cache_clear()
    gates.words.cache_clear()
    gates.text_cues.cache_clear()
    places.find_places.cache_clear()
