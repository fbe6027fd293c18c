"""`versprochen oparl suggest`: the council papers of a body ranked for any text.

The ranking is the one that suggests papers for pledges, so a journalist can ask
"which papers are about this?" and the ranking can be measured from outside.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from versprochen.cli.errors import bad_input_is_one_line
from versprochen.cli.tracker import _setup, data_dir_option


@click.command("suggest")
@click.option("--body", "body_name", required=True, help="The body's name or slug.")
@click.option("--text", required=True, help="The text to find papers for (e.g. a pledge).")
@click.option("--limit", default=5, show_default=True, type=click.IntRange(1, 100))
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of lines.")
@data_dir_option
def suggest_command(
    body_name: str, text: str, limit: int, as_json: bool, data_dir: Path | None
) -> None:
    """Rank the synced papers of a body for TEXT, best first."""
    with bad_input_is_one_line():
        if not text.strip():
            raise ValueError("--text: empty")
        _setup(data_dir)
        from versprochen.oparl.suggest import rank_text
        from versprochen.tracker.accounts import find_body

        ranked = rank_text(find_body(body_name), text, limit)
    rows = [
        {
            "id": paper.oparl_id,
            "name": paper.name,
            "reference": paper.reference,
            "score": hit.score,
            "passage": hit.passage.text,
        }
        for paper, hit in ranked
    ]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo("Keine passenden Vorlagen.")
    for row in rows:
        click.echo(f"{row['score']:8.3f}  {row['reference'] or '-':14} {row['name']}  {row['id']}")
