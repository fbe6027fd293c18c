"""Shared test fixtures: where the shared data lives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture(autouse=True)
def _own_export_dir(settings: Any, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Each test's open-data files (built by `api.export_files.build`) in its own place."""
    settings.VERSPROCHEN_EXPORT_DIR = tmp_path_factory.mktemp("exports")
