"""One sync of a system: System, Body, every list the Body names, placeholders, files.

Each list page is stored and mapped in one short transaction together with the
run's cursor, so a run killed at any point leaves whole pages behind and the
next run resumes at the page after the last one stored. Errors are recorded
per URL (`SyncError`) and the sync goes on; nothing that an error concerns is
changed or removed. `System.last_success` (the next `modified_since`) moves
only when every list was read to its end.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from versprochen.extraction.pdf import Limits
from versprochen.oparl import hooks
from versprochen.oparl.adapters import (
    Quirks,
    empty_window_404,
    list_page,
    parse_json,
    single_object,
    unencoded,
    with_query,
)
from versprochen.oparl.http import Client, FetchError, Response
from versprochen.oparl.mapping import Mapper
from versprochen.oparl.models import MAPPED, Payload, SyncError, SyncRun, System
from versprochen.oparl.store import Received, cut_out, is_object, store

# A council document is a few pages; a minute for one parse is generous, and
# 512 MB stops a decompression bomb long before it fills the machine.
PDF_LIMITS = Limits(seconds=60.0, memory_bytes=512 * 1024**2)

# Servers' clocks and ours disagree, and an object changed while a run reads
# its list can carry a time before the run's start: the window reaches back.
OVERLAP = dt.timedelta(hours=24)

# The Body's list fields (1.0 and 1.1) and the type their items have.
LISTS: tuple[tuple[str, str], ...] = (
    ("legislativeTermList", "LegislativeTerm"),
    ("locationList", "Location"),
    ("organization", "Organization"),
    ("person", "Person"),
    ("membership", "Membership"),
    ("meeting", "Meeting"),
    ("agendaItem", "AgendaItem"),
    ("file", "File"),
    ("paper", "Paper"),
    ("consultation", "Consultation"),
)

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Options:
    full: bool = False
    files: bool = True
    # A list longer than this is taken as an endless pagination.
    max_pages: int = 5000
    # Referenced objects fetched one by one per run (the rest wait for the next).
    max_placeholder_fetches: int = 2000
    # What one PDF's parse may use (tests lower it).
    pdf_limits: Limits = PDF_LIMITS


class SyncFailed(Exception):
    """The system itself could not be read; the one-line reason names the URL."""


def sync(
    system: System,
    client: Client,
    options: Options = Options(),
    *,
    clock: Callable[[], dt.datetime] = timezone.now,
    progress: Progress | None = None,
) -> SyncRun:
    """Sync `system` (resuming an unfinished run); the finished run."""
    return _Sync(system, client, options, clock, progress or _silent).run()


def _silent(done: int, total: int, message: str) -> None:
    return None


def start_or_resume(system: System, full: bool, now: dt.datetime) -> SyncRun:
    """The system's unfinished run if its latest is one, else a new run."""
    latest = SyncRun.objects.filter(system=system).first()
    if latest is not None and latest.state != SyncRun.State.DONE and latest.cursor:
        if not full or latest.full:
            latest.state = SyncRun.State.RUNNING
            latest.save(update_fields=["state"])
            return latest
        latest.state = SyncRun.State.FAILED
        latest.summary = latest.summary or "superseded by a full sync"
        latest.save(update_fields=["state", "summary"])
    since = None
    if not full and system.last_success is not None:
        since = system.last_success - OVERLAP
    return SyncRun.objects.create(system=system, full=full, started_at=now, since=since)


