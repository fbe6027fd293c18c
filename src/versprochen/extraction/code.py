"""code: area, CAP topic, kind, testability, quantities and places of each statement.

The rules and lexicons live in `versprochen.extraction.coding`; this module
joins them into one `Coding` per statement.
"""

from __future__ import annotations

from versprochen.extraction.coding.area import code_area
from versprochen.extraction.coding.cap import code_cap
from versprochen.extraction.coding.context import document_title, home_of
from versprochen.extraction.coding.kind import code_kind
from versprochen.extraction.coding.places import find_places
from versprochen.extraction.coding.quantities import find_quantities
from versprochen.extraction.coding.testable import code_testable
from versprochen.extraction.stage import stage
from versprochen.extraction.types import CodedDocument, CodedStatement, Coding, SplitDocument


def code_text(
    text: str,
    sections: tuple[str, ...],
    previous_area: str | None = None,
    home: frozenset[str] = frozenset(),
    found: tuple[str, ...] | None = None,
) -> Coding:
    """Code one pledge; `sections` is its heading path, top level first (may be empty).

    `previous_area` is the area of the pledge just before it under the same
    heading, if any: it helps where the pledge's own words say little.
    `home` are the places the whole document is about; naming them ties a
    pledge to no place in particular. `found` are the places in `text` when
    already looked for (`find_places(text)`).
    """
    clean_sections = tuple(s for s in (h.strip() for h in sections) if s)
    area = code_area(text, clean_sections, previous_area)
    kind = code_kind(text)
    quantities = find_quantities(text)
    places = tuple(p for p in (find_places(text) if found is None else found) if p not in home)
    return Coding(
        area=area,
        cap=code_cap(text, clean_sections, area),
        kind=kind,
        testable=code_testable(text, kind, quantities, places),
        quantities=quantities,
        places=places,
    )


@stage("code", 6)
def code(doc: SplitDocument) -> CodedDocument:
    paths = [doc.outlined.section_path(s.section) for s in doc.statements]
    title = document_title(paths)
    # Each statement's places are looked for once: the home places need all of
    # them before the first statement is coded, and a long document's
    # statements do not all fit in find_places' cache.
    found = [find_places(s.text) for s in doc.statements]
    home = home_of(found)
    coded: list[CodedStatement] = []
    previous: CodedStatement | None = None
    for statement, path, places in zip(doc.statements, paths, found, strict=True):
        if title is not None and path[:1] == (title,):
            path = path[1:]
        same_section = previous is not None and previous.statement.section == statement.section
        coding = code_text(
            statement.text,
            path,
            previous.coding.area if previous is not None and same_section else None,
            home,
            places,
        )
        previous = CodedStatement(statement, coding)
        coded.append(previous)
    return CodedDocument(outlined=doc.outlined, statements=tuple(coded))
