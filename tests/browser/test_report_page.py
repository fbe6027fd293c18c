"""A published report and a comparison page in Chromium: axe-core finds no violation, at
desktop and phone width (screenshots in test-artifacts/)."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from axe_check import check_accessibility  # type: ignore[import-not-found]

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]


def _json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


def _command(served: dict[str, Any], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "versprochen.cli", *args, "--data-dir", str(served["data_dir"])],
        env=served["env"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


@pytest.fixture(scope="module")
def published(served: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A published yearly report of Stadt Herne and a confirmed comparison of its agreement
    with a small program that repeats two of its pledges."""
    site = served["base"]
    output = tmp_path_factory.mktemp("report")
    made = _command(
        served,
        "report",
        "yearly",
        "--body",
        "stadt-herne",
        "--year",
        "2026",
        "--output",
        str(output),
        "--publish",
    )
    slug = made.split("published report ")[1].split(",")[0]
    pledges = _json(site + "/versprechen/?format=json&body=stadt-herne")["pledges"]
    agreement = next(p["document"] for p in pledges)
    chosen = [p["text"] for p in pledges if p["document"] == agreement][:2]
    program = output / "programm.md"
    program.write_text("# Programm\n\n" + "\n\n".join(chosen) + "\n", encoding="utf-8")
    _command(
        served,
        "import",
        str(program),
        "--body",
        "Stadt Herne",
        "--kind",
        "program",
        "--authors",
        "SPD Herne",
        "--title",
        "Programm der SPD Herne (Test)",
    )
    _command(
        served,
        "comparison",
        agreement,
        "--program",
        "Programm der SPD Herne (Test)=SPD",
        "--confirm-all",
    )
    return {"report": slug, "agreement": agreement}


@pytest.mark.parametrize("width", [1280, 390])
def test_the_report_page_has_no_axe_violation(
    site: str, browser: Any, published: dict[str, str], width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="de-DE")
    page = context.new_page()
    try:
        page.goto(f"{site}/berichte/{published['report']}/")
        assert page.locator("h1").first.inner_text().startswith("Jahresbilanz 2026")
        assert page.locator("svg[role=img]").count() >= 2
        assert page.locator("figcaption").count() >= 2
        check_accessibility(page, f"report-{width}")
        page.goto(f"{site}/vergleich/{published['agreement']}/")
        assert page.locator("table.pairs tbody tr").count() >= 2
        check_accessibility(page, f"comparison-{width}")
    finally:
        context.close()
