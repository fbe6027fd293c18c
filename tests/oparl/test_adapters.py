"""Each vendor adapter with the payload it was made for (recorded where we have it)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.oparl.conftest import register
from versprochen.cli import main
from versprochen.oparl import adapters
from versprochen.oparl.adapters import Quirks
from versprochen.oparl.fakeserver import STERNBERG_802, FakeOParl
from versprochen.oparl.fields import location, paper
from versprochen.oparl.http import Client, FetchError, Response
from versprochen.oparl.models import Paper, SyncError, System
from versprochen.oparl.register import add_system
from versprochen.oparl.sync import Options, sync
from versprochen.tracker.models import Body

RECORDED = "oparl/mst-recorded"


def answer(body: Any, status: int = 200, url: str = "http://127.0.0.1/x") -> Response:
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    return Response(url=url, status=status, headers={}, body=data)


class _NoRefs:
    def ref(self, object_type: str, value: Any) -> int | None:
        return None

    def refs(self, object_type: str, value: Any) -> list[int]:
        return []


# --- empty_window_404 (Sternberg SD.NET RIM, error 802) ---------------------------------


def test_empty_window_404_is_an_empty_list_only_with_a_window() -> None:
    quirks = Quirks()
    assert adapters.empty_window_404(answer(STERNBERG_802, 404), True, quirks)
    assert not adapters.empty_window_404(answer(STERNBERG_802, 404), False, quirks)
    assert not adapters.empty_window_404(answer({"error": "x"}, 404), True, quirks)
    assert quirks["empty_window_404"] == 1


@pytest.mark.django_db
def test_an_oparl_10_sync_with_nothing_changed_reads_802_as_empty(
    server: FakeOParl, oparl_client: Client
) -> None:
    system = register(server, "beispiel10")
    sync(system, oparl_client, Options(files=False))
    run = sync(system, oparl_client, Options(files=False))
    assert run.counts["quirks"]["empty_window_404"] == 3  # organization, meeting, paper lists
    assert SyncError.objects.filter(run=run).count() == 0


# --- bare_list, object_for_list, list_for_object ----------------------------------------


def test_bare_list_and_object_for_list(shared_data: Path) -> None:
    quirks = Quirks()
    assert adapters.list_page([], "u", quirks) == {"data": [], "links": {}}
    # Krefeld's body list answers with the body itself.
    krefeld = json.loads((shared_data / RECORDED / "bodies/stadt-krefeld.json").read_text())
    assert adapters.list_page(krefeld, "u", quirks)["data"] == [krefeld]
    assert adapters.list_page({"data": {"id": "a"}}, "u", quirks)["data"] == [{"id": "a"}]
    assert quirks == {"bare_list": 1, "object_for_list": 2}
    with pytest.raises(FetchError, match="'data' is a str, not a list"):
        adapters.list_page({"data": "kaputt"}, "u", quirks)


@pytest.mark.django_db
def test_a_server_answering_lists_with_bare_arrays(server: FakeOParl, oparl_client: Client) -> None:
    server.faults.bare_lists = True
    run = sync(register(server), oparl_client, Options(files=False))
    assert run.counts["quirks"]["bare_list"] == 3
    assert Paper.objects.filter(placeholder=False).count() == 3  # all of them, unpaged


def test_list_for_object() -> None:
    quirks = Quirks()
    system = {"id": "s", "oparlVersion": "https://schema.oparl.org/1.0/"}
    assert adapters.single_object([system], "u", quirks) == system
    assert adapters.single_object({"data": [system]}, "u", quirks) == system
    assert quirks["list_for_object"] == 2
    # A single-valued field given as a list (CC e-gov's auxiliaryFile the other way round).
    mapped = paper(
        {"mainFile": ["f1", "f2"], "auxiliaryFile": {"id": "f3"}, "date": ["2024-05-01"]},
        _NoRefs(),
        ("", ""),
    )
    assert str(mapped.fields["date"]) == "2024-05-01"


# --- blank_values, missing created/modified ---------------------------------------------


def test_blank_values_and_missing_dates(shared_data: Path) -> None:
    leipzig = json.loads((shared_data / RECORDED / "bodies/stadt-leipzig.json").read_text())
    assert leipzig["created"] == "" and leipzig["shortName"] == ""
    from versprochen.oparl.fields import common

    assert common(leipzig)["created"] is None and common(leipzig)["modified"] is not None
    assert common({"id": "x"}) == {"created": None, "modified": None, "web": ""}
    place = location(
        {"streetAddress": " ", "locality": "N/A", "postalCode": "52393\u00a0", "room": "n/a"},
        _NoRefs(),
        ("", ""),
    )
    assert (place.fields["street_address"], place.fields["locality"], place.fields["room"]) == (
        "",
        "",
        "",
    )
    assert place.fields["postal_code"] == "52393"


# --- control_characters -----------------------------------------------------------------


def test_control_characters_inside_json_strings() -> None:
    quirks = Quirks()
    raw = b'{"id": "p1", "name": "Antrag\x0b der Fraktion\x01"}'
    data = adapters.parse_json(answer(raw), quirks)
    assert quirks["control_characters"] == 1
    assert adapters.clean_text(data["name"]) == "Antrag  der Fraktion"
    with pytest.raises(FetchError, match=r"broken JSON \(Expecting"):
        adapters.parse_json(answer(b'{"id": "p1", "name": '), quirks)


# --- unencoded_parameters (SOMACOS) -----------------------------------------------------


def test_query_parameters_are_replaced_not_repeated() -> None:
    url = adapters.with_query(
        "http://h/paper?page=2&modified_since=old", modified_since="2024-01-01T00:00:00+01:00"
    )
    assert url == "http://h/paper?page=2&modified_since=2024-01-01T00%3A00%3A00%2B01%3A00"
    assert (
        adapters.unencoded(url) == "http://h/paper?page=2&modified_since=2024-01-01T00:00:00+01:00"
    )


@pytest.mark.django_db
def test_a_server_rejecting_encoded_parameters(server: FakeOParl, oparl_client: Client) -> None:
    system = register(server)
    sync(system, oparl_client, Options(files=False))
    server.faults.reject_encoded = True
    server.faults.changed[server.url("beispiel", "paper/3")] = {"name": "Haushalt (geändert)"}
    run = sync(system, oparl_client, Options(files=False))
    assert run.counts["quirks"]["unencoded_parameters"] == 3
    assert (
        Paper.objects.get(oparl_id=server.url("beispiel", "paper/3")).name == "Haushalt (geändert)"
    )


# --- ags_leading_zero, registering a system ---------------------------------------------


def test_ags_leading_zero(shared_data: Path) -> None:
    body = json.loads((shared_data / RECORDED / "bodies/gemeinde-huertgenwald.json").read_text())
    assert adapters.fix_ags(body["ags"]) == "05358016"
    assert adapters.fix_ags("05358016") == "05358016" and adapters.fix_ags("N/A") == ""


@pytest.mark.django_db
def test_add_creates_the_body_with_ags_and_oparl_id(
    server: FakeOParl, oparl_client: Client
) -> None:
    registered = add_system(oparl_client, server.system_url("beispiel"), "Gemeinde Beispiel")
    body = registered.system.body
    assert registered.body_created and body.ags == "05358016"
    assert body.oparl_id == server.url("beispiel", "bodies/1")
    with pytest.raises(ValueError, match="already registered for Gemeinde Beispiel"):
        add_system(oparl_client, server.system_url("beispiel"), "Gemeinde Beispiel")
    with pytest.raises(ValueError, match="not an OParl System"):
        add_system(oparl_client, server.url("beispiel", "bodies/1"), "Gemeinde Beispiel")


@pytest.mark.django_db
def test_the_commands_add_sync_and_remap(server: FakeOParl) -> None:
    runner = CliRunner()
    result = runner.invoke(
        main, ["oparl", "add", server.system_url("beispiel10"), "--body", "Gemeinde Hürtgenwald"]
    )
    assert result.exit_code == 0, result.output
    assert "OParl 1.0 for Gemeinde Hürtgenwald (new body)" in result.output
    slug = Body.objects.get().slug
    result = runner.invoke(main, ["oparl", "sync", "--body", slug, "--no-files"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Gemeinde Hürtgenwald: ") and "0 errors" in result.output
    assert Paper.objects.filter(placeholder=False).count() == 3
    result = runner.invoke(main, ["oparl", "remap"])
    assert result.exit_code == 0 and "mapped again" in result.output
    result = runner.invoke(main, ["oparl", "sync", "--body", "Nirgendwo"])
    assert result.exit_code != 0 and "no body 'Nirgendwo'" in result.output
    assert System.objects.get().body == Body.objects.get(slug=slug)


def test_missing_type_in_a_list_takes_the_lists_type(shared_data: Path) -> None:
    from versprochen.oparl.store import cut_out

    person = json.loads(
        (shared_data / "oparl/huertgenwald-2021/subset/body/1/person.json").read_text()
    )["data"][0]
    del person["type"]
    [received, *memberships] = cut_out(person, "Person")
    assert received.object_type == "Person" and received.url == person["id"]
    assert memberships and {m.object_type for m in memberships} == {"Membership"}
    assert {m.parent_url for m in memberships} == {person["id"]}
