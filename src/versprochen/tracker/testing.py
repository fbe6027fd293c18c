"""Small readable test data: an `Extraction` built from literals, stored through the importer.

Used by the tracker's, site's and API's tests; it never touches real files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from typing import Any

from versprochen.extraction.types import Coding, Extraction, Mention, Pledge, Section
from versprochen.tracker.importer import DocumentInfo, ImportReport, store_extraction

HERNE = DocumentInfo(
    body="Stadt Herne",
    kind="coalition_agreement",
    authors=("SPD Herne", "CDU Herne"),
    term_start=2025,
    term_end=2030,
    date=dt.date(2025, 11, 4),
    title="Herne 2030",
)


def make_extraction(
    paragraphs: Sequence[tuple[str, str, dict[str, object]]],
    heading: str = "Bildung",
    name: str = "test.md",
) -> Extraction:
    """One section `heading`, then one paragraph per (text, area, coding overrides); each
    paragraph is one pledge with one mention. The bytes are the text itself."""
    text = heading + "\n\n"
    pledges: list[Pledge] = []
    for number, (body, area, overrides) in enumerate(paragraphs, start=1):
        start = len(text)
        text += body + "\n\n"
        options: dict[str, Any] = dict(overrides)
        coding = Coding(
            area=area,
            cap=int(options.get("cap", 6)),
            kind=options.get("kind", "action"),
            testable=bool(options.get("testable", True)),
            quantities=tuple(options.get("quantities", ())),
            places=tuple(options.get("places", ())),
        )
        pledges.append(
            Pledge(
                id=f"p{number:03d}",
                text=body,
                section=heading,
                section_index=0,
                coding=coding,
                mentions=(
                    Mention(text=body, page=1 + number // 3, start=start, end=start + len(body)),
                ),
            )
        )
    return Extraction(
        document=name,
        pipeline="test-pipeline@1",
        format="markdown",
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        text=text,
        sections=(Section(title=heading, level=1, page=1, start=0),),
        pledges=tuple(pledges),
        page_count=3,
    )


def store(
    paragraphs: Sequence[tuple[str, str, dict[str, object]]],
    info: DocumentInfo = HERNE,
    heading: str = "Bildung",
) -> ImportReport:
    extraction = make_extraction(paragraphs, heading=heading)
    return store_extraction(info, "test.md", extraction.text.encode(), extraction)


def make_people() -> dict[str, Any]:
    """Accounts for tests (no passwords: tests log in with `force_login`).

    erika: editor of Stadt Herne · rudi: reviewer of Stadt Herne · anna: admin of
    Stadt Herne · otto: editor and reviewer of Kreis Heinsberg · mira: editor and
    reviewer of Stadt Herne.
    """
    from django.contrib.auth import get_user_model
    from django.utils.text import slugify

    from versprochen.tracker.models import Body
    from versprochen.tracker.roles import grant

    herne, _ = Body.objects.get_or_create(name="Stadt Herne", defaults={"slug": "stadt-herne"})
    heinsberg, _ = Body.objects.get_or_create(
        name="Kreis Heinsberg", defaults={"slug": slugify("Kreis Heinsberg")}
    )
    model = get_user_model()
    people: dict[str, Any] = {}
    for name, roles, body in [
        ("erika", ["editor"], herne),
        ("rudi", ["reviewer"], herne),
        ("anna", ["admin"], herne),
        ("otto", ["editor", "reviewer"], heinsberg),
        ("mira", ["editor", "reviewer"], herne),
    ]:
        user = model.objects.create(username=name, email=f"{name}@example.org")
        for role in roles:
            grant(user, role, body)
        people[name] = user
    people["herne"], people["heinsberg"] = herne, heinsberg
    return people
