"""What a single word says about being (part of) the name of a place or a body.

German capitalises every noun, so capitals alone do not mark a name. A word
counts as a name when the German lemma list does not know it and it is not
a compound of known words ("Ofenerdiek", Oldenburg 2026; "Hiltrup", Münster
CDU 2014), or when it is an acronym; a word with the shape of a place name
is one where a place cue stands before it ("in Solingen", "Stadtteil Wald"). `places` scans a text
with these judgements; they look at the word and at most the word before it.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib.resources import files

from versprochen.extraction.coding.gates import Parts
from versprochen.extraction.coding.lemmas import compound_of_known as _compound_of_known
from versprochen.extraction.coding.lemmas import english_word as _english_word
from versprochen.extraction.coding.lemmas import first_part_forms, genitive_forms, lemma_of
from versprochen.extraction.coding.lemmas import known as _known
from versprochen.extraction.coding.lexicon import load

PLACES_LEXICON = "coding-places.txt"
NAME_LISTS = "coding-names.txt"

_ACRONYM = re.compile(r"^[A-ZÄÖÜ]{2,6}$")
# Derived abstract nouns are never places, though the lemma list may not know
# them ("Ambulantisierung", "Reparierbarkeit", "Modularität").
_ABSTRACT_ENDINGS = ("ung", "ungen", "heit", "heiten", "keit", "keiten", "tät", "täten", "ismus")
# A Roman numeral is a number, not a name ("SGB XII", "Teil IV"); after a
# site's name it numbers a part of the site ("Netz Spandau II").
ROMAN = re.compile(r"^(?:I{1,3}|IV|V|VI{1,3}|IX|X|XI{1,3}|XIV|XV)$")
# Heads of three letters that end ordinary compounds after a known first part
# of at least this many letters: "Städtebau", "Heizungsart" ("Bau", "Art";
# Bund 2021, CDU/CSU 2025);
# shorter first parts leave names ("Frontex", "Ahrtal") alone.
_MIN_SHORT_HEAD_MODIFIER = 5
# Longer heads that a compound ends in although a toponym ending closes them:
# "Transparenzportal" ("tal"), "Energiemonitoring" ("ring"), "Wachstumsumfeld"
# ("feld"), "Wissenschaftshauptstadt" (Bund 2021, Oldenburg Grüne 2026,
# SPD 2025, Berlin 2021) name things, not places. The head is a noun of at
# least this many letters after a known first part of at least
# `_MIN_EMBEDDING_MODIFIER`: "Holst-erhausen" or "Hat-tingen" are no split
# ("erhausen" is no noun, "Hat" too short), and the town keeps its ending.
_MIN_EMBEDDING_HEAD = 6
_MIN_EMBEDDING_MODIFIER = 4
# The shortest word before a place ending in a settlement's name ("Neu-stadt", "Alt-dorf").
_MIN_TOWN_PART = 3


@cache
def word_lists() -> dict[str, frozenset[str]]:
    """The plain word lists of the names data file, by section."""
    text = files("versprochen.extraction").joinpath(f"data/{NAME_LISTS}").read_text("utf-8")
    lists: dict[str, set[str]] = {}
    section = ""
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if line.startswith("["):
            section = line.strip("[]")
        elif line:
            lists.setdefault(section, set()).update(w.lstrip("~") for w in line.split())
    return {k: frozenset(v) for k, v in lists.items()}


@cache
def _toponym_endings() -> frozenset[str]:
    return word_lists()["toponym"]


@lru_cache(maxsize=65536)
def has_toponym_ending(word: str) -> bool:
    lower = word.lower()
    endings = _toponym_endings()
    # The ending leaves at least three letters of the name before it.
    return any(lower[-n:] in endings for n in range(1, len(lower) - 2))


# What a word alone says about being (part of) a name; see `is_name`.
Evidence = tuple[bool | None, tuple[str, ...], bool, bool, bool]


@lru_cache(maxsize=65536)
def evidence(word: str) -> Evidence:
    """Whether `word` is a name whatever stands around it (True or False), or None.

    With None follow the capitalised parts of a hyphenated word, each judged
    on its own, or else whether the word has a place-name ending, whether it
    is unknown, and whether its ending closes an ordinary word inside it
    that is made like a town's name ("Berg-neustadt", not "Transparenz-portal"):
    then the words around it decide.
    """
    lists = word_lists()
    if word.lower() in lists["not_a_name"] or not word[0].isupper():
        return False, (), False, False, False
    if ROMAN.match(word):
        # "SGB XII", "Teil IV": a number, not a name.
        return False, (), False, False, False
    if _ACRONYM.match(word) or _ACRONYM.match(word.removesuffix("s")):
        # "LKWs": the plural of a common acronym is as common.
        if word.removesuffix("s") in lists["common_acronym"] or _shouted(word):
            return False, (), False, False, False
        return True, (), False, False, False
    parts = word.split("-")
    # A common acronym spelt with a hyphen is as common: "W-LAN" (the 2021
    # manifesto sample: "Züge mit flächendeckendem W-LAN").
    if len(parts) > 1 and "".join(parts).upper() in lists["common_acronym"]:
        return False, (), False, False, False
    if len(parts) > 1:
        named = tuple(p for p in parts if p[:1].isupper())
        if not named or _thing_head(parts[-1]):
            return False, (), False, False, False
        return None, named, False, False, False
    if len(word) < 3 or word.isdigit() or word.lower().endswith(_ABSTRACT_ENDINGS):
        return False, (), False, False, False
    # "KiTa", "BürgerInnen": house spellings of ordinary words.
    unknown = not _known(word) and not _known(word.capitalize())
    if unknown and not (_compound_of_known(word) or _short_head_compound(word)):
        # An English word in a German text is a term ("Carbon Leakage",
        # "Vision Zero", "Housing First"; Bund 2021, Berlin 2021), a name
        # only where a place is expected ("in London").
        if _english_word(word):
            return None, (), True, False, False
        return True, (), False, False, False
    if not unknown and _inflected_noun(word):
        return False, (), False, False, False
    # A known word keeps its ending: it needs a place cue before it anyway
    # ("im Bahnhofsumfeld" is somewhere in town).
    toponym = has_toponym_ending(word)
    hiding = _hiding_head(word) if unknown and toponym else ""
    return None, (), toponym and not hiding, unknown, bool(hiding) and _made_like_town(hiding)


def _shouted(word: str) -> bool:
    """Whether an all-capital word is an ordinary word set in capitals for stress.

    "der Aktionsplan „In FORM“" (Bund 2018), "OLDENBURG MIT SOLIDEN FINANZEN"
    (Oldenburg Volt 2026): a word that
    the lemma list knows in lower case as an adjective, verb or particle is
    no acronym. Nouns in capitals ("NATO", "UNESCO") stay names.
    """
    if len(word) < 4:
        return False
    lower = word.lower()
    lemma = lemma_of(lower)
    return _known(lower) and lemma[:1].islower() and lemma != lower.removesuffix("s")


def _short_head_compound(word: str) -> bool:
    """Whether `word` ends in a known three-letter noun after a known first part.

    "Städtebau", "Radwegebau", "Kulturzug" (Bund 2021, Münster SPD 2014,
    Berlin 2021): the lemma list knows the parts, and the compound is as
    ordinary as they are.
    """
    lower = word.lower()
    head, modifier = lower[-3:], lower[:-3]
    # The head is a noun ("Bau", "Art"), not a word run on from the next
    # ("Wohn- und" read as "Wohnund").
    if len(modifier) < _MIN_SHORT_HEAD_MODIFIER or not lemma_of(head.capitalize())[:1].isupper():
        return False
    # A place's or a body's head keeps the name ("Weißensee", "Ernährungsrat",
    # Berlin 2021), and so do capitals inside the word ("CityLAB").
    if head in _toponym_endings() or begins_institution(head) or not word[1:].islower():
        return False
    # A head that is a word of its own in lower case is no noun of a compound:
    # "Stein-ach" ends in the interjection "ach", and the town keeps its name.
    if not _known(head.capitalize()) or lemma_of(head) == head:
        return False
    stems = first_part_forms(modifier)
    return any(len(m) >= _MIN_SHORT_HEAD_MODIFIER and _known(m.capitalize()) for m in stems)


def _hiding_head(word: str) -> str:
    """The longer ordinary head whose end the word's toponym ending only is, or "".

    "Transparenzportal" ends in "Portal", "Energiemonitoring" in "Monitoring",
    "Sozialhilfeportal" (Berlin 2021) in "Portal", "Wissenschaftshauptstadt"
    in "Hauptstadt": a known noun longer than the place ending, and no kind of
    site itself (the "Bahnhof" of "Nordbahnhof" is one), makes a thing. So
    does a verb's infinitive, which a compound turns into a noun:
    "Rahmenbedingen" (Bund 2025, for "Rahmenbedingungen") ends in "bedingen",
    "Turmspringen" (written) in "springen", not in the "-ingen" of a town.
    """
    lower = word.lower()
    endings, sites = _toponym_endings(), word_lists()["site_head"]
    for n in range(_MIN_EMBEDDING_HEAD, len(lower) - _MIN_EMBEDDING_MODIFIER + 1):
        head, modifier = lower[-n:], lower[:-n]
        if head in endings or any(head.endswith(site) for site in sites):
            continue
        ending = max((e for e in endings if len(e) < n and head.endswith(e)), key=len, default="")
        if not ending or not _ordinary_head(head, ending):
            continue
        # A capital opens the head ("SocialMediaMonitoring", Bund 2025), or a
        # known word or compound comes before it ("Kinderchancen-portal", Bund 2025).
        if word[-n].isupper() or any(
            len(m) >= _MIN_EMBEDDING_MODIFIER and (_known(m.capitalize()) or _compound_of_known(m))
            for m in first_part_forms(modifier)
        ):
            return head
    return ""


def _made_like_town(head: str) -> bool:
    """Whether an ordinary head is itself a known word and a place ending.

    "Neustadt", "Altdorf": a town named with it ends in a settlement's name
    ("Bergneustadt", written); "Kapital", "Monitoring", "Portal" end in the
    letters of a place ending, not in a word before one ("Kapi-tal").
    """
    for ending in _toponym_endings():
        first = head.removesuffix(ending)
        if first != head and len(first) >= _MIN_TOWN_PART and _known(first):
            return True
    return False


def _ordinary_head(head: str, ending: str) -> bool:
    """Whether a compound's lower-case last part is a known noun or a verb's infinitive.

    An infinitive counts only where the place ending inside it is no word:
    "bedingen" holds the letters of "-ingen", while "erhausen" is made of
    "hausen", a verb as much as a town's ending ("Holst-erhausen", written).
    """
    if not _known(head.capitalize()):
        return False
    lemma = lemma_of(head.capitalize())
    return lemma[:1].isupper() or (lemma == head and not _known(ending))


def _inflected_noun(word: str) -> bool:
    """Whether a known word is a common noun in a form other than its own.

    Place names take no endings but the genitive "s": "Flüchtlingen" (Bund
    2018: "von Flüchtlingen") is "Flüchtling" in the dative plural, however
    much "-ingen" looks like "Solingen".
    """
    lemma = lemma_of(word)
    return lemma[:1].isupper() and lemma not in genitive_forms(word) and _known(lemma)


def _thing_head(head: str) -> bool:
    """Whether the last part of a hyphenated word is an ordinary noun, not a site.

    A hyphenated compound is named for its first part and is the kind of
    thing its last part says: "ODA-Quote", "EEG-Umlage" and "VHS-Kursen" are
    no places, "Schumacher-Quartier" and "Picasso-Museum" are.
    A site's kind ("-Kanal", "-Platz", "-Areal": the toponym endings) or a
    house's ("-Museum", "-Schule": the site heads and institutions) makes the
    compound a place; any other known noun makes it a thing.
    """
    # An acronym names something ("Plenum-TV"); a genitive keeps its site ("des ...-Kanals").
    if not head[:1].isupper() or _ACRONYM.match(head):
        return False
    for form in genitive_forms(head):
        lower = form.lower()
        if has_toponym_ending(form) or lower in _toponym_endings() or begins_institution(form):
            return False
        if any(lower.endswith(site) for site in word_lists()["site_head"]):
            return False
    return _known(head) or _compound_of_known(head)


def is_name(word: str, previous: str, sentence_start: bool) -> bool:
    """Whether `word`, after `previous`, is (part of) a proper name."""
    verdict, parts, toponym, unknown, town_head = evidence(word)
    if verdict is not None:
        return verdict
    if parts:
        return any(is_name(p, previous, sentence_start) for p in parts)
    return not sentence_start and named_by_context(previous, toponym, unknown, town_head)


def named_by_context(previous: str, toponym: bool, unknown: bool, town_head: bool = False) -> bool:
    """Whether a word that might be a name is one where no sentence starts with it.

    A word whose place ending closes an ordinary word made like a town's
    name is a town's name only where a preposition stands before it without
    an article: "nach Bergneustadt" (written), as towns take none, while a
    thing in the singular does ("die Vielfalt der Wissenschaftshauptstadt",
    Berlin 2021).
    """
    if toponym and unknown:
        return True
    cue = previous.lower()
    if cue in word_lists()["strong_place_cue"]:
        return True
    if town_head:
        return cue in word_lists()["town_preposition"]
    return cue in word_lists()["place_cue"] and toponym


def site_before_name(word: str) -> bool:
    """Whether a known noun for a kind of site heads the name after it.

    "bis zum Bahnhof Gartenfeld", "Sportforum Hohenschönhausen" (Berlin
    2021), "des Bürgerhauses Ofenerdiek" (Oldenburg 2026): the site is named
    for its district, and the pledge is tied to the site. "Stadt", "Kreis"
    and the like only say that a town's name follows ("Stadt Solingen").
    """
    lower = word.lower()
    # "Partnerstadt Windhoek" (Berlin 2021), "Kreis Heinsberg": a town's name follows.
    if lower in word_lists()["place_cue"] or lower.endswith(
        tuple(word_lists()["strong_place_cue"])
    ):
        return False
    if not (_known(word) or _compound_of_known(word)) or not names_site(word):
        return False
    return singular_noun(word) and lemma_of(word)[:1].isupper()


def names_site(word: str) -> bool:
    """Whether a noun's head is a kind of site or house ("Freibad", "Bürgerhauses", "Rathaus")."""
    for form in genitive_forms(word):
        lower = form.lower()
        if has_toponym_ending(form) or lower in _toponym_endings():
            return True
        if any(lower.endswith(site) for site in word_lists()["site_head"]):
            return True
        hits = load(PLACES_LEXICON).hits(form)
        if any(h.end == len(form) for h in hits if h.label == "institution"):
            return True
    return False


