"""Commands of the tracker: `import`, `export` and `serve`."""

from __future__ import annotations

import datetime as dt
import getpass
import os
import sys
from pathlib import Path
from typing import Any

import click

from versprochen.cli.errors import EXIT_BAD_INPUT, bad_input_is_one_line

data_dir_option = click.option(
    "--data-dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Directory of the embedded database (default: $VERSPROCHEN_DATA_DIR or ./data). "
    "DATABASE_URL selects PostgreSQL instead.",
)


def _setup(data_dir: Path | None, migrate: bool = True) -> None:
    """Point Django at the data directory, load it, and bring the database schema up to date."""
    if data_dir is not None:
        os.environ["VERSPROCHEN_DATA_DIR"] = str(data_dir)
    from versprochen.site import setup
    from versprochen.site.config import Config

    config = Config.from_env(os.environ)
    if not config.database_url:
        config.data_dir.mkdir(parents=True, exist_ok=True)
    setup()
    if migrate:
        from django.core.management import call_command

        call_command("migrate", verbosity=0, interactive=False)


def command_line_user() -> str:
    """Who ran a command, as the audit log names them (no account: the system user)."""
    try:
        return f"{getpass.getuser()} (command line)"
    except (KeyError, OSError):
        return "command line"


def _import_one(path: Path, info: Any, progress: bool = True, via: str = "command line") -> str:
    """Extract `path` and store it with its audit entry in one transaction; the report."""
    from django.db import transaction

    from versprochen.extraction import extract
    from versprochen.tracker.importer import find_existing, sha256_of, store_extraction
    from versprochen.tracker.importing.jobs import audit_import, report_lines

    data = path.read_bytes()
    sha256 = sha256_of(data)
    existing = find_existing(info, sha256)
    if existing is not None:
        with transaction.atomic():
            audit_import(command_line_user(), existing, path.name, sha256, via)
        return existing.summary()
    extraction = extract(data, filename=path.name)
    if progress and sys.stderr.isatty():
        with (
            click.progressbar(
                length=len(extraction.pledges), label=f"Storing {path.name}", file=sys.stderr
            ) as bar,
            transaction.atomic(),
        ):
            report = store_extraction(info, path.name, data, extraction, progress=bar.update)
            audit_import(command_line_user(), report, path.name, sha256, via)
    else:
        with transaction.atomic():
            report = store_extraction(info, path.name, data, extraction)
            audit_import(command_line_user(), report, path.name, sha256, via)
    return "\n".join(report_lines(report))


@click.command(name="import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--body", required=True, help='The municipality or district, e.g. "Stadt Herne".')
@click.option(
    "--kind",
    required=True,
    type=click.Choice(["program", "coalition_agreement", "other"]),
    help="What the document is.",
)
@click.option("--authors", required=True, help='Comma-separated, e.g. "SPD Herne,CDU Herne".')
@click.option("--term", default="", help="Council term, e.g. 2025-2030.")
@click.option("--date", "date_", default="", help="Date of the document, YYYY-MM-DD.")
@click.option("--title", default="", help="Title shown on the site (default from kind/authors).")
@click.option(
    "--source-url",
    default="",
    help="Where the document was published (http or https); a new version keeps the "
    "stored address unless one is given.",
)
@data_dir_option
def import_document(
    file: Path,
    body: str,
    kind: str,
    authors: str,
    term: str,
    date_: str,
    title: str,
    source_url: str,
    data_dir: Path | None,
) -> None:
    """Extract the pledges of FILE and store them as a document of BODY.

    Importing the same bytes again changes nothing. Importing a new version keeps
    the pledges that are still there (matched by text) with their assessments.
    """
    from versprochen.extraction.errors import InputError

    with bad_input_is_one_line():
        if not file.is_file():
            raise InputError(str(file), "no such file")
        _setup(data_dir)
        from versprochen.tracker.importer import DocumentInfo, parse_authors, parse_term

        term_start, term_end = parse_term(term) if term else (None, None)
        try:
            day = dt.date.fromisoformat(date_) if date_ else None
        except ValueError:
            raise ValueError(f"--date: {date_!r} is not a date like 2025-11-04") from None
        info = DocumentInfo(
            body=body,
            kind=kind,
            authors=parse_authors(authors),
            term_start=term_start,
            term_end=term_end,
            date=day,
            title=title,
            source_url=source_url,
        )
        click.echo(_import_one(file, info))


@click.command(name="export")
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(["csv", "json", "datapackage"]),
    help="csv: three CSV files; json: one JSON file; datapackage: CSVs and datapackage.json.",
)
@click.option(
    "--output",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("export"),
    show_default=True,
    help="Directory to write into.",
)
@data_dir_option
def export(fmt: str, output: Path, data_dir: Path | None) -> None:
    """Write the open data: pledges, mentions and published assessments."""
    with bad_input_is_one_line():
        _setup(data_dir)
        from versprochen.api.export import write_export

        for path in write_export(output, fmt):
            click.echo(str(path))


def import_seeds(seeds: Path) -> list[str]:
    from versprochen.tracker.seeds import seed_files

    return [
        _import_one(path, info, progress=False, via="seeds") for path, info in seed_files(seeds)
    ]


@click.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (host names other than localhost: VERSPROCHEN_ALLOWED_HOSTS).",
)
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option("--workers", default=2, show_default=True, type=int, help="gunicorn workers.")
@click.option(
    "--job-workers",
    default=1,
    show_default=True,
    type=click.IntRange(min=0),
    help="Job workers started beside the web workers (0: run `versprochen worker` elsewhere).",
)
@click.option(
    "--seeds",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("../shared/data/seeds"),
    show_default=True,
    help="Reference documents imported on the first start (when the tracker is empty).",
)
@click.option("--no-seeds", is_flag=True, help="Do not import the reference documents.")
@data_dir_option
def serve(
    host: str,
    port: int,
    workers: int,
    job_workers: int,
    seeds: Path,
    no_seeds: bool,
    data_dir: Path | None,
) -> None:
    """Start the site with gunicorn and a job worker (SQLite unless DATABASE_URL is set).

    On the first start the database is created and migrated and the reference
    documents are imported, so the tracker shows something at once.
    """
    with bad_input_is_one_line():
        _setup(data_dir)
        from versprochen.tracker.models import Document

        if not no_seeds and not Document.objects.exists():
            if seeds.is_dir():
                for line in import_seeds(seeds):
                    click.echo(line)
            else:
                click.echo(f"No reference documents at {seeds}; starting empty.", err=True)
    from django.db import connections

    connections.close_all()
    from versprochen.site.server import run

    click.echo(f"versprochen: http://{host}:{port}/")
    sys.exit(run(host, port, workers, job_workers))


def register_tracker_commands(group: click.Group) -> None:
    from versprochen.cli.accounts import createuser
    from versprochen.cli.backup import backup, restore
    from versprochen.cli.jobs import register_jobs_commands

    for command in (import_document, export, serve, createuser, backup, restore):
        group.add_command(command)
    register_jobs_commands(group)


__all__ = ["EXIT_BAD_INPUT", "register_tracker_commands"]
