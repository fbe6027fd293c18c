"""clauses: where a passage coordinates two main clauses, each a commitment of its own.

Used by split: "Wir unterstützen X und befürworten Y", "X soll bleiben, der Y muss Z". A
main clause of German has its finite verb in second place; a subordinate or relative
clause ends in it. So a second main clause is told by a finite verb right after "und", or
by a modal after its subject and before the verb it governs.
"""

from __future__ import annotations

import re

from versprochen.extraction import cues
from versprochen.matching.tokens import content_tokens

MIN_PART_TOKENS = 2
_ARTICLE = cues.ARTICLE
# "..., um die Luft zu verbessern und den Lärm zu senken" (written): a purpose clause and
# its parts say why, they commit to nothing of their own.
PURPOSE = re.compile(r"^\s*(?:um|damit|indem|ohne|statt|anstatt)\b", re.IGNORECASE)

# "Wir sichern, erhalten und schaffen Flächen" (Oldenburg Grüne 2026), "die Prozesse
# optimieren, entbürokratisieren und mit IT-Verfahren unterstützen", "mit lokalen, nationalen
# und internationalen Partnern" (Berlin 2021): a lone word after a comma before "und" is
# one of a list of verbs or adjectives that share their object or noun, no clause.
LONE_WORD_AFTER_COMMA = re.compile(r",\s*[a-zäöüß]+\W*$")


def part_tokens(text: str) -> int:
    """The content words of a part; a part needs `MIN_PART_TOKENS` to stand alone."""
    return len(content_tokens(text))


# "Wir unterstützen den Erhalt des Bades und befürworten die geplante Sanierung" (written),
# "Wir streben X an und wir befürworten Y": a second main clause of the authors, its
# finite verb right after "und", is a commitment of its own. The verb is told from an
# adjective by what follows it (an article, pronoun or preposition, never a noun) or by
# being a verb of commitment ("und lehnen Kürzungen ab").
_WE_MAIN_CLAUSE = re.compile(r"^(?:wir|(?:\S+\s+){1,4}?[a-zäöüß]+\s+wir)\s", re.IGNORECASE)
_UND_WE = re.compile(r",?\s+und\s+(?=wir\s+[a-zäöüß])")
# Prepositions and adverbs that end like a verb ("und gegen eine Fusion") are left out.
_UND_VERB = re.compile(
    rf",?\s+und\s+(?!(?:{'|'.join(sorted(cues.NOT_VERBS_IN_EN))})\b)"
    rf"(?=[a-zäöüß]{{3,}}(?:en|ern|eln)\s+(?:{_ARTICLE}|uns|sich|dafür|dazu|darauf|"
    rf"daran|auch|weiterhin|in|im|an|am|auf|für|mit|zu|zur|zum)\s)"
)
_UND_DEMAND_VERB = re.compile(
    r",?\s+und\s+(?=(?:unterstützen|fördern|fordern|lehnen|sichern|stärken|schaffen|planen|"
    r"prüfen|befürworten|setzen|erhalten|begleiten|bieten|sorgen)\s)"
)


def main_clause_cuts(text: str, masked: str) -> list[tuple[int, int]]:
    """Cuts before a second main clause of the authors ("... und (wir) befürworten ...")."""
    if not _WE_MAIN_CLAUSE.match(text):
        return []
    cuts = []
    for pattern in (_UND_WE, _UND_VERB, _UND_DEMAND_VERB):
        for match in pattern.finditer(masked):
            left, right = text[: match.start()], text[match.end() :]
            if part_tokens(left) < MIN_PART_TOKENS or part_tokens(right) < MIN_PART_TOKENS:
                continue
            if LONE_WORD_AFTER_COMMA.search(left):
                continue
            # Not inside a subordinate or purpose clause ("dass wir X prüfen und ..."); a
            # comma before "und" closes it ("..., welche die Menschen bewegen, und setzen
            # uns Ziele", Bund 2018).
            closed = match.group().startswith(",")
            if (
                "," in left
                and not closed
                and (
                    cues.SUBORDINATE_CLAUSE.match(left.rsplit(",", 1)[-1])
                    or PURPOSE.match(left.rsplit(",", 1)[-1])
                    or cues.words(left.rsplit(",", 1)[-1])[:1] == ["dass"]
                )
            ):
                continue
            cuts.append((match.start(), match.end()))
    return cuts


