from versprochen.extraction.scoring import content_tokens, score, token_f1


def pledge(
    id: str,
    text: str,
    *mentions: str,
    area: str = "bildung",
    kind: str = "action",
    cap: int = 6,
    testable: bool = True,
) -> dict[str, object]:
    return {
        "id": id,
        "text": text,
        "mentions": list(mentions) or [text],
        "area": area,
        "cap": cap,
        "kind": kind,
        "testable": testable,
    }


def test_content_tokens_follow_the_guideline() -> None:
    # Line-end hyphenation joined, lower-cased, stop words removed, cut to 6 characters.
    assert content_tokens("Die Um-\ngebung der Schulsozialarbeit") == frozenset(
        {"umgebu", "schuls"}
    )


def test_token_f1() -> None:
    assert token_f1(frozenset("ab"), frozenset("ab")) == 1.0
    assert token_f1(frozenset("ab"), frozenset("cd")) == 0.0
    assert token_f1(frozenset(), frozenset("a")) == 0.0


def test_a_perfect_extraction_scores_one() -> None:
    gold = [pledge("g1", "Ausbau der Schulsozialarbeit"), pledge("g2", "Neubau einer Eishalle")]
    result = score(gold, gold)
    assert (result.precision, result.recall, result.f1) == (1.0, 1.0, 1.0)
    assert result.accuracy == {"area": 1.0, "cap": 1.0, "kind": 1.0, "testable": 1.0}


def test_an_unmerged_duplicate_costs_precision_and_an_unsplit_bundle_recall() -> None:
    gold = [
        pledge("g1", "Ausbau des Busnetzes"),
        pledge("g2", "Erhöhung der Takte"),
        pledge(
            "g3",
            "Neubau einer Eishalle",
            "Neubau einer Eishalle",
            "Bau einer neuen Eishalle",
        ),
    ]
    predicted = [
        pledge("p1", "Ausbau des Busnetzes und Erhöhung der Takte"),
        pledge("p2", "Neubau einer Eishalle"),
        pledge("p3", "Bau einer neuen Eishalle"),
    ]
    result = score(predicted, gold)
    assert len(result.matches) == 2
    assert result.precision == 2 / 3 and result.recall == 2 / 3
    assert [g.id for g in result.missed] == ["g2"] or [g.id for g in result.missed] == ["g1"]
    assert len(result.spurious) == 1


def test_a_pair_below_half_overlap_is_no_match() -> None:
    gold = [pledge("g1", "Ausbau der Radwege im gesamten Kreis Heinsberg")]
    result = score([pledge("p1", "Radwege")], gold)
    assert result.matches == [] and result.f1 == 0.0


def test_field_accuracy_counts_matched_pairs_only() -> None:
    gold = [
        pledge("g1", "Erhalt der Dorfschule", kind="preserve"),
        pledge("g2", "Neubau einer Eishalle", area="sport"),
    ]
    predicted = [
        pledge("p1", "Erhalt der Dorfschule", kind="action"),
        pledge("p2", "Neubau einer Eishalle", area="sport"),
        pledge("p3", "Etwas ganz anderes hier"),
    ]
    result = score(predicted, gold)
    assert result.accuracy["kind"] == 0.5
    assert result.accuracy["area"] == 1.0
