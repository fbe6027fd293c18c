"""Numbers with units, target dates and rhythms a pledge commits to, as written.

A bare number is not a commitment ("§ 24", "Tempo 30 wird abgelehnt" is not
about thirty of anything); a number with what it counts ("50 Prozent",
"drei Feuerwachen", "1,5 Vollzeitstellen"), a deadline ("bis 2035"), a period
("2025 - 2030"), a year in a plan's name ("Klimaschutzplan 2035"), a clock
time ("ab 18 Uhr") or a rhythm ("zwei Mal jährlich") is. A year of the past
("seit 2019", "im Jahr 2015 haben wir ...") is no target.
"""

from __future__ import annotations

import re

from versprochen.extraction.coding.gates import Gated, text_cues

_NUMBER_WORDS = (
    "zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|fünfzehn|zwanzig|dreißig"
    "|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig|hundert|tausend|doppelt|halb"
)
_DIGITS = r"\d+(?:[.,]\d+)*"
_MODIFIER = (
    r"(?i:(?:bis\s+zu|mehr\s+als|weniger\s+als|maximal|mindestens|höchstens|ca\.|circa|rund"
    r"|etwa|über|unter|ab|bis|von|je|jeweils|insgesamt|zusätzlich(?:e|en)?)\s+)?"
)
# Units that follow a number in lower case; capitalised nouns are taken as
# what the number counts ("8 Personen", "vier Stadtbezirke").
_UNITS = r"(?i:%|prozent|euro|€|mio\.?|millionen|mrd\.?|milliarden|km|m|m²|qm|ha|kwh|mw|kw|uhr|mal)"
# One inflected adjective may stand between ("drei bestehenden Feuerwachen").
_COUNTED = r"(?:" + _UNITS + r"(?![\w])|(?:[a-zäöüß]+(?:e|en|er|es|em)\s+)?[A-ZÄÖÜ][\w*-]*)"
_PER = r"(?:\s+(?:pro|je)\s+[A-ZÄÖÜ][\w-]*|\s+(?i:jährlich|täglich|wöchentlich|monatlich))?"

# An hour of the clock: "18", "18:30", "18.30", "zwanzig".
_HOUR = r"(?:\d{1,2}(?:[.:]\d\d)?|(?i:" + _NUMBER_WORDS + r"|ein|eins))"
_PART_OF_YEAR = r"ende\s+(?:des\s+jahres\s+)?|anfang\s+|mitte\s+(?:des\s+jahres\s+)?"
# Plans, strategies and targets named for the year they are to be reached by
# ("Klimaschutzplan 2035", "Wohnungspakt 2030", "Agenda 2030"). Not programmes:
# "Wahlprogramm 2026" is the document's own name; not laws: "Strahlenschutzgesetz
# 2017" is the year it was passed.
_PLANS = "plan|konzept|strategie|ziel|ziele|agenda|pakt"
_PLANS_ALONE = "Plan|Konzept|Strategie|Ziel|Ziele|Agenda|Pakt|Vision"
_NUMBER_WORD_CUES = "|".join("=" + w for w in _NUMBER_WORDS.split("|"))
_YEAR_CUES = "19|20"

