from __future__ import annotations

import pytest

from versprochen.tracker.queries import PledgeQuery, pledge_page
from versprochen.tracker.testing import store

pytestmark = pytest.mark.django_db

PLEDGES = [
    ("Wir bauen die Schulsozialarbeit an allen Grundschulen aus.", "bildung", {}),
    ("Der Busverkehr wird im Stundentakt angeboten.", "mobilitaet", {"places": ["Wanne"]}),
    ("Mehr Straßensozialarbeit in der Innenstadt.", "soziales_gesundheit", {"kind": "action"}),
    ("Die Stadtbücherei bleibt erhalten.", "kultur", {"kind": "preserve", "cap": 23}),
]


def texts(**params: str) -> list[str]:
    return [p.text for p in pledge_page(PledgeQuery.parse(params)).pledges]


def test_search_finds_german_word_parts() -> None:
    store(PLEDGES)
    assert texts(q="sozialarbeit") == [PLEDGES[0][0], PLEDGES[2][0]]
    assert texts(q="Schulsozialarbeit") == [PLEDGES[0][0]]
    # all words first, then those with some of them
    assert texts(q="SOZIALARBEIT grundschulen") == [PLEDGES[0][0], PLEDGES[2][0]]
    assert texts(q="bücherei") == [PLEDGES[3][0]]
    assert texts(q="Raumfahrt") == []


def test_filters_combine_and_sort() -> None:
    store(PLEDGES)
    assert texts(area="kultur") == [PLEDGES[3][0]]
    assert texts(kind="preserve") == [PLEDGES[3][0]]
    assert texts(cap="23") == [PLEDGES[3][0]]
    assert texts(place="wanne") == [PLEDGES[1][0]]
    assert texts(status="offen", area="bildung") == [PLEDGES[0][0]]
    assert texts(body="stadt-herne", q="bus") == [PLEDGES[1][0]]
    assert texts(sort="bereich")[0] == PLEDGES[0][0]


def test_unknown_values_are_ignored_and_reported() -> None:
    store(PLEDGES)
    page = pledge_page(PledgeQuery.parse({"area": "mond", "page": "-3", "cap": "x"}))
    assert len(page.pledges) == 4
    assert len(page.problems) == 3
    page = pledge_page(PledgeQuery.parse({"body": "atlantis", "q": "x" * 10_000}))
    assert len(page.pledges) == 4
    assert any("atlantis" in p for p in page.problems)


def test_query_round_trips_through_the_url() -> None:
    query = PledgeQuery.parse({"area": "bildung", "q": "kita", "page": "2", "sort": "status"})
    assert PledgeQuery.parse(query.params()) == query
    assert query.url(page=1) == "?area=bildung&q=kita&sort=status"


@pytest.mark.parametrize(
    "params",
    [{}, {"area": "bildung"}, {"status": "offen"}, {"place": "wanne"}, {"q": "sozialarbeit"}],
)
def test_list_and_search_queries_use_an_index(params: dict[str, str]) -> None:
    from django.db import connection

    from versprochen.tracker.queries import pledge_queryset

    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL plans depend on table statistics: see benchmarks/web_data.py")
    store(PLEDGES)
    plan = pledge_queryset(PledgeQuery.parse(params), [])[:26].explain()
    scans = [line for line in plan.splitlines() if "SCAN tracker_pledge" in line]
    assert all("USING" in line or "VIRTUAL TABLE" in line for line in scans), plan


WORDS = ["Stadt", "Schule", "Park", "Bus", "Kita", "Radweg", "Bücherei", "Bad"]


def _many() -> None:
    """60 pledges: "werden" in two of three, "wir" in every other, a rare word once."""
    paragraphs = []
    for i in range(60):
        words = [WORDS[i % len(WORDS)], WORDS[(i * 3) % len(WORDS)]]
        text = ("Wir " if i % 2 == 0 else "Die Stadt ") + " und ".join(words)
        text += " werden ausgebaut." if i % 3 else " bleiben erhalten."
        if i == 47:
            text += " Mit Schulsozialarbeit."
        area = ["bildung", "kultur", "mobilitaet"][i % 3]
        paragraphs.append((f"{text} Nummer {i}.", area, {}))
    store(paragraphs)