def singular_noun(word: str) -> bool:
    """Whether a noun may head the name after it: in the singular, and no agent.

    "Sportforum Hohenschönhausen" (Berlin 2021), "des Bürgerhauses
    Ofenerdiek" (Oldenburg 2026) name one house; a
    plural or dative ("in Bündnissen NATO", Bund 2018; "die Stadtquartiere
    Gartenfeld", Berlin 2021) or an agent ("mit dem Anbieter ...") stands
    before the name of another thing.
    """
    if not _known(word):
        return True
    lemma = lemma_of(word)
    if lemma not in genitive_forms(word):
        return False
    return not _agent(word)


def many_or_abstract(word: str) -> bool:
    """Whether a known noun names an abstract thing, or several that are no sites.

    "Buckower Felder" (Berlin 2021) are fields, a site; "Betriebe" are not.
    """
    if word.lower().endswith(_ABSTRACT_ENDINGS):
        return True
    if not _known(word):
        return False
    lemma = lemma_of(word).replace("ß", "ss")
    plural = len(lemma) < len(word.replace("ß", "ss")) and lemma != word.removesuffix("s")
    return plural and _thing_head(lemma)


def adjective_of_place(word: str) -> bool:
    """Whether a capitalised word ending like an adjective is one, not a noun.

    Nouns in the dative plural end in "-en" and agents in "-er" as adjectives
    do: "in Bündnissen NATO" (Bund 2018), "mit dem Anbieter ..." name a
    thing before the name, which does not belong to it. An adjective
    is unknown to the lemma list ("Johannisthaler", Berlin 2021), lemmatised in lower case
    ("Städtischen" -> "städtisch"), or a town's "-er" form that is no agent
    of a verb ("Leipziger", not "Anbieter" from "anbieten").
    """
    lower = word.lower()
    if not _known(word) and not _known(lower):
        return True
    lemma = lemma_of(lower)
    if lemma[:1].islower():
        return True
    return word.endswith("er") and lemma == word and not _agent(word)


def town_with_adjective(word: str) -> bool:
    """Whether a known word is a town's name: the lemma list knows its adjective of place.

    "Universität Leipzig" (written), "Universität Oldenburg" (Oldenburg Grüne
    2026): "Leipziger", "Oldenburger" are known, and a common noun forms no
    such adjective ("Forschunger"). An agent of a verb ("Arbeiter" from
    "arbeiten") shares the form, and so does no abstract noun.
    """
    if not word[:1].isupper() or word.lower().endswith(_ABSTRACT_ENDINGS):
        return False
    return _known(word + "er") and lemma_of(word) == word and not _agent(word + "er")


def _agent(word: str) -> bool:
    """Whether a word in "-er" names who does what a known verb says ("Anbieter": "anbieten")."""
    return word.endswith("er") and _known(word.lower()[:-2] + "en")


@cache
def institution_heads() -> Parts | None:
    heads = load(PLACES_LEXICON).first_words()
    return Parts(heads) if heads is not None else None


@lru_cache(maxsize=65536)
def begins_institution(word: str) -> bool:
    heads = institution_heads()
    return heads is None or bool(heads.find(word.lower()))
