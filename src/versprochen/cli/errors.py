"""How the command reports an error the user caused."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click

EXIT_BAD_INPUT = 2


@contextmanager
def bad_input_is_one_line() -> Iterator[None]:
    """Turn an error a user caused into one line on stderr and exit code 2, no traceback."""
    from versprochen.extraction.errors import InputError

    try:
        yield
    except (InputError, ValueError) as error:
        click.echo(f"Error: {error}", err=True)
        sys.exit(EXIT_BAD_INPUT)
