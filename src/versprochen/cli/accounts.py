"""Commands for accounts: `createuser`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from versprochen.cli.errors import bad_input_is_one_line
from versprochen.cli.tracker import data_dir_option

ROLES = ["admin", "editor", "reviewer"]


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    value: str = click.prompt("Password", hide_input=True, confirmation_prompt=True, err=True)
    return value


@click.command(name="createuser")
@click.argument("name")
@click.option(
    "--role",
    "roles",
    multiple=True,
    required=True,
    type=click.Choice(ROLES),
    help="admin (users, documents), editor (drafts, corrections), reviewer (publishes). "
    "Repeat for several.",
)
@click.option(
    "--body",
    "bodies",
    multiple=True,
    help='Body the roles are for, by name or slug ("Stadt Herne"); repeat for several. '
    "Without: every body.",
)
@click.option("--email", default="", help="E-mail address (optional).")
@click.option(
    "--password-stdin", is_flag=True, help="Read the password from the first line of stdin."
)
@data_dir_option
def createuser(
    name: str,
    roles: tuple[str, ...],
    bodies: tuple[str, ...],
    email: str,
    password_stdin: bool,
    data_dir: Path | None,
) -> None:
    """Create the account NAME with roles (or add roles to an existing account).

    The password is asked for (twice) unless --password-stdin is given; it is stored
    as an Argon2 hash. A role without --body holds for every body.
    """
    from versprochen.cli.tracker import _setup

    with bad_input_is_one_line():
        _setup(data_dir)
        from django.db import transaction

        from versprochen.tracker.accounts import check_username, create_user, existing, find_body

        found = [find_body(b) for b in bodies]
        exists = existing(check_username(name)) is not None
        password = None if exists else _password(password_stdin)
        with transaction.atomic():
            _, created, granted = create_user(name, roles, found, password, email)
        what = "created" if created else "exists, password unchanged"
        click.echo(f"{name}: {what}; roles granted: {', '.join(granted) or 'none new'}")
