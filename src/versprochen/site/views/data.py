"""Open data downloads: CSV (also for Excel), JSON and the Frictionless Data Package.

The whole-table files are built by a job (`api.export_files`) and served here as static
files with ETag and Last-Modified; no request builds one. Files older than the data are
still served while a rebuild is queued.
"""

from __future__ import annotations

from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseNotModified,
    JsonResponse,
)
from django.urls import reverse
from django.utils.http import http_date, parse_etags
from django.utils.translation import gettext as _

from versprochen.api import export_files
from versprochen.api.docs import documentation
from versprochen.api.export import TABLES, datapackage
from versprochen.site.public import public_page, respond

RETRY_SECONDS = 60


@public_page
def data_index(request: HttpRequest) -> HttpResponse:
    downloads = [
        {
            "name": table,
            "url": reverse("site:data_csv", args=[table]),
            "excel": reverse("site:data_csv", args=[table]) + "?fuer=excel",
        }
        for table in TABLES
    ]
    data = {
        "downloads": downloads,
        "datapackage": reverse("site:datapackage"),
        "json": reverse("site:data_json"),
        "api": reverse("site:api_docs"),
        "openapi": "/api/v1/openapi.json",
    }
    return respond(request, "site/data.html", {"downloads": downloads, **data}, data)


def _served(
    request: HttpRequest, name: str, content_type: str, download: str
) -> HttpResponse | FileResponse:
    """The export file `name` with validators; a 503 while it is first being built."""
    path = export_files.directory() / name
    export_files.refresh()  # queues a build when the files are older than the data
    try:
        stat = path.stat()
        handle = path.open("rb")
    except FileNotFoundError:
        response = HttpResponse(
            _("Die Datei wird gerade erzeugt; bitte in einer Minute erneut versuchen.") + "\n",
            status=503,
            content_type="text/plain; charset=utf-8",
        )
        response["Retry-After"] = str(RETRY_SECONDS)
        return response
    etag = f'"{stat.st_size:x}-{stat.st_mtime_ns:x}"'
    if etag in parse_etags(request.headers.get("If-None-Match", "")):
        handle.close()
        not_modified = HttpResponseNotModified()
        not_modified["ETag"] = etag
        return not_modified
    served = FileResponse(handle, content_type=content_type)
    served["ETag"] = etag
    served["Last-Modified"] = http_date(stat.st_mtime)
    served["Cache-Control"] = "public, max-age=60"
    if download:
        served["Content-Disposition"] = f'attachment; filename="{download}"'
    return served


def data_csv(request: HttpRequest, table: str) -> HttpResponse | FileResponse:
    if table not in TABLES:
        raise Http404
    if request.GET.get("fuer") == "excel":
        name = export_files.excel_name(table)
        return _served(request, name, "text/csv; charset=utf-8", f"{table}-excel.csv")
    return _served(request, f"{table}.csv", "text/csv; charset=utf-8", f"{table}.csv")


def data_json(request: HttpRequest) -> HttpResponse | FileResponse:
    return _served(request, "versprochen.json", "application/json; charset=utf-8", "")


@public_page
def datapackage_json(request: HttpRequest) -> HttpResponse:
    # Small (no rows), so a page like the others. Relative paths (Frictionless allows
    # them): the CSV files sit beside datapackage.json under every host and language
    # prefix, and nothing taken from the request goes in.
    return JsonResponse(datapackage(), json_dumps_params={"ensure_ascii": False, "indent": 2})


@public_page
def api_docs(request: HttpRequest) -> HttpResponse:
    """The APIs' documentation, read from their OpenAPI schemas (an accessible page)."""
    apis = documentation()
    data = {"apis": [{"title": a["title"], "openapi": a["openapi"]} for a in apis]}
    return respond(request, "site/api_docs.html", {"apis": apis}, data)
