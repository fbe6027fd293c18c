"""The kind of a commitment: act, preserve, reject or examine.

Negation decides a lot here, and its object decides the rest: refusing a
worsening ("keine Erhöhung der Gebühren", "Kürzungen lehnen wir ab") keeps
what exists and is `preserve`; refusing a project or development is `reject`.
"""

from __future__ import annotations

import re

from versprochen.extraction.coding.gates import Gated, text_cues
from versprochen.extraction.types import Kind

# A worsening of something that exists: refusing it means keeping the status quo.
_WORSENING = (
    r"\b(?:\w*?(?:erhöh|kürz|verschlechter)|reduzier|reduktion|abbau|streich|absenk"
    r"|einschränk|verteuer|senkung\s+der\s+qualität|zur\s+disposition|gespart)"
)
_NEGATOR = r"(?:kein|keine|keinen|keiner|keines|nicht|nein)"

_WORSENING_CUES = (
    "erhöh|kürz|verschlechter|reduzier|reduktion|abbau|streich|absenk|einschränk|verteuer"
    "|senkung|disposition|gespart"
)

# Each branch with the words any match of it needs (see `gates`).
_EXAMINE = Gated(
    (r"\bprüf", "prüf"),
    (r"\b\w+prüfung\b(?<!überprüfung)", "prüfung"),
    (r"\bprüfstand", "prüfstand"),
    (r"\bgeprüft\b", "=geprüft"),
    (r"\bevaluier", "evaluier"),
    (r"\bevaluation", "evaluation"),
    (r"\buntersuch(?!ungen\b)", "untersuch"),
    (r"machbarkeitsstud", "machbarkeitsstud"),
    (r"machbarkeit\s+(?:zu\s+)?(?:prüf|untersuch|klär)", "machbarkeit prüf|untersuch|klär"),
    (r"\bbeurteil", "beurteil"),
    (r"\babwägung", "abwägung"),
    (
        r"\bob\b[^.]*\b(?:realisierbar|machbar|möglich\s+ist|sinnvoll\s+ist|lohnen|vorteilhaft"
        r"|billiger|günstiger)",
        "realisierbar|machbar|möglich|sinnvoll|lohnen|vorteilhaft|billiger|günstiger =ob",
    ),
    (r"\bgutachten\s+(?:erstellen|einholen)", "gutachten erstellen|einholen"),
    (r"\bsich\b[^.]{0,40}\banschauen", "anschauen =sich"),
    (r"\bausloten", "ausloten"),
    (r"\bsondieren", "sondieren"),
    (r"\btesten\b", "=testen"),
    (r"\bpilotversuch", "pilotversuch"),
    (r"in\s+die\s+\w*überlegungen\b", "überlegungen =die"),
    flags=re.IGNORECASE,
)

_REJECT_VERB = Gated(
    (r"\blehn\w*\b[^.;]*\bab\b", "lehn =ab"),
    (r"\babgelehnt", "abgelehnt"),
    (r"\bablehn", "ablehn"),
    (r"\bnein\s+zu\b", "=nein =zu"),
    (r"\bwird\s+es\s+(?:mit\s+uns\s+)?nicht\s+geben", "geben =nicht =wird =es"),
    (r"\bnicht\s+(?:mit)?(?:machen|tragen|zustimmen)\b", "machen|tragen|zustimmen =nicht"),
    (r"\bkommt\s+nicht\s+in\s+frage", "frage =kommt =nicht"),
    (
        r"\b(?:sind|ist|bin|sprechen\s+\w+|spricht\s+sich|wenden\s+\w+|stellen\s+\w+|und)"
        r"\s+(?:\w+\s+){0,3}?gegen\s+(?:eine|einen|die|den|das|jede|jeden|weitere|neue)\b",
        "=gegen =eine|=einen|=die|=den|=das|=jede|=jeden|=weitere|=neue",
    ),
    (r"\bsprechen\s+(?:wir\s+)?uns\s+gegen\b", "=gegen =uns"),
    flags=re.IGNORECASE,
)
# Stopping or limiting a development (a settlement, a building, a sale).
_BLOCK = Gated(
    (
        r"\b(?:verhinder\w*|begrenzung|begrenzen|stoppen|stopp|untersag\w*)\b[^.;]{0,60}?"
        r"\b\w*(?:ansiedlung|bebauung|projekt|privatisierung|verkauf|fusion|bau|anlage"
        r"|ausweisung|erweiterung|fracking|deponie|abholzung|windr\w*)",
        "verhinder|begrenzung|begrenzen|stopp|untersag"
        " ansiedlung|bebauung|projekt|privatisierung|verkauf|fusion|bau|anlage|ausweisung"
        "|erweiterung|fracking|deponie|abholzung|windr",
    ),
    flags=re.IGNORECASE,
)
_LEADING_NO = re.compile(r"^\W*(?:kein|keine|keinen)\b", re.IGNORECASE)
_WANT_NO = Gated(
    (
        r"\b(?:wollen|werden|soll|sollen|darf|dürfen|wird)\s+(?:\w+\s+){0,2}?"
        r"(?:kein|keine|keinen)\b",
        "=kein|=keine|=keinen =wollen|=werden|=soll|=sollen|=darf|=dürfen|=wird",
    ),
    flags=re.IGNORECASE,
)
_NO_WORSENING = Gated(
    (_NEGATOR + r"\b[^.;]{0,50}?" + _WORSENING, _WORSENING_CUES + " kein|nicht|nein"),
    (
        _WORSENING + r"\w*\b[^.;]{0,60}?\b(?:vermeiden|vermieden|verhindern)\b",
        _WORSENING_CUES + " vermeiden|vermieden|verhindern",
    ),
    (
        r"\b(?:abwanderung|wegzug|abriss|verlust|wegfall)\w*\b[^.;]{0,40}?\b(?:verhinder|vermeid)",
        "abwanderung|wegzug|abriss|verlust|wegfall verhinder|vermeid",
    ),
    (
        _WORSENING + r"\w*\b[^.;]{0,60}?\b(?:lehn\w*\b[^.;]*\bab\b|abgelehnt)",
        _WORSENING_CUES + " lehn",
    ),
    flags=re.IGNORECASE,
)

