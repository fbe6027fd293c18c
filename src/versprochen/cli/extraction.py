"""Commands of the extraction: `extract` and `evaluate`."""

from __future__ import annotations

import json
from pathlib import Path

import click

from versprochen.cli.errors import bad_input_is_one_line


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the extraction as JSON on stdout.")
def extract(files: tuple[Path, ...], as_json: bool) -> None:
    """Find the pledges in FILES (PDF, Markdown or text) and print them by section."""
    from versprochen.extraction import extract as run_extraction
    from versprochen.extraction.report import summary

    results = []
    with bad_input_is_one_line():
        for path in files:
            results.append(run_extraction(path))
    if as_json:
        payload = results[0].to_json() if len(results) == 1 else [r.to_json() for r in results]
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    for result in results:
        click.echo(summary(result))


@click.command()
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

    with bad_input_is_one_line():
        gold_pledges = load_gold(gold)
        result = run_extraction(file)
    predicted = result.to_json()["pledges"]
    assert isinstance(predicted, list)
    click.echo(score_report(score(predicted, gold_pledges)))
