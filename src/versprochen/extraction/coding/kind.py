"""The kind of a commitment: act, preserve, reject or examine.

Negation decides a lot here, and its object decides the rest: refusing a
worsening ("keine Erhöhung der Gebühren", "Kürzungen lehnen wir ab") keeps
what exists and is `preserve`; refusing a project or development is `reject`.

Continuing is `preserve` even where what goes on is a change ("die Modernisierung
fortsetzen"), but "weiterhin" or "weitere" beside a change or "mehr" goes on
changing (`action`). A check is `examine` unless a change follows it without a
condition ("evaluieren und weiterentwickeln" is `action`; "überprüfen und
gegebenenfalls anpassen" stays `examine`).
"""

from __future__ import annotations

import re

from versprochen.extraction.coding.gates import Gated, text_cues
from versprochen.extraction.types import Kind

# A worsening of something that exists: refusing it means keeping the status quo.
_WORSENING = (
    r"\b(?:\w*?(?:erhöh|kürz|verschlechter)|reduzier|reduktion|abbau|streich|absenk"
    r"|einschränk|verteuer|senkung\s+der\s+qualität|zur\s+disposition|gespart|mehrbelast|zusatzbelast)"
)
# "nicht nur ... reduzieren, sondern auch" and "nicht zuletzt" negate nothing.
_NEGATOR = r"(?:kein|keine|keinen|keiner|keines|nicht(?!\s+(?:nur|zuletzt)\b)|nein)"

# Losing something that exists: preventing it keeps what is there.
_LOSS_CUES = "abwanderung|wegzug|abriss|verlust|wegfall"
_LOSS = f"(?:{_LOSS_CUES})"

_WORSENING_CUES = (
    "erhöh|kürz|verschlechter|reduzier|reduktion|abbau|streich|absenk|einschränk|verteuer"
    "|senkung|disposition|gespart|mehrbelast|zusatzbelast"
)

