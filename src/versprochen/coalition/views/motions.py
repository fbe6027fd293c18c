"""Motions: the list, a new one, editing (optimistic locking), and the state actions."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from versprochen.coalition import from_oparl, motions
from versprochen.coalition.access import motion_or_404, visible_motions
from versprochen.coalition.forms import (
    DecideForm,
    DissentForm,
    LinkForm,
    MotionForm,
    NoteForm,
    ResolveForm,
    attach,
)
from versprochen.coalition.models import LogEntry, Membership, Motion
from versprochen.coalition.views.common import member_page, page, today
from versprochen.coalition.vocabulary import MotionKind, MotionState

ACTION_FORMS: dict[str, Any] = {
    "dissent": DissentForm,
    "resolve": ResolveForm,
    "decide": DecideForm,
    "withdraw": NoteForm,
    "link": LinkForm,
}


@member_page
def motion_list(request: HttpRequest, member: Membership) -> HttpResponse:
    rows = visible_motions(member).order_by("-changed_at", "-id")
    state = request.GET.get("state", "")
    if state in MotionState.values:
        rows = rows.filter(state=state)
    page_obj = Paginator(rows, 50).get_page(request.GET.get("page"))
    return page(
        request,
        member,
        "coalition/motion_list.html",
        {
            "page_obj": page_obj,
            "states": MotionState.choices,
            "state": state,
        },
    )


def _url(member: Membership, motion: Motion) -> str:
    return reverse("site:coalition_motion", args=[member.coalition.slug, motion.pk])


@member_page
def motion_new(request: HttpRequest, member: Membership) -> HttpResponse:
    form = MotionForm(member, request.POST or None, initial={"kind": MotionKind.JOINT})
    if request.method == "POST" and form.is_valid():
        try:
            motion = motions.create(member, form.data_for_service(), today())
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, _("Entwurf gespeichert. Nur Ihr Partner sieht ihn."))
            return HttpResponseRedirect(_url(member, motion))
    status = 400 if request.method == "POST" else 200
    return page(
        request, member, "coalition/motion_form.html", {"form": form, "motion": None}, status
    )


def _conflict_rows(current: Motion, yours: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for name, label in (("title", _("Titel")), ("text", _("Antragstext"))):
        now = str(getattr(current, name))
        mine = yours.get(name)
        rows.append(
            {
                "label": label,
                "current": [now],
                "yours": None if mine is None else [mine],
                "differs": mine is not None and mine != now,
            }
        )
    return rows


@member_page
def motion_edit(request: HttpRequest, member: Membership, pk: int) -> HttpResponse:
    motion = motion_or_404(member, pk)
    if motion.state not in motions.EDITABLE or (
        motion.state == MotionState.DRAFT and motion.author_partner_id != member.partner_id
    ):
        messages.error(request, _("Ein Antrag in diesem Stand wird nicht mehr bearbeitet."))
        return HttpResponseRedirect(_url(member, motion))
    initial = {
        "title": motion.title,
        "text": motion.text,
        "kind": motion.kind,
        "filing": motion.filing,
        "council_body": motion.council_body_id,
        "meeting": motion.meeting_id,
        "pledges": list(motion.pledges.values_list("pk", flat=True)),
        "joint_attempt": motion.joint_attempt_id,
        "with_other_parties": motion.with_other_parties,
        "revision": motion.revision,
    }
    form = MotionForm(member, request.POST or None, initial=initial)
    context: dict[str, Any] = {"form": form, "motion": motion}
    if request.method == "POST" and form.is_valid():
        revision = form.cleaned_data["revision"] or 0
        try:
            motion = motions.update(member, motion, form.data_for_service(), revision, today())
        except motions.Conflict as conflict:
            current = conflict.current
            context |= {
                "conflict": _(
                    "Dieser Antrag wurde inzwischen geändert; Ihre Änderung ist nicht gespeichert."
                ),
                "changed_by": current.changed_by.get_username(),
                "changed_at": current.changed_at,
                "conflict_rows": _conflict_rows(current, conflict.yours),
                "conflict_yours": True,
                "conflict_hint": _(
                    "Ihre Eingaben stehen unten; das Formular zeigt jetzt den "
                    "neuen Stand (Revision %(r)s)."
                )
                % {"r": current.revision},
            }
            data = request.POST.copy()
            data["revision"] = str(current.revision)
            context["form"] = form = MotionForm(member, data)
            form.is_valid()
            form.add_error(
                "title",
                _(
                    "Von jemand anderem geändert: bitte den gespeicherten "
                    "Stand oben prüfen und erneut speichern."
                ),
            )
            return page(request, member, "coalition/motion_form.html", context, 409)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, _("Gespeichert."))
            return HttpResponseRedirect(_url(member, motion))
    status = 400 if request.method == "POST" else 200
    return page(request, member, "coalition/motion_form.html", context, status)


def _actions(member: Membership, motion: Motion) -> set[str]:
    """The actions this member may take on the motion now (the service checks again)."""
    mine = member.partner_id == motion.author_partner_id
    s, joint = motion.state, motion.kind == MotionKind.JOINT
    found: set[str] = set()
    if s == MotionState.DRAFT and mine:
        found.add("propose" if joint else "submit")
    if s == MotionState.PROPOSED and not mine:
        found |= {"agree", "dissent"}
    if s == MotionState.DISSENT and member.coordination and not motion.resolution:
        found.add("resolve")
    if joint and (s == MotionState.AGREED or (s == MotionState.DISSENT and motion.resolution)):
        found.add("submit")
    if s == MotionState.SUBMITTED:
        found |= {"decide", "link"}
    if s in (
        MotionState.PROPOSED,
        MotionState.AGREED,
        MotionState.DISSENT,
        MotionState.SUBMITTED,
    ) and (mine or member.coordination):
        found.add("withdraw")
    if s in (MotionState.SUBMITTED, MotionState.DECIDED) and motion.published_at is None:
        found.add("publish")
    if s == MotionState.DECIDED and not joint and mine:
        found.add("present")
    return found


def _run(member: Membership, motion: Motion, action: str, form: Any) -> str:
    d = form.cleaned_data if form is not None else {}
    if action == "propose":
        timing = motions.propose(member, motion, today())
        if timing.late:
            return _("Dem Partner vorgeschlagen – %(n)s Tage zu spät (Regel 4).") % {
                "n": timing.days_missing
            }
        return _("Dem Partner vorgeschlagen.")
    if action == "agree":
        motions.agree(member, motion)
        return _("Zugestimmt.")
    if action == "dissent":
        motions.dissent(member, motion, d["text"])
        return _("Dissens festgehalten; die Koordinierungsgruppe entscheidet.")
    if action == "resolve":
        motions.resolve(member, motion, d["outcome"], d["procedure"])
        return _("Entscheidung der Koordinierungsgruppe festgehalten.")
    if action == "submit":
        motions.submit(member, motion, today())
        return _("Eingereicht.")
    if action == "decide":
        motions.decide(member, motion, d["result"], d["decided_on"])
        return _("Ergebnis festgehalten.")
    if action == "link":
        if from_oparl.link_paper(motion, d["oparl_id"]):
            return _("Verknüpft; das Ergebnis kam aus dem Ratsinformationssystem.")
        return _("Verknüpft; das Ergebnis kommt, sobald die Vorlage synchronisiert ist.")
    if action == "withdraw":
        motions.withdraw(member, motion, d.get("text", ""))
        return _("Zurückgezogen.")
    if action == "publish":
        motions.publish(member, motion)
        return _("Veröffentlicht: dieser Antrag steht jetzt auf der öffentlichen Seite.")
    motions.present(member, motion)
    return _("Präsentation festgehalten.")


@member_page
def motion_detail(request: HttpRequest, member: Membership, pk: int) -> HttpResponse:
    motion = motion_or_404(member, pk)
    allowed = _actions(member, motion)
    forms = {name: cls(prefix=name) for name, cls in ACTION_FORMS.items() if name in allowed}
    problems: list[str] = []
    status = 200
    if request.method == "POST":
        action = request.POST.get("action", "")
        cls = ACTION_FORMS.get(action)
        form = cls(request.POST, prefix=action) if cls else None
        if action not in allowed:
            problems.append(_("Das geht in diesem Stand nicht (mehr)."))
        elif form is None or form.is_valid():
            try:
                note = _run(member, motion, action, form)
            except ValidationError as error:
                if form is not None:
                    attach(form, error)
                else:
                    problems += [m for ms in error.message_dict.values() for m in ms]
            else:
                messages.success(request, note)
                return HttpResponseRedirect(_url(member, motion))
        if form is not None:
            forms[action] = form
        status = 400
    due, notice = motions.deadlines(motion)
    return page(
        request,
        member,
        "coalition/motion_detail.html",
        {
            "motion": motion,
            "allowed": allowed,
            "forms": forms,
            "problems": problems,
            "due": due,
            "notice": notice,
            "pledges": motion.pledges.all(),
            "log": LogEntry.objects.filter(motion=motion)
            .select_related("partner")
            .order_by("at", "id"),
        },
        status,
    )
