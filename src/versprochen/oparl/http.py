"""Transport for the OParl client: one GET at a time, with limits, retries and one-line errors.

The transport (`UrllibTransport`, or any object with its `get`) is passed in, so
that tests and benchmarks talk to the fake server on loopback through the same
code. `Client` adds what every request needs: a User-Agent naming the project,
timeouts, a size limit, retries with backoff on 5xx answers and timeouts.
"""

from __future__ import annotations

import http.client
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import IO, Any, Protocol

USER_AGENT = "versprochen-oparl/0.1 (council information sync of the versprochen pledge tracker)"

# A list page of a real server is well under a megabyte; 8 MB leaves room and
# still refuses an object that would fill the memory of a small instance.
MAX_JSON_BYTES = 8 * 1024 * 1024
MAX_FILE_BYTES = 50 * 1024 * 1024
_CHUNK = 64 * 1024


class FetchError(Exception):
    """A request that gave no usable answer; `kind` is one of `SyncError.Kind`."""

    def __init__(self, url: str, kind: str, reason: str, status: int | None = None) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.kind = kind
        self.reason = reason
        self.status = status


@dataclass(frozen=True)
class Response:
    url: str
    status: int
    # Header names in lower case.
    headers: Mapping[str, str]
    body: bytes

    def header(self, name: str) -> str:
        return self.headers.get(name.lower(), "")


class Transport(Protocol):
    def get(
        self, url: str, headers: Mapping[str, str], *, timeout: float, max_bytes: int
    ) -> Response:
        """The answer to a GET of `url`, whatever its status; FetchError when there is none."""


class _SameHostRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to the same host (http to https allowed)."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        old_host = urllib.parse.urlsplit(req.full_url).hostname
        new = urllib.parse.urlsplit(urllib.parse.urljoin(req.full_url, newurl))
        if new.hostname != old_host or new.scheme not in ("http", "https"):
            raise FetchError(req.full_url, "http", f"redirect to another host ({new.hostname})")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class UrllibTransport:
    """The standard library's HTTP client (no dependency), with a deadline for the whole body."""

    def __init__(self) -> None:
        self._opener = urllib.request.build_opener(_SameHostRedirects())

    def get(
        self, url: str, headers: Mapping[str, str], *, timeout: float, max_bytes: int
    ) -> Response:
        if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
            raise FetchError(url, "http", "not an http or https URL")
        request = urllib.request.Request(url, headers=dict(headers), method="GET")
        deadline = time.monotonic() + timeout
        try:
            try:
                answer = self._opener.open(request, timeout=timeout)
            except urllib.error.HTTPError as error:
                answer = error
            with answer:
                status = int(answer.status or 0)
                answer_headers = {key.lower(): value for key, value in answer.headers.items()}
                body = _read_limited(url, answer, answer_headers, max_bytes, deadline)
                final_url = answer.geturl() or url
        except FetchError:
            raise
        except TimeoutError as error:
            raise FetchError(url, "timeout", f"no answer within {timeout:g} s") from error
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError | socket.timeout):
                raise FetchError(url, "timeout", f"no answer within {timeout:g} s") from error
            raise FetchError(url, "http", f"cannot connect ({error.reason})") from error
        except (OSError, http.client.HTTPException) as error:
            raise FetchError(url, "http", f"connection failed ({_one_line(error)})") from error
        return Response(url=final_url, status=status, headers=answer_headers, body=body)


def _read_limited(
    url: str, answer: Any, headers: Mapping[str, str], max_bytes: int, deadline: float
) -> bytes:
    length = headers.get("content-length", "")
    # ASCII digits only: `isdigit` also takes "²", which `int` refuses (a crash).
    if length.isascii() and length.isdigit() and int(length) > max_bytes:
        raise FetchError(url, "too_large", _too_large(int(length), max_bytes))
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise FetchError(url, "timeout", "the answer did not arrive in time")
        chunk = answer.read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(url, "too_large", _too_large(size, max_bytes, at_least=True))
        chunks.append(chunk)


def _too_large(size: int, limit: int, at_least: bool = False) -> str:
    more = "over " if at_least else ""
    return f"answer is {more}{size / 2**20:.1f} MB, over the {limit / 2**20:g} MB limit"


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text[:200]


@dataclass
class Client:
    """GETs with the project's User-Agent, timeouts, size limits and retries."""

    transport: Transport = field(default_factory=UrllibTransport)
    timeout: float = 30.0
    retries: int = 3
    backoff: float = 1.0
    max_json_bytes: int = MAX_JSON_BYTES
    max_file_bytes: int = MAX_FILE_BYTES
    sleep: Callable[[float], None] = time.sleep

    def get(
        self, url: str, *, max_bytes: int | None = None, headers: Mapping[str, str] | None = None
    ) -> Response:
        """The answer (any status below 500); retried on 5xx and timeouts, then FetchError."""
        sent = {"User-Agent": USER_AGENT, "Accept": "application/json, */*;q=0.5"}
        sent.update(headers or {})
        limit = self.max_json_bytes if max_bytes is None else max_bytes
        attempt = 0
        while True:
            try:
                response = self.transport.get(url, sent, timeout=self.timeout, max_bytes=limit)
            except FetchError as error:
                if error.kind != "timeout" or attempt >= self.retries:
                    raise
            else:
                if response.status < 500:
                    return response
                if attempt >= self.retries:
                    raise FetchError(
                        url,
                        "http",
                        f"HTTP {response.status} (after {attempt + 1} attempts)",
                        status=response.status,
                    )
            self.sleep(self.backoff * 2**attempt)
            attempt += 1
