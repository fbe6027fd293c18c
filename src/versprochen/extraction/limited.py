"""Running a parser in a child process held to a time and a memory limit.

A hostile or broken file (a decompression bomb, a parser loop, a crash in
native code) must cost the caller one clear error, not its memory, its
time or its process: the parse runs in a forked child whose address space
is capped, its result comes back pickled through a pipe, and the child is
killed when the time is up.
"""

from __future__ import annotations

import contextlib
import faulthandler
import gc
import os
import pickle
import re
import resource
import selectors
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from versprochen.extraction.errors import InputError

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Limits:
    """What one PDF parse may use before the file is refused as broken or hostile.

    `seconds` is the wall-clock time for the whole parse; the 146-page federal
    coalition agreement (1.5 MB) takes under a second, so two minutes leave
    room for a 100 MB file on a slow, shared machine. `memory_bytes` is the
    address space the parsing child may add to what it inherits from the
    caller at fork; the same agreement needs about 35 MB, so 2 GiB leaves
    room for large files and still stops a decompression bomb.
    """

    seconds: float = 120.0
    memory_bytes: int = 2 * 1024**3


DEFAULT_LIMITS = Limits()


class Refused(Exception):
    """Raised by a parser for a file that is readable but unusable (its reason is the error)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def run_limited(parse: Callable[[bytes], T], data: bytes, name: str, limits: Limits) -> T:
    """`parse(data)` in a child process held to `limits`; `InputError` when it fails."""
    if not hasattr(os, "fork"):  # pragma: no cover - Windows has no fork; parse unguarded
        done: T = _outcome(_attempt(parse, data), name, limits)
        return done
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child, whose coverage is not collected
        code = 70
        try:
            os.close(read_end)
            _silence_output()
            gc.disable()  # short-lived: collecting would only copy the parent's pages
            _limit_memory(limits.memory_bytes)
            payload = pickle.dumps(_attempt(parse, data), protocol=pickle.HIGHEST_PROTOCOL)
            view = memoryview(payload)
            while view:
                view = view[os.write(write_end, view) :]
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    try:
        received = _receive(read_end, time.monotonic() + limits.seconds)
    except BaseException:  # an interrupted caller must not leave the child running
        _stop(pid)
        raise
    finally:
        os.close(read_end)
    if received is None:
        _stop(pid)
        raise InputError(
            name, f"PDF parsing took longer than {limits.seconds:g} s; the file may be hostile"
        )
    _, status = os.waitpid(pid, 0)
    try:
        outcome = pickle.loads(received) if received else None
    except Exception:
        outcome = None
    if outcome is None:
        how = (
            f"was stopped by {signal.Signals(os.WTERMSIG(status)).name}"
            if os.WIFSIGNALED(status)
            else f"exited with status {os.waitstatus_to_exitcode(status)}"
        )
        raise InputError(
            name,
            f"the PDF parser {how}, probably over its memory limit of "
            f"{limits.memory_bytes / 2**20:g} MB; the file may be hostile",
        )
    result: T = _outcome(outcome, name, limits)
    return result


_ALLOCATION_FAILURE = re.compile(r"alloc|out of memory|memory", re.IGNORECASE)


def _attempt(parse: Callable[[bytes], T], data: bytes) -> tuple[Any, ...]:
    try:
        result = parse(data)
    except Refused as refusal:
        return ("refused", refusal.reason)
    except MemoryError:
        return ("memory",)
    except Exception as error:
        # Native code that cannot allocate raises its own error types, not MemoryError.
        if _ALLOCATION_FAILURE.search(f"{type(error).__name__} {error}"):
            return ("memory",)
        return ("failed", f"{type(error).__name__}: {error}")
    return ("ok", result)


def _outcome(outcome: tuple[Any, ...], name: str, limits: Limits) -> Any:
    kind = outcome[0]
    if kind == "ok":
        return outcome[1]
    if kind == "refused":
        raise InputError(name, outcome[1])
    if kind == "memory":
        raise InputError(
            name,
            f"the PDF needs more than the memory limit of {limits.memory_bytes / 2**20:g} MB"
            "; the file may be hostile",
        )
    raise InputError(name, f"corrupt PDF ({one_line(outcome[1])})")


def _receive(fd: int, deadline: float) -> bytes | None:
    """Everything the child writes, or None when the deadline passes first."""
    chunks: list[bytes] = []
    # A selector rather than select(): a server may hold more than 1024 files.
    with selectors.DefaultSelector() as selector:
        selector.register(fd, selectors.EVENT_READ)
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            if not selector.select(remaining):
                continue
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)


def _stop(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):  # it may have ended just now
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)


def _silence_output() -> None:  # pragma: no cover - child only
    # pdf-oxide logs decryption and repair messages to stderr, and a fault
    # handler (pytest's, `python -X faulthandler`) would dump a traceback when
    # the memory limit aborts the child; the command promises a single line.
    faulthandler.disable()
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    os.close(devnull)


def _limit_memory(extra: int) -> None:  # pragma: no cover - child only
    # RLIMIT_AS counts the address space inherited from the parent too, so the
    # budget is added to what the child already has mapped.
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            mapped = next(
                int(line.split()[1]) * 1024 for line in status if line.startswith("VmSize:")
            )
    except (OSError, StopIteration, ValueError):
        mapped = 0
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (mapped + extra, mapped + extra))


def one_line(text: str) -> str:
    """An error message on one line of at most 200 characters."""
    return " ".join(text.split())[:200]
