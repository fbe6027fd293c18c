"""Editors correct the extraction; every correction is history, survives a re-import and
is exported."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.test import Client
from tests.site.conftest import PLEDGES

from versprochen.api.export import csv_lines
from versprochen.tracker.assessments import publish
from versprochen.tracker.models import (
    Assessment,
    CorrectionProposal,
    Mention,
    Pledge,
    PledgeCorrection,
)
from versprochen.tracker.testing import store


def editor(people: dict[str, Any], name: str = "erika") -> Client:
    client = Client()
    client.force_login(people[name])
    return client


def reviewed(people: dict[str, Any], name: str = "rudi") -> Any:
    """The newest proposal in review, published by `name` (a reviewer, not its author)."""
    proposal = CorrectionProposal.objects.filter(state="in_review").latest("id")
    return editor(people, name).post(
        f"/redaktion/pruefung/korrektur/{proposal.pk}/",
        {"action": "publish", "revision": str(proposal.revision)},
    )


def coding(pledge: Pledge, **changes: Any) -> dict[str, Any]:
    form = {
        "text": pledge.text,
        "area": pledge.area,
        "cap": str(pledge.cap),
        "kind": pledge.kind,
        "testable": "on" if pledge.testable else "",
        "quantities": "\n".join(pledge.quantities),
        "places": "\n".join(pledge.places),
        "revision": str(pledge.revision),
    }
    form.update(changes)
    return form


def test_edit_fields_is_history_public_and_survives_a_reimport(
    client: Client, people: dict[str, Any]
) -> None:
    buses = Pledge.objects.get(area="mobilitaet")
    erika = editor(people)
    response = erika.post(
        f"/redaktion/versprechen/{buses.pk}/korrigieren/",
        coding(
            buses,
            text="Der Busverkehr fährt im Stundentakt.",
            area="wirtschaft_arbeit",
            places="Wanne\nEickel",
            quantities="60 Minuten",
        ),
    )
    assert response.status_code == 302
    # Four eyes: until a reviewer publishes it, the public sees the pledge as before.
    assert PLEDGES[1][0] in client.get(f"/versprechen/{buses.pk}/").content.decode()
    assert Pledge.objects.get(pk=buses.pk).text == PLEDGES[1][0]
    assert reviewed(people).status_code == 302
    buses.refresh_from_db()
    assert buses.text == "Der Busverkehr fährt im Stundentakt."
    assert buses.places == ["Wanne", "Eickel"] and buses.quantities == ["60 Minuten"]
    assert sorted(buses.corrected) == ["area", "places", "quantities", "text"]
    correction = PledgeCorrection.objects.get(pledge=buses)
    assert correction.author == people["erika"] and correction.kind == "edit"
    assert correction.changes["text"] == [PLEDGES[1][0], "Der Busverkehr fährt im Stundentakt."]
    page = client.get(f"/versprechen/{buses.pk}/").content.decode()
    assert "Korrektur der Redaktion" in page and "erika" not in page
    assert client.get("/versprechen/?place=eickel&format=json").json()["count"] == 1
    # A new version of the document: the corrections stay.
    report = store([*PLEDGES, ("Neue Radwege entlang der Emscher.", "mobilitaet", {})])
    assert report.version == 2 and report.kept == 3
    buses.refresh_from_db()
    assert (
        buses.text == "Der Busverkehr fährt im Stundentakt." and buses.area == "wirtschaft_arbeit"
    )
    assert buses.extracted_text == PLEDGES[1][0] and buses.current
    assert PledgeCorrection.objects.filter(pledge=buses).count() == 1
    rows = "".join(csv_lines("corrections"))
    assert "Der Busverkehr fährt im Stundentakt." in rows and "erika" not in rows
    assert ",text," in rows and ",places," in rows
    pledges_csv = "".join(csv_lines("pledges"))
    assert "area | places | quantities | text" in pledges_csv


def test_bad_values_are_refused_at_the_field(people: dict[str, Any]) -> None:
    buses = Pledge.objects.get(area="mobilitaet")
    response = editor(people).post(
        f"/redaktion/versprechen/{buses.pk}/korrigieren/",
        coding(buses, text="", area="mond", cap="999", places="x" * 300),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert html.count('class="errorlist"') >= 4 and "mond" in html
    buses.refresh_from_db()
    assert buses.text == PLEDGES[1][0] and not PledgeCorrection.objects.exists()


def test_two_editors_correcting_the_same_pledge(people: dict[str, Any]) -> None:
    buses = Pledge.objects.get(area="mobilitaet")
    erika, mira = editor(people), editor(people, "mira")
    url = f"/redaktion/versprechen/{buses.pk}/korrigieren/"
    # Coding alone is not reviewed: the second of two saves from one state is refused.
    assert erika.post(url, coding(buses, area="kultur")).status_code == 302
    second = mira.post(url, coding(buses, area="sport"))
    assert second.status_code == 409
    html = second.content.decode()
    assert "erika hat dieses Versprechen inzwischen geändert" in html
    buses.refresh_from_db()
    assert buses.area == "kultur"
    # Two proposals from one state: the second cannot be published over the first.
    assert erika.post(url, coding(buses, text="Erikas Text.")).status_code == 302
    assert mira.post(url, coding(buses, text="Miras Text.")).status_code == 302
    erikas, miras = CorrectionProposal.objects.order_by("id")
    rudi = editor(people, "rudi")
    publish_form = {"action": "publish", "revision": "1"}
    assert rudi.post(f"/redaktion/pruefung/korrektur/{erikas.pk}/", publish_form).status_code == 302
    late = rudi.post(f"/redaktion/pruefung/korrektur/{miras.pk}/", publish_form)
    assert late.status_code == 409 and "nach diesem Vorschlag geändert" in late.content.decode()
    buses.refresh_from_db()
    assert buses.text == "Erikas Text."
    assert CorrectionProposal.objects.get(pk=miras.pk).state == "in_review"


def test_not_a_pledge_leaves_the_lists_and_stays_out_after_reimport(
    client: Client, people: dict[str, Any]
) -> None:
    library = Pledge.objects.get(area="kultur")
    url = f"/redaktion/versprechen/{library.pk}/kein-versprechen/"
    erika = editor(people)
    assert erika.post(url, {"note": "", "revision": library.revision}).status_code == 400
    assert (
        erika.post(
            url, {"note": "Nur eine Feststellung.", "revision": library.revision}
        ).status_code
        == 302
    )
    assert "Stadtbücherei" in client.get("/versprechen/").content.decode()  # not yet
    assert reviewed(people).status_code == 302
    library.refresh_from_db()
    assert library.excluded == "not_a_pledge" and not library.current
    assert "Stadtbücherei" not in client.get("/versprechen/").content.decode()
    assert "kein Versprechen" in client.get(f"/versprechen/{library.pk}/").content.decode()
    report = store([*PLEDGES, ("Neue Radwege entlang der Emscher.", "mobilitaet", {})])
    assert report.new == ["Neue Radwege entlang der Emscher."]
    library.refresh_from_db()
    assert not library.current and library.gone_in is None


def test_split_and_merge(client: Client, people: dict[str, Any]) -> None:
    school = Pledge.objects.get(number=1)  # has a published assessment
    buses = Pledge.objects.get(area="mobilitaet")
    erika = editor(people)
    first, second = "Wir bauen die Schulsozialarbeit", "an allen Grundschulen aus."
    response = erika.post(
        f"/redaktion/versprechen/{school.pk}/teilen/",
        {"first": first, "second": second, "revision": school.revision},
    )
    assert response.status_code == 302
    assert not Pledge.objects.filter(origin="split").exists()
    assert reviewed(people).status_code == 302
    school.refresh_from_db()
    new = Pledge.objects.get(origin="split")
    assert school.text == first and new.text == second and new.area == school.area
    assert school.assessments.count() == 2 and new.assessments.count() == 0
    (mention,) = Mention.objects.filter(pledge=new)
    assert school.document.text[mention.start : mention.end] == second
    assert [p.number for p in Pledge.objects.filter(current=True).order_by("number")] == [
        1,
        2,
        3,
        4,
    ]

    # Buses gets a published status, then the split-off pledge goes into it.
    publish(
        Assessment.objects.create(pledge=buses, status="gestockt", assessed_on=dt.date(2026, 5, 1))
    )
    response = erika.post(
        f"/redaktion/versprechen/{new.pk}/zusammenfuehren/",
        {"other": buses.pk, "revision": new.revision},
    )
    assert response.status_code == 302
    assert reviewed(people).status_code == 302
    buses.refresh_from_db()
    new.refresh_from_db()
    assert buses.excluded == "merged" and buses.merged_into == new and not buses.current
    assert new.status == "gestockt"  # the assessment followed
    assert new.assessments.count() == 1 and new.mentions.count() == 2
    page = client.get(f"/versprechen/{buses.pk}/").content.decode()
    assert f'href="/versprechen/{new.pk}/"' in page
    # A re-import keeps all of it: the merged pledge's mention goes to the target.
    store([*PLEDGES])
    assert store(PLEDGES).unchanged
    new.refresh_from_db()
    assert new.current and new.mentions.count() == 2


def test_add_a_missed_pledge_by_selecting_its_text(client: Client, people: dict[str, Any]) -> None:
    document = Pledge.objects.first().document
    erika = editor(people)
    page = erika.get(f"/redaktion/dokumente/{document.slug}/").content.decode()
    assert 'id="id_quote"' in page and "select.js" in page
    url = f"/redaktion/dokumente/{document.slug}/"
    missing = erika.post(
        url, {"quote": "steht nirgends", "area": "kultur", "cap": "23", "kind": "action"}
    )
    assert missing.status_code == 400 and "steht so nicht im Text" in missing.content.decode()
    response = erika.post(
        url,
        {
            "quote": "Der  Busverkehr wird\nim Stundentakt",
            "area": "mobilitaet",
            "cap": "10",
            "kind": "action",
            "testable": "on",
        },
    )
    assert response.status_code == 302
    added = Pledge.objects.get(origin="editor")
    assert added.text == "Der Busverkehr wird im Stundentakt" and added.current
    assert added.mentions.get().start == document.text.index("Der Busverkehr")
    assert PledgeCorrection.objects.get(pledge=added).kind == "add"
    report = store([*PLEDGES, ("Neue Radwege entlang der Emscher.", "mobilitaet", {})])
    added.refresh_from_db()
    assert added.current and added.mentions.count() == 1 and report.version == 2


def test_a_merged_pledge_stays_current_while_a_merged_text_is_still_there(
    client: Client, people: dict[str, Any]
) -> None:
    """Merge buses into school; the next version drops school's sentence but keeps the
    buses' one: school stays current with that mention and both assessments."""
    school = Pledge.objects.get(number=1)  # has a published assessment
    buses = Pledge.objects.get(area="mobilitaet")
    publish(
        Assessment.objects.create(pledge=buses, status="gestockt", assessed_on=dt.date(2026, 5, 1))
    )
    response = editor(people).post(
        f"/redaktion/versprechen/{school.pk}/zusammenfuehren/",
        {"other": buses.pk, "revision": school.revision},
    )
    assert response.status_code == 302 and reviewed(people).status_code == 302
    report = store(PLEDGES[1:])
    assert report.gone == []
    assert any("merged" in note for note in report.notes)
    school.refresh_from_db()
    buses.refresh_from_db()
    assert school.current and school.gone_in is None and school.status == "gestockt"
    assert buses.excluded == "merged" and not buses.current and buses.gone_in is None
    (mention,) = school.mentions.all()
    assert mention.text == PLEDGES[1][0]
    assert school.document.text[mention.start : mention.end] == PLEDGES[1][0]
    assert school.assessments.filter(state="published").count() == 2
    page = client.get(f"/versprechen/{school.pk}/").content.decode()
    assert "nicht mehr in der aktuellen Fassung" not in page
    listed = client.get("/versprechen/?format=json").json()
    assert school.pk in [p["id"] for p in listed["pledges"]] and listed["count"] == 2
    assert [p.number for p in Pledge.objects.filter(current=True).order_by("number")] == [1, 2]
    assessments_csv = "".join(csv_lines("assessments"))
    assert assessments_csv.count("\n") == 3  # header and both published assessments
    pledges_csv = "".join(csv_lines("pledges"))
    assert f"\n{school.pk}," in pledges_csv
    # Once the merged text goes too, the pledge is gone like any other.
    report = store(PLEDGES[2:])
    school.refresh_from_db()
    assert not school.current and school.gone_in is not None
    assert school.mentions.get().text == PLEDGES[1][0]


