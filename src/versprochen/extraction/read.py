"""read: the source's bytes to lines with page numbers (PDF, Markdown, text).

The lines keep everything the source shows (page numbers, running heads,
margin line numbers, hyphens at line ends): repairing them is the clean
stage's job, and it needs them to do it.
"""

from __future__ import annotations

import codecs
import hashlib
import logging
import math
import re
from pathlib import Path

from versprochen.extraction.errors import InputError
from versprochen.extraction.pdf import DEFAULT_LIMITS, Limits, read_pdf
from versprochen.extraction.stage import stage
from versprochen.extraction.types import Format, RawDocument, RawLine, Source

# The file limit bounds what is held in memory and handed to the PDF parser; a
# PDF's bytes are mostly images and fonts, so it says little about the work.
MAX_BYTES = 100 * 1024 * 1024
# The limit on the text itself (characters of a text file, or of a PDF's text
# layer): every later stage's time grows with it. Measured on one core
# (docs/jobs.md, benchmarks/extraction_speed.py): about 8 s per million
# characters of real programs and agreements, 20 s for all 2.4 million of the
# shared ones in one text; at this limit one extraction job stays within about
# a minute, two on a loaded machine. The largest real document so far has 0.53
# million.
MAX_TEXT = 5_000_000
_LOG = logging.getLogger(__name__)

FORMATS: dict[str, Format] = {
    ".pdf": "pdf",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".text": "text",
}
SUPPORTED = ", ".join(FORMATS)

# The encodings a German text file turns up in. Left to choose among all,
# charset-normalizer names German Latin-1 text cp1250, which decodes the
# umlauts but turns "à" into "ŕ" and "½" into "˝".
_TEXT_ENCODINGS = ("utf_16", "utf_32", "cp1252", "latin_1", "iso8859_15", "mac_roman", "cp850")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# The PDF standard lets the header start anywhere in the first kilobyte.
_PDF_MAGIC = b"%PDF-"
_PDF_MAGIC_WINDOW = 1024


def load_source(path: Path, *, name: str | None = None) -> Source:
    """The bytes of the file at `path`, refused unread when it is over `MAX_BYTES`."""
    label = name or path.name
    try:
        size = path.stat().st_size
    except OSError as error:
        raise InputError(str(path), f"cannot open ({error.strerror})") from error
    if path.is_dir():
        raise InputError(str(path), "is a directory, not a file")
    if size > MAX_BYTES:
        raise InputError(str(path), _too_large(size))
    try:
        with path.open("rb") as file:
            # One byte more than allowed tells a file that grew since stat().
            data = file.read(MAX_BYTES + 1)
    except OSError as error:
        raise InputError(str(path), f"cannot read ({error.strerror})") from error
    if len(data) > MAX_BYTES:
        raise InputError(str(path), _too_large(len(data)))
    return Source(name=label, data=data)


def read_document(
    source: Source, *, limits: Limits = DEFAULT_LIMITS, max_text: int | None = None
) -> RawDocument:
    """The read stage with its limits as parameters (tests lower them).

    `max_text` refuses a text of more characters; None reads any (a reader
    that only stores the text, as the council-paper sync does).
    """
    data = source.data
    if len(data) > MAX_BYTES:
        raise InputError(source.name, _too_large(len(data)))
    if not data.strip():
        raise InputError(source.name, "file is empty")
    fmt = _format(source)
    digest = hashlib.sha256(data).hexdigest()
    if fmt == "pdf":
        page_count, lines = read_pdf(data, source.name, limits=limits)
        _check_text(sum(len(line.text) for line in lines), max_text, source.name)
        return RawDocument(
            name=source.name,
            format=fmt,
            lines=lines,
            sha256=digest,
            page_count=page_count,
        )
    text, encoding = decode(data, source.name)
    _check_text(len(text), max_text, source.name)
    lines, page_count = _text_lines(text)
    if not any(line.text for line in lines):
        raise InputError(source.name, "file is empty")
    return RawDocument(
        name=source.name,
        format=fmt,
        lines=lines,
        sha256=digest,
        encoding=encoding,
        page_count=page_count,
    )


@stage("read", 1)
def read(source: Source) -> RawDocument:
    return read_document(source, max_text=MAX_TEXT)


def _format(source: Source) -> Format:
    suffix = Path(source.name).suffix.lower()
    looks_like_pdf = _PDF_MAGIC in source.data[:_PDF_MAGIC_WINDOW]
    if not suffix:
        return "pdf" if looks_like_pdf else "text"
    fmt = FORMATS.get(suffix)
    if fmt is None:
        raise InputError(source.name, f"unsupported file type {suffix!r}; supported: {SUPPORTED}")
    if fmt == "pdf" and not looks_like_pdf:
        raise InputError(source.name, "is not a PDF (no %PDF- header)")
    if fmt != "pdf" and source.data.startswith(_PDF_MAGIC):
        raise InputError(source.name, f"is a PDF, not {fmt}; name it .pdf")
    return fmt


