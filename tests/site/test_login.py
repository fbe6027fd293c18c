"""Logging in: Argon2, a rate limit, CSRF on the form, logout only by POST."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

PASSWORD = "ein langes Passwort 42"


@pytest.fixture
def erika(db: None) -> Any:
    return get_user_model().objects.create_user("erika", password=PASSWORD, is_superuser=True)


def test_login_with_argon2_then_logout(client: Client, erika: Any) -> None:
    assert erika.password.startswith("argon2$")
    page = client.get("/anmelden/")
    assert page.status_code == 200 and b"csrfmiddlewaretoken" in page.content
    assert "no-store" in page["Cache-Control"] or "max-age=0" in page["Cache-Control"]
    response = client.post("/anmelden/", {"username": "erika", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/redaktion/"
    assert client.get("/redaktion/").status_code == 200
    assert client.get("/abmelden/").status_code == 405
    assert client.post("/abmelden/").status_code == 302
    assert client.get("/redaktion/")["Location"].startswith("/anmelden/?next=")


def test_wrong_password_is_refused_at_the_form(client: Client, erika: Any) -> None:
    response = client.post("/anmelden/", {"username": "erika", "password": "falsch"})
    assert response.status_code == 400
    assert "Bitte Benutzername und Passwort eingeben" in response.content.decode()


def test_too_many_failures_block_even_the_right_password(client: Client, erika: Any) -> None:
    for _ in range(5):
        assert client.post("/anmelden/", {"username": "erika", "password": "x"}).status_code == 400
    response = client.post("/anmelden/", {"username": "ERIKA", "password": PASSWORD})
    assert response.status_code == 429
    assert "Zu viele fehlgeschlagene Anmeldungen" in response.content.decode()
    assert client.get("/redaktion/").status_code == 302  # not logged in
    other = get_user_model().objects.create_user("rudi", password=PASSWORD, is_superuser=True)
    assert (
        other
        and client.post("/anmelden/", {"username": "rudi", "password": PASSWORD}).status_code == 302
    )


def test_forms_need_the_csrf_token(erika: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    assert client.post("/anmelden/", {"username": "erika", "password": PASSWORD}).status_code == 403


def test_editor_pages_need_a_login_and_a_role(client: Client, db: None) -> None:
    response = client.get("/redaktion/pruefung/")
    assert response.status_code == 302 and response["Location"].startswith("/anmelden/")
    nobody = get_user_model().objects.create(username="niemand")
    client.force_login(nobody)
    assert client.get("/redaktion/").status_code == 403


def test_session_cookie_is_http_only_and_ends(client: Client, erika: Any, settings: Any) -> None:
    client.post("/anmelden/", {"username": "erika", "password": PASSWORD})
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert settings.SESSION_COOKIE_AGE == 8 * 3600 and settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


def test_an_expired_session_needs_a_new_login(client: Client, erika: Any) -> None:
    import datetime as dt

    from django.contrib.sessions.models import Session
    from django.utils import timezone

    client.post("/anmelden/", {"username": "erika", "password": PASSWORD})
    assert client.get("/redaktion/").status_code == 200
    Session.objects.update(expire_date=timezone.now() - dt.timedelta(seconds=1))
    assert client.get("/redaktion/").status_code == 302


def test_the_editor_pages_speak_english_too(client: Client, erika: Any) -> None:
    html = client.get("/en/anmelden/").content.decode()
    assert '<html lang="en">' in html and "Log in" in html and "Username" in html
    client.force_login(erika)
    html = client.get("/en/redaktion/").content.decode()
    assert "Your drafts" in html and "Edit pledges" in html and "Log out" in html


def test_an_office_behind_one_address_is_not_locked_out(client: Client, erika: Any) -> None:
    """Many people mistyping behind one proxy address: the per-address limit is far above
    the per-name one, so the others can still log in."""
    for n in range(30):
        response = client.post("/anmelden/", {"username": f"kollege{n}", "password": "x"})
        assert response.status_code == 400, n
    assert client.post("/anmelden/", {"username": "erika", "password": PASSWORD}).status_code == 302


def test_the_address_comes_from_x_forwarded_for_only_behind_trusted_proxies(
    erika: Any, settings: Any
) -> None:
    from django.test import RequestFactory

    from versprochen.site.views.editor.common import client_ip

    factory = RequestFactory()
    spoofed = factory.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7")
    settings.VERSPROCHEN_TRUSTED_PROXIES = 0
    assert client_ip(spoofed) == "10.0.0.2"  # not configured: the header is ignored
    settings.VERSPROCHEN_TRUSTED_PROXIES = 1
    assert client_ip(spoofed) == "203.0.113.7"  # what our proxy saw, not what the client wrote
    settings.VERSPROCHEN_TRUSTED_PROXIES = 2
    assert client_ip(spoofed) == "1.2.3.4"
    garbage = factory.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="nonsense")
    settings.VERSPROCHEN_TRUSTED_PROXIES = 1
    assert client_ip(garbage) == "10.0.0.2"
    assert client_ip(factory.get("/", REMOTE_ADDR="10.0.0.2")) == "10.0.0.2"
    # Behind the proxy, one client's failures do not block another's.
    from versprochen.tracker import ratelimit

    limit = settings.VERSPROCHEN_LOGIN_ATTEMPTS * ratelimit.ADDRESS_FACTOR
    attacker = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.1")
    for n in range(limit):
        attacker.post("/anmelden/", {"username": f"opfer{n}", "password": "x"})
    assert attacker.post("/anmelden/", {"username": "wer", "password": "x"}).status_code == 429
    office = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert office.post("/anmelden/", {"username": "erika", "password": PASSWORD}).status_code == 302


def test_the_trusted_proxies_setting_is_declared_and_checked() -> None:
    from versprochen.site.config import Config, ConfigError, describe

    assert "VERSPROCHEN_TRUSTED_PROXIES" in dict(describe())
    assert Config.from_env({"VERSPROCHEN_TRUSTED_PROXIES": "2"}).trusted_proxies == 2
    assert Config.from_env({}).trusted_proxies == 0
    with pytest.raises(ConfigError, match="VERSPROCHEN_TRUSTED_PROXIES"):
        Config.from_env({"VERSPROCHEN_TRUSTED_PROXIES": "zwei"})
    with pytest.raises(ConfigError, match="VERSPROCHEN_TRUSTED_PROXIES"):
        Config.from_env({"VERSPROCHEN_TRUSTED_PROXIES": "-1"}).check()


@pytest.mark.skipif(
    not __import__("os").environ.get("DATABASE_URL"), reason="parallel logins: PostgreSQL"
)
@pytest.mark.django_db(transaction=True)
def test_parallel_wrong_passwords_check_at_most_the_limit(settings: Any) -> None:
    """30 wrong passwords at once: no more password checks than the limit allows."""
    import threading

    from django.contrib.auth.backends import ModelBackend
    from django.db import connection

    get_user_model().objects.create_user("erika", password=PASSWORD)
    checks: list[int] = []
    real = ModelBackend.authenticate

    def counted(self: Any, *args: Any, **kwargs: Any) -> Any:
        checks.append(1)
        return real(self, *args, **kwargs)

    ModelBackend.authenticate = counted  # type: ignore[method-assign]
    start = threading.Barrier(30)
    statuses: list[int] = []

    def attempt() -> None:
        try:
            client = Client()
            start.wait(timeout=30)
            statuses.append(
                client.post("/anmelden/", {"username": "erika", "password": "x"}).status_code
            )
        finally:
            connection.close()

    try:
        threads = [threading.Thread(target=attempt) for _ in range(30)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    finally:
        ModelBackend.authenticate = real  # type: ignore[method-assign]
    assert len(statuses) == 30
    assert len(checks) <= settings.VERSPROCHEN_LOGIN_ATTEMPTS, len(checks)
    assert statuses.count(429) == 30 - len(checks)
