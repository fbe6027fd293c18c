"""A council information system on loopback, serving the recorded OParl data, with faults.

Two sites under one server:

* `/huertgenwald/` – the Hürtgenwald archive (OParl 1.0, Sternberg SD.NET RIM),
  its base URL rewritten to the server's. Lists are paged 25 a page as the
  original; `modified_since` filters them, and an empty window answers 404
  with Sternberg's error 802, as the real server does. The archive holds no
  file bytes: its File objects are served without `accessUrl`/`downloadUrl`.
* `/karlsruhe/` – the Karlsruhe 2025 objects (OParl 1.1) in a generated System,
  Body and paginated list envelopes (papers, meetings, organizations). Files
  whose extracted text was recorded are served as that text (`text/plain`);
  the others carry no `accessUrl`.

`Faults` switches real servers' failures on for tests and benchmarks. Use it
as a context manager or `python -m versprochen.oparl.fakeserver --port N`.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import hashlib
import io
import json
import tarfile
import threading
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "oparl"
HW_BASE = "https://sdnetrim.kdvz-frechen.de/rim4220/webservice/oparl/v1.0/"
KA_BASES = ("https://web1.karlsruhe.de/ris/oparl/", "https://web1.karlsruhe.de/oparl/")
HW_PAGE = 25
KA_PAGE = 20
STERNBERG_802 = {
    "error": "Die angeforderte Ressource wurde nicht gefunden.",
    "code": 802,
    "type": "SD.NET RIM Webservice",
}


@dataclass
class Faults:
    """Failures to simulate; paths are the request path with its query ("/site/x?page=2")."""

    # Paths (or path prefixes ending in "*") that answer only after `hang_seconds`.
    hang: set[str] = field(default_factory=set)
    hang_seconds: float = 30.0
    # Path (or prefix ending in "*") -> how many 500 answers come before a good one
    # (-1: always).
    errors_500: dict[str, int] = field(default_factory=dict)
    # Paths whose JSON is cut off in the middle.
    truncated: set[str] = field(default_factory=set)
    # Lists (path without query) that serve their first page under every ?page= forever.
    pagination_loop: set[str] = field(default_factory=set)
    # Lists that go on forever with new objects on every page.
    endless: set[str] = field(default_factory=set)
    # Object ids left out of lists and answered with 404.
    missing: set[str] = field(default_factory=set)
    # Object id -> fields changed (with a fresh `modified`).
    changed: dict[str, dict[str, Any]] = field(default_factory=dict)
    # Object ids served as `{"id", "type", "deleted": true}` with a fresh `modified`.
    deleted: set[str] = field(default_factory=set)
    # Object ids padded to about 10 MB.
    huge: set[str] = field(default_factory=set)
    # Path -> (bytes, content type) served as files.
    files: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    # Path -> URL it redirects to (302).
    redirects: dict[str, str] = field(default_factory=dict)
    # Answer lists with a bare JSON array instead of a list page.
    bare_lists: bool = False
    # Refuse (400) a request whose query is percent-encoded.
    reject_encoded: bool = False
    # When the changes above happened (their `modified`).
    now: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))


class _Site:
    """One system's objects: lists of top-level objects and every object by id."""

    def __init__(self, prefix: str, version: str, page_size: int) -> None:
        self.prefix = prefix
        self.version = version
        self.page_size = page_size
        self.singles: dict[str, dict[str, Any]] = {}  # path -> System/Body/body list
        self.lists: dict[str, list[dict[str, Any]]] = {}  # path -> items
        self.objects: dict[str, dict[str, Any]] = {}  # path -> object (also embedded ones)
        self.files: dict[str, tuple[bytes, str]] = {}

    def index(self, item: Any, base: str) -> None:
        if isinstance(item, dict):
            if isinstance(item.get("id"), str) and item["id"].startswith(base):
                self.objects.setdefault(_path(item["id"]), item)
            for value in item.values():
                self.index(value, base)
        elif isinstance(item, list):
            for value in item:
                self.index(value, base)


