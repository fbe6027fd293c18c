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

from versprochen.api.docs import documentation
from versprochen.api.export import TABLES, csv_lines, datapackage, json_export
from versprochen.site.public import public_page, respond


@public_page
def data_index(request: HttpRequest) -> HttpResponse:
    downloads = [{"name": table, "url": reverse("site:data_csv", args=[table])} for table in TABLES]
    data = {
        "downloads": downloads,
        "datapackage": reverse("site:datapackage"),
        "json": reverse("site:data_json"),
        "api": reverse("site:api_docs"),
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
    # Relative paths (Frictionless allows them): the CSV files sit beside datapackage.json
    # under every host and language prefix, and nothing taken from the request goes in.
    return JsonResponse(datapackage(), json_dumps_params={"ensure_ascii": False, "indent": 2})


@public_page
def api_docs(request: HttpRequest) -> HttpResponse:
    """The APIs' documentation, read from their OpenAPI schemas (an accessible page)."""
    apis = documentation()
    data = {"apis": [{"title": a["title"], "openapi": a["openapi"]} for a in apis]}
    return respond(request, "site/api_docs.html", {"apis": apis}, data)