# Each branch with the words any match of it needs (see `gates`).
_EXAMINE = Gated(
    # "Prüfungsleistungen", "Prüfungsordnung": a compound on "Prüfungs-" names an exam.
    (r"\bprüf(?!ungs)", "prüf"),
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
    # "Wir werden überprüfen, ob ...": checking whether, not a routine review.
    (r"\büberprüf\w*\b[^.;]{0,30}?,\s*(?:ob|inwieweit)\b", "überprüf =ob|=inwieweit"),
    # "überprüfen und gegebenenfalls anpassen": the change waits on the check.
    (
        r"\büberprüf\w*\s+und\s+(?:ggf\.|gegebenenfalls|bei\s+bedarf|falls\s+nötig)",
        "überprüf =ggf|=gegebenenfalls|=bedarf|=nötig",
    ),
    # "Es ist zu klären, ob ...", "wir überlegen, wie ...": weighing whether or
    # how to act is not acting yet.
    (
        r"\b(?:\w*klär\w*|überleg(?:en|t)|erwäg\w*|erwogen)\b[^.;]{0,30}?,\s*"
        r"(?:ob|wie|inwieweit|inwiefern)\b",
        "klär|überleg|erwäg|erwogen =ob|=wie|=inwieweit|=inwiefern",
    ),
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
        r"\b(?:sind|ist|bin|sprechen\s+\w+|spricht\s+sich|wenden\s+\w+|wendet\s+sich|stellen\s+\w+)"
        r"\s+(?:\w+\s+){0,3}?gegen\s+(?:eine|einen|die|den|das|jede|jeden|weitere|neue)\b",
        "=gegen =eine|=einen|=die|=den|=das|=jede|=jeden|=weitere|=neue",
    ),
    # "für X und gegen Y" only right after "und": "und gehen härter gegen die vor"
    # and "und gegen jede Herausforderung verteidigen" refuse nothing.
    (
        r"\bund\s+gegen\s+(?:eine|einen|die|den|das|jede|jeden|weitere|neue)\b"
        r"(?![^.;]*\b(?:vor|verteidigen|vorgehen|schützen)\b)",
        "=gegen =und =eine|=einen|=die|=den|=das|=jede|=jeden|=weitere|=neue",
    ),
    (r"\bsprechen\s+(?:wir\s+)?uns\s+gegen\b", "=gegen =uns"),
    # "Wir wollen Vergütung, keine Verbote": refusing a ban is refusing a proposal.
    (r"\b(?:nicht|kein\w*)\s+(?!nur\b)(?:\w+\s+){0,2}?verbot\w*", "=nicht|kein verbot"),
    # "Flächen werden nicht veräußert": refusing to sell public property. At most
    # two words between, so that "nicht" of another clause ("eine nicht selbst
    # genutzte Immobilie privat verkauft") does not count.
    (
        r"\b(?:nicht|kein\w*)\s+(?:\w+\s+){0,2}?(?:veräußer|verkauf|privatisier)\w*",
        "=nicht|kein veräußer|verkauf|privatisier",
    ),
    flags=re.IGNORECASE,
)
# Stopping or limiting a development (a settlement, a building, a sale).
_BLOCK = Gated(
    (
        r"\b(?:verhinder\w*|begrenzung|begrenzen|stoppen|stopp|untersag\w*|moratori\w*)\b[^.;]{0,60}?"
        r"\b\w*(?:ansiedlung|bebauung|projekt|privatisierung|verkauf|fusion|bau|anlage"
        r"|ausweisung|erweiterung|fracking|deponie|abholzung|windr\w*)",
        "verhinder|begrenzung|begrenzen|stopp|untersag|moratori"
        " ansiedlung|bebauung|projekt|privatisierung|verkauf|fusion|bau|anlage|ausweisung"
        "|erweiterung|fracking|deponie|abholzung|windr",
    ),
    flags=re.IGNORECASE,
)
_LEADING_NO = re.compile(r"^\W*(?:kein|keine|keinen)\b", re.IGNORECASE)
# A list item that completes a stem ("Wir sind:") starts lower case: "gegen die
# Schließung der Bücherei" is a stance against it. Upper case "Gegen den Mangel
# setzen wir ..." opens a sentence of its own, so this one tells case apart.
_LEADING_AGAINST = re.compile(r"^\W*gegen\s+(?:die|den|das|eine|einen|jede|jeden|weitere|neue)\b")
# "Pflege darf kein Armutsrisiko sein": a state to reach, not a refusal.
_NO_STATE = re.compile(r"\bkein\w*\s+(?:\w+\s+){0,3}?sein\b", re.IGNORECASE)
# "Wir wollen keine Ghettobildung, sondern vielfältige Stadtviertel": what
# follows "sondern" is the pledge; the refusal only contrasts it.
_NO_BUT = re.compile(r"\bkein\w*\b[^.;]*?,?\s+sondern\b", re.IGNORECASE)
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
        r"\b" + _LOSS + r"\w*\b[^.;]{0,40}?\b(?:verhinder|vermeid)",
        _LOSS_CUES + " verhinder|vermeid",
    ),
    (
        _WORSENING + r"\w*\b[^.;]{0,60}?\b(?:lehn\w*\b[^.;]*\bab\b|abgelehnt)",
        _WORSENING_CUES + " lehn",
    ),
    # The noun of preventing a worsening or a loss: "Vermeidung von Mehrbelastungen",
    # "Maßnahmen zur Vermeidung von Wohnungsverlust". Within the noun phrase only.
    (
        r"\b(?:vermeidung|verhinderung)\s+(?:\w+\s+){0,3}?(?:" + _WORSENING + r"|\w*" + _LOSS + ")",
        _WORSENING_CUES + "|" + _LOSS_CUES + " vermeidung|verhinderung",
    ),
    flags=re.IGNORECASE,
)

