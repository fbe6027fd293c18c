"""Every lexicon entry and rule branch finds something outside the gold documents.

A word or phrase that occurs only in the documents the rules are measured
on was put there for those documents (a park's name, a typo, a phrase of one
gold pledge); a general rule also meets its words in the other programs,
agreements and coded corpora of the shared data.
"""

from __future__ import annotations

import os
import re
from importlib.resources import files

import pytest

from tests.conftest import SHARED_DATA
from tests.extraction import rule_examples
from tests.extraction.corpus import (
    branches,
    gold_corpus,
    matched_patterns,
    other_corpus,
    patterns,
)
from tests.extraction.rule_examples import rule_branches
from versprochen.extraction.coding.lexicon import Lexicon

LEXICONS = ("coding-areas.txt", "coding-cap.txt", "coding-places.txt", "coding-testable.txt")
pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def _shared_data() -> None:
    if not (SHARED_DATA / "gold").is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{SHARED_DATA / 'gold'} is missing")
        pytest.skip("the shared data is not here")


@pytest.mark.parametrize("name", LEXICONS)
def test_no_lexicon_entry_matches_only_the_gold_documents(name: str) -> None:
    text = files("versprochen.extraction").joinpath(f"data/{name}").read_text("utf-8")
    entries = [p for _label, p in patterns(text)]
    in_gold = matched_patterns(entries, gold_corpus())
    elsewhere = matched_patterns(entries, other_corpus())
    assert sorted(p for p in entries if p in in_gold and p not in elsewhere) == []


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
