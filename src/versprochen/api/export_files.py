"""The whole-table exports as files, built by a job when the data changed and served as
static files (with ETag): no request builds a whole-table export.

`build` writes every file into a temporary directory beside the export directory and
then moves each into place (an atomic rename), so a download never sees half a file.
`stamp.json` records the data's change time the files were built from; `refresh`
(hourly, and on a download of stale files) queues a build when the data is newer.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
from pathlib import Path

from django.conf import settings

from versprochen.api.export import TABLES, csv_lines, datapackage, json_export
from versprochen.jobs import JobContext, enqueue, job, schedule

STAMP = "stamp.json"
KIND = "exports.build"


def directory() -> Path:
    return Path(settings.VERSPROCHEN_EXPORT_DIR)


def file_names() -> list[str]:
    return [
        *(f"{t}.csv" for t in TABLES),
        *(excel_name(t) for t in TABLES),
        "versprochen.json",
        "datapackage.json",
    ]


def excel_name(table: str) -> str:
    return f"excel-{table}.csv"


def _data_changed_at() -> dt.datetime:
    from versprochen.site.public import data_changed_at

    return data_changed_at()


def built_from() -> dt.datetime | None:
    """The data's change time the current files were built from (None: never built)."""
    try:
        stamp = json.loads((directory() / STAMP).read_text(encoding="utf-8"))
        return dt.datetime.fromisoformat(stamp["data_changed_at"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def build(ctx: JobContext | None = None) -> int:
    """Write every export file; the number of files."""
    target = directory()
    target.mkdir(parents=True, exist_ok=True)
    changed = _data_changed_at()  # before reading: a change meanwhile builds again later
    names = file_names()
    work = Path(tempfile.mkdtemp(prefix=".building-", dir=target))
    try:
        for done, table in enumerate(TABLES):
            if ctx is not None:
                ctx.progress(done, len(names), f"{table}.csv")
            with (work / f"{table}.csv").open("w", encoding="utf-8", newline="") as out:
                out.writelines(csv_lines(table))
            with (work / excel_name(table)).open("w", encoding="utf-8", newline="") as out:
                out.writelines(csv_lines(table, excel=True))
        with (work / "versprochen.json").open("w", encoding="utf-8") as out:
            out.writelines(json_export())
        (work / "datapackage.json").write_text(
            json.dumps(datapackage(), ensure_ascii=False, indent=2), encoding="utf-8"
        )
        for name in names:
            os.replace(work / name, target / name)
        stamp = {"data_changed_at": changed.isoformat(), "files": names}
        (work / STAMP).write_text(json.dumps(stamp), encoding="utf-8")
        os.replace(work / STAMP, target / STAMP)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return len(names)


@job(KIND)
def build_job(ctx: JobContext) -> str:
    return f"{build(ctx)} Dateien geschrieben"


def refresh() -> bool:
    """Queue a build when the files are missing or older than the data, unless one is
    queued or running already; whether one was queued."""
    from versprochen.jobs.models import Job, JobState

    built = built_from()
    if built is not None and built >= _data_changed_at():
        return False
    if Job.objects.filter(kind=KIND, state__in=[JobState.QUEUED, JobState.RUNNING]).exists():
        return False
    enqueue(KIND, label="Offene Daten erzeugen")
    return True


@schedule("exports.refresh", minute=5)
def hourly_refresh() -> None:
    refresh()
