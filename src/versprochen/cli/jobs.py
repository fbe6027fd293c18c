"""Commands of the jobs: `worker` runs the queue; `reextract` brings stored documents up to
the current extraction."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from versprochen.cli.errors import bad_input_is_one_line
from versprochen.cli.tracker import data_dir_option


@click.command()
@click.option("--once", is_flag=True, help="Run the jobs queued now, then stop.")
@click.option(
    "--max-jobs", type=click.IntRange(min=1), default=None, help="Stop after this many jobs."
)
@click.option(
    "--interval",
    type=click.FloatRange(min=0.05),
    default=1.0,
    show_default=True,
    help="Seconds to wait when the queue is empty.",
)
@data_dir_option
@click.option("--with-parent", type=int, default=None, hidden=True)
def worker(
    once: bool,
    max_jobs: int | None,
    interval: float,
    data_dir: Path | None,
    with_parent: int | None,
) -> None:
    """Run one worker: it takes jobs from the queue in the database and runs them.

    Any number of workers may run at once, on this machine or others sharing the
    same PostgreSQL database; each job runs once. Stop it with Ctrl+C or SIGTERM
    (it finishes the job it is running first).
    """
    from versprochen.cli.tracker import _setup

    with bad_input_is_one_line():
        # Many workers may start at once: none migrates (a race on PostgreSQL); they wait
        # for a schema brought up to date by `serve` or any other command.
        _setup(data_dir, migrate=False)
        _require_current_schema()
    from django.conf import settings

    from versprochen.jobs.worker import Worker

    runner = Worker(
        interval=interval,
        once=once,
        max_jobs=max_jobs,
        stale_seconds=settings.VERSPROCHEN_JOB_STALE_SECONDS,
        housekeeping_seconds=min(10.0, settings.VERSPROCHEN_JOB_STALE_SECONDS / 2),
        parent_pid=with_parent,
    )
    runner.configure_signals()
    runner.run()


def _require_current_schema() -> None:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        raise ValueError(
            "the database schema is not up to date; start `versprochen serve` "
            "(or run any other command) once, which migrates it"
        )


@click.command()
@click.option("--body", default=None, help="Only the documents of this body (name or slug).")
@click.option("--document", "slug", default=None, help="Only the document with this slug.")
@click.option("--all", "every", is_flag=True, help="Also documents the current pipeline extracted.")
@click.option(
    "--queue", is_flag=True, help="Queue one job per document for the workers instead of waiting."
)
@data_dir_option
def reextract(
    body: str | None, slug: str | None, every: bool, queue: bool, data_dir: Path | None
) -> None:
    """Extract stored documents again with the current pipeline, as new versions.

    Every document whose current version another pipeline extracted (every one
    with --all) is extracted again from its stored bytes; the result is matched
    like a re-import: pledges are kept with their assessments and corrections,
    new and gone ones are reported. Each document is a job of its own.
    """
    from versprochen.cli.tracker import _setup, command_line_user

    with bad_input_is_one_line():
        _setup(data_dir)
        from versprochen.jobs import enqueue, run_now
        from versprochen.tracker.importing.jobs import stale_documents

        documents = stale_documents(body, slug, every)
        if not documents:
            click.echo("Every document is extracted by the current pipeline; nothing to do.")
            return
        failed = 0
        for number, document in enumerate(documents, 1):
            assert document.source is not None
            click.echo(f"[{number}/{len(documents)}] {document.slug}", err=True)
            params: dict[str, Any] = {
                "document_id": document.pk,
                "version": document.source.version,
                "by": command_line_user(),
                "label": f"Neu extrahieren: {document.title}",
                "body": document.body,
            }
            if queue:
                job = enqueue("tracker.reextract", **params)
                click.echo(f"{document.slug}: queued as job {job.pk}")
                continue
            job = run_now("tracker.reextract", **params)
            if job.state == "failed":
                failed += 1
                click.echo(f"{document.slug}: failed: {job.error}", err=True)
            else:
                click.echo(job.result)
        if failed:
            raise ValueError(f"{failed} of {len(documents)} documents could not be extracted")


def register_jobs_commands(group: click.Group) -> None:
    group.add_command(worker)
    group.add_command(reextract)
