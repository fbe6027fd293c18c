"""Web performance: the pledge list and full-text search with 10,000 and 100,000 pledges,
on SQLite and on PostgreSQL, served as in production (`versprochen serve`, gunicorn).

For each database and size: generate the data (benchmarks/web_data.py, which also
checks the query plans), start the server, then measure on loopback

* service time, one connection at a time (page cache off): p50/p99 of the list
  page (target p99 <= 30 ms) and of full-text searches (target p99 <= 50 ms);
* throughput at 8 connections (wrk, or a Python load generator): the list page
  (page cache on, and off) against a small static file through the same stack
  (target: list >= half the static throughput);
* that a conditional request gets 304.

    python benchmarks/web_load.py [--sizes 10000 100000] [--database-url postgresql://...]
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
LIST = "/versprechen/"
SEARCHES = ("/versprechen/?q=sozialarbeit", "/versprechen/?q=radweg", "/versprechen/?q=kita")
STATIC = "/static/site/ping.txt"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def drop_postgres(url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(url, dbname="postgres", autocommit=True, connect_timeout=5) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def fresh_postgres(url: str, name: str) -> str:
    import psycopg

    drop_postgres(url, name)
    with psycopg.connect(url, dbname="postgres", autocommit=True, connect_timeout=5) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(urlsplit(url)._replace(path="/" + name))


class Server:
    def __init__(self, env: dict[str, str], workers: int, cache: bool) -> None:
        self.port = free_port()
        env = {**env, "VERSPROCHEN_PAGE_CACHE": "1" if cache else "0"}
        self.process = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "versprochen.cli",
                "serve",
                "--no-seeds",
                "--port",
                str(self.port),
                "--workers",
                str(workers),
            ],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                self.get(STATIC)
                break
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError("server did not start") from None
                time.sleep(0.2)

    def get(self, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str]]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            conn.request("GET", path, headers=headers or {})
            response = conn.getresponse()
            response.read()
            return response.status, dict(response.getheaders())
        finally:
            conn.close()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()


def service_times(server: Server, path: str, n: int) -> tuple[float, float]:
    for _ in range(50):  # every worker has loaded its templates and opened its connection
        server.get(path)
    times = []
    for _ in range(n):
        t = time.perf_counter()
        status, _ = server.get(path)
        times.append((time.perf_counter() - t) * 1000)
        assert status == 200, (path, status)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.99))]


def throughput(server: Server, path: str, seconds: int, connections: int = 8) -> float:
    url = f"http://127.0.0.1:{server.port}{path}"
    if shutil.which("wrk"):
        out = subprocess.run(
            ["wrk", "-t", "2", "-c", str(connections), "-d", f"{seconds}s", "--timeout", "5s", url],
            capture_output=True,
            text=True,
            timeout=seconds + 30,
            check=True,
        ).stdout
        match = re.search(r"Requests/sec:\s+([\d.]+)", out)
        errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
        if errors:
            raise RuntimeError(f"{path}: {errors[1]} error responses")
        return float(match[1]) if match else 0.0
    count = 0
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def worker() -> None:
        nonlocal count
        while time.monotonic() < stop:
            server.get(path)
            with lock:
                count += 1

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return count / seconds


def run_case(
    label: str, env: dict[str, str], size: int, seeds: Path, args: argparse.Namespace
) -> dict[str, float]:
    print(f"\n== {label}, {size:,} pledges ==", flush=True)
    generated = subprocess.run(
        [
            PYTHON,
            str(ROOT / "benchmarks" / "web_data.py"),
            "--pledges",
            str(size),
            "--seeds",
            str(seeds),
        ],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=3600,
    )
    print(generated.stdout.rstrip())
    if generated.returncode:
        print(generated.stderr[-3000:])
        print("  QUERY PLAN CHECK FAILED" if generated.returncode == 1 else "  generation failed")
    figures: dict[str, float] = {}
    server = Server(env, args.workers, cache=False)
    try:
        p50, p99 = service_times(server, LIST, args.requests)
        figures["list_p99"] = p99
        print(f"  service time  list page       p50 {p50:6.1f} ms  p99 {p99:6.1f} ms  (target 30)")
        p50, p99 = service_times(server, LIST + "?area=bildung&sort=status", args.requests)
        print(f"  service time  list filtered   p50 {p50:6.1f} ms  p99 {p99:6.1f} ms")
        worst = 0.0
        for path in SEARCHES:
            p50, p99 = service_times(server, path, args.requests)
            worst = max(worst, p99)
            print(
                f"  service time  {path[13:]:<15} p50 {p50:6.1f} ms p99 {p99:6.1f} ms (target 50)"
            )
        figures["search_p99"] = worst
        uncached = throughput(server, LIST, args.seconds)
        static_uncached_run = throughput(server, STATIC, args.seconds)
    finally:
        server.stop()
    server = Server(env, args.workers, cache=True)
    try:
        status, headers = server.get(LIST)
        status_304, _ = server.get(LIST, {"If-None-Match": headers.get("ETag", "")})
        static = throughput(server, STATIC, args.seconds)
        cached = throughput(server, LIST, args.seconds)
    finally:
        server.stop()
    figures.update(static=static, list_cached=cached, list_uncached=uncached)
    print(
        f"  throughput 8 conn: static {static:7.0f}/s  list (cached) {cached:7.0f}/s "
        f"= {cached / static:.2f}x  list (uncached) {uncached:7.0f}/s = "
        f"{uncached / static_uncached_run:.2f}x of static {static_uncached_run:.0f}/s (target 0.5x)"
    )
    print(f"  conditional GET with ETag: {status} then {status_304} (expected 200 then 304)")
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL", ""),
        help="PostgreSQL server for the second run (empty: SQLite only).",
    )
    parser.add_argument(
        "--databases", nargs="+", default=["sqlite", "postgresql"], choices=["sqlite", "postgresql"]
    )
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "data" / "seeds")
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1))
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--seconds", type=int, default=8)
    args = parser.parse_args()
    base = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    results = {}
    for size in args.sizes:
        if "sqlite" in args.databases:
            with tempfile.TemporaryDirectory(prefix="versprochen-bench-") as data_dir:
                env = {**base, "VERSPROCHEN_DATA_DIR": data_dir}
                results[("sqlite", size)] = run_case("SQLite", env, size, args.seeds, args)
        if args.database_url and "postgresql" in args.databases:
            # A name of this run's own, dropped afterwards: the server may hold other
            # people's databases.
            name = f"versprochen_bench_{size}_{os.getpid()}"
            url = fresh_postgres(args.database_url, name)
            env = {**base, "DATABASE_URL": url, "VERSPROCHEN_DATA_DIR": tempfile.mkdtemp()}
            try:
                results[("postgresql", size)] = run_case("PostgreSQL", env, size, args.seeds, args)
            finally:
                drop_postgres(args.database_url, name)
    print("\n== summary (ms, requests/s); targets: list p99 <= 30, search p99 <= 50 ==")
    print(
        f"{'database':<11}{'pledges':>9}{'list p99':>10}{'search p99':>12}{'static/s':>10}"
        f"{'list/s cached':>15}{'list/s uncached':>17}"
    )
    for (db, size), f in results.items():
        print(
            f"{db:<11}{size:>9,}{f['list_p99']:>10.1f}{f['search_p99']:>12.1f}{f['static']:>10.0f}"
            f"{f['list_cached']:>15.0f}{f['list_uncached']:>17.0f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
