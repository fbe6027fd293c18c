"""What the whole document says about coding each of its pledges.

Coding one pledge looks at its words and headings; a few things only show
across the document: a heading over everything is the document's title, and
a place named throughout is the authors' own town, which ties no pledge to
any place in particular.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from versprochen.extraction.coding.places import find_places

# Below this many statements a single top-level heading may be a real field.
MIN_STATEMENTS_FOR_TITLE = 10
# A place named in this share of all statements (and at least this often) is
# where the document is from ("Herne", "Solingen", "Kreis Heinsberg").
HOME_SHARE = 0.03
HOME_MIN_COUNT = 3


def document_title(paths: Sequence[tuple[str, ...]]) -> str | None:
    """The top-level heading that stands over (nearly) the whole document, if any.

    "Münster für alle: Sozial und gerecht in die Zukunft" would otherwise vote
    for social policy on every pledge.
    """
    tops = {path[0] for path in paths if path}
    if len(tops) != 1 or len(paths) < MIN_STATEMENTS_FOR_TITLE:
        return None
    nested = sum(1 for path in paths if len(path) > 1)
    return next(iter(tops)) if nested >= len(paths) / 2 else None


def home_places(texts: Sequence[str]) -> frozenset[str]:
    """Places named so often that they are the document's own town or district."""
    return home_of([find_places(text) for text in texts])


def home_of(found: Sequence[tuple[str, ...]]) -> frozenset[str]:
    """`home_places` from the places already found in each text."""
    counts = Counter(place for places in found for place in set(places))
    needed = max(HOME_MIN_COUNT, HOME_SHARE * len(found))
    return frozenset(place for place, n in counts.items() if n >= needed)
