"""Job kinds for the tests; a worker process imports this module by the job's handler."""

from __future__ import annotations

import os
import time
from pathlib import Path

from versprochen.jobs import JobContext, JobError, job


@job("test.add")
def add(ctx: JobContext, *, a: int, b: int) -> str:
    for step in range(3):
        ctx.progress(step + 1, 3, f"Schritt {step + 1}")
    return f"{a} + {b} = {a + b}"


@job("test.refuse")
def refuse(ctx: JobContext, *, reason: str) -> str:
    raise JobError(reason)


@job("test.bug")
def bug(ctx: JobContext) -> str:
    return {"a": 1}["b"]  # type: ignore[no-any-return]


@job("test.record")
def record(ctx: JobContext, *, path: str, n: int, pause: float = 0.0) -> str:
    """Append `n` and the worker to `path` (a line per run), so a test can count the runs."""
    time.sleep(pause)
    with open(path, "a") as out:
        out.write(f"{n} {os.getpid()}\n")
    return f"recorded {n}"


@job("test.sleep_first")
def sleep_first(ctx: JobContext, *, path: str, seconds: float) -> str:
    """Sleep on the first attempt only (to be killed), finish on the next."""
    Path(path).write_text(f"attempt {ctx.job.attempts} pid {os.getpid()}\n")
    if ctx.job.attempts == 1:
        time.sleep(seconds)
    return f"attempt {ctx.job.attempts}"
