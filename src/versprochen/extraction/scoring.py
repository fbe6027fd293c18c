"""The scoring of an extraction against a gold file (annotation guideline, section 8)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy.optimize import linear_sum_assignment

from versprochen.matching.tokens import content_tokens, stopwords, token_f1

MATCH_THRESHOLD = 0.5
FIELDS = ("area", "cap", "kind", "testable")

__all__ = [
    "FIELDS",
    "MATCH_THRESHOLD",
    "Score",
    "ScoredPledge",
    "content_tokens",
    "load_gold",
    "score",
    "stopwords",
    "token_f1",
]


@dataclass(frozen=True)
class ScoredPledge:
    """A pledge as the metric sees it: its text (or mentions) and its coded fields."""

    id: str
    text: str
    mentions: tuple[str, ...]
    fields: dict[str, object]


@dataclass
class Score:
    predicted: int
    gold: int
    matches: list[tuple[ScoredPledge, ScoredPledge, float]]
    missed: list[ScoredPledge]
    spurious: list[ScoredPledge]
    accuracy: dict[str, float] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        return len(self.matches) / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return len(self.matches) / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _scored(items: Iterable[dict[str, object]]) -> list[ScoredPledge]:
    out = []
    for i, item in enumerate(items):
        raw_mentions = item.get("mentions")
        mentions = tuple(
            str(m["text"]) if isinstance(m, dict) else str(m)
            for m in (raw_mentions if isinstance(raw_mentions, list) else [])
        )
        text = str(item.get("text", ""))
        out.append(
            ScoredPledge(
                id=str(item.get("id", f"#{i + 1}")),
                text=text,
                mentions=mentions or (text,),
                fields={f: item.get(f) for f in FIELDS},
            )
        )
    return out


def score(predicted: Sequence[dict[str, object]], gold: Sequence[dict[str, object]]) -> Score:
    """Score predicted pledges (JSON shape of `extract --json`) against gold pledges."""
    pred, ref = _scored(predicted), _scored(gold)
    if not pred or not ref:
        return Score(len(pred), len(ref), [], list(ref), list(pred))
    pred_tokens = [content_tokens(p.text) for p in pred]
    ref_tokens = [[content_tokens(m) for m in g.mentions] for g in ref]
    overlap = np.zeros((len(pred), len(ref)))
    for i, pt in enumerate(pred_tokens):
        for j, mentions in enumerate(ref_tokens):
            overlap[i, j] = max(token_f1(pt, mt) for mt in mentions)
    rows, cols = linear_sum_assignment(overlap, maximize=True)
    matches = [
        (pred[i], ref[j], float(overlap[i, j]))
        for i, j in zip(rows, cols, strict=True)
        if overlap[i, j] >= MATCH_THRESHOLD
    ]
    matched_pred = {id(p) for p, _, _ in matches}
    matched_gold = {id(g) for _, g, _ in matches}
    accuracy = {
        f: (sum(p.fields[f] == g.fields[f] for p, g, _ in matches) / len(matches))
        if matches
        else 0.0
        for f in FIELDS
    }
    return Score(
        predicted=len(pred),
        gold=len(ref),
        matches=matches,
        missed=[g for g in ref if id(g) not in matched_gold],
        spurious=[p for p in pred if id(p) not in matched_pred],
        accuracy=accuracy,
    )


def load_gold(path: Path) -> list[dict[str, object]]:
    """The pledges of a gold file; a clear error when the file is not one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(f"{path}: not a readable gold file ({error})") from error
    pledges = data.get("pledges") if isinstance(data, dict) else None
    if not isinstance(pledges, list) or not all(isinstance(p, dict) for p in pledges):
        raise ValueError(f"{path}: not a gold file (no list of pledges under 'pledges')")
    return pledges
