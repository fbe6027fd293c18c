"""Backup, then restore into an empty database, and compare every table row by row."""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction

from versprochen.tracker import backup, corrections, workflow
from versprochen.tracker.models import ApiToken, Pledge, SourceFile
from versprochen.tracker.testing import make_people, store
from versprochen.tracker.validation import DraftData, EvidenceData

PLEDGES = [
    ("Wir bauen die Schulsozialarbeit an allen Grundschulen aus.", "bildung", {}),
    ("Der Busverkehr wird im Stundentakt angeboten.", "mobilitaet", {"places": ["Wanne"]}),
]


def _everything() -> dict[str, list[dict[str, Any]]]:
    return {m._meta.label_lower: list(backup.rows(m)) for m in backup.backed_up_models()}


def _fill() -> None:
    store(PLEDGES)
    people = make_people()
    school = Pledge.objects.get(number=1)
    draft = workflow.create_draft(
        people["erika"],
        school,
        DraftData(
            status="in_arbeit",
            assessed_on=dt.date(2026, 3, 2),
            rationale="Beschlossen.",
            note="intern",
            evidence=(EvidenceData(kind="decision", title="Beschluss", url="https://x.de/1"),),
        ),
        submit=True,
    )
    workflow.publish(people["rudi"], draft, draft.revision)
    buses = Pledge.objects.get(number=2)
    corrections.edit(people["erika"], buses, buses.revision, {"text": "Busse im Takt."})
    token = ApiToken.objects.create(
        user=people["erika"], name="Skript", prefix="abc", key_hash="0" * 64
    )
    token.bodies.add(people["herne"])


def _flush() -> None:
    """Empty the database (published assessments too: the append-only rule is lifted)."""
    from versprochen.tracker.append_only import lifted

    with lifted():
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def emptied_afterwards(transactional_db: None) -> Iterator[None]:
    yield
    _flush()


def test_restore_into_an_empty_database_gives_the_same_rows(emptied_afterwards: None) -> None:
    _fill()
    before = _everything()
    assert before["tracker.sourcefile"] and before["tracker.assessment"]
    assert before["tracker.document_authors"] and before["tracker.apitoken_bodies"]
    data = io.BytesIO()
    backup.write(data)
    _flush()
    assert backup.is_empty()
    data.seek(0)
    with transaction.atomic():
        counts = backup.read(data)
    assert counts["tracker.pledge"] == 2
    assert _everything() == before
    assert bytes(SourceFile.objects.get().data).startswith(b"Bildung")
    # The search index and the id sequences work after a restore.
    from versprochen.tracker.queries import PledgeQuery, pledge_page

    assert [p.number for p in pledge_page(PledgeQuery.parse({"q": "sozialarbeit"})).pledges] == [1]
    assert store([*PLEDGES, ("Neue Radwege.", "mobilitaet", {})]).version == 2
    # Refused: a database that is not empty.
    data.seek(0)
    with pytest.raises(backup.BackupError, match="not empty"):
        backup.read(data)
    with pytest.raises(backup.BackupError, match=r"damaged|not a versprochen"):
        backup.read(io.BytesIO(b"no backup"))


def _cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "versprochen.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _fresh_postgres(url: str, name: str) -> str:
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    parts = urlsplit(url)
    with psycopg.connect(url, dbname="postgres", autocommit=True, connect_timeout=5) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path="/" + name))


def test_backup_and_restore_commands_across_databases(tmp_path: Path) -> None:
    """SQLite → backup → a new SQLite file (and PostgreSQL, when the suite runs there)."""
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("VERSPROCHEN_", "DATABASE_URL"))
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    source = tmp_path / "programm.md"
    source.write_text(
        "# Bildung\n\nWir werden die Schulsozialarbeit an allen Grundschulen ausbauen.\n"
    )
    first = ["--data-dir", str(tmp_path / "a")]
    result = _cli(
        "import",
        str(source),
        "--body",
        "Stadt Herne",
        "--kind",
        "program",
        "--authors",
        "SPD Herne",
        *first,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "versprochen.cli",
            "createuser",
            "erika",
            "--role",
            "editor",
            "--password-stdin",
            *first,
        ],
        input="ein langes Passwort 42\n",
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    file = tmp_path / "tracker.backup.gz"
    result = _cli("backup", str(file), *first, env=env)
    assert result.returncode == 0 and "rows in" in result.stdout, result.stderr
    assert _cli("backup", str(file), *first, env=env).returncode == 2  # never overwrites
    targets = [({**env}, ["--data-dir", str(tmp_path / "b")])]
    if os.environ.get("DATABASE_URL"):
        url = _fresh_postgres(os.environ["DATABASE_URL"], "versprochen_restore_test")
        targets.append(({**env, "DATABASE_URL": url}, ["--data-dir", str(tmp_path / "c")]))
    try:
        for target_env, where in targets:
            result = _cli("restore", str(file), *where, env=target_env)
            assert result.returncode == 0, result.stderr
            again = tmp_path / f"again-{where[1][-1]}.gz"
            assert _cli("backup", str(again), *where, env=target_env).returncode == 0
            assert _tables(again) == _tables(file)
            refused = _cli("restore", str(file), *where, env=target_env)
            assert refused.returncode == 2 and "not empty" in refused.stderr
    finally:
        if os.environ.get("DATABASE_URL"):
            _drop_postgres(os.environ["DATABASE_URL"], "versprochen_restore_test")


def _drop_postgres(url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(url, dbname="postgres", autocommit=True, connect_timeout=5) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _tables(path: Path) -> list[Any]:
    import gzip
    import json

    with gzip.open(path, "rt", encoding="utf-8") as lines:
        # All but the header (time, database); parsed: PostgreSQL orders JSON keys its own way.
        return [json.loads(line) for line in lines.read().splitlines()[1:]]
