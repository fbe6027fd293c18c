"""The assessment form with its evidence items, and the reviewer's comment form.

The rules are those of `versprochen.tracker.validation` (shared with the CSV import
and the API); each message lands at its field.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from versprochen.site.forms.common import EditorForm, NumberField
from versprochen.tracker import validation
from versprochen.tracker.validation import DraftData, EvidenceData
from versprochen.tracker.vocabulary import EvidenceKind, Status

CHOOSE = [("", _("— bitte wählen —"))]
OPARL_ID_LENGTH = 500  # `Evidence.oparl_id`


def _text(label: Any, limit: int, rows: int = 0, help_text: Any = "") -> forms.CharField:
    """A text field; its length is checked by the shared rules (message at the field)."""
    widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput()
    return forms.CharField(label=label, required=False, widget=widget, help_text=help_text)


class AssessmentForm(EditorForm):
    status = forms.CharField(
        label=_("Status"), required=False, widget=forms.Select(choices=CHOOSE + Status.choices)
    )
    assessed_on = forms.CharField(
        label=_("Stand vom"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Tag, an dem der Stand festgestellt wurde; nicht in der Zukunft."),
    )
    rationale = _text(_("Begründung"), validation.MAX_RATIONALE, rows=5)
    reason = _text(
        _("Warum nicht bewertbar"),
        validation.MAX_REASON,
        rows=2,
        help_text=_("Nur bei „nicht bewertbar“, dann Pflicht."),
    )
    note = _text(
        _("Interne Notiz"),
        validation.MAX_NOTE,
        rows=2,
        help_text=_("Nur für Redaktion und Prüfung, nie öffentlich."),
    )
    revision = NumberField(widget=forms.HiddenInput, required=False)

    draft: DraftData | None = None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        draft, errors = validation.draft_data(data)
        for name, messages in errors.items():
            for message in messages:
                self.add_error(name if name in self.fields else None, message)
        self.draft = draft
        return data


class EvidenceForm(EditorForm):
    kind = forms.CharField(
        label=_("Art des Belegs"),
        required=False,
        widget=forms.Select(choices=CHOOSE + EvidenceKind.choices),
    )
    title = _text(_("Titel"), validation.MAX_TITLE)
    url = forms.CharField(
        label=_("Adresse (URL)"),
        required=False,
        widget=forms.URLInput(attrs={"inputmode": "url"}),
    )
    date = forms.CharField(
        label=_("Datum"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    quote = _text(_("Zitat (optional)"), validation.MAX_QUOTE, rows=2)
    # Carried unchanged, so a confirmed council paper keeps its id when the draft is
    # saved; `workflow` keeps only ids the pledge's evidence already has.
    oparl_id = forms.CharField(required=False, widget=forms.HiddenInput)

    item: EvidenceData | None = None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("DELETE"):
            return data
        item, errors = validation.evidence_data(data)
        for name, messages in errors.items():
            for message in messages:
                self.add_error(name, message)
        try:
            oparl_id = validation.url(data.get("oparl_id"))
            if len(oparl_id) > OPARL_ID_LENGTH:
                raise ValidationError("too long")
        except ValidationError:
            # A hidden field: only a tampered request gets here.
            self.add_error(None, _("Die OParl-Kennung dieses Belegs ist ungültig."))
            item = None
        self.item = replace(item, oparl_id=oparl_id) if item is not None else None
        return data


EvidenceFormSet = formset_factory(
    EvidenceForm,
    extra=2,
    can_delete=True,
    max_num=validation.MAX_EVIDENCE,
    validate_max=True,
)


def evidence_items(formset: Any) -> tuple[EvidenceData, ...]:
    """The evidence of a valid formset: filled, not marked for removal."""
    return tuple(
        form.item
        for form in formset.forms
        if form.item is not None and not form.cleaned_data.get("DELETE")
    )


def evidence_initial(assessment: Any) -> list[dict[str, Any]]:
    return [
        {
            "kind": e.kind,
            "title": e.title,
            "url": e.url,
            "date": e.date.isoformat() if e.date else "",
            "quote": e.quote,
            "oparl_id": e.oparl_id,
        }
        for e in assessment.evidence.order_by("id")
    ]


class ReviewForm(EditorForm):
    comment = forms.CharField(
        label=_("Kommentar für die Redaktion"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Pflicht beim Zurückgeben: was ist zu ändern?"),
    )
    revision = NumberField(widget=forms.HiddenInput)

    def clean_comment(self) -> str:
        # The shared rule (length, no NUL), so a too-long comment is named at the field.
        try:
            return validation.text(self.cleaned_data.get("comment"), validation.MAX_COMMENT)
        except ValidationError as error:
            raise forms.ValidationError(error.messages) from None
