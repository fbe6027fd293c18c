"""The tracker's closed vocabularies with their display labels (German msgids, English .po)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from versprochen.extraction.types import AREAS, CAP_TOPICS


class Status(models.TextChoices):
    OFFEN = "offen", _("offen")
    IN_ARBEIT = "in_arbeit", _("in Arbeit")
    GESTOCKT = "gestockt", _("gestockt")
    TEILWEISE = "teilweise", _("teilweise erfüllt")
    ERFUELLT = "erfuellt", _("erfüllt")
    NICHT_ERFUELLT = "nicht_erfuellt", _("nicht erfüllt")
    NICHT_BEWERTBAR = "nicht_bewertbar", _("nicht bewertbar")


class DocumentKind(models.TextChoices):
    PROGRAM = "program", _("Wahlprogramm")
    COALITION_AGREEMENT = "coalition_agreement", _("Koalitionsvertrag")
    OTHER = "other", _("anderes Dokument")


class PledgeKind(models.TextChoices):
    ACTION = "action", _("Handeln")
    PRESERVE = "preserve", _("Bewahren")
    REJECT = "reject", _("Ablehnen")
    EXAMINE = "examine", _("Prüfen")


AREA_LABELS = {
    "wirtschaft_arbeit": _("Wirtschaft und Arbeit"),
    "bildung": _("Bildung"),
    "kinder_jugend_familie": _("Kinder, Jugend und Familie"),
    "mobilitaet": _("Mobilität"),
    "sicherheit_ordnung": _("Sicherheit und Ordnung"),
    "digitalisierung_verwaltung": _("Digitalisierung und Verwaltung"),
    "soziales_gesundheit": _("Soziales und Gesundheit"),
    "sport": _("Sport"),
    "umwelt_klima_energie": _("Umwelt, Klima und Energie"),
    "kultur": _("Kultur"),
    "wohnen_stadtentwicklung": _("Wohnen und Stadtentwicklung"),
    "finanzen": _("Finanzen"),
    "demokratie_beteiligung": _("Demokratie und Beteiligung"),
    "koalition_personal": _("Koalition und Personal"),
}
assert tuple(AREA_LABELS) == AREAS

AREA_CHOICES = [(a, AREA_LABELS[a]) for a in AREAS]
CAP_CHOICES = [(number, name) for number, name in CAP_TOPICS.items()]


class EvidenceKind(models.TextChoices):
    COUNCIL_PAPER = "council_paper", _("Ratsvorlage")
    DECISION = "decision", _("Beschluss")
    PRESS = "press", _("Presseartikel")
    STATEMENT = "statement", _("Stellungnahme")
    BUDGET = "budget", _("Haushalt")
    OTHER = "other", _("anderer Beleg")


class AssessmentState(models.TextChoices):
    DRAFT = "draft", _("Entwurf")
    IN_REVIEW = "in_review", _("in Prüfung")
    RETURNED = "returned", _("zurückgegeben")
    PUBLISHED = "published", _("veröffentlicht")


class Role(models.TextChoices):
    """What a person may do for a body; one person may hold several roles."""

    ADMIN = "admin", _("Administration")
    EDITOR = "editor", _("Redaktion")
    REVIEWER = "reviewer", _("Prüfung")


class PledgeOrigin(models.TextChoices):
    EXTRACTION = "extraction", _("Extraktion")
    SPLIT = "split", _("Teilung")
    EDITOR = "editor", _("von der Redaktion ergänzt")


class Exclusion(models.TextChoices):
    """Why an editor took a pledge out of the lists (it is kept, with its history)."""

    NONE = "", _("—")
    NOT_A_PLEDGE = "not_a_pledge", _("kein Versprechen")
    MERGED = "merged", _("zusammengeführt")


class CorrectionKind(models.TextChoices):
    EDIT = "edit", _("Angaben geändert")
    NOT_A_PLEDGE = "not_a_pledge", _("als kein Versprechen markiert")
    SPLIT = "split", _("geteilt")
    MERGE = "merge", _("zusammengeführt")
    ADD = "add", _("ergänzt")


# The fields of a pledge an editor may correct; a re-import keeps corrected ones.
CORRECTABLE_FIELDS = ("text", "area", "cap", "kind", "testable", "quantities", "places")
