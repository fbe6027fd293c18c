"""The coalition pages' forms: German labels, choices limited to the member's coalition."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from versprochen.coalition.models import CouncilBody, Meeting, Membership, Motion
from versprochen.coalition.motions import MotionData
from versprochen.coalition.vocabulary import (
    ExceptionReason,
    Filing,
    MotionKind,
    MotionState,
    PaperOrigin,
    Resolution,
    Result,
    Stance,
)
from versprochen.tracker.models import Pledge


def attach(form: forms.Form, error: ValidationError) -> None:
    """Put a refusal's messages at the fields it names (elsewhere: at the top)."""
    for name, messages in error.message_dict.items():
        for message in messages:
            form.add_error(name if name in form.fields else None, message)


class MeetingChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.council_body.name}, {obj.date:%d.%m.%Y}"


class MotionForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=300)
    text = forms.CharField(label=_("Antragstext"), widget=forms.Textarea(attrs={"rows": 10}))
    kind = forms.ChoiceField(
        label=_("Art"),
        choices=MotionKind.choices,
        initial=MotionKind.JOINT,
        widget=forms.RadioSelect,
    )
    filing = forms.ChoiceField(label=_("Form"), choices=Filing.choices, initial=Filing.MOTION)
    council_body = forms.ModelChoiceField(
        label=_("Gremium"),
        queryset=CouncilBody.objects.none(),
        error_messages={"invalid_choice": _("Dieses Gremium gibt es in dieser Kooperation nicht.")},
    )
    meeting = MeetingChoice(
        label=_("Sitzung"),
        queryset=Meeting.objects.none(),
        required=False,
        help_text=_("Aus ihr und der Einreichfrist des Gremiums folgen die Fristen."),
        error_messages={"invalid_choice": _("Diese Sitzung gibt es in dieser Kooperation nicht.")},
    )
    pledges = forms.ModelMultipleChoiceField(
        label=_("Versprechen der Vereinbarung"),
        queryset=Pledge.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        error_messages={"invalid_choice": _("Dieses Versprechen steht nicht in der Vereinbarung.")},
    )
    joint_attempt = forms.ModelChoiceField(
        label=_("Vorheriger Versuch eines gemeinsamen Antrags"),
        queryset=Motion.objects.none(),
        required=False,
        help_text=_("Nur für eigene Anträge (Regel 2)."),
        error_messages={"invalid_choice": _("Diesen gemeinsamen Antrag gibt es hier nicht.")},
    )
    with_other_parties = forms.BooleanField(
        label=_("Gemeinsam mit anderen Parteien"), required=False
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, member: Membership, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        coalition = member.coalition
        fields: Any = self.fields
        fields["council_body"].queryset = CouncilBody.objects.filter(coalition=coalition)
        fields["meeting"].queryset = Meeting.objects.filter(
            council_body__coalition=coalition
        ).select_related("council_body")
        fields["pledges"].queryset = Pledge.objects.filter(
            document_id=coalition.agreement_id or 0, current=True
        ).order_by("number")
        fields["joint_attempt"].queryset = Motion.objects.filter(
            coalition=coalition, kind=MotionKind.JOINT
        ).exclude(state=MotionState.DRAFT)

    def data_for_service(self) -> MotionData:
        d = self.cleaned_data
        return MotionData(
            title=d["title"].strip(),
            text=d["text"].strip(),
            kind=d["kind"],
            filing=d["filing"],
            council_body=d["council_body"],
            meeting=d["meeting"],
            pledges=tuple(d["pledges"]),
            joint_attempt=d["joint_attempt"],
            with_other_parties=d["with_other_parties"],
        )


class DissentForm(forms.Form):
    text = forms.CharField(
        label=_("Begründung des Dissenses"), widget=forms.Textarea(attrs={"rows": 3})
    )


class ResolveForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Entscheidung der Koordinierungsgruppe"),
        choices=Resolution.choices,
        widget=forms.RadioSelect,
    )
    procedure = forms.CharField(
        label=_("Verfahren für diesen Fall"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DecideForm(forms.Form):
    result = forms.ChoiceField(label=_("Ergebnis"), choices=Result.choices)
    decided_on = forms.DateField(
        label=_("Datum der Entscheidung"), widget=forms.DateInput(attrs={"type": "date"})
    )


class LinkForm(forms.Form):
    oparl_id = forms.URLField(
        assume_scheme="https",
        label=_("OParl-Id der eingereichten Vorlage"),
        max_length=500,
        help_text=_("Sobald die Vorlage synchronisiert ist, kommt das Ergebnis von dort."),
    )


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Anmerkung"), required=False, max_length=2000)


class NoticeForm(forms.Form):
    text = forms.CharField(
        label=_("Unterrichtung des Partners (Regel 5)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class PaperForm(forms.Form):
    title = forms.CharField(label=_("Titel der Vorlage"), max_length=300)
    reference = forms.CharField(label=_("Drucksache"), max_length=100, required=False)
    origin = forms.ChoiceField(label=_("Herkunft"), choices=PaperOrigin.choices)
    meeting = MeetingChoice(
        label=_("Sitzung"),
        queryset=Meeting.objects.none(),
        error_messages={"invalid_choice": _("Diese Sitzung gibt es in dieser Kooperation nicht.")},
    )

    def __init__(self, member: Membership, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["meeting"].queryset = Meeting.objects.filter(
            council_body__coalition=member.coalition
        ).select_related("council_body")


class PositionForm(forms.Form):
    stance = forms.ChoiceField(label=_("Position"), choices=Stance.choices)
    note = forms.CharField(label=_("Anmerkung"), required=False, max_length=2000)


class ConcludeForm(forms.Form):
    exception = forms.ChoiceField(
        label=_("Ausnahme (Regel 8)"),
        required=False,
        choices=[("", _("keine: zurückstellen")), *ExceptionReason.choices],
    )
    postponement_reached = forms.ChoiceField(
        label=_("Konnte erreicht werden, dass kein Beschluss gefasst wird? (Regel 10)"),
        required=False,
        choices=[("", _("noch offen")), ("yes", _("ja")), ("no", _("nein"))],
    )


class MeetingForm(forms.Form):
    council_body = forms.ModelChoiceField(
        label=_("Gremium"),
        queryset=CouncilBody.objects.none(),
        error_messages={"invalid_choice": _("Dieses Gremium gibt es in dieser Kooperation nicht.")},
    )
    date = forms.DateField(label=_("Datum"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, member: Membership, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["council_body"].queryset = CouncilBody.objects.filter(coalition=member.coalition)
