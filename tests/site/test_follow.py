"""Following by e-mail, against a real SMTP server on loopback (aiosmtpd): double
opt-in, digests of what was published, one-click unsubscribe, no address anywhere."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import re
import socket
from collections.abc import Iterator
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from django.test import Client

from versprochen.jobs import run_now
from versprochen.tracker import follow, workflow
from versprochen.tracker.models import Follow, Pledge
from versprochen.tracker.validation import DraftData

ADDRESS = "leserin@example.net"


class Inbox:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append(parsed)  # type: ignore[arg-type]
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def inbox(settings: Any) -> Iterator[Inbox]:
    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS, settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD = False, "", ""
    settings.VERSPROCHEN_PUBLIC_URL = "https://tracker.example.org"
    try:
        yield handler
    finally:
        controller.stop()


def _text(message: EmailMessage) -> str:
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    return str(body.get_content())


def _path(text: str, kind: str) -> str:
    match = re.search(rf"https://tracker\.example\.org(/folgen/{kind}/[^/\s]+/)", text)
    assert match, text
    return match.group(1)


def _publish(people: dict[str, Any], pledge: Pledge, rationale: str) -> None:
    draft = workflow.create_draft(
        people["erika"],
        pledge,
        DraftData(status="gestockt", assessed_on=dt.date(2026, 5, 1), rationale=rationale),
        submit=True,
    )
    workflow.publish(people["rudi"], draft, draft.revision)


def test_follow_confirm_digest_and_unsubscribe(
    client: Client, people: dict[str, Any], inbox: Inbox
) -> None:
    buses = Pledge.objects.get(area="mobilitaet")
    page = client.get(f"/folgen/?versprechen={buses.pk}")
    assert page.status_code == 200 and "Busverkehr" in page.content.decode()
    sent = client.post(
        "/folgen/",
        {"email": ADDRESS, "frequency": "daily", "target": "pledge", "target_id": buses.pk},
    )
    assert sent.status_code == 200 and "Bitte E-Mail bestätigen" in sent.content.decode()
    chosen = Follow.objects.get()
    assert chosen.confirmed_at is None
    run_now("follow.confirmation", follow_id=chosen.pk)
    (confirmation,) = inbox.messages
    assert confirmation["To"] == ADDRESS and confirmation["List-Unsubscribe"]
    # Before the second opt-in, nothing is sent.
    _publish(people, buses, "Vor der Bestätigung.")
    assert follow.send_digests("daily") == 0
    confirm_path = _path(_text(confirmation), "bestaetigen")
    assert client.get(confirm_path).status_code == 200  # a scanner opening it confirms nothing
    assert Follow.objects.get().confirmed_at is None
    assert "Bestätigt" in client.post(confirm_path).content.decode()
    # A published change (and only that) goes into the next digest, sent by the job.
    _publish(people, buses, "Der Rat hat die Mittel gestrichen.")
    workflow.create_draft(
        people["erika"],
        buses,
        DraftData(status="erfuellt", assessed_on=dt.date(2026, 5, 2), rationale="NUR-ENTWURF"),
    )
    run_now("follow.digest", frequency="daily")
    digest = inbox.messages[-1]
    text = _text(digest)
    assert len(inbox.messages) == 2
    assert "Der Rat hat die Mittel gestrichen." in text and "Vor der Bestätigung" not in text
    assert "NUR-ENTWURF" not in text
    unsubscribe = _path(text, "abbestellen")
    assert digest["List-Unsubscribe"].strip() == f"<https://tracker.example.org{unsubscribe}>"
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert follow.send_digests("daily") == 0  # nothing new since
    # One-click (RFC 8058): the mail program's POST, without a CSRF token.
    one_click = Client(enforce_csrf_checks=True).post(
        unsubscribe, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert one_click.status_code == 200 and not Follow.objects.exists()
    assert client.post(unsubscribe).status_code == 404


def test_a_document_and_a_body_are_followed_too(
    client: Client, people: dict[str, Any], inbox: Inbox, tracker: dict[str, Any]
) -> None:
    document = tracker["document"]
    for target, target_id in (("document", document.pk), ("body", people["herne"].pk)):
        client.post(
            "/folgen/",
            {"email": ADDRESS, "frequency": "weekly", "target": target, "target_id": target_id},
        )
    for chosen in Follow.objects.all():
        follow.confirm(chosen)
    _publish(people, Pledge.objects.get(area="kultur"), "Die Bücherei bleibt, beschlossen.")
    assert follow.send_digests("daily") == 0  # they are weekly
    assert follow.send_digests("weekly") == 2
    assert all("Die Bücherei bleibt" in _text(m) for m in inbox.messages)


@pytest.mark.parametrize(
    "form",
    [
        {"email": "kein-at", "frequency": "daily", "target": "pledge", "target_id": "1"},
        {"email": ADDRESS, "frequency": "stündlich", "target": "pledge", "target_id": "1"},
        {"email": ADDRESS, "frequency": "daily", "target": "pledge", "target_id": "²"},
        {"email": ADDRESS, "frequency": "daily", "target": "pledge", "target_id": "999999"},
        {"email": ADDRESS, "frequency": "daily", "target": "partei", "target_id": "1"},
    ],
)
def test_bad_follow_requests_are_refused_and_store_nothing(
    client: Client, tracker: Any, form: dict[str, str]
) -> None:
    response = client.post("/folgen/", form)
    assert response.status_code == 400 and not Follow.objects.exists()
    assert client.get("/folgen/?versprechen=%C2%B2").status_code == 404
    assert client.get("/folgen/abbestellen/unbekannt/").status_code == 404


def test_no_address_is_ever_shown_or_exported(
    client: Client, people: dict[str, Any], tracker: dict[str, Any]
) -> None:
    from versprochen.api.export_files import build, directory

    buses = Pledge.objects.get(area="mobilitaet")
    follow.confirm(follow.request(ADDRESS, "pledge", buses.pk, "daily"))
    build()
    for path in directory().iterdir():
        assert ADDRESS not in path.read_text(encoding="utf-8", errors="replace"), path
    for url in (f"/versprechen/{buses.pk}/", f"/versprechen/{buses.pk}/?format=json", "/"):
        assert ADDRESS not in client.get(url).content.decode()


def test_pledge_document_and_body_pages_link_to_following(
    client: Client, people: dict[str, Any], tracker: dict[str, Any]
) -> None:
    buses = Pledge.objects.get(area="mobilitaet")
    document = tracker["document"]
    for url, link in (
        (f"/versprechen/{buses.pk}/", f"/folgen/?versprechen={buses.pk}"),
        (f"/dokumente/{document.slug}/", f"/folgen/?dokument={document.pk}"),
        ("/koerperschaften/stadt-herne/", f"/folgen/?koerperschaft={people['herne'].pk}"),
    ):
        page = client.get(url)
        assert link in page.content.decode(), url
        assert "Set-Cookie" not in page.headers and "csrf" not in page.content.decode()
        assert client.get(link).status_code == 200
