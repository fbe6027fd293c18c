"""split: bundles into atomic pledges (guideline §1).

A passage is cut where it coordinates commitments that can be fulfilled on
their own: "... sowie Neuaufbau des Zivilschutzes", "X stärken und Y ausbauen",
"..., eine Erweiterung der Busflotte ...", "... und dabei ...". A list
that only illustrates one measure stays whole ("Erhalt und Ausbau von
Jugendzentren", "Beratungs-, Bildungs- und Freizeitangebote"): each part must
name its own action and object. Justifications ("..., denn ...", "– Bildung
darf nicht ...") are cut off. Every part is a verbatim span of the cleaned
text, so a mention always quotes the source exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from versprochen.extraction import clauses, cues
from versprochen.extraction.admissible import admissible_cuts
from versprochen.extraction.stage import stage
from versprochen.extraction.types import DetectedDocument, SplitDocument, Statement

MIN_PART_TOKENS = clauses.MIN_PART_TOKENS

_ARTICLE = cues.ARTICLE
_SOWIE = re.compile(r",?\s+sowie\s+")
_UND_THEN = re.compile(
    r",?\s+und\s+(?=(?:dabei|zugleich|gleichzeitig|außerdem|zudem|darüber\s+hinaus)\b)"
)
_COMMA_ACTION = re.compile(rf",\s+(?={_ARTICLE}\s+[A-ZÄÖÜ][a-zäöüß-]*ung\b)")
_UND = re.compile(r"\s+und\s+")
# Only articles that open a new object ("und den Ausbau", "und eine Erhöhung"); "und der
# Schuldentilgung" continues a genitive ("die Aufgabe des Ausgleichs und der Tilgung").
_NEW_OBJECT_ARTICLE = r"(?:den|die|das|ein|eine|einen)"
_UND_ACTION = re.compile(
    rf"\s+und\s+(?=(?:{_NEW_OBJECT_ARTICLE}\s+)?[A-ZÄÖÜ][a-zäöüß]+\s+"
    rf"(?:{_ARTICLE}|von|für|im|in|an|auf|zu|zur|zum)\b)"
)
_COMMA = re.compile(r",\s+")
# "Wir sind für X und gegen Y": each stance the sentence declares is a pledge of its own.
_STANCE_DECLARED = re.compile(r"^wir\s+sind\s+(?:\S+\s+){0,2}?(?:für|gegen)\s", re.IGNORECASE)
_UND_STANCE = re.compile(
    r"\s+und\s+(?=(?:für|gegen)\s+(?:den|die|das|eine?[nmrs]?|jede[nrs]?)\s)", re.IGNORECASE
)
_SUBORDINATE_START = re.compile(
    r"^(dass|wenn|ob|weil|damit|um|die|der|das|welche[rsn]?|wo|wie|indem|sofern|so\s+dass|"
    r"bevor|nachdem|während|als|und|oder|aber|sondern|insbesondere|deren|dessen)\b",
    re.IGNORECASE,
)
# "und die Abstimmung der Linien verbessern": after "und", "die" before a noun
# is the article of a new object, not a relative pronoun.
_ARTICLE_BEFORE_NOUN = re.compile(r"^(?:der|die|das)\s+(?:[a-zäöüß]+\s+)?[A-ZÄÖÜ]")
# An object of its own opens with an article, a noun, or an adjective before its noun
# ("Verfahren beschleunigen und zuständige Ämter besser vernetzen", written).
_ADJECTIVE_BEFORE_NOUN = r"[a-zäöüß]{3,}(?:e|en|em|er|es)\s+[A-ZÄÖÜ]"
_OWN_OBJECT = re.compile(
    rf"^(?:(?:z\.\s?B\.|zum\s+Beispiel|auch|zudem|außerdem|ferner)\s+)?"
    rf"(?:{_ARTICLE}\b|[A-ZÄÖÜ][a-zäöüß]|{_ADJECTIVE_BEFORE_NOUN})"
)
_SUBORDINATE_OPENING = re.compile(
    r"^(um|wenn|damit|da|weil|falls|ob|sofern|soweit|indem|obwohl|während)\b", re.IGNORECASE
)
_RELATIVE = re.compile(rf"^\s*({cues.RELATIVE_PRONOUNS})\b", re.IGNORECASE)
_DASH_TAIL = re.compile(r"\s+[–—-]\s+(?=[A-ZÄÖÜ])")
# "Förderung der Leseclubs – dazu gehört eine Ausstattung mit Büchern": a
# dash that adds a measure of its own to a commitment. The component is cut
# off only where it names an action ("eine Ausstattung"); "– dazu gehören
# auch die Regeln zur Miethöhe" only says what the commitment covers.
_DASH_COMPONENT = re.compile(
    r"\s+[–—-]\s+(?=dazu\s+(?:gehört|gehören|zählt|zählen)\s+(?:[a-zäöüß]+\s+){0,2}(\S.*))"
)
# "Sportvereinen Hallenzeiten sichern; für Schulen neue Turnhallen bauen" (written): a
# semicolon between two clauses that each commit joins two pledges. Not where the right
# clause illustrates or points back ("...; zum Beispiel sollte ...", "...; dies gilt ...").
_SEMICOLON = re.compile(r"\s*;\s+")
_ILLUSTRATES = re.compile(
    r"^(?:z\.\s?b\.|d\.\s?h\.|(?:zum\s+beispiel|etwa|beispielsweise|insbesondere|also|"
    r"dies|das|dazu|hierzu|dafür|hierfür|damit|so|ihre?|seine?|deren)\b)",
    re.IGNORECASE,
)
# "Einführung von Online-Anträgen, aber auch die Beratung vor Ort muss bleiben",
# "Leerstand zu Wohnraum umbauen, aber auch neue Baugebiete ausweisen" (written): a
# contrast that adds a commitment of its own (see `_contrast_cuts`).
_CONTRAST = re.compile(r"(?:,|\s[–—])\s+(?=(?:aber|doch)\s)")
_CONTRAST_WORDS = re.compile(r"^(?:aber|doch)\s+(?:auch\s+)?", re.IGNORECASE)
# "Wir wollen das Richtige tun, aber wir wollen es auch wirklich umsetzen können"
# (Oldenburg BB-OL 2026): a right part whose subject or object is a pronoun pointing back
# ("es", "dies", "das" without a noun) qualifies the left commitment, it adds none.
_POINTS_BACK_RIGHT = re.compile(
    r"^(?:\w+\s+){0,2}(?:es|dies|dieses|das|diese|dieser)\b"
    r"(?!\s+(?:[A-ZÄÖÜ]|[a-zäöüß]+(?:e|en|es|er)\s+[A-ZÄÖÜ]))"
)
# "Es braucht sowohl Parkplätze als auch Radwege", "Wir fördern sowohl die Musikschule als
# auch die Stadtbibliothek" (written): the verb stands before "sowohl", and each conjunct
# names its own object that can be provided alone (guideline §1). Cut before "als auch".
# Not where the conjuncts only widen one measure's scope ("sowohl für Kinder als auch für
# Erwachsene", "sowohl im niedrigen als auch im mittleren Preissegment", Berlin 2021), nor
# where the verb follows the pair ("sowohl X als auch Y stärken"): a part would lose it.
_SOWOHL = re.compile(r"\bsowohl\s+")
_ALS_AUCH = re.compile(r",?\s+(?=als\s+auch\s)")
_ALS_AUCH_WORDS = re.compile(r"^als\s+auch\s+")
_ARTICLE_WORD_TEXT = "der die das den dem des ein eine einer eines einen einem"
_ARTICLE_WORDS = frozenset(_ARTICLE_WORD_TEXT.split())
_BRACKETS = re.compile(r"\([^()]*\)|„[^“]*“|\"[^\"]*\"|›[^‹]*‹|»[^«]*«")


def _masked(text: str) -> str:
    """The text with brackets and quotations blanked, so no cut falls inside them."""
    return _BRACKETS.sub(lambda m: "\0" * len(m.group()), text)


_tokens = clauses.part_tokens


def _starts_with_action(text: str) -> bool:
    found = cues.words(text)[:3]
    for word in found:
        if word.lower() in {
            "der",
            "die",
            "das",
            "den",
            "dem",
            "des",
            "ein",
            "eine",
            "einer",
            "eines",
            "einen",
            "einem",
            "auch",
            "weitere",
            "weiteren",
        }:
            continue
        return word[0].isupper() and cues.is_action_noun(word)
    return False


# "die Kooperation mit den Trägern der kirchlichen und der freien Wohlfahrtspflege": a
# lower-case word straight after an article is an adjective whose noun is left out before
# "und" (it comes with the next conjunct), never an infinitive ending a clause. So the
# two conjuncts are attributes of one noun, and the "und" joins no two commitments.
# "das"/"dies" are left out (as pronouns they stand before a verb: "das verhindern"), and
# so is an article after a comma (a relative pronoun: "Vereine, die ausbilden"). A
# quantifier, possessive or demonstrative works as the article ("dass alle finanziellen und
# rechtlichen Verflechtungen veröffentlicht werden", written; "in seiner thematischen und
# regionalen Vielfalt sicherstellen", Bund 2018).
_ARTICLE_THEN_LAST_WORD = re.compile(
    r"(?:^|[^,\s]\s+)(?:der|des|dem|den|die|eine|einer|eines|einem|einen|"
    r"(?:all|kein|viel|beid|unser|ihr|sein|dies|jed)(?:e|en|er|em|es))"
    r"\s+[a-zäöüß]+\W*$"
)


def _ends_with_verb(text: str) -> bool:
    return cues.ends_with_verb(text) and not _ARTICLE_THEN_LAST_WORD.search(text)


def _is_clause_with_verb(text: str) -> bool:
    return _ends_with_verb(text) and _tokens(text) >= MIN_PART_TOKENS


def trim_justification(text: str) -> str:
    """Cut a causal clause or a dash-led justification off the end of a commitment."""
    masked = _masked(text)
    match = cues.JUSTIFICATION.search(masked)
    if match and _tokens(text[: match.start()]) >= MIN_PART_TOKENS + 1:
        return text[: match.start()]
    dash = _DASH_TAIL.search(masked)
    if dash:
        head, tail = text[: dash.start()], text[dash.end() :]
        tail_is_clause = bool(cues.MODAL.search(tail)) or cues.has_finite_verb(tail)
        # Only a head that is a commitment by itself ("Keine Erhöhung der Gebühren – ...")
        # sheds its tail; "Zur Erreichung der CO 2 - Einsparungen werden wir ..." does not.
        head_commits = _starts_with_action(head) or bool(re.match(r"(?i)keine?n?\b", head))
        if tail_is_clause and head_commits and _tokens(head) >= MIN_PART_TOKENS:
            return head
    return text


def _cuts(text: str) -> list[tuple[int, int]]:
    """Boundaries (end of left part, start of right part) where `text` may be cut."""
    masked = _masked(text)
    cuts: list[tuple[int, int]] = []
    for match in _SOWIE.finditer(masked):
        right = text[match.end() :]
        left = text[: match.start()]
        if _tokens(left) < MIN_PART_TOKENS or _tokens(right) < MIN_PART_TOKENS:
            continue
        genitive_ellipsis = re.match(r"(eines|einer|des|der)\s+[A-ZÄÖÜ]", right)
        if (
            _starts_with_action(right)
            or genitive_ellipsis
            or (_ends_with_verb(left) and _is_clause_with_verb(right))
        ):
            cuts.append((match.start(), match.end()))
    for match in _UND_THEN.finditer(masked):
        cuts.append((match.start(), match.end()))
    for match in _UND_ACTION.finditer(masked):
        left, right = text[: match.start()], text[match.end() :]
        if _tokens(left) >= MIN_PART_TOKENS and _tokens(right) >= MIN_PART_TOKENS:
            last = cues.words(left)[-1:]
            between_nouns = bool(last) and cues.is_action_noun(last[0])
            # Only a list of demanded actions splits ("Ausbau X und Erhöhung Y", "wir fordern
            # X und Y"), not two subjects of one predicate ("X und Y hat Vorrang").
            demanded = _starts_with_action(left) or bool(
                cues.DEMAND.search(left) or cues.MODAL.search(left)
            )
            if (
                _starts_with_action(right)
                and demanded
                and not _ends_with_verb(left)
                and not between_nouns
            ):
                cuts.append((match.start(), match.end()))
    if _STANCE_DECLARED.match(text):
        for match in _UND_STANCE.finditer(masked):
            if _tokens(text[: match.start()]) >= MIN_PART_TOKENS:
                cuts.append((match.start(), match.end()))
    for match in _COMMA_ACTION.finditer(masked):
        left, right = text[: match.start()], text[match.end() :]
        # A list of actions, not an infinitive clause (", die Wirkung ... einschätzen zu
        # können") or a clause that only the demand before it makes a pledge.
        listed = _starts_with_action(left) or bool(cues.DEMAND.search(left))
        infinitive = bool(
            re.search(r"\bzu\s+[a-zäöüß]+\W*$|\b[a-zäöüß]+zu[a-zäöüß]+en\W*$", right.split(",")[0])
        )
        if _tokens(left) >= MIN_PART_TOKENS and listed and not infinitive:
            cuts.append((match.start(), match.end()))
    for match in _DASH_COMPONENT.finditer(masked):
        if _tokens(text[: match.start()]) >= MIN_PART_TOKENS and _starts_with_action(
            match.group(1)
        ):
            cuts.append((match.start(), match.end()))
    cuts += _semicolon_cuts(text, masked)
    cuts += _both_and_cuts(text, masked)
    cuts += _contrast_cuts(text, masked)
    cuts += clauses.main_clause_cuts(text, masked)
    cuts += clauses.comma_main_clause_cuts(text, masked)
    cuts += clauses.dass_list_cuts(text, masked)
    if not _SUBORDINATE_OPENING.match(text):
        cuts += _clause_cuts(text, masked)
    return admissible_cuts(text, masked, cuts)


def _clause_cuts(text: str, masked: str) -> list[tuple[int, int]]:
    """Cuts at "und" or a comma between two clauses that each end in their verb."""
    cuts: list[tuple[int, int]] = []
    for pattern, need_subject in ((_UND, False), (_COMMA, True)):
        for match in pattern.finditer(masked):
            left, right = text[: match.start()], text[match.end() :]
            # Both sides must be clauses of their own: the left ends in its verb, the
            # right brings its own object or subject ("X stärken und Y ausbauen").
            chain = _infinitive_chain(left, right, pattern is _COMMA)
            subordinate = _SUBORDINATE_START.match(right) is not None and not (
                (pattern is _UND or chain) and _ARTICLE_BEFORE_NOUN.match(right)
            )
            second_predicate = pattern is _UND and _second_predicate(left, right)
            if subordinate or not (_OWN_OBJECT.match(right) or second_predicate):
                continue
            if _adjectives_of_one_noun(left, right) or clauses.LONE_WORD_AFTER_COMMA.search(left):
                continue
            # "..., um die Luft zu verbessern und den Lärm zu senken" (written): the parts
            # of a purpose clause say why, they commit to nothing of their own.
            if "," in left and clauses.PURPOSE.match(left.rsplit(",", 1)[-1]):
                continue
            if not _ends_with_verb(left) or _tokens(left) < MIN_PART_TOKENS:
                continue
            # Inside a relative clause ("Gewerbe, die sich ... einsetzen und Konzepte
            # vorlegen") the "und" joins two predicates of one subject.
            if "," in left and _RELATIVE.match(left.rsplit(",", 1)[-1]) and not chain:
                continue
            right_clause = right.split(",")[0] if need_subject else right
            if not _is_clause_with_verb(right_clause):
                continue
            if need_subject and not (right[:1].isupper() and cues.MODAL.search(left)) and not chain:
                continue
            # A comma that closes a subordinate clause ("wenn wir ... handeln, X") joins
            # nothing coordinate.
            if (
                need_subject
                and not chain
                and cues.SUBORDINATE_CLAUSE.match(left.rsplit(",", 1)[-1])
            ):
                continue
            cuts.append((match.start(), match.start() + len(match.group())))
    return cuts


# Words before an attributive adjective, where a verb ending its clause would not stand
# right after them: "Wir wollen gesunden und nachhaltigen Tourismus fördern" (written)
# coordinates two adjectives of one noun, "Gebühren senken und kostenlose Kurse anbieten"
# two clauses (the verb follows its object).
_BEFORE_ADJECTIVE_TEXT = (
    "wir ihr sie uns es für mit von vom zu zur zum in im an am auf bei nach aus durch über "
    "unter gegen ohne um und oder sowie wollen möchten sollen müssen werden will soll muss "
    "sehr besonders mehr noch"
)
_BEFORE_ADJECTIVE = frozenset(_BEFORE_ADJECTIVE_TEXT.split())


def _adjectives_of_one_noun(left: str, right: str) -> bool:
    """Whether "und" joins two adjectives of one noun rather than two clauses: the right
    opens with an adjective whose ending the left's last word shares, and that word stands
    where an adjective stands, not after its object."""
    if not re.match(_ADJECTIVE_BEFORE_NOUN, right):
        return False
    found = cues.words(left)
    adjective = cues.words(right)[0]
    ending = re.search(r"(?:e|en|em|er|es)$", adjective)
    if not found or ending is None or not found[-1].endswith(ending.group()):
        return False
    return len(found) < 2 or found[-2].lower() in _BEFORE_ADJECTIVE


def _contrast_cuts(text: str, masked: str) -> list[tuple[int, int]]:
    """Cuts before "aber"/"doch" where both sides commit: the left by its verb, modal or
    action noun, the right by an action noun or a clause with its own subject and modal.
    "weiter gefördert, aber intensiver eingefordert werden" qualifies one commitment."""
    cuts = []
    for match in _CONTRAST.finditer(masked):
        left, right = text[: match.start()], text[match.end() :]
        opener = _CONTRAST_WORDS.match(right)
        rest = right[opener.end() :] if opener else ""
        if _tokens(left) < MIN_PART_TOKENS or _tokens(rest) < MIN_PART_TOKENS:
            continue
        left_commits = (
            _ends_with_verb(left)
            or _starts_with_action(left)
            or bool(cues.MODAL.search(left) or cues.DEMAND.search(left))
        )
        if _POINTS_BACK_RIGHT.match(rest):
            continue
        own_clause = bool(re.match(r"(?:wir|die|der|das)\s", rest)) and bool(
            cues.MODAL.search(rest)
        )
        if left_commits and (_starts_with_action(rest) or own_clause):
            cuts.append((match.start(), match.end()))
    return cuts


def _both_and_cuts(text: str, masked: str) -> list[tuple[int, int]]:
    """Cuts before "als auch" in "sowohl X als auch Y" where X and Y are objects of a verb
    that stands before "sowohl"."""
    sowohl = _SOWOHL.search(masked)
    if sowohl is None:
        return []
    before = text[: sowohl.start()]
    # The verb governs the pair: "stärken wir sowohl", "Es braucht sowohl"; not a noun's
    # attributes ("die Vervollständigung sowohl der Energieunion als auch ...", CDU/CSU
    # 2025) nor a relative clause ("..., die sowohl die Verwaltung als auch ... berät").
    previous = cues.words(before)[-1:]
    if not previous or not previous[0].islower() or previous[0] in _ARTICLE_WORDS:
        return []
    if "," in before and cues.SUBORDINATE_CLAUSE.match(before.rsplit(",", 1)[-1]):
        return []
    match = _ALS_AUCH.search(masked, sowohl.end())
    if match is None:
        return []
    first, right = text[sowohl.end() : match.start()], text[match.end() :]
    second = right[_ALS_AUCH_WORDS.match(right).end() :]  # type: ignore[union-attr]
    # The pair ends the clause: no verb after it, up to a comma or the end.
    tail = second.split(",")[0]
    if cues.ends_with_verb(tail):
        return []
    if not (_OWN_OBJECT.match(first) and _OWN_OBJECT.match(second)):
        return []
    if _tokens(first) < 1 or _tokens(second) < 1:
        return []
    return [(match.start(), match.end())]


def _semicolon_cuts(text: str, masked: str) -> list[tuple[int, int]]:
    cuts = []
    for match in _SEMICOLON.finditer(masked):
        left, right = text[: match.start()], text[match.end() :].split(";")[0]
        if _tokens(left) < MIN_PART_TOKENS or _ILLUSTRATES.match(right):
            continue
        left_commits = _ends_with_verb(left) or bool(cues.MODAL.search(left.rsplit(";", 1)[-1]))
        right_commits = bool(cues.MODAL.search(right)) or _ends_with_bare_infinitive(right)
        if left_commits and right_commits:
            cuts.append((match.start(), match.end()))
    return cuts


def _infinitive_chain(left: str, right: str, at_comma: bool) -> bool:
    """Whether the cut falls in a list of bare infinitive clauses, "A erhalten, die B
    verkürzen und die C sicherstellen", where each clause brings its own object
    after the comma. A "die" after a comma is then an article, not a relative
    pronoun ("eine Stadt, die X stärkt und Y bewahrt" ends in finite verbs); the
    list is told by its "und" before a last clause of the same form.
    """
    if at_comma:
        clause = right.split(",")[0]
        head, und, tail = clause.partition(" und ")
        # The first clause of the list opens the passage or follows a comma that
        # is no relative clause's ("den Institutionen, die Aufgaben übernehmen, ...").
        first = left.rsplit(",", 1)[-1] if "," in left else ""
        return (
            bool(und)
            and not _RELATIVE.match(first)
            and _ARTICLE_BEFORE_NOUN.match(right) is not None
            and _ends_with_bare_infinitive(left)
            and _ends_with_bare_infinitive(head)
            and _ends_with_bare_infinitive(tail)
        )
    if "," not in left:
        return False
    before, _, middle = left.rpartition(",")
    return (
        _ARTICLE_BEFORE_NOUN.match(middle.strip()) is not None
        and _ends_with_bare_infinitive(before)
        and _ends_with_bare_infinitive(middle)
        and _ends_with_bare_infinitive(right)
    )


# "die Seilbahn erhalten und in den Nahverkehr einbinden": a second predicate that
# brings its own prepositional complement can be fulfilled on its own.
# The complement may open with an adjective instead of an article ("die Bauhöfe erhalten
# und mit neuen Kehrmaschinen ausrüsten", "im ländlichen Raum ansiedeln", written).
_PREPOSITIONAL_START = re.compile(
    rf"^(?:in|an|auf|mit|für|zu|zur|zum|im|am|ins|ans|über|unter)\s+"
    rf"(?:{_ARTICLE}\s|{_ADJECTIVE_BEFORE_NOUN})"
)


def _second_predicate(left: str, right: str) -> bool:
    return (
        _PREPOSITIONAL_START.match(right) is not None
        and _ends_with_bare_infinitive(left)
        and _ends_with_bare_infinitive(right)
    )


def _ends_with_bare_infinitive(text: str) -> bool:
    """A clause ending in an infinitive without "zu" ("die Rettungszeiten verkürzen")."""
    found = cues.words(text)
    if len(found) < 2 or found[-2].lower() == "zu":
        return False
    last = found[-1]
    return last[0].islower() and last.endswith(("en", "ern", "eln")) and _ends_with_verb(text)


def split_text(text: str) -> list[tuple[int, int]]:
    """The spans of the atomic commitments in one passage, relative to `text`."""
    body = trim_justification(text.rstrip(" .;!"))
    spans: list[tuple[int, int]] = []
    start = 0
    for left_end, right_start in _cuts(body):
        if left_end <= start:
            continue
        spans.append((start, left_end))
        start = right_start
    spans.append((start, len(body)))
    return [(s, e) for s, e in spans if _tokens(text[s:e]) >= 1]


def _statements(doc: DetectedDocument) -> Iterator[Statement]:
    source = doc.outlined.clean.text
    for candidate in doc.candidates:
        first, last = candidate.segments[0], candidate.segments[-1]
        passage = source[first.start : last.end]
        if len(candidate.segments) == 1:
            spans = split_text(passage)
        else:
            # The first sentence is cut as usual; the sentences that complete it
            # extend its last part.
            spans = split_text(source[first.start : first.end])
            end = len(trim_justification(passage.rstrip(" .;!")))
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        for s, e in spans:
            s += len(passage[s:e]) - len(passage[s:e].lstrip(" ,;–-"))
            start, end = first.start + s, first.start + e
            text = " ".join(source[start:end].split())
            if not text:
                continue
            yield Statement(text=text, start=start, end=end, page=first.page, section=first.section)


@stage("split", 6)
def split(doc: DetectedDocument) -> SplitDocument:
    return SplitDocument(outlined=doc.outlined, statements=tuple(_statements(doc)))