# Nouns of change that "Wir stehen zu ..." can stand by ("zur Verkleinerung des Bundestages").
_CHANGE_NOUN = (
    r"\b\w*(?:ausbau|neubau|umbau|einführung|abschaffung|erweiterung|verkleinerung|reform"
    r"|errichtung|einrichtung|schaffung|gründung|modernisierung|erhöhung|senkung)"
)
# A project named as one ("Modellprojekt", "Projekt X"), not compounds on "Projekt-"
# ("Projektförderung") and not a new or planned one.
_RUNNING_PROJECT = r"(?!(?:neu|geplant|künftig|zukünftig)\w*\s)(?:\w+\s+)?\w*projekts?\b"

# A separable particle at the end of its clause ("setzen wir ... fort.").
_CLAUSE_END = r"(?=\s*(?:$|[.,;:!?–]|\s(?:und|oder|sowie|um|damit|sondern)\b))"

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
    # Not "weiterführende Schulen" (secondary schools).
    (r"\bweiter(?:zu)?führen(?!d)", "weiterzuführen|weiterführen"),
    # The same verbs split in a main clause: "Wir setzen den Runden Tisch fort",
    # "Die Netzallianz führen wir weiter". The particle ends the clause.
    (
        r"\b(?:setz|führ)(?:en|t|e)\b[^.;:]{0,100}?\b(?:fort|weiter)" + _CLAUSE_END,
        "setzen|setzt|setze|führen|führt|führe =fort|=weiter",
    ),
    # Holding on to what exists: "Wir halten am Drei-Säulen-Modell fest",
    # "an der Förderung des Radverkehrs festhalten".
    (
        r"\b(?:an|am|daran)\s+(?:[^.;:]{0,100}?\s)?(?:halten|hält)\b[^.;:]{0,100}?\bfest"
        + _CLAUSE_END,
        "=halten|=hält =fest =an|=am|=daran",
    ),
    (
        r"\b(?:halten|hält)\s+(?:\w+\s+){0,3}?(?:an|am|daran)\b[^.;:]{0,100}?\bfest" + _CLAUSE_END,
        "=halten|=hält =fest =an|=am|=daran",
    ),
    (
        r"\b(?:an|am|daran)\s+[^.;:]{0,100}?\bfest(?:zu)?halten\b",
        "festhalten|festzuhalten =an|=am|=daran",
    ),
    # "die weitere Förderung der Jugendverbandsarbeit": going on with what runs.
    (
        r"\b(?:weitere[nr]?|kontinuierliche[nr]?)\s+(?:umsetzung|förderung|finanzierung)\b",
        "=weitere|=weiteren|=weiterer|=kontinuierliche|=kontinuierlichen|=kontinuierlicher"
        " =umsetzung|=förderung|=finanzierung",
    ),
    # "Weiterhin kostenfreie Nutzung" keeps; "Weiterhin wäre ... sinnvoll" and
    # "Weiterhin fordern wir ..." only add ("furthermore").
    (r"(?<!^)\bweiterhin\b", "=weiterhin"),
    (
        r"^weiterhin\s+(?!(?:wäre|ist|sind|soll|sollen|sollte|muss|müssen"
        r"|wird|werden|können|kann|möchten|möchte|wollen|will|fordern|fordert)\b)",
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
    # "Wir stehen zum Mindestlohn": standing by what exists. Not "zur Verfügung",
    # and not where the clause (up to ":") names a change to stand by.
    (
        r"\b(?:wir\s+stehen|stehen\s+wir)\s+(?:\w+\s+){0,2}?(?:zu|zum|zur)\s+"
        r"(?!(?:verfügung|wahl|debatte)\b)(?![^.;:]*?" + _CHANGE_NOUN + r")",
        "=stehen =wir =zu|=zum|=zur",
    ),
    # Backing one running project keeps it going: "Das Projekt „Wohnen für Hilfe“
    # unterstützen wir", "wir unterstützen das Modellprojekt X". Singular and
    # definite (a project that exists); not a new or planned one.
    # Either word order: the verb before or after the project.
    (
        r"\b(?:unterstütz\w*\s+(?:wir\s+)?(?:weiter\w*\s+)?(?:das|den)\s+"
        + _RUNNING_PROJECT
        + r"|(?:das|dem)\s+"
        + _RUNNING_PROJECT
        + r"[^.;]{0,80}?\bunterstütz)",
        "unterstütz projekt =das|=den|=dem",
    ),
    flags=re.IGNORECASE,
)
# Strong verbs of change: where one comes before the preserving word, the
# pledge changes something and only secures the result.
_CHANGE_FIRST = re.compile(
    r"\b(?:modernisier\w*|ausbau\w*|ausbauen|neubau|einrichten|einführ\w*|schaffen|errichte\w*"
    r"|umbauen|abschaff\w*|erweiter\w*|entwickeln|bauen|errichtung|einrichtung|gründ\w*"
    r"|einzuführen|einzurichten|schaffung"
    # Improving is changing: "die Abläufe im Bürgeramt fortlaufend optimieren".
    r"|optimier\w*|verbesser\w*|weiterentwick\w*|überarbeit\w*|intensivier\w*)\b",
    re.IGNORECASE,
)
# Continuing something that runs keeps it, even when what runs is a change:
# "die Modernisierung der Schulgebäude fortsetzen".
_CONTINUE = re.compile(
    r"fortsetz|fortgesetzt|fortzusetzen|fortführ|fortzuführen|weiter(?:zu)?führ(?!end)"
    r"|beibehalt|beizubehalten|aufrechterhalt"
    # a split verb ends on its particle: "setzen wir den Ausbau fort"
    r"|\b(?:fort|weiter|fest)$|festhalt|festzuhalt",
    re.IGNORECASE,
)
# Words that say "go on" without naming what stays: beside a change, or "mehr",
# they go on changing ("wir setzen uns weiterhin für mehr Radwege ein").
_WEAK = re.compile(r"weiterhin\b|weitere[nr]?\s|kontinuierlich", re.IGNORECASE)
# Not "nicht mehr": no longer.
_MORE = re.compile(r"(?<!nicht\s)\bmehr\b", re.IGNORECASE)
# A change named as a verb ("schaffen", "ausbauen": lower case, infinitive) is
# a step of its own; as a noun ("die Modernisierung", "Bauen") it can be what
# goes on. Case tells them apart, so this one is case-sensitive.
_VERB_FORM = re.compile(r"[a-zäöüß]\w*(?:en|ern|eln)")
# "nicht nur in der Innenstadt, sondern auch in den Stadtteilen": what
# follows "sondern" reaches beyond what exists.
_NOT_ONLY = re.compile(r"\bnicht\s+nur\b[^.;]*\bsondern\b", re.IGNORECASE)
# Examining and then changing without a condition commits to the change:
# "die Förderinstrumente evaluieren und weiterentwickeln".
_EXAMINE_THEN_CHANGE = re.compile(
    r"\b(?:\w*prüf\w*|evaluier\w*|evaluation)\s+und\s+(?:die\s+|der\s+)?"
    r"(?:optimier|verbesser|anpass|änder|weiterentwick|überarbeit)",
    re.IGNORECASE,
)

