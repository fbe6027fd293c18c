"""Pages every public site has: methodology ("So bewerten wir"), about and imprint,
robots.txt and the favicon."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _

from versprochen.site.public import public_page, respond
from versprochen.tracker.vocabulary import EvidenceKind, Status

# What each status means: the scale of design.md, as readers are told it.
STATUS_MEANING: dict[str, Any] = {
    Status.OFFEN: _(
        "Noch nicht bewertet. So beginnt jedes Versprechen; es heißt nicht, dass nichts geschieht."
    ),
    Status.IN_ARBEIT: _(
        "Es gibt belegte Schritte zur Umsetzung, etwa eine Vorlage, einen Beschluss oder "
        "Geld im Haushalt. Ein Ratsbeschluss ist Fortschritt, noch keine Erfüllung."
    ),
    Status.GESTOCKT: _(
        "Begonnen, aber seit längerer Zeit ohne belegten Fortschritt, oder ausdrücklich "
        "zurückgestellt."
    ),
    Status.TEILWEISE: _(
        "Ein Teil ist umgesetzt oder ein Kompromiss erreicht, der hinter dem Versprochenen "
        "zurückbleibt."
    ),
    Status.ERFUELLT: _(
        "Umgesetzt, wie versprochen: das Versprochene ist da (eine Stelle besetzt, ein Bau "
        "fertig, eine Satzung in Kraft), nicht nur beschlossen."
    ),
    Status.NICHT_ERFUELLT: _(
        "Gebrochen: das Gegenteil wurde beschlossen, das Vorhaben aufgegeben oder die "
        "Wahlperiode ist ohne Umsetzung zu Ende."
    ),
    Status.NICHT_BEWERTBAR: _(
        "Nicht überprüfbar, etwa weil das Versprechen zu allgemein ist; die Redaktion nennt "
        "den Grund."
    ),
}


def _lines(value: str, separator: str) -> list[str]:
    return [line.strip() for line in value.split(separator) if line.strip()]


@public_page
def methodology(request: HttpRequest) -> HttpResponse:
    scale = [
        {"code": s.value, "label": str(s.label), "meaning": str(STATUS_MEANING[s])} for s in Status
    ]
    evidence = [{"kind": k.value, "label": str(k.label)} for k in EvidenceKind]
    contact = settings.CONFIG.contact_email
    data = {"scale": scale, "evidence_kinds": evidence, "contact": contact or None}
    context = {"scale": scale, "evidence": evidence, "contact": contact}
    return respond(request, "site/methodology.html", context, data)


@public_page
def about(request: HttpRequest) -> HttpResponse:
    config = settings.CONFIG
    data = {
        "operator": config.operator or None,
        "address": _lines(config.operator_address, "|"),
        "contact": config.contact_email or None,
        "about": _lines(config.about_text, "||"),
    }
    return respond(request, "site/about.html", data, data)


def robots_txt(request: HttpRequest) -> HttpResponse:
    """Public pages are for everybody; the editors' pages and endless filter combinations
    are not for crawlers."""
    lines = [
        "User-agent: *",
        "Disallow: /redaktion/",
        "Disallow: /en/redaktion/",
        "Disallow: /anmelden/",
        "Disallow: /en/anmelden/",
        "Disallow: /api/",
        "Disallow: /versprechen/?",
        "Disallow: /en/versprechen/?",
        "Allow: /",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page names: the SVG icon."""
    return HttpResponsePermanentRedirect(static("site/favicon.svg"))
