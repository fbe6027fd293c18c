from tests.extraction.helpers import outlined
from versprochen.extraction.merge import _fuzzy_reach, group_statements, recap_sections
from versprochen.extraction.types import CodedDocument, CodedStatement, Coding, Statement
from versprochen.matching.similarity import TokenWeights, fuzzy_shared, typo_neighbours

CODING = Coding(area="bildung", cap=6, kind="action", testable=True)


def coded(doc_parts: list[tuple[str, str]], statements: list[tuple[str, int]]) -> CodedDocument:
    """Statements given as (text, index of the block they stand in)."""
    doc = outlined(*doc_parts)
    out = []
    for text, block_index in statements:
        block = doc.clean.blocks[block_index]
        start = doc.clean.text.index(text, block.start)
        out.append(
            CodedStatement(
                Statement(
                    text=text,
                    start=start,
                    end=start + len(text),
                    page=1,
                    section=doc.block_sections[block_index],
                ),
                CODING,
            )
        )
    return CodedDocument(outlined=doc, statements=tuple(out))


def test_a_paragraph_printed_twice_is_one_pledge_with_two_mentions() -> None:
    text = "Ausreichend Parkstände bei neuen Fahrrad-Schutzstreifen."
    doc = coded(
        [("h1", "Mobilität"), ("p", text), ("p", "Mehr Busse."), ("p", text)],
        [(text, 1), ("Mehr Busse.", 2), (text, 3)],
    )
    assert group_statements(doc) == [[0, 2], [1]]


def test_a_recap_box_restating_the_body_joins_its_pledge() -> None:
    body = "Daher fordern wir den Ausbau des Busnetzes im Kreis Heinsberg"
    box = "Ausbau des Busnetzes im Kreis"
    doc = coded(
        [
            ("h1", "Mobilität"),
            ("p", body + "."),
            ("p", "Wir bauen Radwege."),
            ("h1", "Zusammenfassung"),
            ("li", box + "."),
        ],
        [(body, 1), ("Wir bauen Radwege", 2), (box, 4)],
    )
    assert recap_sections(doc.outlined) == frozenset({1})
    assert group_statements(doc) == [[0, 2], [1]]


def test_a_heading_repeated_later_marks_a_recap() -> None:
    doc = outlined(
        ("h1", "Unsere Zukunft ist mobil"),
        ("p", "Text."),
        ("h1", "#unsereZukunft ist mobil."),
        ("p", "Box."),
    )
    assert recap_sections(doc) == frozenset({1})


def test_different_targets_stay_apart() -> None:
    a = "Anhebung des Anteils geförderter Wohnungen in Neubaugebieten auf 30 Prozent"
    b = "Anhebung des Anteils geförderter Wohnungen in Neubaugebieten auf 40 Prozent"
    doc = coded([("h1", "Wohnen"), ("p", a), ("h1", "Zusammenfassung"), ("p", b)], [(a, 1), (b, 3)])
    assert group_statements(doc) == [[0], [1]]


def test_parts_of_one_paragraph_are_never_merged() -> None:
    text = "Die Badeseen müssen erhalten bleiben und die Badeseen besser bewerben."
    a, b = (
        "Die Badeseen müssen erhalten bleiben",
        "die Badeseen besser bewerben",
    )
    doc = coded([("h1", "Wasser"), ("p", text)], [(a, 1), (b, 1)])
    assert group_statements(doc) == [[0], [1]]


def test_a_foreword_letter_only_previews_pledges() -> None:
    from versprochen.extraction.merge import merge

    preview = "Wir wollen mehr Radschnellwege im ganzen Kreis bauen"
    body = "Wir fordern den Bau von Radschnellwegen im ganzen Kreis"
    vague = "Genau diese Herausforderungen wollen wir gemeinsam bewältigen"
    doc = coded(
        [("h1", "Vorwort"), ("p", preview), ("p", vague), ("h1", "Zusammenfassung"), ("p", body)],
        [(preview, 1), (vague, 2), (body, 4)],
    )
    result = merge(doc)
    assert [len(p.mentions) for p in result.pledges] == [2]
    assert result.pledges[0].section == "Vorwort"


def test_a_recap_item_matches_its_body_pledge_through_synonyms_and_typos() -> None:
    body = "Darum setzen wir uns weiterhin für die Abschaffung von Kita-Beiträgen ein"
    other = "Dazu gilt es das Konzept Digital Government im Kreis voran zu bringen"
    box_a = "Abschaffung der KiTa-Gebühren im gesamten Kreis"
    box_b = "Umsetzung des Konzepts Digital Goverment auf Kreisebene"
    doc = coded(
        [
            ("h1", "Bildung"),
            ("p", body),
            ("p", other),
            ("h1", "Zusammenfassung"),
            ("li", box_a),
            ("li", box_b),
        ],
        [(body, 1), (other, 2), (box_a, 4), (box_b, 5)],
    )
    assert group_statements(doc) == [[0, 2], [1, 3]]


def test_the_reach_of_a_recap_item_is_its_typo_forgiving_shared_weight() -> None:
    earlier = [
        frozenset({"digita", "govern", "kreis"}),
        frozenset({"digita", "schule"}),
        frozenset({"abscha", "gebühr"}),
    ]
    item = frozenset({"digita", "goverm", "kreise"})
    weights = TokenWeights([*earlier, item])
    every: dict[str, list[int]] = {}
    for j, tokens in enumerate(earlier):
        for token in tokens:
            every.setdefault(token, []).append(j)
    near = typo_neighbours(t for tokens in [*earlier, item] for t in tokens)
    reach = _fuzzy_reach(item, every, near, weights)
    for j, tokens in enumerate(earlier):
        expected = weights.total(fuzzy_shared(item, tokens))
        assert abs(reach.get(j, 0.0) - expected) < 1e-12, j
    assert 2 not in reach  # shares nothing, even with a typo
