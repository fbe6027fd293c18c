"""Commands of the reports wing."""

from __future__ import annotations

import click


def register_reports_commands(group: click.Group) -> None:
    """Add this wing's commands to the `versprochen` group."""
