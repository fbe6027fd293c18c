"""admissible: which of split's cuts leave every part saying what the whole says.

Split proposes cuts between coordinated commitments; some of them would take a
part away from the words that govern it: a fronted phrase of means from its
main clause, the outcomes of a "dass" clause from the refusal above them, a
noun phrase from the "gegen" or "lehnen ... ab" that it is the object of. Each
check here reads the passage once, so that filtering costs no more than the
cutting did.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from versprochen.extraction import clauses, cues

Cut = tuple[int, int]


def admissible_cuts(text: str, masked: str, cuts: list[Cut]) -> list[Cut]:
    """The cuts, sorted, without those that would change what a part says.

    `masked` is `text` with brackets and quotations blanked (split's mask).
    """
    means_end = fronted_means_end(text, masked)
    protected = [span for span in (refused_outcomes(masked), subject_clause(masked)) if span]
    ordered = sorted(
        {
            cut
            for cut in cuts
            # "Stadt- und Verkehrswegeplanung": a word cut short before the conjunction
            # shares its head with the next word, so the two are one word.
            if not text[: cut[0]].endswith("-")
            and not _coordinated_prepositions(text, cut)
            and cut[0] >= means_end
            and not any(start <= cut[0] < end for start, end in protected)
        }
    )
    return _keeping_polarity(text, ordered)


# "Familien mit und ohne Migrationsvorgeschichte", "vor und nach der Schule" (Münster SPD
# 2014): prepositions coordinated before the one noun phrase they share. The same words
# end a clause as a verb's particle ("Wir bauen die Radwege aus und sanieren die Brücken"),
# so a cut is refused only where a preposition follows it too.
_PREPOSITIONS = r"mit|ohne|vor|nach|für|gegen|in|um|an|auf|innerhalb|außerhalb|während"
_PREPOSITION_END = re.compile(rf"\b(?:{_PREPOSITIONS})\s*$", re.IGNORECASE)
_PREPOSITION_START = re.compile(rf"\s*(?:{_PREPOSITIONS})\b", re.IGNORECASE)
# The reach, before a cut, in which its last word is looked for.
_LAST_WORD = 16


def _coordinated_prepositions(text: str, cut: Cut) -> bool:
    """Whether the preposition before the cut shares the noun phrase after the next one."""
    start = max(0, cut[0] - _LAST_WORD)
    return bool(
        _PREPOSITION_END.search(text, start, cut[0]) and _PREPOSITION_START.match(text, cut[1])
    )


# "Durch den Ausbau von Schulsozialarbeit, … sowie die Einbindung gemeinnütziger
# Organisationen schaffen wir verlässliche Unterstützung" (Oldenburg Volt 2026), "Mit mehr
# Pauschalierungen und Typisierungen vereinfachen wir insbesondere das
# Einkommensteuerrecht" (CDU/CSU 2025): the phrase before the finite verb of a main clause
# is one part of it, here the means by which the one commitment after the verb is kept.
# Its list names no commitments of its own.
_MEANS_OPENING = re.compile(r"^\W*(?:durch|mit|mittels|dank)\s", re.IGNORECASE)
_INVERTED_SUBJECT = re.compile(r"\s[a-zäöüß]{3,}\s+wir\b")


def fronted_means_end(text: str, masked: str) -> int:
    """Where a fronted phrase of means ends (its finite verb), else 0."""
    if not _MEANS_OPENING.match(text):
        return 0
    verb = _INVERTED_SUBJECT.search(masked)
    if verb is None or "," in masked[verb.start() - 1 : verb.start()]:
        return 0
    fronted = text[: verb.start()]
    # A verb inside the phrase ends it earlier: "Mit X hat sich Y gestellt, ... unterstützen
    # wir" (Berlin 2021) holds a clause of its own before the inverted subject.
    if cues.has_finite_verb(fronted) or cues.MODAL.search(fronted):
        return 0
    return verb.start()


# "Projekte, die teuer sind, lange dauern und ihren Nutzen erst in Jahrzehnten entfalten,
# müssen gegen andere dringende Bedarfe abgewogen werden" (Oldenburg BB-OL 2026): a relative
# clause on the subject that opens the sentence ends where the main clause's verb follows
# its comma. The verbs it coordinates describe the subject; cut between them, the subject
# would lose its verb and the rest its subject.
_RELATIVE_OPENING = re.compile(rf",\s+(?:{cues.RELATIVE_PRONOUNS})\s", re.IGNORECASE)
_MAIN_VERB_AFTER = re.compile(
    rf",\s+(?:{clauses.FINITE_AUXILIARIES}|sollte|sollten|darf|dürfen|gehört|gehören)\b",
    re.IGNORECASE,
)


def subject_clause(masked: str) -> tuple[int, int] | None:
    """The span of a relative clause on the opening subject, where no cut may fall."""
    opening = _RELATIVE_OPENING.search(masked)
    if opening is None:
        return None
    subject = masked[: opening.start()]
    if cues.FIRST_PERSON.search(subject) or cues.MODAL.search(subject):
        return None
    if cues.has_finite_verb(subject) or "," in subject:
        return None
    verb = _MAIN_VERB_AFTER.search(masked, opening.end())
    return (opening.start(), verb.start()) if verb else None


# "Wir lassen nicht zu, dass offen zur Gewalt gegen unseren Staat aufgerufen wird und das
# Eigentum Dritter oder kritische Infrastrukturen angegriffen werden" (CDU/CSU 2025): under a
# refusal each outcome of the "dass" clause is one the authors prevent; cut off from it, a
# later outcome would say the opposite. Only the clause right before "dass" governs it
# ("Kein Kind darf zurückbleiben, deshalb sorgen wir dafür, dass ...": not a refusal).
# Verbs of refusing, in lower case only ("die Vermeidung von Plastikmüll" refuses nothing),
# and "lehnen ... ab" within its clause; both refusals below share them.
_REFUSING_VERB = r"(?-i:verhinder|vermeid|unterbind)\w*"
_LEHNEN_AB = r"\blehnen\b[^,]{0,80}\bab\b"
_REFUSAL = re.compile(
    rf"\b(?:nicht(?!\s+nur)|kein\w*|nie|niemals|{_REFUSING_VERB})\b|{_LEHNEN_AB}",
    re.IGNORECASE,
)
# The "dass" clause ends where the authors start a main clause of their own: "..., und wir
# bauen neue Radwege" (written).
_NEXT_MAIN_CLAUSE = re.compile(r",\s+(?:(?:und|aber|doch)\s+)?wir\s", re.IGNORECASE)


def refused_outcomes(masked: str) -> tuple[int, int] | None:
    """The span of a "dass" clause governed by a refusal, where no cut may fall."""
    opening = clauses.DASS_START.search(masked)
    if opening is None:
        return None
    governing = masked[masked.rfind(",", 0, opening.start()) + 1 : opening.start()]
    if not _REFUSAL.search(governing):
        return None
    end = _NEXT_MAIN_CLAUSE.search(masked, opening.end())
    return opening.start(), end.start() if end else len(masked)


# "Wir sind gegen die Schließung der Bäder sowie die Privatisierung der Stadtwerke", "Eine
# Schließung der Bäder sowie eine Privatisierung der Stadtwerke lehnen wir ab" (written): a
# stance against something that governs the noun phrases coordinated with its object. A
# part that opens with its own "gegen" ("und gegen neue Gebühren für Anwohner", written)
# carries its own. A "kein" or "nicht" governs only its own noun or clause.
_GOVERNING_REFUSAL = re.compile(
    r"\b(?:sind|stellen\s+uns|wenden\s+uns|sprechen\s+uns)\s+(?:\w+\s+){0,2}?gegen\b"
    r"|\bnein\s+zu[mr]?\b|(?:^|(?<=[,;] )|(?<=\bund )|(?<=\bsowie ))gegen\b"
    rf"|{_LEHNEN_AB}|\b{_REFUSING_VERB}\b",
    re.IGNORECASE,
)


def _keeping_polarity(text: str, cuts: list[Cut]) -> list[Cut]:
    """The cuts that leave no bare noun phrase apart from the refusal governing it.

    A refusal on one side governs a bare noun phrase on the other ("gegen A sowie B",
    "A sowie B lehnen wir ab"); cut off from it, that part reads as a measure to take.
    A part with a subject or verb of its own ("Wir lehnen A ab und fordern B") stands
    alone. The bare part looked at is the one next to the cut.
    """
    found = list(_GOVERNING_REFUSAL.finditer(text))
    if not found or not cuts:
        return cuts
    starts = [m.start() for m in found]
    ends = sorted(m.end() for m in found)
    kept = []
    for index, (left_end, right_start) in enumerate(cuts):
        left_refuses = bisect_right(ends, left_end) > 0
        right_refuses = bisect_left(starts, right_start) < len(starts)
        if left_refuses != right_refuses:
            previous = cuts[index - 1][1] if index else 0
            following = cuts[index + 1][0] if index + 1 < len(cuts) else len(text)
            bare = text[right_start:following] if left_refuses else text[previous:left_end]
            if not _has_own_predicate(bare):
                continue
        kept.append((left_end, right_start))
    return kept


# "Wir dämmen Interaktionsrisiken ein" (Bund 2018): the authors as subject make a clause.
_OWN_SUBJECT = re.compile(r"\bwir\b", re.IGNORECASE)
# "und fordern den Ausbau der Radwege": a second predicate of the same subject.
_LEADING_VERB = re.compile(
    rf"\s*(?!(?:{cues.ARTICLE}|{'|'.join(sorted(cues.NOT_VERBS_IN_EN))})\b)[a-zäöüß]+(?:en|ern|eln)\s"
)


def _has_own_predicate(part: str) -> bool:
    return bool(
        _OWN_SUBJECT.search(part)
        or cues.MODAL.search(part)
        or cues.DEMAND.search(part)
        or _LEADING_VERB.match(part)
        or cues.has_finite_verb(part)
        or cues.ends_with_verb(part)
    )
