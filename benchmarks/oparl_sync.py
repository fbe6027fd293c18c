"""Speed of the council sync (issue 11, section 6) against the fake OParl server on loopback.

Prints seconds for:
* a full sync of the Hürtgenwald archive (OParl 1.0: 2,115 papers, 367 meetings,
  17,000 objects in all; the archive has no file bytes) — target at most 30 s;
* a re-sync with nothing changed — target at most 2 s;
* a re-sync after one paper changed;
* a full sync of the Karlsruhe objects (OParl 1.1) with its 512 file texts
  downloaded and read.

The database is a new SQLite file in a temporary directory, or PostgreSQL when
DATABASE_URL names one (it must be empty: the benchmark migrates it).

    python benchmarks/oparl_sync.py [--no-karlsruhe]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-karlsruhe", action="store_true", help="Only the Hürtgenwald figures.")
    args = parser.parse_args()
    data_dir = tempfile.mkdtemp(prefix="oparl-bench-")
    os.environ.setdefault("VERSPROCHEN_SECRET_KEY", "benchmark-only-" + "x" * 32)
    os.environ["VERSPROCHEN_DATA_DIR"] = data_dir
    from versprochen.site import setup

    setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    from versprochen.oparl.fakeserver import FakeOParl
    from versprochen.oparl.http import Client
    from versprochen.oparl.models import MAPPED, File, Paper, Payload, SyncError
    from versprochen.oparl.register import add_system
    from versprochen.oparl.sync import sync

    started = time.perf_counter()
    server = FakeOParl().start()
    print(f"fake server with both archives loaded: {time.perf_counter() - started:.1f} s")
    client = Client(timeout=10, retries=1)

    def timed(label: str, work: object, target: float | None = None) -> object:
        begin = time.perf_counter()
        result = work()  # type: ignore[operator]
        seconds = time.perf_counter() - begin
        goal = (
            f" (target ≤ {target:g} s: {'met' if seconds <= target else 'MISSED'})"
            if target
            else ""
        )
        print(f"{label}: {seconds:.2f} s{goal}")
        return result

    try:
        system = add_system(
            client, server.system_url("huertgenwald"), "Gemeinde Hürtgenwald"
        ).system
        run = timed("Hürtgenwald full sync", lambda: sync(system, client), 30)
        objects = {
            name: model.objects.filter(system=system, placeholder=False).count()
            for name, model in MAPPED.items()
        }
        print(f"  {run.summary}; payloads {Payload.objects.filter(system=system).count()}")  # type: ignore[attr-defined]
        print("  " + ", ".join(f"{name} {count}" for name, count in objects.items()))
        run = timed("Hürtgenwald re-sync, nothing changed", lambda: sync(system, client), 2)
        print(f"  {run.summary}")  # type: ignore[attr-defined]
        paper = Paper.objects.filter(system=system).order_by("pk").first()
        assert paper is not None
        server.faults.changed[paper.oparl_id] = {"name": paper.name + " (geändert)"}
        run = timed("Hürtgenwald re-sync, one paper changed", lambda: sync(system, client))
        print(f"  {run.summary}")  # type: ignore[attr-defined]
        if not args.no_karlsruhe:
            karlsruhe = add_system(client, server.system_url("karlsruhe"), "Stadt Karlsruhe").system
            run = timed("Karlsruhe full sync with its file texts", lambda: sync(karlsruhe, client))
            texts = File.objects.filter(system=karlsruhe).exclude(text="").count()
            print(f"  {run.summary}; files with text {texts}")  # type: ignore[attr-defined]
        print(f"errors recorded: {SyncError.objects.count()}")
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