class _Sync:
    def __init__(
        self,
        system: System,
        client: Client,
        options: Options,
        clock: Callable[[], dt.datetime],
        progress: Progress,
    ) -> None:
        self.system = system
        self.client = client
        self.options = options
        self.clock = clock
        self.progress = progress
        self.quirks = Quirks()
        self.mapper = Mapper(system)
        self.run_row: SyncRun = start_or_resume(system, options.full, clock())
        self.cursor: dict[str, Any] = self.run_row.cursor or {}
        self.cursor.setdefault("done", [])
        self.cursor.setdefault("next", {})
        self.cursor.setdefault("incomplete", [])
        self.cursor.setdefault("papers", [])
        self.cursor.setdefault("pages", 0)
        self.errors = 0

    # --- the run ----------------------------------------------------------------------

    def run(self) -> SyncRun:
        run = self.run_row
        try:
            if "system" not in self.cursor["done"]:
                self._system_and_body()
            for name, url in self.cursor["lists"]:
                if name not in self.cursor["done"]:
                    self._list(name, url)
            if "placeholders" not in self.cursor["done"]:
                self._placeholders()
                self._mark_done("placeholders")
            if self.options.files and "files" not in self.cursor["done"]:
                from versprochen.oparl.files import sync_files

                sync_files(self, self.options.full)
                self._mark_done("files")
        except SyncFailed as error:
            self._finish(SyncRun.State.FAILED, str(error))
            raise
        except Exception as error:
            self._finish(SyncRun.State.FAILED, " ".join(str(error).split())[:300])
            raise
        self._finish(SyncRun.State.DONE, "")
        return run

    def _finish(self, state: str, reason: str) -> None:
        run = self.run_row
        run.refresh_from_db(fields=["counts"])
        counts = dict(run.counts or {})
        quirks = dict(counts.get("quirks", {}))
        for name, count in self.quirks.items():
            quirks[name] = quirks.get(name, 0) + count
        counts["quirks"] = quirks
        counts["mapped"] = counts.get("mapped", 0) + self.mapper.mapped
        counts["placeholders"] = sum(
            model._default_manager.filter(system=self.system, placeholder=True).count()
            for model in MAPPED.values()
        )
        counts["errors"] = SyncError.objects.filter(run=run).count()
        run.counts = counts
        run.state = state
        run.finished_at = self.clock()
        incomplete = self.cursor["incomplete"]
        if state == SyncRun.State.DONE:
            parts = [f"{counts['mapped']} objects mapped", f"{counts['errors']} errors"]
            if incomplete:
                parts.append("lists not read to the end: " + ", ".join(incomplete))
            run.summary = "; ".join(parts)
        else:
            run.summary = reason
        run.save()
        if state == SyncRun.State.DONE:
            if not incomplete:
                self.system.last_success = run.started_at
                if run.full:
                    self.system.last_full = run.started_at
            self.system.save(update_fields=["last_success", "last_full", "oparl_version", "name"])
            papers = list(dict.fromkeys(self.cursor["papers"]))
            hooks.papers_changed(self.system.body, papers)

    def _save_cursor(self) -> None:
        self.run_row.cursor = self.cursor
        self.run_row.save(update_fields=["cursor"])

    def _mark_done(self, step: str) -> None:
        self.cursor["done"].append(step)
        self._save_cursor()

    # --- errors -----------------------------------------------------------------------

    def error(self, url: str, kind: str, reason: str) -> None:
        self.errors += 1
        SyncError.objects.create(
            system=self.system,
            run=self.run_row,
            url=url[:1000],
            kind=kind,
            reason=" ".join(reason.split())[:500],
            at=self.clock(),
        )

    # --- fetching ---------------------------------------------------------------------

    def fetch_json(self, url: str) -> tuple[Response, Any]:
        return fetch_json(self.client, url, self.quirks)

    def _system_and_body(self) -> None:
        system = self.system
        try:
            response, data = self.fetch_json(system.url)
            system_data = single_object(data, system.url, self.quirks)
        except FetchError as error:
            self.error(error.url, error.kind, error.reason)
            raise SyncFailed(f"{error.url}: {error.reason}") from None
        version = str(system_data.get("oparlVersion") or "")
        if version:
            system.oparl_version = version
        system.name = str(system_data.get("name") or system.name)[:500]
        body = self._body(system_data)
        lists = [
            (name, body[name])
            for name, _ in LISTS
            if isinstance(body.get(name), str) and body[name].startswith("http")
        ]
        with transaction.atomic():
            now = self.clock()
            received = cut_out({k: v for k, v in system_data.items()}, "System")
            received += cut_out(body, "Body")
            changed = store(system, received, now, status=response.status)
            self._map(changed)
            system.save(update_fields=["oparl_version", "name", "body_url"])
            self.cursor["lists"] = lists
            self.cursor["done"].append("system")
            self._save_cursor()

    def _body(self, system_data: dict[str, Any]) -> dict[str, Any]:
        """The OParl Body of the tracker body: the one named in `body_url`, or the only one."""
        system = self.system
        if system.body_url:
            try:
                _, data = self.fetch_json(system.body_url)
                return single_object(data, system.body_url, self.quirks)
            except FetchError as error:
                self.error(error.url, error.kind, error.reason)
                raise SyncFailed(f"{error.url}: {error.reason}") from None
        bodies = read_bodies(self.client, system_data, self.quirks)
        if len(bodies) != 1:
            raise SyncFailed(
                f"{system.url}: the system has {len(bodies)} bodies; choose one with --oparl-body"
            )
        system.body_url = str(bodies[0]["id"])
        return bodies[0]

    # --- lists ------------------------------------------------------------------------

    def _list(self, name: str, url: str) -> None:
        expected = dict(LISTS)[name]
        since = self.run_row.since
        since_text = since.isoformat(timespec="seconds") if since else ""
        first = with_query(url, modified_since=since_text) if since_text else url
        page_url: str | None = self.cursor["next"].get(name) or first
        seen_urls: set[str] = set()
        seen_pages: set[str] = set()
        pages = 0
        while page_url:
            if page_url in seen_urls:
                self._stop_list(
                    name, page_url, "wrong_type", "pagination loop: page asked for again"
                )
                return
            seen_urls.add(page_url)
            page = self._page(name, page_url, bool(since_text))
            if page is None:
                return
            items = page["data"]
            fingerprint = hashlib.sha256(
                "\n".join(
                    str(item.get("id")) if isinstance(item, dict) else "?" for item in items
                ).encode()
            ).hexdigest()
            if items and fingerprint in seen_pages:
                self._stop_list(
                    name, page_url, "wrong_type", "pagination loop: the same page under another URL"
                )
                return
            seen_pages.add(fingerprint)
            received: list[Received] = []
            for index, item in enumerate(items):
                if not is_object(item):
                    self.error(
                        page_url,
                        "wrong_type",
                        f"item {index + 1} of the list is not an object with an id",
                    )
                    continue
                received.extend(cut_out(item, expected))
            next_url = _next(page, since_text)
            pages += 1
            with transaction.atomic():
                changed = store(self.system, received, self.clock())
                self._map(changed)
                self.cursor["pages"] += 1
                if next_url:
                    self.cursor["next"][name] = next_url
                else:
                    self.cursor["next"].pop(name, None)
                    self.cursor["done"].append(name)
                self._save_cursor()
            self.progress(*self._pages_progress(name, page), f"{name}: page {pages}")
            if next_url and pages >= self.options.max_pages:
                self._stop_list(
                    name, next_url, "wrong_type", f"endless pagination: stopped after {pages} pages"
                )
                return
            page_url = next_url

    def _pages_progress(self, name: str, page: dict[str, Any]) -> tuple[int, int]:
        """Pages read and pages known to come (from the lists' `totalPages`)."""
        totals: dict[str, int] = self.cursor.setdefault("totals", {})
        total = page.get("pagination", {}).get("totalPages")
        if isinstance(total, int) and total > 0:
            totals[name] = total
        done = self.cursor["pages"]
        return done, max(done, sum(totals.values()))

    def _page(self, name: str, url: str, with_since: bool) -> dict[str, Any] | None:
        try:
            response = self.client.get(url)
            if empty_window_404(response, with_since, self.quirks):
                return {"data": [], "links": {}}
            if response.status in (400, 404, 422) and with_since and "%" in url:
                retry = self.client.get(unencoded(url))
                if retry.status < 400:
                    self.quirks["unencoded_parameters"] += 1
                    response = retry
            if response.status >= 400:
                raise FetchError(url, "http", f"HTTP {response.status}", status=response.status)
            return list_page(parse_json(response, self.quirks), url, self.quirks)
        except FetchError as error:
            self._stop_list(name, url, error.kind, error.reason)
            return None

    def _stop_list(self, name: str, url: str, kind: str, reason: str) -> None:
        """The list cannot be read further: recorded; the run goes on with the next list."""
        self.error(url, kind, reason)
        self.cursor["next"].pop(name, None)
        self.cursor["incomplete"].append(name)
        self.cursor["done"].append(name)
        self._save_cursor()

    def _map(self, payloads: list[Payload]) -> None:
        before = len(self.mapper.changed_papers)
        for payload, reason in self.mapper.map(payloads):
            self.error(payload.url, "broken_json", reason)
        if len(self.mapper.changed_papers) != before:
            known = set(self.cursor["papers"])
            self.cursor["papers"] += [pk for pk in self.mapper.changed_papers if pk not in known]

    # --- referenced objects -----------------------------------------------------------

    def _placeholders(self) -> None:
        """Fetch objects referenced but never received; those that fail stay placeholders."""
        tried = 0
        floor: dict[str, int] = self.cursor.setdefault("placeholder_floor", {})
        for object_type, model in MAPPED.items():
            rows = model._default_manager.filter(system=self.system, placeholder=True)
            if not self.run_row.full and object_type in floor:
                rows = rows.filter(pk__gt=floor[object_type])
            for oparl_id in rows.order_by("pk").values_list("oparl_id", flat=True):
                if tried >= self.options.max_placeholder_fetches:
                    return
                tried += 1
                self._fetch_one(oparl_id, object_type)
        for object_type, model in MAPPED.items():
            last = model._default_manager.filter(system=self.system).order_by("-pk").first()
            floor[object_type] = last.pk if last else 0

    def _fetch_one(self, url: str, object_type: str) -> None:
        try:
            response, data = self.fetch_json(url)
            item = single_object(data, url, self.quirks)
            if not is_object(item):
                raise FetchError(url, "wrong_type", "the answer is an object without an id")
        except FetchError as error:
            kind = "missing" if error.kind == "http" else error.kind
            self.error(url, kind, f"referenced but cannot be fetched: {error.reason}")
            return
        if str(item["id"]) != url:
            item = {**item, "id": url}
        with transaction.atomic():
            changed = store(
                self.system, cut_out(item, object_type), self.clock(), status=response.status
            )
            self._map(changed)
            self._save_cursor()