# "erhalten" also means "receive": "um einen Überblick zu erhalten",
# "dass die Eltern Beratung erhalten".
_RECEIVE = re.compile(
    r"\bum\b[^.;]*\bzu\s+erhalten\b|\b(?:dass|soll|sollen|muss|müssen|kann|können)\b"
    r"[^.;]*\berhalten\s*[.;]?\s*$|\berhalten\s*,\s*(?:der|die|das|um|damit|wenn|sofern|welche)\b"
    # "dass Schulen Räume erhalten, in denen alle gut lernen"
    r"|\berhalten\s*,\s*(?:in|mit|bei|an|auf|für|von|über)\s+(?:denen|dem|der|welchen|welcher)\b"
    # "die bisher keine Ausbildungsvergütung erhalten", "sollen kein Bürgergeld mehr
    # erhalten, sondern ...": receiving nothing (no comma between).
    r"|\bkein\w*\s+[^.;,]*?\berhalten\b",
    re.IGNORECASE,
)
# Staying refused is a change: "Leitbilder dürfen nicht bloße Papierform bleiben",
# "dass niemand ohne Ausbildungsplatz bleibt".
_NOT_STAYING = re.compile(
    r"\b(?:nicht|kein\w*|niemand)\s+(?:(?!und\b|oder\b)\w+\s+){0,3}bleib(?:en|t)\b",
    re.IGNORECASE,
)
# Beside a verb of care "erhalten" keeps: "Grünflächen schützen und erhalten, die ...".
_KEEP_PAIR = re.compile(
    r"\b(?:stärken|schützen|pflegen|sichern|bewahren)\s+und\s+erhalten\b"
    r"|\berhalten\s+und\s+(?:zu\s+)?(?:stärken|schützen|pflegen|sichern|ausbauen|bewahren)",
    re.IGNORECASE,
)


