"""For admins: import a document (or a new version) through the browser.

The extraction runs in the request, like `versprochen import`, and the document is
stored in the request's transaction; its report is shown and audited.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from versprochen.extraction import extract
from versprochen.extraction.errors import InputError
from versprochen.site.forms.documents import DocumentForm
from versprochen.site.views.editor.common import editor_page
from versprochen.tracker import audit
from versprochen.tracker.importer import find_existing, sha256_of, store_extraction
from versprochen.tracker.roles import bodies_for
from versprochen.tracker.vocabulary import Role


@editor_page(Role.ADMIN)
def new_document(request: HttpRequest) -> HttpResponse:
    bodies = [(b.name, b.name) for b in bodies_for(request.user, Role.ADMIN)[:500]]
    form = DocumentForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        bodies=bodies,
    )
    report = None
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid() and form.info is not None:
            upload = form.cleaned_data["file"]
            data = upload.read()
            name = str(upload.name or "document")[-200:]
            try:
                report = find_existing(form.info, sha256_of(data))
                if report is None:
                    report = store_extraction(form.info, name, data, extract(data, filename=name))
            except InputError as error:
                form.add_error("file", error.reason)
                report = None
            else:
                audit.record(
                    request.user,
                    "document.import",
                    report.document,
                    after={"summary": report.summary(), "file": name, "sha256": sha256_of(data)},
                )
                status = 200
    context = {"form": form, "report": report}
    return render(request, "editor/document_new.html", context, status=status)
