"""What an import is told (`DocumentInfo`) and what it reports (`ImportReport`)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.text import slugify

from versprochen.tracker import validation
from versprochen.tracker.models import Document
from versprochen.tracker.vocabulary import DocumentKind

MAX_NAME = 200  # Body.name, Actor.name
MAX_TITLE = 300  # Document.title


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What the importer is told about a document (the command's options)."""

    body: str
    kind: str
    authors: tuple[str, ...]
    term_start: int | None = None
    term_end: int | None = None
    date: dt.date | None = None
    title: str = ""
    # Where the document was published; a new version keeps the stored one unless given.
    source_url: str = ""

    def __post_init__(self) -> None:
        if not self.body.strip():
            raise ValueError("--body: must not be empty")
        if len(self.body.strip()) > MAX_NAME:
            raise ValueError(f"--body: longer than {MAX_NAME} characters")
        for author in self.authors:
            if len(author.strip()) > MAX_NAME:
                raise ValueError(
                    f"--authors: {author[:40]!r}… is longer than {MAX_NAME} characters"
                )
        if len(self.title.strip()) > MAX_TITLE:
            raise ValueError(f"--title: longer than {MAX_TITLE} characters")
        if self.kind not in DocumentKind.values:
            raise ValueError(
                f"--kind: {self.kind!r} is not one of {', '.join(DocumentKind.values)}"
            )
        if not self.authors:
            raise ValueError("--authors: name at least one author")
        if (
            self.term_start is not None
            and self.term_end is not None
            and self.term_end < self.term_start
        ):
            raise ValueError(f"--term: ends ({self.term_end}) before it starts")
        if self.source_url:
            # English, like the command line's other messages; the form checks at its field.
            with translation.override("en"):
                try:
                    cleaned = validation.url(self.source_url)
                except ValidationError as error:
                    raise ValueError(f"--source-url: {error.messages[0]}") from None
            object.__setattr__(self, "source_url", cleaned)

    @property
    def identity(self) -> str:
        authors = ",".join(sorted(slugify(a) for a in self.authors))
        return f"{slugify(self.body)}|{self.kind}|{authors}|{self.term_start}-{self.term_end}"


def parse_term(value: str) -> tuple[int, int]:
    """'2025-2030' (or with an en dash) → (2025, 2030)."""
    match = re.fullmatch(r"\s*(\d{4})\s*[-–/]\s*(\d{4})\s*", value)
    if not match:
        raise ValueError(f"--term: {value!r} is not a term like 2025-2030")
    start, end = int(match[1]), int(match[2])
    if end < start:
        raise ValueError(f"--term: {value!r} ends before it starts")
    return start, end


def parse_authors(value: str) -> tuple[str, ...]:
    authors = tuple(a.strip() for a in value.split(",") if a.strip())
    if not authors:
        raise ValueError("--authors: name at least one author")
    return authors


@dataclass(slots=True)
class ImportReport:
    document: Document
    version: int
    unchanged: bool = False
    new: list[str] = field(default_factory=list)
    changed: list[tuple[str, str]] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)
    # Gone pledges that carried a published assessment: (text, status).
    gone_assessed: list[tuple[str, str]] = field(default_factory=list)
    kept: int = 0
    notes: list[str] = field(default_factory=list)
    # Pledges editors made (split off, added) whose text this version lacks: kept.
    unplaced: list[str] = field(default_factory=list)

    def summary(self) -> str:
        if self.unchanged:
            return (
                f"{self.document.title}: unchanged (these bytes are version {self.version}); "
                "nothing imported"
            )
        assessed = (
            f" ({len(self.gone_assessed)} of them with a published assessment)"
            if self.gone_assessed
            else ""
        )
        unplaced = (
            f"; {len(self.unplaced)} editors' pledge(s) not found in this version "
            "(kept, please check)"
            if self.unplaced
            else ""
        )
        return (
            f"{self.document.title}: version {self.version} — {self.kept} pledges kept, "
            f"{len(self.new)} new, {len(self.changed)} changed, {len(self.gone)} gone"
            f"{assessed}{unplaced}"
        )


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def find_existing(info: DocumentInfo, sha256: str) -> ImportReport | None:
    """The report for bytes that are already the document's current version, or None.

    Bytes of an earlier version are not "unchanged": importing them again makes them
    the current version once more (a new version, see `store_extraction`)."""
    document = Document.objects.filter(identity=info.identity).select_related("source").first()
    if document is None or document.source is None or document.source.sha256 != sha256:
        return None
    return ImportReport(document=document, version=document.source.version, unchanged=True)


T = TypeVar("T")
# PostgreSQL's text columns refuse NUL; a space keeps every offset (mention spans) valid.
_NUL_FREE = str.maketrans({"\x00": " "})


def without_nul(value: T) -> T:
    """`value` (an extraction, or any of its parts) with every NUL character in its texts
    replaced by a space: a file may contain them, no database text column takes them.
    Parts without NUL are returned as they are (the same objects)."""
    out: Any = value
    if isinstance(value, str):
        if "\x00" in value:
            out = value.translate(_NUL_FREE)
    elif isinstance(value, tuple | list):
        items = [without_nul(v) for v in value]
        if any(a is not b for a, b in zip(items, value, strict=True)):
            out = type(value)(items)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for f in dataclasses.fields(value):
            before = getattr(value, f.name)
            after = without_nul(before)
            if after is not before:
                changes[f.name] = after
        if changes:
            out = dataclasses.replace(value, **changes)
    return out  # type: ignore[no-any-return]
