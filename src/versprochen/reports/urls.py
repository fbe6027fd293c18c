"""URLs of the reports wing, included by `versprochen.site.urls`."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from versprochen.reports.views import editor
from versprochen.reports.views import public as public_views
from versprochen.site.public import read_only

# Public, read-only pages (wrapped with `site.public.read_only` where they are public).
public: list[URLPattern | URLResolver] = [
    path("berichte/", read_only(public_views.report_list), name="reports"),
    path("berichte/<slug:slug>/", read_only(public_views.report_page), name="report"),
    path(
        "berichte/<slug:slug>/bericht.html", read_only(public_views.report_html), name="report_html"
    ),
    path("berichte/<slug:slug>/bericht.pdf", read_only(public_views.report_pdf), name="report_pdf"),
    path("vergleich/<slug:slug>/", read_only(public_views.comparison_page), name="comparison"),
    path(
        "vergleich/<slug:slug>/paare.csv",
        read_only(public_views.comparison_csv),
        name="comparison_csv",
    ),
]
# Pages behind a login.
internal: list[URLPattern | URLResolver] = [
    path("redaktion/berichte/", editor.reports, name="editor_reports"),
    path("redaktion/berichte/<slug:slug>/", editor.report_detail, name="editor_report"),
    path(
        "redaktion/berichte/<slug:slug>/bericht.<str:fmt>",
        editor.report_file,
        name="editor_report_file",
    ),
    path("redaktion/vergleich/", editor.comparison_list, name="editor_comparisons"),
    path("redaktion/vergleich/<slug:slug>/", editor.comparison_detail, name="editor_comparison"),
    path(
        "redaktion/vergleich/<slug:slug>/punkte/<int:pk>/",
        editor.confirm_item,
        name="editor_comparison_item",
    ),
]