def fetch_json(client: Client, url: str, quirks: Quirks) -> tuple[Response, Any]:
    """The answer and its JSON; FetchError for an HTTP error status too."""
    response = client.get(url)
    if response.status >= 400:
        raise FetchError(url, "http", f"HTTP {response.status}", status=response.status)
    return response, parse_json(response, quirks)


def read_bodies(
    client: Client, system_data: dict[str, Any], quirks: Quirks
) -> list[dict[str, Any]]:
    """Every Body of a system (following the body list's pages)."""
    url = system_data.get("body")
    if isinstance(url, dict) and is_object(url):
        return [url]
    if not isinstance(url, str):
        raise SyncFailed(f"{system_data.get('id')}: the System names no body list")
    bodies: list[dict[str, Any]] = []
    seen: set[str] = set()
    next_url: str | None = url
    while next_url and next_url not in seen and len(seen) < 100:
        seen.add(next_url)
        try:
            _, data = fetch_json(client, next_url, quirks)
            page = list_page(data, next_url, quirks)
        except FetchError as error:
            raise SyncFailed(f"{error.url}: {error.reason}") from None
        bodies += [item for item in page["data"] if is_object(item)]
        next_url = _next(page, "")
    return bodies


def _next(page: dict[str, Any], since_text: str) -> str | None:
    """The next page's URL; the `modified_since` window kept when the server drops it."""
    next_url = page["links"].get("next")
    if not isinstance(next_url, str) or not next_url.startswith("http"):
        return None
    if since_text and "modified_since" not in next_url:
        next_url = with_query(next_url, modified_since=since_text)
    return next_url
