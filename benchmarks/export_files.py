"""Open-data downloads before and after issue 15: the whole-table JSON built by every
request (the old way, `json_export` streamed) against the file the job builds, served
with ETag (a full download and a revalidation with If-None-Match). Prints seconds.

Fill the database first (`benchmarks/web_data.py`), then, in the same environment:

    python benchmarks/export_files.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import sys
import time


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    from versprochen.site import setup

    setup()
    from django.test import Client

    from versprochen.api import export_files
    from versprochen.api.export import json_export
    from versprochen.tracker.models import Pledge

    print(f"pledges: {Pledge.objects.count()}")
    started = time.perf_counter()
    export_files.build()
    built = time.perf_counter() - started
    size = (export_files.directory() / "versprochen.json").stat().st_size
    print(f"build (job, every file): {built:.2f} s; versprochen.json {size / 1e6:.1f} MB")
    client = Client(SERVER_NAME="localhost")

    def timed(work: object) -> float:
        best = float("inf")
        for _ in range(args.rounds):
            begin = time.perf_counter()
            work()  # type: ignore[operator]
            best = min(best, time.perf_counter() - begin)
        return best

    old = timed(lambda: sum(len(part) for part in json_export()))
    print(f"old: whole-table JSON built per request: {old:.3f} s")
    first = client.get("/daten/versprochen.json")
    etag = first["ETag"]
    b"".join(first.streaming_content)  # type: ignore[attr-defined]

    def download() -> None:
        response = client.get("/daten/versprochen.json")
        b"".join(response.streaming_content)  # type: ignore[attr-defined]

    print(f"new: file download: {timed(download):.3f} s")
    print(
        "new: revalidation (304): "
        f"{timed(lambda: client.get('/daten/versprochen.json', HTTP_IF_NONE_MATCH=etag)):.4f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
