"""Commands `backup FILE` and `restore FILE` (SQLite and PostgreSQL alike)."""

from __future__ import annotations

from pathlib import Path

import click

from versprochen.cli.errors import bad_input_is_one_line
from versprochen.cli.tracker import data_dir_option


@click.command(name="backup")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@data_dir_option
def backup(file: Path, data_dir: Path | None) -> None:
    """Write the whole tracker (documents, pledges, history, accounts) to FILE (gzip JSON)."""
    from versprochen.cli.tracker import _setup

    with bad_input_is_one_line():
        _setup(data_dir)
        from versprochen.tracker.backup import backup as write

        if file.exists():
            raise ValueError(f"{file}: exists already; choose a new file name")
        partial = file.with_name(file.name + ".partial")
        # One consistent snapshot (`tracker.backup.snapshot`): every table as of one moment.
        counts = write(partial)
        partial.rename(file)
        click.echo(f"{file}: {sum(counts.values())} rows in {len(counts)} tables")


@click.command(name="restore")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@data_dir_option
def restore(file: Path, data_dir: Path | None) -> None:
    """Load FILE (made by `versprochen backup`) into an empty database, in one transaction."""
    from versprochen.cli.tracker import _setup

    with bad_input_is_one_line():
        if not file.is_file():
            raise ValueError(f"{file}: no such file")
        _setup(data_dir)
        from django.db import transaction

        from versprochen.tracker.backup import BackupError
        from versprochen.tracker.backup import restore as load

        try:
            with transaction.atomic():
                counts = load(file)
        except BackupError as error:
            raise ValueError(f"{file}: {error}") from None
        click.echo(f"{file}: restored {sum(counts.values())} rows in {len(counts)} tables")