_PRESERVE = Gated(
    (r"\berhalt\b", "=erhalt"),
    (
        r"\berhalte[nt]?\s+(?:bleiben|werden|und)\b",
        "=erhalte|=erhalten|=erhaltet =bleiben|=werden|=und",
    ),
    (r"\berhalten\s*(?:$|[,;])", "=erhalten"),
    (r"\bzu\s+erhalten\b", "=erhalten =zu"),
    (r"\baufrechterhalt", "aufrechterhalt"),
    (r"\bbeibehalt", "beibehalt"),
    (r"\bbeizubehalten", "beizubehalten"),
    (r"\bfortsetz", "fortsetz"),
    (r"\bfortgesetzt", "fortgesetzt"),
    (r"\bfortzusetzen", "fortzusetzen"),
    (r"\bfortführ", "fortführ"),
    (r"\bfortzuführen", "fortzuführen"),
    (r"\bweiterführen\b", "=weiterführen"),
    (r"\bweiterführung", "weiterführung"),
    (r"\bweiter(?:zu)?führen", "weiterzuführen|weiterführen"),
    # "Weiterhin kostenfreie Nutzung" keeps; "Weiterhin wäre ... sinnvoll" only adds.
    (r"(?<!^)\bweiterhin\b", "=weiterhin"),
    (
        r"^weiterhin\s+(?!(?:wäre|ist|sind|soll|sollen|sollte|muss|müssen"
        r"|wird|werden|können|kann)\b)",
        "=weiterhin",
    ),
    (
        r"\bweiter\s+(?:verfolgt|gewährleistet|gesichert|bestehen)",
        "verfolgt|gewährleistet|gesichert|bestehen =weiter",
    ),
    (r"\bsicherung\b", "=sicherung"),
    (r"\bgesichert", "gesichert"),
    (r"\bsichern\b", "=sichern"),
    (r"\bsicherstell", "sicherstell"),
    (r"\bbleiben\b", "=bleiben"),
    (r"\bbleibt\b", "=bleibt"),
    (r"\bzukunftssicher", "zukunftssicher"),
    (r"\bin\s+städtischer\s+hand", "=städtischer hand"),
    (r"\bbewahr", "bewahr"),
    flags=re.IGNORECASE,
)
# Strong verbs of change: where one comes before the preserving word, the
# pledge changes something and only secures the result.
_CHANGE_FIRST = re.compile(
    r"\b(?:modernisier\w*|ausbau\w*|ausbauen|neubau|einrichten|einführ\w*|schaffen|errichte\w*"
    r"|umbauen|abschaff\w*|erweiter\w*|entwickeln|bauen|errichtung|einrichtung|gründ\w*"
    r"|einzuführen|einzurichten|schaffung)\b",
    re.IGNORECASE,
)

# "erhalten" also means "receive": "um einen Überblick zu erhalten",
# "dass die Eltern Beratung erhalten".
_RECEIVE = re.compile(
    r"\bum\b[^.;]*\bzu\s+erhalten\b|\b(?:dass|soll|sollen|muss|müssen|kann|können)\b"
    r"[^.;]*\berhalten\s*[.;]?\s*$|\berhalten\s*,\s*(?:der|die|das|um|damit|wenn|sofern|welche)\b",
    re.IGNORECASE,
)


def code_kind(text: str) -> Kind:
    """Examine before negation before preserve: the most specific reading wins."""
    present = text_cues(text)
    if _EXAMINE.search(text, present):
        return "examine"
    if _NO_WORSENING.search(text, present):
        return "preserve"
    if _REJECT_VERB.search(text, present) or _BLOCK.search(text, present):
        return "reject"
    if _LEADING_NO.search(text) or _WANT_NO.search(text, present):
        return "reject"
    preserve = _PRESERVE.search(text, present)
    if preserve and "erhalten" in preserve.group().lower() and _RECEIVE.search(text):
        preserve = _PRESERVE.search(text, present, preserve.end())
    if preserve:
        change = _CHANGE_FIRST.search(text)
        if change and change.start() < preserve.start():
            return "action"
        # "Wir setzen uns weiterhin für die Abschaffung der Beiträge ein":
        # continuing to push for a change is still the change.
        if preserve.group().lower().strip() == "weiterhin" and change:
            return "action"
        return "preserve"
    return "action"
