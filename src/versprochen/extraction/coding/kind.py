"""The kind of a commitment: act, preserve, reject or examine.

Negation decides a lot here, and its object decides the rest: refusing a
worsening ("keine Erhöhung der Gebühren", "Kürzungen lehnen wir ab") keeps
what exists and is `preserve`; refusing a project or development is `reject`.
"""

from __future__ import annotations

import re

from versprochen.extraction.types import Kind

# A worsening of something that exists: refusing it means keeping the status quo.
_WORSENING = (
    r"\b(?:\w*?(?:erhöh|kürz|verschlechter)|reduzier|reduktion|abbau|streich|absenk"
    r"|einschränk|verteuer|senkung\s+der\s+qualität|zur\s+disposition|gespart)"
)
_NEGATOR = r"(?:kein|keine|keinen|keiner|keines|nicht|nein)"

_EXAMINE = re.compile(
    r"\bprüf|\b\w+prüfung\b(?<!überprüfung)|\bprüfstand|\bgeprüft\b|\bevaluier|\bevaluation"
    r"|\buntersuch(?!ungen\b)|machbarkeitsstud|machbarkeit\s+(?:zu\s+)?(?:prüf|untersuch|klär)"
    r"|\bklären,?\s+ob\b|\bzu\s+überlegen|\bbeurteil|\babwägung|\bdiskussion\s+darüber\b"
    r"|\bob\b[^.]*\b(?:realisierbar|machbar|möglich\s+ist|sinnvoll\s+ist|lohnen|vorteilhaft"
    r"|billiger|günstiger)|\bgutachten\s+(?:erstellen|einholen)|\bsich\b[^.]{0,40}\banschauen"
    r"|\bausloten|\bsondieren|\btesten\b|\bpilotversuch|in\s+die\s+\w*überlegungen\b"
    r"|erst\s+dann\s+zu\s+fällen",
    re.IGNORECASE,
)
# Words that make a check part of the measure rather than the commitment itself.
_EXAMINE_AS_ACTION = re.compile(
    r"\b(?:prüfung|überprüfung)\s+und\s+optimierung|kontinuierliche\s+überprüfung",
    re.IGNORECASE,
)

_REJECT_VERB = re.compile(
    r"\blehn\w*\b[^.;]*\bab\b|\babgelehnt|\bablehn|\bnein\s+zu\b|\bsagen\s+nein"
    r"|\bwird\s+es\s+(?:mit\s+uns\s+)?nicht\s+geben|\bnicht\s+(?:mit)?(?:machen|tragen|zustimmen)\b"
    r"|\bnicht\s+mitmachen|\bkeinen\s+anlass\b|\bkommt\s+nicht\s+in\s+frage"
    r"|\b(?:sind|ist|bin|sprechen\s+\w+|spricht\s+sich|wenden\s+\w+|stellen\s+\w+|und)"
    r"\s+(?:\w+\s+){0,3}?gegen\s+(?:eine|einen|die|den|das|jede|jeden|weitere|neue)\b"
    r"|\bsprechen\s+(?:wir\s+)?uns\s+gegen\b|\bnicht\s+durch\s+verbote",
    re.IGNORECASE,
)
# Stopping or limiting a development (a settlement, a building, a sale).
_BLOCK = re.compile(
    r"\b(?:verhinder\w*|begrenzung|begrenzen|stoppen|stopp|untersag\w*)\b[^.;]{0,60}?"
    r"\b\w*(?:ansiedlung|bebauung|projekt|privatisierung|verkauf|fusion|bau|anlage"
    r"|ausweisung|erweiterung|fracking|deponie|abholzung|windr\w*)",
    re.IGNORECASE,
)
_LEADING_NO = re.compile(r"^\W*(?:kein|keine|keinen)\b", re.IGNORECASE)
_WANT_NO = re.compile(
    r"\b(?:wollen|werden|soll|sollen|darf|dürfen|wird)\s+(?:\w+\s+){0,2}?(?:kein|keine|keinen)\b",
    re.IGNORECASE,
)
_NO_WORSENING = re.compile(
    _NEGATOR
    + r"\b[^.;]{0,50}?"
    + _WORSENING
    + r"|"
    + _WORSENING
    + r"\w*\b[^.;]{0,60}?\b(?:vermeiden|vermieden|verhindern)\b"
    + r"|\b(?:abwanderung|wegzug|abriss|verlust|wegfall)\w*\b[^.;]{0,40}?\b(?:verhinder|vermeid)"
    + r"|"
    + _WORSENING
    + r"\w*\b[^.;]{0,60}?\b(?:lehn\w*\b[^.;]*\bab\b|abgelehnt)",
    re.IGNORECASE,
)

_PRESERVE = re.compile(
    r"\berhalt\b|\berhalte[nt]?\s+(?:bleiben|werden|und)\b|\berhalten\s*(?:$|[,;])"
    r"|\bzu\s+erhalten\b|\baufrechterhalt|\bbeibehalt|\bbeizubehalten"
    r"|\bfortsetz|\bfortgesetzt|\bfortzusetzen|\bfortführ|\bfortzuführen"
    r"|\bweiterführen\b|\bweiterführung|\bweiterzuführen"
    # "Weiterhin kostenfreie Nutzung" keeps; "Weiterhin wäre ... sinnvoll" only adds.
    r"|(?<!^)\bweiterhin\b|^weiterhin\s+(?!(?:wäre|ist|sind|soll|sollen|sollte|muss|müssen"
    r"|wird|werden|können|kann)\b)"
    r"|\bweiter\s+(?:verfolgt|gewährleistet|gesichert|bestehen)|\bweitere\s+umsetzung"
    r"|\bsicherung\b|\bgesichert|\bsichern\b|\bsicherstell|\bbleiben\b|\bbleibt\b"
    r"|\bzukunftssicher|\bin\s+städtischer\s+hand|\bkontinuierliche\s+förderung"
    r"|\bnicht\s+zur\s+disposition|\bnicht\s+tolerierbar|\bbewahr|\bfreiwillig\s+sein",
    re.IGNORECASE,
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
    if _EXAMINE.search(text) and not _EXAMINE_AS_ACTION.search(text):
        return "examine"
    if _NO_WORSENING.search(text):
        return "preserve"
    if _REJECT_VERB.search(text) or _BLOCK.search(text):
        return "reject"
    if _LEADING_NO.search(text) or _WANT_NO.search(text):
        return "reject"
    preserve = _PRESERVE.search(text)
    if preserve and "erhalten" in preserve.group().lower() and _RECEIVE.search(text):
        preserve = _PRESERVE.search(text, preserve.end())
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
