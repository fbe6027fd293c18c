"""The original source file of a document, as it was received: its bytes and its sha256."""

from __future__ import annotations

import base64

from django.http import Http404, HttpRequest, HttpResponse

from versprochen.tracker.models import Document, SourceFile

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "markdown": "text/markdown; charset=utf-8",
    "text": "text/plain; charset=utf-8",
}
MAX_VERSION = 1_000_000


def _safe_filename(name: str) -> str:
    """The stored file name, reduced to characters that cannot break the header."""
    kept = "".join(c for c in name if c.isalnum() or c in "._-")
    return kept.strip(".") or "quelle"


def source_file(request: HttpRequest, slug: str, version: int | None = None) -> HttpResponse:
    """The bytes of the document's current version (or of `version`). Not a cached public
    page: the bytes never change for a version, so the sha256 is the ETag."""
    document = (
        Document.objects.filter(slug=slug)
        .exclude(source=None)
        .only("id", "format", "source")
        .first()
    )
    if document is None or (version is not None and not 0 < version <= MAX_VERSION):
        raise Http404
    sources = SourceFile.objects.filter(document=document)
    source = (
        sources.filter(pk=document.source_id or 0)
        if version is None
        else sources.filter(version=version)
    ).first()
    if source is None:
        raise Http404
    etag = f'"{source.sha256}"'
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(
            bytes(source.data),
            content_type=CONTENT_TYPES.get(document.format, "application/octet-stream"),
        )
        response["Content-Disposition"] = (
            f'attachment; filename="{_safe_filename(source.filename)}"'
        )
    response["ETag"] = etag
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=3600"
    # The digest of the bytes, for a script to check the download (RFC 9530).
    response["Repr-Digest"] = "sha-256=:" + _base64(source.sha256) + ":"
    return response


def _base64(hex_digest: str) -> str:
    return base64.b64encode(bytes.fromhex(hex_digest)).decode()
