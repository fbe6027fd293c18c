"""The job kinds and periodic schedules this process knows, registered by decorators.

Imports nothing from the database, so modules anywhere can register at import time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

JobFunction = Callable[..., "str | None"]
F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class JobKind:
    name: str
    function: JobFunction
    # The module to import in a worker that has not registered the kind yet.
    handler: str


@dataclass(frozen=True)
class Schedule:
    """Run `function` once per period: hourly at `minute`, daily at `hour`, weekly on `weekday`."""

    name: str
    function: Callable[[], object]
    hour: int | None = None
    minute: int = 0
    weekday: int | None = None  # 0 = Monday

    def due_period(self, now: dt.datetime) -> str | None:
        """The key of the period `now` (local time) is in, if its time has come; else None."""
        minutes = now.hour * 60 + now.minute
        if self.hour is None:
            return now.strftime("%Y-%m-%dT%H") if now.minute >= self.minute else None
        at = self.hour * 60 + self.minute
        if self.weekday is None:
            return now.date().isoformat() if minutes >= at else None
        year, week, weekday = now.isocalendar()
        if (weekday - 1, minutes) >= (self.weekday, at):
            return f"{year}-W{week:02d}"
        return None


_KINDS: dict[str, JobKind] = {}
_SCHEDULES: dict[str, Schedule] = {}


def job(kind: str) -> Callable[[F], F]:
    """Register `function(ctx: JobContext, **params) -> str | None` as the job kind `kind`."""

    def register(function: F) -> F:
        existing = _KINDS.get(kind)
        if existing is not None and existing.handler != function.__module__:
            raise ValueError(f"job kind {kind!r} is registered twice ({existing.handler})")
        _KINDS[kind] = JobKind(kind, function, function.__module__)
        return function

    return register


def schedule(
    name: str, *, hour: int | None = None, minute: int = 0, weekday: int | None = None
) -> Callable[[F], F]:
    """Register a function (no arguments; it enqueues jobs) the worker runs once per period."""
    if hour is not None and not 0 <= hour <= 23:
        raise ValueError(f"schedule {name!r}: hour {hour} is not 0-23")
    if not 0 <= minute <= 59:
        raise ValueError(f"schedule {name!r}: minute {minute} is not 0-59")
    if weekday is not None and (hour is None or not 0 <= weekday <= 6):
        raise ValueError(f"schedule {name!r}: a weekday (0-6) needs an hour")

    def register(function: F) -> F:
        _SCHEDULES[name] = Schedule(name, function, hour, minute, weekday)
        return function

    return register


def kind_of(name: str, handler: str = "") -> JobKind:
    """The registered kind `name`, importing `handler` first if this process lacks it."""
    if name not in _KINDS and handler:
        import importlib

        importlib.import_module(handler)
    try:
        return _KINDS[name]
    except KeyError:
        raise ValueError(f"unknown job kind {name!r}") from None


def schedules() -> list[Schedule]:
    return list(_SCHEDULES.values())


def discover() -> None:
    """Import every installed app's `jobs` module, where kinds and schedules are declared."""
    from django.utils.module_loading import autodiscover_modules

    autodiscover_modules("jobs")


def _unregister(name: str) -> None:
    """For tests: forget a kind or schedule registered by a test module."""
    _KINDS.pop(name, None)
    _SCHEDULES.pop(name, None)


__all__ = ["JobKind", "Schedule", "job", "kind_of", "schedule", "schedules"]
