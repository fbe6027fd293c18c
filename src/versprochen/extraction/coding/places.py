"""Named places and institutions a pledge is tied to, without a gazetteer.

German capitalises every noun, so capitals alone do not mark a name. A word
counts as a name when the German lemma list does not know it and it is not
a compound of known words ("Sodingen", "Strünkede"), when it has the shape of
a place name and stands where places stand ("in Solingen", "Stadtteil Wald"),
or when it is an acronym. Public bodies ("Rat", "Bezirksvertretungen",
"Stadtbibliothek") come from a short list of institution nouns.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib.resources import files

import simplemma

from versprochen.extraction.coding.lexicon import load

PLACES_LEXICON = "coding-places.txt"
NAME_LISTS = "coding-names.txt"

_TOKEN = re.compile(r"[A-Za-zÄÖÜäöüß0-9][\wÄÖÜäöüß]*(?:-[\wÄÖÜäöüß]+)*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|[„\"'‚›»(–-]\s*)$")
# How far back a sentence start is looked for: punctuation plus some spaces.
_LOOKBACK = 8
_ACRONYM = re.compile(r"^[A-ZÄÖÜ]{2,6}$")
_MIN_COMPOUND_HEAD = 5


@cache
def _word_lists() -> dict[str, frozenset[str]]:
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
def _toponym_endings() -> tuple[str, ...]:
    return tuple(sorted(_word_lists()["toponym"], key=len, reverse=True))


@lru_cache(maxsize=65536)
def _known(word: str) -> bool:
    return bool(simplemma.is_known(word, lang="de"))


@lru_cache(maxsize=65536)
def _compound_of_known(word: str) -> bool:
    """Whether `word` is an ordinary compound: it ends in a known noun.

    "Klimaschutzsiedlung", "Inklusionsarbeit", "Nachtbuslinien". A head of
    four letters also needs a known first part, as short heads end names too
    ("Gysen-berg").
    """
    lower = word.lower()
    for i in range(3, len(lower) - _MIN_COMPOUND_HEAD + 2):
        head = lower[i:]
        if not _known(head.capitalize()):
            continue
        if len(head) >= _MIN_COMPOUND_HEAD:
            return True
        modifier = lower[:i]
        stems = {modifier, modifier.removesuffix("s"), modifier.removesuffix("n")}
        if any(_known(m.capitalize()) for m in stems if len(m) >= 3):
            return True
    return False


@lru_cache(maxsize=65536)
def _has_toponym_ending(word: str) -> bool:
    lower = word.lower()
    return any(lower.endswith(e) and len(lower) > len(e) + 2 for e in _toponym_endings())


def _is_name(word: str, previous: str, sentence_start: bool) -> bool:
    """Whether `word`, after `previous`, is (part of) a proper name."""
    if word.lower() in _word_lists()["not_a_name"] or not word[0].isupper():
        return False
    if _ACRONYM.match(word):
        return word not in _word_lists()["common_acronym"]
    parts = word.split("-")
    if len(parts) > 1:
        return any(_is_name(p, previous, sentence_start) for p in parts if p[:1].isupper())
    if len(word) < 3 or word.isdigit():
        return False
    # "KiTa", "BürgerInnen": house spellings of ordinary words.
    unknown = not _known(word) and not _known(word.capitalize())
    if unknown and not _compound_of_known(word):
        return True
    if sentence_start:
        return False
    toponym = _has_toponym_ending(word)
    if toponym and unknown:
        return True
    cue = previous.lower()
    if cue in _word_lists()["strong_place_cue"]:
        return True
    return cue in _word_lists()["place_cue"] and toponym


@lru_cache(maxsize=8192)
def find_places(text: str) -> tuple[str, ...]:
    """Names of places and institutions in `text`, in order, as written."""
    tokens = list(_TOKEN.finditer(text))
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        previous = tokens[i - 1].group() if i else ""
        start_of_sentence = _starts_sentence(text, token.start())
        if _is_name(token.group(), previous, start_of_sentence):
            first = i
            # A capitalised adjective of place before the name ("Herner Stadtgarten").
            if first and _joins_name(tokens, first - 1, text):
                first -= 1
            last = i
            while last + 1 < len(tokens) and _joins(tokens, last, text):
                following = tokens[last + 1].group()
                if not following[0].isupper() or following.lower() in _word_lists()["not_a_name"]:
                    break
                # After an adjective of place any noun belongs to the name
                # ("Herner Stadtgarten"); after a noun only another name does
                # ("Kreis Heinsberg Stipendien" is two things).
                current = tokens[last].group()
                if not current.endswith("er") and not _is_name(following, current, False):
                    break
                last += 1
            spans.append((tokens[first].start(), tokens[last].end()))
            i = last + 1
            continue
        i += 1
    spans.extend(_institution_spans(text, tokens))
    return _distinct(text, spans)


def _joins_name(tokens: list[re.Match[str]], index: int, text: str) -> bool:
    """Whether token `index` is a capitalised word that belongs to the name after it."""
    word = tokens[index].group()
    if not _joins(tokens, index, text) or not word[0].isupper():
        return False
    if word.lower() in _word_lists()["not_a_name"]:
        return False
    # Only adjectives of place join ("Herner", "Wanne-Eickeler", "Städtische").
    if not word.endswith(("er", "e", "en")) or word.endswith(("ern", "hen")):
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


def _institution_spans(text: str, tokens: list[re.Match[str]]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for hit in load(PLACES_LEXICON).hits(text):
        if hit.label != "institution":
            continue
        index = next((k for k, t in enumerate(tokens) if t.start() <= hit.start < t.end()), None)
        if index is None or not tokens[index].group()[0].isupper():
            continue
        start, end = tokens[index].start(), max(tokens[index].end(), hit.end)
        # "Stadtbibliothek Herne", "Polizeiinspektion Solingen": the body's own name.
        end_index = next((k for k, t in enumerate(tokens) if t.start() < end <= t.end()), index)
        nxt = end_index + 1
        if nxt < len(tokens) and _joins(tokens, end_index, text):
            name = tokens[nxt].group()
            if (
                name[0].isupper()
                and name.lower() not in _word_lists()["not_a_name"]
                and (not _known(name) or _has_toponym_ending(name))
            ):
                end = tokens[nxt].end()
        spans.append((start, end))
    return spans


def _distinct(text: str, spans: list[tuple[int, int]]) -> tuple[str, ...]:
    """The spans' texts in order, without any that lies inside another."""
    spans = sorted(set(spans))
    kept = [s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)]
    out: list[str] = []
    for start, end in kept:
        value = text[start:end].strip()
        if value and value not in out:
            out.append(value)
    return tuple(out)
