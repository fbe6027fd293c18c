"""The extraction pipeline: the one place that lists the stages in order."""

from __future__ import annotations

import os
from pathlib import Path

from versprochen import __version__
from versprochen.extraction import clean, code, detect, merge, outline, read, segment, split
from versprochen.extraction.types import Extraction, Source

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
    value: object = src
    for step in STAGES:
        value = step(value)  # type: ignore[arg-type]
    assert isinstance(value, Extraction)
    return value
