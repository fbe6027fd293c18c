"""Named places and institutions a pledge is tied to, without a gazetteer.

A run of capitalised words is a name when one of them is judged a name on
its own or after a place cue (`place_words`), unless it is part of a term
("Park & Ride"), a reference ("§ 34 BauGB") or an event ("BNE 2030").
Public bodies ("Rat", "Bezirksvertretungen", "Stadtbibliothek") come from a
short list of institution nouns.
"""

from __future__ import annotations

import re
from functools import lru_cache

from versprochen.extraction.coding.lemmas import compound_of_known as _compound_of_known
from versprochen.extraction.coding.lemmas import known as _known
from versprochen.extraction.coding.lemmas import lemma_of
from versprochen.extraction.coding.lexicon import load
from versprochen.extraction.coding.place_words import (
    PLACES_LEXICON,
    ROMAN,
    adjective_of_place,
    begins_institution,
    evidence,
    has_toponym_ending,
    institution_heads,
    is_name,
    many_or_abstract,
    named_by_context,
    names_site,
    singular_noun,
    site_before_name,
    town_with_adjective,
    word_lists,
)
from versprochen.extraction.coding.quantities import YEAR

_TOKEN = re.compile(r"[A-Za-zÄÖÜäöüß0-9][\wÄÖÜäöüß]*(?:-[\wÄÖÜäöüß]+)*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|[„\"'‚›»(–-]\s*)$")
# How far back a sentence start is looked for: punctuation plus some spaces.
_LOOKBACK = 8
# The first part of a compound whose head is left to the next word
# ("Planungs- und Genehmigungsverfahren") or of a gendered form
# ("Ärzt*innen", "Pädagog:innen") is no word of its own, let alone a name.
_FRAGMENT = re.compile(r"-(?:[\s,;]|$)|[*:_/]in(?:nen)?\b")
# Words joined by "&" make a term, not a name ("Park & Ride", "Bike & Ride");
# so does a hyphenated word with a lower-case part ("Park-and-Ride"): the
# parts of a name are capitalised ("Marx-Engels-Forum", Berlin 2021).
_LOWER_PART = re.compile(r"-[a-zäöüß]+-")
# Words joined by "+" or "and" make a term as "&" does ("Park+Ride", "Park and Ride").
# Searched in the text itself, not in a slice of it, so that "\b" sees the
# letter before "and": "im Land Brandenburg" joins nothing.
_JOINT_BEFORE = re.compile(r"(?:[&+]|\band)\s*$")
_JOINT_AFTER = re.compile(r"\s*(?:[&+]|and\b)")
# A reference abbreviation of a law, article or paragraph ("Abs. 3", "Art. 5",
# "§ 16h SGB II", "§ 34 BauGB", "Artikel 3 Abs. 3 GG") names a rule, not a place.
_MAX_ABBREVIATION = 5
_ABBREVIATION_DOT = re.compile(r"\.\s*\d")
_AFTER_REFERENCE = re.compile(r"(?:§§?|\bAbs\.|\bArt\.|\bArtikel|\bSatz|\bNr\.)\s*\d+[a-z]?\s+$")
_ROMAN_AFTER = re.compile(r"\s+(?:I{1,3}|IV|V|VI{1,3}|IX|X|XI{1,3})\b")
# A public body named in the plural stands for one town's bodies only with a
# determiner ("die Hochschulen", "den Berliner Hochschulen", "allen
# Jobcentern"); "an Hochschulen" or "Schulen und Hochschulen" are any.
_PLURAL_SUFFIX = ("n", "en")
_UMLAUT_PLURAL = re.compile(r"(?:äte|äten|üsse|üssen)$")
_DETERMINER = re.compile(
    r"die|der|den|unsere[nr]?|ihre[nr]?|seine[nr]?|alle[nr]?|diese[nr]?|beide[nr]?"
    r"|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|\d+",
    re.IGNORECASE,
)
# A genitive article right before a name ("des Rates", "eines Kommunalen ...",
# "des Flughafens Tegel", Berlin 2021).
_GENITIVE_ARTICLE = re.compile(
    r"\b(?:des|eines|unseres|seines|ihres|dieses|jedes)\s+(?:[A-ZÄÖÜ]\w*\s+)?$"
)
# Endings of names and nouns whose final "s" belongs to the word ("Campus").
_NO_GENITIVE_ENDINGS = ("us", "is", "os", "as", "ss", "ys", "ß")
# A body named by its remit ends in "für" in the lexicon ("Ausschuss für");
# its name runs on over the fields that follow ("Ausschuss für
# Integration und Migration", Oldenburg Grüne 2026).
_REMIT = re.compile(r" [A-ZÄÖÜ][\wÄÖÜäöüß-]*(?:(?:, | und )[A-ZÄÖÜ][\wÄÖÜäöüß-]*)*")
_OPEN_REMIT = re.compile(r" für$")
# The longest ending a body's name takes in a text ("Jobcentern", Bund 2021).
_MAX_ENDING = 3
# Where the head noun of a name ends: the words after it qualify it ("Rat der
# Stadt Oldenburg", "Ausschuss für Integration"; Oldenburg Grüne 2026), and
# only the head is inflected.
_AFTER_HEAD = re.compile(r" (?:für|der|des|von|vom|zur|zum) ")
# A name followed by a year is an event, an edition or a programme, not a
# place, when it is shaped like an abbreviation ("Masterplan „BNE 2030“",
# Berlin 2021; "des NAP 2020", Bund 2018), takes an article as towns do not
# ("Die Special Olympics 2023 in Berlin", "auf dem Weg zur Gesundheitsstadt
# 2030", Berlin 2021), heads a compound ("Natura 2000-Gebiete", written) or is
# a noun's attribute after "von" ("am Bedarf von Natura 2000", Bund 2018). A
# place cue keeps a town's year ("in Oldenburg 2027", written), and so does a
# town's name alone ("Hiltrup 2030 klimaneutral machen", written).
_YEAR_AFTER = re.compile(r"\s+" + YEAR)
_COMPOUND_AFTER = re.compile(r"-|\s+[A-ZÄÖÜ]")
_ARTICLE = re.compile(
    r"der|die|das|des|dem|den|ein|eine[mnrs]?|zur|zum|vom|im|am|beim|ins", re.IGNORECASE
)
_INNER_CAPITAL = re.compile(r"^[A-ZÄÖÜ]\w*[A-ZÄÖÜ]")
# A noun right after "als" says what something is or should be, not where:
# "Münster als Universitätsstadt" (Münster CDU 2014), "die Anerkennung als
# Universitätsklinikum" (Oldenburg BB 2026); a named place after "als" is a
# comparison ("mehr als ...") too rare to keep the rule from.
_ROLE_BEFORE = re.compile(r"\bals\s+$")