# "Münsters Haushalt soll bis 2020 ohne Defizit auskommen, die Schuldentilgung soll jedes
# Jahr vorangehen" (Münster SPD 2014), "Die Schule soll erhalten bleiben, der Anbau muss
# bis 2027 fertig werden" (written): after a comma, a main clause with its own subject (an
# article and a noun) and its modal in second place commits of its own. A relative clause
# ends in its modal ("Vereine, die gefördert werden sollen"), a main clause in the verb the
# modal governs.
_COMMA_MAIN_CLAUSE = re.compile(
    r",\s+(?=(?:der|die|das)\s+(?:[a-zäöüß]+\s+)?[A-ZÄÖÜ][^,;]*?\s"
    r"(?:soll|sollen|muss|müssen|darf|dürfen)\s+[^,;]+?\s[a-zäöüß]+(?:en|ern|eln|t)\s*(?:[,;.]|$))"
)
_MODAL_WORDS = frozenset({"soll", "sollen", "muss", "müssen", "darf", "dürfen"})


def comma_main_clause_cuts(text: str, masked: str) -> list[tuple[int, int]]:
    """Cuts at a comma between two main clauses that each commit with a modal."""
    cuts = []
    for match in _COMMA_MAIN_CLAUSE.finditer(masked):
        left, right = text[: match.start()], text[match.end() :].split(",")[0]
        last_clause = left.rsplit(",", 1)[-1]
        # The sentence's first clause opens with its subject ("Die Schule soll ...").
        opener = cues.SUBORDINATE_CLAUSE if "," in left else cues.SUBORDINATE_OPENER
        if opener.match(last_clause) or PURPOSE.match(last_clause):
            continue
        if not (cues.MODAL.search(last_clause) and cues.ends_with_verb(left)):
            continue
        if cues.words(right)[-1].lower() in _MODAL_WORDS:
            continue
        cuts.append((match.start(), match.end()))
    return cuts


# "Deshalb wollen wir, dass die Infrastruktur ausgebaut, die Qualität gesteigert und die
# Betreuungssituation verbessert wird" (CDU/CSU 2025), "Das BB-OL setzt sich dafür ein, dass
# Sozialquoten ... eingehalten werden, dass die Wohngesellschaft schnell handlungsfähig wird
# und dass ... mehr erschwinglicher Mietraum geschaffen wird" (Oldenburg BB-OL 2026): a
# "dass" clause that lists outcomes, each with its own subject and verb, bundles
# commitments that can be fulfilled alone (guideline §1). A conjunct opens with "dass", an
# article and its noun (an article before a lower-case word is a relative pronoun: "..., die
# alle Dokumente bündelt") or a preposition and its noun ("an Schulen ... gelebt wird").
DASS_START = re.compile(r",\s+dass\s+")
_PRONOUN_SUBJECT = re.compile(
    r"(?:(?:es|er|sie|wir|ihr|man)\s|dies(?:e[rs]?)?\s+(?-i:[a-zäöüß]))", re.IGNORECASE
)
# The words that open a conjunct's noun phrase ("der", "keine", "mehr", "alle").
_CONJUNCT_DETERMINER = r"(?:der|die|das|den|dem|ein|eine|einen|einem|kein|keine|mehr|alle)"
_ARTICLE_START = re.compile(_CONJUNCT_DETERMINER + r"\s")
_CLOSING_DASS = re.compile(r"\s(?:und|oder)\s+dass\s")
_CONJUNCT_SEPARATOR = re.compile(r",\s+(?:(?:und|oder)\s+)?|\s+(?:und|oder)\s+")
_CONJUNCT_START = re.compile(
    rf"^(?:dass\s|{_CONJUNCT_DETERMINER}\s+"
    r"(?!(?:alle|allen|keine|keinen|diese|diesen|eine|einen|ihre|ihren|seine|unsere|jede|"
    r"jeden|viele|vielen|beide|sich|der|die|das|den|dem)\s)(?:[a-zäöüß]+(?:e|en|er|es|em)\s+){0,2}[A-ZÄÖÜ]|"
    r"(?:an|in|auf|bei|für|mit)\s+[A-ZÄÖÜ])"
)
# A conjunct ends in its verb or auxiliary ("... handlungsfähig wird").
# The finite auxiliaries and modals that end a passive or close a clause.
FINITE_AUXILIARIES = r"wird|werden|ist|sind|bleibt|bleiben|kann|können|soll|sollen|muss|müssen"
_AUXILIARY_END = re.compile(rf"\s(?:{FINITE_AUXILIARIES})\W*$")
# A relative clause inside a conjunct ("..., die alle Dokumente bündelt und ..."): its
# "und" joins two predicates of the relative pronoun.
# A subordinate clause inside a conjunct ("..., indem Angebote verstärkt werden und der
# Maßstab angepasst wird", Berlin 2021) says how or why; its "und" lists no outcome.
_CLAUSE_INSIDE = re.compile(
    r"^\s*(?:(?:der|die|das|denen|dem|deren|dessen|welche[rsnm]?)\s+(?!(?-i:[A-ZÄÖÜ]))|"
    r"(?:indem|wenn|weil|damit|um|ob|wie|bis|sodass|falls|sofern|soweit|obwohl|während|"
    r"nachdem|bevor)\b)",
    re.IGNORECASE,
)
# A conjunct without its own "dass" shares the auxiliary of the list ("die Qualität
# gesteigert und die Betreuungssituation verbessert wird"), so it holds a past participle
# at its end, or before its auxiliaries. An active verb there ("und in Sicherheit leben
# können", Bund 2018; "die die Beschäftigungschancen stärkt", Bund 2021) belongs to the
# subject or the relative pronoun before it: no outcome of its own.
_PARTICIPLE = (
    r"\s(?:[a-zäöüß]*ge[a-zäöüß]+(?:t|en)|(?:be|er|ver|ent|zer)[a-zäöüß]+t|[a-zäöüß]+iert)"
)
_AUXILIARIES = (
    r"(?:\s+(?:werden|worden))?"
    rf"\s+(?:{FINITE_AUXILIARIES})(?:\s|$)"
)
_PARTICIPLE_END = re.compile(rf"{_PARTICIPLE}(?:\W*$|{_AUXILIARIES})")
# A conjunct that opens with a preposition ("an Schulen ... Inklusion gelebt wird") is
# one only as a passive with its own subject: "und auf Augenhöhe berät" (Oldenburg Volt
# 2026) is a second predicate of the subject before it.
_PASSIVE = re.compile(rf"{_PARTICIPLE}{_AUXILIARIES}")
# "so frühzeitig erkannt werden, dass ..." (consequence), "nicht dazu führt, dass ..." (the
# object of the verb before): the next "dass" depends on the clause before it.
_GOVERNS_NEXT_DASS = re.compile(
    r"\b(?:so|derart|sodass|da(?:r)?(?:zu|für|auf|an|um|über|nach|von|bei|mit|in|aus))\b",
    re.IGNORECASE,
)


