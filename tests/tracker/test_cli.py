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

    def fail(*args: object, **kwargs: object) -> None:
        nonlocal calls
        calls += 1
        raise RuntimeError("disk full")

    # The mentions are written after the document, its source, sections and pledges.
    monkeypatch.setattr(importer.Mention.objects, "bulk_create", fail)
    result = CliRunner().invoke(main, ["import", str(path), *OPTIONS])
    assert isinstance(result.exception, RuntimeError)
    assert calls == 1
    assert Document.objects.count() == 0
    assert Pledge.objects.count() == 0
    assert SourceFile.objects.count() == 0


@pytest.mark.parametrize(
    ("first", "second", "option"),
    [
        ("Stadt Herne", "stadt herne", "--body"),
        ("Stadt Münster", "Stadt Munster", "--body"),
        ("CDU Münster", "CDU Munster", "--authors"),
    ],
)
def test_names_written_alike_are_the_same_body_or_author(
    tmp_path: Path, first: str, second: str, option: str
) -> None:
    from versprochen.tracker.models import Actor, Body

    path = tmp_path / "programm.md"
    path.write_text(PROGRAM)
    options = list(OPTIONS)
    options[options.index(option) + 1] = first
    code, output = run("import", str(path), *options)
    assert code == 0, output
    other = tmp_path / "anderes.md"
    other.write_text(PROGRAM + "\nWir schaffen 500 neue Kitaplätze bis 2028.\n")
    options[options.index(option) + 1] = second
    options[options.index("--kind") + 1] = "other"
    code, output = run("import", str(other), *options)
    assert code == 0, output
    assert "Traceback" not in output and f"{second!r} is {first!r}" in output
    model = Body if option == "--body" else Actor
    assert model.objects.filter(name=first).exists()
    assert not model.objects.filter(name=second).exists()
    assert Document.objects.count() == 2
    assert {d.body.name for d in Document.objects.all()} == (
        {first} if option == "--body" else {"Stadt Herne"}
    )


def test_overlong_names_get_one_line(tmp_path: Path) -> None:
    path = tmp_path / "programm.md"
    path.write_text(PROGRAM)
    options = list(OPTIONS)
    options[options.index("--body") + 1] = "B" * 201
    code, output = run("import", str(path), *options)
    assert code == 2 and "--body" in output and len(output.strip().splitlines()) == 1
    assert Document.objects.count() == 0


def test_earlier_bytes_again_restore_that_version(tmp_path: Path) -> None:
    path = tmp_path / "programm.md"
    path.write_text(PROGRAM)
    assert run("import", str(path), *OPTIONS)[0] == 0
    path.write_text(PROGRAM + "\nWir schaffen 500 neue Kitaplätze bis 2028.\n")
    assert run("import", str(path), *OPTIONS)[0] == 0
    assert Pledge.objects.filter(current=True, text__contains="Kitaplätze").exists()
    path.write_text(PROGRAM)  # version 1's bytes again
    code, output = run("import", str(path), *OPTIONS)
    assert code == 0 and "unchanged" not in output, output
    assert "version 3" in output and "version 1 again" in output
    document = Document.objects.get()
    assert document.source is not None and document.source.version == 3
    assert document.source.sha256 == SourceFile.objects.get(version=1).sha256
    assert not Pledge.objects.filter(current=True, text__contains="Kitaplätze").exists()
    code, output = run("import", str(path), *OPTIONS)  # now they are the current bytes
    assert code == 0 and "unchanged (these bytes are version 3)" in output
    assert SourceFile.objects.count() == 3


def test_a_gone_pledge_with_a_published_assessment_is_named(tmp_path: Path) -> None:
    import datetime as dt

    from versprochen.tracker.assessments import publish
    from versprochen.tracker.models import Assessment

    path = tmp_path / "programm.md"
    path.write_text(PROGRAM)
    assert run("import", str(path), *OPTIONS)[0] == 0
    buses = Pledge.objects.get(text__contains="Busse")
    publish(
        Assessment.objects.create(pledge=buses, status="erfuellt", assessed_on=dt.date(2026, 1, 5))
    )
    path.write_text(
        PROGRAM.replace("Wir fordern kostenlose Busse für alle Schülerinnen und Schüler.", "")
    )
    without_date = [o for o in OPTIONS if o not in ("--date", "2025-11-04")]
    code, output = run("import", str(path), *without_date)
    assert code == 0, output
    assert "1 gone (1 of them with a published assessment)" in output
    assert "had the published status erfuellt" in output
    assert str(Document.objects.get().date) == "2025-11-04"


