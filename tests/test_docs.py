"""The documentation says what the code does: the settings table and the README's settings."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from versprochen.site.config import Config, settings_table

ROOT = Path(__file__).resolve().parents[1]


def test_settings_page_is_generated_from_the_declarations() -> None:
    page = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    assert settings_table() in page, "docs/settings.md is stale: python -m versprochen.site.config"


def test_readme_names_every_setting() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [f.metadata["env"] for f in fields(Config) if f.metadata["env"] not in readme]
    assert not missing, f"README.md does not name {missing}"
