"""One parser for numbers from users: ASCII digits only, bounded, a one-line message.

`str.isdigit()` accepts "²", "①" and "⁵", which `int()` refuses: each place a user can
type a number was a 500 with them."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from tests.site.test_assessment_csv import _export, _upload

from versprochen.tracker import validation
from versprochen.tracker.models import Assessment, Pledge

NOT_NUMBERS = ["²", "①", "⁵", "٣", "1_000", "+1", "-1", " ", "1.0", "0x1", "9" * 19, "1²"]


@pytest.mark.parametrize("raw", NOT_NUMBERS)
def test_the_parser_refuses_anything_but_ascii_digits(raw: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validation.number(raw, 1, 10**18)
    (message,) = caught.value.messages
    assert "keine Zahl von 1 bis" in message and "\n" not in message


def test_the_parser_reads_ascii_digits_within_bounds() -> None:
    assert validation.number(" 42 ", 1, 100) == 42
    assert validation.number("", 1, 100, default=1) == 1
    assert validation.number(7, 0, 10) == 7
    with pytest.raises(ValidationError):
        validation.number("101", 1, 100)
    with pytest.raises(ValidationError):
        validation.number("0", 1, 100)


@pytest.mark.parametrize("digit", ["%C2%B2", "%E2%91%A0", "%E2%81%B5"])
@pytest.mark.parametrize(
    "url",
    [
        "/versprechen/?page={}",
        "/versprechen/?cap={}",
        "/api/v1/pledges?cap={}",
        "/api/v1/pledges?page={}",
        "/api/v1/bodies?page_size={}",
        "/api/v1/bodies?page={}",
        "/api/v1/documents?page_size={}",
    ],
)
def test_public_urls_with_unicode_digits_are_no_500(
    client: Client, tracker: Any, url: str, digit: str
) -> None:
    response = client.get(url.format(digit))
    assert response.status_code in (200, 400), (url, response.status_code)
    assert b"Traceback" not in response.content and b"Error:" not in response.content


@pytest.mark.parametrize("digit", ["%C2%B2", "%E2%91%A0", "99999999999999999999"])
def test_the_audit_log_page_with_unicode_digits_is_no_500(
    people: dict[str, Any], digit: str
) -> None:
    anna = Client()
    anna.force_login(people["anna"])
    response = anna.get(f"/redaktion/protokoll/?page={digit}")
    assert response.status_code == 200


@pytest.mark.parametrize("cap", ["²", "①", "99999999999999999999999"])
def test_the_correction_form_names_a_unicode_digit(people: dict[str, Any], cap: str) -> None:
    erika = Client()
    erika.force_login(people["erika"])
    buses = Pledge.objects.get(area="mobilitaet")
    form = {"text": buses.text, "area": "mobilitaet", "cap": cap, "kind": "action"}
    response = erika.post(f"/redaktion/versprechen/{buses.pk}/korrigieren/", form)
    assert response.status_code == 400
    assert "Unbekanntes CAP-Thema" in response.content.decode()
    assert Pledge.objects.get(pk=buses.pk).cap == buses.cap


@pytest.mark.parametrize("revision", ["²", "99999999999999999999999"])
def test_a_hidden_revision_that_is_no_number_is_a_message(
    people: dict[str, Any], revision: str
) -> None:
    erika = Client()
    erika.force_login(people["erika"])
    buses = Pledge.objects.get(area="mobilitaet")
    form = {"text": buses.text, "area": "mobilitaet", "cap": "10", "kind": "action"}
    form["revision"] = revision
    response = erika.post(f"/redaktion/versprechen/{buses.pk}/korrigieren/", form)
    assert response.status_code in (400, 409)
    assert b"OverflowError" not in response.content


@pytest.mark.parametrize("raw", ["²", "①", "99999999999999999999999"])
def test_the_csv_import_names_the_line_of_a_unicode_digit(people: dict[str, Any], raw: str) -> None:
    erika = Client()
    erika.force_login(people["erika"])
    rows = _export(erika, body="stadt-herne")
    response = _upload(erika, [dict(rows[1], pledge=raw)], "body:stadt-herne")
    assert response.status_code == 400
    assert "Zeile 2, pledge: keine Nummer" in response.content.decode()
    assert Assessment.objects.count() == 2
