"""URLs of the coalition wing, included by `versprochen.site.urls`.

Everything under `koalition/<slug>/` is for the coalition's members only (a 404 for
everyone else); the calendar feed is reached by a member's secret key; the one public
page lists what the partners published.
"""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from versprochen.coalition.views import calendar, exports, motions, overview, papers
from versprochen.coalition.views import public as public_views
from versprochen.site.public import read_only

# Public, read-only pages (wrapped with `site.public.read_only` where they are public).
public: list[URLPattern | URLResolver] = [
    path(
        "koalition/<slug:slug>/veroeffentlicht/",
        read_only(public_views.published),
        name="coalition_published",
    ),
]
K = "koalition/<slug:slug>/"
# Pages behind a login.
internal: list[URLPattern | URLResolver] = [
    path("koalition/", overview.coalitions, name="coalitions"),
    path("koalition/kalender/<slug:slug>.ics", calendar.calendar_feed, name="coalition_feed"),
    path(K, overview.overview, name="coalition"),
    path(K + "antraege/", motions.motion_list, name="coalition_motions"),
    path(K + "antraege/neu/", motions.motion_new, name="coalition_motion_new"),
    path(K + "antraege/<int:pk>/", motions.motion_detail, name="coalition_motion"),
    path(K + "antraege/<int:pk>/bearbeiten/", motions.motion_edit, name="coalition_motion_edit"),
    path(K + "vorlagen/", papers.paper_list, name="coalition_papers"),
    path(K + "vorlagen/<int:pk>/", papers.paper_detail, name="coalition_paper"),
    path(K + "koordinierung/", overview.coordination, name="coalition_coordination"),
    path(K + "protokoll/", overview.decision_log, name="coalition_log"),
    path(K + "arbeitsplan/", overview.work_plan, name="coalition_work_plan"),
    path(K + "kalender/", calendar.calendar_page, name="coalition_calendar"),
    path(K + "export/protokoll.csv", exports.log_csv, name="coalition_log_csv"),
    path(K + "export/antraege.csv", exports.motions_csv, name="coalition_motions_csv"),
    path(K + "export/protokoll/", exports.log_print, name="coalition_log_print"),
    path(K + "export/antraege/", exports.motions_print, name="coalition_motions_print"),
]
