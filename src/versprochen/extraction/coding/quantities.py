"""Numbers with units, target dates and rhythms a pledge commits to, as written.

A bare number is not a commitment ("§ 24", "Tempo 30 wird abgelehnt" is not
about thirty of anything); a number with what it counts ("50 Prozent",
"drei Feuerwachen", "1,5 Vollzeitstellen"), a deadline ("bis 2035"), a period
("2025 - 2030") or a rhythm ("zwei Mal jährlich") is.
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

_NUMBER_WORD_CUES = "|".join("=" + w for w in _NUMBER_WORDS.split("|"))
_YEAR_CUES = "19|20"

# Each pattern with the words any match of it needs (see `gates`).
_PATTERNS = (
    # 2025 - 2030, 2025–2030
    (r"\b(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\b", _YEAR_CUES),
    # bis 2035, ab dem Jahr 2026, bis Ende 2027, 2026 ff.
    (
        r"\b(?i:bis|ab|spätestens)\s+(?i:(?:zum|dem)\s+)?(?i:jahr\s+|ende\s+|anfang\s+|mitte\s+)?"
        r"(?:19|20)\d\d\b",
        _YEAR_CUES + " =bis|=ab|=spätestens",
    ),
    (r"\b(?:19|20)\d\d\s+ff\.", _YEAR_CUES + " =ff"),
    # IGA 2027: an event or programme named with its year
    (r"\b[A-ZÄÖÜ]{2,6}\s+(?:19|20)\d\d\b", _YEAR_CUES),
    # ab 18 Uhr
    (r"\b(?i:ab|bis|um|vor|nach)\s+\d{1,2}(?:[.:]\d\d)?\s+(?i:uhr)\b", "=uhr #"),
    # 50 Prozent, maximal 8 Personen pro Partei, ca. 5 km, 365 Euro
    (
        r"(?<![§\w.,])(?<!§ )"
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
        if value and value not in found:
            found.append(value)
    return tuple(found)


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
