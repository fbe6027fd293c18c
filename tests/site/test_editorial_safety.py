"""Editorial safety: four eyes for corrections the public sees, drafts in review never
changed silently, retired pledges flagged in the review queue, stable ids as titles."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.test import Client
from tests.site.conftest import PLEDGES
from tests.site.test_corrections import coding, editor
from tests.site.test_review import draft_form

from versprochen.tracker import workflow
from versprochen.tracker.models import Assessment, CorrectionProposal, Pledge
from versprochen.tracker.testing import store
from versprochen.tracker.validation import DraftData


def test_nobody_publishes_their_own_correction(people: dict[str, Any]) -> None:
    buses = Pledge.objects.get(area="mobilitaet")
    mira = editor(people, "mira")  # editor and reviewer of Stadt Herne
    url = f"/redaktion/versprechen/{buses.pk}/korrigieren/"
    assert mira.post(url, coding(buses, text="Miras Text.")).status_code == 302
    proposal = CorrectionProposal.objects.get()
    assert proposal.pk not in [p["pk"] for p in _queue(mira)]
    own = mira.post(
        f"/redaktion/pruefung/korrektur/{proposal.pk}/",
        {"action": "publish", "revision": str(proposal.revision)},
    )
    assert own.status_code == 400 and "eigenen Entwurf" in own.content.decode()
    assert Pledge.objects.get(pk=buses.pk).text == PLEDGES[1][0]
    rudi = editor(people, "rudi")
    assert proposal.pk in [p["pk"] for p in _queue(rudi)]
    page = rudi.get(f"/redaktion/pruefung/korrektur/{proposal.pk}/").content.decode()
    assert "Miras Text." in page and PLEDGES[1][0] in page


def _queue(client: Client) -> list[dict[str, Any]]:
    html = client.get("/redaktion/pruefung/").content.decode()
    return [{"pk": p.pk} for p in CorrectionProposal.objects.all() if f"korrektur/{p.pk}/" in html]


def test_a_second_reviewer_publishing_a_published_correction_gets_409(
    people: dict[str, Any],
) -> None:
    library = Pledge.objects.get(area="kultur")
    erika = editor(people)
    erika.post(
        f"/redaktion/versprechen/{library.pk}/kein-versprechen/",
        {"note": "Nur eine Feststellung.", "revision": library.revision},
    )
    proposal = CorrectionProposal.objects.get()
    form = {"action": "publish", "revision": str(proposal.revision)}
    url = f"/redaktion/pruefung/korrektur/{proposal.pk}/"
    assert editor(people, "rudi").post(url, form).status_code == 302
    late = editor(people, "mira").post(url, form)
    assert late.status_code == 409
    assert "inzwischen veröffentlicht (von rudi)" in late.content.decode()


def test_a_returned_correction_changes_nothing_and_shows_the_comment(
    client: Client, people: dict[str, Any]
) -> None:
    school = Pledge.objects.get(number=1)
    erika = editor(people)
    erika.post(
        f"/redaktion/versprechen/{school.pk}/teilen/",
        {"first": "Wir bauen", "second": "die Schulsozialarbeit aus.", "revision": "1"},
    )
    proposal = CorrectionProposal.objects.get()
    url = f"/redaktion/pruefung/korrektur/{proposal.pk}/"
    rudi = editor(people, "rudi")
    empty = rudi.post(url, {"action": "return", "comment": " ", "revision": "1"})
    assert empty.status_code == 400
    back = rudi.post(url, {"action": "return", "comment": "Zu kurz geteilt.", "revision": "1"})
    assert back.status_code == 302
    assert Pledge.objects.count() == 3 and Pledge.objects.get(pk=school.pk).text == PLEDGES[0][0]
    assert "Zu kurz geteilt." in erika.get(f"/redaktion/versprechen/{school.pk}/").content.decode()


def test_saving_a_draft_in_review_takes_it_out_of_review(people: dict[str, Any]) -> None:
    buses = Pledge.objects.get(area="mobilitaet")
    erika, rudi = editor(people), editor(people, "rudi")
    erika.post(f"/redaktion/versprechen/{buses.pk}/bewertung/", draft_form(action="submit"))
    draft = Assessment.objects.get(pledge=buses)
    seen = draft.revision
    assert draft.state == "in_review"
    saved = erika.post(
        f"/redaktion/bewertungen/{draft.pk}/",
        draft_form(action="save", revision=str(seen), status="erfuellt"),
        follow=True,
    )
    assert "aus der Prüfung genommen" in saved.content.decode()
    draft.refresh_from_db()
    assert draft.state == "draft" and draft.status == "erfuellt"
    assert (
        f"/redaktion/pruefung/{draft.pk}/" not in rudi.get("/redaktion/pruefung/").content.decode()
    )
    late = rudi.post(f"/redaktion/pruefung/{draft.pk}/", {"action": "publish", "revision": seen})
    assert late.status_code in (400, 404, 409)  # no longer for reviewers to see
    assert Assessment.objects.get(pk=draft.pk).state == "draft"


def test_a_reimport_retiring_a_pledge_flags_its_draft_in_the_queue(
    people: dict[str, Any],
) -> None:
    school = Pledge.objects.get(number=1)
    workflow.create_draft(
        people["erika"],
        school,
        DraftData(status="erfuellt", assessed_on=dt.date(2026, 5, 1), rationale="Fertig."),
        submit=True,
    )
    report = store(PLEDGES[1:])
    assert report.version == 2
    html = editor(people, "rudi").get("/redaktion/pruefung/").content.decode()
    assert f"Versprechen {school.pk}" in html
    assert "Versprechen in Fassung 2 nicht mehr enthalten" in html


def test_editor_pages_title_pledges_by_their_stable_id(people: dict[str, Any]) -> None:
    buses = Pledge.objects.get(area="mobilitaet")
    erika = editor(people)
    page = erika.get(f"/redaktion/versprechen/{buses.pk}/").content.decode()
    assert f"<h1>Versprechen {buses.pk}</h1>" in page
    listing = erika.get("/redaktion/versprechen/").content.decode()
    assert f"Versprechen {buses.pk}" in listing


def test_the_editors_list_filters_by_assessment_document_area_and_status(
    people: dict[str, Any],
) -> None:
    school = Pledge.objects.get(number=1)  # assessed (published) in the fixture
    buses = Pledge.objects.get(area="mobilitaet")
    erika = editor(people)

    def listed(**params: str) -> set[int]:
        response = erika.get("/redaktion/versprechen/", params)
        assert response.status_code == 200
        html = response.content.decode()
        return {p.pk for p in Pledge.objects.all() if f"/redaktion/versprechen/{p.pk}/" in html}

    everything = listed()
    assert school.pk in everything and buses.pk in everything
    assert school.pk not in listed(assessed="none") and buses.pk in listed(assessed="none")
    Pledge.objects.filter(pk=school.pk).update(
        status_changed_at=dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    )
    assert listed(assessed="older", months="6") == {school.pk}
    assert listed(assessed="older", months="600") == everything  # refused: all, with a note
    page = erika.get("/redaktion/versprechen/", {"assessed": "older", "months": "²"})
    assert page.status_code == 200 and "months:" in page.content.decode()
    assert listed(area="mobilitaet") == {buses.pk}
    assert listed(status="in_arbeit") == {school.pk}
    assert listed(document=school.document.slug) == everything


def test_the_merge_target_is_found_by_searching(people: dict[str, Any]) -> None:
    school = Pledge.objects.get(number=1)
    buses = Pledge.objects.get(area="mobilitaet")
    erika = editor(people)
    url = f"/redaktion/versprechen/{school.pk}/zusammenfuehren/"
    first = erika.get(url).content.decode()
    assert 'name="other"' not in first and "Bitte oben suchen" in first
    found = erika.get(url, {"q": "Busverkehr Stundentakt"}).content.decode()
    assert f'value="{buses.pk}"' in found and 'type="radio"' in found
    assert f'value="{buses.pk}"' in erika.get(url, {"q": str(buses.pk)}).content.decode()
    assert "Nichts gefunden" in erika.get(url, {"q": "Mondbasis"}).content.decode()
    missing = erika.post(url, {"revision": str(school.revision)})
    assert missing.status_code == 400 and "suchen und auswählen" in missing.content.decode()
    chosen = erika.post(url, {"other": str(buses.pk), "revision": str(school.revision)})
    assert chosen.status_code == 302
    assert CorrectionProposal.objects.get().payload == {"other": buses.pk}
