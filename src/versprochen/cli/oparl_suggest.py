"""`versprochen oparl suggest`: the council papers of a body ranked for any text.

The ranking is the one that suggests papers for pledges, so a journalist can ask
"which papers are about this?" and the ranking can be measured from outside.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from versprochen.cli.errors import bad_input_is_one_line


def _body(name: str) -> object:
    from django.db.models import Q

    from versprochen.tracker.models import Body

    body = Body.objects.filter(Q(slug=name) | Q(name=name)).first()
    if body is None:
        raise ValueError(f"--body: no body named {name!r} (give its name or slug)")
    return body


@click.command("suggest")
@click.option("--body", "body_name", required=True, help="The body's name or slug.")
@click.option("--text", required=True, help="The text to find papers for (e.g. a pledge).")
@click.option("--limit", default=5, show_default=True, type=click.IntRange(1, 100))
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of lines.")
@click.option(
    "--data-dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Directory of the embedded database (default: $VERSPROCHEN_DATA_DIR or ./data).",
)
def suggest_command(
    body_name: str, text: str, limit: int, as_json: bool, data_dir: Path | None
) -> None:
    """Rank the synced papers of a body for TEXT, best first."""
    from versprochen.cli.tracker import _setup

    with bad_input_is_one_line():
        if not text.strip():
            raise ValueError("--text: empty")
        _setup(data_dir)
        from versprochen.oparl.suggest import rank_text

        body = _body(body_name)
        ranked = rank_text(body, text, limit)  # type: ignore[arg-type]
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
