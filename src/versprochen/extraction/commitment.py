"""commitment: whether a sentence's own verbs commit its authors.

Detect asks this of a sentence, of a list's lead completed by its item and of a
short sentence that points back, asks whether the authors' perfect tense only
reports what they did, and whether an item's verb is finite after its subject.
These rules need the cues and nothing of detect's other checks, so they live
here and detect imports them, never the reverse.
"""

from __future__ import annotations

import re

from versprochen.extraction import cues

# "Die PIRATEN wollen ...", "Die Koalition will ...": the authors named as the subject.
_AUTHORS_AS_SUBJECT = re.compile(
    r"^(?:[Dd]ie|[Dd]er|[Uu]nsere?)\s+(?:[A-ZÄÖÜ][\w-]*\s+){0,2}[A-ZÄÖÜ]{3,}\b|"
    r"^(?:[Dd]ie|[Dd]er)\s+(?:[A-ZÄÖÜ][\w-]*\s+)?(?:[Pp]artei|[Ff]raktion|[Kk]oalition|"
    r"[Pp]artner|[Vv]ertragspartner|[Kk]ooperationspartner|[Kk]oalitionspartner)",
)

# "Mit dem Münster-Pass haben wir ein umfassendes Instrument geschaffen, mit dem wir ...",
# "Bereits 2010 haben wir den Pass wieder einführen können" (Münster SPD 2014): the
# authors' perfect tense in the main clause reports what they did (guideline §2, credit
# claiming); a modal or future in a later clause ("... und werden weiter daran
# festhalten") still commits.
_CREDIT = cues.Folded(
    r"^(?:[^,]*?\b)?(?:haben\s+wir|wir\s+haben)\b[^,]*?\b(?:ge[a-zäöüß]+(?:t|en)|"
    r"[a-zäöüß]+(?:iert|ge[a-zäöüß]+(?:t|en))|[a-zäöüß]+en\s+können)\b"
)
_STILL_COMMITS = cues.Folded(
    r"\b(?:werden\s+wir|wir\s+werden|und\s+werden|wollen|will|möchten|soll|sollen|muss|müssen)\b"
)
# "Wir haben uns fest vorgenommen unser Pflegesystem zu verbessern" (SPD 2025): a perfect
# that states a resolution looks ahead, it is a commitment, not a record.
_RESOLVED = cues.Folded(r"\b(?:vorgenommen|(?:zum|als)\s+ziel\s+gesetzt)\b")


def claims_credit(text: str) -> bool:
    return (
        bool(_CREDIT.search(text))
        and not _STILL_COMMITS.search(text)
        and not _RESOLVED.search(text)
    )


_COMMITMENT: tuple[cues.Folded | re.Pattern[str], ...] = (
    cues.MODAL,
    cues.ZU_INFINITIVE,
    cues.DEMAND,
)


def stem_commits(lead: str, item: str) -> bool:
    """Whether a lead commits, alone ("Wir fordern:") or completed by its item
    ("Wir stehen" + "für eine zweite Fähre")."""
    return commits(lead) or commits(f"{lead.rstrip().rstrip(':')} {item}")


def commits(text: str) -> bool:
    for pattern in _COMMITMENT:
        for match in pattern.finditer(text):
            before = text[: match.start()]
            clause = before.rsplit(",", 1)[-1] + " "
            opener = cues.SUBORDINATE_CLAUSE if "," in before else cues.SUBORDINATE_OPENER
            if opener.match(clause):
                continue
            if cues.NEED_NOT.match(text, match.start()):
                continue
            if cues.VOLITIONAL.fullmatch(match.group()) and (
                cues.GENERIC_SUBJECT.match(text)
                or (not cues.FIRST_PERSON.search(text) and not _AUTHORS_AS_SUBJECT.match(text))
            ):
                continue
            return True
    authors = cues.FIRST_PERSON.search(text) or _AUTHORS_AS_SUBJECT.match(text)
    return bool(authors and cues.FIRST_PERSON_DEMAND.search(text))


# Words that stand between a sentence's subject and its verb, or open a
# phrase: they are neither the verb nor what follows it.
_FUNCTION_WORD_TEXT = (
    "und oder sowie der die das den dem des ein eine einen einem einer eines ihre ihren ihrer "
    "ihr sein seine unsere unser unseren für in im an am auf aus bei mit nach von vom zu zur "
    "zum über unter vor durch gegen ohne um als wie auch nur noch schon sehr"
)
_FUNCTION_WORDS = frozenset(_FUNCTION_WORD_TEXT.split())
_COORDINATION = frozenset({"und", "oder", "sowie", "bzw"})


def second_position_verb(text: str) -> bool:
    """A finite plural verb after the subject ("Viele Familien ziehen ins Umland").

    Its form is the infinitive's, but an infinitive item ends with its verb
    ("Radwege ausbauen", "Radwege bauen und Straßen sanieren"); a finite verb
    in second position is followed by its complements.
    """
    found = cues.words(text)
    for index, word in enumerate(found[1:-1], start=1):
        if not word[0].islower() or word in _FUNCTION_WORDS:
            continue
        if not word.endswith(("en", "ern", "eln")):
            return False
        following = found[index + 1]
        # Before a noun the word is an adjective ("die vielen Einpendler").
        if following[0].isupper() or following in _COORDINATION:
            return False
        return text.find(word + ",") < 0
    return False