def _is_name_at(word: str, previous: str, text: str, position: int) -> bool:
    """`is_name` for the word at `position`, looking for a sentence start only if it matters."""
    verdict, parts, toponym, unknown, town_head = evidence(word)
    if verdict is not None:
        return verdict
    if parts:
        return any(_is_name_at(p, previous, text, position) for p in parts)
    named = named_by_context(previous, toponym, unknown, town_head)
    return named and not _starts_sentence(text, position)


@lru_cache(maxsize=8192)
def find_places(text: str) -> tuple[str, ...]:
    """Names of places and institutions in `text`, in order, as written."""
    tokens = list(_TOKEN.finditer(text))
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        word = token.group()
        # Most words are no name wherever they stand: no need to look around.
        if evidence(word)[0] is False or _FRAGMENT.match(text, token.end()):
            i += 1
            continue
        previous = tokens[i - 1].group() if i else ""
        # Few words are names: the terms and references they might be part of
        # are looked for only then.
        if _is_name_at(word, previous, text, token.start()) and not (
            _in_term(text, token) or _is_reference(text, token) or _is_role(text, token)
        ):
            first = i
            # A capitalised adjective of place before the name ("Johannisthaler
            # Chaussee", Berlin 2021).
            if first and _joins_name(tokens, first - 1, text):
                first -= 1
            last = i
            of_people = False
            while last + 1 < len(tokens) and _joins(tokens, last, text):
                following = tokens[last + 1].group()
                if not following[0].isupper() or following.lower() in word_lists()["not_a_name"]:
                    break
                # After an adjective of place a site belongs to the name
                # ("Johannisthaler Chaussee"); after a noun only another name does
                # ("Kreis Heinsberg Stipendien" is two things).
                current = tokens[last].group()
                # A numbered part of a site belongs to its name: "Netz Spandau
                # II" (Berlin 2021), "das Gewerbegebiet Hiltrup II" (written).
                named = is_name(following, current, False) or bool(ROMAN.match(following))
                if not current.endswith("er") and not named:
                    break
                # An adjective of place before a plural or an abstract noun
                # names people or affairs, no place: "die Minsker
                # Vereinbarungen" (Bund 2018), "der Stadt Münster Männer und
                # Frauen" (Münster SPD 2014). A singular thing may be one
                # ("Johannisthaler Chaussee", Berlin 2021).
                if last == i and not named and many_or_abstract(following):
                    of_people = True
                last += 1
            if not of_people and not _is_event(text, tokens, first, last):
                spans.append((tokens[first].start(), tokens[last].end()))
            i = last + 1
            continue
        i += 1
    if _may_name_institution(text, tokens):
        spans.extend(_institution_spans(text, tokens))
    return _distinct(text, spans)


