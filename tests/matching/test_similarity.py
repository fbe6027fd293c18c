from __future__ import annotations

import random

from versprochen.matching.similarity import (
    Profile,
    TokenWeights,
    content_tokens,
    fuzzy_shared,
    numbers,
    typo_neighbours,
)


def test_abbreviations_and_fee_synonyms_are_one_token() -> None:
    assert "volksh" in content_tokens("Angebote der VHS")
    assert content_tokens("Kita-Beiträgen") == content_tokens("KiTa-Gebühren")


def test_one_typo_is_forgiven_in_long_tokens_only() -> None:
    a = content_tokens("Digital Goverment")
    b = content_tokens("Digital Government")
    assert fuzzy_shared(a, b) == a
    assert fuzzy_shared(frozenset({"bus"}), frozenset({"bau"})) == frozenset()


def test_numbers_are_normalised() -> None:
    assert numbers("1,5 Stellen und 50 Prozent") == frozenset({"1.5", "50"})


def test_rare_tokens_weigh_more_than_common_ones() -> None:
    profiles = [
        Profile.of(t)
        for t in (
            "Ausbau der Radwege im Kreis",
            "Ausbau der Schulen im Kreis",
            "Neubau eines Hallenbades im Kreis",
        )
    ]
    weights = TokenWeights(p.tokens for p in profiles)
    assert weights.weight("hallen") > weights.weight("kreis")
    assert weights.rare_tokens(1) >= {"hallen", "radweg"}
    assert weights.overlap(profiles[0].tokens, profiles[1].tokens) < 0.5


def test_two_typos_are_not_forgiven() -> None:
    assert fuzzy_shared(frozenset({"govenr"}), frozenset({"govern", "digita"})) == frozenset()
    assert fuzzy_shared(frozenset({"goverm", "bus"}), frozenset({"govern"})) == {"goverm"}


def test_a_token_outside_the_collection_weighs_most() -> None:
    weights = TokenWeights([frozenset({"kreis"}), frozenset({"kreis", "radweg"})])
    assert weights.total({"kreis", "hallen"}) == weights.weight("kreis") + weights.weight("hallen")
    assert weights.weight("hallen") > weights.weight("radweg")


def test_typo_neighbours_are_the_long_words_one_edit_apart() -> None:
    near = typo_neighbours(["radweg", "radwek", "radwe", "radwegx", "schule", "bus", "bau"])
    assert near["radweg"] == ["radwe", "radwegx", "radwek"]  # deleted, added, replaced
    assert near["radwek"] == ["radwe", "radweg"]
    assert "schule" not in near  # no word one edit away
    assert "bus" not in near  # short words take no typo, as in fuzzy_shared
    assert all(fuzzy_shared(frozenset({w}), frozenset(near[w])) == {w} for w in near)


def test_a_total_weight_does_not_depend_on_the_order_of_its_tokens() -> None:
    # A set's order follows the process's string hashing; a total that changed
    # with it in the last bit could cross a merge threshold in one run only.
    passages = [frozenset({f"w{i}", f"w{i % 7}", f"w{i % 3}", "und"}) for i in range(40)]
    weights = TokenWeights(passages)
    tokens = [f"w{i}" for i in range(0, 40, 3)] + ["und", "neu"]
    totals = {weights.total(tokens)}
    rng = random.Random(7)
    for _ in range(300):
        rng.shuffle(tokens)
        totals.add(weights.total(tokens))
    assert len(totals) == 1
