"""URLs: the public pages (German without prefix, English under /en/), feeds, data, API,
and the editorial pages (`editor_urls`)."""

from __future__ import annotations

from typing import Any

from django.conf.urls.i18n import i18n_patterns
from django.urls import URLPattern, URLResolver, include, path

from versprochen.api.api import api
from versprochen.api.editor import editor_api
from versprochen.coalition import urls as coalition_urls
from versprochen.oparl import urls as oparl_urls
from versprochen.reports import urls as reports_urls
from versprochen.site.editor_urls import editor
from versprochen.site.public import read_only
from versprochen.site.views import about, data, documents, feeds, follow, pledges, sources, start


def page(route: str, view: Any, name: str) -> URLPattern:
    """A public URL: read-only (GET and HEAD; anything else gets 405)."""
    return path(route, read_only(view), name=name)


public: list[URLPattern | URLResolver] = [
    page("", start.start, name="start"),
    page("versprechen/", pledges.pledge_list, name="pledges"),
    page("versprechen/<int:pk>/", pledges.pledge_detail, name="pledge"),
    page("dokumente/<slug:slug>/", documents.document_detail, name="document"),
    page("dokumente/<slug:slug>/quelle/", sources.source_file, name="source"),
    page("dokumente/<slug:slug>/quelle/<int:version>/", sources.source_file, name="source_version"),
    page("koerperschaften/<slug:slug>/", start.body_detail, name="body"),
    page("so-bewerten-wir/", about.methodology, name="methodology"),
    page("ueber/", about.about, name="about"),
    page("feeds/status.atom", feeds.StatusFeed(), name="feed"),
    page("feeds/koerperschaft/<slug:slug>.atom", feeds.BodyFeed(), name="feed_body"),
    page("feeds/bereich/<slug:area>.atom", feeds.AreaFeed(), name="feed_area"),
    page("feeds/versprechen/<int:pk>.atom", feeds.PledgeFeed(), name="feed_pledge"),
    page("daten/", data.data_index, name="data"),
    page("daten/api/", data.api_docs, name="api_docs"),
    page("daten/<slug:table>.csv", data.data_csv, name="data_csv"),
    page("daten/datapackage.json", data.datapackage_json, name="datapackage"),
    page("daten/versprochen.json", data.data_json, name="data_json"),
    # Following by e-mail: personal pages (forms), never cached (`views.follow`).
    path("folgen/", follow.follow, name="follow"),
    path("folgen/bestaetigen/<str:token>/", follow.confirm_follow, name="confirm_follow"),
    path("folgen/abbestellen/<str:token>/", follow.unfollow, name="unfollow"),
]

urlpatterns: list[URLPattern | URLResolver] = [
    page("robots.txt", about.robots_txt, name="robots"),
    page("favicon.ico", about.favicon, name="favicon"),
    path("api/v1/editor/", editor_api.urls),
    path("api/v1/", api.urls),
    *i18n_patterns(
        path(
            "",
            include(
                (
                    public
                    + editor
                    + oparl_urls.public
                    + oparl_urls.internal
                    + coalition_urls.public
                    + coalition_urls.internal
                    + reports_urls.public
                    + reports_urls.internal,
                    "site",
                )
            ),
        ),
        prefix_default_language=False,
    ),
]

handler400 = "versprochen.site.views.errors.bad_request"
handler403 = "versprochen.site.views.errors.permission_denied"
handler404 = "versprochen.site.views.errors.page_not_found"
handler500 = "versprochen.site.views.errors.server_error"
