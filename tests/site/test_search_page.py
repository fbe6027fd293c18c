"""The pledge list's search forgives: typos, missing words, short words, parts of places."""

from __future__ import annotations

from typing import Any

from django.test import Client


def test_a_typo_shows_the_corrected_results_and_says_so(client: Client, tracker: Any) -> None:
    html = client.get("/versprechen/?q=Sozialarbiet").content.decode()
    assert "Nichts gefunden für „Sozialarbiet“." in html
    assert "Gezeigt werden die Ergebnisse für" in html and "„sozialarbeit“" in html
    assert "Wir bauen die Schulsozialarbeit" in html
    data = client.get("/versprechen/?q=Sozialarbiet&format=json").json()
    assert data["suggestion"] == "sozialarbeit" and data["results_for"] == "sozialarbeit"
    assert [p["text"][:9] for p in data["pledges"]] == ["Wir bauen"]


def test_a_typo_among_found_words_offers_meinten_sie(client: Client, tracker: Any) -> None:
    html = client.get("/versprechen/?q=Stadtb%C3%BCcherei+Grundshulen").content.decode()
    assert "Meinten Sie" in html and "„Stadtbücherei grundschulen“" in html
    assert "Die Stadtbücherei bleibt erhalten." in html
    assert "mit allen Suchwörtern" in html  # 0 with all words, then those with some


def test_nothing_near_says_nothing_found(client: Client, tracker: Any) -> None:
    html = client.get("/versprechen/?q=Raumfahrtbeh%C3%B6rde").content.decode()
    assert "0 Versprechen gefunden" in html and "Meinten Sie" not in html


def test_a_too_short_term_lists_nothing_and_says_why(client: Client, tracker: Any) -> None:
    html = client.get("/versprechen/?q=x").content.decode()
    assert "ist zu kurz: ein Suchwort braucht mindestens 2 Zeichen" in html
    assert "0 Versprechen gefunden" in html and "Stadtbücherei" not in html


def test_place_suggestions_and_parts_of_names(client: Client, tracker: Any) -> None:
    html = client.get("/versprechen/").content.decode()
    assert (
        '<input id="f-place" name="place" type="text" value="" maxlength="200" list="orte"' in html
    )
    assert '<datalist id="orte"><option value="Wanne"></option></datalist>' in html
    html = client.get("/versprechen/?place=wann").content.decode()
    assert "Busverkehr" in html and "Stadtbücherei" not in html
