"""Files of a sync: download `accessUrl`, keep the bytes and their hash, extract the text.

A file is fetched again only when what the server says about it changes (its
access URL, `modified` or `sha512Checksum`), and then conditionally: an
unchanged ETag or Last-Modified (HTTP 304) keeps the bytes and text. The text
comes from the project's reader, which parses PDFs in a limited child process;
a file that is not what its MIME type says, or a PDF bomb, is an error of that
file and the sync goes on.
"""

from __future__ import annotations

import hashlib
import posixpath
import urllib.parse
from typing import TYPE_CHECKING

from django.db import transaction

from versprochen.extraction.errors import InputError
from versprochen.extraction.pdf import Limits
from versprochen.extraction.read import read_document
from versprochen.extraction.types import Source
from versprochen.oparl.http import FetchError
from versprochen.oparl.models import File, FileContent, Paper

if TYPE_CHECKING:
    from versprochen.oparl.sync import _Sync

_READERS = {
    "application/pdf": ".pdf",
    "application/x-pdf": ".pdf",
    "text/plain": ".txt",
    "text/markdown": ".md",
}


def fetch_key(file: File) -> str:
    """What a download is for: a new attempt is due when this changes."""
    modified = file.modified.isoformat() if file.modified else ""
    return f"{file.access_url} {modified} {file.sha512}"


def due(sync: _Sync, full: bool) -> list[File]:
    files = File.objects.filter(system=sync.system, deleted=False, placeholder=False).exclude(
        access_url=""
    )
    if full:
        return list(files.order_by("pk"))
    return [file for file in files.order_by("pk") if file.fetched_for != fetch_key(file)]


def sync_files(sync: _Sync, full: bool) -> None:
    files = due(sync, full)
    for index, file in enumerate(files, start=1):
        fetch_file(sync, file)
        sync.progress(index, len(files), f"files: {index} of {len(files)}")


def fetch_file(sync: _Sync, file: File) -> None:
    """Download one file (conditionally when its bytes are kept) and extract its text."""
    key = fetch_key(file)
    has_content = FileContent.objects.filter(file=file).exists()
    headers = {}
    if has_content and file.etag:
        headers["If-None-Match"] = file.etag
    if has_content and file.last_modified:
        headers["If-Modified-Since"] = file.last_modified
    try:
        response = sync.client.get(
            file.access_url, max_bytes=sync.client.max_file_bytes, headers=headers
        )
        if response.status == 304 and has_content:
            File.objects.filter(pk=file.pk).update(fetched_for=key)
            return
        if response.status >= 400:
            raise FetchError(file.access_url, "http", f"HTTP {response.status}")
    except FetchError as error:
        sync.error(file.access_url, error.kind, f"file {file.oparl_id}: {error.reason}")
        File.objects.filter(pk=file.pk).update(fetched_for=key)
        return
    data = response.body
    digest = hashlib.sha256(data).hexdigest()
    text, problem = "", ""
    if file.sha512 and hashlib.sha512(data).hexdigest() != file.sha512:
        problem = "the bytes do not match the file's sha512Checksum"
    else:
        text, problem = extract_text(file, data, sync.options.pdf_limits)
    if problem and problem != _no_reader(file.mime_type):
        sync.error(file.access_url, "bad_file", f"file {file.oparl_id}: {problem}")
    changed_text = text != file.text
    with transaction.atomic():
        FileContent.objects.update_or_create(file=file, defaults={"data": data, "sha256": digest})
        File.objects.filter(pk=file.pk).update(
            sha256=digest,
            etag=response.header("etag")[:300],
            last_modified=response.header("last-modified")[:100],
            downloaded_sha512=file.sha512,
            downloaded_at=sync.clock(),
            fetched_for=key,
            text=text,
            text_error=problem[:500],
        )
        if changed_text:
            papers = set(file.papers.values_list("pk", flat=True))
            papers.update(Paper.objects.filter(main_file=file).values_list("pk", flat=True))
            known = set(sync.cursor["papers"])
            sync.cursor["papers"] += [pk for pk in papers if pk not in known]
            sync.run_row.cursor = sync.cursor
            sync.run_row.save(update_fields=["cursor"])


def extract_text(file: File, data: bytes, limits: Limits) -> tuple[str, str]:
    """The file's text and "", or "" and why there is none."""
    suffix = _READERS.get(file.mime_type.split(";")[0].strip())
    if suffix is None:
        return "", _no_reader(file.mime_type)
    stem = posixpath.splitext(file.file_name or _last_segment(file.access_url) or "file")[0]
    try:
        document = read_document(Source(name=stem + suffix, data=data), limits=limits)
    except InputError as error:
        return "", error.reason
    # NUL cannot be stored in a PostgreSQL text column.
    text = "\n".join(line.text for line in document.lines).replace("\x00", "").strip()
    return text, ""


def _no_reader(mime_type: str) -> str:
    return f"no text reader for {mime_type or 'an unknown type'}"


def _last_segment(url: str) -> str:
    return urllib.parse.unquote(urllib.parse.urlsplit(url).path.rsplit("/", 1)[-1])
