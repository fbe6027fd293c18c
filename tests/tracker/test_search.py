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
    assert texts(q="SOZIALARBEIT grundschulen") == [PLEDGES[0][0]]
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
    page = pledge_page(PledgeQuery.parse({"area": "mond", "page": "-3", "cap": "x", "q": "ab"}))
    assert len(page.pledges) == 4
    assert len(page.problems) == 4
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
