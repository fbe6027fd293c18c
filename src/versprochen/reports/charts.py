"""The report's charts as SVG, drawn by matplotlib the same way every time.

Deterministic output: a fixed `svg.hashsalt` (the ids inside the SVG), no date or
creator in the metadata, text kept as text (DejaVu Sans, Debian's fonts, which
WeasyPrint has too). Each chart comes with a title for its text alternative; the
data table beside it is the template's.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Sequence
from typing import Any

import matplotlib

matplotlib.use("Agg")

from matplotlib import pyplot as plt
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

# The status colours of the site (site.css), so a chart reads like the badges.
STATUS_COLOURS = {
    "offen": "#9e9e9e",
    "in_arbeit": "#2f6db5",
    "gestockt": "#b35c00",
    "teilweise": "#8a6d00",
    "erfuellt": "#1f7a3a",
    "nicht_erfuellt": "#b3261e",
    "nicht_bewertbar": "#5c5c5c",
}
RC: Any = {
    "svg.hashsalt": "versprochen-report",
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
_PROLOG = re.compile(r"^.*?(?=<svg)", re.DOTALL)
_ID = re.compile(r'\bid="([^"]+)"')


def _own_ids(svg: str, prefix: str) -> str:
    """Every id (and reference to one) prefixed, so several charts on one page never
    share an id (matplotlib numbers them the same way in every figure)."""
    for name in sorted(set(_ID.findall(svg)), key=len, reverse=True):
        svg = (
            svg.replace(f'id="{name}"', f'id="{prefix}-{name}"')
            .replace(f'"#{name}"', f'"#{prefix}-{name}"')
            .replace(f"url(#{name})", f"url(#{prefix}-{name})")
        )
    return svg


def _svg(figure: Figure, label_id: str) -> str:
    buffer = io.StringIO()
    figure.savefig(
        buffer, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None}
    )
    plt.close(figure)
    svg = _own_ids(_PROLOG.sub("", buffer.getvalue(), count=1), label_id)
    # The chart is an image whose text alternative is the caption the id points to.
    return svg.replace("<svg ", f'<svg role="img" aria-labelledby="{label_id}" ', 1)


def stacked_bars(
    rows: Sequence[tuple[str, dict[str, int]]],
    statuses: Sequence[tuple[str, str]],
    label_id: str,
) -> str:
    """One horizontal bar per row, split by status (`statuses`: value and label)."""
    with plt.rc_context(RC):
        height = 0.9 + 0.32 * max(len(rows), 1)
        figure, axes = plt.subplots(figsize=(7.0, height))
        names = [name if len(name) <= 38 else name[:37] + "…" for name, _ in rows]
        left = [0] * len(rows)
        for status, label in statuses:
            values = [counts.get(status, 0) for _, counts in rows]
            axes.barh(names, values, left=left, color=STATUS_COLOURS[status], label=label)
            left = [a + b for a, b in zip(left, values, strict=True)]
        axes.invert_yaxis()
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        axes.set_xlabel("")
        axes.legend(
            loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=4, frameon=False, fontsize=8
        )
        return _svg(figure, label_id)


def over_time(
    dates: Sequence[str],
    series: Sequence[tuple[str, str, Sequence[int]]],
    label_id: str,
) -> str:
    """Lines of pledges per status over time (`series`: status, label, values)."""
    with plt.rc_context(RC):
        figure, axes = plt.subplots(figsize=(7.0, 3.0))
        positions = list(range(len(dates)))
        for status, label, values in series:
            axes.plot(positions, values, color=STATUS_COLOURS[status], label=label, linewidth=1.8)
        step = max(1, math.ceil(len(dates) / 6))
        axes.set_xticks(positions[::step], [d[:7] for d in dates[::step]])
        axes.set_ylim(bottom=0)
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        axes.legend(
            loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=4, frameon=False, fontsize=8
        )
        return _svg(figure, label_id)


def grouped_bars(
    groups: Sequence[str],
    series: Sequence[tuple[str, str, Sequence[int]]],
    label_id: str,
) -> str:
    """Bars per group side by side (`series`: colour, label, one value per group)."""
    with plt.rc_context(RC):
        figure, axes = plt.subplots(figsize=(7.0, 2.8))
        width = 0.8 / max(len(series), 1)
        for number, (colour, label, values) in enumerate(series):
            positions = [g + number * width for g in range(len(groups))]
            axes.bar(positions, values, width=width, color=colour, label=label)
        axes.set_xticks([g + 0.4 - width / 2 for g in range(len(groups))], list(groups))
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        axes.legend(
            loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=3, frameon=False, fontsize=8
        )
        return _svg(figure, label_id)