def code_kind(text: str) -> Kind:
    """Examine before negation before preserve: the most specific reading wins."""
    present = text_cues(text)
    if _examines(text, present):
        return "examine"
    if _NO_WORSENING.search(text, present):
        return "preserve"
    if _REJECT_VERB.search(text, present) or _BLOCK.search(text, present):
        return "reject"
    if _LEADING_AGAINST.search(text):
        return "reject"
    # "keine Bebauung, sondern ein Park": the "kein" only sets off what is pledged.
    no_but = _NO_BUT.search(text) is not None
    if _LEADING_NO.search(text) and not no_but:
        return "reject"
    if _WANT_NO.search(text, present) and not _NO_STATE.search(text) and not no_but:
        return "reject"
    return _preserve_or_action(text, present)


def _examines(text: str, present: frozenset[str] | None) -> bool:
    """An examining word that is not the first step of a committed change."""
    committed = [m.span() for m in _EXAMINE_THEN_CHANGE.finditer(text)]
    return any(
        not any(start <= m.start() < end for start, end in committed)
        for m in _EXAMINE.finditer(text, present)
    )


def _keeps(text: str, found: re.Match[str]) -> bool:
    """False where "erhalten" means "receive", or where staying is refused."""
    word = found.group().strip().lower()
    if word in ("bleiben", "bleibt"):
        return all(m.end() != found.end() for m in _NOT_STAYING.finditer(text))
    if "erhalten" not in word:
        return True
    return not _RECEIVE.search(text) or _KEEP_PAIR.search(text) is not None


def _continues_change(text: str, found: list[re.Match[str]], change: re.Match[str] | None) -> bool:
    """A continuing verb whose object is the change: "die Modernisierung fortsetzen"."""
    for m in found:
        if not _CONTINUE.search(m.group()):
            continue
        if change is None or change.start() > m.start():
            return True
        named_as_verb = _VERB_FORM.fullmatch(change.group()) is not None
        if not named_as_verb and ". " not in text[change.end() : m.start()]:
            return True
    return False


def _preserve_or_action(text: str, present: frozenset[str] | None) -> Kind:
    found = [m for m in _PRESERVE.finditer(text, present) if _keeps(text, m)]
    if not found:
        return "action"
    not_only = _NOT_ONLY.search(text)
    if not_only and found[0].start() > not_only.start():
        return "action"
    change = _CHANGE_FIRST.search(text)
    if _continues_change(text, found, change):
        return "preserve"
    strong = [m for m in found if not _WEAK.match(m.group().strip())]
    if not strong:
        # "Wir setzen uns weiterhin für die Abschaffung der Beiträge ein":
        # continuing to push for a change is still the change.
        return "action" if change or _MORE.search(text) else "preserve"
    if change and change.start() < strong[0].start():
        return "action"
    return "preserve"
