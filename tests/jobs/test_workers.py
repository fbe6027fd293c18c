"""Real worker processes sharing one queue, on SQLite (WAL) and on PostgreSQL."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/versprochen"


def _env(tmp_path: Path, database_url: str = "", **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VERSPROCHEN_", "DATABASE_"))}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env["VERSPROCHEN_DATA_DIR"] = str(tmp_path / "data")
    if database_url:
        env["DATABASE_URL"] = database_url
    return {**env, **extra}


def _python(*args: str, env: dict[str, str], timeout: float = 120) -> str:
    result = subprocess.run(
        [sys.executable, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def _worker(env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "versprochen.cli", "worker", "--interval", "0.1", *args],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _states(env: dict[str, str]) -> list[dict[str, Any]]:
    return json.loads(_python("-m", "tests.jobs.script", "states", env=env))  # type: ignore[no-any-return]


def _postgres(name: str) -> str:
    url = os.environ.get("DATABASE_URL") or os.environ.get("TEST_DATABASE_URL", PG_DEFAULT)
    try:
        import psycopg

        with psycopg.connect(url, dbname="postgres", autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
    except Exception as error:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL at {url} is needed in CI: {error}")
        pytest.skip(f"PostgreSQL not reachable at {url}")
    return urlunsplit(urlsplit(url)._replace(path="/" + name))


def _share_the_queue(env: dict[str, str], tmp_path: Path) -> None:
    runs = tmp_path / "runs.txt"
    params = json.dumps({"path": str(runs), "n": 0, "pause": 0.2})
    _python("-m", "tests.jobs.script", "enqueue", "test.record", params, "30", env=env)
    workers = [_worker(env, "--once") for _ in range(3)]
    for worker in workers:
        _, err = worker.communicate(timeout=180)
        assert worker.returncode == 0, err[-2000:]
    lines = runs.read_text().split()
    numbers, pids = Counter(lines[0::2]), set(lines[1::2])
    assert numbers == Counter(str(n) for n in range(30))  # every job ran, and only once
    assert len(pids) >= 2  # and the workers shared them
    states = _states(env)
    assert [s["state"] for s in states] == ["done"] * 30
    assert all(s["attempts"] == 1 for s in states)


@pytest.mark.slow
def test_workers_share_the_queue_on_sqlite(tmp_path: Path) -> None:
    _share_the_queue(_env(tmp_path), tmp_path)


@pytest.mark.slow
def test_workers_share_the_queue_on_postgresql(tmp_path: Path) -> None:
    url = _postgres("versprochen_jobs_workers_test")
    try:
        _share_the_queue(_env(tmp_path, url), tmp_path)
    finally:
        import psycopg

        with psycopg.connect(url, dbname="postgres", autocommit=True) as conn:
            conn.execute('DROP DATABASE IF EXISTS "versprochen_jobs_workers_test" WITH (FORCE)')


@pytest.mark.slow
def test_a_job_killed_with_its_worker_is_finished_by_another(tmp_path: Path) -> None:
    env = _env(tmp_path, VERSPROCHEN_JOB_STALE_SECONDS="2")
    marker = tmp_path / "attempt.txt"
    params = json.dumps({"path": str(marker), "seconds": 120})
    _python("-m", "tests.jobs.script", "enqueue", "test.sleep_first", params, env=env)
    first = _worker(env)
    deadline = time.monotonic() + 60
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert marker.read_text().startswith("attempt 1")
    first.kill()  # like kill -9: no chance to clean up
    first.communicate(timeout=30)
    assert _states(env)[0]["state"] == "running"
    second = _worker(env)
    try:
        deadline = time.monotonic() + 120
        while _states(env)[0]["state"] != "done" and time.monotonic() < deadline:
            time.sleep(1)
    finally:
        second.terminate()  # SIGTERM: it stops after its current job
        _, err = second.communicate(timeout=60)
    assert second.returncode == 0, err[-2000:]
    [job] = _states(env)
    assert (job["state"], job["attempts"], job["result"]) == ("done", 2, "attempt 2")
