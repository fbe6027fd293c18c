"""Correcting the extraction: edit, split, merge, not a pledge, add a missed one."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from versprochen.site.forms.corrections import (
    AddPledgeForm,
    ExcludeForm,
    MergeForm,
    PledgeForm,
    SplitForm,
)
from versprochen.site.views.documents import paragraphs
from versprochen.site.views.editor.assessments import get_pledge
from versprochen.site.views.editor.common import editor_page, require
from versprochen.site.views.editor.conflicts import pledge_rows
from versprochen.tracker import correction_review, corrections, validation
from versprochen.tracker.models import Document, Mention, Pledge
from versprochen.tracker.vocabulary import CorrectionKind, Role
from versprochen.tracker.workflow import Conflict, WorkflowError

MAX_CANDIDATES = 20


def _proposed() -> str:
    return _(
        "Zur Prüfung gegeben: die Korrektur wird öffentlich, sobald eine zweite Person sie "
        "veröffentlicht."
    )


def _initial(pledge: Pledge) -> dict[str, Any]:
    return {
        "text": pledge.text,
        "area": pledge.area,
        "cap": str(pledge.cap),
        "kind": pledge.kind,
        "testable": pledge.testable,
        "quantities": "\n".join(pledge.quantities),
        "places": "\n".join(pledge.places),
        "revision": pledge.revision,
    }


def _done(request: HttpRequest, pledge: Pledge, message: str) -> HttpResponse:
    messages.success(request, message)
    return HttpResponseRedirect(reverse("site:editor_pledge", args=[pledge.pk]))


def _render(
    request: HttpRequest, template: str, pledge: Pledge, form: Any, status: int, **extra: Any
) -> HttpResponse:
    return render(request, template, {"pledge": pledge, "form": form, **extra}, status=status)


@editor_page(Role.EDITOR)
def correct(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = get_pledge(pk)
    require(request.user, Role.EDITOR, pledge.body_id)
    if request.method != "POST":
        form = PledgeForm(initial=_initial(pledge))
        return _render(request, "editor/correct.html", pledge, form, 200)
    form = PledgeForm(request.POST)
    if not form.is_valid() or form.values is None:
        return _render(request, "editor/correct.html", pledge, form, 400)
    revision = form.cleaned_data["revision"]
    try:
        if correction_review.needs_review(pledge, form.values):
            correction_review.propose(
                request.user, pledge, revision, CorrectionKind.EDIT, {"values": form.values}
            )
            return _done(request, pledge, _proposed())
        done = corrections.edit(request.user, pledge, revision, form.values)
    except Conflict as conflict:
        post = request.POST.copy()
        post["revision"] = str(conflict.current.revision)
        form = PledgeForm(post)
        form.is_valid()
        extra = {
            "conflict": str(conflict),
            "current": conflict.current,
            "conflict_rows": pledge_rows(conflict.current, form.values),
            "conflict_yours": form.values is not None,
        }
        return _render(request, "editor/correct.html", conflict.current, form, 409, **extra)
    return _done(request, pledge, _("Korrektur gespeichert.") if done else _("Nichts geändert."))


def _action(
    request: HttpRequest,
    pledge: Pledge,
    template: str,
    form: Any,
    run: Any,
    message: str,
    **extra: Any,
) -> HttpResponse:
    if request.method != "POST":
        return _render(request, template, pledge, form, 200, **extra)
    if not form.is_valid():
        return _render(request, template, pledge, form, 400, **extra)
    try:
        run(form.cleaned_data)
    except Conflict as conflict:
        return _render(
            request,
            template,
            conflict.current,
            form,
            409,
            conflict=str(conflict),
            current=conflict.current,
            conflict_rows=pledge_rows(conflict.current),
            **extra,
        )
    except WorkflowError as error:
        return _render(request, template, pledge, form, 400, problem=str(error), **extra)
    return _done(request, pledge, message)


@editor_page(Role.EDITOR)
def split(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = get_pledge(pk)
    require(request.user, Role.EDITOR, pledge.body_id)
    form = SplitForm(
        request.POST if request.method == "POST" else None,
        initial={"first": pledge.text, "revision": pledge.revision},
    )
    return _action(
        request,
        pledge,
        "editor/split.html",
        form,
        lambda d: correction_review.propose(
            request.user,
            pledge,
            d["revision"],
            CorrectionKind.SPLIT,
            {"first": d["first"], "second": d["second"]},
        ),
        _proposed(),
    )


def merge_candidates(pledge: Pledge, q: str) -> list[Pledge]:
    """Current pledges of the same body matching `q` (words of the text, or an id)."""
    if not q:
        return []
    rows = Pledge.objects.filter(body_id=pledge.body_id, current=True).exclude(pk=pledge.pk)
    if q.isascii() and q.isdigit():  # an id (`validation.number` checks it)
        try:
            return list(rows.filter(pk=validation.number(q)).select_related("document"))
        except ValidationError:
            return []
    for word in q.split()[:8]:
        rows = rows.filter(text__icontains=word)
    return list(rows.select_related("document").order_by("document_id", "number")[:MAX_CANDIDATES])


@editor_page(Role.EDITOR)
def merge(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = get_pledge(pk)
    require(request.user, Role.EDITOR, pledge.body_id)
    q = " ".join(str(request.GET.get("q", "")).split())[:200]
    form = MergeForm(
        request.POST if request.method == "POST" else None, initial={"revision": pledge.revision}
    )
    extra = {"q": q, "candidates": merge_candidates(pledge, q)}

    def run(data: dict[str, Any]) -> None:
        other = Pledge.objects.filter(pk=data["other"]).first()
        if other is None:
            raise WorkflowError(_("Dieses Versprechen gibt es nicht."))
        corrections.check_merge(pledge, other)
        correction_review.propose(
            request.user, pledge, data["revision"], CorrectionKind.MERGE, {"other": other.pk}
        )

    return _action(request, pledge, "editor/merge.html", form, run, _proposed(), **extra)


@editor_page(Role.EDITOR)
def exclude(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = get_pledge(pk)
    require(request.user, Role.EDITOR, pledge.body_id)
    form = ExcludeForm(
        request.POST if request.method == "POST" else None, initial={"revision": pledge.revision}
    )
    return _action(
        request,
        pledge,
        "editor/exclude.html",
        form,
        lambda d: correction_review.propose(
            request.user, pledge, d["revision"], CorrectionKind.NOT_A_PLEDGE, {"note": d["note"]}
        ),
        _proposed(),
    )


@editor_page(Role.EDITOR, Role.REVIEWER)
def editor_document(request: HttpRequest, slug: str) -> HttpResponse:
    document = Document.objects.select_related("body").filter(slug=slug).first()
    if document is None or document.source_id is None:
        raise Http404
    require(request.user, Role.EDITOR, document.body_id)
    form = AddPledgeForm(request.POST if request.method == "POST" else None)
    status, problem = 200, ""
    if request.method == "POST":
        if form.is_valid() and form.values is not None:
            try:
                pledge = corrections.add(
                    request.user, document, form.cleaned_data["quote"], form.values
                )
            except WorkflowError as error:
                problem, status = str(error), 400
            else:
                return _done(request, pledge, _("Versprechen ergänzt."))
        else:
            status = 400
    sections = list(document.sections.order_by("index"))
    mentions = list(
        Mention.objects.filter(document=document, pledge__current=True).order_by("start")
    )
    context = {
        "document": document,
        "form": form,
        "problem": problem,
        "paragraphs": paragraphs(document.text, mentions, sections),
    }
    return render(request, "editor/document.html", context, status=status)
