"""Fill a tracker database with N pledges generated from the two reference documents.

Run in its own process (Django reads its settings once): the database is the one
DATABASE_URL or VERSPROCHEN_DATA_DIR names. Prints the query plans of the pledge
list and of a full-text search, and fails when one of them scans the pledge table.

    python benchmarks/web_data.py --pledges 100000 --seeds ../shared/data/seeds
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

# Rare word parts and common words: a common word matches thousands of rows.
SEARCH_TERMS = ("sozialarbeit", "radweg", "kita", "stadt", "werden", "wir werden", "die und")


def generate(total: int, seeds: Path) -> None:
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from versprochen.cli.tracker import import_seeds
    from versprochen.tracker.importer import place_keys
    from versprochen.tracker.models import (
        Assessment,
        Body,
        Document,
        Mention,
        Pledge,
        PledgePlace,
        SourceFile,
    )
    from versprochen.tracker.tally import refresh_tally
    from versprochen.tracker.vocabulary import AssessmentState, Status

    call_command("migrate", verbosity=0)
    if not Document.objects.exists():
        import_seeds(seeds)
    originals = list(Document.objects.exclude(source=None).order_by("id")[:2])
    have = Pledge.objects.count()
    rng = random.Random(42)
    statuses = [s.value for s in Status if s != Status.OFFEN]
    started = time.monotonic()
    copy = 0
    while have < total:
        original = originals[copy % len(originals)]
        copy += 1
        with transaction.atomic():
            body = Body.objects.create(name=f"Gemeinde {copy:05d}", slug=f"gemeinde-{copy:05d}")
            document = Document.objects.create(
                slug=f"{original.slug}-{copy:05d}",
                title=f"{original.title} ({body.name})",
                kind=original.kind,
                body=body,
                identity=f"bench|{copy}",
                term_start=original.term_start,
                term_end=original.term_end,
                date=original.date,
                text=original.text,
                format=original.format,
                pipeline=original.pipeline,
                page_count=original.page_count,
            )
            source = original.source
            assert source is not None
            document.source = SourceFile.objects.create(
                document=document,
                version=1,
                filename=source.filename,
                data=bytes(source.data),
                sha256=source.sha256,
                size=source.size,
                pipeline=source.pipeline,
            )
            document.save(update_fields=["source"])
            real = list(Pledge.objects.filter(document=original, current=True).order_by("number"))[
                : total - have
            ]
            now = timezone.now()
            clones = []
            for p in real:
                status = rng.choice(statuses) if rng.random() < 0.2 else Status.OFFEN
                clones.append(
                    Pledge(
                        document=document,
                        body=body,
                        number=p.number,
                        text=p.text,
                        area=p.area,
                        cap=p.cap,
                        kind=p.kind,
                        testable=p.testable,
                        quantities=p.quantities,
                        places=p.places,
                        pipeline=p.pipeline,
                        status=status,
                        status_changed_at=now if status != Status.OFFEN else None,
                    )
                )
            created = Pledge.objects.bulk_create(clones, batch_size=1000)
            by_number = {p.number: p for p in created}
            mentions = [
                Mention(
                    pledge=by_number[m.pledge.number],
                    document=document,
                    text=m.text,
                    page=m.page,
                    start=m.start,
                    end=m.end,
                )
                for m in Mention.objects.filter(document=original, pledge__current=True)
                .select_related("pledge")
                .order_by("start")
                if m.pledge.number in by_number
            ]
            Mention.objects.bulk_create(mentions, batch_size=1000)
            PledgePlace.objects.bulk_create(
                [PledgePlace(pledge=p, key=k) for p in created for k in place_keys(p.places)],
                batch_size=1000,
            )
            Assessment.objects.bulk_create(
                [
                    Assessment(
                        pledge=p,
                        status=p.status,
                        assessed_on=now.date(),
                        state=AssessmentState.PUBLISHED,
                        published_at=now,
                        rationale="Generated for the benchmark.",
                    )
                    for p in created
                    if p.status != Status.OFFEN
                ],
                batch_size=1000,
            )
            refresh_tally(document)
        have += len(created)
    print(
        f"  {have} pledges in {Document.objects.count()} documents "
        f"(generated in {time.monotonic() - started:.0f} s)"
    )


class Explainer:
    """An execute wrapper that asks for each pledge query's plan right before it runs."""

    def __init__(self, plans: list[str]) -> None:
        self.plans = plans

    def __call__(self, execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        if sql.lstrip().upper().startswith(("SELECT", "WITH")) and "tracker_pledge" in sql:
            vendor = context["connection"].vendor
            prefix = "EXPLAIN QUERY PLAN " if vendor == "sqlite" else "EXPLAIN "
            context["cursor"].execute(prefix + sql, params)
            rows = context["cursor"].fetchall()
            plan = "\n".join(str(row[0] if len(row) == 1 else row[-1]) for row in rows)
            # SQLite's plans do not show a LIMIT: a scan under one stops early.
            limited = vendor == "sqlite" and " LIMIT " in sql
            self.plans.append(plan + ("\n(LIMIT)" if limited else ""))
        return execute(sql, params, many, context)


def _unbounded_seq_scan(plan: str) -> bool:
    """A sequential scan of the pledges that no LIMIT right above it stops early."""
    lines = plan.splitlines()
    for i, line in enumerate(lines):
        # The pledges themselves, not tables named alike (tracker_pledgeplace is small).
        if not re.search(r"Seq Scan on tracker_pledge\b", line):
            continue
        depth = len(line) - len(line.lstrip(" ->"))
        parent = next((p for p in reversed(lines[:i]) if len(p) - len(p.lstrip(" ->")) < depth), "")
        if "Limit" not in parent:
            return True
    return False


def plans() -> bool:
    """Print the plans of the queries the list page runs; False if one reads the whole table.

    The plans are those of the queries as they run (an execute wrapper asks for each
    plan right before the query, in the same transaction and planner settings)."""
    from django.db import connection

    from versprochen.tracker.queries import PledgeQuery, pledge_page

    ok = True
    cases = {"list": {}, "list area=bildung": {"area": "bildung"}, "list place": {"place": "Herne"}}
    cases.update({f"search q={t}": {"q": t} for t in SEARCH_TERMS})
    for name, params in cases.items():
        seen: list[str] = []
        with connection.execute_wrapper(Explainer(seen)):
            pledge_page(PledgeQuery.parse(params))
        plan = "\n--\n".join(seen)
        full_scan = (
            _unbounded_seq_scan(plan)
            if connection.vendor == "postgresql"
            else any(
                line.strip().endswith("SCAN tracker_pledge")
                or ("SCAN tracker_pledge " in line and "USING" not in line)
                for one in seen
                if not one.endswith("(LIMIT)")
                for line in one.splitlines()
            )
        )
        ok = ok and not full_scan
        print(f"  plan [{name}]{' FULL TABLE SCAN' if full_scan else ''}:")
        for line in plan.splitlines()[:40]:
            print("    " + line)
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pledges", type=int, required=True)
    parser.add_argument("--seeds", type=Path, default=Path("../shared/data/seeds"))
    args = parser.parse_args()
    from versprochen.site import setup

    setup()
    generate(args.pledges, args.seeds)
    return 0 if plans() else 1


if __name__ == "__main__":
    sys.exit(main())
