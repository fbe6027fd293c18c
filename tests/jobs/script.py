"""Run by the worker tests as a separate process: enqueue jobs, or print the states of the
test jobs (workers may run other apps' schedules, which queue jobs of their own)."""

from __future__ import annotations

import json
import sys

from versprochen.cli.tracker import _setup


def main(argv: list[str]) -> None:
    _setup(None)
    from tests.jobs import kinds  # noqa: F401
    from versprochen.jobs import enqueue
    from versprochen.jobs.models import Job

    if argv[0] == "enqueue":
        kind, params = argv[1], json.loads(argv[2])
        for n in range(int(argv[3]) if len(argv) > 3 else 1):
            enqueue(kind, **{**params, "n": n} if "n" in params else params)
    else:
        rows = Job.objects.filter(kind__startswith="test.").order_by("pk")
        rows = rows.values("pk", "kind", "state", "attempts", "result", "error")
        print(json.dumps(list(rows)))


if __name__ == "__main__":
    main(sys.argv[1:])
