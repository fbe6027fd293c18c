"""The coalition wing's closed vocabularies with their labels (German msgids)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class BodyKind(models.TextChoices):
    COUNCIL = "council", _("Rat")
    COMMITTEE = "committee", _("Ausschuss")
    DISTRICT_COUNCIL = "district_council", _("Bezirksvertretung")
    COMPANY_BOARD = "company_board", _("Gremium einer städtischen Beteiligung")


class MemberRole(models.TextChoices):
    MEMBER = "member", _("Mitglied")
    LEAD = "lead", _("Fraktionsvorsitz")
    SPEAKER = "speaker", _("Ausschusssprecher/in")


class MotionKind(models.TextChoices):
    JOINT = "joint", _("gemeinsam")
    OWN = "own", _("eigener Antrag")


class Filing(models.TextChoices):
    MOTION = "motion", _("Antrag")
    QUESTION = "question", _("Anfrage")
    AGENDA_MOTION = "agenda_motion", _("Antrag zur Tagesordnung")


class MotionState(models.TextChoices):
    DRAFT = "draft", _("Entwurf")
    PROPOSED = "proposed", _("dem Partner vorgeschlagen")
    AGREED = "agreed", _("abgestimmt")
    DISSENT = "dissent", _("Dissens")
    SUBMITTED = "submitted", _("eingereicht")
    DECIDED = "decided", _("entschieden")
    WITHDRAWN = "withdrawn", _("zurückgezogen")


class Result(models.TextChoices):
    ADOPTED = "adopted", _("angenommen")
    ADOPTED_AMENDED = "adopted_amended", _("geändert angenommen")
    REJECTED = "rejected", _("abgelehnt")
    REFERRED = "referred", _("verwiesen")
    DEFERRED = "deferred", _("vertagt")


class PaperOrigin(models.TextChoices):
    ADMINISTRATION = "administration", _("Vorlage der Verwaltung")
    OTHER_GROUP = (
        "other_group",
        _("Antrag einer anderen Fraktion, Gruppe oder eines Einzelmitglieds"),
    )


class Stance(models.TextChoices):
    YES = "yes", _("Zustimmung")
    NO = "no", _("Ablehnung")
    ABSTAIN = "abstain", _("Enthaltung")
    AMEND = "amend", _("Zustimmung mit Änderungen")


class PaperOutcome(models.TextChoices):
    OPEN = "open", _("offen")
    AGREED = "agreed", _("Konsens")
    POSTPONE = "postpone", _("zurückstellen")
    EXCEPTION = "exception", _("beraten (Ausnahme)")
    NO_DECISION = "no_decision", _("kein Beschluss angestrebt")
    JOINT_REJECTION = "joint_rejection", _("gemeinsam ablehnen")


class ExceptionReason(models.TextChoices):
    LEGALLY_REQUIRED = "legally_required", _("rechtlich verpflichtend zu beraten")
    FUNDING = "funding", _("finanzieller Schaden: Fördermittel")
    GRANTS = "grants", _("finanzieller Schaden: Zuschüsse")
    FEE_STATUTES = "fee_statutes", _("finanzieller Schaden: Gebührensatzung")


class Resolution(models.TextChoices):
    UNANIMOUS_DECISION = "unanimous_decision", _("einstimmiger Beschluss")
    RECORDED_DISSENT = "recorded_dissent", _("Dissens festgestellt, Verfahren geregelt")
    JOINT_REJECTION = "joint_rejection", _("gemeinsame Ablehnung")


class LogKind(models.TextChoices):
    PROPOSAL = "proposal", _("Vorschlag an den Partner")
    AGREEMENT = "agreement", _("Zustimmung des Partners")
    DISSENT = "dissent", _("Dissens")
    UNANIMOUS_DECISION = "unanimous_decision", _("einstimmiger Beschluss")
    RECORDED_DISSENT = "recorded_dissent", _("Dissens festgestellt")
    JOINT_REJECTION = "joint_rejection", _("gemeinsame Ablehnung")
    NOTICE = "notice", _("Unterrichtung des Partners")
    SUBMISSION = "submission", _("eingereicht")
    DECISION = "decision", _("Ergebnis der Sitzung")
    WITHDRAWAL = "withdrawal", _("zurückgezogen")
    POSITION = "position", _("Position")
    POSTPONEMENT = "postponement", _("zurückgestellt")
    EXCEPTION = "exception", _("Ausnahme: beraten")
    NO_DECISION = "no_decision", _("kein Beschluss angestrebt")
    COORDINATION = "coordination", _("Koordinierungsgruppe")
    PRESENTATION = "presentation", _("vom Antragsteller präsentiert")
    PUBLICATION = "publication", _("veröffentlicht")
