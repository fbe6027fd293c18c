"""Cleaned lines to blocks: paragraphs, list items and marked headings.

Wrapped lines are joined (undoing hyphenation), list markers are stripped
into `marker`, and a table-of-contents line stays a block of its own so the
outline can read it. For text without Markdown structure (plain text and
PDFs) paragraph ends are also inferred from layout: a short line that ends
a sentence, a change of font, a line in capitals.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from versprochen.extraction.chars import collapse_spaces
from versprochen.extraction.furniture import Line
from versprochen.extraction.hyphenation import join_lines, join_wrapped
from versprochen.extraction.types import Block, BlockKind, Format

TOC_SEPARATOR = " … "

_ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
_FENCE = re.compile(r"^\s*(?:```|~~~)")
_TOC_TAIL = re.compile(
    r"(?:[ ]*\t[\s]*|[ ]{5,}|[ ]*\.{4,}[ ]*|[ ]*…{2,}[ ]*|[ ]*(?:\.[ ]){4,}[ ]*)(\d{1,3})[ ]*$"
)
_DOT_LEADER = re.compile(r"\s*(?:\.{4,}|…{2,}|(?:\.\s){4,})\s*\d{0,3}\s*$")
# Bullets that never start running text; an arrow ("➔ Busse: Der Takt wird dichter.",
# Oldenburg Volt 2026) is one too.
_STRONG_MARKER = re.compile(r"^([-*+•●▪■◦‣►➢➔✓□❖→])\s+(?=\S)")
# Markers that could also start a wrapped line of prose ("2. Weltkrieg").
_WEAK_MARKER = re.compile(
    r"^(\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}[.)]|[a-z][.)]|\(\d{1,2}\)|\([a-z]\)|[–—])\s+(?=\S)"
)
_SENTENCE_END = re.compile(r"[.!?:;…\"“”»«]\s*$")
# Abbreviations that stand inside a sentence, never at its end ("Betriebs-
# bzw." at a line end goes on in the next line).
_OPEN_ABBREVIATION = re.compile(
    r"(?<![\w.])(?:bzw|bspw|ggf|vgl|inkl|insb|insbes|sog|evtl|bzgl|z\.\s?b|u\.\s?a|d\.\s?h)\.\s*$",
    re.IGNORECASE,
)
# A quotation mark closes a sentence only after its punctuation ("... gesagt.“");
# after a word it closes a name inside the sentence, which a line in lower case
# continues ("die Straße “Schlossplatz”" / "für den Fuß- und Radverkehr öffnen").
_QUOTED_WORD_END = re.compile(r"[\w)][\"“”»«]\s*$")
_LETTER = re.compile(r"[^\W\d_]")
# What a title and the sentence under it begin with: a capital or a number.
_TITLE_START = re.compile(r"[A-ZÄÖÜ0-9„\"»]")
# A sentence ending inside the line: the end of a paragraph's first sentence.
_INNER_SENTENCE_END = re.compile(r"[a-zäöüß)][.!?]\s")
_OPEN_TITLE_END = re.compile(
    r"(?:\b(?:und|oder|sowie|für|der|die|das|des|dem|den|ein|eine|einer|eines|einem|mit|von|"
    r"vom|in|im|am|an|auf|aus|bei|zum|zur|zu|nach|über|unter|durch|gegen|ohne|um|als|wie)"
    r"|\b[a-zäöüß]+(?:er|es|em))\s*$"
)


def _toc_entry(text: str) -> tuple[str, str] | None:
    """(title, page) of a "Title ..... 12" or "Title<tab>12" line."""
    if not text[-1:].isdigit():
        return None
    tail = _TOC_TAIL.search(text)
    if tail is None:
        return None
    title = text[: tail.start()]
    if not _LETTER.search(title):
        return None
    return title, tail.group(1)


def _is_caps_line(text: str) -> bool:
    """A short line in capitals: a heading or a title, never running text."""
    if text.rstrip().endswith((".", ",", ";")) or len(text.split()) > 12:
        return False
    # German letters are all cased, so upper and lower case together count them.
    upper = sum(map(str.isupper, text))
    letters = upper + sum(map(str.islower, text))
    return letters >= 3 and upper >= 0.9 * letters


@dataclass(slots=True)
class _Pending:
    kind: BlockKind = "paragraph"
    level: int = 0
    marker: str = ""
    lines: list[Line] = field(default_factory=list)
    caps: bool = False
    toc: bool = False


@dataclass(slots=True)
class _Builder:
    fmt: Format
    width: float
    blocks: list[Block] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    offset: int = 0
    pending: _Pending = field(default_factory=_Pending)
    list_indents: list[int] = field(default_factory=list)
    last_toc: bool = False

    def flush(self) -> None:
        pending = self.pending
        self.pending = _Pending()
        if not pending.lines:
            return
        self.last_toc = pending.toc
        text = collapse_spaces(join_lines([collapse_spaces(line.text) for line in pending.lines]))
        if pending.kind == "heading" or not pending.toc:
            text = _DOT_LEADER.sub("", text).strip()
        if not text:
            return
        if pending.kind != "list_item":
            self.list_indents.clear()
        sizes: Counter[float] = Counter()
        bold_chars = 0
        total = 0
        for line in pending.lines:
            n = len(line.text.strip())
            total += n
            if line.size is not None:
                sizes[round(line.size, 1)] += n
            if line.bold:
                bold_chars += n
        if self.parts:
            self.offset += 2
        self.blocks.append(
            Block(
                text=text,
                start=self.offset,
                end=self.offset + len(text),
                page=pending.lines[0].page,
                kind=pending.kind,
                level=pending.level,
                size=sizes.most_common(1)[0][0] if sizes else None,
                bold=total > 0 and bold_chars * 2 > total,
                marker=pending.marker,
            )
        )
        self.parts.append(text)
        self.offset += len(text)

    def _list_level(self, indent: int) -> int:
        stack = self.list_indents
        while stack and indent < stack[-1]:
            stack.pop()
        if not stack or indent > stack[-1]:
            stack.append(indent)
        return len(stack)

    def _starts_item(self, text: str) -> re.Match[str] | None:
        strong = _STRONG_MARKER.match(text)
        if strong:
            return strong
        weak = _WEAK_MARKER.match(text)
        if weak is None:
            return None
        pending = self.pending
        if not pending.lines or pending.kind == "list_item" or pending.caps:
            return weak
        return weak if _SENTENCE_END.search(pending.lines[-1].text) else None

    def _bold_title(self, last: Line, line: Line) -> bool:
        """A bold line that stands alone, not bold words inside a paragraph.

        Readers flag a line bold when most of it is; a bold title is short
        and sits between a finished sentence and the following text.
        """
        short = 0.7 * self.width
        if last.bold:
            return len(last.text.strip()) < short and not _SENTENCE_END.search(last.text)
        return bool(_SENTENCE_END.search(last.text)) and len(line.text.strip()) < short

    def _ends_paragraph(self, line: Line) -> bool:
        """Layout says the pending paragraph ended before `line`."""
        pending = self.pending
        if not pending.lines:
            return False
        last = pending.lines[-1]
        if pending.caps != _is_caps_line(line.text) and self.fmt != "markdown":
            return True
        if last.bold != line.bold and self.fmt == "markdown":
            return True
        if last.bold != line.bold and self.fmt == "pdf" and self._bold_title(last, line):
            return True
        if last.size is not None and line.size is not None and abs(last.size - line.size) > 0.4:
            return True
        if self.fmt == "markdown" or pending.kind == "heading":
            return False
        if len(pending.lines) == 1 and self._title_line(last.text, line.text):
            return True
        tail = last.text.rstrip()
        if not _SENTENCE_END.search(tail) or _OPEN_ABBREVIATION.search(tail):
            return False
        if _QUOTED_WORD_END.search(tail) and line.text.lstrip()[:1].islower():
            return False
        if len(tail) < 0.85 * self.width:
            return True
        # A short line without final punctuation after a finished sentence
        # is a name, a title or a caption, not the paragraph's last line.
        nxt = line.text.strip()
        return len(nxt) < 0.4 * self.width and not _SENTENCE_END.search(nxt)

    def _title_line(self, text: str, nxt: str) -> bool:
        """A paragraph's only line so far is a title, and `nxt` begins the text under it.

        The first line of running text fills the width; a short first line
        without final punctuation, followed by a line that opens a sentence,
        is a heading that plain text from a PDF set without a blank line
        ("An den Klimawandel anpassen" / "Oldenburg soll zu einer …").
        """
        stripped = text.strip()
        if len(stripped) >= 0.6 * self.width or len(stripped.split()) > 10:
            return False
        if _SENTENCE_END.search(stripped) or stripped.endswith((",", "-", "–")):
            return False
        if _INNER_SENTENCE_END.search(stripped):
            return False
        # A title wrapped onto a second line breaks after a joining word or
        # an inflected adjective ("Migration und" / "Integration",
        # "geeintes" / "Europa"); a title set in capitals goes on in capitals.
        if _OPEN_TITLE_END.search(stripped) or _is_caps_line(nxt):
            return False
        return bool(_TITLE_START.match(stripped)) and bool(_TITLE_START.match(nxt.strip()))

    def _wrapped_entry(self) -> bool:
        pending = self.pending
        if not self.last_toc or not pending.lines or len(pending.lines) > 2:
            return False
        words = sum(len(line.text.split()) for line in pending.lines)
        return words <= 15 and not _SENTENCE_END.search(pending.lines[-1].text)

    def add(self, line: Line) -> None:
        text = line.text
        stripped = text.strip()
        if not stripped:
            self.flush()
            return
        if self.fmt == "markdown":
            setext = _SETEXT.match(text)
            pending = self.pending
            if setext and len(pending.lines) == 1 and pending.kind == "paragraph":
                pending.kind = "heading"
                pending.level = 1 if setext.group(1).startswith("=") else 2
                self.flush()
                return
            if _RULE.match(text):
                self.flush()
                return
        atx = _ATX.match(text)
        if atx:
            self.flush()
            self.pending = _Pending(kind="heading", level=len(atx.group(1)))
            self.pending.lines.append(_with_text(line, atx.group(2)))
            self.flush()
            return
        marker = self._starts_item(stripped)
        body = stripped[marker.end() :] if marker else stripped
        toc = _toc_entry(body)
        if toc and not marker and self._wrapped_entry():
            # The first line of a TOC entry too long for one line.
            pending = self.pending
            pending.toc = True
            body = collapse_spaces(toc[0]) + TOC_SEPARATOR + toc[1]
            pending.lines.append(_with_text(line, body))
            self.flush()
            return
        if marker or toc:
            self.flush()
            if toc:
                body = collapse_spaces(toc[0]) + TOC_SEPARATOR + toc[1]
            pending = _Pending(toc=bool(toc))
            if marker:
                pending.kind = "list_item"
                pending.marker = marker.group(1)
                pending.level = self._list_level(line.indent)
            pending.lines.append(_with_text(line, body))
            self.pending = pending
            if toc:
                self.flush()
            return
        if self._ends_paragraph(line):
            self.flush()
        if not self.pending.lines:
            self.pending.caps = self.fmt != "markdown" and _is_caps_line(stripped)
        self.pending.lines.append(_with_text(line, stripped))


def _with_text(line: Line, text: str) -> Line:
    return Line(text=text, page=line.page, size=line.size, bold=line.bold, indent=line.indent)


def typical_width(lines: list[Line]) -> float:
    """The length of a full line of running text (the wrap width)."""
    lengths = sorted(len(line.text.rstrip()) for line in lines if line.text.strip())
    if not lengths:
        return 0.0
    return float(lengths[min(len(lengths) - 1, int(0.98 * len(lengths)))])


def _join_wrapped_headings(lines: list[Line]) -> list[Line]:
    """A `#` heading hard-wrapped onto a second, short line ends there."""
    out: list[Line] = []
    skip = False
    for index, line in enumerate(lines):
        if skip:
            skip = False
            continue
        nxt = lines[index + 1].text.strip() if index + 1 < len(lines) else ""
        after = lines[index + 2].text.strip() if index + 2 < len(lines) else ""
        if (
            _ATX.match(line.text)
            and nxt
            and not after
            and len(nxt.split()) <= 10
            and not _ATX.match(nxt)
            and not _STRONG_MARKER.match(nxt)
            and not _FENCE.match(nxt)
            and not _SETEXT.match(nxt)
            and not _SENTENCE_END.search(nxt)
        ):
            out.append(_with_text(line, join_wrapped(line.text.rstrip(), nxt)))
            skip = True
            continue
        out.append(line)
    return out


def build_blocks(lines: list[Line], fmt: Format) -> tuple[str, tuple[Block, ...]]:
    """The cleaned text and its blocks, separated by blank lines."""
    builder = _Builder(fmt=fmt, width=typical_width(lines))
    if fmt == "markdown":
        lines = _join_wrapped_headings(lines)
    in_fence = False
    for line in lines:
        if _FENCE.match(line.text):
            # Converters fence titles they could not place; the content stays.
            builder.flush()
            in_fence = not in_fence
            continue
        builder.add(line)
    builder.flush()
    return "\n\n".join(builder.parts), tuple(builder.blocks)
