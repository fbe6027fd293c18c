"""code: area, CAP topic, kind, testability, quantities and places of each statement.

The rules and lexicons live in `versprochen.extraction.coding`; this module
joins them into one `Coding` per statement.
"""

from __future__ import annotations

from versprochen.extraction.coding.area import code_area, code_cap
from versprochen.extraction.coding.kind import code_kind
from versprochen.extraction.coding.places import find_places
from versprochen.extraction.coding.quantities import find_quantities
from versprochen.extraction.coding.testable import code_testable
from versprochen.extraction.stage import stage
from versprochen.extraction.types import CodedDocument, CodedStatement, Coding, SplitDocument

# Below this many statements a single top-level heading may be a real field.
_MIN_STATEMENTS_FOR_TITLE = 10


def code_text(text: str, sections: tuple[str, ...], previous_area: str | None = None) -> Coding:
    """Code one pledge; `sections` is its heading path, top level first (may be empty).

    `previous_area` is the area of the pledge just before it under the same
    heading, if any: it helps where the pledge's own words say little.
    """
    clean_sections = tuple(s for s in (h.strip() for h in sections) if s)
    area = code_area(text, clean_sections, previous_area)
    kind = code_kind(text)
    quantities = find_quantities(text)
    places = find_places(text)
    return Coding(
        area=area,
        cap=code_cap(text, clean_sections, area),
        kind=kind,
        testable=code_testable(text, kind, quantities, places),
        quantities=quantities,
        places=places,
    )


@stage("code", 2)
def code(doc: SplitDocument) -> CodedDocument:
    paths = [doc.outlined.section_path(s.section) for s in doc.statements]
    title = _document_title(paths)
    coded: list[CodedStatement] = []
    previous: CodedStatement | None = None
    for statement, path in zip(doc.statements, paths, strict=True):
        if title is not None and path[:1] == (title,):
            path = path[1:]
        same_section = previous is not None and previous.statement.section == statement.section
        coding = code_text(
            statement.text,
            path,
            previous.coding.area if previous is not None and same_section else None,
        )
        previous = CodedStatement(statement, coding)
        coded.append(previous)
    return CodedDocument(outlined=doc.outlined, statements=tuple(coded))


def _document_title(paths: list[tuple[str, ...]]) -> str | None:
    """A top-level heading over the whole document is its title, not a policy field.

    "Münster für alle: Sozial und gerecht in die Zukunft" would otherwise vote
    for social policy on every pledge.
    """
    tops = {path[0] for path in paths if path}
    if len(tops) != 1 or len(paths) < _MIN_STATEMENTS_FOR_TITLE:
        return None
    top = next(iter(tops))
    nested = sum(1 for path in paths if len(path) > 1)
    return top if nested >= len(paths) / 2 else None
