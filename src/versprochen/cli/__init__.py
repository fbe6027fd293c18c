"""The `versprochen` command: one group, its commands registered from one module per wing."""

from __future__ import annotations

import click

from versprochen import __version__
from versprochen.cli.coalition import register_coalition_commands
from versprochen.cli.extraction import evaluate, extract
from versprochen.cli.oparl import register_oparl_commands
from versprochen.cli.reports import register_reports_commands
from versprochen.cli.tracker import register_tracker_commands


@click.group()
@click.version_option(__version__, prog_name="versprochen")
def main() -> None:
    """Follow political promises from programs and coalition agreements."""


main.add_command(extract)
main.add_command(evaluate)
register_tracker_commands(main)
register_oparl_commands(main)
register_coalition_commands(main)
register_reports_commands(main)
