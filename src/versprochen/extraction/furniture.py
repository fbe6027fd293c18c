"""Page furniture in raw lines: margin line numbers, page numbers, running
headers and footers, and the page boundaries they reveal.

Every rule here looks at the whole document (a number sequence, a line that
recurs on many pages), never at a single line, so that a number or a short
line that belongs to the text is left alone.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass


@dataclass(slots=True)
class Line:
    """A raw line while it is being cleaned (mutable, unlike `RawLine`)."""

    text: str
    page: int
    size: float | None = None
    bold: bool = False
    indent: int = 0


# --- margin line numbers -------------------------------------------------------

# A bullet the reader put before the margin number ("•4566 Finanzen") stays.
_LEADING_NUMBER = re.compile(r"^\s*(?P<bullet>[•▪●◦-]\s*)?(\d{1,5})(?:\s+|$)")
_TRAILING_NUMBER = re.compile(r"(?:^|\s)(\d{1,5})\s*$")
_LEADING_REPLACEMENT = r"\g<bullet>"
# A line number may skip values (empty numbered lines are dropped by the
# reader, bullets hide some) and restarts at 1 when an agreement counts lines
# per page.
_MAX_STEP = 40


def _continues(n: int, last: int) -> bool:
    return last < n <= last + _MAX_STEP or (n == 1 and last > 1) or (last == 0 and n < 10000)


def _count_up(numbers: list[int | None]) -> tuple[int, int]:
    """(lines whose number continues the count, lines with a number)."""
    last = 0
    hits = 0
    present = 0
    for n in numbers:
        if n is None:
            continue
        present += 1
        if _continues(n, last):
            hits += 1
            last = n
    return hits, present


def remove_line_numbers(lines: list[Line]) -> None:
    """Strip margin numbers that count up line by line (coalition agreements)."""
    # "- 2 -" is a page number, not a line numbered 2.
    content = [line for line in lines if line.text.strip() and page_number(line.text) is None]
    if len(content) < 20:
        return
    leading: list[int | None] = []
    trailing: list[int | None] = []
    for line in content:
        lead = _LEADING_NUMBER.match(line.text)
        trail = _TRAILING_NUMBER.search(line.text)
        leading.append(int(lead.group(2)) if lead else None)
        trailing.append(int(trail.group(1)) if trail else None)
    best: tuple[int, re.Pattern[str], list[int | None]] | None = None
    for pattern, numbers in ((_LEADING_NUMBER, leading), (_TRAILING_NUMBER, trailing)):
        hits, _present = _count_up(numbers)
        if hits >= 0.3 * len(content) and (best is None or hits > best[0]):
            best = (hits, pattern, numbers)
    if best is None:
        return
    _hits, pattern, numbers = best
    last = 0
    for line, n in zip(content, numbers, strict=True):
        if n is None or not _continues(n, last):
            continue
        last = n
        if pattern is _LEADING_NUMBER:
            line.text = _LEADING_NUMBER.sub(_LEADING_REPLACEMENT, line.text, count=1)
        else:
            line.text = _TRAILING_NUMBER.sub("", line.text, count=1)


# --- page numbers --------------------------------------------------------------

_PAGE_NUMBER = re.compile(
    r"^\s*(?:"
    r"[-–—]?\s*(?P<a>\d{1,3})\s*[-–—]?"
    r"|(?:Seite|S\.|Page)\s*(?P<b>\d{1,3})(?:\s*(?:von|/|of)\s*\d{1,3})?"
    r"|(?P<c>\d{1,3})\s*(?:/|von)\s*\d{1,3}"
    r")\s*$",
    re.IGNORECASE,
)


def page_number(text: str) -> int | None:
    """The number if `text` is nothing but a printed page number."""
    match = _PAGE_NUMBER.match(text)
    if match is None:
        return None
    value = match.group("a") or match.group("b") or match.group("c")
    return int(value)


def _edge_indices(lines: list[Line], depth: int) -> list[list[int]]:
    """Per page, the indices of its first and last `depth` non-empty lines."""
    by_page: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        if line.text.strip():
            by_page.setdefault(line.page, []).append(index)
    edges = []
    for indices in by_page.values():
        chosen = indices[:depth] + indices[-depth:]
        edges.append(sorted(set(chosen)))
    return edges


def remove_page_numbers(lines: list[Line]) -> None:
    """Drop page-number lines at the top or bottom of known pages."""
    for indices in _edge_indices(lines, 2):
        for index in indices:
            line = lines[index]
            n = page_number(line.text)
            if n is not None and line.page - 30 <= n <= line.page + 5:
                line.text = ""


def _is_isolated(lines: list[Line], index: int) -> bool:
    before = index == 0 or not lines[index - 1].text.strip()
    after = index + 1 >= len(lines) or not lines[index + 1].text.strip()
    return before and after


def infer_pages(lines: list[Line]) -> None:
    """Pages of text that lost its page breaks, from printed page numbers.

    A standalone "4" between blank lines closes page 4, so the text after it
    starts page 5. Between two printed numbers the missing pages are spread
    evenly over the lines; before the first and after the last one, pages
    are counted with the document's lines-per-page.
    """
    marks: list[tuple[int, int]] = []
    for index, line in enumerate(lines):
        if not line.text.strip() or not _is_isolated(lines, index):
            continue
        n = page_number(line.text)
        if n is None or n == 0:
            continue
        if not marks and n > 300:
            continue
        if marks and not marks[-1][1] < n <= marks[-1][1] + 10:
            continue
        marks.append((index, n))
    if not marks:
        return
    for index, _n in marks:
        lines[index].text = ""
    per_page = 0.0
    if len(marks) >= 2:
        spans = [(b[0] - a[0]) / (b[1] - a[1]) for a, b in itertools.pairwise(marks)]
        per_page = sorted(spans)[len(spans) // 2]
    first_index, first_n = marks[0]
    for index in range(first_index):
        back = int((first_index - index) / per_page) if per_page else 0
        lines[index].page = max(1, first_n - back)
    for (ia, na), (ib, nb) in itertools.pairwise(marks):
        for index in range(ia, ib):
            offset = int((index - ia) * (nb - na) / (ib - ia))
            lines[index].page = min(nb, na + 1 + offset)
    last_index, last_n = marks[-1]
    for index in range(last_index, len(lines)):
        ahead = int((index - last_index) / per_page) if per_page else 0
        lines[index].page = last_n + 1 + ahead


# --- running headers and footers -------------------------------------------------

_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")


def _key(text: str) -> str:
    return _SPACES.sub(" ", _DIGITS.sub("#", text)).strip().lower()


def remove_running_lines(lines: list[Line]) -> None:
    """Drop lines that recur at the top or bottom of many pages."""
    edges = _edge_indices(lines, 2)
    if len(edges) < 3:
        return
    counts: Counter[str] = Counter()
    for indices in edges:
        counts.update({_key(lines[i].text) for i in indices})
    threshold = max(3, int(0.25 * len(edges)))
    running = {key for key, count in counts.items() if count >= threshold and key}
    if not running:
        return
    for indices in edges:
        for index in indices:
            if _key(lines[index].text) in running:
                lines[index].text = ""


_OPEN_END = re.compile(r"[^.!?:;]\s*$")
# A line ending in one of these words cannot end a paragraph or a title.
_BINDING_END = re.compile(
    r"\b(?:und|oder|sowie|der|die|das|des|dem|den|ein|eine|einer|eines|für|von|mit|zu|zur|zum|"
    r"in|im|an|am|auf|aus|bei|nach|über|unter|vor|durch|gegen|ohne|um|als|wie|dass)\s*$",
    re.IGNORECASE,
)


_BLOCK_START = re.compile(r"(#|[-*•–]\s|\d+[.)]\s|[A-ZÄÖÜ0-9 ,.&-]+$)")
# "4 Kinder und Familien" alone on its line: a chapter title, not a sentence's rest.
_NUMBERED_TITLE_LINE = re.compile(r"^\d{1,2} +[A-ZÄÖÜ][^.!?:;]*$")


def _starts_block(lines: list[Line], index: int) -> bool:
    text = lines[index].text.strip()
    if _BLOCK_START.match(text):
        return True
    alone = index + 1 >= len(lines) or not lines[index + 1].text.strip()
    return alone and len(text.split()) <= 12 and bool(_NUMBERED_TITLE_LINE.match(text))


# A word broken at the line end ("Außer-" + "dem") fills its line: typeset text
# breaks a word only where the next one does not fit.
_BROKEN_WORD_END = re.compile(r"[a-zäöüß]-$")
# Enough broken words to tell the width of a full line by them.
_MIN_BROKEN_LINES = 10
# A full line may be a word shorter than the column it fills.
_FULL_SHARE = 0.8


def _full_line(lines: list[Line]) -> float:
    """The length from which a line is a full line of running text.

    The lines that end in a broken word are full by the way text is set, so
    their median length is the width of the column. Without enough of them,
    the longest lines tell it, which a few overlong lines (a table row, an
    unwrapped paragraph) can push beyond every line of the running text.
    """
    broken = sorted(
        len(text) for line in lines if _BROKEN_WORD_END.search(text := line.text.strip())
    )
    if len(broken) >= _MIN_BROKEN_LINES:
        return _FULL_SHARE * broken[len(broken) // 2]
    lengths = sorted(len(line.text.strip()) for line in lines if line.text.strip())
    if not lengths:
        return 0.0
    return _FULL_SHARE * lengths[min(len(lengths) - 1, int(0.98 * len(lengths)))]


def join_across_pages(lines: list[Line]) -> list[Line]:
    """Drop the gap a page break leaves inside a running paragraph.

    A line that ends without final punctuation continues on the next page
    when that page starts in lower case or the line is a full line of text.
    Text converted without pages (Markdown) shows a page break as a run of
    blank lines; such a run inside a sentence is treated the same way, unless
    a heading or list item follows.
    """
    full = _full_line(lines)
    out: list[Line] = []
    gap: list[Line] = []
    for index, line in enumerate(lines):
        if not line.text.strip():
            gap.append(line)
            continue
        if gap:
            last = next((x for x in reversed(out) if x.text.strip()), None)
            page_break = last is not None and (
                last.page != line.page or (len(gap) >= 2 and not _starts_block(lines, index))
            )
            continues = (
                last is not None
                and page_break
                and bool(_OPEN_END.search(last.text))
                and (
                    line.text.lstrip()[:1].islower()
                    or len(last.text.strip()) >= full
                    or bool(_BINDING_END.search(last.text))
                )
            )
            if not continues:
                out.extend(gap)
            gap = []
        out.append(line)
    out.extend(gap)
    return out