@pytest.mark.parametrize(
    "q", ["werden", "wir werden", "sozialarbeit", "stadt bus", "und die", "Raumfahrt"]
)
@pytest.mark.parametrize("sort", ["dokument", "status", "bereich"])
def test_a_search_pages_like_the_exact_query(
    q: str, sort: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Small limits make every path of the bounded search run (on PostgreSQL: the rarest
    word first, the walk along the list, the exact fallback); each page must be the exact
    query's slice, and the count exact up to the limit."""
    from versprochen.tracker import queries
    from versprochen.tracker.queries import pledge_queryset
    from versprochen.tracker.search import more_matches

    _many()
    monkeypatch.setattr(queries, "COUNT_LIMIT", 7)
    monkeypatch.setattr(queries, "PAGE_SIZE", 3)
    monkeypatch.setattr(queries, "WALK_ROWS", 6)

    def exact(params: dict[str, str]) -> list[int]:
        """All words first; when at most COUNT_LIMIT, those with some words after them."""
        query = PledgeQuery.parse(params)
        ids = list(pledge_queryset(query, []).values_list("id", flat=True))
        if len(ids) > 7:
            return ids
        filtered = queries._filtered(query, [])
        order = queries.ordering(sort, searching=False)
        return ids + more_matches(filtered, q, ids, order, 8 - len(ids))

    for page in range(1, 9):
        for area in ("", "kultur"):
            params = {"q": q, "sort": sort, "page": str(page), "area": area}
            expected = exact(params)
            result = pledge_page(PledgeQuery.parse(params))
            offset = (page - 1) * 3
            assert [p.pk for p in result.pledges] == expected[offset : offset + 3], (
                params,
                expected,
            )
            assert result.has_next == (len(expected) > offset + 3)
            assert result.count == min(len(expected), 7)
            assert result.count_capped == (len(expected) > 7)


def test_a_common_word_is_searched_by_walking_the_list(monkeypatch: pytest.MonkeyPatch) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from versprochen.tracker import queries

    if connection.vendor != "postgresql":
        pytest.skip("SQLite searches its FTS5 table")
    _many()
    monkeypatch.setattr(queries, "COUNT_LIMIT", 7)
    with CaptureQueriesContext(connection) as ctx:
        page = pledge_page(PledgeQuery.parse({"q": "werden"}))
    assert (page.count_capped and len(page.pledges) == 25) or len(page.pledges) <= 25
    sql = [q["sql"] for q in ctx.captured_queries]
    assert any("set_config('enable_sort', 'off', true)" in s for s in sql), sql
    assert not any("document_id + 0" in s for s in sql), sql
    with connection.cursor() as cursor:  # the walk's planner settings end with it
        cursor.execute("SELECT current_setting('enable_seqscan'), current_setting('enable_sort')")
        assert cursor.fetchone() == ("on", "on")


def test_a_term_too_short_says_so_and_lists_nothing() -> None:
    store(PLEDGES)
    page = pledge_page(PledgeQuery.parse({"q": "a"}))
    assert page.pledges == [] and page.count == 0
    assert page.problems == ["q: 'a' ist zu kurz: ein Suchwort braucht mindestens 2 Zeichen"]
    page = pledge_page(PledgeQuery.parse({"q": "x Bücherei"}))
    assert [p.text for p in page.pledges] == [PLEDGES[3][0]]
    assert page.problems == ["q: zu kurz und daher nicht gesucht: 'x'"]


def test_two_character_terms_are_searched_as_words() -> None:
    store(
        [
            ("Wir schaffen mehr U3-Plätze in Kitas.", "kinder_jugend_familie", {}),
            ("Die Stadt baut einen Bau3 am Markt.", "wohnen_stadtentwicklung", {}),
            ("Wir stärken den ÖPNV in allen Stadtteilen.", "mobilitaet", {}),
        ]
    )
    assert texts(q="U3") == ["Wir schaffen mehr U3-Plätze in Kitas."]
    assert texts(q="u3") == ["Wir schaffen mehr U3-Plätze in Kitas."]
    assert texts(q="öpnv") == ["Wir stärken den ÖPNV in allen Stadtteilen."]


def test_mention_wording_and_section_titles_are_searched() -> None:
    from versprochen.tracker.models import Mention, Pledge

    store(PLEDGES, heading="Kinderbetreuung")
    buses = Pledge.objects.get(number=2)
    # an editor shortened the text; the source's wording stays in the mention
    Pledge.objects.filter(pk=buses.pk).update(text="Busse im Stundentakt.")
    assert Mention.objects.get(pledge=buses).text.startswith("Der Busverkehr")
    assert texts(q="Busverkehr") == ["Busse im Stundentakt."]
    assert len(texts(q="Kinderbetreuung")) == 4
    assert texts(q="kinderbetreuung bücherei") == [
        PLEDGES[3][0],
        PLEDGES[0][0],
        "Busse im Stundentakt.",
        PLEDGES[2][0],
    ]


def test_several_words_rank_all_then_most_then_some() -> None:
    store(
        [
            ("Radwege an der Bahnhofstraße.", "mobilitaet", {}),
            ("Radwege und Busse an der Bahnhofstraße.", "mobilitaet", {}),
            ("Busse fahren öfter.", "mobilitaet", {}),
            ("Die Bücherei bleibt.", "kultur", {}),
        ]
    )
    page = pledge_page(PledgeQuery.parse({"q": "Radwege Busse Bahnhofstraße"}))
    assert [p.text for p in page.pledges] == [
        "Radwege und Busse an der Bahnhofstraße.",
        "Radwege an der Bahnhofstraße.",
        "Busse fahren öfter.",
    ]
    assert page.partial_from == 1 and page.count == 3
    # a word that is nowhere no longer means "nothing found"
    assert texts(q="Radwege Raumfahrt") == [
        "Radwege an der Bahnhofstraße.",
        "Radwege und Busse an der Bahnhofstraße.",
    ]


def test_place_filter_matches_parts_of_names() -> None:
    store(
        [
            ("Der Bahnhof wird saniert.", "mobilitaet", {"places": ["Herne-Wanne"]}),
            ("Das Bad bleibt offen.", "sport", {"places": ["Herne-Mitte"]}),
        ]
    )
    assert texts(place="Wanne") == ["Der Bahnhof wird saniert."]
    assert texts(place="herne") == ["Der Bahnhof wird saniert.", "Das Bad bleibt offen."]


def test_typos_are_corrected_against_the_vocabulary() -> None:
    from versprochen.tracker.models import Pledge
    from versprochen.tracker.search import corrected, suggest, unmatched, vocabulary

    store([*PLEDGES, ("Wir bauen sichere Radwege.", "mobilitaet", {})])
    words = vocabulary(Pledge.objects.filter(current=True))
    assert suggest("Radwge", words) == "radwege"
    assert suggest("Sozialarbiet", words) == "sozialarbeit"
    assert suggest("Raumfahrt", words) is None
    current = Pledge.objects.filter(current=True)
    assert unmatched(current, "Radwge Stadt") == ["Radwge"]
    assert corrected("sichere Radwge", ["Radwge"], words) == "sichere radwege"
