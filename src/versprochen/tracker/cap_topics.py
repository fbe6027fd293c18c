"""The Comparative Agendas Project's major topics with German labels for the site.

The codebook names them in English (`extraction.types.CAP_TOPICS`, kept in the open
data as `cap_topic`); a German page shows them in German, an English one in the
codebook's words (the .po file).
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from versprochen.extraction.types import CAP_TOPICS

CAP_LABELS: dict[int, Promise] = {
    1: _("Makroökonomie"),
    2: _("Bürgerrechte"),
    3: _("Gesundheit"),
    4: _("Landwirtschaft"),
    5: _("Arbeit und Beschäftigung"),
    6: _("Bildung"),
    7: _("Umwelt"),
    8: _("Energie"),
    9: _("Einwanderung"),
    10: _("Verkehr"),
    12: _("Recht und Kriminalität"),
    13: _("Soziales"),
    14: _("Wohnen"),
    15: _("Binnenwirtschaft"),
    16: _("Verteidigung"),
    17: _("Technologie"),
    18: _("Außenhandel"),
    19: _("Internationale Angelegenheiten"),
    20: _("Regierung und Verwaltung"),
    21: _("Öffentliches Land und Wasser"),
    23: _("Kultur"),
}
assert set(CAP_LABELS) == set(CAP_TOPICS)


def cap_label(number: int) -> str:
    """The topic's name in the current language ("" for an unknown number)."""
    label = CAP_LABELS.get(number)
    return str(label) if label is not None else ""
