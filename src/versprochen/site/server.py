"""Serve the WSGI application with gunicorn (a production server, not Django's runserver),
with job workers beside it."""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
from typing import Any

from gunicorn.app.base import BaseApplication


class _Server(BaseApplication):  # type: ignore[misc]
    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        from versprochen.site.wsgi import application

        # Loaded once in the master (preload): move everything imported so far out of
        # the garbage collector's sight, so the workers' collections stay short.
        gc.collect()
        gc.freeze()
        return application


# The longest request line served (method, path and query). gunicorn's default (4094) and
# its ceiling (8190) would answer a long query with a bare 414 before the application
# sees it; the tracker answers those itself (a 400 page, or the list naming what it
# ignored). gunicorn caps `limit_request_line` at its module constant, so that is raised
# too; the limit stays finite (0 would be unlimited).
REQUEST_LINE_LIMIT = 16384


def _raise_request_line_ceiling(limit: int) -> None:
    from gunicorn.http import message

    message.MAX_REQUEST_LINE = max(message.MAX_REQUEST_LINE, limit)


def start_job_workers(count: int) -> list[subprocess.Popen[bytes]]:
    """Start `count` job workers (`versprochen worker`) that stop when this process ends."""
    command = [sys.executable, "-m", "versprochen.cli", "worker", "--with-parent", str(os.getpid())]
    return [subprocess.Popen(command) for _ in range(count)]


def stop_job_workers(processes: list[subprocess.Popen[bytes]], wait: float = 15.0) -> None:
    """Ask each worker to stop after its current job; kill it if it has not within `wait`."""
    for process in processes:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def run(host: str, port: int, workers: int, job_workers: int = 1) -> int:
    _raise_request_line_ceiling(REQUEST_LINE_LIMIT)
    job_processes = start_job_workers(job_workers)
    try:
        _serve(host, port, workers)
    finally:
        stop_job_workers(job_processes)
    return 0


def _serve(host: str, port: int, workers: int) -> None:
    _Server(
        {
            "bind": f"{host}:{port}",
            "workers": max(1, workers),
            "worker_class": "sync",
            "timeout": 30,
            "graceful_timeout": 10,
            "keepalive": 5,
            "accesslog": None,
            "errorlog": "-",
            "loglevel": "warning",
            "preload_app": True,
            "limit_request_line": REQUEST_LINE_LIMIT,
        }
    ).run()