def test_a_pledge_kept_by_a_text_merged_from_another_document(people: dict[str, Any]) -> None:
    import dataclasses

    from versprochen.tracker import corrections
    from versprochen.tracker.testing import HERNE

    school = Pledge.objects.get(number=1)
    program = dataclasses.replace(HERNE, kind="program", authors=("SPD Herne",), title="P")
    other_text = "Jede Grundschule bekommt Schulsozialarbeit."
    store([(other_text, "bildung", {})], info=program)
    other = Pledge.objects.get(text=other_text)
    corrections.merge(people["erika"], school, school.revision, other)
    store(PLEDGES[1:])  # school's own sentence is gone, the merged one is still there
    school.refresh_from_db()
    assert school.current and school.gone_in is None
    assert [m.text for m in school.mentions.all()] == [other_text]
    report = store([("Neue Radwege.", "mobilitaet", {})], info=program)
    school.refresh_from_db()
    assert not school.current and school.gone_in == school.document.source
    assert any("gone as well" in note for note in report.notes)


SCHOOLS = (
    "Wir bauen die Schulsozialarbeit an allen Grundschulen aus und stellen dafür "
    "zehn neue Fachkräfte für die Stadtteile ein."
)


def test_a_split_survives_a_small_change_of_the_split_off_part(people: dict[str, Any]) -> None:
    from versprochen.tracker import corrections

    store([(SCHOOLS, "bildung", {}), *PLEDGES[1:]])
    school = Pledge.objects.get(text=SCHOOLS)
    first, second = SCHOOLS.split(" und ")
    second = "und " + second
    new = corrections.split(people["erika"], school, school.revision, first, second)
    publish(
        Assessment.objects.create(pledge=new, status="gestockt", assessed_on=dt.date(2026, 5, 1))
    )
    changed = SCHOOLS.replace("zehn", "zwölf")
    report = store([(changed, "bildung", {}), *PLEDGES[1:]])
    new.refresh_from_db()
    school.refresh_from_db()
    assert new.current and new.gone_in is None and new.status == "gestockt"
    assert school.current and school.text == first
    (mention,) = new.mentions.all()
    assert mention.text == "und stellen dafür zwölf neue Fachkräfte für die Stadtteile ein."
    assert school.document.text[mention.start : mention.end] == mention.text
    assert report.gone == [] and report.unplaced == []
    # A part that is no longer there at all is kept (editors made it) and reported.
    report = store(
        [
            ("Wir bauen die Schulsozialarbeit an allen Grundschulen aus.", "bildung", {}),
            *PLEDGES[1:],
        ]
    )
    new.refresh_from_db()
    assert new.current and new.gone_in is None and not new.mentions.exists()
    assert report.unplaced == [new.text] and "1 editors' pledge(s)" in report.summary()
    assert any(new.text in note for note in report.notes)


