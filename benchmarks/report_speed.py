"""How long a yearly report takes for a body with 1,000 pledges and 2,000 assessments.

Builds the data in a fresh SQLite file (or the database DATABASE_URL names), then
times `versprochen.reports.service.make` (snapshot, HTML, PDF) and prints the
figures. Target: at most 60 s for HTML and PDF. Asserts nothing.

Run: `python benchmarks/report_speed.py [--pledges 1000] [--assessments 2000]`
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import random
import sys
import tempfile
import time
from pathlib import Path

AREAS = ("bildung", "mobilitaet", "kultur", "finanzen", "sport", "soziales_gesundheit")
STATUSES = ("in_arbeit", "gestockt", "teilweise", "erfuellt", "nicht_erfuellt")


def build(pledge_count: int, assessment_count: int) -> object:
    from django.db import transaction
    from django.utils import timezone

    from versprochen.extraction.types import Coding, Extraction, Mention, Pledge, Section
    from versprochen.tracker.importer import store_extraction
    from versprochen.tracker.models import Assessment, Evidence
    from versprochen.tracker.models import Pledge as StoredPledge
    from versprochen.tracker.testing import HERNE

    text, sections, pledges = "", [], []
    per_chapter = max(1, pledge_count // 20)
    for number in range(1, pledge_count + 1):
        chapter = (number - 1) // per_chapter
        if (number - 1) % per_chapter == 0:
            sections.append(Section(f"Kapitel {chapter + 1}", 1, chapter + 1, len(text)))
            text += f"Kapitel {chapter + 1}\n\n"
        body = f"Versprechen Nummer {number}: wir bauen {number} Meter Radweg in Herne."
        start = len(text)
        text += body + "\n\n"
        pledges.append(
            Pledge(
                f"p{number:04d}",
                body,
                f"Kapitel {chapter + 1}",
                len(sections) - 1,
                Coding(AREAS[number % len(AREAS)], 6, "action", True),
                (Mention(body, chapter + 1, start, start + len(body)),),
            )
        )
    extraction = Extraction(
        "bench.md",
        "bench@1",
        "markdown",
        hashlib.sha256(text.encode()).hexdigest(),
        text,
        tuple(sections),
        tuple(pledges),
        len(sections),
    )
    with transaction.atomic():
        document = store_extraction(HERNE, "bench.md", text.encode(), extraction).document
        stored = list(StoredPledge.objects.filter(document=document))
        chance = random.Random(7)
        now = timezone.now()
        rows = []
        for index in range(assessment_count):
            day = dt.date(2025, 1, 1) + dt.timedelta(days=chance.randrange(730))
            rows.append(
                Assessment(
                    pledge=stored[index % len(stored)],
                    status=chance.choice(STATUSES),
                    assessed_on=day,
                    rationale=f"Begründung {index}: der Rat hat am {day} beschlossen.",
                )
            )
        created = Assessment.objects.bulk_create(rows, batch_size=500)
        Evidence.objects.bulk_create(
            [
                Evidence(
                    assessment=a,
                    kind="decision",
                    title=f"Ratsbeschluss {a.pk}",
                    url=f"https://rat.example.org/{a.pk}",
                    date=a.assessed_on,
                )
                for a in created
            ],
            batch_size=500,
        )
        # Evidence first, then published: published records take no new evidence.
        Assessment.objects.filter(pledge__document=document).update(
            state="published", published_at=now
        )
    return document.body


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pledges", type=int, default=1000)
    parser.add_argument("--assessments", type=int, default=2000)
    args = parser.parse_args()
    directory = tempfile.mkdtemp(prefix="report-bench-")
    os.environ.setdefault("VERSPROCHEN_DATA_DIR", directory)
    os.environ.setdefault("VERSPROCHEN_SECRET_KEY", "benchmark-only")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from versprochen.cli.tracker import _setup

    _setup(None)
    from versprochen.reports import render, service, snapshot

    body = build(args.pledges, args.assessments)
    cpu = time.process_time()
    started = time.perf_counter()
    data = snapshot.build(
        body,
        "yearly",
        dt.date(2026, 1, 1),
        dt.date(2026, 12, 31),
        title="Jahresbilanz 2026",
        made_on=dt.date(2027, 1, 15),
    )
    text, sha256 = snapshot.freeze(data)
    snapped = time.perf_counter()
    html = render.render_html(data, sha256)
    rendered = time.perf_counter()
    pdf = render.render_pdf(html)
    printed = time.perf_counter()
    cpu_used = time.process_time() - cpu
    report = service.make(body, "yearly", year=2026, today=dt.date(2027, 1, 15))
    whole = time.perf_counter() - printed
    print(
        f"pledges: {args.pledges}, assessments: {args.assessments}, "
        f"changes in 2026: {len(data['changes'])}"
    )
    print(
        f"snapshot {snapped - started:.1f} s ({len(text) // 1024} KB), "
        f"HTML {rendered - snapped:.1f} s ({len(html) // 1024} KB), "
        f"PDF {printed - rendered:.1f} s ({len(pdf) // 1024} KB)"
    )
    # On a shared machine the wall time includes waiting for other processes; the CPU
    # time is what one free core would need.
    print(
        f"HTML and PDF together: {printed - started:.1f} s wall, {cpu_used:.1f} s CPU "
        f"(target 60); service.make with storing: {whole:.1f} s, report {report.slug}"
    )


if __name__ == "__main__":
    main()
