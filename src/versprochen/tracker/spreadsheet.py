"""CSV that spreadsheets open safely: the one writer of every CSV the tracker makes.

A cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to
Excel, LibreOffice and Google Sheets (CSV injection, OWASP). Every such text cell is
written with a leading single quote, which spreadsheets show as text. A text that
already starts with quotes before such a character gets one more, so `restore` (used
by the assessment CSV import) gives back exactly the text that was exported.
Numbers (ints) are written as they are. Lines end in CRLF.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO, Any

from django.utils.translation import gettext as _

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PREFIX = "'"


def _formula_like(text: str) -> bool:
    return text.lstrip(PREFIX).startswith(FORMULA_STARTS)


def neutralise(value: Any) -> Any:
    """`value`, with a single quote before it when it is text a spreadsheet would run."""
    if isinstance(value, str) and _formula_like(value):
        return PREFIX + value
    return value


def restore(text: str) -> str:
    """The text `neutralise` was given: its added quote removed (nothing else)."""
    if text.startswith(PREFIX) and _formula_like(text):
        return text[len(PREFIX) :]
    return text


class SafeWriter:
    """`csv.writer` that neutralises every cell. Lines end in CRLF (RFC 4180, the
    Frictionless default): only then does the writer quote a cell holding a lone
    carriage return, which readers would otherwise take for the end of the row (and
    the rest of the cell, unprotected, for the next one)."""

    def __init__(self, out: IO[str], delimiter: str = ",") -> None:
        self._writer = csv.writer(out, lineterminator="\r\n", delimiter=delimiter)

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([neutralise(cell) for cell in row])


def writer(out: IO[str], excel: bool = False) -> SafeWriter:
    """The CSV writer; `excel`: semicolons, as a German Excel reads and saves them (the
    caller starts the file with `BOM`, so that Excel reads UTF-8)."""
    return SafeWriter(out, delimiter=";" if excel else ",")


BOM = "\ufeff"
EXCEL_ENCODING = "cp1252"  # what Excel's "CSV (Trennzeichen-getrennt)" writes in Germany


def decode(data: bytes) -> tuple[str | None, str]:
    """The text of an uploaded CSV file: UTF-8 (with or without BOM) or, as Excel saves
    it, Windows-1252; else None and a message that says what to change."""
    if data.startswith(BOM.encode()):
        data = data[len(BOM.encode()) :]
    try:
        return data.decode("utf-8"), ""
    except UnicodeDecodeError as error:
        utf8_error = error
    try:
        return data.decode(EXCEL_ENCODING), ""
    except UnicodeDecodeError:
        line = data[: utf8_error.start].count(b"\n") + 1
        return None, _(
            "Zeile %(line)d: weder UTF-8 noch Windows-1252; bitte die Datei als „CSV UTF-8“ "
            "speichern."
        ) % {"line": line}


def dialect(header: str) -> str:
    """The delimiter of a CSV file by its header line: `;` (German Excel) or `,`."""
    return ";" if header.count(";") > header.count(",") else ","
