"""The `versprochen` command."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from versprochen import __version__

EXIT_BAD_INPUT = 2


@contextmanager
def _bad_input_is_one_line() -> Iterator[None]:
    """Turn an error a user caused into one line on stderr and exit code 2."""
    from versprochen.extraction.errors import InputError

    try:
        yield
    except (InputError, ValueError) as error:
        click.echo(f"Error: {error}", err=True)
        sys.exit(EXIT_BAD_INPUT)


@click.group()
@click.version_option(__version__, prog_name="versprochen")
def main() -> None:
    """Follow political promises from programs and coalition agreements."""


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the extraction as JSON on stdout.")
def extract(files: tuple[Path, ...], as_json: bool) -> None:
    """Find the pledges in FILES (PDF, Markdown or text) and print them by section."""
    from versprochen.extraction import extract as run_extraction
    from versprochen.extraction.report import summary

    results = []
    with _bad_input_is_one_line():
        for path in files:
            results.append(run_extraction(path))
    if as_json:
        payload = results[0].to_json() if len(results) == 1 else [r.to_json() for r in results]
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    for result in results:
        click.echo(summary(result))


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--gold",
    required=True,
    type=click.Path(path_type=Path),
    help="Gold file in the format of the annotation guideline, section 7.",
)
def evaluate(file: Path, gold: Path) -> None:
    """Score the extraction of FILE against a gold annotation (guideline, section 8)."""
    from versprochen.extraction import extract as run_extraction
    from versprochen.extraction.report import score_report
    from versprochen.extraction.scoring import load_gold, score

    with _bad_input_is_one_line():
        gold_pledges = load_gold(gold)
        result = run_extraction(file)
    predicted = result.to_json()["pledges"]
    assert isinstance(predicted, list)
    click.echo(score_report(score(predicted, gold_pledges)))