def _is_event(text: str, tokens: list[re.Match[str]], first: int, last: int) -> bool:
    """Whether the name of tokens `first` to `last` is followed by a year that makes it an event."""
    year = _YEAR_AFTER.match(text, tokens[last].end())
    if year is None:
        return False
    words = [t.group() for t in tokens[first : last + 1]]
    previous = tokens[first - 1].group() if first else ""
    cue = previous.lower()
    lists = word_lists()
    if cue in lists["strong_place_cue"] or (
        cue in lists["place_cue"] and any(has_toponym_ending(w) for w in words)
    ):
        return False
    if any(_INNER_CAPITAL.match(part) for w in words for part in w.split("-")):
        return True
    if _attribute_of_noun(text, tokens, first):
        return True
    # The article may stand before a word of the name the scan left out ("Special").
    before = text[max(0, tokens[first].start() - 40) : tokens[first].start()].split()[-2:]
    if any(_ARTICLE.fullmatch(word) for word in before):
        return True
    return bool(_COMPOUND_AFTER.match(text, year.end()))


def _attribute_of_noun(text: str, tokens: list[re.Match[str]], first: int) -> bool:
    """Whether "von" ties the name at token `first` to the noun before it.

    The name with its year is then that noun's attribute, a programme's or
    an edition's name: "am Bedarf von Natura 2000 orientieren" (Bund 2018),
    "die Förderung von Erasmus 2027" (written). A town's year is the
    clause's time and follows the town where the town is the clause's own
    ("Hiltrup 2030 klimaneutral machen", written); a place cue that fits
    the name's shape keeps it before this ("die Anbindung von Holsterhausen
    2030", written).
    """
    if first < 2 or tokens[first - 1].group() != "von":
        return False
    if not (_joins(tokens, first - 2, text) and _joins(tokens, first - 1, text)):
        return False
    noun = tokens[first - 2].group()
    return noun[0].isupper() and noun.lower() not in word_lists()["not_a_name"]


def _in_term(text: str, token: re.Match[str]) -> bool:
    """Whether the token is part of a term joined by "&" or by lower-case hyphen parts."""
    if _LOWER_PART.search(token.group()):
        return True
    start = token.start()
    before = _JOINT_BEFORE.search(text, max(0, start - 8), start)
    return bool(before or _JOINT_AFTER.match(text, token.end()))


def _is_role(text: str, token: re.Match[str]) -> bool:
    """Whether a compound of known words after "als" says what a town is, not where."""
    if evidence(token.group())[0] is not None:
        return False
    return bool(_ROLE_BEFORE.search(text, max(0, token.start() - 8), token.start()))


