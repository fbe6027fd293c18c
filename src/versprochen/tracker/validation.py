"""The rules for what editors type, shared by the forms, the CSV import and the API.

Each rule raises Django's `ValidationError` with a message that names the problem;
callers put it at the field (forms), on the line (CSV) or in the response (API).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import gettext as _

from versprochen.tracker.vocabulary import EvidenceKind, Status

MAX_RATIONALE = 5000
MAX_REASON = 2000
MAX_NOTE = 5000
MAX_TITLE = 500
MAX_URL = 1000
MAX_QUOTE = 2000
MAX_EVIDENCE = 20
MAX_COMMENT = 5000
EARLIEST = dt.date(1949, 1, 1)

_url = URLValidator(schemes=["http", "https"])


def today() -> dt.date:
    return timezone.localdate()


# Digits as typed on a keyboard: `str.isdigit()` also accepts "²" or "①" that `int()`
# refuses, and `int()` accepts "٣" or "1_000"; neither belongs in a page number or an id.
_DIGITS = re.compile(r"[0-9]{1,18}")
MAX_NUMBER = 10**18 - 1  # fits a 64-bit database integer, so no OverflowError downstream


def number(
    value: Any, lowest: int = 1, highest: int = MAX_NUMBER, default: int | None = None
) -> int:
    """A whole number a user typed (page, id, CAP topic, revision): ASCII digits only,
    from `lowest` to `highest`. Empty gives `default` when there is one."""
    raw = "" if value is None else str(value).strip()
    if not raw and default is not None:
        return default
    if not _DIGITS.fullmatch(raw) or not lowest <= int(raw) <= highest:
        raise ValidationError(
            _("%(value)s ist keine Zahl von %(lowest)d bis %(highest)d.")
            % {"value": repr(raw[:20]), "lowest": lowest, "highest": highest}
        )
    return int(raw)


def status(value: str) -> str:
    value = (value or "").strip()
    if value not in Status.values:
        raise ValidationError(
            _("Unbekannter Status %(value)s; erlaubt: %(allowed)s")
            % {"value": repr(value[:40]), "allowed": ", ".join(Status.values)}
        )
    return value


def evidence_kind(value: str) -> str:
    value = (value or "").strip()
    if value not in EvidenceKind.values:
        raise ValidationError(
            _("Unbekannte Belegart %(value)s; erlaubt: %(allowed)s")
            % {"value": repr(value[:40]), "allowed": ", ".join(EvidenceKind.values)}
        )
    return value


def past_date(value: str | dt.date | None, required: bool = True) -> dt.date | None:
    """A date of something that happened: ISO (2026-03-02), not in the future."""
    if value in (None, ""):
        if required:
            raise ValidationError(_("Datum fehlt."))
        return None
    if isinstance(value, dt.date):
        day = value
    else:
        try:
            day = dt.date.fromisoformat(str(value).strip())
        except ValueError:
            raise ValidationError(
                _("%(value)s ist kein Datum wie 2026-03-02.") % {"value": repr(str(value)[:40])}
            ) from None
    if day > today():
        raise ValidationError(
            _("Das Datum %(day)s liegt in der Zukunft.") % {"day": day.isoformat()}
        )
    if day < EARLIEST:
        raise ValidationError(_("Das Datum %(day)s ist zu früh.") % {"day": day.isoformat()})
    return day


def text(value: str | None, limit: int, required: bool = False, what: str = "") -> str:
    value = (value or "").strip()
    if required and not value:
        raise ValidationError(_("Darf nicht leer sein."))
    if len(value) > limit:
        raise ValidationError(
            _("Höchstens %(limit)d Zeichen (sind %(n)d).") % {"limit": limit, "n": len(value)}
        )
    if "\x00" in value:
        raise ValidationError(_("Enthält ein Nullzeichen."))
    return value


def url(value: str | None, required: bool = False) -> str:
    value = (value or "").strip()
    if not value:
        if required:
            raise ValidationError(_("Darf nicht leer sein."))
        return ""
    if len(value) > MAX_URL:
        raise ValidationError(_("Höchstens %(limit)d Zeichen.") % {"limit": MAX_URL})
    try:
        if any(ord(c) < 32 or ord(c) == 127 for c in value):  # NUL, newlines: never in a URL
            raise ValidationError("control character")
        _url(value)
    except ValidationError:
        raise ValidationError(
            _("%(value)s ist keine gültige Web-Adresse (http:// oder https://).")
            % {"value": repr(value[:60])}
        ) from None
    return value


@dataclass(frozen=True, slots=True)
class EvidenceData:
    kind: str
    title: str
    url: str = ""
    date: dt.date | None = None
    quote: str = ""
    # The council paper this item was confirmed from (kept through the draft form).
    oparl_id: str = ""


@dataclass(frozen=True, slots=True)
class DraftData:
    """An assessment as an editor wrote it, checked."""

    status: str
    assessed_on: dt.date
    rationale: str
    reason: str = ""
    note: str = ""
    evidence: tuple[EvidenceData, ...] = field(default_factory=tuple)


Errors = dict[str, list[str]]


def _run(errors: Errors, name: str, check: Any, *args: Any) -> Any:
    try:
        return check(*args)
    except ValidationError as error:
        errors.setdefault(name, []).extend(error.messages)
        return None


def evidence_data(
    raw: Mapping[str, Any], prefix: str = "", complete: bool = True
) -> tuple[EvidenceData | None, Errors]:
    """One evidence item from strings (kind, title, url, date, quote): everything but the
    quote is required, the address an http(s) URL, the date not in the future.
    `complete=False` lets address and date be empty: only for evidence that is already
    published like that (from before they were required), carried over unchanged."""
    errors: Errors = {}
    kind = _run(errors, prefix + "kind", evidence_kind, raw.get("kind", ""))
    title = _run(errors, prefix + "title", text, raw.get("title"), MAX_TITLE, True)
    link = _run(errors, prefix + "url", url, raw.get("url"), complete)
    day = _run(errors, prefix + "date", past_date, raw.get("date"), complete)
    quote = _run(errors, prefix + "quote", text, raw.get("quote"), MAX_QUOTE)
    if errors:
        return None, errors
    return EvidenceData(kind=kind, title=title, url=link, date=day, quote=quote), {}


def draft_data(
    raw: Mapping[str, Any], evidence: list[Mapping[str, Any]] | None = None
) -> tuple[DraftData | None, Errors]:
    """A draft from strings: status, assessed_on, rationale, reason, note, evidence items."""
    errors: Errors = {}
    state = _run(errors, "status", status, raw.get("status", ""))
    day = _run(errors, "assessed_on", past_date, raw.get("assessed_on"))
    rationale = _run(errors, "rationale", text, raw.get("rationale"), MAX_RATIONALE, True)
    reason = _run(errors, "reason", text, raw.get("reason"), MAX_REASON)
    note = _run(errors, "note", text, raw.get("note"), MAX_NOTE)
    if state == Status.NICHT_BEWERTBAR and not reason and "reason" not in errors:
        errors["reason"] = [_("„nicht bewertbar“ braucht eine Begründung, warum.")]
    items: list[EvidenceData] = []
    for i, item in enumerate(evidence or []):
        data, problems = evidence_data(item, prefix=f"evidence.{i}.")
        errors.update(problems)
        if data is not None:
            items.append(data)
    if len(evidence or []) > MAX_EVIDENCE:
        errors.setdefault("evidence", []).append(_("Höchstens %(n)d Belege.") % {"n": MAX_EVIDENCE})
    if errors:
        return None, errors
    return (
        DraftData(
            status=state,
            assessed_on=day,
            rationale=rationale,
            reason=reason if state == Status.NICHT_BEWERTBAR else "",
            note=note,
            evidence=tuple(items),
        ),
        {},
    )


MAX_PLEDGE_TEXT = 5000
MAX_LIST_ITEMS = 30
MAX_ITEM_CHARS = 200


def _lines(value: Any) -> list[str]:
    if isinstance(value, list | tuple):
        items = [str(v).strip() for v in value]
    else:
        items = [line.strip() for line in str(value or "").splitlines()]
    items = [i for i in items if i]
    if len(items) > MAX_LIST_ITEMS:
        raise ValidationError(_("Höchstens %(n)d Einträge.") % {"n": MAX_LIST_ITEMS})
    for item in items:
        if len(item) > MAX_ITEM_CHARS:
            raise ValidationError(
                _("Ein Eintrag hat mehr als %(n)d Zeichen.") % {"n": MAX_ITEM_CHARS}
            )
    return items


def _choice(value: Any, allowed: Mapping[str, Any] | list[str], what: str) -> str:
    chosen = str(value or "").strip()
    if chosen not in allowed:
        raise ValidationError(
            _("Unbekannter Wert %(value)s für %(what)s.")
            % {"value": repr(chosen[:40]), "what": what}
        )
    return chosen


def _cap(value: Any) -> int:
    from versprochen.tracker.vocabulary import CAP_CHOICES

    raw = str(value or "").strip()
    caps = {topic for topic, _label in CAP_CHOICES}
    try:
        cap = number(raw, 0, 10_000)
    except ValidationError:
        cap = -1
    if cap not in caps:
        raise ValidationError(_("Unbekanntes CAP-Thema %(value)s.") % {"value": repr(raw[:20])})
    return cap


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    return str(value or "").strip().lower() in ("1", "true", "on", "yes", "ja")


def pledge_values(raw: Mapping[str, Any]) -> tuple[dict[str, Any] | None, Errors]:
    """A pledge's correctable fields from what an editor typed."""
    from versprochen.tracker.vocabulary import AREA_LABELS, PledgeKind

    errors: Errors = {}
    values = {
        "text": _run(errors, "text", text, raw.get("text"), MAX_PLEDGE_TEXT, True),
        "area": _run(errors, "area", _choice, raw.get("area"), AREA_LABELS, "area"),
        "cap": _run(errors, "cap", _cap, raw.get("cap")),
        "kind": _run(errors, "kind", _choice, raw.get("kind"), PledgeKind.values, "kind"),
        "testable": _flag(raw.get("testable")),
        "quantities": _run(errors, "quantities", _lines, raw.get("quantities")),
        "places": _run(errors, "places", _lines, raw.get("places")),
    }
    if errors:
        return None, errors
    return values, {}
