"""matching.tokens: the content tokens extraction, scoring and matching share."""

from __future__ import annotations

import ast
from pathlib import Path

from versprochen.extraction import scoring
from versprochen.matching import similarity, tokens

MATCHING = Path(tokens.__file__).resolve().parent


def test_content_tokens_are_lower_cased_cut_and_without_stop_words() -> None:
    assert tokens.content_tokens("Wir bauen die Radwege und Radwegenetze aus") == frozenset(
        {"bauen", "radweg"}
    )
    assert tokens.content_tokens("Verkehrs-\nwende") == frozenset({"verkeh"})


def test_token_f1() -> None:
    a, b = frozenset({"radweg", "bauen"}), frozenset({"radweg"})
    assert tokens.token_f1(a, b) == 2 / 3
    assert tokens.token_f1(a, frozenset()) == 0.0


def test_scoring_and_similarity_use_the_same_tokens() -> None:
    assert scoring.content_tokens is tokens.content_tokens
    assert scoring.token_f1 is tokens.token_f1 is similarity.token_f1


def test_tokens_and_similarity_import_nothing_from_extraction() -> None:
    # `extraction.merge` uses `matching`; an import back would be a circle.
    for module in ("tokens.py", "similarity.py"):
        tree = ast.parse((MATCHING / module).read_text(encoding="utf-8"))
        imported = [
            node.module
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module is not None
        ] + [
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        ]
        assert not [name for name in imported if name.startswith("versprochen.extraction")]
