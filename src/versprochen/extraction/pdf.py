"""PDF bytes to visual lines with font size and weight, parsed in a limited child process.

The lines are built here from pdf-oxide's glyphs rather than from its spans or
lines: when a PDF draws the words of a line out of sequence (the SPD program
2025 does), pdf-oxide joins them out of visual order, while each glyph still
carries its true position. pypdfium2 stands in for a page, or a whole file,
that pdf-oxide cannot read; its lines carry no font information.

A PDF is untrusted input parsed by native code, so the parse runs in a forked
child with an address-space limit and a wall-clock timeout (`Limits`).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

import pdf_oxide

from versprochen.extraction.limited import DEFAULT_LIMITS, Limits, Refused, one_line, run_limited
from versprochen.extraction.types import RawLine

__all__ = ["DEFAULT_LIMITS", "Limits", "Row", "read_pdf"]


# A row is one RawLine as plain data: tuples pickle several times faster than
# dataclasses on the way back from the child.
Row = tuple[str, int, float | None, bool]

_BOLD_WORDS = ("bold", "black", "heavy", "semibold", "demibold", "extrabold", "ultrabold")
# Baseline distance over font size of ordinary body lines, used when a document
# has too few lines to measure its own.
_DEFAULT_PITCH = 1.2
# A gap this much wider than the document's line pitch starts a paragraph. The
# SPD program's paragraphs sit only 1.27 pitches apart, so the margin is small.
_PARAGRAPH_GAP = 1.12
_NO_TEXT = "PDF has no text layer (scanned pages?); text recognition is not supported"


def read_pdf(
    data: bytes, name: str, *, limits: Limits = DEFAULT_LIMITS
) -> tuple[int, tuple[RawLine, ...]]:
    """The page count and the visual lines of a PDF in reading order.

    Each line has its page, font size and weight; an empty line marks a
    paragraph break: a vertical gap clearly larger than the document's line
    pitch, a jump to the next column, or a page break. Raises `InputError` for
    an encrypted, corrupt or scanned PDF and for one whose parse exceeds
    `limits`.
    """
    page_count, rows = run_limited(_parse, data, name, limits)
    return page_count, tuple(RawLine(text=t, page=p, size=s, bold=b) for t, p, s, b in rows)


# --- parsing (runs in the child) --------------------------------------------


def _parse(data: bytes) -> tuple[int, list[Row]]:
    try:
        document = pdf_oxide.PdfDocument.from_bytes(data)
    except Exception as error:
        return _parse_with_pdfium(data, error)
    if document.permissions() is not None and not document.authenticate(""):
        raise Refused("PDF is encrypted and needs a password")
    page_count = int(document.page_count)
    if page_count == 0:
        raise Refused("corrupt PDF (no pages found)")
    pages: list[list[_Line]] = []
    fallback: dict[int, list[str]] = {}
    for index in range(page_count):
        try:
            chars = document.extract_chars(index)
            box = document.page_media_box(index)
            # A page whose layout the reader cannot work out is still text:
            # the fallback reader reads it without layout.
            lines = _page_lines(chars, box[2] - box[0])
        except Exception:
            fallback[index] = _pdfium_page(data, index)
            pages.append([])
            continue
        pages.append(lines)
    rows = _rows(pages, fallback)
    if not rows:
        if b"%%EOF" not in data[-1024:]:
            raise Refused("corrupt PDF (truncated: no %%EOF at the end)")
        raise Refused(_NO_TEXT)
    return page_count, rows


def _parse_with_pdfium(data: bytes, opening_error: Exception) -> tuple[int, list[Row]]:
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as error:
        if "password" in str(error).lower():
            raise Refused("PDF is encrypted and needs a password") from error
        raise Refused(f"corrupt PDF ({one_line(str(opening_error))})") from error
    page_count = len(document)
    fallback = {index: _pdfium_text(document, index) for index in range(page_count)}
    rows = _rows([[] for _ in range(page_count)], fallback)
    if not rows:
        raise Refused(_NO_TEXT)
    return page_count, rows


def _pdfium_page(data: bytes, index: int) -> list[str]:
    import pypdfium2

    try:
        return _pdfium_text(pypdfium2.PdfDocument(data), index)
    except pypdfium2.PdfiumError as error:
        raise Refused(f"corrupt PDF (page {index + 1} cannot be read)") from error


def _pdfium_text(document: Any, index: int) -> list[str]:
    text = document[index].get_textpage().get_text_range()
    assert isinstance(text, str)
    return [line.strip() for line in text.replace("\r\n", "\n").split("\n") if line.strip()]


class _Run:
    """Glyphs drawn in one go on one baseline in one font: the unit of layout."""

    __slots__ = ("bold", "chars", "font", "size", "weight", "x0", "x1", "y")

    def __init__(self, x0: float, x1: float, y: float, size: float, font: str) -> None:
        self.x0 = x0
        self.x1 = x1
        self.y = y
        self.size = size
        self.font = font
        self.bold = False
        self.weight = 0
        self.chars: list[str] = []


class _Line:
    __slots__ = ("bold", "size", "text", "y")

    def __init__(self, text: str, y: float, size: float, bold: bool) -> None:
        self.text = text
        self.y = y
        self.size = size
        self.bold = bold


def _page_lines(chars: Sequence[Any], page_width: float) -> list[_Line]:
    """One page's glyphs as lines in reading order, columns one after the other."""
    runs = _runs(chars)
    if not runs:
        return []
    runs.sort(key=lambda r: (-r.y, r.x0))
    rows: list[list[_Run]] = [[runs[0]]]
    for run in runs[1:]:
        first = rows[-1][0]
        if first.y - run.y <= 0.4 * min(first.size, run.size):
            rows[-1].append(run)
        else:
            rows.append([run])
    for row in rows:
        row.sort(key=lambda r: r.x0)
    gutters = _gutters(rows, page_width)
    if not gutters:
        return [_join(row) for row in rows]
    return _in_columns(rows, gutters)


