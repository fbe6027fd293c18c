"""Forms of the admin screens: a new account with roles, roles of an existing account."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from versprochen.site.forms.common import EditorForm
from versprochen.tracker.accounts import check_password, check_username, same_name
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
        raw = str(self.cleaned_data["username"])
        try:
            name = check_username(raw)
        except ValueError as error:
            raise forms.ValidationError(str(error).removeprefix("NAME: ")) from None
        # The same rules as `versprochen createuser`; names differing only in case are
        # the same name (a unique index on lower(username) says so too).
        if same_name(name) is not None:
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


class RoleForm(EditorForm):
    """Give a role to an existing account, or take it away, for one body."""

    username = forms.CharField(label=_("Benutzername"), max_length=150)
    role = forms.ChoiceField(label=_("Rolle"), choices=Role.choices)
    body = forms.ChoiceField(label=_("Körperschaft"))
    change = forms.ChoiceField(
        label=_("Änderung"),
        choices=[("grant", _("Rolle geben")), ("revoke", _("Rolle entziehen"))],
        widget=forms.RadioSelect,
        initial="grant",
    )

    def __init__(self, *args: Any, bodies: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["body"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = bodies

    def clean_username(self) -> Any:
        user = same_name(str(self.cleaned_data["username"]))
        if user is None:
            raise forms.ValidationError(_("Ein Konto mit diesem Namen gibt es nicht."))
        return user
