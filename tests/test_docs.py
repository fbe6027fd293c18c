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


def test_extraction_page_names_every_stage_and_data_file() -> None:
    from versprochen.extraction.pipeline import STAGES

    page = (ROOT / "docs" / "extraction.md").read_text(encoding="utf-8")
    data = ROOT / "src" / "versprochen" / "extraction" / "data"
    names = [f"`{stage.name}`" for stage in STAGES]
    names += [f"`data/{path.name}`" for path in sorted(data.iterdir()) if path.is_file()]
    missing = [name for name in names if name not in page]
    assert not missing, f"docs/extraction.md does not name {missing}"


def test_extraction_page_names_what_the_benchmark_fits() -> None:
    from versprochen.extraction.coding import area, cap, testable

    page = (ROOT / "docs" / "extraction.md").read_text(encoding="utf-8")
    benchmark = (ROOT / "benchmarks" / "extraction_quality.py").read_text(encoding="utf-8")
    for fitted in (area.AreaWeights, cap.CapParams, testable.Weights):
        assert f"`{fitted.__name__}`" in page
        assert f"{fitted.__name__}(" in benchmark or "replace(testable.WEIGHTS" in benchmark


def test_extraction_page_names_only_modules_that_exist() -> None:
    import re

    page = (ROOT / "docs" / "extraction.md").read_text(encoding="utf-8")
    package = ROOT / "src" / "versprochen" / "extraction"
    named = set(re.findall(r"`((?:coding/)?\w+\.py)`", page))
    assert named, "the page names no modules"
    missing = sorted(name for name in named if not (package / name).exists())
    assert not missing, f"docs/extraction.md names modules that do not exist: {missing}"
