"""The tracker's settings: declared once, typed, with help text, read once and passed in.

`Config.from_env` is the only place that reads the environment. Django's settings
module calls it once; the command line sets the environment before that.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from urllib.parse import unquote, urlsplit


def _setting(env: str, help: str) -> dict[str, str]:
    return {"env": env, "help": help}


class ConfigError(ValueError):
    """A setting that makes the tracker unsafe or unusable; the message names it."""


# Secret keys that are public knowledge (examples, placeholders): refused in production.
KNOWN_KEYS = frozenset(
    {"", "secret", "changeme", "change-me", "please-change-me", "dev", "development", "test"}
)
MIN_SECRET_KEY_CHARS = 32
# Always served: a laptop, the benchmark and the browser tests reach the tracker by these.
LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]")


@dataclass(frozen=True, slots=True)
class Config:
    data_dir: Path = field(
        default=Path("data"),
        metadata=_setting(
            "VERSPROCHEN_DATA_DIR",
            "Directory of the embedded database (tracker.sqlite3) and the secret key.",
        ),
    )
    database_url: str = field(
        default="",
        metadata=_setting(
            "DATABASE_URL",
            "postgresql://user:password@host:5432/name selects PostgreSQL; empty means "
            "the SQLite file in the data directory.",
        ),
    )
    secret_key: str = field(
        default="",
        metadata=_setting(
            "VERSPROCHEN_SECRET_KEY",
            "Django's secret key; empty means one generated once and kept in the data directory.",
        ),
    )
    debug: bool = field(
        default=False,
        metadata=_setting(
            "VERSPROCHEN_DEBUG", "1 shows Django's debug pages. Never in production."
        ),
    )
    allowed_hosts: tuple[str, ...] = field(
        default=(),
        metadata=_setting(
            "VERSPROCHEN_ALLOWED_HOSTS",
            "Comma-separated host names the tracker is served under (tracker.example.org, "
            ".example.org for every subdomain), besides localhost, 127.0.0.1 and [::1]. "
            "Requests naming another Host get a 400. Required in production mode.",
        ),
    )
    mode: str = field(
        default="development",
        metadata=_setting(
            "VERSPROCHEN_MODE",
            "development (default, plain HTTP on a laptop) or production: cookies only over "
            "HTTPS, and the tracker refuses to start without its own VERSPROCHEN_SECRET_KEY.",
        ),
    )
    session_hours: float = field(
        default=8.0,
        metadata=_setting(
            "VERSPROCHEN_SESSION_HOURS",
            "An editor's login ends after this many hours without a request (and when the "
            "browser closes).",
        ),
    )
    login_attempts: float = field(
        default=5,
        metadata=_setting(
            "VERSPROCHEN_LOGIN_ATTEMPTS",
            "Failed logins allowed per user name within 15 minutes (per client address: "
            "20 times as many, so that a newsroom behind one address is not locked out).",
        ),
    )
    trusted_proxies: int = field(
        default=0,
        metadata=_setting(
            "VERSPROCHEN_TRUSTED_PROXIES",
            "How many reverse proxies in front of the tracker append to X-Forwarded-For "
            "(usually 1). The login rate limit then takes the client's address from that "
            "header (the entry the outermost trusted proxy wrote); 0 (default) ignores the "
            "header, which anybody can send, and uses the peer's address.",
        ),
    )
    csrf_trusted_origins: tuple[str, ...] = field(
        default=(),
        metadata=_setting(
            "VERSPROCHEN_CSRF_TRUSTED_ORIGINS",
            "Comma-separated origins (https://tracker.example.org) forms may be sent from "
            "when a proxy in front changes the host.",
        ),
    )
    page_cache: bool = field(
        default=True,
        metadata=_setting(
            "VERSPROCHEN_PAGE_CACHE",
            "0 turns off the in-process cache of rendered public pages (the benchmark "
            "measures both).",
        ),
    )

    freshness_seconds: float = field(
        default=1.0,
        metadata=_setting(
            "VERSPROCHEN_FRESHNESS_SECONDS",
            "How long a worker may reuse the data's change time before asking the database "
            "again (public pages may lag this much behind a change).",
        ),
    )
    # The public "Über" page (imprint): who runs this tracker and how to reach them.
    operator: str = field(
        default="",
        metadata=_setting(
            "VERSPROCHEN_OPERATOR",
            "Who runs this tracker (a newsroom, an association, a person): named on the "
            "public page /ueber/ as responsible for the content.",
        ),
    )
    operator_address: str = field(
        default="",
        metadata=_setting(
            "VERSPROCHEN_OPERATOR_ADDRESS",
            "The operator's postal address for the imprint; lines separated by ' | '.",
        ),
    )
    contact_email: str = field(
        default="",
        metadata=_setting(
            "VERSPROCHEN_CONTACT_EMAIL",
            "Where readers send questions and corrections (shown on /ueber/ and on the "
            "methodology page).",
        ),
    )
    about_text: str = field(
        default="",
        metadata=_setting(
            "VERSPROCHEN_ABOUT_TEXT",
            "A few sentences about the project on /ueber/ (plain text; blank lines start "
            "a new paragraph, written as ' || ').",
        ),
    )

    job_stale_seconds: float = field(
        default=120.0,
        metadata=_setting(
            "VERSPROCHEN_JOB_STALE_SECONDS",
            "A running job whose worker has not written its heartbeat for this many seconds "
            "(the worker died) is queued again; workers write it every quarter of this.",
        ),
    )
    # E-mail to followers (double opt-in and digests, see `tracker.follow`).
    mail_backend: str = field(
        default="console",
        metadata=_setting(
            "VERSPROCHEN_MAIL_BACKEND",
            "console (default: mails are printed to the log, none is sent) or smtp (sent "
            "through VERSPROCHEN_SMTP_HOST).",
        ),
    )
    smtp_host: str = field(
        default="localhost",
        metadata=_setting("VERSPROCHEN_SMTP_HOST", "The SMTP server's host name."),
    )
    smtp_port: int = field(
        default=587,
        metadata=_setting("VERSPROCHEN_SMTP_PORT", "The SMTP server's port (587: submission)."),
    )
    smtp_user: str = field(
        default="",
        metadata=_setting("VERSPROCHEN_SMTP_USER", "User name at the SMTP server (empty: none)."),
    )
    smtp_password: str = field(
        default="",
        metadata=_setting("VERSPROCHEN_SMTP_PASSWORD", "Password at the SMTP server."),
    )
    smtp_tls: bool = field(
        default=True,
        metadata=_setting(
            "VERSPROCHEN_SMTP_TLS",
            "1 (default) sends with STARTTLS; 0 only for a server on this machine.",
        ),
    )
    mail_from: str = field(
        default="versprochen <noreply@localhost>",
        metadata=_setting(
            "VERSPROCHEN_MAIL_FROM", "The sender of mails to followers, e.g. tracker@example.org."
        ),
    )
    public_url: str = field(
        default="http://127.0.0.1:8000",
        metadata=_setting(
            "VERSPROCHEN_PUBLIC_URL",
            "The address the public site is reached at (https://tracker.example.org): links "
            "in mails (confirm, unsubscribe, the pledge) start with it.",
        ),
    )

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> Config:
        """Read every setting from `environ`; unset ones keep their default."""
        values: dict[str, object] = {}
        for f in fields(cls):
            raw = environ.get(f.metadata["env"])
            if raw is None or raw == "":
                continue
            if f.type in ("bool", bool):
                values[f.name] = raw.strip().lower() in ("1", "true", "yes", "on")
            elif f.type in ("Path", Path):
                values[f.name] = Path(raw)
            elif f.type in ("float", float):
                values[f.name] = float(raw)
            elif f.type in ("int", int):
                try:
                    values[f.name] = int(raw.strip())
                except ValueError:
                    raise ConfigError(
                        f"{f.metadata['env']}: {raw[:40]!r} is not a whole number"
                    ) from None
            elif f.type in ("tuple[str, ...]",):
                values[f.name] = tuple(h.strip() for h in raw.split(",") if h.strip())
            else:
                values[f.name] = raw
        return cls(**values)  # type: ignore[arg-type]

    @property
    def production(self) -> bool:
        return self.mode == "production"

    def check(self) -> None:
        """Refuse settings that are unsafe or unknown (ConfigError names the variable)."""
        if self.mode not in ("development", "production"):
            raise ConfigError(f"VERSPROCHEN_MODE: {self.mode!r} is not development or production")
        if self.mail_backend not in ("console", "smtp"):
            raise ConfigError(
                f"VERSPROCHEN_MAIL_BACKEND: {self.mail_backend!r} is not console or smtp"
            )
        if self.production:
            key = self.secret_key.strip()
            if key.casefold() in KNOWN_KEYS or key.startswith("django-insecure"):
                raise ConfigError(
                    "VERSPROCHEN_SECRET_KEY: production mode needs its own secret key "
                    "(not empty, not a default); refusing to start"
                )
            if len(key) < MIN_SECRET_KEY_CHARS:
                raise ConfigError(
                    f"VERSPROCHEN_SECRET_KEY: at least {MIN_SECRET_KEY_CHARS} characters "
                    "in production mode; refusing to start"
                )
            if self.debug:
                raise ConfigError("VERSPROCHEN_DEBUG: never in production mode")
            if not self.allowed_hosts or "*" in self.allowed_hosts:
                raise ConfigError(
                    "VERSPROCHEN_ALLOWED_HOSTS: production mode needs the host names the "
                    "tracker is served under (not *); refusing to start"
                )
        if self.trusted_proxies < 0:
            raise ConfigError("VERSPROCHEN_TRUSTED_PROXIES: a number of proxies, 0 or more")
        if self.session_hours <= 0 or self.login_attempts < 1:
            raise ConfigError(
                "VERSPROCHEN_SESSION_HOURS and VERSPROCHEN_LOGIN_ATTEMPTS must be positive"
            )

    @property
    def hosts(self) -> list[str]:
        """Django's ALLOWED_HOSTS: the local names and the configured ones."""
        return [*LOCAL_HOSTS, *(h for h in self.allowed_hosts if h not in LOCAL_HOSTS)]

    @property
    def sqlite_path(self) -> Path:
        return self.data_dir / "tracker.sqlite3"

    def database(self) -> dict[str, object]:
        """Django's DATABASES['default'] for this configuration."""
        if not self.database_url:
            return {
                "ENGINE": "django.db.backends.sqlite3",
                "NAME": str(self.sqlite_path),
                "OPTIONS": {
                    "init_command": (
                        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                        "PRAGMA busy_timeout=5000;"
                    ),
                    "transaction_mode": "IMMEDIATE",
                },
                "CONN_MAX_AGE": None,
                "TEST": {"NAME": ":memory:"},
            }
        url = urlsplit(self.database_url)
        if url.scheme not in ("postgres", "postgresql"):
            raise ValueError(
                f"DATABASE_URL: unsupported scheme {url.scheme!r} (use postgresql://...)"
            )
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(url.path.lstrip("/")) or "versprochen",
            "USER": unquote(url.username or ""),
            "PASSWORD": unquote(url.password or ""),
            "HOST": url.hostname or "",
            "PORT": str(url.port or ""),
            "CONN_MAX_AGE": 60,
            # PostgreSQL's default page costs model spinning disks; on SSDs they make
            # the planner read a small pledge table whole instead of using the
            # search indexes. 1.1 is the usual SSD setting.
            "OPTIONS": {"connect_timeout": 5, "options": "-c random_page_cost=1.1"},
        }

    def resolved_secret_key(self) -> str:
        """The configured key, or one generated once and kept in the data directory."""
        if self.secret_key:
            return self.secret_key
        path = self.data_dir / "secret_key"
        if path.exists():
            return path.read_text().strip()
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            key = secrets.token_urlsafe(50)
            path.write_text(key)
            os.chmod(path, 0o600)
            return key
        except OSError:
            return secrets.token_urlsafe(50)


def describe() -> list[tuple[str, str]]:
    """Each setting's environment variable and help text (for `versprochen serve --help`)."""
    return [(f.metadata["env"], f.metadata["help"]) for f in fields(Config)]


def settings_table() -> str:
    """Every setting as a Markdown table (name, default, help): `docs/settings.md` is this."""
    rows = ["| setting | default | what it does |", "| --- | --- | --- |"]
    for f in fields(Config):
        default = f.default if not isinstance(f.default, tuple) else ",".join(f.default)
        shown = f"`{default}`" if default not in ("", None) else "(empty)"
        rows.append(f"| `{f.metadata['env']}` | {shown} | {f.metadata['help']} |")
    return "\n".join(rows) + "\n"


if __name__ == "__main__":  # python -m versprochen.site.config > docs/settings.md (the table)
    print(settings_table(), end="")
