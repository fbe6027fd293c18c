"""What the rules engine's findings say to a member (German msgids, English in the .po)."""

from __future__ import annotations

from django.utils.text import format_lazy
from django.utils.translation import gettext as _

from versprochen.coalition.engine import Breach
from versprochen.coalition.vocabulary import BodyKind, ExceptionReason, Resolution


def _kinds(values: list[str]) -> str:
    labels = dict(BodyKind.choices)
    return ", ".join(str(labels.get(v, v)) for v in values)


def breach_message(breach: Breach) -> str:
    """One line: what is refused and the rule (by its number) that refuses it."""
    p = breach.params
    texts = {
        "own_not_allowed": _("Eigene Anträge sind nur hier erlaubt: %(kinds)s.")
        % {"kinds": _kinds(p.get("allowed", [])) or "—"},
        "own_with_other_parties": _(
            "Eigene Anträge werden nicht mit anderen Parteien gemeinsam gestellt."
        ),
        "own_without_joint_attempt": _(
            "Vor einem eigenen Antrag muss ein dokumentierter Versuch eines gemeinsamen "
            "Antrags stehen."
        ),
        "present_before_vote": _(
            "Ein eigener Antrag wird erst nach der gemeinsamen Abstimmung präsentiert."
        ),
        "coordination_full": _(
            "Die Koordinierungsgruppe hat schon %(cap)s Personen dieses Partners."
        )
        % {"cap": p.get("cap")},
        "exception_unknown": _("Diese Ausnahme sieht die Regel nicht vor; erlaubt: %(allowed)s.")
        % {
            "allowed": ", ".join(
                str(dict(ExceptionReason.choices).get(v, v)) for v in p.get("allowed", [])
            )
        },
        "resolution_unknown": _(
            "Diese Entscheidung sieht die Regel nicht vor; erlaubt: %(allowed)s."
        )
        % {
            "allowed": ", ".join(
                str(dict(Resolution.choices).get(v, v)) for v in p.get("allowed", [])
            )
        },
    }
    text = texts.get(breach.code, breach.code)
    return str(format_lazy("{} ({})", text, _("Regel %(n)s") % {"n": breach.rule}))
