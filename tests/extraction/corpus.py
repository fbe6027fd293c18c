"""The shared data split into gold documents and everything else, for lexicon checks.

The gold documents are those the files in `gold/` annotate; the rest of
`seeds/`, `documents/`, `pdf/*.reference.*` and `annotated/` is text the
rules were not tuned on, where a general rule must find something too.
"""

from __future__ import annotations

import itertools
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tests.conftest import SHARED_DATA
from versprochen.extraction.coding.lexicon import Lexicon

_WORD = re.compile(r"[0-9a-zäöüß]+(?:[-/][0-9a-zäöüß]+)*")
_SUFFIXES = {".md", ".txt", ".csv", ".jsonl", ".json"}


def gold_sources() -> set[Path]:
    out = set()
    for gold in (SHARED_DATA / "gold").glob("*.gold.json"):
        name = json.loads(gold.read_text(encoding="utf-8"))["document"]
        out |= {SHARED_DATA / d / name for d in ("seeds", "documents")}
    return {p for p in out if p.exists()}


def other_sources() -> list[Path]:
    gold = gold_sources()
    paths = [
        p
        for folder in ("seeds", "documents", "annotated")
        for p in (SHARED_DATA / folder).rglob("*")
        if p.is_file() and p.suffix in _SUFFIXES and p.stem != "PROVENANCE"
    ]
    paths += sorted((SHARED_DATA / "pdf").glob("*.reference.*"))
    return sorted(p for p in paths if p not in gold)


@dataclass(frozen=True)
class Corpus:
    text: str
    words: frozenset[str]


def _corpus(paths: list[Path]) -> Corpus:
    text = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in paths).lower()
    return Corpus(text, frozenset(_WORD.findall(text)))


@cache
def gold_corpus() -> Corpus:
    return _corpus(sorted(gold_sources()))


@cache
def other_corpus() -> Corpus:
    return _corpus(other_sources())


def patterns(lexicon_text: str) -> list[tuple[str, str]]:
    """(label, pattern) of every entry of a lexicon file, in file order."""
    out = []
    label = ""
    for raw in lexicon_text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if line.startswith("[") and line.endswith("]"):
            label = line[1:-1]
        elif ":" in line:
            out += [(label, p) for p in line.partition(":")[2].split()]
    return out


def matched_patterns(entries: list[str], corpus: Corpus) -> set[str]:
    """The patterns of `entries` that match somewhere in `corpus`."""
    text = "\n".join(f"[{i}]\n1: {p}" for i, p in enumerate(entries))
    lexicon = Lexicon("check", text)
    found: set[str] = set()
    for word in corpus.words:
        for label, _w, _a, _b in lexicon._match_word(word):
            found.add(entries[int(label)])
    phrases = defaultdict(list)
    for p in entries:
        if "_" in p:
            phrases[p.lstrip("=~*").lower().replace("_", " ")].append(p)
    for phrase, originals in phrases.items():
        if re.search(rf"(?<![\w-]){re.escape(phrase)}", corpus.text):
            found.update(originals)
    return found


def branches(pattern: str) -> list[str]:
    """The pattern once per alternative of its outermost alternation.

    `a|b` gives `a` and `b`; `\\b(a|b)\\b` gives `\\b(a)\\b` and `\\b(b)\\b`, so
    each branch can be checked on its own. A pattern without alternation
    comes back whole.
    """
    depth, i, in_class = 0, 0, False
    bars: dict[int, list[int]] = defaultdict(list)
    opens: list[int] = []
    groups: dict[int, int] = {}
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "]":
                i += 1
        elif c == "(":
            opens.append(i)
            depth += 1
        elif c == ")":
            groups[opens.pop()] = i
            depth -= 1
        elif c == "|":
            bars[depth].append(i)
        i += 1
    if bars.get(0):
        cuts = [-1, *bars[0], len(pattern)]
        return [pattern[a + 1 : b] for a, b in itertools.pairwise(cuts)]
    # The first group that holds alternatives at its own level.
    for start in sorted(groups):
        end = groups[start]
        inner = [b for b in bars.get(1, []) if start < b < end]
        if inner:
            body = pattern.find(":", start) + 1 if pattern.startswith("(?:", start) else start + 1
            cuts = [body - 1, *inner, end]
            head, tail = pattern[:body], pattern[end:]
            return [head + pattern[a + 1 : b] + tail for a, b in itertools.pairwise(cuts)]
    return [pattern]
