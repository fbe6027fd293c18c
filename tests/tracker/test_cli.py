from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from versprochen.cli import main
from versprochen.tracker.models import Document, Pledge, SourceFile

pytestmark = pytest.mark.django_db

PROGRAM = """# Bildung

Wir werden die Schulsozialarbeit an allen Grundschulen ausbauen.

Wir fordern kostenlose Busse für alle Schülerinnen und Schüler.
"""
OPTIONS = [
    "--body",
    "Stadt Herne",
    "--kind",
    "program",
    "--authors",
    "SPD Herne,CDU Herne",
    "--term",
    "2025-2030",
    "--date",
    "2025-11-04",
]


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_import_then_again_then_new_version(tmp_path: Path) -> None:
    path = tmp_path / "programm.md"
    path.write_text(PROGRAM)
    code, output = run("import", str(path), *OPTIONS)
    assert code == 0, output
    assert "version 1" in output
    pledges = Pledge.objects.count()
    code, output = run("import", str(path), *OPTIONS)
    assert code == 0 and "unchanged" in output and "nothing imported" in output
    assert SourceFile.objects.count() == 1 and Pledge.objects.count() == pledges
    path.write_text(PROGRAM + "\nWir schaffen 500 neue Kitaplätze bis 2028.\n")
    code, output = run("import", str(path), *OPTIONS)
    assert code == 0 and "version 2" in output
    assert Document.objects.count() == 1 and SourceFile.objects.count() == 2


def test_bad_input_gets_one_line_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "programm.md"
    path.write_text(PROGRAM)
    for args, expected in [
        (["--term", "morgen"], "--term"),
        (["--date", "4.11.2025"], "--date"),
    ]:
        options = list(OPTIONS)
        i = options.index(args[0])
        options[i + 1] = args[1]
        code, output = run("import", str(path), *options)
        assert code == 2 and expected in output, output
    code, output = run("import", str(tmp_path / "fehlt.pdf"), *OPTIONS)
    assert code == 2 and "no such file" in output
    empty = tmp_path / "leer.pdf"
    empty.write_bytes(b"")
    code, output = run("import", str(empty), *OPTIONS)
    assert code == 2 and "leer.pdf" in output and len(output.strip().splitlines()) == 1
    assert Document.objects.count() == 0


def test_a_failure_midway_leaves_nothing_half_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from versprochen.tracker import importer

    path = tmp_path / "programm.md"
    path.write_text(PROGRAM)
    calls = 0

    def fail_on_second(*args: object, **kwargs: object) -> None:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise RuntimeError("disk full")

    monkeypatch.setattr(importer.Mention.objects, "bulk_create", fail_on_second)
    result = CliRunner().invoke(main, ["import", str(path), *OPTIONS])
    assert isinstance(result.exception, RuntimeError)
    assert calls == 2
    assert Document.objects.count() == 0
    assert Pledge.objects.count() == 0
    assert SourceFile.objects.count() == 0
