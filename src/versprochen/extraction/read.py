"""read: the source's bytes to lines with page numbers (PDF, Markdown, text)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from versprochen.extraction.errors import InputError
from versprochen.extraction.stage import stage
from versprochen.extraction.types import Format, RawDocument, RawLine, Source

MAX_BYTES = 100 * 1024 * 1024


def load_source(path: Path, *, name: str | None = None) -> Source:
    label = name or path.name
    try:
        size = path.stat().st_size
    except OSError as error:
        raise InputError(str(path), f"cannot open ({error.strerror})") from error
    if size > MAX_BYTES:
        raise InputError(str(path), f"file is {size / 1e6:.0f} MB, over the 100 MB limit")
    return Source(name=label, data=path.read_bytes())


@stage("read", 1)
def read(source: Source) -> RawDocument:
    if not source.data.strip():
        raise InputError(source.name, "file is empty")
    text = source.data.decode("utf-8")
    fmt: Format = "markdown" if source.name.endswith(".md") else "text"
    lines = tuple(RawLine(text=line, page=1) for line in text.splitlines())
    return RawDocument(
        name=source.name,
        format=fmt,
        lines=lines,
        sha256=hashlib.sha256(source.data).hexdigest(),
        encoding="utf-8",
    )
