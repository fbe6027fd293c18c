"""A readable comparison of a draft with the pledge's published assessment.

Fields that differ are listed with before and after; long texts are compared
word by word, so a reviewer sees what was inserted and what was removed.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _

from versprochen.tracker.models import Assessment, Evidence
from versprochen.tracker.vocabulary import EvidenceKind, Status

Piece = tuple[str, str]  # ("same" | "added" | "removed", text)


@dataclass(slots=True)
class Change:
    label: str
    before: str
    after: str
    pieces: list[Piece] = field(default_factory=list)
    lines: bool = False  # pieces are whole lines (evidence), not words


def words(before: str, after: str) -> list[Piece]:
    """`before` → `after` as runs of same, removed and added words."""
    a, b = before.split(), after.split()
    out: list[Piece] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(("same", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("removed", " ".join(a[i1:i2])))
        if j2 > j1:
            out.append(("added", " ".join(b[j1:j2])))
    return out


def _evidence_line(e: Evidence) -> str:
    parts = [str(EvidenceKind(e.kind).label) if e.kind in EvidenceKind.values else e.kind, e.title]
    if e.date:
        parts.append(e.date.isoformat())
    if e.url:
        parts.append(e.url)
    if e.quote:
        parts.append(f"„{e.quote}“")
    return " · ".join(parts)


def _fields(a: Assessment | None) -> dict[str, str]:
    if a is None:
        return {"status": str(Status.OFFEN.label)}
    return {
        "status": str(Status(a.status).label),
        "assessed_on": a.assessed_on.isoformat(),
        "rationale": a.rationale,
        "reason": a.reason,
        "evidence": "\n".join(_evidence_line(e) for e in a.evidence.order_by("id")),
    }


LABELS: dict[str, Any] = {
    "status": _("Status"),
    "assessed_on": _("Stand vom"),
    "rationale": _("Begründung"),
    "reason": _("Warum nicht bewertbar"),
    "evidence": _("Belege"),
}


def compare(published: Assessment | None, draft: Assessment) -> list[Change]:
    """What the draft changes against the published assessment (None: nothing published)."""
    old, new = _fields(published), _fields(draft)
    changes = []
    for name, label in LABELS.items():
        before, after = old.get(name, ""), new.get(name, "")
        if before == after:
            continue
        pieces = words(before, after) if name in ("rationale", "reason") else []
        if name == "evidence":
            a, b = before.splitlines(), after.splitlines()
            pieces = [("removed", line) for line in a if line not in b]
            pieces += [("same", line) for line in b if line in a]
            pieces += [("added", line) for line in b if line not in a]
        changes.append(Change(str(label), before, after, pieces, lines=name == "evidence"))
    return changes