# Each pattern with the words any match of it needs (see `gates`).
_PATTERNS = (
    # 2025 - 2030, 2025–2030
    (r"\b(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\b", _YEAR_CUES),
    # bis 2035, ab dem Jahr 2026, bis Ende 2027, bis Mitte des Jahres 2027
    (
        r"\b(?i:bis|ab|spätestens)\s+(?i:(?:zum|dem)\s+)?(?i:jahr\s+|" + _PART_OF_YEAR + r")?"
        r"(?:19|20)\d\d\b",
        _YEAR_CUES + " =bis|=ab|=spätestens",
    ),
    # Ende 2026, im Sommer 2027, im ersten Halbjahr 2027: a deadline without
    # "bis" names part of a year (a bare "2027" names no date).
    (
        r"\b(?:(?i:im|zum|für)\s+)?"
        r"(?:(?:Ende|Anfang|Mitte|Beginn)\s+(?:des\s+Jahres\s+)?|(?:Frühjahr|Sommer|Herbst|Winter)\s+"
        r"|(?:ersten|zweiten|dritten|vierten|[1-4]\.)\s+(?:Quartal|Halbjahr)\s+)(?:19|20)\d\d\b",
        _YEAR_CUES + " ende|anfang|mitte|beginn|frühjahr|sommer|herbst|winter|quartal|halbjahr",
    ),
    # im Jahr 2030 (past years are dropped below)
    (r"\b(?i:im\s+jahre?)\s+(?:19|20)\d\d\b", "=jahr|=jahre " + _YEAR_CUES),
    # Klimaschutzplan 2035, Agenda 2030: the year a plan is named for is its deadline
    (
        r"\b(?:[A-ZÄÖÜ][a-zäöüß-]*(?:" + _PLANS + r")|(?:" + _PLANS_ALONE + r"))\s+(?:19|20)\d\d\b",
        "plan|konzept|strategie|ziel|agenda|pakt|vision " + _YEAR_CUES,
    ),
    (r"\b(?:19|20)\d\d\s+ff\.", _YEAR_CUES + " =ff"),
    # IGA 2027: an event or programme named with its year
    (r"\b[A-ZÄÖÜ]{2,6}\s+(?:19|20)\d\d\b", _YEAR_CUES),
    # von 8 bis 18 Uhr, zwischen 22 und 6 Uhr, 8:00 - 20:00 Uhr: one span of clock time
    (
        r"\b(?:(?i:von|zwischen)\s+)?"
        + _HOUR
        + r"(?:\s+(?i:uhr))?\s*(?:(?i:bis|und)\s+|[-–]\s*)"
        + _HOUR
        + r"\s+(?i:uhr)\b",
        "=uhr",
    ),
    # ab 18 Uhr, bis zwanzig Uhr, um 18:30 Uhr
    (r"\b(?i:ab|bis|um|vor|nach)\s+" + _HOUR + r"\s+(?i:uhr)\b", "=uhr"),
    # rund um die Uhr: a service hour, as "ganztägig"
    (r"\b(?i:rund\s+um\s+die\s+uhr)\b", "=uhr =rund"),
    # 50 Prozent, maximal 8 Personen pro Partei, ca. 5 km, 365 Euro
    (
        r"(?<![§\w.,:])(?<!§ )"
        + _MODIFIER
        + r"(?!(?:19|20)\d\d\b)"
        + _DIGITS
        + r"\s*"
        + _COUNTED
        + _PER,
        "#",
    ),
    # drei Feuerwachen, zwei Wochen, mindestens zwei Mal jährlich
    (r"\b" + _MODIFIER + r"(?i:" + _NUMBER_WORDS + r")\s+" + _COUNTED + _PER, _NUMBER_WORD_CUES),
    # einmal in der Stunde, zweimal im Jahr
    (
        r"\b(?i:ein|zwei|drei|vier)mal\s+(?:in\s+der|im|pro|je|in\s+jedem)\s+[A-ZÄÖÜ]\w+",
        "=einmal|=zweimal|=dreimal|=viermal",
    ),
    # ein Jahr, eine Woche (a period, not the article)
    (
        r"\b(?:ein|eine|einen|einem)\s+(?:Jahr|Monat|Woche|Tag|Stunde)\b",
        "=jahr|=monat|=woche|=tag|=stunde =ein|=eine|=einen|=einem",
    ),
    # rhythms and widths that commit to a frequency or a size
    (
        r"\b(?i:jährlich|jährliche[nrs]?|täglich|tägliche[nrs]?|wöchentlich|monatlich|ganztägig"
        r"|halbjährlich|(?:" + _NUMBER_WORDS + r"|ein)spurig\w*)\b",
        "jährlich|täglich|wöchentlich|monatlich|ganztägig|spurig",
    ),
)
# Case matters: a capitalised word after a number is a noun it counts.
_QUANTITY = Gated(*_PATTERNS, wrap=True)
_TRAILING = re.compile(r"(?<!ff)[\s.,;:]+$|\s+$")


def find_quantities(text: str) -> tuple[str, ...]:
    found: list[str] = []
    for match in _QUANTITY.finditer(text, text_cues(text)):
        value = _TRAILING.sub("", match.group())
        if not _counts_something(value):
            continue
        if _YEAR.search(value) and _in_the_past(text, match.start(), match.end()):
            continue
        if _NUMBER_WORD_COUNT.match(value) and not _counted_by_word(value, text, match.start()):
            continue
        if value and value not in found:
            found.append(value)
    return tuple(found)


