"""Serve the WSGI application with gunicorn (a production server, not Django's runserver)."""

from __future__ import annotations

import gc
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


def run(host: str, port: int, workers: int) -> int:
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
        }
    ).run()
    return 0
