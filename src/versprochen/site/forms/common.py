"""A form base that links each field to its help text and error (aria-describedby, -invalid)."""

from __future__ import annotations

from typing import Any

from django import forms

from versprochen.tracker import validation


class EditorForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"{self._id(name)}-help"

    def _id(self, name: str) -> str:
        name = self.add_prefix(name)
        return str(self.auto_id) % name if isinstance(self.auto_id, str) else name

    def full_clean(self) -> None:
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["aria-invalid"] = "true"
                ids = [f"{self._id(name)}-error"]
                if self.fields[name].help_text:
                    ids.append(f"{self._id(name)}-help")
                attrs["aria-describedby"] = " ".join(ids)


class NumberField(forms.Field):
    """A whole number by `validation.number`: ASCII digits only, bounded, so neither "²"
    nor "99999999999999999999" gets past the form to `int()` or the database."""

    def __init__(self, *, lowest: int = 0, highest: int = validation.MAX_NUMBER, **kwargs: Any):
        self.lowest, self.highest = lowest, highest
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> int | None:
        if value in self.empty_values:
            return None
        return validation.number(value, self.lowest, self.highest)
