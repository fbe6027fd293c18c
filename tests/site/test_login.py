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
