"""Following a pledge, a document or a body by e-mail (`tracker.follow`): the form, the
confirmation (double opt-in) and unsubscribing.

These pages are personal, never cached public pages: the public pages link here
(`?versprechen=…`), so that they stay free of cookies and forms. Confirming and
unsubscribing take a POST (a mail scanner that opens links changes nothing);
unsubscribing also takes the one-click POST of RFC 8058 without a CSRF token (the
token in the URL is the secret).
"""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from versprochen.site.forms.common import EditorForm, NumberField
from versprochen.tracker import follow as following
from versprochen.tracker.models import Follow, FollowTarget, Frequency

# Query parameter of the public pages' link → what is followed.
PARAMETERS = {
    "versprechen": FollowTarget.PLEDGE,
    "dokument": FollowTarget.DOCUMENT,
    "koerperschaft": FollowTarget.BODY,
}


class FollowForm(EditorForm):
    email = forms.EmailField(
        label=_("Ihre E-Mail-Adresse"),
        max_length=254,
        help_text=_("Nur für diese E-Mails; nie angezeigt oder weitergegeben."),
    )
    frequency = forms.ChoiceField(
        label=_("Wie oft?"),
        choices=Frequency.choices,
        initial=Frequency.WEEKLY,
        widget=forms.RadioSelect,
    )
    target = forms.ChoiceField(choices=FollowTarget.choices, widget=forms.HiddenInput)
    target_id = NumberField(lowest=1, widget=forms.HiddenInput)


def _chosen(request: HttpRequest) -> tuple[str, int] | None:
    for parameter, target in PARAMETERS.items():
        raw = request.GET.get(parameter)
        if raw is not None:
            form = FollowForm({"target": target, "target_id": raw})
            form.is_valid()
            if "target_id" in form.cleaned_data:
                return str(target), int(form.cleaned_data["target_id"])
    return None


@never_cache
def follow(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = FollowForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                with transaction.atomic():
                    asked = following.request(
                        data["email"], data["target"], data["target_id"], data["frequency"]
                    )
                    following.send_confirmation_later(asked)
            except following.FollowError as error:
                form.add_error(None, str(error))
            else:
                # The same answer whether the address followed before: nothing to learn.
                return render(request, "site/follow_sent.html", {})
        record = None
        if form.is_valid():
            record = following.target_of(
                form.cleaned_data["target"], form.cleaned_data["target_id"]
            )
        return render(
            request, "site/follow.html", {"form": form, "record": record, "name": ""}, status=400
        )
    chosen = _chosen(request)
    record = following.target_of(*chosen) if chosen else None
    if chosen is None or record is None:
        raise Http404
    form = FollowForm(initial={"target": chosen[0], "target_id": chosen[1]})
    return render(
        request, "site/follow.html", {"form": form, "name": following.target_name(record)}
    )


@never_cache
def confirm_follow(request: HttpRequest, token: str) -> HttpResponse:
    return _by_token(request, token, following.confirm, "confirmed", "confirm")


@csrf_exempt
@never_cache
def unfollow(request: HttpRequest, token: str) -> HttpResponse:
    return _by_token(request, token, following.unsubscribe, "unsubscribed", "unsubscribe")


def _by_token(
    request: HttpRequest, token: str, act: Callable[[Follow], object], done: str, action: str
) -> HttpResponse:
    """A link in a mail: GET asks, POST does `act` (see above)."""
    chosen = following.by_token(token)
    if chosen is None:
        return render(request, "site/follow_done.html", {"gone": True}, status=404)
    record = following.target_of(chosen.target, chosen.target_id)
    name = following.target_name(record) if record else ""
    if request.method == "POST":
        act(chosen)
        return render(request, "site/follow_done.html", {done: True, "name": name})
    return render(request, "site/follow_confirm.html", {"name": name, "action": action})
