"""The editorial pages' URLs (German paths; English under /en/ like the public pages)."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from versprochen.site.views.editor import (
    admin,
    assessments,
    auth,
    bulk,
    corrections,
    documents,
    home,
    pledges,
    review,
    tokens,
)

editor: list[URLPattern | URLResolver] = [
    path("anmelden/", auth.login_view, name="login"),
    path("abmelden/", auth.logout_view, name="logout"),
    path("redaktion/", home.home, name="editor"),
    path("redaktion/versprechen/", pledges.editor_pledges, name="editor_pledges"),
    path("redaktion/versprechen/<int:pk>/", pledges.editor_pledge, name="editor_pledge"),
    path(
        "redaktion/versprechen/<int:pk>/bewertung/",
        assessments.new_assessment,
        name="new_assessment",
    ),
    path("redaktion/versprechen/<int:pk>/korrigieren/", corrections.correct, name="correct_pledge"),
    path("redaktion/versprechen/<int:pk>/teilen/", corrections.split, name="split_pledge"),
    path("redaktion/versprechen/<int:pk>/zusammenfuehren/", corrections.merge, name="merge_pledge"),
    path(
        "redaktion/versprechen/<int:pk>/kein-versprechen/",
        corrections.exclude,
        name="exclude_pledge",
    ),
    path("redaktion/dokumente/neu/", documents.new_document, name="new_document"),
    path("redaktion/auftraege/", documents.job_list, name="editor_jobs"),
    path("redaktion/auftraege/<int:pk>/", documents.job_status, name="editor_job"),
    path("redaktion/dokumente/<slug:slug>/", corrections.editor_document, name="editor_document"),
    path("redaktion/bewertungen/<int:pk>/", assessments.assessment_detail, name="assessment"),
    path("redaktion/pruefung/", review.review_queue, name="review_queue"),
    path("redaktion/pruefung/<int:pk>/", review.review, name="review"),
    path(
        "redaktion/pruefung/korrektur/<int:pk>/",
        review.review_correction,
        name="review_correction",
    ),
    path("redaktion/csv/", bulk.bulk, name="bulk"),
    path("redaktion/csv/bewertungen.csv", bulk.export_csv, name="bulk_export"),
    path("redaktion/schluessel/", tokens.token_list, name="tokens"),
    path("redaktion/schluessel/<int:pk>/widerrufen/", tokens.revoke_token, name="revoke_token"),
    path("redaktion/protokoll/", admin.audit_log, name="audit"),
    path("redaktion/protokoll.csv", admin.audit_csv, name="audit_csv"),
    path("redaktion/benutzer/", admin.users, name="users"),
    path("redaktion/benutzer/<int:pk>/sperren/", admin.deactivate_user, name="deactivate_user"),
    path("redaktion/benutzer/<int:pk>/entsperren/", admin.activate_user, name="activate_user"),
]