def test_an_added_pledge_survives_a_small_change_of_its_text(people: dict[str, Any]) -> None:
    from versprochen.tracker import corrections

    store([(SCHOOLS, "bildung", {}), *PLEDGES[1:]])
    document = Pledge.objects.first().document
    values = {"area": "bildung", "cap": 6, "kind": "action", "testable": True}
    added = corrections.add(
        people["erika"], document, "zehn neue Fachkräfte für die Stadtteile", values
    )
    store([(SCHOOLS.replace("zehn", "elf"), "bildung", {}), *PLEDGES[1:]])
    added.refresh_from_db()
    assert added.current and added.mentions.get().text == "elf neue Fachkräfte für die Stadtteile"


def test_numbers_after_a_merge_are_those_of_the_current_pledges(people: dict[str, Any]) -> None:
    """A merged-away pledge (no mentions) and one marked as not a pledge take no number
    from the current ones; the same numbers on SQLite and PostgreSQL."""
    from versprochen.tracker import corrections

    store([*PLEDGES, ("Neue Radwege entlang der Emscher.", "mobilitaet", {})])
    school, buses, library, paths = (Pledge.objects.get(number=n) for n in (1, 2, 3, 4))
    corrections.merge(people["erika"], library, library.revision, buses)
    corrections.exclude(people["erika"], school, school.revision, "Nur eine Feststellung.")
    numbers = {p.pk: p.number for p in Pledge.objects.all()}
    assert numbers[library.pk] == 1 and numbers[paths.pk] == 2
    assert {numbers[school.pk], numbers[buses.pk]} == {3, 4}
    assert numbers[school.pk] == 3  # still in the order of the document
    # A re-import keeps them so.
    report = store([*PLEDGES, ("Neue Radwege entlang der Emscher!", "mobilitaet", {})])
    assert report.version == 3 and len(report.changed) == 1
    assert {p.pk: p.number for p in Pledge.objects.all()} == numbers


def test_a_merged_away_pledge_does_not_keep_a_status_it_no_longer_has(
    client: Client, people: dict[str, Any]
) -> None:
    from versprochen.tracker import corrections

    school = Pledge.objects.get(number=1)
    buses = Pledge.objects.get(area="mobilitaet")
    publish(
        Assessment.objects.create(pledge=buses, status="gestockt", assessed_on=dt.date(2026, 5, 1))
    )
    buses.refresh_from_db()
    assert buses.status == "gestockt"
    corrections.merge(people["erika"], school, school.revision, buses)
    buses.refresh_from_db()
    assert buses.status == "offen" and buses.status_changed_at is None
    page = client.get(f"/versprechen/{buses.pk}/").content.decode()
    assert "gestockt" not in page
    assert "Noch keine Bewertung" not in page
    assert "Die Bewertungen stehen beim zusammengeführten Versprechen" in page
    assert f'href="/versprechen/{school.pk}/"' in page
    assert client.get(f"/versprechen/{buses.pk}/?format=json").json()["status"] == "offen"
