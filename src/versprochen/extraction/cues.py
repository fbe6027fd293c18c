"""German surface cues of commitment, shared by detect and split.

Nothing here names a document: these are the grammatical and lexical means by
which German programs and agreements express that their authors will do,
keep, refuse or examine something. German capitalises nouns, so a lower-case
word ending in -en/-ern/-eln at the end of a clause is almost always a verb;
several rules rely on that.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_ESCAPE = re.compile(r"\\.")
# The text lower-cased last by `Folded`, and its lower case.
_last_lowered: tuple[str | None, str] = (None, "")


class Folded:
    """A case-insensitive pattern, matched against the lower-cased text.

    `re.IGNORECASE` folds the case of every character it compares, which makes
    the long alternations of words below several times slower than matching
    the lower-cased text with a lower-case pattern. The spans are the same;
    `group()` returns the lower-cased words.
    """

    __slots__ = ("_any_case", "_lower", "pattern")

    def __init__(self, pattern: str) -> None:
        if any(c.isupper() for c in _ESCAPE.sub("", pattern)):
            raise ValueError(f"a folded pattern is written in lower case: {pattern!r}")
        self.pattern = pattern
        self._lower = re.compile(pattern)
        self._any_case: re.Pattern[str] | None = None

    def _prepared(self, text: str) -> tuple[re.Pattern[str], str]:
        global _last_lowered
        # Detect and split try several patterns on one text in turn: it is
        # lower-cased once (one text remembered, so no lock is needed).
        last = _last_lowered
        if last[0] is text:
            lowered = last[1]
        else:
            lowered = text.lower()
            _last_lowered = (text, lowered)
        # Lower-casing keeps the length of German text; where it would not
        # ("İ"), the spans would shift, so the text is matched as it is.
        if len(lowered) == len(text):
            return self._lower, lowered
        if self._any_case is None:
            self._any_case = re.compile(self.pattern, re.IGNORECASE)
        return self._any_case, text

    def search(self, text: str) -> re.Match[str] | None:
        pattern, prepared = self._prepared(text)
        return pattern.search(prepared)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        pattern, prepared = self._prepared(text)
        return pattern.finditer(prepared)


# The articles and possessives that open a noun phrase.
ARTICLE = r"(?:der|die|das|den|dem|des|ein|eine|einer|eines|einen|einem|ihre?n?|unsere?n?)"

# Modal verbs of obligation and intention, and "werden" as a future with "wir".
MODAL = Folded(
    r"\b(soll|sollen|sollte|sollten|solle|muss|müssen|müsste|müssten|will|wollen|möchten|"
    r"(?:darf|dürfen)\b[^.,;]*?\b(?:nicht|kein\w*|weder)|"
    r"werden\s+wir|wir\s+werden|^wir\b[^.]*\bwerden)\b"
)

# "muss nicht" denies a necessity ("Schutz durch Europa muss nicht heißen Schutz in
# Europa", written: "Ein Anbau muss nicht teurer sein als ein Neubau"): it commits to
# nothing, unlike "muss nicht nur ..., sondern auch" or "müssen nicht länger warten" (an
# outcome: no more waiting).
NEED_NOT = re.compile(
    r"\b(?:muss|müssen|müsste|müssten)\s+nicht\b(?!\s+(?:nur|allein|mehr|länger|erst)\b)",
    re.IGNORECASE,
)

# "ist ... einzurichten", "sind ... zu entwickeln": the German gerundive of obligation.
_SEPARABLE = (
    "ab|an|auf|aus|bei|bereit|dar|durch|ein|empor|entgegen|fest|fort|frei|her|herab|heran|"
    "herbei|hin|hinzu|mit|nach|statt|um|vor|voran|vorbei|weg|weiter|wieder|zu|zurück|"
    "zusammen|offen|sicher|fertig|instand|stand|bekannt|aufrecht"
)
# Not "ist nur ... zu erreichen" (a possibility), "sind ... zu verstehen" (a
# definition) or "ist nicht zu übersehen", "ist zu erwarten" (an observation), nor
# "hat oft zu politischen Entscheidungen geführt": "zu" before an adjective and its noun.
ZU_INFINITIVE = re.compile(
    rf"\b(ist|sind|wäre|wären|bleibt|bleiben|hat|haben|gilt\s+es|gilt)\b"
    rf"(?![^.;:!?,]*?(?<!nicht\s)\bnur\b)[^.;:!?,]*?\b"
    rf"((?:{_SEPARABLE})zu[a-zäöüß]{{3,}}(?:en|ern|eln)|zu\s+(?!(?:verstehen|übersehen|erwarten|befürchten|beobachten)\b)[a-zäöüß]{{3,}}(?:en|ern|eln)\b(?!\s+[A-ZÄÖÜ]))\b"
)

# Verbs and phrases by which authors commit themselves in programs and agreements.
DEMAND = Folded(
    r"\b(fordern|fordert|forderten|setz(?:en|ten)\s+(?:wir\s+)?(?:uns|sich)\b[^.]*?\bein|kämpfen\s+für|"
    r"setzt\s+sich\b[^.]*?\bein|abgelehnt|"
    r"\bwir\s+(?:sind|stehen)\s+(?:für|hinter)\b|\b(?:sind|stehen)\s+wir\s+(?:für|hinter)\b|"
    r"\b(?:die|der)\s+[a-zäöü]{3,}\s+(?:sind|stehen)\s+(?:für|hinter)\b|"
    r"halten\s+wir\b[^.]*\bfür\b|\bha(?:t|ben)\b[^.]*\b(?:vorrang|priorität)\b|"
    r"zum\s+ziel\s+gesetzt|engagieren\s+uns|"
    # A resolution: "Wir haben uns fest vorgenommen unser Pflegesystem zu verbessern".
    r"haben\s+(?:wir\s+)?uns\b[^.]*?\bvorgenommen|"
    r"einsetzen|einzusetzen|plädieren|plädiert|treten\b[^.]*?\bfür\b[^.]*?\bein|"
    r"sprechen\s+(?:wir\s+)?(?:uns|sich)\b[^.]*?\b(?:da)?(?:für|gegen)\b[^.]*?\baus|"
    r"spricht\s+sich\b[^.]*?\baus|gilt\s+es\b|es\s+gilt\b[^.]*\bzu\s+\w+(?:en|ln|rn)\b|"
    r"ist\s+es\s+(?:nötig|notwendig|erforderlich|geboten|unerlässlich)\b|"
    # "Für die Sicherheit ist es zudem wichtig, dass wir schrittweise unsere
    # Straßenbeleuchtung modernisieren" (Münster SPD 2014): what the authors call important,
    # in a clause that names it, they demand; not a reason ("Für Frauen ist es wichtig, ...
    # verwirklichen zu können", Bund 2018).
    r"ist\s+es\s+(?:uns\s+|\w+\s+)?wichtig(?=\s*,)(?![^.]*\bzu\s+können\b)|"
    r"könnten?\b[^.]*\b[a-zäöüß]+(?:t|en)\s+werden\b|"
    r"überfällig|"
    r"bekenn(?:en|t)\s+sich|lehnen\b[^.]*?\bab|lehnt\b[^.]*?\bab|"
    r"sind\s+gegen|ist\s+gegen|befürwort(?:en|et)|streben\b[^.]*?\ban|"
    r"vereinbaren|vereinbart|verpflichten|beabsichtigen|"
    r"unser\s+ziel|(?<!dieses\s)(?<!dieses\s\s)ziel\s+ist|ziel\s+muss|wir\s+stehen\s+zu[mr]?|"
    r"anstreben|erhalten\s+bleiben|"
    # A demand addressed to others ("erwarten wir vom Land", "Wir erwarten von der
    # Regierung"), not a forecast ("Wir erwarten steigende Zahlen").
    r"(?:erwarten\s+wir|wir\s+erwarten)\s+(?:\w+\s+)?vo[nm]\b|"
    # "Wir sehen die Notwendigkeit, ...", "sehen wir Handlungsbedarf": a need the
    # authors take on.
    r"(?:wir\s+sehen|sehen\s+wir)\s+(?:\w+\s+){0,2}(?:notwendigkeit|handlungsbedarf|bedarf)|"
    # "Es braucht bessere Rahmenbedingungen für Vollzeitarbeit" (CDU/CSU 2025), "Deshalb
    # braucht es einen Umbau der Stadt" (Berlin 2021): an impersonal need that opens its
    # sentence demands what it names. Not "was es braucht" (a clause), "Dazu braucht es"
    # (points back, completes the sentence before) or "Doch es braucht noch mehr:" (a lead).
    r"^(?:(?:deshalb|daher|darum|deswegen|jetzt|doch|jedoch)\s+)?(?:es\s+braucht|"
    r"(?<=\s)braucht\s+es)\b(?!\s+noch\s+mehr\b)|"
    # "X ist uns ein besonderes Anliegen", "ist für uns ein zentrales Ziel".
    r"(?:ist|sind)\s+(?:für\s+)?uns\b[^.]{0,80}?\bein\w*\s+(?:[a-zäöüß]+\s+)?(?:anliegen|ziel))\b"
)

# Verbs that commit only when the authors are their subject ("Wir fördern ...", not
# "Transparenz fördert ...").
FIRST_PERSON_DEMAND = Folded(
    r"\b(unterstützen|fördern|planen|brauchen|benötigen|verlangen|prüfen|schaffen|ausbauen|"
    r"einführen|stärken|erhalten|sichern|begleiten|bieten|machen|bringen|sorgen|"
    # A preference the authors declare ("Freiwillige Ausreisen bevorzugen wir").
    r"bevorzugen)\b"
)
FIRST_PERSON = re.compile(r"\b(wir|uns)\b", re.IGNORECASE)

# Indirect questions, conditions and relative clauses: a modal inside them commits to
# nothing ("ob ... soll", "Sofern Kommunen ... wollen", ", die ihnen schaden wollen").
# "wie" only counts as a question word at the start of its clause, not in "wie zum Beispiel".
SUBORDINATE_CLAUSE = re.compile(
    r"^\s*(?:und\s+)?(die|der|das|denen|dem|deren|dessen|welche[rsnm]?|wenn|falls|sofern|"
    r"soweit|obwohl|als|weil|da|wer|damit|ob|wie|wann|wo|was|wieso|warum)\b",
    re.IGNORECASE,
)
# The pronouns that open a relative clause.
RELATIVE_PRONOUNS = r"die|der|das|denen|dem|deren|dessen|welche[rsnm]?"
# Conjunctions that open a clause of condition, concession or cause.
CONDITION_CONJUNCTIONS = r"wenn|falls|sofern|soweit|obwohl|weil|da|ob"
SUBORDINATE_OPENER = re.compile(rf"^\s*({CONDITION_CONJUNCTIONS}|wer)\b", re.IGNORECASE)
# "wollen", "möchten", "will" commit the authors, not "viele junge Menschen".
VOLITIONAL = re.compile(r"\b(will|wollen|möchten|möchte)\b", re.IGNORECASE)
GENERIC_SUBJECT = re.compile(
    r"^(viele|manche|einige|die\s+meisten|jede[rsn]?|niemand|man|alle|immer\s+mehr|"
    r"wer|kinder|eltern|menschen|bürger\w*|junge)\b",
    re.IGNORECASE,
)

# Nominalised actions that open a verbless list item: "Ausbau der ...", "Erhalt des ...".
ACTION_NOUNS = frozenset(
    [
        "ausbau",
        "erhalt",
        "neubau",
        "aufbau",
        "umbau",
        "rückbau",
        "abbau",
        "einsatz",
        "verzicht",
        "schutz",
        "bau",
        "verbot",
        "stopp",
        "erweiterung",
        "start",
        "beitritt",
        "ankauf",
        "kauf",
        "erwerb",
        "zuschuss",
        "bonus",
        "ausweis",
        "wiederaufbau",
        "neuaufbau",
        "abriss",
        "erlass",
        "fortbestand",
        "verbleib",
        "bestand",
        "weiterbau",
        "ausstieg",
        "einstieg",
        "zugang",
        "angebot",
        "neustart",
        "relaunch",
    ]
)

# Openers that describe, evaluate or claim credit rather than commit.
NON_COMMITMENT_OPENERS = re.compile(
    r"^(wer\s|wir\s+begrüßen|wir\s+sehen\b(?!\s+(?:\w+\s+){0,2}(?:notwendigkeit|handlungsbedarf|bedarf)\b)|wir\s+(?:\S+\s+)?sind\s+(?:der|uns)\b|wir\s+wissen|"
    r"uns\s+ist\s+bewusst|"
    # "Wir haben uns fest vorgenommen ..." (SPD 2025) resolves, it does not report.
    r"wir\s+haben\b(?!\s+uns\s+(?:\w+\s+){0,2}(?:vorgenommen|zum\s+ziel\s+gesetzt)\b)|studien\s+zeigen|es\s+gibt\b|dazu\s+mehr|mehr\s+dazu|siehe\b|"
    r"wir\s+gehen\s+davon\s+aus|wir\s+stellen\b[^.]*\bin\s+frage|"
    r"die\s+\w+\s+begrüßen|[a-zäöüß]+\s+begrüßen\s+es|"
    # An appeal to the reader ("Wählen Sie am ...", "Senden Sie uns ...").
    r"[a-zäöüß]+en\s+sie\s+(?:uns|ihre[nm]?|am|mit)\b)",
    re.IGNORECASE,
)

# A vision or self-description of the authors commits to nothing one could check
# (guideline §2, slogans): the object of their commitment is the place, the society or
# their politics as a whole: "Wir stehen für eine europäische Politik, die ..." (Münster
# SPD 2014), "Volt Oldenburg steht für eine Politik, die ...", "Wir wollen die Zukunft
# mutig gestalten". A place named by its name ("ein lebendiges Oldenburg") is not caught.
VISION = Folded(
    r"(?:\b(?:schaffen|gestalten|wollen|möchten)\s+wir|\bwir\s+(?:schaffen|gestalten|wollen|möchten)|"
    r"\bwir\s+stehen\s+für|\bstehen\s+wir\s+für)\s+(?:eine|ein|diese|unsere?)\s+"
    r"(?:[a-zäöüß]+(?:e|es|en)(?:,\s*|\s+und\s+|\s+))+(?:stadt|politik|gesellschaft|heimat)\b(?!-)|"
    r"\bfür\s+eine\s+politik\s*,\s*die\b|"
    # "Wir stehen für diese Politik" (Münster SPD 2014): their politics as a whole, even
    # without an adjective.
    r"\b(?:wir\s+stehen|stehen\s+wir)\s+für\s+(?:diese|unsere)\s+politik\b|"
    r"\bdie\s+zukunft\s+(?:[a-zäöüß]+\s+){0,2}gestalten\b"
)

# Perfect and preterite: accounts of the past (credit claiming, history).
PAST = Folded(
    r"\b(wurde|wurden|war|waren|hatte|hatten|haben\s+\w+\s+\w*ge\w+t|hat\s+sich\s+\w+|"
    r"(?:haben|hat)\b[^.,;]*\b(?:ge[a-zäöüß]+(?:t|en)|[a-zäöüß]+iert)$)\b"
)

# Subordinate clauses that justify rather than commit; split keeps them out of a pledge text.
JUSTIFICATION = re.compile(r",\s+(denn|da|weil)\s+", re.IGNORECASE)

# "Das" opens a pointer back only as a pronoun ("Das wollen wir ändern", "Das müssen die
# Bürger entscheiden"), not as the article of a noun, with or without an adjective ("Das
# Lesecafé ... steht nicht zur Disposition", written: "Das neue Hallenbad soll 2028
# öffnen"). A modal or auxiliary in the adjective's slot is the verb of the pronoun.
_DAS_PRONOUN = (
    r"das\b(?!\s+(?-i:[A-ZÄÖÜ])|\s+(?!(?:sollen|müssen|werden|wollen|können|dürfen|möchten|"
    r"haben|sollte|sollten|müssten|könnten|würden)\b)(?-i:[a-zäöüß]+(?:e|en|em|er|es))"
    r"\s+(?-i:[A-ZÄÖÜ]))"
)

ANAPHORIC_OPENERS = re.compile(
    rf"^(dies|diese|dieser|dieses|diesen|sie|er|es|{_DAS_PRONOUN}|dazu|dabei|dafür|hierzu|hierfür|"
    r"hierbei|damit|so|dadurch|darüber\s+hinaus)\b|"
    # "Ein Modell dafür sind ...", "Für das laufende Geschäft erfolgt dies ...": a pointer
    # back within the first words.
    r"^(?:\S+\s+){1,5}?(dies|dafür|dazu|hierfür|hierzu|davon|daran)\b",
    re.IGNORECASE,
)
# A principle, not a measure: "darf nicht vom Geldbeutel abhängen"; "Nachhaltige
# Landwirtschaft und Naturschutz sind keine Gegensätze" (Bund 2018), "Denkmalschutz und
# Klimaschutz sind kein Widerspruch, sondern ergänzen sich" (Berlin 2021): two aims
# declared compatible, with or without "sondern müssen zusammen gedacht werden".
PRINCIPLE = re.compile(
    r"\b(?:darf|dürfen)\b[^.]*\b(?:abhängen|abhängig\s+sein)\b|"
    r"\b(?:ist|sind)\s+(?:für\s+uns\s+|\w+\s+)?kein(?:e|en)?\s+"
    r"(?:widerspruch|widersprüche|gegensatz|gegensätze)\b",
    re.IGNORECASE,
)

# A short pledge that only points back ("Deshalb darf hier nicht gespart werden")
# needs the sentence before it to stand alone.
POINTS_BACK = re.compile(
    rf"^(deshalb|daher|darum|deswegen|dies|diese[rsnm]?|{_DAS_PRONOUN}|hier|dort|dabei|dazu|dafür)\b|"
    r"\b(dies|diese[rsnm]?)\b",
    re.IGNORECASE,
)

# A sentence whose subject or object is a pointer back ("Diese sollen ...",
# "Diese Angebote sollen ...", "Das werden wir ...", "Darin sollen ...") does
# not stand alone (guideline §1): it needs what it points to. "Das" counts only
# as a pronoun (before a lower-case word), not as the article of "Das Theater".
POINTER_OPENING = re.compile(
    r"^(?:(?:dies|diese[rsnm]?)(?:\s+[A-ZÄÖÜ][\w-]*)?\s+(?:soll|sollen|muss|müssen|werden|wird|"
    r"wollen|will|können|kann)\b|(?:das|darin|daran|davon|hierfür|dafür)\s+(?:soll|sollen|muss|"
    r"müssen|werden|wird|wollen|will)\b)",
    re.IGNORECASE,
)

# A main clause that names nothing ("Wir setzen uns dafür ein, dass diese dem Bedarf
# entsprechend erfolgen"): the pronoun subject of its "dass" clause can only point
# to the sentence before. A noun in the main clause ("Bei neuen Planungen wird
# sichergestellt, dass diese ...") gives the pronoun something to point to.
POINTER_IN_CLAUSE = re.compile(
    r"^\S+(?:\s+(?-i:[a-zäöüß])\S*){1,6},\s+dass\s+(?:dies|diese[rsnm]?)\s+(?-i:[a-zäöüß])",
    re.IGNORECASE,
)

# "Das heißt, ...", "Das bedeutet, dass ...": a sentence that spells out what the one
# before it means belongs to it (guideline §1, join the needed parts), e.g. "Bis zum Jahr
# 2020 soll Münster atomstromfrei werden. Das bedeutet: Der Stromverbrauch der Stadt ...
# soll komplett durch atomstromfreie Produktion gesichert werden." (Münster SPD 2014).
EXPLAINS_PREVIOUS = re.compile(r"^(?:das|dies)\s+(?:heißt|bedeutet)\b", re.IGNORECASE)

# A sentence that restricts the commitment before it belongs to that commitment.
RESTRICTING_OPENERS = re.compile(r"^(jedoch|allerdings|ausgenommen|ausnahmsweise)\b", re.IGNORECASE)

# Gender forms ("Schüler*innen", "Bürger:innen", "Lehrer_innen") are one word.
WORD = re.compile(r"[A-Za-zÄÖÜäöüß](?:[A-Za-zÄÖÜäöüß\-]|[*:_](?=[a-zäöü]))*")


def words(text: str) -> list[str]:
    return WORD.findall(text)


def first_noun(text: str) -> str:
    """The first capitalised word after the opening word, lower-cased ('' if none).

    A capitalised adjective opening an item ("Gezielte Nachnutzung") is skipped.
    """
    found = words(text)
    for index, word in enumerate(found):
        if index == 0 and word.lower() in {"die", "der", "das", "ein", "eine", "einen", "keine"}:
            continue
        following = found[index + 1] if index + 1 < len(found) else ""
        adjective_ending = word.lower().endswith(("e", "er", "es", "en", "em"))
        if index == 0 and adjective_ending and following[:1].isupper():
            continue
        if word[0].isupper():
            return word.lower()
        if index > 3:
            break
    return ""


def is_action_noun(word: str) -> bool:
    word = word.lower().split("-")[-1]
    return (
        (word.endswith("ung") and len(word) > 5)
        or word in ACTION_NOUNS
        or any(word.endswith(n) for n in ACTION_NOUNS if len(n) > 4)
    )


_NOT_VERBS = frozenset(
    [
        "nicht",
        "jetzt",
        "erst",
        "zuerst",
        "zunächst",
        "meist",
        "zumindest",
        "weit",
        "seit",
        "mit",
        "gut",
        "laut",
        "selbst",
        "sonst",
        "zuletzt",
        "insgesamt",
        "konsequent",
        "transparent",
        "effizient",
        "relevant",
        "kompetent",
        "stadtweit",
        "bundesweit",
        "landesweit",
        "kreisweit",
        "weltweit",
        "flächendeckend",
        "dort",
        "direkt",
        "recht",
        "best",
    ]
)


_ARTICLES = frozenset(
    {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines"}
    | {"kein", "keine", "keinen"}
)


# "Wir wollen die Waldstrategie als Leitlinie, ergänzt durch den Gedanken der Biodiversität"
# (Bund 2018): a past participle (ge-...-t, be-/er-/ver-/ent-...-t, ...-iert) after a
# comma, followed by its agent. Not "soweit von ihnen ...".
_PARTICIPLE_WITH_AGENT = re.compile(
    r",\s+([a-zäöüß]*ge[a-zäöüß]+t|(?:be|er|ver|ent|zer)[a-zäöüß]+t|[a-zäöüß]+iert)"
    r"\s+(?:von|vom|durch)\s"
)


def _agent_participles(text: str) -> set[str]:
    return {m.group(1) for m in _PARTICIPLE_WITH_AGENT.finditer(text)}


def has_finite_verb(text: str) -> bool:
    """A rough test for a finite verb after the first word (German has no reliable
    capital-letter cue for verbs, but finite 3rd-person forms end in -t)."""
    found = words(text)
    agents: set[str] | None = None
    for index, word in enumerate(found[1:], start=1):
        lower = word.lower()
        # Only a word in -t can be the verb: the other words are passed over
        # before the tests below (one of them a regex over the whole text).
        if not lower.endswith("t") or lower.startswith("ge"):
            continue
        if not word[0].islower() or lower in _NOT_VERBS or len(lower) < 4:
            continue
        # No finite verb follows its article: "ein breit gefächertes Angebot".
        if found[index - 1].lower() in _ARTICLES:
            continue
        # "..., betreut von Lehramtsstudierenden", "..., finanziert durch den Bund": a
        # participle after a comma that names its agent is no finite verb.
        if agents is None:
            agents = _agent_participles(text)
        if lower in agents:
            continue
        if lower.endswith(("ent", "ant", "ist", "ust", "est")) and lower not in {"ist"}:
            continue
        return True
    return False


# Prepositions and adverbs that end like an infinitive: "Bereit für morgen" (Oldenburg
# Grüne 2026, a slogan), "und gegen eine Fusion" end in no verb.
NOT_VERBS_IN_EN = frozenset(
    [
        "gegen",
        "wegen",
        "neben",
        "zwischen",
        "entgegen",
        "binnen",
        "oben",
        "unten",
        "eben",
        "innen",
        "außen",
        "morgen",
        "trotzdem",
    ]
)


def ends_with_verb(text: str) -> bool:
    """The clause ends in a lower-case verb form (infinitive or participle)."""
    found = words(text.rstrip(" .!;:)"))
    if not found:
        return False
    last = found[-1]
    # (-iert, -ert and -elt end in -t too.)
    return (
        last[0].islower()
        and last.endswith(("en", "ern", "eln", "t"))
        and last not in NOT_VERBS_IN_EN
    )
