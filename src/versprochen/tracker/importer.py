"""Store an extraction as a document with sections, pledges and mentions.

The caller owns the transaction (`versprochen import` wraps `store_extraction`
in one); nothing here commits. A new version of a document keeps every pledge
that is still there, matched by the text the extraction found, with its
assessments; pledges that are gone stay in the database with `current=False`.
Editors' corrections survive: corrected fields keep the editor's value, a pledge
marked as not a pledge stays out of the lists, a merged one's mentions go to the
pledge it was merged into (which stays while any text merged into it is there),
and pledges editors added or split off keep their place when their text (or one
at least as similar as a changed pledge) is found in the new version; when it is
not, they are kept and reported, never lost.
"""

from __future__ import annotations

from versprochen.extraction.types import Extraction
from versprochen.tracker.importing.carryover import Progress, carry_over, place_keys
from versprochen.tracker.importing.info import (
    MAX_NAME,
    MAX_TITLE,
    DocumentInfo,
    ImportReport,
    find_existing,
    parse_authors,
    parse_term,
    sha256_of,
    without_nul,
)
from versprochen.tracker.importing.matching import CHANGED_PLEDGE_SIMILARITY, match
from versprochen.tracker.importing.outline import rewrite_outline
from versprochen.tracker.importing.receive import named, receive
from versprochen.tracker.importing.retire import retire
from versprochen.tracker.models import Mention
from versprochen.tracker.spans import renumber
from versprochen.tracker.tally import refresh_tally


def store_extraction(
    info: DocumentInfo,
    filename: str,
    data: bytes,
    extraction: Extraction,
    progress: Progress | None = None,
    *,
    again: bool = False,
) -> ImportReport:
    """Write `extraction` of `data` as the newest version of the document `info` names.

    Bytes that are the current version already change nothing, unless `again`: then
    they are a new version extracted anew (`versprochen reextract`)."""
    if not again:
        existing = find_existing(info, sha256_of(data))
        if existing is not None:
            return existing
    extraction = without_nul(extraction)
    notes: list[str] = []
    received = receive(info, filename, data, extraction, notes, again)
    document = received.document
    outline = rewrite_outline(document, extraction)
    matching = match(document, extraction)
    report = ImportReport(document=document, version=received.version, notes=notes)
    carry_over(document, extraction, matching, outline.sections, report, progress)
    retire(matching.gone, received.source, outline.section_before, report)
    renumber(document)
    refresh_tally(document)
    return report


__all__ = [
    "CHANGED_PLEDGE_SIMILARITY",
    "MAX_NAME",
    "MAX_TITLE",
    "DocumentInfo",
    "ImportReport",
    "Mention",
    "find_existing",
    "named",
    "parse_authors",
    "parse_term",
    "place_keys",
    "sha256_of",
    "store_extraction",
    "without_nul",
]