# A year of this or the last century, as a word.
YEAR = r"\b(?:19|20)\d\d\b"
_YEAR = re.compile(YEAR)
# A year is a target in a pledge, unless the clause it stands in tells what
# happened: "seit 2019", "2015 wurde beschlossen", "im Jahr 2015 haben wir das
# Bad saniert", "die im Jahr 2005 eingeführten Kurse". A plan's name keeps its
# year (the plan is named for its target), and so does a clause that looks
# ahead ("Wir wollen im Jahr 2030 ... erreicht haben").
_CLAUSE_END = re.compile(r"[.;:!?,–]\s|[.;:!?]$")
_PAST = re.compile(
    r"\b(?:seit|wurden?|worden|waren|hatten?|gab|konnten?|mussten?)\b", re.IGNORECASE
)
_PERFECT = re.compile(r"\b(?:haben|hat|habe)\b", re.IGNORECASE)
# A participle of the perfect: "gebaut", "gesenkt", "saniert", "eingeführt".
_PARTICIPLE = re.compile(r"\b[a-zäöüß]*ge[a-zäöüß]{2,}t\b|\b[a-zäöüß]{3,}iert\b")
# Past participles of a decision or a start right after the year ("die im Jahr
# 2017 beschlossenen Leitlinien"); most have no "ge-" to tell them by. Further
# off they may belong to something else ("die beschlossenen Ausstiegspfade bis
# 2038 halten").
_DONE = re.compile(
    r"\s+(?:beschlossen|verabschiedet|eingeführt|vereinbart|gegründet|begonnen|erlassen)"
    r"(?:e|en|er|es|em)?\b",
    re.IGNORECASE,
)
_AHEAD = re.compile(r"\b(?:wird|werden|soll|sollen|will|wollen)\b", re.IGNORECASE)
_PLAN_NAME = re.compile(
    r"(?:[a-zäöüß-](?:" + _PLANS + r")|\b(?:" + _PLANS_ALONE + r"))\s+(?:19|20)\d\d$"
)


def _in_the_past(text: str, start: int, end: int) -> bool:
    """Whether the year found at `start:end` is told as past, in its clause."""
    if _PLAN_NAME.search(text[start:end]):
        return False
    before = [m.end() for m in _CLAUSE_END.finditer(text, 0, start)]
    after = _CLAUSE_END.search(text, end)
    clause = text[before[-1] if before else 0 : after.start() if after else len(text)]
    if _PAST.search(clause):
        return True
    if _DONE.match(text, end):
        return True
    return bool(_PERFECT.search(clause) and _PARTICIPLE.search(clause)) and not _AHEAD.search(
        clause
    )


_NUMBER_WORD_COUNT = re.compile(_MODIFIER + r"(?i:" + _NUMBER_WORDS + r")\s+[\w-]+")
# A number word counts something a pledge commits to when it counts a unit
# ("zwei Wochen", "zehn Prozent", "drei Rentenpunkte"), a known set ("in allen
# vier Stadtbezirken", "die drei Feuerwachen") or what is to be made ("zehn neue
# Kitas bauen"); "drei Säulen", "zwei Schritte" or "vier Wänden" count nothing
# to check.
_WORD_UNITS = re.compile(
    r"(?:jahr|monat|woche|tag|werktag|stunde|minute)(?:e|en|n|es)?"
    r"|(?:prozent|renten|entgelt)punkte?n?|prozent|euro|cent|mio|millionen|milliarden|grad"
    r"|(?:quadrat|kilo)?meter|hektar|(?:mega|giga)watt|drittel|viertel|uhr|mal|(?:vollzeit)?stellen",
    re.IGNORECASE,
)
# A bound makes a count a figure to meet: "mindestens zwei Rechner", "je zehn Fahrzeuge".
_BOUND = re.compile(
    r"(?:bis\s+zu|bis|mehr\s+als|weniger\s+als|maximal|mindestens|höchstens|je|jeweils)\s",
    re.IGNORECASE,
)
# The determiner of a set the reader knows: "die drei", "allen vier", "unsere fünf".
_KNOWN_SET = re.compile(
    r"(?:die|der|den|dem|des|alle|allen|aller|unsere[nmrs]?|ihre[nmrs]?|diese[nmrs]?)",
    re.IGNORECASE,
)
_MAKING = re.compile(
    r"\b(?:(?:neue|zusätzliche)[nmrs]?|(?:ge)?schaff\w*|(?:ge)?baut|bauen|errichte\w*"
    r"|einricht\w*|eingerichtet|eröffne\w*|(?:ge)?pflanz\w*|gründe\w*|gegründet|anleg\w*"
    r"|angelegt|aufstell\w*|aufgestellt|einstell\w*|eingestellt|ausweis\w*|ausgewiesen"
    r"|entsteh\w*)\b",
    re.IGNORECASE,
)


def _counted_by_word(value: str, text: str, start: int) -> bool:
    """Whether a number word's count (`value`, found at `start`) commits to a number."""
    if _BOUND.match(value) or any(_WORD_UNITS.fullmatch(word) for word in value.split()):
        return True
    before = text[:start].split()
    if before and _KNOWN_SET.fullmatch(before[-1]):
        return True
    return bool(_MAKING.search(text))


def _counts_something(value: str) -> bool:
    """Reject a capitalised word after a number that is really the next sentence part."""
    words = value.split()
    last = words[-1] if words else ""
    # "2020 Die Stadt": a year followed by an article is not a count.
    return last.lower() not in {
        "die",
        "der",
        "das",
        "den",
        "dem",
        "des",
        "wir",
        "es",
        "ein",
        "eine",
    }
