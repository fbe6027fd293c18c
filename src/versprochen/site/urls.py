"""URLs: the public pages (German without prefix, English under /en/), feeds, data, API,
and the editorial pages (`editor_urls`)."""

from __future__ import annotations

from django.conf.urls.i18n import i18n_patterns
from django.urls import URLPattern, URLResolver, include, path

from versprochen.api.api import api
from versprochen.api.editor import editor_api
from versprochen.site.editor_urls import editor
from versprochen.site.views import data, documents, feeds, pledges, start

public: list[URLPattern | URLResolver] = [
    path("", start.start, name="start"),
    path("versprechen/", pledges.pledge_list, name="pledges"),
    path("versprechen/<int:pk>/", pledges.pledge_detail, name="pledge"),
    path("dokumente/<slug:slug>/", documents.document_detail, name="document"),
    path("feeds/status.atom", feeds.StatusFeed(), name="feed"),
    path("feeds/koerperschaft/<slug:slug>.atom", feeds.BodyFeed(), name="feed_body"),
    path("feeds/bereich/<slug:area>.atom", feeds.AreaFeed(), name="feed_area"),
    path("feeds/versprechen/<int:pk>.atom", feeds.PledgeFeed(), name="feed_pledge"),
    path("daten/", data.data_index, name="data"),
    path("daten/<slug:table>.csv", data.data_csv, name="data_csv"),
    path("daten/datapackage.json", data.datapackage_json, name="datapackage"),
    path("daten/versprochen.json", data.data_json, name="data_json"),
]

urlpatterns: list[URLPattern | URLResolver] = [
    path("api/v1/editor/", editor_api.urls),
    path("api/v1/", api.urls),
    *i18n_patterns(path("", include((public + editor, "site"))), prefix_default_language=False),
]
