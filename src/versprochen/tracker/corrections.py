"""Editors correct the extraction: change a pledge's fields, mark it as not a pledge,
split it, merge two, or add one the extraction missed.

Each correction is kept (`PledgeCorrection`, with author and time) and audited;
corrected fields survive a re-import (`Pledge.corrected`, see the importer).
Every change checks the revision the editor saw (`Conflict`). Never commits.
"""

from __future__ import annotations

from typing import Any

from django.db.models import F
from django.utils.translation import gettext as _

from versprochen.tracker import audit
from versprochen.tracker.assessments import refresh_status
from versprochen.tracker.importer import place_keys
from versprochen.tracker.models import Document, Mention, Pledge, PledgeCorrection, PledgePlace
from versprochen.tracker.roles import holds
from versprochen.tracker.spans import locate, page_at, renumber, section_at
from versprochen.tracker.tally import refresh_tally
from versprochen.tracker.vocabulary import (
    CORRECTABLE_FIELDS,
    CorrectionKind,
    Exclusion,
    PledgeOrigin,
    Role,
)
from versprochen.tracker.workflow import Conflict, WorkflowError


def _must_edit(user: Any, body_id: int) -> None:
    if not holds(user, Role.EDITOR, body_id):
        raise WorkflowError(_("Sie sind nicht Redakteur*in dieser Körperschaft."))


def _lock(pledge: Pledge, revision: int, **values: Any) -> Pledge:
    """Update `pledge` if nobody changed it since `revision`; else Conflict with theirs."""
    updated = Pledge.objects.filter(pk=pledge.pk, revision=revision).update(
        revision=F("revision") + 1, **values
    )
    current = Pledge.objects.select_related("document", "body").get(pk=pledge.pk)
    if not updated:
        last = current.corrections.select_related("author").order_by("-id").first()
        who = last.author.get_username() if last and last.author else "?"
        raise Conflict(
            _(
                "%(who)s hat dieses Versprechen inzwischen geändert; Ihre Änderung wurde "
                "nicht gespeichert. Unten steht der aktuelle Stand."
            )
            % {"who": who},
            current,
        )
    return current


def _values(pledge: Pledge) -> dict[str, Any]:
    return {name: getattr(pledge, name) for name in CORRECTABLE_FIELDS}


def _places(pledge: Pledge) -> None:
    PledgePlace.objects.filter(pledge=pledge).delete()
    PledgePlace.objects.bulk_create(
        PledgePlace(pledge=pledge, key=key) for key in place_keys(pledge.places)
    )


def _note(
    user: Any,
    pledge: Pledge,
    kind: str,
    changes: dict[str, Any],
    related: Pledge | None = None,
    note: str = "",
) -> PledgeCorrection:
    return PledgeCorrection.objects.create(
        pledge=pledge, kind=kind, changes=changes, related=related, note=note, author=user
    )


def edit(
    user: Any, pledge: Pledge, revision: int, values: dict[str, Any]
) -> PledgeCorrection | None:
    """Change the correctable fields to `values`; None when nothing differs."""
    _must_edit(user, pledge.body_id)
    before = _values(pledge)
    changes = {
        name: [before[name], values[name]]
        for name in CORRECTABLE_FIELDS
        if name in values and values[name] != before[name]
    }
    if not changes:
        _lock(pledge, revision)  # still refuse a stale form
        return None
    corrected = sorted(set(pledge.corrected or []) | set(changes))
    current = _lock(
        pledge, revision, corrected=corrected, **{name: values[name] for name in changes}
    )
    _places(current)
    correction = _note(user, current, CorrectionKind.EDIT, changes)
    audit.record(
        user, "pledge.edit", current, before=before, after=_values(current) | {"id": current.pk}
    )
    refresh_tally(current.document)
    return correction


def exclude(user: Any, pledge: Pledge, revision: int, note: str) -> PledgeCorrection:
    """Mark `pledge` as not a pledge: it leaves the lists, its history stays."""
    _must_edit(user, pledge.body_id)
    if not note.strip():
        raise WorkflowError(_("Bitte begründen Sie, warum das kein Versprechen ist."))
    current = _lock(pledge, revision, excluded=Exclusion.NOT_A_PLEDGE, current=False)
    correction = _note(
        user, current, CorrectionKind.NOT_A_PLEDGE, {"excluded": ["", "not_a_pledge"]}, note=note
    )
    audit.record(
        user,
        "pledge.not_a_pledge",
        current,
        before={"excluded": pledge.excluded, "current": pledge.current},
        after={"excluded": current.excluded, "current": current.current, "note": note},
    )
    renumber(current.document)
    refresh_tally(current.document)
    return correction


