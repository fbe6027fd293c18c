"""Forms for correcting the extraction; the rules are `validation.pledge_values`."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from versprochen.site.forms.common import EditorForm, NumberField
from versprochen.tracker import validation
from versprochen.tracker.vocabulary import AREA_CHOICES, CAP_CHOICES, PledgeKind

CHOOSE = [("", _("— bitte wählen —"))]


class CodingForm(EditorForm):
    """Area, CAP topic, kind, testable, quantities and places (and the text, when wanted)."""

    text = forms.CharField(
        label=_("Text des Versprechens"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    area = forms.CharField(
        label=_("Politikfeld"), required=False, widget=forms.Select(choices=CHOOSE + AREA_CHOICES)
    )
    cap = forms.CharField(
        label=_("CAP-Thema"),
        required=False,
        widget=forms.Select(choices=CHOOSE + [(str(n), f"{n} {t}") for n, t in CAP_CHOICES]),
    )
    kind = forms.CharField(
        label=_("Art"), required=False, widget=forms.Select(choices=CHOOSE + PledgeKind.choices)
    )
    testable = forms.BooleanField(label=_("Überprüfbar"), required=False)
    quantities = forms.CharField(
        label=_("Mengen"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Eine je Zeile, z. B. „500 Kitaplätze“."),
    )
    places = forms.CharField(
        label=_("Orte"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Einer je Zeile."),
    )

    values: dict[str, Any] | None = None

    def prepare(self, data: dict[str, Any]) -> dict[str, Any]:
        return data

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        values, errors = validation.pledge_values(self.prepare(data))
        for name, messages in errors.items():
            for message in messages:
                self.add_error(name, message)
        self.values = values
        return data


class PledgeForm(CodingForm):
    revision = NumberField(widget=forms.HiddenInput)


class AddPledgeForm(CodingForm):
    quote = forms.CharField(
        label=_("Markierte Textstelle"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Die Stelle im Dokument, wörtlich (im Text markieren füllt das Feld). "
            "Ohne eigenen Text wird sie der Text des Versprechens."
        ),
    )
    field_order = ("quote", "text", "area", "cap", "kind", "testable", "quantities", "places")

    def prepare(self, data: dict[str, Any]) -> dict[str, Any]:
        # The marked passage is the text unless the editor wrote one.
        return {**data, "text": data.get("text") or data.get("quote") or ""}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        try:
            data["quote"] = validation.text(
                data.get("quote"), validation.MAX_PLEDGE_TEXT, required=True
            )
        except forms.ValidationError as error:
            self.add_error("quote", error)
            self.errors.pop("text", None)
        return data


class SplitForm(EditorForm):
    first = forms.CharField(
        label=_("Erster Teil (bleibt dieses Versprechen)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    second = forms.CharField(
        label=_("Zweiter Teil (wird ein neues Versprechen)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    revision = NumberField(widget=forms.HiddenInput)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name in ("first", "second"):
            try:
                data[name] = validation.text(data.get(name), validation.MAX_PLEDGE_TEXT, True)
            except forms.ValidationError as error:
                self.add_error(name, error)
        return data


class MergeForm(EditorForm):
    """The other pledge by its id: chosen from a search (`merge.html`), never a long list."""

    other = NumberField(
        lowest=1,
        label=_("Versprechen, das in dieses aufgeht"),
        error_messages={"required": _("Bitte ein Versprechen suchen und auswählen.")},
    )
    revision = NumberField(widget=forms.HiddenInput)


class ExcludeForm(EditorForm):
    note = forms.CharField(
        label=_("Warum ist das kein Versprechen?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    revision = NumberField(widget=forms.HiddenInput)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        try:
            data["note"] = validation.text(data.get("note"), validation.MAX_NOTE, True)
        except forms.ValidationError as error:
            self.add_error("note", error)
        return data
