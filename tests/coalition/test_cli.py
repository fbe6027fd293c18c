"""`versprochen coalition …`: create a coalition from the Herne preset, add members and
bodies; bad input is one line with exit code 2 and changes nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from django.contrib.auth import get_user_model

from versprochen.cli import main
from versprochen.coalition.models import Coalition, Membership
from versprochen.tracker.testing import HERNE, store


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


@pytest.mark.django_db
def test_create_a_coalition_add_members_bodies_and_meetings() -> None:
    document = store([("Neubau eines Jugendzentrums.", "kinder_jugend_familie", {})]).document
    code, out = run(
        "coalition",
        "create",
        "--body",
        "Stadt Herne",
        "--partners",
        "SPD Herne,CDU Herne",
        "--agreement",
        document.slug,
        "--rules",
        "preset:herne-2025",
        "--term",
        "2025-11-01:2030-10-31",
    )
    assert code == 0, out
    coalition = Coalition.objects.get()
    assert out.startswith(coalition.slug) and "13 rules" in out
    assert coalition.rules.rule("coordination_group").get("max_per_partner") == 8
    users = get_user_model().objects
    users.create(username="anke")
    code, out = run(
        "coalition",
        "member",
        "add",
        "anke",
        "--coalition",
        coalition.slug,
        "--partner",
        "SPD Herne",
        "--coordination",
    )
    assert code == 0, out
    assert Membership.objects.get().coordination
    code, out = run(
        "coalition",
        "body",
        "add",
        "Rat der Stadt Herne",
        "--coalition",
        coalition.slug,
        "--kind",
        "council",
        "--deadline-days",
        "10",
    )
    assert code == 0, out
    assert run("coalition", "reminders", "--coalition", coalition.slug, "--days", "1,14")[0] == 0
    coalition.refresh_from_db()
    assert coalition.reminder_days == [14, 1]
    code, out = run("coalition", "reminders", "--coalition", coalition.slug, "--days", "bald")
    assert code == 2 and "--days:" in out
    day = (dt.date.today() + dt.timedelta(days=20)).isoformat()
    code, out = run(
        "coalition",
        "meeting",
        "add",
        "--coalition",
        coalition.slug,
        "--body",
        "Rat der Stadt Herne",
        "--date",
        day,
    )
    assert code == 0, out
    code, out = run(
        "coalition",
        "meeting",
        "add",
        "--coalition",
        coalition.slug,
        "--body",
        "Rat der Stadt Herne",
        "--date",
        "2020-01-01",
    )
    assert code == 2 and "--date:" in out and "Vergangenheit" in out
    # A member of no partner of the coalition.
    users.create(username="gruen")
    programme = replace(HERNE, kind="program", authors=("Grüne Herne",), title="Programm")
    store([("Mehr Radwege.", "mobilitaet", {})], info=programme)
    code, out = run(
        "coalition",
        "member",
        "add",
        "gruen",
        "--coalition",
        coalition.slug,
        "--partner",
        "Grüne Herne",
    )
    assert code == 2 and "--partner:" in out and "kein Partner" in out
    assert Membership.objects.count() == 1


@pytest.mark.django_db
def test_bad_input_is_one_line(tmp_path: Path) -> None:
    store([("Neubau eines Jugendzentrums.", "kinder_jugend_familie", {})])
    bad = tmp_path / "rules.toml"
    bad.write_text(
        'name = "x"\n[[rule]]\nnumber = 1\nkey = "joint_vote"\ncite = "Satz."\n'
        'body_kinds = ["parliament"]\n'
    )
    cases = [
        (["--body", "Stadt Nirgendwo"], "--body: no body"),
        (["--partners", "SPD Herne,Piraten"], "--partners: no party or group 'Piraten'"),
        (["--rules", "preset:koeln"], "no preset 'koeln'"),
        (["--rules", str(bad)], "'body_kinds' holds 'parliament'"),
        (["--term", "2030-01-01:2025-01-01"], "--term: Das Ende"),
    ]
    for change, message in cases:
        args = {
            "--body": "Stadt Herne",
            "--partners": "SPD Herne,CDU Herne",
            "--rules": "preset:herne-2025",
            "--term": "2025-11-01:2030-10-31",
        }
        args[change[0]] = change[1]
        code, out = run("coalition", "create", *[x for kv in args.items() for x in kv])
        assert code == 2, (change, out)
        assert message in out and out.count("\n") == 1, (change, out)
    assert not Coalition.objects.exists()
