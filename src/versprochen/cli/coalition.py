"""Commands of the coalition wing."""

from __future__ import annotations

import click


def register_coalition_commands(group: click.Group) -> None:
    """Add this wing's commands to the `versprochen` group."""
