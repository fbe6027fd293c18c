"""The API's response shapes (OpenAPI); filled from `versprochen.tracker.public`."""

from __future__ import annotations

from typing import Any

from ninja import Schema
from pydantic import Field


class BodyOut(Schema):
    slug: str
    name: str
    ags: str | None


class DocumentOut(Schema):
    slug: str
    title: str
    kind: str
    body: str
    authors: list[str]
    term_start: int | None
    term_end: int | None
    date: str | None
    format: str
    page_count: int
    has_pages: bool = Field(
        description="Whether the source has pages (a PDF, or a text with form feeds); "
        "without pages, mentions and sections have no page (null) and are cited by "
        "section and paragraph"
    )
    source_url: str | None = Field(None, description="Where the document was published")
    pipeline: str
    sha256: str | None
    pledge_count: int
    status_counts: dict[str, int]


class SectionOut(Schema):
    index: int
    title: str
    level: int
    page: int | None = Field(description="The page it starts on; null for a source without pages")
    start: int
    parent: int | None


class MentionOut(Schema):
    id: int
    page: int | None = Field(description="The page; null for a source without pages")
    start: int
    end: int
    text: str


class EvidenceOut(Schema):
    kind: str
    title: str
    url: str | None
    date: str | None
    quote: str
    oparl_id: str | None


class AssessmentOut(Schema):
    id: int
    pledge: int
    status: str
    status_label: str
    assessed_on: str
    published_at: str | None
    rationale: str
    reason: str
    evidence: list[EvidenceOut]


class CorrectionOut(Schema):
    id: int
    pledge: int
    kind: str
    changes: dict[str, list[Any]]
    related: int | None
    at: str


class PledgeOut(Schema):
    id: int
    document: str
    body: str
    number: int
    text: str
    section: str | None
    area: str
    area_label: str
    cap: int
    cap_topic: str
    kind: str
    testable: bool
    quantities: list[str]
    places: list[str]
    status: str
    status_label: str
    status_changed_at: str | None
    pipeline: str
    mentions: list[MentionOut] = Field(default_factory=list)


class PledgeDetailOut(PledgeOut):
    current: bool
    gone_in_version: int | None = Field(
        None, description="The document version that no longer contains the pledge"
    )
    mentions_version: int | None = Field(
        None, description="The document version whose text the mentions' offsets refer to"
    )
    assessments: list[AssessmentOut]
    corrections: list[CorrectionOut]


class PageOut(Schema):
    page: int
    page_size: int
    count: int
    count_is_lower_bound: bool
    next_page: int | None


class PledgePageOut(PageOut):
    problems: list[str]
    items: list[PledgeOut]


class AssessmentPageOut(PageOut):
    items: list[AssessmentOut]


class BodyPageOut(PageOut):
    items: list[BodyOut]


class DocumentPageOut(PageOut):
    items: list[DocumentOut]


class SectionPageOut(PageOut):
    items: list[SectionOut]


class ErrorOut(Schema):
    detail: str
