from __future__ import annotations

from typing import Any

import pytest

from versprochen.tracker.testing import store

PLEDGES = [
    ("Wir bauen die Schulsozialarbeit an allen Grundschulen aus.", "bildung", {}),
    ("Der Busverkehr wird im Stundentakt angeboten.", "mobilitaet", {"places": ["Wanne"]}),
]


@pytest.fixture
def tracker(db: None) -> None:
    store(PLEDGES)


@pytest.fixture(autouse=True)
def _always_fresh(settings: Any) -> None:
    settings.VERSPROCHEN_FRESHNESS_SECONDS = 0
