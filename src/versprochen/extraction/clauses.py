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


def _tokens(text: str) -> int:
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
    r",?\s+und\s+(?!(?:gegen|wegen|neben|zwischen|entgegen|binnen|oben|unten|eben|innen|außen|"
    r"morgen|trotzdem)\b)"
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
            if _tokens(left) < MIN_PART_TOKENS or _tokens(right) < MIN_PART_TOKENS:
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
