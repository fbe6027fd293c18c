"""segment: blocks to sentences and list items, the units the detector judges.

syntok knows German abbreviations ("z.B.", "u.a.", "ggf.", "bspw.") but cuts
after ordinal numbers ("des 21. Jahrhunderts", "am 13. September"); a cut
after a one- to three-digit number is undone, because a German sentence
almost never ends in a bare small number.

syntok is the costliest step of the stage, and most full stops are not in
doubt: one after a plain word that is no abbreviation, before a capitalised
word, ends a sentence. A block is cut there first, and syntok sees only the
pieces that still hold a doubtful stop ("z. B. Schulen", "am 3. Mai").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from syntok import segmenter

from versprochen.extraction.stage import stage
from versprochen.extraction.types import Block, OutlinedDocument, Segment, SegmentedDocument

_ORDINAL_END = re.compile(r"(?:^|[\s(])\d{1,3}\.$")
_FINAL_PUNCTUATION = re.compile(r"[.!?:;…\"“”»«)]\s*$")
# Abbreviations that end in a full stop inside a sentence (compared lower-cased).
_ABBREVIATION_WORDS = (
    "z u d v o s i e bzw bspw ggf usw vgl inkl ca nr abs art aug sep sept okt nov dez jan feb "
    "mär apr jun jul st dr prof hr fr evtl max min mind sog insb insbes bzgl std mio mrd tsd etc "
    "stellv str allg ehem jhd jhdt zzt zzgl ggü lfd bes usf dgl ebd hrsg kap abschn ziff gem www"
)
_ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())


def _is_abbreviation(word: str) -> bool:
    """Whether `word`, before a full stop, is an abbreviation ("ggf", "Hauptstr")."""
    lowered = word.lower()
    # No German word ends in "str": street names abbreviated ("Bahnhofstr.").
    return lowered in _ABBREVIATIONS or lowered.endswith("str")


_ABBREVIATION_END = re.compile(r"(?<![\w.])(\w+)\.$")
# A stop, "!" or "?" after a plain word of three or more lower-case letters at
# its end, then a capitalised word: the one kind of sentence end syntok is not
# needed for. Words with a stop inside ("u.a.") are left to syntok. Converted
# text often loses the space after a stop ("kostet mehr.Eine große ..."); a
# capitalised word straight after the stop then starts a sentence too.
_CLEAR_END = re.compile(
    r"(?<![\w.])([\w-]*[a-zäöüß]{3})[.!?](?:\s+(?=[A-ZÄÖÜ])|(?=[A-ZÄÖÜ][a-zäöüß]{2}))"
)


_POSSIBLE_BOUNDARY = re.compile(r"[.!?;:][\"'“”»«’)\]]*\s+\S")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of one block."""
    spans: list[tuple[int, int]] = []
    start = 0
    for end in _clear_ends(text):
        spans.extend((start + a, start + b) for a, b in _piece_spans(text[start:end]))
        start = end
    spans.extend((start + a, start + b) for a, b in _piece_spans(text[start:]))
    return [part for a, b in spans for part in _bounded(text, a, b)]


# No pledge is this long (the longest of ~750 gold pledges has 433 characters);
# a "sentence" beyond it is a table or a list flattened without full stops.
# It is cut at clause ends, so the later stages, whose work grows with the
# square of a sentence's length, stay linear in the document's.
MAX_SENTENCE = 2000
_CLAUSE_END = re.compile(r"[,;:–—]\s+|\s+(?=und\s|oder\s|sowie\s)")


def _bounded(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The span cut into pieces of at most MAX_SENTENCE characters."""
    while end - start > MAX_SENTENCE:
        window = text[start : start + MAX_SENTENCE]
        cut = max((m.end() for m in _CLAUSE_END.finditer(window, MAX_SENTENCE // 2)), default=0)
        if not cut:
            cut = window.rfind(" ") + 1 or MAX_SENTENCE
        piece_end = start + len(text[start : start + cut].rstrip())
        yield start, piece_end
        start += cut
    yield start, end


def _clear_ends(text: str) -> list[int]:
    """Where sentences certainly end: after the stop and its following space."""
    ends = []
    depth, counted = 0, 0
    for match in _CLEAR_END.finditer(text):
        # syntok does not cut inside a bracket; neither does this.
        between = text[counted : match.start()]
        depth += between.count("(") - between.count(")")
        counted = match.start()
        if depth <= 0 and not _is_abbreviation(match.group(1)):
            ends.append(match.end())
    return ends


def _piece_spans(text: str) -> list[tuple[int, int]]:
    if not _POSSIBLE_BOUNDARY.search(text):
        # No punctuation followed by more text: the block is one sentence, and
        # syntok's tokenizer (the costliest step here) has nothing to decide.
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        return [(start, end)] if end > start else []
    spans: list[tuple[int, int]] = []
    for paragraph in segmenter.analyze(text):
        for sentence in paragraph:
            tokens = list(sentence)
            if not tokens:
                continue
            start = tokens[0].offset
            end = tokens[-1].offset + len(tokens[-1].value)
            if spans and _continues(text[spans[-1][0] : spans[-1][1]], text[start:end]):
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
    return spans


def _continues(previous: str, following: str) -> bool:
    if _ORDINAL_END.search(previous):
        return True
    # syntok cuts before a bracket left open ("soll automatisierte (KI-basierte
    # Analysen ..."); a sentence does not end without its final punctuation.
    if following.startswith("(") and not _FINAL_PUNCTUATION.search(previous):
        return True
    abbreviation = _ABBREVIATION_END.search(previous)
    if abbreviation and _is_abbreviation(abbreviation.group(1)):
        return True
    return bool(following[:1].islower())


# A stem that the items of the following list complete: "Wir fordern",
# "Daher wollen wir", "Wir setzen uns ein" (no colon, no full stop).
MAX_STEM_WORDS = 6
_SENTENCE_END = re.compile(r"[.!?;…\"“”]\s*$")


def _lead(block: Block, following: Block | None) -> str:
    """The sentence that introduces a list: a paragraph ending in a colon, or a
    short unfinished stem right before a list item."""
    text = block.text.rstrip()
    if text.endswith(":"):
        return block.text
    stem = len(text.split()) <= MAX_STEM_WORDS and not _SENTENCE_END.search(text)
    if stem and following is not None and following.kind == "list_item":
        return block.text
    return ""


def _segments(doc: OutlinedDocument) -> Iterator[Segment]:
    lead = ""
    for index, block in enumerate(doc.clean.blocks):
        role = doc.block_roles[index]
        if role != "body":
            if role == "heading":
                lead = ""
            continue
        is_item = block.kind == "list_item"
        if not is_item:
            blocks = doc.clean.blocks
            lead = _lead(block, blocks[index + 1] if index + 1 < len(blocks) else None)
        for start, end in sentence_spans(block.text):
            yield Segment(
                text=block.text[start:end],
                start=block.start + start,
                end=block.start + end,
                page=block.page,
                block=index,
                section=doc.block_sections[index],
                kind="list_item" if is_item else "sentence",
                lead=lead if is_item else "",
            )


@stage("segment", 3)
def segment(doc: OutlinedDocument) -> SegmentedDocument:
    return SegmentedDocument(outlined=doc, segments=tuple(_segments(doc)))
