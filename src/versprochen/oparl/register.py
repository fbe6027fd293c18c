"""Registering a council system for a body (`versprochen oparl add`)."""

from __future__ import annotations

from dataclasses import dataclass

from versprochen.oparl.adapters import Quirks, fix_ags, single_object
from versprochen.oparl.http import Client, FetchError
from versprochen.oparl.models import System
from versprochen.oparl.sync import SyncFailed, fetch_json, read_bodies
from versprochen.tracker.models import Body


@dataclass(frozen=True)
class Registered:
    system: System
    body_created: bool
    oparl_body_name: str


def add_system(client: Client, url: str, body_name: str, oparl_body: str = "") -> Registered:
    """Register the OParl System at `url` for the tracker body `body_name` (name or slug).

    The body is created when there is none of that name, with the AGS and OParl id
    of the OParl Body. A system with several bodies needs `oparl_body` (its id URL)
    unless one of them has the body's name. Writes; the caller owns the transaction.
    """
    from django.db.models import Q

    from versprochen.tracker.importing.receive import named

    if not url.startswith(("http://", "https://")):
        raise ValueError(f"{url}: not an http or https URL")
    quirks = Quirks()
    try:
        _, data = fetch_json(client, url, quirks)
        system_data = single_object(data, url, quirks)
    except FetchError as error:
        raise ValueError(f"{error.url}: {error.reason}") from None
    if "oparlVersion" not in system_data:
        raise ValueError(f"{url}: not an OParl System (no oparlVersion)")
    try:
        bodies = read_bodies(client, system_data, quirks)
    except SyncFailed as error:
        raise ValueError(str(error)) from None
    chosen = _choose(bodies, body_name, oparl_body, url)
    system_url = str(system_data.get("id") or url)
    existing = System.objects.filter(url__in=[url, system_url]).select_related("body").first()
    if existing is not None:
        raise ValueError(f"{url}: already registered for {existing.body.name}")
    body = Body.objects.filter(
        Q(name__iexact=body_name.strip()) | Q(slug=body_name.strip())
    ).first()
    created = body is None
    if body is None:
        body = named(Body, body_name)
    if not body.ags:
        body.ags = fix_ags(chosen.get("ags"))[:12]
    if not body.oparl_id:
        body.oparl_id = str(chosen["id"])[:500]
    body.save(update_fields=["ags", "oparl_id"])
    system = System.objects.create(
        url=url,
        body=body,
        body_url=str(chosen["id"]),
        oparl_version=str(system_data.get("oparlVersion") or "")[:200],
        name=str(system_data.get("name") or "")[:500],
    )
    return Registered(system, created, str(chosen.get("name") or chosen["id"]))


def _choose(
    bodies: list[dict[str, object]], name: str, oparl_body: str, url: str
) -> dict[str, object]:
    if oparl_body:
        for body in bodies:
            if body.get("id") == oparl_body:
                return body
        raise ValueError(f"--oparl-body: {oparl_body} is not a body of {url}")
    if len(bodies) == 1:
        return bodies[0]
    for body in bodies:
        if str(body.get("name", "")).strip().lower() == name.strip().lower():
            return body
    if not bodies:
        raise ValueError(f"{url}: the system lists no body")
    listed = ", ".join(f"{body.get('name')} ({body.get('id')})" for body in bodies[:10])
    raise ValueError(f"{url}: several bodies; choose one with --oparl-body: {listed}")
