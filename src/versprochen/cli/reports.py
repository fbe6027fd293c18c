"""Commands of the reports wing: `compare` (files, no database) and `report`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from versprochen.cli.errors import EXIT_BAD_INPUT, bad_input_is_one_line
from versprochen.cli.tracker import data_dir_option


def _program_option(value: str) -> tuple[str, Path]:
    name, sep, path = value.partition("=")
    if not sep or not name.strip() or not path.strip():
        raise click.BadParameter(f"{value!r} is not NAME=FILE (e.g. SPD=spd-2025.pdf)")
    return name.strip(), Path(path.strip())


@click.command()
@click.argument("agreement", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--program",
    "program_specs",
    multiple=True,
    required=True,
    metavar="NAME=FILE",
    help="A partner's program: its name and file (PDF, Markdown or text). Repeat per program.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the comparison as JSON on stdout.")
def compare(agreement: Path, program_specs: tuple[str, ...], as_json: bool) -> None:
    """Propose where each pledge of the AGREEMENT came from and what became of program pledges."""
    from versprochen.extraction import extract
    from versprochen.matching.compare import compare as run_comparison
    from versprochen.matching.compare import passages_of

    programs: dict[str, Path] = {}
    for spec in program_specs:
        name, path = _program_option(spec)
        if name in programs:
            raise click.BadParameter(f"the program name {name!r} is given twice")
        programs[name] = path
    with bad_input_is_one_line():
        agreement_passages = passages_of(extract(agreement))
        program_passages = {name: passages_of(extract(path)) for name, path in programs.items()}
    result = run_comparison(agreement_passages, program_passages)
    if as_json:
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        return
    click.echo(f"{agreement.name}: {len(result.items)} pledges")
    for origin in [*([name] for name in programs), list(programs), []]:
        count = sum(1 for item in result.items if list(item.origin) == origin)
        label = " + ".join(origin) if origin else "in no program"
        click.echo(f"  {label}: {count}")
    for name, counts in result.summary().items():
        click.echo(
            f"{name}: {counts['pledges']} pledges, {counts['adopted']} adopted, "
            f"{counts['modified']} modified, {counts['dropped']} dropped"
        )


@click.group()
def report() -> None:
    """Write a yearly review or mid-term evaluation (report.html and report.pdf)."""


def _report_options(function: Any) -> Any:
    for option in reversed(
        [
            click.option("--body", "body_slug", required=True, help="The body's slug."),
            click.option(
                "--output",
                required=True,
                type=click.Path(path_type=Path, file_okay=False),
                help="Directory for report.html and report.pdf (created if missing).",
            ),
            click.option(
                "--base-url",
                default="",
                help="Address of the public site, for links to the pledge pages "
                "(e.g. https://tracker.example.org); relative links without it.",
            ),
            click.option(
                "--publish", is_flag=True, help="Publish the report (public under /berichte/)."
            ),
            data_dir_option,
        ]
    ):
        function = option(function)
    return function


def _write_report(
    body_slug: str,
    kind: str,
    year: int | None,
    output: Path,
    base_url: str,
    publish: bool,
    data_dir: Path | None,
) -> None:
    from versprochen.cli.tracker import _setup

    _setup(data_dir)
    from django.db import transaction

    from versprochen.reports import service
    from versprochen.tracker.models import Body

    body = Body.objects.filter(slug=body_slug).first()
    if body is None:
        click.echo(f"Error: --body {body_slug!r}: no such body", err=True)
        sys.exit(EXIT_BAD_INPUT)
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        click.echo(f"Error: --output {output}: {error.strerror}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    with bad_input_is_one_line(), transaction.atomic():
        made = service.make(body, kind, year=year, base_url=base_url)
        if publish:
            service.publish(made)
    (output / "report.html").write_text(made.html, encoding="utf-8")
    (output / "report.pdf").write_bytes(bytes(made.pdf))
    state = "published" if publish else "draft"
    click.echo(
        f"{made.title}: {output / 'report.html'}, {output / 'report.pdf'} "
        f"({state} report {made.slug}, snapshot {made.snapshot_sha256[:12]})"
    )


@report.command()
@click.option("--year", required=True, type=int, help="The calendar year the report covers.")
@_report_options
def yearly(
    year: int,
    body_slug: str,
    output: Path,
    base_url: str,
    publish: bool,
    data_dir: Path | None,
) -> None:
    """The yearly review of a body for YEAR."""
    _write_report(body_slug, "yearly", year, output, base_url, publish, data_dir)


@report.command()
@_report_options
def midterm(
    body_slug: str, output: Path, base_url: str, publish: bool, data_dir: Path | None
) -> None:
    """The mid-term evaluation of a body: from the start of its agreement until today."""
    _write_report(body_slug, "midterm", None, output, base_url, publish, data_dir)


def _stored_document(value: str) -> Any:
    from django.db.models import Q

    from versprochen.tracker.models import Document

    found = list(Document.objects.filter(Q(slug=value) | Q(title=value))[:2])
    if len(found) != 1:
        reason = "no imported document" if not found else "several documents"
        click.echo(f"Error: {value!r}: {reason} with this slug or title", err=True)
        sys.exit(EXIT_BAD_INPUT)
    return found[0]


@click.command(name="comparison")
@click.argument("agreement")
@click.option(
    "--program",
    "program_specs",
    multiple=True,
    required=True,
    metavar="DOCUMENT[=NAME]",
    help="An imported program (slug or title) and the partner's name shown "
    "(default: its authors). Repeat per program.",
)
@click.option(
    "--confirm-all",
    is_flag=True,
    help="For a demonstration only: confirm every proposal as it is, so the public "
    "page shows them. Editors confirm or correct proposals under /redaktion/vergleich/.",
)
@data_dir_option
def comparison_command(
    agreement: str, program_specs: tuple[str, ...], confirm_all: bool, data_dir: Path | None
) -> None:
    """Compare an imported coalition AGREEMENT (slug or title) with the partners' programs
    in the tracker: proposals for every pledge, shown at /vergleich/<slug>/ once confirmed."""
    from versprochen.cli.tracker import _setup

    _setup(data_dir)
    from django.db import transaction

    from versprochen.jobs import run_now
    from versprochen.reports import comparison
    from versprochen.reports.models import ItemState

    document = _stored_document(agreement)
    programs = []
    for spec in program_specs:
        name, _, label = spec.partition("=")
        program = _stored_document(name.strip())
        programs.append((program, label.strip() or comparison.program_name(program)))
    with bad_input_is_one_line(), transaction.atomic():
        found = comparison.setup(document, programs)
    job = run_now("reports.compare", label=f"comparison {document.slug}", comparison_id=found.pk)
    if job.state != "done":
        click.echo(f"Error: {document.slug}: {job.error}", err=True)
        sys.exit(1)
    click.echo(job.result)
    if confirm_all:
        with transaction.atomic():
            for item in found.items.filter(state=ItemState.PROPOSED):
                comparison.confirm(item, None, {})
        click.echo(f"confirmed every proposal (demonstration): {found.items.count()} items")
    click.echo(f"page: /vergleich/{document.slug}/")


def register_reports_commands(group: click.Group) -> None:
    """Add this wing's commands to the `versprochen` group."""
    group.add_command(compare)
    group.add_command(comparison_command)
    group.add_command(report)