def _runs(chars: Sequence[Any]) -> list[_Run]:
    # The hot loop of the reader (400,000 glyphs in the federal agreement):
    # the open run's state lives in locals, and its limits are set once per run.
    runs: list[_Run] = []
    run: _Run | None = None
    bold_of: dict[tuple[str, str], bool] = {}
    parts: list[str] = []
    x1 = y0 = size0 = rise = back = jump = space = overdraw = 0.0
    font0 = ""
    for char in chars:
        if char.rotation_degrees:
            continue  # vertical margin text would scatter over many lines
        text = char.char
        x = char.origin_x
        y = char.origin_y
        size = char.font_size
        font = char.font_name
        gap = x - x1
        if (
            run is not None
            and size == size0
            and font == font0
            and -rise <= y - y0 <= rise
            and back <= gap <= jump
        ):
            if gap > space and text != " " and parts[-1] != " ":
                parts.append(" ")
            elif gap < overdraw and text == parts[-1]:
                continue  # the same glyph drawn again to fake bold
        else:
            if run is not None:
                _close(run, x1)
            run = _Run(x, x, y, size, font)
            key = (char.font_weight, font)
            if key not in bold_of:
                bold_of[key] = _is_bold(*key)
            run.bold = bold_of[key]
            runs.append(run)
            parts = run.chars
            x1, y0, size0, font0 = x, y, size, font
            rise, back, jump = 0.2 * size, -0.3 * size, 0.5 * size
            space, overdraw = 0.15 * size, -0.05 * size
        parts.append(text)
        end = x + char.advance_width
        if end > x1:
            x1 = end
    if run is not None:
        _close(run, x1)
    return runs


def _close(run: _Run, x1: float) -> None:
    run.x1 = x1
    run.weight = len(run.chars) - run.chars.count(" ")


def _is_bold(weight: str, font: str) -> bool:
    weight = weight.lower().replace("-", "").replace(" ", "")
    if weight.isdigit():
        return int(weight) >= 600
    name = font.lower().replace("-", "").replace(" ", "")
    return any(word in weight or word in name for word in _BOLD_WORDS)


def _face(font: str) -> str:
    """The typeface of a font name without its subset tag ("ABCDEF+FiraSans-Medium")."""
    return font.rpartition("+")[2]


_WORD_END = re.compile(r"[a-zäöüß]{3}$")
_WORD_START = re.compile(r"^[a-zäöüß]{3}")


