"""A report from its snapshot: the context, the HTML document and the PDF.

Everything here reads the snapshot only (no database), in the snapshot's
language, so the same snapshot gives byte-identical HTML every time.
"""

from __future__ import annotations

import logging
from typing import Any

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from versprochen.reports import charts
from versprochen.tracker.vocabulary import EvidenceKind, Status

# The status scale against comparative pledge research and the Bertelsmann Stiftung's
# coalition-agreement studies (see the methodology section of the report).
THREE_WAY = {
    "erfuellt": "fulfilled",
    "teilweise": "partly",
    "nicht_erfuellt": "not",
    "in_arbeit": "pending",
    "gestockt": "pending",
    "offen": "pending",
    "nicht_bewertbar": "",
}
BERTELSMANN = {
    "erfuellt": "vollständig umgesetzt",
    "teilweise": "teilweise umgesetzt",
    "in_arbeit": "in Angriff genommen",
    "gestockt": "in Angriff genommen",
    "offen": "nicht in Angriff genommen",
    "nicht_erfuellt": "nicht umgesetzt",
    "nicht_bewertbar": "",
}
ORIGIN_COLOURS = {"adopted": "#1f7a3a", "modified": "#8a6d00", "dropped": "#9e9e9e"}


def origin_chart(programs: list[dict[str, Any]], title_id: str) -> str:
    """Bars per program: how many of its pledges the agreement adopted, modified, dropped."""
    series = [
        (ORIGIN_COLOURS[key], label, [p[key] for p in programs])
        for key, label in (
            ("adopted", _("übernommen")),
            ("modified", _("verändert übernommen")),
            ("dropped", _("nicht übernommen")),
        )
    ]
    return charts.grouped_bars([p["name"] for p in programs], series, title_id)


def _number(value: float, language: str, digits: int = 1) -> str:
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if language == "de" else text


def _share(part: int, whole: int, language: str) -> str:
    if not whole:
        return "–"
    return _number(100 * part / whole, language) + (" %" if language == "de" else "%")


def _meanings() -> dict[str, str]:
    return {
        "offen": _("Noch nicht bewertet, oder nichts geschehen."),
        "in_arbeit": _(
            "Es gibt Schritte zur Umsetzung, etwa einen Ratsbeschluss oder einen Auftrag."
        ),
        "gestockt": _("Die Umsetzung hatte begonnen und steht still."),
        "teilweise": _(
            "Ein Teil ist umgesetzt, oder ein Kompromiss, der hinter dem Versprechen bleibt."
        ),
        "erfuellt": _("Die Maßnahme ist umgesetzt, nicht nur beschlossen."),
        "nicht_erfuellt": _("Das Versprechen ist gebrochen oder kann nicht mehr erfüllt werden."),
        "nicht_bewertbar": _("Kann nicht bewertet werden; die Bewertung nennt den Grund."),
    }


def _count_rows(counts: dict[str, int], language: str) -> list[dict[str, Any]]:
    total = sum(counts.values())
    return [
        {
            "status": s,
            "label": str(Status(s).label),
            "count": counts.get(s, 0),
            "share": _share(counts.get(s, 0), total, language),
        }
        for s in Status.values
    ]


def _table(groups: list[dict[str, Any]], language: str) -> list[dict[str, Any]]:
    rows = []
    for group in groups:
        counts = group["counts"]
        total = sum(counts.values())
        rows.append(
            {
                "name": group["name"] or _("(ohne Kapitel)"),
                "cells": [counts.get(s, 0) for s in Status.values],
                "total": total,
                "fulfilled": _share(counts.get("erfuellt", 0), total, language),
            }
        )
    return rows


def _pledge_link(snapshot: dict[str, Any], pledge_id: int) -> str:
    return str(snapshot["base_url"]) + reverse("site:pledge", kwargs={"pk": pledge_id})


