"""`versprochen serve` runs a job worker beside the web workers and stops it with itself."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.jobs.test_workers import ROOT, _env, _python, _states


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def _is_worker(pid: int) -> bool:
    try:
        return b"worker" in Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except FileNotFoundError:
        return False


@pytest.mark.slow
def test_serve_runs_queued_jobs_and_stops_its_worker(tmp_path: Path) -> None:
    if not Path("/proc").is_dir():
        pytest.fail("this test reads /proc (Linux)")
    env = _env(tmp_path)
    runs = tmp_path / "runs.txt"
    params = json.dumps({"path": str(runs), "n": 0})
    _python("-m", "tests.jobs.script", "enqueue", "test.record", params, "2", env=env)
    command = ["serve", "--no-seeds", "--workers", "1", "--port", str(_free_port())]
    server = subprocess.Popen(
        [sys.executable, "-m", "versprochen.cli", *command],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if runs.exists() and len(runs.read_text().splitlines()) >= 2:
                break
            time.sleep(0.2)
        time.sleep(0.5)  # the second job's row is written just after its line
        assert [s["state"] for s in _states(env)] == ["done", "done"]
        workers = [pid for pid in _children(server.pid) if _is_worker(pid)]
        assert len(workers) == 1
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
    time.sleep(0.5)
    assert not any(_is_worker(pid) for pid in workers)