def _is_reference(text: str, token: re.Match[str]) -> bool:
    """Whether a short token abbreviates a reference ("Abs. 3") or names a law ("§ 34 BauGB")."""
    word = token.group()
    if len(word) > _MAX_ABBREVIATION:
        return False
    if _ABBREVIATION_DOT.match(text, token.end()) or _ROMAN_AFTER.match(text, token.end()):
        return True
    return bool(_AFTER_REFERENCE.search(text, max(0, token.start() - 20), token.start()))


def _joins_name(tokens: list[re.Match[str]], index: int, text: str) -> bool:
    """Whether token `index` is a capitalised word that belongs to the name after it."""
    word = tokens[index].group()
    if not _joins(tokens, index, text) or not word[0].isupper():
        return False
    if word.lower() in word_lists()["not_a_name"]:
        return False
    if site_before_name(word):
        return True
    # Only adjectives of place join ("Johannisthaler", Berlin 2021; "Städtische").
    if not word.endswith(("er", "e", "en")) or word.endswith(("ern", "hen")):
        return False
    if not (adjective_of_place(word) or singular_noun(word)):
        return False
    return not (_starts_sentence(text, tokens[index].start()) and _known(word))


def _starts_sentence(text: str, position: int) -> bool:
    before = text[max(0, position - _LOOKBACK) : position]
    if position <= _LOOKBACK and not before.strip():
        return True
    return bool(_SENTENCE_START.search(before))


def _joins(tokens: list[re.Match[str]], index: int, text: str) -> bool:
    """Whether token `index` and the next are separated by a single space only."""
    if index + 1 >= len(tokens):
        return False
    return text[tokens[index].end() : tokens[index + 1].start()] == " "


def _may_name_institution(text: str, tokens: list[re.Match[str]]) -> bool:
    """Whether a capitalised word holds the beginning of a public body's name.

    Most statements name none, and their words are known from the names
    above: looking for one is cheaper than matching the lexicon. A match
    begins with one of its stems' first words, inside the capitalised word
    where it starts; "İ" lower-cases to two letters and moves the matches.
    """
    if "İ" in text or institution_heads() is None:
        return True
    return any(t.group()[0].isupper() and begins_institution(t.group()) for t in tokens)


def _institution_spans(text: str, tokens: list[re.Match[str]]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for hit in load(PLACES_LEXICON).hits(text):
        if hit.label not in {"institution", "kind"}:
            continue
        index = next((k for k, t in enumerate(tokens) if t.start() <= hit.start < t.end()), None)
        if index is None or not tokens[index].group()[0].isupper():
            continue
        plural = _plural(text, hit.end, tokens[index])
        if plural and (hit.label == "kind" or not _determined(text, tokens[index].start())):
            continue
        # The body must be the word's head: "Bundestagsbeschlüsse",
        # "Landtagswahlen", "Bundestagsfraktionen", "Feuerwehrleute" (Bund
        # 2018/2021, Berlin 2021) are things or people of the body; an ending
        # ("Jobcentern", "des Hauptbahnhofes") is no head, and a site named
        # for the body is a place ("Rathausblock", Berlin 2021).
        word = tokens[index].group()
        rest = text[hit.end : tokens[index].end()]
        if len(rest) > _MAX_ENDING and "-" not in rest and not names_site(word):
            continue
        start, end = tokens[index].start(), max(tokens[index].end(), hit.end)
        # "die Freiwillige Feuerwehr" (Berlin 2021), "Städtisches Klinikum": a
        # capitalised adjective belongs to the body's name, given where it is
        # in the nominative; "die Präsenz eines Kommunalen Ordnungsdienstes"
        # (written) keeps the body.
        if index and _joins(tokens, index - 1, text) and _titled_adjective(tokens[index - 1], text):
            start = tokens[index - 1].start()
        # "Klinikum Oldenburg" (Oldenburg BB 2026), "Stadtwerke Münster" (Münster
        # SPD 2014): the body's own name.
        end_index = next((k for k, t in enumerate(tokens) if t.start() < end <= t.end()), index)
        nxt = end_index + 1
        if nxt < len(tokens) and _joins(tokens, end_index, text):
            name = tokens[nxt].group()
            if (
                name[0].isupper()
                and name.lower() not in word_lists()["not_a_name"]
                and (not _known(name) or has_toponym_ending(name) or town_with_adjective(name))
            ):
                end = tokens[nxt].end()
        # A kind of house without its name is any of its kind ("Schulen
        # kooperieren in vielen Projekten mit den Hochschulen", Münster SPD 2014).
        if hit.label == "kind" and end <= max(tokens[index].end(), hit.end):
            continue
        opening = _OPEN_REMIT.search(text, start, end)
        if opening:
            remit = _REMIT.match(text, end)
            end = remit.end() if remit else opening.start()
        spans.append((start, end))
    return spans


def _titled_adjective(token: re.Match[str], text: str) -> bool:
    """Whether a capitalised adjective in the nominative (-e, -er, -es) opens a body's name."""
    word = token.group()
    if not word[0].isupper() or not word.endswith(("e", "er", "es")):
        return False
    if word.lower() in word_lists()["not_a_name"] or _starts_sentence(text, token.start()):
        return False
    lower = word.lower()
    return _known(lower) and lemma_of(lower)[:1].islower() and lemma_of(lower) != lower


def _determined(text: str, start: int) -> bool:
    """Whether a determiner stands before `start`, or before one adjective there."""
    before = text[max(0, start - 40) : start].split()[-2:]
    return any(_DETERMINER.fullmatch(word) for word in before)


def _plural(text: str, stem_end: int, token: re.Match[str]) -> bool:
    """Whether the lexicon's body, matched up to `stem_end`, is named in the plural."""
    word = token.group()
    rest = text[stem_end : token.end()]
    return rest in _PLURAL_SUFFIX or bool(_UMLAUT_PLURAL.search(word))


def _distinct(text: str, spans: list[tuple[int, int]]) -> tuple[str, ...]:
    """The spans' texts in order, without any that lies inside another."""
    spans = sorted(set(spans))
    kept = [s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)]
    out: list[str] = []
    for start, end in kept:
        value = _uninflected(text, start, text[start:end].strip())
        if value and value not in out:
            out.append(value)
    return tuple(out)


