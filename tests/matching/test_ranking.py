from datetime import date

from versprochen.matching.passages import best_passage, passages
from versprochen.matching.ranking import Paper, PaperIndex, Query
from versprochen.matching.terms import quantities, reference_terms, terms

PAPERS = [
    Paper(
        id="rad",
        name="Radverkehrskonzept für die Innenstadt",
        reference="2025/0101",
        texts=(
            "Antrag der Fraktion.\n\nDie Verwaltung wird beauftragt, ein Konzept für sichere "
            "Radwege in der Innenstadt vorzulegen. Bis 2027 sollen 12 Kilometer neue Radwege "
            "entstehen.\n\nBegründung: Viele Menschen fahren Rad.",
        ),
        date=date(2025, 2, 1),
    ),
    Paper(
        id="kita",
        name="Kita-Bedarfsplanung aktualisieren",
        reference="2025/0105",
        texts=(
            "Der Bedarf an Betreuungsplätzen in Kindertagesstätten soll jährlich ermittelt werden.",
        ),
        date=date(2025, 1, 31),
    ),
    Paper(
        id="bad",
        name="Sanierung des Hallenbads Nord",
        reference="2025/0200",
        texts=("Das Hallenbad im Stadtteil Nord wird für 8 Mio. Euro saniert.",),
        date=date(2025, 3, 3),
    ),
    Paper(
        id="bad-alt",
        name="Hallenbad Nord: Bestandsaufnahme",
        reference="2023/0050",
        texts=("Das Hallenbad im Stadtteil Nord ist in schlechtem Zustand.",),
        date=date(2023, 5, 1),
    ),
]


def _index() -> PaperIndex:
    index = PaperIndex()
    index.add(PAPERS)
    return index


def test_terms_are_lemmas_with_compound_parts() -> None:
    found = set(terms("Radverkehrskonzept und Parkplätzen"))
    assert {"radverkehrskonzept", "konzept", "radverkehr", "parkplatz"} <= found
    assert "und" not in found


def test_references_and_their_follow_ups() -> None:
    assert reference_terms("2025/0147/2") == ("#2025/147", "=2025/147/2")
    assert reference_terms("VO/2025/0147") == ("#2025/147", "=2025/147")
    # A span of years is no reference.
    assert not [t for t in terms("im Doppelhaushalt 2026/2027") if t.startswith("#")]


def test_quantities_are_values_without_years() -> None:
    assert quantities("1.000 Wohnungen, 2,5 Mio. Euro bis 2030, 30 km/h") == {"1000", "2.5", "30"}


def test_a_pledge_in_other_words_finds_its_paper() -> None:
    hits = _index().rank(Query("Wir bauen neue Radwege in der Innenstadt."), limit=2)
    assert hits[0].id == "rad"
    assert "Radwege" in hits[0].passage.text
    marked = {hits[0].passage.text[a:b] for a, b in hits[0].passage.marks}
    assert {"Radwege", "Innenstadt"} <= marked


def test_excluded_papers_are_not_ranked() -> None:
    hits = _index().rank(Query("neue Radwege", exclude=frozenset({"rad"})), limit=5)
    assert "rad" not in [h.id for h in hits]


def test_papers_before_the_document_lose_and_quantities_win() -> None:
    index = _index()
    plain = [h.id for h in index.rank(Query("Hallenbad Nord sanieren"), limit=2)]
    after = index.rank(Query("Hallenbad Nord sanieren", after=date(2024, 6, 1)), limit=2)
    assert set(plain) == {"bad", "bad-alt"}
    assert after[0].id == "bad"
    with_money = index.rank(Query("Hallenbad Nord", quantities=("8 Mio. Euro",)), limit=1)
    assert with_money[0].id == "bad"


def test_places_raise_a_paper() -> None:
    index = _index()
    query = Query("Wir sanieren das Schwimmbad.", places=("Nord",))
    assert index.rank(query, limit=1)[0].id in {"bad", "bad-alt"}


def test_adding_papers_is_incremental_and_replaces_by_id() -> None:
    index = _index()
    index.add(
        [
            Paper(
                id="neu", name="Trinkbrunnen an öffentlichen Plätzen", texts=("Zehn Trinkbrunnen.",)
            ),
            Paper(id="kita", name="Kita-Bedarfsplanung", texts=("Nun über Schulhöfe.",)),
        ]
    )
    assert len(index) == 5
    assert index.rank(Query("Trinkbrunnen aufstellen"), limit=1)[0].id == "neu"
    # Only the new papers, as after a sync.
    hits = index.rank(Query("Schulhöfe"), limit=5, among=["neu", "kita"])
    assert [h.id for h in hits] == ["kita"]
    # The old text of the replaced paper is gone.
    assert not index.rank(Query("Kindertagesstätten jährlich ermittelt"), limit=5)
    index.remove(["neu"])
    assert "neu" not in index
    assert not index.rank(Query("Trinkbrunnen"), limit=5)


def test_an_empty_index_and_an_empty_query_rank_nothing() -> None:
    assert PaperIndex().rank(Query("Radwege")) == []
    assert _index().rank(Query("und oder")) == []


def test_passages_cut_long_runs() -> None:
    text = "Wort " * 400
    assert all(len(p) <= 600 for p in passages(text))
    best = best_passage(["A b.\n\nRadwege hier."], lambda t: 1.0, frozenset({"radweg"}))
    assert best.text == "Radwege hier."


def test_a_floor_keeps_out_papers_that_would_not_enter() -> None:
    index = _index()
    hits = index.rank(Query("Hallenbad Nord sanieren"), limit=2)
    above = index.rank(Query("Hallenbad Nord sanieren", floor=hits[1].score), limit=2)
    assert [h.id for h in above] == [hits[0].id]
