"""`versprochen report …` and `versprochen comparison …` on the tracker's database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pypdfium2
from click.testing import CliRunner

from versprochen.cli import main
from versprochen.reports.models import Comparison, ItemState, Report


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_report_yearly_writes_html_and_pdf(herne: dict[str, Any], tmp_path: Path) -> None:
    code, out = run(
        "report",
        "yearly",
        "--body",
        "stadt-herne",
        "--year",
        "2026",
        "--output",
        str(tmp_path / "out"),
        "--publish",
    )

    assert code == 0, out
    report = Report.objects.get()
    assert report.published
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert html == report.html
    assert "Jahresbilanz 2026: Stadt Herne" in html
    assert len(pypdfium2.PdfDocument(tmp_path / "out" / "report.pdf")) >= 2


def test_report_names_bad_input_and_makes_nothing(herne: dict[str, Any], tmp_path: Path) -> None:
    code, out = run("report", "midterm", "--body", "nirgendwo", "--output", str(tmp_path))
    assert code == 2
    assert "--body 'nirgendwo': no such body" in out
    code, out = run(
        "report", "yearly", "--body", "stadt-herne", "--year", "1800", "--output", str(tmp_path)
    )
    assert code == 2
    assert "year 1800: not between 1990" in out
    assert not Report.objects.exists()


def test_comparison_of_imported_documents(programs: dict[str, Any]) -> None:
    code, out = run(
        "comparison",
        programs["agreement"].slug,
        "--program",
        "SPD-Programm 2025=SPD",
        "--program",
        programs["cdu"].slug,
        "--confirm-all",
    )

    assert code == 0, out
    found = Comparison.objects.get()
    assert [p.name for p in found.programs.all()] == ["SPD", "CDU Herne"]
    assert found.items.filter(state=ItemState.CONFIRMED).count() == 6
    assert f"page: /vergleich/{programs['agreement'].slug}/" in out
    code, out = run("comparison", "kein-dokument", "--program", "x")
    assert code == 2
    assert "'kein-dokument': no imported document" in out
