"""The coalition's overview, the coordination group, the decision log and the work plan."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from versprochen.coalition import agenda, log
from versprochen.coalition.access import memberships_of, visible_motions
from versprochen.coalition.forms import NoticeForm, attach
from versprochen.coalition.models import LogEntry, Membership, Paper
from versprochen.coalition.views.common import member_page, page, today
from versprochen.coalition.vocabulary import LogKind, MotionState
from versprochen.tracker import validation
from versprochen.tracker.models import Pledge
from versprochen.tracker.roles import holds
from versprochen.tracker.vocabulary import AREA_LABELS

DECISIONS = (LogKind.UNANIMOUS_DECISION, LogKind.RECORDED_DISSENT, LogKind.JOINT_REJECTION)


@never_cache
def coalitions(request: HttpRequest) -> HttpResponse:
    """The coalitions the person is a member of (straight to the one when there is one)."""
    from django.contrib.auth.views import redirect_to_login

    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    rows = list(memberships_of(request.user))
    if len(rows) == 1:
        return HttpResponseRedirect(reverse("site:coalition", args=[rows[0].coalition.slug]))
    return render(request, "coalition/coalitions.html", {"rows": rows})


def _log(member: Membership) -> Any:
    return LogEntry.objects.filter(coalition_id=member.coalition_id).select_related(
        "partner", "motion", "paper"
    )


LIST_LIMIT = 50


def _open_dissents(member: Membership) -> tuple[list[Any], list[Any]]:
    """The motions and papers waiting for the coordination group (the oldest first, at
    most `LIST_LIMIT` each: the motion and paper lists page through all)."""
    motions = visible_motions(member).filter(state=MotionState.DISSENT, resolution="")
    papers = Paper.objects.filter(coalition_id=member.coalition_id, escalated=True, resolution="")
    return (
        list(motions.order_by("changed_at", "id")[:LIST_LIMIT]),
        list(papers.select_related("meeting__council_body").order_by("id")[:LIST_LIMIT]),
    )


@member_page
def overview(request: HttpRequest, member: Membership) -> HttpResponse:
    due, late = agenda.due_and_late(member, today())
    due, late = due[:LIST_LIMIT], late[:LIST_LIMIT]
    motions, papers = _open_dissents(member)
    return page(
        request,
        member,
        "coalition/overview.html",
        {
            "due": due,
            "late": late,
            "dissent_motions": motions,
            "dissent_papers": papers,
            "log": _log(member)[:10],
        },
    )


@member_page
def coordination(request: HttpRequest, member: Membership) -> HttpResponse:
    coalition = member.coalition
    rule = coalition.rules.rule("coordination_group")
    groups: dict[str, list[Membership]] = defaultdict(list)
    for m in coalition.members.filter(coordination=True).select_related("user", "partner"):
        groups[m.partner.name].append(m)
    motions, papers = _open_dissents(member)
    return page(
        request,
        member,
        "coalition/coordination.html",
        {
            "groups": sorted(groups.items()),
            "cap": rule.get("max_per_partner") if rule else None,
            "dissent_motions": motions,
            "dissent_papers": papers,
            "decisions": _log(member).filter(kind__in=DECISIONS)[:100],
        },
    )


@member_page
def decision_log(request: HttpRequest, member: Membership) -> HttpResponse:
    form = NoticeForm(None)
    problems: list[str] = []
    status = 200
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "notice":
                form = NoticeForm(request.POST)
                if form.is_valid():
                    log.notice(member, form.cleaned_data["text"])
                    messages.success(request, _("Unterrichtung festgehalten."))
                    return HttpResponseRedirect(request.path)
            elif action == "publish":
                entry = _log(member).filter(pk=number(request.POST.get("entry"))).first()
                if entry is None:
                    raise Http404
                log.publish(member, entry)
                messages.success(request, _("Veröffentlicht: nur diese Entscheidung."))
                return HttpResponseRedirect(request.path)
        except ValidationError as error:
            if form.is_bound:
                attach(form, error)
            else:
                problems += [m for ms in error.message_dict.values() for m in ms]
        status = 400
    rows = _log(member)
    kind = request.GET.get("kind", "")
    if kind in LogKind.values:
        rows = rows.filter(kind=kind)
    page_obj = Paginator(rows, 100).get_page(request.GET.get("page"))
    return page(
        request,
        member,
        "coalition/log.html",
        {
            "page_obj": page_obj,
            "kinds": LogKind.choices,
            "kind": kind,
            "form": form,
            "publishable": log.PUBLISHABLE,
            "problems": problems,
        },
        status,
    )


def number(value: str | None) -> int:
    try:  # the one parser of numbers from users ("²" is no number)
        return validation.number(value, 1, default=0)
    except ValidationError:
        return 0


@member_page
def work_plan(request: HttpRequest, member: Membership) -> HttpResponse:
    """The agreement's pledges by area with their motions; the ones no motion addresses."""
    coalition = member.coalition
    pledges = Pledge.objects.filter(document_id=coalition.agreement_id or 0, current=True).order_by(
        "number"
    )
    linked: dict[int, list[Any]] = defaultdict(list)
    for motion in visible_motions(member).prefetch_related("pledges"):
        for pledge in motion.pledges.all():
            linked[pledge.pk].append(motion)
    areas: dict[str, list[tuple[Pledge, list[Any]]]] = defaultdict(list)
    for pledge in pledges:
        areas[pledge.area].append((pledge, linked.get(pledge.pk, [])))
    rows = [(str(AREA_LABELS.get(a, a)), areas[a]) for a in AREA_LABELS if a in areas]
    return page(
        request,
        member,
        "coalition/work_plan.html",
        {
            "areas": rows,
            "unaddressed": [p for p in pledges if p.pk not in linked],
            "is_editor": holds(request.user, "editor", coalition.body_id),
            "offer_states": (MotionState.SUBMITTED, MotionState.DECIDED),
        },
    )
