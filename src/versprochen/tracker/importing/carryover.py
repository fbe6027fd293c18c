"""Step 4 of an import: carry the matched pledges over into the new version.

A matched pledge takes the new values, except those an editor corrected; its
mentions are rewritten. Pledges editors made get their mentions where their text
was found; those kept by a merged text or not found at all are reported.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from versprochen.extraction.types import Extraction
from versprochen.extraction.types import Pledge as ExtractedPledge
from versprochen.tracker.importing.holders import mention_holder
from versprochen.tracker.importing.info import ImportReport
from versprochen.tracker.importing.matching import Matching
from versprochen.tracker.models import Document, Mention, Pledge, PledgePlace, Section
from versprochen.tracker.spans import page_at, section_at

Progress = Callable[[int], None]
BATCH = 500  # rows a statement (SQLite allows 32,766 variables in one)
# What `_update` sets on a pledge that is already stored.
UPDATED_FIELDS = [
    "text",
    "area",
    "cap",
    "kind",
    "testable",
    "quantities",
    "places",
    "extracted_text",
    "number",
    "section",
    "pipeline",
    "current",
]


def carry_over(
    document: Document,
    extraction: Extraction,
    matching: Matching,
    sections: Sequence[Section],
    report: ImportReport,
    progress: Progress | None = None,
) -> None:
    """Write every extracted pledge (matched or new) and place the editors' pledges.

    New rows are written in batches and stored ones only where they change: this runs
    inside the import's transaction, which holds SQLite's write lock until it ends."""
    # The mentions are rewritten, except those of gone pledges (of this import and
    # earlier ones): they keep showing where the pledge stood in the version before.
    Mention.objects.filter(document=document, pledge__gone_in=None).exclude(
        pledge__in=[p.pk for p in matching.gone]
    ).delete()
    written: list[tuple[Pledge, ExtractedPledge]] = []
    new: list[Pledge] = []
    for i, extracted in enumerate(extraction.pledges):
        pledge = matching.same.get(i) or matching.changed.get(i)
        if pledge is None:
            pledge = Pledge(document=document, body=document.body)
            report.new.append(extracted.text)
            new.append(pledge)
            _update(pledge, extracted, i + 1, sections, extraction.pipeline)
        else:
            if i in matching.changed:
                report.changed.append((pledge.extracted_text or pledge.text, extracted.text))
            else:
                report.kept += 1
            before = _stored(pledge)
            _update(pledge, extracted, i + 1, sections, extraction.pipeline)
            after = _stored(pledge)
            # Only what changed is written (a re-import mostly renumbers a few).
            changed = [name for name in UPDATED_FIELDS if before[name] != after[name]]
            if changed:
                pledge.save(update_fields=changed)
        written.append((pledge, extracted))
        if progress is not None:
            progress(1)
    Pledge.objects.bulk_create(new, batch_size=BATCH)
    _refresh_places([pledge for pledge, _ in written])
    Mention.objects.bulk_create(
        (
            Mention(
                pledge=mention_holder(pledge),
                document=document,
                text=m.text,
                page=m.page,
                start=m.start,
                end=m.end,
            )
            for pledge, extracted in written
            for m in extracted.mentions
        ),
        batch_size=BATCH,
    )
    _place_editors_pledges(document, matching, report)


def _place_editors_pledges(document: Document, matching: Matching, report: ImportReport) -> None:
    for editors, spans in matching.carried.items():
        _mentions_at(editors, spans, document)
    for pledge in matching.kept_by_merge:
        first = pledge.mentions.filter(document=document).order_by("start").first()
        pledge.section = section_at(document, first.start) if first else None
        pledge.save(update_fields=["section"])
        report.notes.append(
            f"kept (its own text is gone, a text merged into it is still there): {pledge.text}"
        )
    for pledge in matching.unplaced:
        pledge.section = None
        pledge.save(update_fields=["section"])
        report.unplaced.append(pledge.text)
        report.notes.append(
            f"an editors' pledge whose text is not in this version (kept, please check "
            f"/redaktion/versprechen/{pledge.pk}/): {pledge.text}"
        )


def _update(
    pledge: Pledge,
    extracted: ExtractedPledge,
    number: int,
    sections: Sequence[Section],
    pipeline: str,
) -> None:
    """Set the extraction's values on `pledge` (not saved), except those an editor corrected."""
    coding = extracted.coding
    values: dict[str, object] = {
        "text": extracted.text,
        "area": coding.area,
        "cap": coding.cap,
        "kind": coding.kind,
        "testable": coding.testable,
        "quantities": list(coding.quantities),
        "places": list(coding.places),
    }
    corrected = set(pledge.corrected or [])
    for name, value in values.items():
        if name not in corrected:
            setattr(pledge, name, value)
    pledge.extracted_text = extracted.text
    pledge.number = number
    pledge.section = (
        sections[extracted.section_index] if extracted.section_index is not None else None
    )
    pledge.pipeline = pipeline
    pledge.current = not pledge.excluded


def _stored(pledge: Pledge) -> dict[str, object]:
    """The values of `UPDATED_FIELDS` as stored (a section by its id)."""
    return {
        name: pledge.section_id if name == "section" else getattr(pledge, name)
        for name in UPDATED_FIELDS
    }


def _refresh_places(pledges: Sequence[Pledge]) -> None:
    PledgePlace.objects.filter(pledge__in=[p.pk for p in pledges]).delete()
    PledgePlace.objects.bulk_create(
        (PledgePlace(pledge=p, key=key) for p in pledges for key in place_keys(p.places)),
        batch_size=BATCH,
    )


def _mentions_at(pledge: Pledge, spans: Sequence[tuple[int, int]], document: Document) -> None:
    """Give an editor-made pledge its mentions at `spans` of the new text."""
    for start, end in spans:
        Mention.objects.create(
            pledge=mention_holder(pledge),
            document=document,
            text=document.text[start:end],
            page=page_at(document, start),
            start=start,
            end=end,
        )
    pledge.section = section_at(document, spans[0][0])
    pledge.save(update_fields=["section"])


def place_keys(places: Sequence[str]) -> list[str]:
    """The distinct case-folded places, as the place filter looks them up."""
    return sorted({" ".join(p.casefold().split())[:200] for p in places if p.strip()})
