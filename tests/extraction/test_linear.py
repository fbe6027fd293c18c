"""Stages stay linear on hostile input: same results as the plain way, without its cost.

Speed itself is measured by `benchmarks/extraction_scaling.py`; these tests
check that the linear ways give exactly what the plain ones did.
"""

from __future__ import annotations

import itertools
from functools import reduce

import pytest

from versprochen.extraction.hyphenation import join_lines, join_wrapped
from versprochen.extraction.segment import MAX_SENTENCE, sentence_spans

LINES = [
    ["Um-", "gebung und Kita-", "Gebühren"],
    ["Gesamt-", "und Sekundarschulen"],
    ["Preis -", "Leistung", "-", "gut"],
    ["OGS-", "Bereich", "3-", "fach"],
    ["Wir wer-", "Wir wer-", "Wir wer-"],
    ["ein Wort\u00ad", "teil", "", "Ende -", "- und"],
    ["-", "-", "a -", "-", "b"],
]


@pytest.mark.parametrize("lines", LINES)
def test_joining_all_lines_at_once_equals_joining_them_in_turn(lines: list[str]) -> None:
    assert join_lines(lines) == reduce(join_wrapped, lines, "")


def test_a_long_word_before_the_hyphen_is_still_judged_by_its_end() -> None:
    long_word = "a" * 500 + "B"
    assert join_lines([f"x {long_word}-", "Straße"]) == f"x {long_word}-Straße"
    assert join_lines(["Wir wer-"] * 3000).count("werWir") == 0


def test_a_sentence_without_full_stops_is_cut_into_bounded_pieces() -> None:
    clause = "die Radwege ausbauen und die Busse verbessern sowie Ausbau der Schulen, "
    text = "Wir wollen " + clause * 300
    spans = sentence_spans(text)
    assert len(spans) > 1
    assert all(end - start <= MAX_SENTENCE for start, end in spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    assert "".join(text[a:b] for a, b in spans).replace(" ", "") == text.replace(" ", "").rstrip()


def test_ordinary_sentences_are_not_cut() -> None:
    text = "Wir bauen Radwege, Busse und Bahnen aus. Die Stadt soll grüner werden."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Wir bauen Radwege, Busse und Bahnen aus.",
        "Die Stadt soll grüner werden.",
    ]
