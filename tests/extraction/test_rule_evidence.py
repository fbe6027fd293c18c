"""Every lexicon entry and rule branch finds something outside the gold documents.

A word or phrase that occurs only in the documents the rules are measured
on was put there for those documents (a park's name, a typo, a phrase of one
gold pledge); a general rule also meets its words in the other programs,
agreements and coded corpora of the shared data.
"""

from __future__ import annotations

import os
import re
from functools import cache
from importlib.resources import files
from pathlib import Path

import pytest

from tests.conftest import SHARED_DATA
from tests.extraction import rule_examples
from tests.extraction.corpus import (
    branches,
    gold_corpus,
    matched_patterns,
    other_corpus,
    other_sources,
    patterns,
)
from tests.extraction.rule_examples import WRITTEN, rule_branches
from versprochen.extraction.coding.lexicon import Lexicon, load

LEXICONS = ("coding-areas.txt", "coding-cap.txt", "coding-places.txt", "coding-testable.txt")
# Entries the shared data never shows carry a sentence each: lexicon file,
# label, pattern, example, and "written" or the file the sentence comes from.
LEXICON_EXAMPLES = Path(__file__).with_name("lexicon-examples.tsv")
pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def _shared_data() -> None:
    if not (SHARED_DATA / "gold").is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{SHARED_DATA / 'gold'} is missing")
        pytest.skip("the shared data is not here")


def lexicon_entries(name: str) -> list[tuple[str, str]]:
    """(label, pattern) of every entry of the lexicon file `name`."""
    return patterns(files("versprochen.extraction").joinpath(f"data/{name}").read_text("utf-8"))


@cache
def matched_elsewhere(name: str) -> frozenset[str]:
    """The patterns of lexicon `name` that match the shared data outside the gold."""
    return frozenset(matched_patterns([p for _l, p in lexicon_entries(name)], other_corpus()))


def lexicon_examples() -> dict[tuple[str, str, str], tuple[str, str]]:
    """(lexicon file, label, pattern) → (example, source) from `LEXICON_EXAMPLES`."""
    out = {}
    for line in LEXICON_EXAMPLES.read_text(encoding="utf-8").splitlines():
        name, label, pattern, example, source = line.split("\t")
        out[(name, label, pattern)] = (example, source)
    return out


def decides(name: str, label: str, pattern: str, text: str) -> bool:
    """Whether the entry matches `text` and the whole lexicon keeps that match for `label`.

    A longer entry of another label that covers the same letters would take
    them over; the entry's example must show the entry itself at work.
    """
    alone = {(h.start, h.end) for h in Lexicon("entry", f"[{label}]\n1: {pattern}").hits(text)}
    return any(h.label == label and (h.start, h.end) in alone for h in load(name).hits(text))


@pytest.mark.parametrize("name", LEXICONS)
def test_no_lexicon_entry_matches_only_the_gold_documents(name: str) -> None:
    entries = [p for _label, p in lexicon_entries(name)]
    in_gold = matched_patterns(entries, gold_corpus())
    elsewhere = matched_elsewhere(name)
    assert sorted(p for p in entries if p in in_gold and p not in elsewhere) == []


@pytest.mark.parametrize("name", LEXICONS)
def test_every_lexicon_entry_matches_outside_the_gold_or_carries_an_example(name: str) -> None:
    examples, elsewhere = lexicon_examples(), matched_elsewhere(name)
    missing = [
        f"{name}\t{label}\t{pattern}"
        for label, pattern in lexicon_entries(name)
        if pattern not in elsewhere and (name, label, pattern) not in examples
    ]
    assert missing == [], f"add a row per entry to {LEXICON_EXAMPLES.name}"


def test_every_lexicon_example_matches_its_entry_and_none_comes_from_the_gold() -> None:
    gold = gold_corpus().text
    sources = {WRITTEN} | {p.name for p in other_sources()}
    failing, from_gold, unknown = [], [], []
    for (name, label, pattern), (example, source) in lexicon_examples().items():
        if not decides(name, label, pattern, example):
            failing.append(f"{name} {label} {pattern}: {example}")
        if example.lower() in gold:
            from_gold.append(example)
        if source not in sources:
            unknown.append(f"{pattern}: {source}")
    assert failing == []
    assert from_gold == []
    assert unknown == []


def test_no_lexicon_example_is_left_over_from_a_removed_entry() -> None:
    entries = {(name, label, p) for name in LEXICONS for label, p in lexicon_entries(name)}
    assert sorted(set(lexicon_examples()) - entries) == []


def test_no_rule_branch_matches_only_the_gold_documents() -> None:
    gold, other = gold_corpus().text, other_corpus().text
    only_gold = []
    for rule, branch, flags in rule_branches():
        compiled = re.compile(branch, flags)
        if compiled.search(gold) and not compiled.search(other):
            only_gold.append(f"{rule}: {branch}")
    assert only_gold == []


def test_branches_split_the_outermost_alternation() -> None:
    assert branches("a|b") == ["a", "b"]
    assert branches(r"\b(ab|c(?:d|e))\b") == [r"\b(ab)\b", r"\b(c(?:d|e))\b"]
    assert branches(r"\b(?:x|[|y])z") == [r"\b(?:x)z", r"\b(?:[|y])z"]
    assert branches("abc") == ["abc"]


def test_every_rule_branch_carries_an_example_it_matches_from_outside_the_gold() -> None:
    examples = rule_examples.load()
    gold = gold_corpus().text
    missing, failing, from_gold = [], [], []
    for rule, branch, flags in rule_branches():
        example = examples.get((rule, branch))
        if example is None:
            missing.append(f"{rule}: {branch}")
        elif not re.search(branch, example[0], flags):
            failing.append(f"{rule}: {branch}: {example[0]}")
        elif example[0].lower() in gold:
            from_gold.append(f"{rule}: {example[0]}")
    assert missing == [], "run tests/extraction/rule_examples.py and add the missing by hand"
    assert failing == []
    assert from_gold == []


def test_every_lexicon_example_matches_its_entry_outside_the_gold() -> None:
    gold = gold_corpus().text
    failing = []
    for (rule, pattern), (example, _source) in rule_examples.load().items():
        if rule not in LEXICONS:
            continue
        entry = Lexicon("example", f"[a]\n1: {pattern}\n")
        if not entry.scores(example) or example.lower() in gold:
            failing.append(f"{rule}: {pattern}: {example}")
    assert failing == []
