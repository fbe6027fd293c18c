"""The calendar of meetings and deadlines, new meetings, and the member's secret feed link."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from versprochen.coalition import agenda, ical, setup
from versprochen.coalition.forms import MeetingForm, attach
from versprochen.coalition.models import Membership
from versprochen.coalition.views.common import member_page, page, today


@member_page
def calendar_page(request: HttpRequest, member: Membership) -> HttpResponse:
    form = MeetingForm(member, None)
    feed_url = ""
    status = 200
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action == "meeting":
            form = MeetingForm(member, request.POST)
            if form.is_valid():
                try:
                    setup.add_meeting(
                        form.cleaned_data["council_body"], form.cleaned_data["date"], today()
                    )
                except ValidationError as error:
                    attach(form, error)
                else:
                    messages.success(request, _("Sitzung eingetragen."))
                    return HttpResponseRedirect(request.path)
            status = 400
        elif action == "new_link":
            key = setup.new_calendar_key(member)
            feed_url = request.build_absolute_uri(reverse("site:coalition_feed", args=[key]))
        elif action == "revoke_link":
            setup.revoke_calendar_key(member)
            messages.success(request, _("Der Kalender-Link gilt nicht mehr."))
            return HttpResponseRedirect(request.path)
    return page(
        request,
        member,
        "coalition/calendar.html",
        {
            "items": agenda.items(member, today(), past_days=7),
            "form": form,
            "feed_url": feed_url,
            "has_link": bool(member.calendar_key_hash),
        },
        status,
    )


@never_cache
def calendar_feed(request: HttpRequest, slug: str) -> HttpResponse:
    """A member's iCalendar feed, reached by its secret key (no login: calendar apps)."""
    if request.method not in ("GET", "HEAD") or len(slug) < 20:
        raise Http404
    member = (
        Membership.objects.filter(calendar_key_hash=setup.key_hash(slug), user__is_active=True)
        .select_related("coalition", "partner", "user")
        .first()
    )
    if member is None:
        raise Http404
    text = ical.calendar(
        member.coalition.name,
        agenda.items(member, today()),
        request.build_absolute_uri("/")[:-1],
        timezone.now(),
    )
    response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="kooperation.ics"'
    response["X-Robots-Tag"] = "noindex"
    return response
