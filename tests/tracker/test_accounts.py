from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from django.contrib.auth import get_user_model

from versprochen.cli import main
from versprochen.site.config import Config, ConfigError
from versprochen.tracker.models import AuditEntry, Membership
from versprochen.tracker.roles import holds
from versprochen.tracker.testing import store

SCHOOL = ("Wir bauen die Schulsozialarbeit an allen Grundschulen aus.", "bildung", {})


def run(*args: str, stdin: str = "") -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    return result.exit_code, result.output


@pytest.mark.django_db
def test_createuser_hashes_with_argon2_and_grants_roles() -> None:
    store([SCHOOL])
    code, output = run(
        "createuser",
        "erika",
        "--role",
        "editor",
        "--role",
        "reviewer",
        "--body",
        "Stadt Herne",
        "--password-stdin",
        stdin="ein langes Passwort 42\n",
    )
    assert code == 0, output
    assert "created" in output and "editor@Stadt Herne" in output
    user = get_user_model().objects.get(username="erika")
    assert user.password.startswith("argon2$")
    assert user.check_password("ein langes Passwort 42")
    body = Membership.objects.filter(user=user).first().body
    assert holds(user, "editor", body.pk) and holds(user, "reviewer", body.pk)
    assert not holds(user, "admin", body.pk)
    assert AuditEntry.objects.filter(action="user.create", object_id=str(user.pk)).exists()
    code, output = run("createuser", "erika", "--role", "admin")
    assert code == 0 and "password unchanged" in output
    assert holds(user, "admin", 999)  # no --body: every body


@pytest.mark.django_db
def test_createuser_bad_input_is_one_line_and_changes_nothing() -> None:
    store([SCHOOL])
    code, output = run(
        "createuser",
        "x",
        "--role",
        "editor",
        "--body",
        "Atlantis",
        "--password-stdin",
        stdin="ein langes Passwort 42\n",
    )
    assert code == 2 and "Atlantis" in output and len(output.strip().splitlines()) == 1
    code, output = run("createuser", "x", "--role", "editor", "--password-stdin", stdin="123\n")
    assert code == 2 and "password" in output
    code, output = run("createuser", "x", "--role", "kaiser", "--password-stdin", stdin="x\n")
    assert code == 2
    assert not get_user_model().objects.filter(username="x").exists()


@pytest.mark.django_db
def test_createuser_refuses_bad_and_case_duplicate_names() -> None:
    store([SCHOOL])
    stdin = "ein langes Passwort 42\n"
    assert run("createuser", "ed_h", "--role", "editor", "--password-stdin", stdin=stdin)[0] == 0
    code, output = run("createuser", "ED_H", "--role", "admin", "--password-stdin", stdin=stdin)
    assert code == 2 and "ed_h" in output and len(output.strip().splitlines()) == 1
    code, output = run(
        "createuser",
        "<script>alert(9)</script>",
        "--role",
        "editor",
        "--password-stdin",
        stdin=stdin,
    )
    assert code == 2 and "NAME" in output and len(output.strip().splitlines()) == 1
    assert list(get_user_model().objects.values_list("username", flat=True)) == ["ed_h"]
    assert not holds(get_user_model().objects.get(), "admin")


@pytest.mark.parametrize(
    "key", ["", "changeme", "django-insecure-abcdefghijklmnopqrstuvwxyz0123456789", "kurz"]
)
def test_production_mode_refuses_a_default_or_weak_secret_key(key: str) -> None:
    hosts = ("tracker.example.org",)
    with pytest.raises(ConfigError, match="VERSPROCHEN_SECRET_KEY"):
        Config(mode="production", secret_key=key, allowed_hosts=hosts).check()
    Config(mode="development", secret_key=key).check()
    Config(
        mode="production", secret_key="k" * 20 + "7fQ2-zz9-Lm0p-Xc4r-Wq", allowed_hosts=hosts
    ).check()
    with pytest.raises(ConfigError, match="VERSPROCHEN_MODE"):
        Config(mode="staging").check()


def test_allowed_hosts_are_local_plus_configured_and_required_in_production() -> None:
    assert Config().hosts == ["localhost", "127.0.0.1", "[::1]"]
    env = {"VERSPROCHEN_ALLOWED_HOSTS": "tracker.example.org, .herne.de"}
    assert Config.from_env(env).hosts[-2:] == ["tracker.example.org", ".herne.de"]
    key = "k" * 20 + "7fQ2-zz9-Lm0p-Xc4r-Wq"
    for hosts in [(), ("*",)]:
        with pytest.raises(ConfigError, match="VERSPROCHEN_ALLOWED_HOSTS"):
            Config(mode="production", secret_key=key, allowed_hosts=hosts).check()


def _settings_in_subprocess(
    env: dict[str, str], tmp_path: Path
) -> subprocess.CompletedProcess[str]:
    code = (
        "import django; from django.conf import settings; django.setup(); "
        "print(settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE, "
        "settings.SESSION_COOKIE_AGE, settings.SESSION_EXPIRE_AT_BROWSER_CLOSE, "
        "settings.PASSWORD_HASHERS[0].rsplit('.', 1)[1])"
    )
    full = {k: v for k, v in os.environ.items() if not k.startswith("VERSPROCHEN_")}
    full |= {
        "DJANGO_SETTINGS_MODULE": "versprochen.site.settings",
        "VERSPROCHEN_DATA_DIR": str(tmp_path),
        **env,
    }
    return subprocess.run(
        [sys.executable, "-c", code], env=full, capture_output=True, text=True, timeout=60
    )


def test_production_settings_secure_cookies_and_refuse_to_start(tmp_path: Path) -> None:
    result = _settings_in_subprocess({}, tmp_path)
    assert result.stdout.split() == ["False", "False", "28800", "True", "Argon2PasswordHasher"]
    result = _settings_in_subprocess(
        {
            "VERSPROCHEN_MODE": "production",
            "VERSPROCHEN_SECRET_KEY": "x7" * 30,
            "VERSPROCHEN_ALLOWED_HOSTS": "tracker.example.org",
        },
        tmp_path,
    )
    assert result.stdout.split()[:2] == ["True", "True"], result.stderr
    result = _settings_in_subprocess({"VERSPROCHEN_MODE": "production"}, tmp_path)
    assert result.returncode != 0 and "VERSPROCHEN_SECRET_KEY" in result.stderr
    env = {k: v for k, v in os.environ.items() if not k.startswith("VERSPROCHEN_")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env |= {"VERSPROCHEN_MODE": "production"}
    serve = subprocess.run(
        [
            sys.executable,
            "-m",
            "versprochen.cli",
            "serve",
            "--no-seeds",
            "--port",
            "8431",
            "--data-dir",
            str(tmp_path),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert serve.returncode == 2
    assert "refusing to start" in serve.stderr and len(serve.stderr.strip().splitlines()) == 1