def _uninflected(text: str, start: int, name: str) -> str:
    """`name` without the genitive ending it has in `text` at `start`.

    "des Rates", "die Zugänge unseres Hauptbahnhofes", "im Kern Hattingens"
    (written), "des Bürgerhauses Ofenerdiek" (Oldenburg 2026): the pledge is
    tied to the Rat, the Hauptbahnhof, Hattingen and the Bürgerhaus
    Ofenerdiek, and a reader looks them up under those names.
    """
    first, space, rest_of_name = name.partition(" ")
    # A site before its district's name in the genitive: "des Bürgerhauses
    # Ofenerdiek" (Oldenburg 2026), "des Flughafens Tegel" (Berlin 2021).
    if (
        space
        and first.endswith("s")
        and not first.endswith(_NO_GENITIVE_ENDINGS)
        and _GENITIVE_ARTICLE.search(text, max(0, start - 3 * _LOOKBACK), start)
    ):
        for stem in (first[:-2], first[:-1]):
            if stem and site_before_name(stem):
                return f"{stem} {rest_of_name}"
    after_head = _AFTER_HEAD.search(name)
    cut = after_head.start() if after_head else len(name)
    head, rest = name[:cut], name[cut:]
    if not head.endswith("s") or head.endswith(_NO_GENITIVE_ENDINGS):
        return name
    word = head.rpartition(" ")[2].rpartition("-")[2]
    after_article = _GENITIVE_ARTICLE.search(text, max(0, start - 3 * _LOOKBACK), start)
    # Without an article only a lone place name in -s is taken for a genitive.
    lone_place = word == name and has_toponym_ending(word[:-1]) and not _known(word)
    if after_article is None and not lone_place:
        return name
    if word.endswith("es") and _is_word(word[:-2]):
        stem = word[:-2]
    elif _is_word(word[:-1]) or has_toponym_ending(word[:-1]) or word[:-1].isupper():
        stem = word[:-1]
    else:
        # An unknown word whose "s" may be its own, or an English plural
        # ("Solidarity Cities").
        return name
    return head[: len(head) - len(word)] + stem + rest


def _is_word(word: str) -> bool:
    return len(word) >= 3 and (_known(word) or _compound_of_known(word))
