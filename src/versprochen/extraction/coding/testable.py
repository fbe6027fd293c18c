"""Whether one can later decide objectively if a pledge was kept.

A number, a date, a named place, project or institution, or a concrete
measure (set up, build, abolish, write a plan) make a pledge checkable;
directions without an end point (stärken, verbessern, fördern, sich einsetzen
für, schneller machen), above all a direction that ends the pledge as its only
act ("die Vereine weiter unterstützen"), stances ("Wir sind für ...") and rules
on how to go about something ("ist dabei zu berücksichtigen") make it vague. The cues of a pledge
are collected once (`TestableCues`) and weighed against each other
(`Weights`), so a benchmark can refit the weights on one document and test
them on another.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from versprochen.extraction import cues
from versprochen.extraction.coding.lexicon import load
from versprochen.extraction.types import Kind

TESTABLE_LEXICON = "coding-testable.txt"
PLACES_LEXICON = "coding-places.txt"

# A list item headed by a noun of direction ("Stärkung der Elternarbeit",
# "Weiterentwicklung des Monitorings", "Vertiefung der Zusammenarbeit", the
# nouns of the vague verbs of the lexicon) names a direction, not a measure; so
# does more or less of a quality ("Erhöhung der Sicherheit", "Erhalt und Ausbau
# der Attraktivität"), which has no end point to reach.
_LEADING_DIRECTION = re.compile(
    r"^\W*(?:stärkung|verbesserung|förderung|unterstützung|weiterentwicklung|aufwertung"
    r"|optimierung|verstärkung|intensivierung|vertiefung)\b"
    r"|^\W*(?:\w+ und )?(?:ausbau|erhöhung|steigerung|erhalt|ausweitung|sicherung)"
    r" (?:der|des|von) (?:\w+ )?\w+(?:heit|keit|ität|möglichkeit|möglichkeiten)\b",
    re.IGNORECASE,
)
# A list item headed by a noun of measure ("Einrichtung einer Wohnraumagentur
# zur Unterstützung ...", "Abschaffung der Gebühren") names the act itself;
# the vague words after it say what the measure is for.
_LEADING_MEASURE = re.compile(
    r"^\W*(?:einrichtung|einführung|abschaffung|schaffung|neubau|bau|errichtung|gründung"
    r"|erstellung|installation|anschaffung|ausweisung|umwandlung|erweiterung|sanierung"
    r"|modernisierung)\b",
    re.IGNORECASE,
)
# A name one can look up afterwards: a programme, project or body in quotation
# marks („Wertwerk“, ›Arbeitsmarktlotsen‹, "Saubere Toiletten"), a section of
# a law ("§ 48 TKG", "Art. 6 GG") or a law by its title ("das Meldegesetz",
# "des Informationsfreiheitsgesetzes"). Laws in general ("Bundesgesetze",
# "ein Gesetz") name none.
_QUOTED_NAME = re.compile(r"[„“\"»›‚]\s*[A-ZÄÖÜ][^„“\"»«›‹\n]{2,60}[“”\"«‹‘]")
_LEGAL_SECTION = re.compile(r"§|\bArt(?:\.|ikel) ?\d")
_NAMED_LAW = re.compile(r"\b(?!(?:Bundes|Landes)gesetz)[A-ZÄÖÜ][a-zäöüß-]+gesetz(?:es)?\b")
# Making something more of a quality ("Verfahren schneller machen", "Die
# Verwaltung soll digitaler werden", "attraktiver gestalten") sets a direction
# with no end point, unless it is only the purpose of the pledge ("..., damit
# das Gewerbegebiet attraktiver wird"). A comparative is a lower-case word in
# -er before the verb; the few other such words are excluded.
_COMPARATIVE_GOAL = re.compile(
    r"(?:^|[,;:])(?!\s*(?i:damit|um)\b)[^,;:]*?"
    r"\b(?!(?:aller|weiter|bisher|wieder|immer|oder|aber|jeder|schwanger|später)\b)"
    r"[a-zäöüß]{3,}er (?:werden|wird|machen|gestalten)\b"
)
# A stance names what the authors are for or believe, not what they will do
# ("Wir sind für den Ausbau ...", "Wir favorisieren ...", "hat Vorrang vor",
# "Wir sind davon überzeugt, dass ...", "Wir stehen zur Sozialen
# Marktwirtschaft"); standing by one's word, a promise or the keeping of
# something ("Wir stehen zum Erhalt des Hallenbads") restates the pledge.
_STANCE = re.compile(
    r"\bwir (?:sind|stehen) für\b|\b(?:sind|stehen) wir für\b|\bplädier"
    r"|\b(?:wir stehen|stehen wir) zu[mr]?\b(?!(?: \w+)? (?:wort|zusage|versprechen|erhalt)\b)"
    r"|\b(?:wir sind|sind wir) (?:\w+ )?(?:davon )?überzeugt\b"
    r"|\bvorrang\b|\bim vordergrund\b",
    re.IGNORECASE,
)
# So does a pledge that opens by declaring what is clear ("Es muss klar sein,
# dass ...", "Für uns ist klar: ...", "Klar ist: "); matched at the start only.
_DECLARED_STANCE = re.compile(
    r"\W*(?:\w+ ){0,2}(?:muss|ist) (?:für uns |uns )?klar\b|\W*klar ist\b", re.IGNORECASE
)
# A pledge whose only act is a direction at its end ("die Vereine weiter
# stärken", "Angebote für Senioren fördern", "soll weiter gestärkt werden")
# names no point at which it is done, even where it names concrete things to
# be supported ("Gründungszentren unterstützen"): the things exist already.
_TRAILING_DIRECTION = re.compile(
    r"\b(?:stärken|gestärkt|zu stärken|fördern|gefördert|zu fördern"
    r"|unterstützen|unterstützt|zu unterstützen|voranbringen|vorangebracht|voranzubringen"
    r"|vorantreiben|vorangetrieben|voranzutreiben|weiterentwickeln|weiterentwickelt"
    r"|weiterzuentwickeln|weiter entwickeln|weiter entwickelt|verbessern|verbessert"
    r"|zu verbessern)"
    r"(?: (?:werden|wird|sollen|soll|wollen|will|müssen|muss|können|kann))?\W*$",
    re.IGNORECASE,
)
# So is raising a quality at the end ("die Barrierefreiheit ausbauen", "die
# Sicherheit erhöhen", "die Attraktivität steigern"), the verb form of the
# list items "Ausbau der Barrierefreiheit" of `_LEADING_DIRECTION`. A
# university is no quality, nor is a capacity, which can be counted.
_QUALITY_RAISED = re.compile(
    r"\b(?!universität)(?!kapazität)\w+(?:heit|keit|ität)\b[^,;:]*"
    r"\b(ausbauen|ausgebaut|auszubauen|erhöhen|erhöht|zu erhöhen|steigern|gesteigert"
    r"|zu steigern)(?: (?:werden|wird|sollen|soll|müssen|muss))?\W*$",
    re.IGNORECASE,
)
# A quality after a preposition ("das Zentrum für die Sicherheit der
# Lebensmittel ausbauen") is not what is raised; the words that may stand
# between the preposition and the quality are an article and an adjective.
_PREPOSITIONS = frozenset(
    [
        "für",
        "von",
        "vom",
        "mit",
        "bei",
        "beim",
        "in",
        "im",
        "an",
        "am",
        "zu",
        "zur",
        "zum",
        "auf",
        "über",
        "aus",
        "nach",
        "gegen",
        "durch",
        "um",
    ]
)
_ARTICLES = frozenset(["der", "die", "das", "dem", "den", "des", "einer", "eines", "einem"])
# What makes such a pledge checkable after all: a concrete act beside the
# direction ("ein Jugendzentrum bauen und fördern"), the means it is done by
# ("durch Zuschüsse fördern", "mit einem Förderprogramm unterstützen"), a
# refusal ("nicht weiter fördern"), a conversion into something new ("die
# Umwandlung von Büros in Wohnungen fördern", "zu einem Museum
# weiterentwickeln"), staff, which one can count ("personell stärken"), and
# keeping or continuing a thing beside it ("die Stadtwerke erhalten und
# stärken", "den Aktionsplan fortführen und weiterentwickeln"): whether it is
# still there can be checked.
_DIRECTION_MADE_CONCRETE = re.compile(
    r"\b(?:bauen|gebaut|zu bauen|errichten|errichtet|zu errichten|einführen|eingeführt"
    r"|einzuführen|einrichten|eingerichtet|einzurichten|gründen|gegründet|anschaffen"
    r"|angeschafft|sanieren|saniert|zu sanieren|bereitstellen|bereitgestellt"
    r"|bereitzustellen|abschaffen|abgeschafft|abzuschaffen|erstellen|erstellt|vorlegen"
    r"|vorgelegt)\b"
    r"|\b(?:beschleunig|modernisier|erneuer|reduzier|verdoppel|installier)"
    r"|\b(?:durch|mittels)\b|\bmit (?:einem|einer|eigenen|zusätzlichen|\d)"
    r"|\b(?:nicht|keine?|keinen)\b"
    r"|\bumwand|\bumgewandelt|\bumzuwandeln|\bumnutz|\bzu (?:einem|einer)\b"
    r"|\bpersonell"
    r"|\b(?:erhalten|aufrechterhalten|beibehalten|bleiben|fortführen|fortsetzen"
    r"|weiterführen) und\b",
    re.IGNORECASE,
)
# So does a measure as the thing to be pushed on ("den Ausbau der Kita-Plätze
# vorantreiben", "die Sanierung der Turnhalle unterstützen", "den
# Wohnungsbau fördern"): whether it was built or carried out can be checked.
# The words are those of `_LEADING_MEASURE` and their like.
_MEASURE_OBJECT = re.compile(
    r"(?:bau|umsetzung|realisierung|ausstattung|sanierung|ausweitung|umnutzung|anschaffung"
    r"|stilllegung|modernisierung|erweiterung|bereitstellung)\b"
    r"|\b(?:einführung|einrichtung|errichtung|gründung|abschaffung|schaffung|erstellung"
    r"|installation|ausweisung|umwandlung)\b",
    re.IGNORECASE,
)
# A rule on how things are to be done, rather than a thing to be done: "ist
# bei Sanierungen auf die Barrierefreiheit zu achten", "hat so zu erfolgen,
# dass ...", "muss im Vordergrund stehen".
_RULE = re.compile(
    r"\b(?:ist|sind|hat|haben)\b[^.]*\b(?:zu (?:berücksichtigen|achten|beachten|erfolgen)"
    r"|einzuhalten)\b"
    r"|\bso\b[^,.]*,\s*dass?\b",
    re.IGNORECASE,
)
_RULE_WORDS = (" zu ", "einzuhalten", "dass", "das ")
_STATE_WORDS = ("steh", "gelt", "gilt", "besteh")
_MODAL = re.compile(r"\b(?:muss|müssen|darf|dürfen|soll|sollen|sollte|sollten)\b", re.IGNORECASE)
_STATE_END = re.compile(r"\b(?:stehen|steht|gelten|gilt|besteht|bestehen)\W*$", re.IGNORECASE)
# Where the main clause of a sentence ends, besides a subordinate clause
# (`cues.SUBORDINATE_CLAUSE`): an aside in dashes or brackets, and a clause
# of purpose or means after a comma.
_ASIDE = re.compile(r"\s[–-]\s|[:(;]")
_PURPOSE_CLAUSE = re.compile(r"^\s*(?:um|indem|sodass|so dass)\b", re.IGNORECASE)
# A clause of purpose that opens the sentence ("Um die Lage zu verbessern,
# ...") names the goal; the measure, checkable or not, is in the main clause.
_LEADING_PURPOSE = re.compile(r"^\W*um\b[^,]*,", re.IGNORECASE)
# Where a main clause ends in a pledge that goes on: a semicolon, or a comma
# before a subordinate clause, a purpose or an example ("..., ob in Vereinen
# oder ...", "..., um ...", "..., zum Beispiel ..."). Not a comma before an
# article, which as often begins the next item of a list.
_AFTER_MAIN_CLAUSE = re.compile(
    r";|,\s*(?:ob|wenn|weil|damit|um|indem|sofern|soweit|wobei|sodass|so dass"
    r"|zum beispiel|etwa|insbesondere|vor allem)\b",
    re.IGNORECASE,
)
# A headline before the pledge proper: "Sport: ...", "Ehrenamt – ...".
_HEADLINE = re.compile(r":|^\W*(?:\S+\s){1,4}[–-]\s")
_CLOSING_PURPOSE = re.compile(r",\s*(?:um|damit|sodass|so dass|mit dem ziel)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[a-zäöüß)])\.\s+(?=[A-ZÄÖÜ])")


@dataclass(frozen=True, slots=True)
class TestableCues:
    """What in a pledge speaks for and against checking it later."""

    concrete: float
    vague: float
    kind: Kind
    quantity: bool
    place: bool
    institution: bool
    named: bool
    leading_direction: bool
    leading_measure: bool
    comparative_goal: bool
    stance: bool
    rule: bool
    trailing_direction: bool


@dataclass(frozen=True, slots=True)
class Weights:
    """How much each cue counts; a pledge is testable at a score of `threshold` or more."""

    # One concrete measure makes a pledge checkable; naming more concrete
    # things in a long sentence ("Strukturen in Schulen, Kitas und Vereinen
    # stärken") does not make its vague directions any more checkable.
    concrete_cap: float = 3.0
    # A number or a named place alone nearly always makes a pledge checkable;
    # so does a programme or law by its name, which one can look up afterwards
    # as one can count a number.
    # (quantity, place, vague and threshold as shipped are the benchmark's fit
    # on all four gold documents.)
    quantity: float = 6.0
    place: float = 4.0
    named: float = 6.0
    # A public body named by its kind ("die Volkshochschule", "die
    # Hochschulen") ties a pledge less firmly than a proper name: "die
    # Volkshochschule weiterentwickeln" stays a direction.
    institution: float = 2.0
    # Vague wording is common even in concrete pledges ("besser", "gezielt"):
    # one vague word does not outweigh a concrete measure, two do.
    vague: float = 1.0
    # Refusing or examining something names what is refused or examined, and
    # whether it happened can be checked.
    reject: float = 3.0
    examine: float = 6.0
    leading_direction: float = 5.0
    # The same weight the other way: the head of the item outweighs what follows.
    leading_measure: float = 5.0
    comparative_goal: float = 5.0
    stance: float = 6.0
    rule: float = 6.0
    # A direction that is the pledge's only act outweighs the one concrete
    # thing it names.
    trailing_direction: float = 5.0
    # Most pledges in programs and agreements are checkable; a pledge is vague
    # only when its vague cues clearly outweigh the concrete ones.
    threshold: float = -2.0


WEIGHTS = Weights()


def testable_cues(
    text: str, kind: Kind, quantities: tuple[str, ...], places: tuple[str, ...]
) -> TestableCues:
    without_purpose = _LEADING_PURPOSE.sub("", text, count=1)
    scores = load(TESTABLE_LEXICON).scores(without_purpose)
    return TestableCues(
        concrete=scores.get("concrete", 0.0),
        vague=scores.get("vague", 0.0),
        kind=kind,
        quantity=bool(quantities),
        place=any(not is_institution(p) for p in places),
        institution=bool(places) and all(is_institution(p) for p in places),
        named=_QUOTED_NAME.search(text) is not None
        or (("§" in text or "Art" in text) and _LEGAL_SECTION.search(text) is not None)
        or ("gesetz" in text and _NAMED_LAW.search(text) is not None),
        leading_direction=_LEADING_DIRECTION.search(text) is not None,
        leading_measure=_LEADING_MEASURE.search(text) is not None,
        comparative_goal=_has_comparative_goal(without_purpose),
        stance=_is_stance(text),
        rule=is_rule(text),
        trailing_direction=is_trailing_direction(text),
    )


# Every branch of `_STANCE` holds one of these words. Where `re` would match a
# letter that lower case does not give ("ı" as "i", "İ", "ſ"), the regex
# decides alone.
_STANCE_WORDS = ("für", "stehen", "plädier", "überzeugt", "vorrang", "vordergrund")
_UNFOLDED = re.compile("[İıſ]")


def _may_hold(text: str, lowered: str, needed: tuple[str, ...]) -> bool:
    """Whether `text` may match a case-insensitive regex that needs one of `needed`.

    Spares the regex on most pledges, which hold none of its words.
    """
    return any(map(lowered.__contains__, needed)) or _UNFOLDED.search(text) is not None


def _is_stance(text: str) -> bool:
    lowered = text.lower()
    return (
        _may_hold(text, lowered, _STANCE_WORDS) and _STANCE.search(text) is not None
    ) or _DECLARED_STANCE.match(text) is not None


# A comparative goal ends in one of these; the regex tries a clause from every
# comma and start, so the substring test spares it on most pledges.
_COMPARATIVE_ENDS = ("er werden", "er wird", "er machen", "er gestalten")


def _has_comparative_goal(text: str) -> bool:
    return any(end in text for end in _COMPARATIVE_ENDS) and (
        _COMPARATIVE_GOAL.search(text) is not None
    )


def is_institution(place: str) -> bool:
    """Whether `place` names a public body by its kind rather than by a proper name."""
    return bool(load(PLACES_LEXICON).scores(place))


def is_rule(text: str) -> bool:
    """Whether `text` states how something is to be done rather than what."""
    lowered = text.lower()
    # Most pledges hold none of the words a rule needs; they are ruled out
    # without the regular expressions, which run on every pledge of a document.
    if (
        any(word in lowered for word in _RULE_WORDS)
        and _may_be_rule(text, lowered)
        and _RULE.search(text)
    ):
        return True
    if not any(word in lowered for word in _STATE_WORDS):
        return False
    main = main_clause(text)
    return _MODAL.search(main) is not None and _STATE_END.search(main) is not None


# What a match of `_RULE` needs: one of its closing verbs, or "so" with a
# "das(s)" after it.
_RULE_VERBS = (
    "zu berücksichtigen",
    "zu achten",
    "zu beachten",
    "zu erfolgen",
    "einzuhalten",
)


def _may_be_rule(text: str, lowered: str) -> bool:
    if _may_hold(text, lowered, _RULE_VERBS):
        return True
    so = lowered.find("so")
    return so >= 0 and "das" in lowered[so:]


def is_trailing_direction(text: str) -> bool:
    """Whether `text` ends in a direction (fördern, stärken) that is its only act.

    The end is that of the pledge or of its main clause ("die Hochschulen
    fördern; die Stadt soll ...", "das Ehrenamt unterstützen, ob in Vereinen
    oder ..."). A headline before a colon or dash leaves the direction to one
    item of a list that may hold measures; a direction in a closing clause of
    purpose ("..., um die Vereine zu stärken") is what a measure before it is
    for. What makes the direction concrete may stand before or after it.
    """
    text = text.strip()
    found = _trailing(_TRAILING_DIRECTION, _DIRECTION_STEMS, text) or _quality_raised(text)
    # The main clause is looked for only where a direction may end it: the
    # end of a part of the text holds a stem only where the whole text does.
    if found is None and not any(map(text.lower().__contains__, _DIRECTION_STEMS)):
        return False
    # A second sentence or what follows a colon may name the measure ("...
    # fördern. Dazu richten wir ... ein", "... fördern: Wir bezuschussen ...");
    # only a pledge of one sentence is judged by its main clause.
    head_end = _AFTER_MAIN_CLAUSE.search(text)
    if found is None and head_end and ":" not in text and not _SENTENCE_END.search(text):
        found = _trailing(_TRAILING_DIRECTION, _DIRECTION_STEMS, text[: head_end.start()])
    if found is None:
        return False
    # Only the verb of a raised quality is left out of what may make it concrete.
    verb = found.start(found.lastindex or 0)
    before, rest = text[: found.start()], text[:verb] + " " + text[found.end() :]
    return not (
        _HEADLINE.search(before)
        or _CLOSING_PURPOSE.search(before)
        or _DIRECTION_MADE_CONCRETE.search(rest)
        or _MEASURE_OBJECT.search(rest)
    )


# The verbs the two patterns above end in, as they appear in a text's last
# words: a pledge ending otherwise is ruled out without the regexes, which try
# every word of every pledge.
_DIRECTION_STEMS = ("stärk", "förder", "unterstütz", "voran", "entwickel", "verbesser")
_RAISING_STEMS = ("ausbau", "ausgebaut", "erhöh", "steiger")
_TAIL = 60


def _trailing(pattern: re.Pattern[str], stems: tuple[str, ...], text: str) -> re.Match[str] | None:
    tail = text[-_TAIL:].lower()
    if not any(stem in tail for stem in stems):
        return None
    return pattern.search(text)


def _quality_raised(text: str) -> re.Match[str] | None:
    found = _trailing(_QUALITY_RAISED, _RAISING_STEMS, text)
    if found is None:
        return None
    before = text[: found.start()].split()[-3:]
    # Step back over an adjective (lower case) and an article to what governs
    # the quality.
    if before and before[-1].islower() and before[-1] not in _ARTICLES:
        before.pop()
    if before and before[-1].lower() in _ARTICLES:
        before.pop()
    return None if before and before[-1].lower() in _PREPOSITIONS else found


def main_clause(text: str) -> str:
    """The first sentence of `text` up to its first subordinate clause or aside."""
    sentence = _SENTENCE_END.split(text.strip(), maxsplit=1)[0]
    first, *rest = _ASIDE.split(sentence, maxsplit=1)[0].split(",")
    kept = [first]
    for part in rest:
        if cues.SUBORDINATE_CLAUSE.match(part) or _PURPOSE_CLAUSE.match(part):
            break
        kept.append(part)
    return ",".join(kept)


def weigh(cues: TestableCues, weights: Weights = WEIGHTS) -> float:
    score = min(cues.concrete, weights.concrete_cap) - weights.vague * cues.vague
    score += weights.quantity * cues.quantity + weights.place * cues.place
    score += weights.institution * cues.institution
    score += weights.named * cues.named
    score += {"reject": weights.reject, "examine": weights.examine}.get(cues.kind, 0.0)
    score -= weights.leading_direction * cues.leading_direction
    score += weights.leading_measure * cues.leading_measure
    score -= weights.comparative_goal * cues.comparative_goal
    score -= weights.stance * cues.stance + weights.rule * cues.rule
    score -= weights.trailing_direction * cues.trailing_direction
    return score


def code_testable(
    text: str, kind: Kind, quantities: tuple[str, ...], places: tuple[str, ...]
) -> bool:
    return weigh(testable_cues(text, kind, quantities, places)) >= WEIGHTS.threshold
