"""Every lexicon entry and rule branch finds something outside the gold documents.

A word or phrase that occurs only in the documents the rules are measured
on was put there for those documents (a park's name, a typo, a phrase of one
gold pledge); a general rule also meets its words in the other programs,
agreements and coded corpora of the shared data.
"""

from __future__ import annotations

import importlib
import os
import re
from importlib.resources import files

import pytest

from tests.conftest import SHARED_DATA
from tests.extraction.corpus import (
    branches,
    gold_corpus,
    matched_patterns,
    other_corpus,
    patterns,
)
from versprochen.extraction.coding.gates import Gated
from versprochen.extraction.cues import Folded

LEXICONS = ("coding-areas.txt", "coding-cap.txt", "coding-places.txt", "coding-testable.txt")
RULE_MODULES = (
    "cues",
    "detect",
    "split",
    "segment",
    "merge",
    "boilerplate",
    "coding.kind",
    "coding.testable",
    "coding.places",
    "coding.quantities",
    "coding.area",
)

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


def rule_branches() -> list[tuple[str, str, int]]:
    """(module.rule, branch, flags) of every case-insensitive rule in the rule modules.

    The corpora are lower-cased, so rules that tell case apart are left out.
    """
    out = []
    for module_name in RULE_MODULES:
        module = importlib.import_module(f"versprochen.extraction.{module_name}")
        for name, rule in vars(module).items():
            if isinstance(rule, Folded):
                found, flags = branches(rule.pattern), 0
            elif isinstance(rule, re.Pattern) and rule.flags & re.IGNORECASE:
                found, flags = branches(rule.pattern), rule.flags
            elif isinstance(rule, Gated) and rule.pattern.flags & re.IGNORECASE:
                found, flags = list(rule.branches), rule.pattern.flags
            else:
                continue
            out += [(f"{module_name}.{name}", branch, flags) for branch in found]
    return out


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
