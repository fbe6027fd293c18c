"""Commands of the oparl wing: `versprochen oparl add|sync|remap|status`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from versprochen.cli.errors import bad_input_is_one_line
from versprochen.cli.oparl_suggest import suggest_command
from versprochen.cli.tracker import _setup, data_dir_option


@click.group(name="oparl")
def oparl_group() -> None:
    """Council information systems (OParl 1.0/1.1): register, sync, map again."""


@oparl_group.command(name="add")
@click.argument("url")
@click.option("--body", "body_name", required=True, help="The tracker body (name or slug).")
@click.option(
    "--oparl-body", default="", help="The OParl Body's id, for a system with several bodies."
)
@data_dir_option
def add(url: str, body_name: str, oparl_body: str, data_dir: Path | None) -> None:
    """Register the OParl System at URL for a body (created if there is none of that name)."""
    with bad_input_is_one_line():
        _setup(data_dir)
        from django.db import transaction

        from versprochen.oparl.http import Client
        from versprochen.oparl.register import add_system

        with transaction.atomic():
            registered = add_system(Client(), url.strip(), body_name, oparl_body.strip())
        system = registered.system
        made = " (new body)" if registered.body_created else ""
        click.echo(
            f"{system.url}: OParl {system.version} for {system.body.name}{made}, "
            f"OParl body {registered.oparl_body_name}; sync with: "
            f'versprochen oparl sync --body "{system.body.name}"'
        )


@oparl_group.command(name="sync")
@click.option("--body", "body_name", default=None, help="Only this body (name or slug).")
@click.option("--full", is_flag=True, help="Read everything again, not only what changed.")
@click.option("--no-files", is_flag=True, help="Do not download files and extract their text.")
@click.option("--queue", is_flag=True, help="Queue the sync for the workers instead.")
@data_dir_option
def sync_command(
    body_name: str | None, full: bool, no_files: bool, queue: bool, data_dir: Path | None
) -> None:
    """Sync the council systems (of one body or of all), resuming an interrupted sync."""
    with bad_input_is_one_line():
        _setup(data_dir)
        from versprochen.jobs import enqueue, run_now
        from versprochen.oparl import jobs  # noqa: F401 - registers the job kind
        from versprochen.oparl.models import System
        from versprochen.tracker.accounts import find_body

        bodies = (
            [find_body(body_name)]
            if body_name
            else [system.body for system in System.objects.select_related("body")]
        )
        bodies = list({body.pk: body for body in bodies}.values())
        if not bodies:
            raise ValueError(
                "no OParl system registered yet (versprochen oparl add URL --body NAME)"
            )
        failed = 0
        for body in bodies:
            params: dict[str, Any] = {"body_id": body.pk, "full": full, "files": not no_files}
            label = f"OParl-Abgleich {body.name}"
            if queue:
                job = enqueue("oparl.sync", label=label, body=body, **params)
                click.echo(f"{body.name}: queued as job {job.pk}")
                continue
            with _progress(body.name) as report:
                job = run_now("oparl.sync", label=label, body=body, on_progress=report, **params)
            if job.state == "failed":
                failed += 1
                click.echo(f"{body.name}: failed: {job.error}", err=True)
            else:
                click.echo(job.result)
        if failed:
            raise ValueError(f"{failed} of {len(bodies)} syncs failed")


class _progress:
    """A progress line on a terminal (pages, then files); nothing when not on one."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.live = sys.stderr.isatty()

    def __enter__(self) -> Any:
        return self.update

    def update(self, done: int, total: int, message: str) -> None:
        if not self.live:
            return
        share = f" {done}/{total}" if total else f" {done}"
        line = f"\r{self.name}:{share} {message}"[:110]
        click.echo(line.ljust(110), nl=False, err=True)

    def __exit__(self, *exc: object) -> None:
        if self.live:
            click.echo("", err=True)


@oparl_group.command(name="remap")
@click.option("--body", "body_name", default=None, help="Only this body (name or slug).")
@data_dir_option
def remap(body_name: str | None, data_dir: Path | None) -> None:
    """Map the stored payloads into the tables again (nothing is fetched)."""
    with bad_input_is_one_line():
        _setup(data_dir)
        from versprochen.oparl.models import System
        from versprochen.oparl.remap import remap_system
        from versprochen.tracker.accounts import find_body

        systems = System.objects.select_related("body")
        if body_name:
            systems = systems.filter(body=find_body(body_name))
        if not systems.exists():
            raise ValueError(
                "no OParl system registered yet (versprochen oparl add URL --body NAME)"
            )
        for system in systems:
            click.echo(f"{system.body.name}: {remap_system(system)}")


def register_oparl_commands(group: click.Group) -> None:
    """Add this wing's commands to the `versprochen` group."""
    oparl_group.add_command(suggest_command)
    group.add_command(oparl_group)