def split(user: Any, pledge: Pledge, revision: int, first: str, second: str) -> Pledge:
    """Split `pledge` in two: it keeps `first` (and its assessments), a new one gets `second`."""
    _must_edit(user, pledge.body_id)
    first, second = " ".join(first.split()), " ".join(second.split())
    if not first or not second:
        raise WorkflowError(_("Beide Teile brauchen einen Text."))
    if pledge.excluded:
        raise WorkflowError(_("Dieses Versprechen ist nicht mehr in den Listen."))
    old_text = pledge.text
    corrected = sorted(set(pledge.corrected or []) | {"text"})
    current = _lock(pledge, revision, text=first, corrected=corrected)
    new = Pledge.objects.create(
        document=current.document,
        body=current.body,
        number=current.number,
        text=second,
        section=current.section,
        area=current.area,
        cap=current.cap,
        kind=current.kind,
        testable=current.testable,
        quantities=current.quantities,
        places=current.places,
        pipeline="editor",
        origin=PledgeOrigin.SPLIT,
        current=current.current,
    )
    _places(new)
    text = current.document.text
    for mention in list(current.mentions.order_by("start")):
        span = locate(text, second, after=mention.start)
        if span is not None and mention.start <= span[0] and span[1] <= mention.end + 1:
            Mention.objects.create(
                pledge=new,
                document=mention.document,
                text=text[span[0] : span[1]],
                page=page_at(mention.document, span[0]),
                start=span[0],
                end=span[1],
            )
            if span[0] > mention.start:
                mention.end = len(text[: span[0]].rstrip())
            else:
                mention.start = span[1]
            mention.text = text[mention.start : mention.end]
            mention.save(update_fields=["start", "end", "text"])
    if not new.mentions.exists():
        first_mention = current.mentions.order_by("start").first()
        if first_mention is not None:
            first_mention.pk = None
            first_mention.pledge = new
            first_mention.save()
    _note(user, current, CorrectionKind.SPLIT, {"text": [old_text, first]}, related=new)
    _note(user, new, CorrectionKind.SPLIT, {"text": ["", second]}, related=current)
    audit.record(
        user,
        "pledge.split",
        current,
        before={"id": pledge.pk, "text": old_text},
        after={"id": current.pk, "text": first, "new_id": new.pk, "new_text": second},
    )
    renumber(current.document)
    refresh_tally(current.document)
    return new


def check_merge(target: Pledge, other: Pledge) -> None:
    """Refuse a merge that cannot be made (WorkflowError saying why)."""
    if other.pk == target.pk:
        raise WorkflowError(_("Ein Versprechen lässt sich nicht mit sich selbst zusammenführen."))
    if other.body_id != target.body_id:
        raise WorkflowError(_("Nur Versprechen derselben Körperschaft lassen sich zusammenführen."))
    if other.excluded or target.excluded:
        raise WorkflowError(_("Dieses Versprechen ist nicht mehr in den Listen."))


def merge(user: Any, target: Pledge, revision: int, other: Pledge) -> PledgeCorrection:
    """Merge `other` into `target`: its mentions and assessments move over; it is kept."""
    _must_edit(user, target.body_id)
    check_merge(target, other)
    current = _lock(target, revision)
    moved_assessments = list(other.assessments.values_list("id", flat=True))
    # A gone pledge's mentions are places in an earlier version of the text: they stay.
    moved = other.mentions.all() if other.gone_in_id is None else other.mentions.none()
    moved_mentions = list(moved.values_list("id", flat=True))
    moved.update(pledge=current)
    # Assessments follow the pledge (the rows themselves stay unchanged).
    other.assessments.move_to(current)
    Pledge.objects.filter(pk=other.pk).update(
        excluded=Exclusion.MERGED,
        merged_into=current,
        current=False,
        revision=F("revision") + 1,
    )
    refresh_status(current)
    refresh_status(other)  # its assessments went over: it has none of its own now
    changes = {"merged": [other.pk, current.pk], "assessments": [[], moved_assessments]}
    correction = _note(user, current, CorrectionKind.MERGE, changes, related=other)
    _note(user, other, CorrectionKind.MERGE, {"merged_into": [None, current.pk]}, related=current)
    audit.record(
        user,
        "pledge.merge",
        current,
        before={"target": target.pk, "other": other.pk, "other_text": other.text},
        after={"target": current.pk, "mentions": moved_mentions, "assessments": moved_assessments},
    )
    renumber(current.document)
    refresh_tally(current.document)
    if other.document_id != current.document_id:
        refresh_tally(other.document)
    return correction


def add(user: Any, document: Document, quote: str, values: dict[str, Any]) -> Pledge:
    """A pledge the extraction missed, at the place of `quote` in the document's text."""
    _must_edit(user, document.body_id)
    span = locate(document.text, quote)
    if span is None:
        raise WorkflowError(
            _("Die markierte Stelle steht so nicht im Text des Dokuments; bitte genau markieren.")
        )
    start, end = span
    pledge = Pledge.objects.create(
        document=document,
        body=document.body,
        number=0,
        text=" ".join((values.get("text") or document.text[start:end]).split()),
        section=section_at(document, start),
        area=values["area"],
        cap=values["cap"],
        kind=values["kind"],
        testable=values["testable"],
        quantities=values.get("quantities") or [],
        places=values.get("places") or [],
        pipeline="editor",
        origin=PledgeOrigin.EDITOR,
    )
    _places(pledge)
    Mention.objects.create(
        pledge=pledge,
        document=document,
        text=document.text[start:end],
        page=page_at(document, start),
        start=start,
        end=end,
    )
    _note(user, pledge, CorrectionKind.ADD, {"text": ["", pledge.text]})
    audit.record(user, "pledge.add", pledge, after=_values(pledge) | {"start": start, "end": end})
    renumber(document)
    refresh_tally(document)
    pledge.refresh_from_db()
    return pledge
