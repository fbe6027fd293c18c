"""A real `versprochen serve` (gunicorn, seeds imported on first start) and a headless Chromium.

Skipped when Chromium or axe-core is missing, unless REQUIRE_BROWSER=1 (CI).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "data" / "seeds"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def _missing() -> str | None:
    if not Path(CHROMIUM).exists():
        return "Chromium not installed (apt-get install chromium)"
    if not AXE.exists():
        return "axe-core not installed (make browser-deps)"
    if not SEEDS.is_dir():
        return f"no reference documents at {SEEDS}"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "playwright not installed"
    return None


@pytest.fixture(scope="session")
def browser_ready() -> None:
    reason = _missing()
    if reason:
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(reason)
        pytest.skip(reason)


def _free_port() -> int:
    """A free port in 8400-8499 (the range the test servers of this project use)."""
    for port in range(8400, 8500):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port in 8400-8499")


def _browser_database(url: str) -> str:
    return (urlsplit(url).path.lstrip("/") or "versprochen") + "_browser"


def _fresh_postgres(url: str) -> str:
    """A new empty database beside the one DATABASE_URL names, for the served site."""
    import psycopg

    name = _browser_database(url)
    with psycopg.connect(url, dbname="postgres", autocommit=True, connect_timeout=5) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(urlsplit(url)._replace(path="/" + name))


def _drop_postgres(url: str) -> None:
    """Drop the served site's database again (it is only for this session)."""
    import psycopg

    with psycopg.connect(url, dbname="postgres", autocommit=True, connect_timeout=5) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{_browser_database(url)}" WITH (FORCE)')


@pytest.fixture(scope="session")
def site(served: dict[str, Any]) -> str:
    """The base URL of a freshly started tracker with the two reference documents."""
    return str(served["base"])


PASSWORD = "ein langes Passwort 42"


@pytest.fixture(scope="session")
def editors(served: dict[str, Any]) -> dict[str, str]:
    """Accounts made with `versprochen createuser` for Stadt Herne: erika edits, rudi
    reviews, anna administers."""
    for name, role in (("erika", "editor"), ("rudi", "reviewer"), ("anna", "admin")):
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "versprochen.cli",
                "createuser",
                name,
                "--role",
                role,
                "--body",
                "Stadt Herne",
                "--password-stdin",
                "--data-dir",
                str(served["data_dir"]),
            ],
            input=PASSWORD + "\n",
            env=served["env"],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=ROOT,
        )
        assert result.returncode == 0, result.stderr
    return {"erika": PASSWORD, "rudi": PASSWORD, "anna": PASSWORD}


@pytest.fixture(scope="session")
def served(
    browser_ready: None, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, Any]]:
    """A running `versprochen serve`: its base URL, environment and data directory."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.pop("DATABASE_URL", None)
    if os.environ.get("DATABASE_URL"):
        env["DATABASE_URL"] = _fresh_postgres(os.environ["DATABASE_URL"])
    data_dir = tmp_path_factory.mktemp("site-data")
    log = (tmp_path_factory.mktemp("site-log") / "serve.log").open("w+")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "versprochen.cli",
            "serve",
            "--port",
            str(port),
            "--data-dir",
            str(data_dir),
            "--seeds",
            str(SEEDS),
            "--workers",
            "2",
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=ROOT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            with urllib.request.urlopen(base + "/static/site/ping.txt", timeout=2):
                break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                process.kill()
                if os.environ.get("DATABASE_URL"):
                    _drop_postgres(os.environ["DATABASE_URL"])
                pytest.fail("versprochen serve did not start:\n" + log.read())
            time.sleep(0.3)
    try:
        yield {"base": base, "env": env, "data_dir": data_dir}
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)
        if os.environ.get("DATABASE_URL"):
            _drop_postgres(os.environ["DATABASE_URL"])


@pytest.fixture(scope="session")
def browser(browser_ready: None) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