def test_imports_from_the_command_line_are_in_the_audit_log(tmp_path: Path) -> None:
    from versprochen.tracker.models import AuditEntry

    path = tmp_path / "programm.md"
    path.write_text(PROGRAM)
    assert run("import", str(path), *OPTIONS)[0] == 0
    assert run("import", str(path), *OPTIONS)[0] == 0
    entries = list(AuditEntry.objects.filter(action="document.import").order_by("pk"))
    assert len(entries) == 2
    document = Document.objects.get()
    for entry in entries:
        assert entry.user is None and entry.username.endswith("(command line)")
        assert entry.body_id == document.body_id and entry.object_id == str(document.pk)
        assert entry.after["via"] == "command line" and entry.after["file"] == "programm.md"
    assert "version 1" in entries[0].after["summary"]
    assert "unchanged" in entries[1].after["summary"]


def test_reextract_brings_documents_of_an_older_pipeline_up_to_date(tmp_path: Path) -> None:
    from versprochen.jobs import run_now
    from versprochen.jobs.models import Job
    from versprochen.tracker.models import AuditEntry

    path = tmp_path / "programm.md"
    path.write_text(PROGRAM)
    assert run("import", str(path), *OPTIONS)[0] == 0
    document = Document.objects.get()
    pledges = set(Pledge.objects.values_list("pk", "text"))
    code, output = run("reextract")
    assert code == 0 and "nothing to do" in output
    Document.objects.update(pipeline="versprochen-0.1:read@1")
    SourceFile.objects.update(pipeline="versprochen-0.1:read@1")
    code, output = run("reextract", "--body", "Stadt Herne")
    assert code == 0, output
    assert "version 2 — 2 pledges kept, 0 new, 0 changed, 0 gone" in output
    assert "version 1 extracted again (versprochen-0.1:read@1 →" in output
    assert set(Pledge.objects.values_list("pk", "text")) == pledges
    assert SourceFile.objects.count() == 2
    assert Job.objects.get(kind="tracker.reextract").state == "done"
    entry = AuditEntry.objects.filter(action="document.import").latest("pk")
    assert entry.after["via"] == "reextract" and entry.username.endswith("(command line)")
    assert run("reextract")[1].startswith("Every document is extracted")
    code, output = run("reextract", "--all", "--document", document.slug)
    assert code == 0 and "version 3" in output
    # A job run again after it stored its result (killed before it could say so) does nothing.
    again = run_now("tracker.reextract", document_id=document.pk, version=2)
    assert again.state == "done" and "already at version 3" in again.result
    assert SourceFile.objects.count() == 3


def test_reextract_of_unknown_documents_does_nothing(tmp_path: Path) -> None:
    code, output = run("reextract", "--document", "gibt-es-nicht", "--all")
    assert code == 0 and "nothing to do" in output


def test_import_with_a_source_url_a_new_version_keeps_it(tmp_path: Path) -> None:
    path = tmp_path / "programm.md"
    path.write_text(PROGRAM)
    url = "https://example.org/wahl/programm.pdf"
    code, output = run("import", str(path), *OPTIONS, "--source-url", f"  {url} ")
    assert code == 0, output
    assert Document.objects.get().source_url == url
    path.write_text(PROGRAM + "\nWir schaffen 500 neue Kitaplätze bis 2028.\n")
    code, output = run("import", str(path), *OPTIONS)
    assert code == 0 and "version 2" in output
    assert Document.objects.get().source_url == url  # not given: kept
    path.write_text(PROGRAM + "\nWir bauen zwei neue Hallenbäder.\n")
    newer = "http://example.org/wahl/programm-2.pdf"
    assert run("import", str(path), *OPTIONS, "--source-url", newer)[0] == 0
    assert Document.objects.get().source_url == newer


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "ftp://example.org/programm.pdf",
        "programm.pdf",
        "https://example.org/a\nb",
        "https://example.org/" + "a" * 1000,
    ],
)
def test_a_bad_source_url_gets_one_line_and_changes_nothing(tmp_path: Path, url: str) -> None:
    path = tmp_path / "programm.md"
    path.write_text(PROGRAM)
    code, output = run("import", str(path), *OPTIONS, "--source-url", url)
    assert code == 2, output
    assert output.startswith("Error: --source-url: ") and len(output.strip().splitlines()) == 1
    assert "web address" in output or "At most 1000 characters" in output
    assert Document.objects.count() == 0


def test_reextract_keeps_the_source_url(tmp_path: Path) -> None:
    path = tmp_path / "programm.md"
    path.write_text(PROGRAM)
    url = "https://example.org/wahl/programm.pdf"
    assert run("import", str(path), *OPTIONS, "--source-url", url)[0] == 0
    code, output = run("reextract", "--all")
    assert code == 0 and "version 2" in output, output
    assert Document.objects.get().source_url == url
