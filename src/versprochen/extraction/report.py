"""Human-readable summaries of an extraction and of its score."""

from __future__ import annotations

from collections import Counter

from versprochen.extraction.scoring import FIELDS, Score
from versprochen.extraction.types import Extraction


def summary(result: Extraction) -> str:
    """The pledges of one document, grouped by section."""
    kinds = Counter(p.coding.kind for p in result.pledges)
    mentions = sum(len(p.mentions) for p in result.pledges)
    lines = [
        f"{result.document}: {len(result.pledges)} pledges ({mentions} mentions) "
        f"in {len(result.sections)} sections, {result.page_count} pages",
        "  kinds: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()),
        f"  pipeline: {result.pipeline}",
        "",
    ]
    current: str | None = "\0"
    for pledge in result.pledges:
        if pledge.section != current:
            current = pledge.section
            lines.append(f"## {current or '(before the first heading)'}")
        extra = f" [+{len(pledge.mentions) - 1}]" if len(pledge.mentions) > 1 else ""
        page = pledge.mentions[0].page
        lines.append(
            f"  {pledge.id} p.{page} {pledge.coding.kind:<8} {pledge.coding.area:<26} "
            f"{pledge.text}{extra}"
        )
    return "\n".join(lines) + "\n"


def score_report(score: Score) -> str:
    lines = []
    if score.missed:
        lines.append(f"Missed ({len(score.missed)}):")
        lines += [f"  {g.id}: {g.text}" for g in score.missed]
    if score.spurious:
        lines.append(f"Spurious ({len(score.spurious)}):")
        lines += [f"  {p.id}: {p.text}" for p in score.spurious]
    lines.append(f"predicted {score.predicted}, gold {score.gold}, matched {len(score.matches)}")
    lines.append("accuracy: " + ", ".join(f"{f} {score.accuracy.get(f, 0.0):.3f}" for f in FIELDS))
    lines.append(f"precision {score.precision:.3f}  recall {score.recall:.3f}  F1 {score.f1:.3f}")
    return "\n".join(lines)