def _path(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _rewrite(text: str, bases: tuple[str, ...], new_base: str) -> str:
    for base in bases:
        text = text.replace(base, new_base)
    return text


def _load_huertgenwald(root: str, source: Path) -> _Site:
    import zstandard

    base = root + "/huertgenwald/"
    site = _Site("/huertgenwald/", "https://schema.oparl.org/1.0/", HW_PAGE)
    raw = (source / "huertgenwald-2021" / "cache_huertgenwald.tar.zst").read_bytes()
    tar_bytes = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(raw)).read()
    pages: dict[str, dict[int, list[dict[str, Any]]]] = {}
    with tarfile.open(fileobj=io.BytesIO(tar_bytes)) as archive:
        for member in archive.getmembers():
            if not member.isfile() or not member.name.endswith(".json"):
                continue
            handle = archive.extractfile(member)
            assert handle is not None
            text = _rewrite(handle.read().decode("utf-8"), (HW_BASE,), base)
            name = member.name[: -len(".json")]
            if name == "missing_ids":
                continue
            data = json.loads(text)
            list_name, _, page = name.partition("?page=")
            if isinstance(data, dict) and isinstance(data.get("data"), list):
                for item in data["data"]:
                    _strip_file_urls(item)
                if list_name == "body":
                    site.singles["/huertgenwald/body"] = data
                    for body in data["data"]:
                        site.singles[_path(body["id"])] = body
                        site.index(body, base)
                    continue
                pages.setdefault("/huertgenwald/" + list_name, {})[int(page or 1)] = data["data"]
            else:
                site.singles["/huertgenwald/" + name] = data
    for list_path, numbered in pages.items():
        items = [item for number in sorted(numbered) for item in numbered[number]]
        site.lists[list_path] = items
        for item in items:
            site.index(item, base)
    return site


def _strip_file_urls(item: Any) -> None:
    """The archive has no file bytes: its files are served without download URLs."""
    if isinstance(item, dict):
        if str(item.get("type", "")).endswith("/File"):
            item.pop("accessUrl", None)
            item.pop("downloadUrl", None)
        for value in item.values():
            _strip_file_urls(value)
    elif isinstance(item, list):
        for value in item:
            _strip_file_urls(value)


def _load_karlsruhe(root: str, data: Path) -> _Site:
    source = data / "karlsruhe-2025"
    base = root + "/karlsruhe/"
    body_url = base + "bodies/0001"
    site = _Site("/karlsruhe/", "https://schema.oparl.org/1.1/", KA_PAGE)
    manifest = json.loads((source / "manifest.json").read_text("utf-8"))
    texts = {entry["file_id"]: entry["text"] for entry in manifest["file_texts"]}

    def load(path: Path) -> Any:
        return json.loads(_rewrite(path.read_text("utf-8"), KA_BASES, base))

    papers = [load(source / "papers" / name) for name in sorted(manifest["papers"].values())]
    meetings = [load(source / "meetings" / name) for name in sorted(manifest["meetings"].values())]
    organizations = load(source / "organizations.json")
    served_texts = {_rewrite(key, KA_BASES, base): value for key, value in texts.items()}
    for item in papers + meetings:
        _karlsruhe_files(item, served_texts, site, source, base)
    lists = {"organizations": organizations, "meetings": meetings, "papers": papers, "people": []}
    for name, items in lists.items():
        site.lists[f"/karlsruhe/bodies/0001/{name}"] = items
        for item in items:
            site.index(item, base)
    site.singles["/karlsruhe/system"] = {
        "id": base + "system",
        "type": "https://schema.oparl.org/1.1/System",
        "oparlVersion": "https://schema.oparl.org/1.1/",
        "name": "Karlsruhe (recorded objects, versprochen's fake server)",
        "body": base + "bodies",
    }
    body = {
        "id": body_url,
        "type": "https://schema.oparl.org/1.1/Body",
        "system": base + "system",
        "name": "Stadt Karlsruhe",
        "shortName": "Karlsruhe",
        "ags": "08212000",
        "organization": body_url + "/organizations",
        "person": body_url + "/people",
        "meeting": body_url + "/meetings",
        "paper": body_url + "/papers",
        "legislativeTerm": [],
        "created": "2025-01-01T00:00:00+01:00",
        "modified": "2025-01-01T00:00:00+01:00",
    }
    site.singles["/karlsruhe/bodies/0001"] = body
    site.singles["/karlsruhe/bodies"] = {"data": [body], "links": {}, "pagination": {}}
    return site


def _karlsruhe_files(
    item: Any, texts: dict[str, str], site: _Site, source: Path, base: str
) -> None:
    if isinstance(item, dict):
        if str(item.get("type", "")).endswith("/File") and isinstance(item.get("id"), str):
            text_path = texts.get(item["id"])
            item.pop("downloadUrl", None)
            if text_path is None:
                item.pop("accessUrl", None)
            else:
                number = item["id"].rsplit("/", 1)[-1]
                item["accessUrl"] = f"{base}bodies/0001/filetexts/{number}.txt"
                item["mimeType"] = "text/plain"
                site.files[_path(item["accessUrl"])] = (
                    (source / text_path).read_bytes(),
                    "text/plain; charset=utf-8",
                )
        for value in item.values():
            _karlsruhe_files(value, texts, site, source, base)
    elif isinstance(item, list):
        for value in item:
            _karlsruhe_files(value, texts, site, source, base)


