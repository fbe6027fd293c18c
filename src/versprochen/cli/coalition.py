"""Commands of the coalition wing: `versprochen coalition create|list|member add|body add|
meeting add|rules check`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from versprochen.cli.errors import bad_input_is_one_line
from versprochen.cli.tracker import _setup, data_dir_option


@contextmanager
def _one_line() -> Iterator[None]:
    """Bad input, also a refusal by the rules (Django's ValidationError), as one line."""
    from django.core.exceptions import ValidationError

    with bad_input_is_one_line():
        try:
            yield
        except ValidationError as error:
            parts = [
                f"--{name.replace('_', '-')}: {' '.join(messages)}"
                for name, messages in error.message_dict.items()
            ]
            raise ValueError("; ".join(parts)) from None


def _date(value: str, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"{what}: {value!r} is not a date (YYYY-MM-DD)") from None


def _term(value: str | None, agreement: Any) -> tuple[dt.date, dt.date]:
    if value:
        start, sep, end = value.partition(":")
        if not sep:
            raise ValueError("--term: give START:END, e.g. 2025-11-01:2030-10-31")
        return _date(start, "--term"), _date(end, "--term")
    if agreement is None or not (agreement.term_start and agreement.term_end):
        raise ValueError("--term: needed when the agreement has no term")
    first: dt.date = agreement.date or dt.date(agreement.term_start, 1, 1)
    return first, dt.date(agreement.term_end, 12, 31)


def _coalition(slug: str) -> Any:
    from versprochen.coalition.models import Coalition

    found = Coalition.objects.filter(slug=slug.strip()).first()
    if found is None:
        known = ", ".join(Coalition.objects.values_list("slug", flat=True)[:20])
        raise ValueError(f"--coalition: no coalition {slug!r} (known: {known or 'none yet'})")
    return found


def _actor(name: str, what: str) -> Any:
    from django.db.models import Q

    from versprochen.tracker.models import Actor

    found = Actor.objects.filter(Q(name__iexact=name.strip()) | Q(slug=name.strip())).first()
    if found is None:
        raise ValueError(f"{what}: no party or group {name!r}")
    return found


@click.group(name="coalition")
def coalition_group() -> None:
    """Coalition coordination: partners, rules, members, council bodies, meetings."""


@coalition_group.command(name="create")
@click.option("--body", required=True, help='The body, by name or slug ("Stadt Herne").')
@click.option(
    "--partners", required=True, help='The partners, comma-separated ("SPD Herne,CDU Herne").'
)
@click.option("--agreement", default=None, help="The agreement document's slug.")
@click.option(
    "--rules", "rules_spec", required=True, help="preset:herne-2025, or a .toml/.json rule file."
)
@click.option("--term", default=None, help="START:END dates; default: from the agreement.")
@click.option("--name", default="", help="A name (default: the partners and the term).")
@data_dir_option
def create(
    body: str,
    partners: str,
    agreement: str | None,
    rules_spec: str,
    term: str | None,
    name: str,
    data_dir: Path | None,
) -> None:
    """Create a coalition of PARTNERS in BODY with a rule set."""
    with _one_line():
        from versprochen.coalition.rules import load

        rules = load(rules_spec)  # before the database: a bad file changes nothing
        _setup(data_dir)
        from django.db import transaction

        from versprochen.coalition import setup
        from versprochen.tracker.accounts import find_body
        from versprochen.tracker.models import Document

        found = find_body(body)
        actors = [_actor(p, "--partners") for p in partners.split(",") if p.strip()]
        document = None
        if agreement:
            document = Document.objects.filter(slug=agreement.strip()).first()
            if document is None:
                raise ValueError(f"--agreement: no document {agreement!r}")
        with transaction.atomic():
            coalition = setup.create_coalition(
                found, actors, _term(term, document), rules, rules_spec, document, name
            )
        click.echo(f"{coalition.slug}: {coalition.name}, {len(rules.rules)} rules ({rules.name})")


@coalition_group.command(name="list")
@data_dir_option
def list_coalitions(data_dir: Path | None) -> None:
    """The coalitions with their partners and members."""
    with _one_line():
        _setup(data_dir)
        from versprochen.coalition.models import Coalition

        for c in Coalition.objects.select_related("body").prefetch_related("partners"):
            partners = ", ".join(p.name for p in c.partners.all())
            click.echo(f"{c.slug}\t{c.body.name}\t{partners}\t{c.members.count()} members")


@coalition_group.group(name="member")
def member_group() -> None:
    """A coalition's members."""


@member_group.command(name="add")
@click.argument("user")
@click.option("--coalition", "slug", required=True, help="The coalition's slug.")
@click.option("--partner", required=True, help="The partner the member acts for.")
@click.option("--role", default="member", type=click.Choice(["member", "lead", "speaker"]))
@click.option("--coordination", is_flag=True, help="A member of the coordination group.")
@data_dir_option
def member_add(
    user: str, slug: str, partner: str, role: str, coordination: bool, data_dir: Path | None
) -> None:
    """Make the account USER a member acting for PARTNER (it must exist: createuser)."""
    with _one_line():
        _setup(data_dir)
        from django.db import transaction

        from versprochen.coalition import setup
        from versprochen.tracker.accounts import existing

        account = existing(user)
        if account is None:
            raise ValueError(f"USER: no account {user!r} (create it with `versprochen createuser`)")
        with transaction.atomic():
            member = setup.add_member(
                _coalition(slug), account, _actor(partner, "--partner"), role, coordination
            )
        group = ", coordination group" if member.coordination else ""
        click.echo(f"{user}: member for {member.partner.name} ({member.role}{group})")


@coalition_group.group(name="body")
def body_group() -> None:
    """The council bodies motions go to."""


@body_group.command(name="add")
@click.argument("name")
@click.option("--coalition", "slug", required=True)
@click.option(
    "--kind",
    required=True,
    type=click.Choice(["council", "committee", "district_council", "company_board"]),
)
@click.option(
    "--deadline-days",
    default=10,
    show_default=True,
    type=int,
    help="The submission deadline: days before a meeting.",
)
@data_dir_option
def body_add(name: str, slug: str, kind: str, deadline_days: int, data_dir: Path | None) -> None:
    """Add (or change) the council body NAME."""
    with _one_line():
        _setup(data_dir)
        from django.db import transaction

        from versprochen.coalition import setup

        with transaction.atomic():
            body = setup.add_council_body(_coalition(slug), name, kind, deadline_days)
        click.echo(f"{body.name}: {body.get_kind_display()}, deadline {deadline_days} days before")


@coalition_group.group(name="meeting")
def meeting_group() -> None:
    """Meetings of the council bodies."""


@meeting_group.command(name="add")
@click.option("--coalition", "slug", required=True)
@click.option("--body", "body_name", required=True, help="The council body's name.")
@click.option("--date", "day", required=True, help="YYYY-MM-DD, today or later.")
@data_dir_option
def meeting_add(slug: str, body_name: str, day: str, data_dir: Path | None) -> None:
    """Add a meeting of a council body."""
    with _one_line():
        date = _date(day, "--date")
        _setup(data_dir)
        from django.db import transaction
        from django.utils import timezone

        from versprochen.coalition import setup

        coalition = _coalition(slug)
        body = coalition.council_bodies.filter(name__iexact=body_name.strip()).first()
        if body is None:
            known = ", ".join(coalition.council_bodies.values_list("name", flat=True))
            raise ValueError(f"--body: no council body {body_name!r} (known: {known or 'none'})")
        with transaction.atomic():
            meeting = setup.add_meeting(body, date, timezone.localdate())
        click.echo(f"{meeting}")


@coalition_group.command(name="reminders")
@click.option("--coalition", "slug", required=True)
@click.option("--days", required=True, help='Days before a deadline to remind, e.g. "7,1".')
@data_dir_option
def reminders(slug: str, days: str, data_dir: Path | None) -> None:
    """Set the days before a deadline the members get a reminder mail."""
    with _one_line():
        parts = [p.strip() for p in days.split(",") if p.strip()]
        if not parts or not all(p.isdigit() and int(p) <= 60 for p in parts):
            raise ValueError(f"--days: {days!r} is not a list of days from 0 to 60, e.g. 7,1")
        _setup(data_dir)
        from django.db import transaction

        with transaction.atomic():
            coalition = _coalition(slug)
            coalition.reminder_days = sorted({int(p) for p in parts}, reverse=True)
            coalition.save(update_fields=["reminder_days"])
        click.echo(f"reminders {', '.join(map(str, coalition.reminder_days))} days before")


@coalition_group.command(name="oparl-import")
@click.option("--coalition", "slug", required=True)
@data_dir_option
def oparl_import(slug: str, data_dir: Path | None) -> None:
    """Council bodies and coming meetings from the body's synced OParl organizations."""
    with _one_line():
        _setup(data_dir)
        from django.db import transaction
        from django.utils import timezone

        from versprochen.coalition.from_oparl import import_bodies_and_meetings

        with transaction.atomic():
            bodies, meetings = import_bodies_and_meetings(_coalition(slug), timezone.localdate())
        click.echo(f"{bodies} council bodies and {meetings} meetings added from OParl")


@coalition_group.group(name="rules")
def rules_group() -> None:
    """Rule files."""


@rules_group.command(name="check")
@click.argument("spec")
def rules_check(spec: str) -> None:
    """Read a rule file (or preset:NAME) and list its rules; exit 2 when it is bad."""
    with _one_line():
        from versprochen.coalition.rules import load

        rules = load(spec)
        click.echo(f"{rules.name}: {len(rules.rules)} rules")
        for rule in rules.rules:
            state = "on" if rule.enabled else "off"
            click.echo(f"  {rule.number:>2} {rule.key} ({state}): {rule.cite[:70]}…")


def register_coalition_commands(group: click.Group) -> None:
    """Add this wing's commands to the `versprochen` group."""
    group.add_command(coalition_group)