def _two_words(left: str, right: str) -> bool:
    """Lower-case letters on both sides, three or more each: a word's last letters
    set in another face ("Alliierte" + "n") are too short to be a word."""
    return _WORD_END.search(left) is not None and _WORD_START.match(right) is not None


def _join(row: Sequence[_Run]) -> _Line:
    parts: list[str] = []
    previous: _Run | None = None
    dominant = row[0]
    for run in row:
        text = "".join(run.chars)
        apart = previous is not None and (
            run.x0 - previous.x1 > 0.15 * min(run.size, previous.size)
            # Typesetters drop the space where the face changes between two
            # words ("Netzentgelte" in medium, "profitieren" in regular): a
            # change of face between two lower-case letters is a word break.
            or (_face(run.font) != _face(previous.font) and _two_words(parts[-1], text))
        )
        if apart and not parts[-1][-1:].isspace() and not text[:1].isspace():
            parts.append(" ")
        parts.append(text)
        if run.weight > dominant.weight:
            dominant = run
        previous = run
    return _Line("".join(parts).strip(), row[0].y, round(dominant.size, 1), dominant.bold)


def _gutters(rows: Sequence[Sequence[_Run]], page_width: float) -> list[tuple[float, float]]:
    """Vertical bands of white space that split the page into text columns.

    A band counts when at most half of the lines cross it (a title or a
    full-width paragraph may span the columns; `_in_columns` keeps those
    whole) and the text on each side is at least a column wide and three lines
    long, so that a strip of margin line numbers is not taken for a column.
    """
    # Text may stand left of the page (negative x): the bands are counted
    # from the leftmost text, and shifted back at the end.
    shift = -min(0.0, min(r.x0 for row in rows for r in row))
    width = int(max(page_width, max(r.x1 for row in rows for r in row)) + shift) + 2
    cover = [0] * (width + 1)
    left = width
    right = 0
    for row in rows:
        for run in row:
            if run.weight == 0:
                continue
            x0 = max(int(run.x0 + shift), 0)
            x1 = min(int(run.x1 + shift) + 1, width)
            cover[x0] += 1
            cover[x1] -= 1
            left = min(left, x0)
            right = max(right, x1)
    allowed = max(2, len(rows) // 2)
    min_column = max(72.0, 0.15 * page_width)
    depth = list(itertools.accumulate(cover))
    gutters: list[tuple[float, float]] = []
    x = left
    while x <= right:
        if depth[x] > allowed:
            x += 1
            continue
        start = x
        while x <= right and depth[x] <= allowed:
            x += 1
        # The gutter proper is where the fewest lines cross: the edges of a
        # low band may still hold the ends of a column's longest lines.
        band = _widest_at_minimum(depth, start, x)
        if band[1] - band[0] >= 8:
            gutters.append(band)
    kept: list[tuple[float, float]] = []
    edge = float(left)
    for index, (a, b) in enumerate(gutters):
        following = gutters[index + 1][0] if index + 1 < len(gutters) else float(right)
        if (
            a - edge >= min_column
            and following - b >= min_column
            and _rows_within(rows, edge - shift, a - shift) >= 3
            and _rows_within(rows, b - shift, following - shift) >= 3
        ):
            kept.append((a - shift, b - shift))
            edge = b
    return kept


def _widest_at_minimum(depth: Sequence[int], start: int, end: int) -> tuple[float, float]:
    lowest = min(depth[start:end])
    best = (0.0, 0.0)
    x = start
    while x < end:
        if depth[x] != lowest:
            x += 1
            continue
        begin = x
        while x < end and depth[x] == lowest:
            x += 1
        if x - begin > best[1] - best[0]:
            best = (float(begin), float(x))
    return best


def _rows_within(rows: Sequence[Sequence[_Run]], low: float, high: float) -> int:
    return sum(1 for row in rows if any(r.x0 >= low - 1 and r.x1 <= high + 1 for r in row))


def _in_columns(
    rows: Sequence[Sequence[_Run]], gutters: Sequence[tuple[float, float]]
) -> list[_Line]:
    """Lines column by column within each stretch of rows that no run crosses.

    A stretch is read as columns only when at least three of its rows have text
    in two columns; fewer are more likely justified words that happen to leave
    a gap in the same place, and are read across.
    """
    starts = [a for a, _ in gutters]
    lines: list[_Line] = []
    block: list[Sequence[_Run]] = []

    def flush() -> None:
        parts: list[list[list[_Run]]] = []
        for row in block:
            columns: list[list[_Run]] = [[] for _ in range(len(starts) + 1)]
            for run in row:
                columns[bisect.bisect_right(starts, run.x0)].append(run)
            parts.append(columns)
        if sum(1 for row in parts if sum(1 for part in row if part) > 1) >= 3:
            for column in range(len(starts) + 1):
                lines.extend(_join(row[column]) for row in parts if row[column])
        else:
            lines.extend(_join(row) for row in block)
        block.clear()

    for row in rows:
        if any(r.x0 < b - 1 and r.x1 > a + 1 for r in row for a, b in gutters):
            flush()
            lines.append(_join(row))
        else:
            block.append(row)
    flush()
    return lines


def _rows(pages: Sequence[list[_Line]], fallback: dict[int, list[str]]) -> list[Row]:
    """All pages as rows, with an empty row for each paragraph and page break."""
    pitch = _line_pitch(pages)
    rows: list[Row] = []
    for index, lines in enumerate(pages):
        page = index + 1
        texts = fallback.get(index)
        if texts is not None:
            if texts and rows:
                rows.append(("", page, None, False))
            rows.extend((text, page, None, False) for text in texts)
            continue
        shown = [line for line in lines if line.text]
        full = _FULL_LINE * max((len(line.text) for line in shown), default=0)
        for position, line in enumerate(shown):
            if position == 0:
                if rows:
                    rows.append(("", page, None, False))
            elif _paragraph_break(shown, position, pitch, full):
                rows.append(("", page, None, False))
            rows.append((line.text, page, line.size, line.bold))
    return rows


# Lines of one paragraph follow each other at one distance, whatever the spacing
# the authors chose for a passage; within this share of each other, two gaps are
# that one distance.
_SAME_GAP = 0.08
_SENTENCE_MARKS = frozenset(".!?:;")
# A line of running text fills most of the column (a share of the page's
# longest line); a title above its paragraph is shorter.
_FULL_LINE = 0.7


def _paragraph_break(lines: list[_Line], position: int, pitch: float, full: float) -> bool:
    """Whether a paragraph ends before `lines[position]`.

    A gap clearly wider than the document's line pitch ends one, unless the
    passage is set with wider spacing (a program double-spaced in places,
    Münster CDU 2014): the gap repeats the one before or after it, and the
    line above is a full line (at least `full` characters) in the same font
    that ends without closing its sentence.
    """
    previous, line = lines[position - 1], lines[position]
    gap = previous.y - line.y
    if gap <= 0:
        return True
    if gap <= _PARAGRAPH_GAP * pitch * (previous.size + line.size) / 2:
        return False
    same_font = (previous.size, previous.bold) == (line.size, line.bold)
    if _closes_sentence(previous.text) or not same_font:
        return True
    if len(previous.text) < full:
        return True
    neighbours = []
    if position >= 2:
        neighbours.append(lines[position - 2].y - previous.y)
    if position + 1 < len(lines):
        neighbours.append(line.y - lines[position + 1].y)
    return not any(abs(other - gap) <= _SAME_GAP * gap for other in neighbours)


def _line_pitch(pages: Sequence[list[_Line]]) -> float:
    """The most common baseline distance over font size between adjacent lines."""
    ratios: Counter[int] = Counter()
    for lines in pages:
        for above, below in itertools.pairwise(lines):
            gap = above.y - below.y
            if above.size == below.size and above.size > 0 and 0 < gap < 3 * above.size:
                ratios[round(gap / above.size * 40)] += 1
    if not ratios:
        return _DEFAULT_PITCH
    return ratios.most_common(1)[0][0] / 40


def _closes_sentence(text: str) -> bool:
    """Whether `text` ends a sentence, also before a margin's line number ("... gestärkt. 1234")."""
    for char in reversed(text):
        if char.isalpha():
            return False
        if char in _SENTENCE_MARKS:
            return True
    return False
