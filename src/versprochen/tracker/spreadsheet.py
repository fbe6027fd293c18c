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

    def __init__(self, out: IO[str]) -> None:
        self._writer = csv.writer(out, lineterminator="\r\n")

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([neutralise(cell) for cell in row])


def writer(out: IO[str]) -> SafeWriter:
    return SafeWriter(out)
