"""An admin's upload of a document (a new one or a new version of one)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from versprochen.site.forms.common import EditorForm
from versprochen.tracker import validation
from versprochen.tracker.importer import DocumentInfo, parse_authors, parse_term
from versprochen.tracker.vocabulary import DocumentKind

MAX_UPLOAD = 100 * 1024 * 1024


class DocumentForm(EditorForm):
    file = forms.FileField(
        label=_("Datei (PDF, Markdown oder Text)"),
        help_text=_(
            "Dieselbe Datei noch einmal ändert nichts; eine neue Fassung behält die Bewertungen."
        ),
    )
    # No body is preselected: importing into the wrong one is easy to miss.
    body = forms.ChoiceField(label=_("Körperschaft"), required=False)
    new_body = forms.CharField(
        label=_("… oder eine neue Körperschaft anlegen"),
        max_length=200,
        required=False,
        help_text=_("Ihr Name, z. B. „Stadt Bochum“; nur wenn sie oben nicht steht."),
    )
    kind = forms.ChoiceField(label=_("Art"), choices=DocumentKind.choices)
    authors = forms.CharField(
        label=_("Verfasser"),
        max_length=500,
        help_text=_("Durch Kommas getrennt, z. B. „SPD Herne, CDU Herne“."),
    )
    term = forms.CharField(
        label=_("Wahlperiode"), max_length=20, required=False, help_text=_("z. B. 2025-2030")
    )
    date = forms.DateField(
        label=_("Datum des Dokuments"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    title = forms.CharField(label=_("Titel (optional)"), max_length=300, required=False)
    source_url = forms.CharField(
        label=_("Veröffentlicht unter (URL)"),
        max_length=validation.MAX_URL,
        required=False,
        widget=forms.URLInput(),
        help_text=_(
            "Optional: die Web-Adresse, unter der das Dokument veröffentlicht wurde "
            "(http:// oder https://). Eine neue Fassung behält die bisherige, wenn das Feld "
            "leer bleibt."
        ),
    )

    info: DocumentInfo | None = None

    def __init__(
        self,
        *args: Any,
        bodies: list[tuple[str, str]],
        may_create_body: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["body"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("– bitte wählen –")), *bodies]
        # Only an admin of every body may add one (others would not hold a role for it).
        if not may_create_body:
            del self.fields["new_body"]
            field.required = True
        self.order_fields(["file", "body", "new_body"])

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("Höchstens 100 MB."))
        return upload

    def clean_source_url(self) -> str:
        return validation.url(self.cleaned_data.get("source_url"))

    def clean_date(self) -> dt.date | None:
        day = self.cleaned_data.get("date")
        if day and day > dt.date.today():
            raise forms.ValidationError(_("Das Datum liegt in der Zukunft."))
        return day

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        try:
            term = parse_term(data["term"]) if data.get("term") else (None, None)
        except ValueError as error:
            self.add_error("term", str(error).removeprefix("--term: "))
            return data
        try:
            authors = parse_authors(data.get("authors") or "")
        except ValueError as error:
            self.add_error("authors", str(error).removeprefix("--authors: "))
            return data
        body = data.get("body") or ""
        new_body = " ".join((data.get("new_body") or "").split())
        if body and new_body:
            self.add_error(
                "new_body", _("Entweder eine Körperschaft wählen oder eine neue anlegen.")
            )
            return data
        if not body and not new_body:
            if "body" not in self.errors:
                self.add_error("body", _("Bitte die Körperschaft wählen."))
            return data
        if "kind" in data:
            try:
                self.info = DocumentInfo(
                    body=body or new_body,
                    kind=data["kind"],
                    authors=authors,
                    term_start=term[0],
                    term_end=term[1],
                    date=data.get("date"),
                    title=data.get("title") or "",
                    source_url=data.get("source_url") or "",
                )
            except ValueError as error:  # "--authors: reason" → at the field
                option, _sep, reason = str(error).partition(": ")
                name = option.removeprefix("--").replace("-", "_")
                self.add_error(name if name in self.fields else None, reason or str(error))
        return data
