"""Commands of the oparl wing."""

from __future__ import annotations

import click


def register_oparl_commands(group: click.Group) -> None:
    """Add this wing's commands to the `versprochen` group."""
