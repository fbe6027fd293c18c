"""Papers before a meeting: the partners' positions, consensus or what rules 8 and 10 say,
and the coordination group's decision."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from versprochen.coalition import papers
from versprochen.coalition.forms import ConcludeForm, PaperForm, PositionForm, ResolveForm, attach
from versprochen.coalition.models import LogEntry, Membership, Paper
from versprochen.coalition.views.common import member_page, page, today
from versprochen.coalition.vocabulary import PaperOrigin, PaperOutcome


@member_page
def paper_list(request: HttpRequest, member: Membership) -> HttpResponse:
    form = PaperForm(member, request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            paper = papers.create(
                member, d["title"], d["reference"], d["origin"], d["meeting"], today()
            )
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, _("Vorlage angelegt."))
            return HttpResponseRedirect(
                reverse("site:coalition_paper", args=[member.coalition.slug, paper.pk])
            )
    rows = (
        Paper.objects.filter(coalition=member.coalition)
        .select_related("meeting__council_body")
        .prefetch_related("positions__partner")
        .order_by("-meeting__date", "title")
    )
    page_obj = Paginator(rows, 50).get_page(request.GET.get("page"))
    status = 400 if request.method == "POST" else 200
    return page(
        request, member, "coalition/paper_list.html", {"form": form, "page_obj": page_obj}, status
    )


FORMS: dict[str, Any] = {"position": PositionForm, "conclude": ConcludeForm, "resolve": ResolveForm}


def _run(member: Membership, paper: Paper, action: str, d: dict[str, Any]) -> str:
    if action == "position":
        papers.take_position(member, paper, d["stance"], d["note"])
        return _("Position festgehalten.")
    if action == "conclude":
        reached = {"yes": True, "no": False}.get(d["postponement_reached"])
        outcome = papers.conclude(member, paper, d["exception"], reached)
        if outcome.escalate:
            return _("Kein Konsens: an die Koordinierungsgruppe gegeben.")
        return _("Festgehalten.")
    papers.resolve(member, paper, d["outcome"], d["procedure"])
    return _("Entscheidung der Koordinierungsgruppe festgehalten.")


@member_page
def paper_detail(request: HttpRequest, member: Membership, pk: int) -> HttpResponse:
    paper = (
        Paper.objects.filter(coalition=member.coalition, pk=pk)
        .select_related("meeting__council_body")
        .first()
    )
    if paper is None:
        raise Http404
    forms = {name: cls(prefix=name) for name, cls in FORMS.items()}
    status = 200
    if request.method == "POST":
        action = request.POST.get("action", "")
        cls = FORMS.get(action)
        if cls is None:
            raise Http404
        form = forms[action] = cls(request.POST, prefix=action)
        if form.is_valid():
            try:
                note = _run(member, paper, action, form.cleaned_data)
            except ValidationError as error:
                attach(form, error)
            else:
                messages.success(request, note)
                return HttpResponseRedirect(request.path)
        status = 400
    partner_ids = list(member.coalition.partners.values_list("pk", flat=True))
    return page(
        request,
        member,
        "coalition/paper_detail.html",
        {
            "paper": paper,
            "forms": forms,
            "positions": paper.positions.select_related("partner", "by"),
            "consensus": papers.consensus(paper, partner_ids),
            "other_group": paper.origin == PaperOrigin.OTHER_GROUP,
            "open": paper.outcome in (PaperOutcome.OPEN, PaperOutcome.NO_DECISION),
            "log": LogEntry.objects.filter(paper=paper)
            .select_related("partner")
            .order_by("at", "id"),
        },
        status,
    )
