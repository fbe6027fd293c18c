"""Open data downloads: CSV, JSON and the Frictionless Data Package."""

from __future__ import annotations

from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    JsonResponse,
    StreamingHttpResponse,
)
from django.urls import reverse

from versprochen.api.export import TABLES, csv_lines, datapackage, json_export
from versprochen.site.public import public_page, respond


@public_page
def data_index(request: HttpRequest) -> HttpResponse:
    downloads = [{"name": table, "url": reverse("site:data_csv", args=[table])} for table in TABLES]
    data = {
        "downloads": downloads,
        "datapackage": reverse("site:datapackage"),
        "json": reverse("site:data_json"),
        "api": "/api/v1/docs",
        "openapi": "/api/v1/openapi.json",
    }
    return respond(request, "site/data.html", {"downloads": downloads, **data}, data)


def data_csv(request: HttpRequest, table: str) -> StreamingHttpResponse:
    if table not in TABLES:
        raise Http404
    response = StreamingHttpResponse(csv_lines(table), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{table}.csv"'
    return response


def data_json(request: HttpRequest) -> StreamingHttpResponse:
    return StreamingHttpResponse(json_export(), content_type="application/json; charset=utf-8")


@public_page
def datapackage_json(request: HttpRequest) -> HttpResponse:
    paths = {
        table: request.build_absolute_uri(reverse("site:data_csv", args=[table]))
        for table in TABLES
    }
    return JsonResponse(datapackage(paths), json_dumps_params={"ensure_ascii": False, "indent": 2})
