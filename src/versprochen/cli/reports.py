"""Commands of the reports wing: `compare` (files, no database) and `report`."""

from __future__ import annotations

import json
from pathlib import Path

import click

from versprochen.cli.errors import bad_input_is_one_line


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


def register_reports_commands(group: click.Group) -> None:
    """Add this wing's commands to the `versprochen` group."""
    group.add_command(compare)
