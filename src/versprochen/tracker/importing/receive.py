"""Step 1 of an import: receive the bytes as a new version (`SourceFile`) of its document."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TypeVar

from django.utils.text import slugify

from versprochen.extraction.types import Extraction
from versprochen.tracker.importing.info import MAX_NAME, DocumentInfo, sha256_of
from versprochen.tracker.models import Actor, Body, Document, SourceFile


@dataclass(frozen=True, slots=True)
class Received:
    document: Document
    source: SourceFile
    version: int


def receive(
    info: DocumentInfo,
    filename: str,
    data: bytes,
    extraction: Extraction,
    notes: list[str],
    again: bool = False,
) -> Received:
    """Store `data` as the document's newest version and make it the document's text."""
    document = _document_for(info, notes)
    version = (document.sources.count() or 0) + 1
    earlier = document.sources.filter(sha256=sha256_of(data)).order_by("-version").first()
    if again and earlier is not None:
        notes.append(
            f"version {earlier.version} extracted again ({earlier.pipeline} → "
            f"{extraction.pipeline}) as version {version}"
        )
    elif earlier is not None:
        notes.append(
            f"these bytes are version {earlier.version} again: restored as version {version}"
        )
    source = SourceFile.objects.create(
        document=document,
        version=version,
        filename=filename,
        data=data,
        sha256=sha256_of(data),
        size=len(data),
        pipeline=extraction.pipeline,
    )
    document.source = source
    document.text = extraction.text
    document.format = extraction.format
    document.pipeline = extraction.pipeline
    document.page_count = extraction.page_count
    document.save()
    return Received(document, source, version)


def _unique_slug(base: str) -> str:
    slug = slugify(base)[:180] or "dokument"
    candidate, n = slug, 1
    while Document.objects.filter(slug=candidate).exists():
        n += 1
        candidate = f"{slug}-{n}"
    return candidate


def _default_title(info: DocumentInfo) -> str:
    kind = {"program": "Programm", "coalition_agreement": "Koalitionsvertrag"}.get(
        info.kind, "Dokument"
    )
    term = f" {info.term_start}–{info.term_end}" if info.term_start else ""
    return f"{kind} {', '.join(info.authors)}{term}"


Named = TypeVar("Named", Body, Actor)


def named(model: type[Named], name: str, notes: list[str] | None = None) -> Named:
    """The body or actor called `name`, or written alike (the same slug: "stadt herne",
    "Stadt Herne"; "Stadt Munster", "Stadt Münster"), else a new one. Documents are told
    apart by these slugs (`DocumentInfo.identity`), so bodies and actors are too."""
    name = " ".join(name.split())
    found = model.objects.filter(name=name).first()
    if found is not None:
        return found
    base = slugify(name)[:MAX_NAME]
    if not base:  # nothing Latin in the name: a slug of its own
        base = f"{model.__name__.lower()}-{hashlib.sha256(name.encode()).hexdigest()[:10]}"
    found = model.objects.filter(slug=base).first()
    if found is not None:
        if notes is not None:
            notes.append(f"{name!r} is {found.name!r} (written alike), used as such")
        return found
    return model.objects.create(name=name, slug=base)


def _document_for(info: DocumentInfo, notes: list[str] | None = None) -> Document:
    body = named(Body, info.body, notes)
    document = Document.objects.filter(identity=info.identity).first()
    # A new version keeps the document's title unless a new one is given.
    title = info.title.strip() or (document.title if document else _default_title(info))
    if document is None:
        document = Document(
            identity=info.identity,
            slug=_unique_slug(f"{info.body} {title}"),
            body=body,
        )
    document.title = title
    document.kind = info.kind
    document.term_start = info.term_start
    document.term_end = info.term_end
    # A new version keeps the document's date unless a new one is given.
    document.date = info.date or document.date
    # … and where it was published, likewise.
    document.source_url = info.source_url or document.source_url
    document.save()
    actors = []
    for name in info.authors:
        actor = named(Actor, name, notes)
        if actor not in actors:
            actors.append(actor)
    document.authors.set(actors)
    return document
