"""Step 5 of an import: retire the pledges the new version no longer holds.

A gone pledge is kept, never deleted: it is no longer current, remembers the
version it went in and the section it stood under, and keeps its mentions.
"""

from __future__ import annotations

from collections.abc import Sequence

from versprochen.tracker.importing.holders import mention_holder
from versprochen.tracker.importing.info import ImportReport
from versprochen.tracker.models import Assessment, Document, Pledge, SourceFile
from versprochen.tracker.spans import renumber
from versprochen.tracker.tally import refresh_tally
from versprochen.tracker.vocabulary import AssessmentState, Exclusion


def retire(
    gone: Sequence[Pledge],
    source: SourceFile,
    section_before: dict[int, str],
    report: ImportReport,
) -> None:
    """Mark `gone` as gone in `source`; name those that carried a published assessment."""
    assessed = set(
        Assessment.objects.filter(
            pledge__in=[p.pk for p in gone], state=AssessmentState.PUBLISHED
        ).values_list("pledge_id", flat=True)
    )
    for pledge in gone:
        pledge.current = False
        pledge.gone_in = source
        pledge.gone_section = section_before.get(pledge.pk)
        pledge.save(update_fields=["current", "gone_in", "gone_section"])
        report.gone.append(pledge.text)
        if pledge.pk in assessed:
            report.gone_assessed.append((pledge.text, pledge.status))
    _drop_targets_left_without_text(gone, report.document, report)


def _drop_targets_left_without_text(
    gone: Sequence[Pledge], document: Document, report: ImportReport
) -> None:
    """A pledge of another document that was kept only by a text merged into it from
    this document, which is now gone, has no mention left: it is gone as well (in its
    own document's current version, which does not hold its text either)."""
    for merged in gone:
        if merged.excluded != Exclusion.MERGED:
            continue
        target = mention_holder(merged)
        if (
            target.document_id == document.pk
            or target.excluded
            or target.gone_in_id is not None
            or target.mentions.exists()
        ):
            continue
        target.current = False
        target.gone_in = target.document.source
        target.gone_section = target.section.title if target.section else None
        target.save(update_fields=["current", "gone_in", "gone_section"])
        report.notes.append(
            f"gone as well (the text merged into it from this document is gone): {target.text}"
        )
        renumber(target.document)
        refresh_tally(target.document)