def _changes(snapshot: dict[str, Any], pledges: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
    kinds = dict(EvidenceKind.choices)
    return [
        {
            "date": change["assessed_on"],
            "pledge": pledges[change["pledge"]],
            "url": _pledge_link(snapshot, change["pledge"]),
            "before": str(Status(change["before"]).label),
            "status": change["status"],
            "label": str(Status(change["status"]).label),
            "rationale": change["rationale"],
            "evidence": [
                {**e, "kind_label": str(kinds.get(e["kind"], e["kind"]))}
                for e in change["evidence"]
            ],
        }
        for change in snapshot["changes"]
    ]


def _origin_context(snapshot: dict[str, Any], language: str) -> dict[str, Any] | None:
    origins = snapshot["origins"]
    if not origins:
        return None
    names = {"": _("in keinem Programm"), "*": _("in mehreren Programmen")}
    groups = [{**g, "name": names.get(g["name"], g["name"])} for g in origins["by_origin"]]
    programs = [p for c in origins["comparisons"] for p in c["programs"]]
    chart = ""
    if programs:
        chart = origin_chart(programs, "chart-origin-title")
    return {
        "confirmed": origins["confirmed"],
        "rows": _table(groups, language),
        "programs": [
            {**p, "share": _share(p["agreement_pledges"], c["confirmed"], language)}
            for c in origins["comparisons"]
            for p in c["programs"]
        ],
        "comparisons": origins["comparisons"],
        "chart": chart,
    }


def context(snapshot: dict[str, Any], sha256: str) -> dict[str, Any]:
    """What the report template shows; call inside the snapshot's language."""
    language = snapshot["language"]
    statuses = [(s, str(Status(s).label)) for s in Status.values]
    pledges = {p["id"]: p for p in snapshot["pledges"]}
    overall = snapshot["overall"]
    total = sum(overall.values())
    area_rows = [(g["name"], g["counts"]) for g in snapshot["by_area"]]
    dates = [point["date"] for point in snapshot["over_time"]]
    series = [(s, label, [p["counts"][s] for p in snapshot["over_time"]]) for s, label in statuses]
    meanings = _meanings()
    three_way = {
        "fulfilled": _("erfüllt"),
        "partly": _("teilweise erfüllt"),
        "not": _("nicht erfüllt"),
        "pending": _("noch offen; am Ende der Amtszeit: nicht erfüllt"),
        "": _("zählt nicht mit"),
    }
    return {
        "s": snapshot,
        "sha256": sha256,
        "language": language,
        "statuses": statuses,
        "total": total,
        "fulfilled_share": _share(overall.get("erfuellt", 0), total, language),
        "partly_share": _share(overall.get("teilweise", 0), total, language),
        "overall": _count_rows(overall, language),
        "areas": _table(snapshot["by_area"], language),
        "chapters": _table(snapshot["by_chapter"], language),
        "area_chart": charts.stacked_bars(area_rows, statuses, "chart-area-title"),
        "time_rows": [
            {"date": p["date"], "cells": [p["counts"][s] for s, _ in statuses]}
            for p in snapshot["over_time"]
        ],
        "time_chart": charts.over_time(dates, series, "chart-time-title"),
        "changes": _changes(snapshot, pledges),
        "origins": _origin_context(snapshot, language),
        "cooperation": snapshot["cooperation"],
        "scale": [
            {
                "status": s,
                "label": label,
                "meaning": meanings[s],
                "three_way": three_way[THREE_WAY[s]],
                "bertelsmann": BERTELSMANN[s],
            }
            for s, label in statuses
        ],
    }


def render_html(snapshot: dict[str, Any], sha256: str) -> str:
    """The whole report as one HTML document (styles inline, charts inline SVG)."""
    with translation.override(snapshot["language"]):
        return render_to_string("reports/report_document.html", context(snapshot, sha256))


def render_pdf(html: str) -> bytes:
    """The same document as PDF (WeasyPrint, Debian's DejaVu fonts)."""
    from weasyprint import HTML

    # WeasyPrint reads the SVG charts' style attributes as CSS and warns about each
    # SVG-only property (fill, text-anchor); the PDF draws them all the same.
    logger = logging.getLogger("weasyprint")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        return bytes(HTML(string=html, base_url=None).write_pdf())
    finally:
        logger.setLevel(level)