def _is_conjunct(right: str) -> bool:
    if not _CONJUNCT_START.match(right):
        return False
    clause = right.split(",")[0]
    if right.startswith("dass"):
        return cues.ends_with_verb(clause) or bool(_AUXILIARY_END.search(clause))
    if right[:1].islower() and not _ARTICLE_START.match(right):
        return bool(_PASSIVE.search(clause))
    return bool(_PARTICIPLE_END.search(clause))


def dass_list_cuts(text: str, masked: str) -> list[tuple[int, int]]:
    """Cuts between the conjuncts of a "dass" clause that lists outcomes."""
    opening = DASS_START.search(masked)
    if opening is None or "und" not in masked[opening.end() :].split():
        return []
    cuts: list[tuple[int, int]] = []
    start = opening.end()
    # "..., dass es eine Zentralstelle wird und ein Informationshaus bereitstellt" (CDU/CSU
    # 2025): after a pronoun subject the conjuncts share it; only a repeated "dass" lists.
    shared_subject = bool(_PRONOUN_SUBJECT.match(masked, opening.end()))
    for match in _CONJUNCT_SEPARATOR.finditer(masked, opening.end()):
        left, right = text[start : match.start()], text[match.end() :]
        ends_clause = cues.ends_with_verb(left) or bool(_AUXILIARY_END.search(left))
        if not ends_clause or part_tokens(left) < MIN_PART_TOKENS:
            continue
        if "," in left and _CLAUSE_INSIDE.match(left.rsplit(",", 1)[-1]):
            continue
        # A repeated "dass" lists only where "und dass" closes the list; otherwise it
        # depends on the clause before ("..., dass der Gutachter empfiehlt, dass ...").
        if right.startswith("dass") and (
            _GOVERNS_NEXT_DASS.search(left) or not _CLOSING_DASS.search(masked, match.start())
        ):
            break
        if shared_subject and not right.startswith("dass"):
            continue
        if _is_conjunct(right) and part_tokens(right.split(",")[0]) >= MIN_PART_TOKENS:
            cuts.append((match.start(), match.end()))
            start = match.end()
    return cuts
