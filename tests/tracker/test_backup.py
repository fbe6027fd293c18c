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
    # As a request does: one transaction (publishing locks the pledge's row).
    with transaction.atomic():
        _fill_in_transaction()


def _fill_in_transaction() -> None:
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


def _new_account(number: int) -> None:
    """What an admin's loop does: an account and its role, committed at once."""
    from django.contrib.auth import get_user_model

    from versprochen.tracker.models import Body, Membership

    with transaction.atomic():
        user = get_user_model().objects.create(username=f"neu{number}")
        Membership.objects.create(user=user, body=Body.objects.first(), role="editor")


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL"), reason="concurrent writers: PostgreSQL's READ COMMITTED"
)
def test_backup_is_one_snapshot_while_accounts_are_created(
    emptied_afterwards: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Accounts created while the backup runs (between reading the users and their
    memberships) are either wholly in it or not at all: the backup restores."""
    import threading

    from django.contrib.auth import get_user_model
    from django.db import connection

    from versprochen.tracker.models import Membership

    _fill()
    memberships = Membership.objects.count()
    real_rows = backup.rows
    written: list[int] = []

    def writer(start: int) -> None:
        try:
            for n in range(start, start + 3):
                _new_account(n)
                written.append(n)
        finally:
            connection.close()

    def rows_with_writes_between(model: Any) -> Iterator[dict[str, Any]]:
        yield from real_rows(model)
        if model is get_user_model():
            # Another session commits new accounts after the users were read.
            thread = threading.Thread(target=writer, args=(len(written),))
            thread.start()
            thread.join(timeout=60)

    monkeypatch.setattr(backup, "rows", rows_with_writes_between)
    data = io.BytesIO()
    counts = backup.write(data)
    assert written == [0, 1, 2]
    assert counts["tracker.membership"] == memberships  # none of the new accounts'
    # A free-running writer during a second backup.
    monkeypatch.setattr(backup, "rows", real_rows)
    stop = threading.Event()

    def loop() -> None:
        try:
            n = 100
            while not stop.is_set():
                _new_account(n)
                n += 1
        finally:
            connection.close()

    runner = threading.Thread(target=loop)
    runner.start()
    try:
        second = io.BytesIO()
        backup.write(second)
    finally:
        stop.set()
        runner.join(timeout=60)
    for archive in (data, second):
        _flush()
        archive.seek(0)
        with transaction.atomic():
            backup.read(archive)
        assert Membership.objects.count() >= memberships


def _with_row(archive: bytes, table: str, row: dict[str, Any]) -> bytes:
    """`archive` (a backup) with `row` added to `table`."""
    import gzip
    import json

    lines = gzip.decompress(archive).decode().splitlines()
    at = lines.index(json.dumps({"table": table}))
    lines.insert(at + 1, json.dumps(row))
    end = json.loads(lines[-1])
    end["rows"][table] += 1  # a complete backup, only with a row that breaks a rule
    lines[-1] = json.dumps(end)
    return gzip.compress(("\n".join(lines) + "\n").encode())


def _cut(archive: bytes, keep: int) -> bytes:
    """`archive` cut after its first `keep` lines, recompressed: a valid gzip file."""
    import gzip

    lines = gzip.decompress(archive).splitlines(keepends=True)
    return gzip.compress(b"".join(lines[:keep]))


def test_a_backup_ends_with_the_row_count_of_every_table(emptied_afterwards: None) -> None:
    import gzip
    import json

    _fill()
    data = io.BytesIO()
    counts = backup.write(data)
    last = json.loads(gzip.decompress(data.getvalue()).splitlines()[-1])
    assert last == {"end": "versprochen-backup", "rows": counts}
    assert counts["tracker.auditentry"] > 0


@pytest.mark.parametrize("missing", [1, 3, "audit"])
def test_a_backup_cut_at_a_line_boundary_is_refused_and_leaves_the_target_empty(
    emptied_afterwards: None, missing: int | str
) -> None:
    import gzip

    _fill()
    data = io.BytesIO()
    backup.write(data)
    lines = gzip.decompress(data.getvalue()).splitlines()
    if missing == "audit":  # everything up to the audit log's table line
        keep = next(i for i, line in enumerate(lines) if b'"tracker.auditentry"' in line) + 1
    else:
        keep = len(lines) - int(missing)
    _flush()
    with pytest.raises(backup.BackupError, match="incomplete") as refused, transaction.atomic():
        backup.read(io.BytesIO(_cut(data.getvalue(), keep)))
    assert "\n" not in str(refused.value)
    assert backup.is_empty()


def test_restore_command_refuses_a_cut_backup_with_exit_2(tmp_path: Path) -> None:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("VERSPROCHEN_", "DATABASE_URL"))
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    whole = tmp_path / "whole.backup.gz"
    result = _cli("backup", str(whole), "--data-dir", str(tmp_path / "a"), env=env)
    assert result.returncode == 0, result.stderr
    cut = tmp_path / "cut.backup.gz"
    cut.write_bytes(_cut(whole.read_bytes(), -1))
    result = _cli("restore", str(cut), "--data-dir", str(tmp_path / "b"), env=env)
    assert result.returncode == 2, result.stderr
    assert "incomplete" in result.stderr and "Traceback" not in result.stderr
    result = _cli("restore", str(whole), "--data-dir", str(tmp_path / "b"), env=env)
    assert result.returncode == 0, result.stderr  # the cut one left the target empty


def test_restore_of_rows_breaking_foreign_keys_is_refused_and_changes_nothing(
    emptied_afterwards: None,
) -> None:
    _fill()
    data = io.BytesIO()
    backup.write(data)
    broken = _with_row(
        data.getvalue(),
        "tracker.membership",
        {"id": 999, "user_id": 4242, "body_id": None, "role": "editor"},
    )
    _flush()
    with pytest.raises(backup.BackupError, match="foreign key") as refused, transaction.atomic():
        backup.read(io.BytesIO(broken))
    assert "\n" not in str(refused.value)
    assert backup.is_empty()


def test_restore_command_refuses_broken_foreign_keys_in_one_line(tmp_path: Path) -> None:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("VERSPROCHEN_", "DATABASE_URL"))
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    empty = tmp_path / "empty.backup.gz"
    result = _cli("backup", str(empty), "--data-dir", str(tmp_path / "a"), env=env)
    assert result.returncode == 0, result.stderr
    broken = tmp_path / "broken.backup.gz"
    broken.write_bytes(
        _with_row(
            empty.read_bytes(),
            "tracker.membership",
            {"id": 1, "user_id": 4242, "body_id": None, "role": "editor"},
        )
    )
    targets = [({**env}, ["--data-dir", str(tmp_path / "b")])]
    if os.environ.get("DATABASE_URL"):
        url = _fresh_postgres(os.environ["DATABASE_URL"], "versprochen_restore_keys_test")
        targets.append(({**env, "DATABASE_URL": url}, ["--data-dir", str(tmp_path / "c")]))
    try:
        for target_env, where in targets:
            result = _cli("restore", str(broken), *where, env=target_env)
            assert result.returncode == 2, result.stderr
            assert "Traceback" not in result.stderr
            assert len(result.stderr.strip().splitlines()) == 1, result.stderr
            assert "foreign key" in result.stderr
            # Nothing was restored: the clean backup still restores into it.
            result = _cli("restore", str(empty), *where, env=target_env)
            assert result.returncode == 0, result.stderr
    finally:
        if os.environ.get("DATABASE_URL"):
            _drop_postgres(os.environ["DATABASE_URL"], "versprochen_restore_keys_test")
