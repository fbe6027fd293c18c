"""Forms of the admin screens: a new account with roles."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from versprochen.site.forms.common import EditorForm
from versprochen.tracker.accounts import check_password
from versprochen.tracker.vocabulary import Role


class NewUserForm(EditorForm):
    username = forms.CharField(label=_("Benutzername"), max_length=150)
    email = forms.EmailField(label=_("E-Mail (optional)"), required=False, max_length=254)
    password = forms.CharField(
        label=_("Erstes Passwort"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Mindestens 10 Zeichen, nicht nur Ziffern, kein gängiges Passwort."),
    )
    roles = forms.MultipleChoiceField(
        label=_("Rollen"), choices=Role.choices, widget=forms.CheckboxSelectMultiple
    )
    body = forms.ChoiceField(label=_("Körperschaft"))

    def __init__(self, *args: Any, bodies: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["body"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = bodies

    def clean_username(self) -> str:
        name = str(self.cleaned_data["username"]).strip()
        if get_user_model().objects.filter(username=name).exists():
            raise forms.ValidationError(_("Diesen Benutzernamen gibt es schon."))
        return name

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password") and data.get("username"):
            try:
                check_password(data["password"], data["username"])
            except ValueError as error:
                self.add_error("password", str(error).removeprefix("password: "))
        return data
