"""End to end: a sync of the Karlsruhe papers from the fake server, the suggestions
job it asks for, and a pledge finding the motion that pursues it."""

from __future__ import annotations

from typing import Any

import pytest

from versprochen.jobs import run_now
from versprochen.jobs.models import Job
from versprochen.oparl import suggest
from versprochen.oparl.fakeserver import FakeOParl
from versprochen.oparl.http import Client
from versprochen.oparl.models import Paper, System
from versprochen.oparl.models_links import Suggestion
from versprochen.oparl.sync import sync
from versprochen.tracker.importer import DocumentInfo
from versprochen.tracker.models import Pledge
from versprochen.tracker.testing import store

KARLSRUHE = DocumentInfo(
    body="Stadt Karlsruhe",
    kind="program",
    authors=("Partei",),
    term_start=2024,
    term_end=2029,
    date=None,
    title="Programm",
)


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_sync_asks_for_suggestions_and_a_pledge_finds_its_motion(shared_data: Any) -> None:
    store(
        [
            (
                "Wir wollen den Werderplatz in der Südstadt vom Durchgangsverkehr und von "
                "parkenden Autos befreien.",
                "mobilitaet",
                {"places": ["Werderplatz"]},
            )
        ],
        info=KARLSRUHE,
    )
    pledge = Pledge.objects.get()
    with FakeOParl(load=("karlsruhe",)) as server:
        system = System.objects.create(url=server.system_url("karlsruhe"), body=pledge.body)
        client = Client(timeout=5.0, retries=1, backoff=0.0, sleep=lambda seconds: None)
        run = sync(system, client)
    assert run.state == "done", run.summary
    job = Job.objects.get(kind="oparl.suggest")
    assert len(job.params["paper_ids"]) == Paper.objects.filter(deleted=False).count()
    suggest.forget_index(pledge.body)
    done = run_now("oparl.suggest", body=pledge.body, **job.params)
    assert done.state == "done", done.error
    best = Suggestion.objects.filter(pledge=pledge).order_by("-score").first()
    assert best is not None
    assert best.paper.name == "Lebenswerte Südstadt - Werderplatz autofrei"
    assert "Werderplatz" in best.passage
    suggest.forget_index(pledge.body)