class FakeOParl:
    """The server; `url("huertgenwald", "system")` gives a URL on it."""

    def __init__(
        self,
        port: int = 0,
        faults: Faults | None = None,
        data: Path = DATA,
        load: tuple[str, ...] = ("huertgenwald", "karlsruhe"),
    ) -> None:
        self.faults = faults or Faults()
        self._stop = threading.Event()
        self.requests: list[str] = []
        self.user_agents: set[str] = set()
        handler = _handler(self)
        self._server = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self.root = f"http://127.0.0.1:{self.port}"
        loaders = {"huertgenwald": _load_huertgenwald, "karlsruhe": _load_karlsruhe}
        self.sites = {name: loaders[name](self.root, data) for name in load}
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._lock = threading.Lock()

    def add_site(
        self,
        name: str,
        lists: dict[str, list[dict[str, Any]]],
        *,
        version: str = "1.1",
        page_size: int = 2,
        body: dict[str, Any] | None = None,
        files: dict[str, tuple[bytes, str]] | None = None,
    ) -> str:
        """A small system of the given objects; "BASE/" in them becomes its base URL.

        `lists` maps a Body list field ("paper", "meeting", …) to its objects;
        `files` a path below the base URL to the bytes and content type served. The
        System's URL is returned.
        """
        base = f"{self.root}/{name}/"
        lists = json.loads(json.dumps(lists).replace("BASE/", base))
        site = _Site(f"/{name}/", f"https://schema.oparl.org/{version}/", page_size)
        body_url = base + "bodies/1"
        body_object = {
            "id": body_url,
            "type": site.version + "Body",
            "system": base + "system",
            "name": "Gemeinde Beispiel",
            "ags": "5358016",
            **json.loads(json.dumps(body or {}).replace("BASE/", base)),
        }
        for list_name, items in lists.items():
            path = f"/{name}/bodies/1/{list_name}"
            body_object[list_name] = self.root + path
            site.lists[path] = items
            for item in items:
                site.index(item, base)
        site.index(body_object, base)
        site.singles[f"/{name}/system"] = {
            "id": base + "system",
            "type": site.version + "System",
            "oparlVersion": site.version,
            "name": f"{name} (versprochen's fake server)",
            "body": base + "bodies",
        }
        site.singles[f"/{name}/bodies"] = {"data": [body_object], "links": {}}
        site.singles[f"/{name}/bodies/1"] = body_object
        for path, served in (files or {}).items():
            site.files[f"/{name}/{path}"] = served
        self.sites[name] = site
        return base + "system"

    def url(self, site: str, path: str) -> str:
        return f"{self.root}/{site}/{path}"

    def system_url(self, site: str) -> str:
        return self.url(site, "system")

    def start(self) -> FakeOParl:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> FakeOParl:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- answering --------------------------------------------------------------------

    def answer(self, path: str, etag: str = "") -> tuple[int, bytes, str]:
        """Status, body and content type for a GET of `path` (with its query).

        Files answer 304 to an `If-None-Match` of their ETag (see `etag_of`).
        """
        faults = self.faults
        with self._lock:
            self.requests.append(path)
            pattern = next((p for p in faults.errors_500 if _matches(path, p)), None)
            remaining = faults.errors_500.get(pattern, 0) if pattern else 0
            if pattern and remaining:
                if remaining > 0:
                    faults.errors_500[pattern] = remaining - 1
                return 500, b"Internal Server Error", "text/plain"
        if any(_matches(path, pattern) for pattern in faults.hang):
            self._stop.wait(faults.hang_seconds)
        split = urllib.parse.urlsplit(path)
        if faults.reject_encoded and "%" in split.query:
            return 400, b'{"error": "invalid parameter"}', "application/json"
        if path in faults.files:
            data, content_type = faults.files[path]
            return (304, b"", content_type) if etag == etag_of(data) else (200, data, content_type)
        site = next((s for s in self.sites.values() if split.path.startswith(s.prefix)), None)
        if site is None:
            return 404, b'{"error": "not found"}', "application/json"
        if split.path in site.files:
            data, content_type = site.files[split.path]
            return (304, b"", content_type) if etag == etag_of(data) else (200, data, content_type)
        query = dict(urllib.parse.parse_qsl(split.query))
        status, data = self._json(site, split.path, path, query)
        if data is None:
            return status, b"", "application/json"
        body = json.dumps(data, ensure_ascii=False).encode("utf-8")
        if path in faults.truncated:
            body = body[: len(body) // 2]
        return status, body, "application/json; charset=utf-8"

    def _json(
        self, site: _Site, list_path: str, path: str, query: dict[str, str]
    ) -> tuple[int, Any]:
        if list_path in site.lists or list_path in self.faults.endless:
            return self._page(site, list_path, query)
        if path in site.singles or list_path in site.singles:
            return 200, self._object(site.singles.get(path) or site.singles[list_path])
        item = site.objects.get(path)
        if item is None or item.get("id") in self.faults.missing:
            return 404, dict(STERNBERG_802)
        return 200, self._object(item)

    def _object(self, item: dict[str, Any]) -> dict[str, Any]:
        faults = self.faults
        object_id = item.get("id")
        stamp = faults.now.isoformat(timespec="seconds")
        if object_id in faults.deleted:
            return {"id": object_id, "type": item.get("type"), "deleted": True, "modified": stamp}
        if object_id in faults.changed or object_id in faults.huge:
            item = copy.deepcopy(item)
            if object_id in faults.changed:
                item.update(faults.changed[object_id])
                item["modified"] = stamp
            if object_id in faults.huge:
                item["description"] = "x" * (10 * 1024 * 1024)
        return item

    def _items(self, site: _Site, list_path: str) -> Iterator[Any]:
        for item in site.lists.get(list_path, []):
            if not isinstance(item, dict):  # a broken item, served as it is
                yield item
            elif item.get("id") not in self.faults.missing:
                yield self._object(item)

    def _page(self, site: _Site, list_path: str, query: dict[str, str]) -> tuple[int, Any]:
        faults = self.faults
        number = int(query.get("page", "1") or 1)
        if list_path in faults.endless:
            items: list[Any] = [
                {
                    "id": f"{self.root}{list_path}/endless-{number}-{index}",
                    "type": site.version + "Paper",
                    "name": f"Endless {number}.{index}",
                }
                for index in range(3)
            ]
            return 200, self._envelope(site, list_path, items, number, number + 1, query)
        items = list(self._items(site, list_path))
        since = query.get("modified_since")
        if since:
            limit = _parse_time(since)
            if limit is None:
                return 400, {"error": f"invalid modified_since {since!r}"}
            items = [item for item in items if _modified_after(item, limit)]
            if not items and site.version.endswith("1.0/"):
                return 404, dict(STERNBERG_802)
        if faults.bare_lists:
            return 200, items
        if list_path in faults.pagination_loop:
            return 200, self._envelope(
                site, list_path, items[: site.page_size], number, number + 1, query
            )
        pages = max(1, -(-len(items) // site.page_size))
        chunk = items[(number - 1) * site.page_size : number * site.page_size]
        return 200, self._envelope(site, list_path, chunk, number, pages, query)

    def _envelope(
        self,
        site: _Site,
        list_path: str,
        items: list[Any],
        number: int,
        last: int,
        query: dict[str, str],
    ) -> dict[str, Any]:
        def link(page: int) -> str:
            params = {key: value for key, value in query.items() if key != "page"}
            params["page"] = str(page)
            return f"{self.root}{list_path}?{urllib.parse.urlencode(params)}"

        links = {"first": link(1), "self": link(number), "last": link(last)}
        if number < last:
            links["next"] = link(number + 1)
        if number > 1:
            links["prev"] = link(number - 1)
        return {
            "data": items,
            "links": links,
            "pagination": {
                "elementsPerPage": site.page_size,
                "currentPage": number,
                "totalPages": last,
            },
        }


def etag_of(data: bytes) -> str:
    return '"' + hashlib.sha256(data).hexdigest()[:16] + '"'


def _matches(path: str, pattern: str) -> bool:
    return path.startswith(pattern[:-1]) if pattern.endswith("*") else path == pattern


def _parse_time(text: str) -> dt.datetime | None:
    try:
        value = dt.datetime.fromisoformat(text.strip().replace(" ", "+"))
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _modified_after(item: Any, limit: dt.datetime) -> bool:
    modified = item.get("modified") if isinstance(item, dict) else None
    if not isinstance(modified, str):
        return True
    value = _parse_time(modified)
    return value is None or value >= limit


def _handler(server: FakeOParl) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            server.user_agents.add(self.headers.get("User-Agent", ""))
            target = server.faults.redirects.get(self.path)
            if target is not None:
                self.send_response(302)
                self.send_header("Location", target)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            status, body, content_type = server.answer(
                self.path, self.headers.get("If-None-Match", "")
            )
            try:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                if content_type.split(";")[0] != "application/json" and status < 400:
                    self.send_header(
                        "ETag", etag_of(body) if body else self.headers["If-None-Match"]
                    )
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, format: str, *args: Any) -> None:
            return None

    return Handler


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args(argv)
    server = FakeOParl(port=args.port)
    print(f"Hürtgenwald (OParl 1.0): {server.system_url('huertgenwald')}")
    print(f"Karlsruhe (OParl 1.1):   {server.system_url('karlsruhe')}")
    try:
        server._server.serve_forever()
    except KeyboardInterrupt:
        server.stop()


if __name__ == "__main__":
    main()