# A text that is UTF-8 but for a few bytes (a stray 0xFF from a bad copy) is
# read as UTF-8 with those bytes replaced: at most this share of its bytes,
# and only where more valid multi-byte sequences than invalid bytes prove it
# UTF-8.
MAX_INVALID_UTF8 = 0.001
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")


def decode(data: bytes, name: str) -> tuple[str, str]:
    """The text of a text file and its encoding.

    A BOM decides; otherwise a German text is UTF-8, else Windows-1252 (the
    Latin-1 of most German files), unless its bytes prove otherwise: NUL
    bytes (UTF-16/32), or bytes Windows-1252 leaves undefined (a DOS or Mac
    code page), where the encoding is detected among `_TEXT_ENCODINGS`.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise InputError(name, f"invalid {encoding} text ({error.reason})") from error
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mostly_utf8 = _mostly_utf8(data, name)
    if mostly_utf8 is not None:
        return mostly_utf8
    if b"\x00" not in data:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            pass
        else:
            if not _CONTROL.search(text):
                return text, "cp1252"
    # Imported here: most uploads are UTF-8 or PDF and never need it.
    import charset_normalizer

    best = charset_normalizer.from_bytes(data, cp_isolation=list(_TEXT_ENCODINGS)).best()
    if best is None or "\x00" in str(best):
        raise InputError(name, "is not text (binary content or an unknown encoding)")
    return str(best), best.encoding


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _mostly_utf8(data: bytes, name: str) -> tuple[str, str] | None:
    """UTF-8 with its few invalid bytes replaced, with a warning; None if not UTF-8."""
    text = data.decode("utf-8", errors="replace")
    # Each invalid byte (or broken sequence) became one U+FFFD.
    invalid = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    proven = len(_UTF8_MULTIBYTE.findall(data)) > invalid
    if invalid > max(1, MAX_INVALID_UTF8 * len(data)) or not proven:
        return None
    noun = "byte" if invalid == 1 else "bytes"
    _LOG.warning("%s: %d invalid UTF-8 %s replaced by U+FFFD", name, invalid, noun)
    return text, f"utf-8 ({invalid} invalid {noun} replaced)"


# A page break that a PDF-to-text converter wrote as a line of its own
# ("===== [Seite 12] =====", "=== [Page 3] ===") where pdftotext writes a form
# feed. It is no text of the document: the line is dropped and its number
# starts a new page, so that the furniture and page-break repairs of the clean
# stage see the pages.
_PAGE_MARKER = re.compile(
    r"^[ \t]*={3,}[ \t]*\[(?:Seite|Page)[ \t]+(\d{1,4})\][ \t]*={3,}[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)


def _text_lines(text: str) -> tuple[tuple[RawLine, ...], int]:
    """Lines with pages; a form feed or a page marker line starts a new page."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    pages = _marked_pages(text) or _fed_pages(text)
    lines: list[RawLine] = []
    for number, page in pages:
        page_lines = page.split("\n")
        if page.endswith("\n"):
            page_lines.pop()  # a line end closes a line, it opens none
        lines.extend(RawLine(text=line if line.strip() else "", page=number) for line in page_lines)
    return tuple(lines), max((number for number, _ in pages), default=1)


def _fed_pages(text: str) -> list[tuple[int, str]]:
    """The pages of a text split at its form feeds, as in pdftotext's output."""
    pages = text.split("\f")
    if len(pages) > 1 and not pages[-1].strip():
        pages.pop()  # a form feed that ends the file closes the last page
    return list(enumerate(pages, start=1))


def _marked_pages(text: str) -> list[tuple[int, str]]:
    """The pages of a text split at its page marker lines, numbered as they say.

    Text before the first marker is the page before it (or dropped when it is
    blank); empty without markers.
    """
    markers = list(_PAGE_MARKER.finditer(text))
    if not markers:
        return []
    pages: list[tuple[int, str]] = []
    head = text[: markers[0].start()]
    if head.strip():
        pages.append((max(1, int(markers[0].group(1)) - 1), head))
    for marker, following in zip(markers, [*markers[1:], None], strict=True):
        end = following.start() if following else len(text)
        # The marker's own line end goes with it.
        start = min(marker.end() + 1, end)
        pages.append((int(marker.group(1)), text[start:end].replace("\f", "")))
    return pages


def _too_large(size: int) -> str:
    # Rounded up, so that a file just over the limit does not read as at it.
    megabytes = math.ceil(size / 2**20 * 10) / 10
    return f"file is {megabytes:g} MB, over the {MAX_BYTES / 2**20:g} MB limit"


def _check_text(characters: int, limit: int | None, name: str) -> None:
    if limit is not None and characters > limit:
        raise InputError(name, _too_much_text(characters, limit))


def _too_much_text(characters: int, limit: int) -> str:
    # Exact counts: a text just over the limit does not read as at it.
    return f"text has {characters:,} characters, over the limit of {limit:,}"
