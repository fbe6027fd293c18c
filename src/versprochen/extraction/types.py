"""The data that flows between the extraction stages.

Every stage takes exactly one of these types and returns the next one, so a
stage can be run and tested on its own with a literal input built in a test.
All types are frozen: a stage never changes its input.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Format = Literal["pdf", "markdown", "text"]
BlockKind = Literal["paragraph", "list_item", "heading"]
SegmentKind = Literal["sentence", "list_item"]
Kind = Literal["action", "preserve", "reject", "examine"]

AREAS: tuple[str, ...] = (
    "wirtschaft_arbeit",
    "bildung",
    "kinder_jugend_familie",
    "mobilitaet",
    "sicherheit_ordnung",
    "digitalisierung_verwaltung",
    "soziales_gesundheit",
    "sport",
    "umwelt_klima_energie",
    "kultur",
    "wohnen_stadtentwicklung",
    "finanzen",
    "demokratie_beteiligung",
    "koalition_personal",
)
CAP_TOPICS: dict[int, str] = {
    1: "Macroeconomics",
    2: "Civil Rights",
    3: "Health",
    4: "Agriculture",
    5: "Labor",
    6: "Education",
    7: "Environment",
    8: "Energy",
    9: "Immigration",
    10: "Transportation",
    12: "Law and Crime",
    13: "Social Welfare",
    14: "Housing",
    15: "Domestic Commerce",
    16: "Defense",
    17: "Technology",
    18: "Foreign Trade",
    19: "International Affairs",
    20: "Government Operations",
    21: "Public Lands",
    23: "Culture",
}
KINDS: tuple[Kind, ...] = ("action", "preserve", "reject", "examine")


# --- read -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Source:
    """The bytes of one document as its authors published it."""

    name: str
    data: bytes


@dataclass(frozen=True, slots=True)
class RawLine:
    """One line of the source as the reader found it.

    An empty `text` stands for a vertical gap (a paragraph break). `size` and
    `bold` are only known for PDFs.
    """

    text: str
    page: int
    size: float | None = None
    bold: bool = False


@dataclass(frozen=True, slots=True)
class RawDocument:
    name: str
    format: Format
    lines: tuple[RawLine, ...]
    sha256: str
    encoding: str | None = None
    page_count: int = 1


# --- clean ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph, list item or marked heading of the cleaned text.

    `text == CleanDocument.text[start:end]`. `level` is the Markdown heading
    level for headings and the nesting depth for list items. `marker` is the
    bullet or number that was stripped from a list item ("•", "-", "1.", "a)").
    """

    text: str
    start: int
    end: int
    page: int
    kind: BlockKind = "paragraph"
    level: int = 0
    size: float | None = None
    bold: bool = False
    marker: str = ""


@dataclass(frozen=True, slots=True)
class CleanDocument:
    name: str
    format: Format
    sha256: str
    text: str
    blocks: tuple[Block, ...]
    page_count: int = 1


# --- outline ----------------------------------------------------------------

BlockRole = Literal["body", "heading", "toc", "furniture"]


@dataclass(frozen=True, slots=True)
class Section:
    """A heading of the document with its place in the outline.

    `start` is the offset of the heading in the cleaned text, or of the first
    block it governs when the heading was restored from the table of contents
    (`restored`). `parent` is the index of the enclosing section.
    """

    title: str
    level: int
    page: int
    start: int
    parent: int | None = None
    restored: bool = False


@dataclass(frozen=True, slots=True)
class OutlinedDocument:
    clean: CleanDocument
    sections: tuple[Section, ...]
    # One entry per block of `clean.blocks`.
    block_sections: tuple[int | None, ...]
    block_roles: tuple[BlockRole, ...]

    def section_path(self, index: int | None) -> tuple[str, ...]:
        """Titles from the top-level section down to `index`."""
        path: list[str] = []
        while index is not None:
            path.append(self.sections[index].title)
            index = self.sections[index].parent
        return tuple(reversed(path))


# --- segment ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Segment:
    """A sentence or list item: the unit the detector judges.

    `lead` is the sentence that introduces the list a list item belongs to
    ("Umsetzung der Kita-Strategie mit den folgenden Punkten:"), else "".
    """

    text: str
    start: int
    end: int
    page: int
    block: int
    section: int | None
    kind: SegmentKind = "sentence"
    lead: str = ""


@dataclass(frozen=True, slots=True)
class SegmentedDocument:
    outlined: OutlinedDocument
    segments: tuple[Segment, ...]


# --- detect -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Candidate:
    """A passage judged to be a commitment: one segment, or several joined."""

    text: str
    segments: tuple[Segment, ...]
    score: float
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Rejection:
    segment: Segment
    reason: str


@dataclass(frozen=True, slots=True)
class DetectedDocument:
    outlined: OutlinedDocument
    candidates: tuple[Candidate, ...]
    rejected: tuple[Rejection, ...] = ()


# --- split ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Statement:
    """One atomic commitment in one place of the document."""

    text: str
    start: int
    end: int
    page: int
    section: int | None


@dataclass(frozen=True, slots=True)
class SplitDocument:
    outlined: OutlinedDocument
    statements: tuple[Statement, ...]


# --- code -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Coding:
    """The fields of the guideline's section 4 that are derived from the text."""

    area: str
    cap: int
    kind: Kind
    testable: bool
    quantities: tuple[str, ...] = ()
    places: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CodedStatement:
    statement: Statement
    coding: Coding


@dataclass(frozen=True, slots=True)
class CodedDocument:
    outlined: OutlinedDocument
    statements: tuple[CodedStatement, ...]


# --- merge: the result --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mention:
    """One place where a pledge stands: its wording and span in the cleaned text."""

    text: str
    page: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Pledge:
    id: str
    text: str
    section: str | None
    section_index: int | None
    coding: Coding
    mentions: tuple[Mention, ...]


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything the extraction found in one document."""

    document: str
    pipeline: str
    format: Format
    sha256: str
    text: str
    sections: tuple[Section, ...]
    pledges: tuple[Pledge, ...]
    page_count: int = 1
    encoding: str | None = None
    stats: dict[str, float] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        """The shape `versprochen extract --json` prints."""
        return {
            "document": self.document,
            "pipeline": self.pipeline,
            "sections": [
                {"title": s.title, "level": s.level, "page": s.page} for s in self.sections
            ],
            "pledges": [
                {
                    "id": p.id,
                    "text": p.text,
                    "section": p.section,
                    "area": p.coding.area,
                    "cap": p.coding.cap,
                    "kind": p.coding.kind,
                    "testable": p.coding.testable,
                    "quantities": list(p.coding.quantities),
                    "places": list(p.coding.places),
                    "mentions": [
                        {"text": m.text, "page": m.page, "start": m.start, "end": m.end}
                        for m in p.mentions
                    ],
                }
                for p in self.pledges
            ],
        }
