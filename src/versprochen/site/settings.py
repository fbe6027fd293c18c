"""Django settings, derived from one `Config` read once from the environment."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from versprochen.site.config import Config

CONFIG = Config.from_env(os.environ)
CONFIG.check()
PACKAGE_DIR = Path(__file__).resolve().parent

SECRET_KEY = CONFIG.resolved_secret_key()
DEBUG = CONFIG.debug
ALLOWED_HOSTS = CONFIG.hosts

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "ninja",
    # Jobs: Django's tasks API (backport) with the queue in the project's own database.
    "django_tasks",
    "django_tasks_db",
    "versprochen.tracker",
    "versprochen.jobs",
    "versprochen.oparl",
    "versprochen.coalition",
    "versprochen.reports",
    "versprochen.site",
]

# Slow work runs as jobs in the project's own database: no extra server in the embedded
# default; on PostgreSQL any number of workers on any number of machines share the queue.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
VERSPROCHEN_JOB_STALE_SECONDS = CONFIG.job_stale_seconds

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Input no view can answer (NUL characters, too many parameters): a 400, before any query.
    "versprochen.site.middleware.request_guard_middleware",
    # Public pages are the same for everyone: answered before sessions and logins.
    "versprochen.site.public.public_page_middleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "versprochen.site.middleware.bad_request_middleware",
]

ROOT_URLCONF = "versprochen.site.urls"
WSGI_APPLICATION = "versprochen.site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "versprochen.site.context.language_switch",
                "django.contrib.messages.context_processors.messages",
                "versprochen.site.context.editor",
            ],
        },
    }
]

DATABASES = {"default": CONFIG.database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "versprochen-pages",
        "OPTIONS": {"MAX_ENTRIES": 2000},
    }
}
VERSPROCHEN_PAGE_CACHE = CONFIG.page_cache
VERSPROCHEN_FRESHNESS_SECONDS = CONFIG.freshness_seconds

LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("Deutsch")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Berlin"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = CONFIG.data_dir / "static"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = False
WHITENOISE_MAX_AGE = 3600
# Static files are found in the packages; `versprochen serve` collects them into STATIC_ROOT.
warnings.filterwarnings("ignore", message="No directory at", module="django.core.handlers.base")

# Accounts: Argon2 hashes, sessions that end, CSRF on every form, secure cookies in production.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "site:login"
LOGIN_REDIRECT_URL = "site:editor"
SESSION_COOKIE_AGE = int(CONFIG.session_hours * 3600)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# The age counts from the last editorial page (`editor_page` renews the session); public
# pages never touch it, so they stay the same for everyone (no Vary: Cookie, no Set-Cookie).
SESSION_SAVE_EVERY_REQUEST = False
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_TRUSTED_ORIGINS = list(CONFIG.csrf_trusted_origins)
SESSION_COOKIE_SECURE = CONFIG.production
CSRF_COOKIE_SECURE = CONFIG.production
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
VERSPROCHEN_LOGIN_ATTEMPTS = int(CONFIG.login_attempts)
VERSPROCHEN_LOGIN_WINDOW_SECONDS = 15 * 60
VERSPROCHEN_TRUSTED_PROXIES = CONFIG.trusted_proxies

X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 200

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Open data files, built by the job `exports.build` (see `api.export_files`).
VERSPROCHEN_EXPORT_DIR = CONFIG.data_dir / "exports"
# Mail to followers (`tracker.follow`): the console by default, SMTP when configured.
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if CONFIG.mail_backend == "smtp"
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = CONFIG.smtp_host
EMAIL_PORT = CONFIG.smtp_port
EMAIL_HOST_USER = CONFIG.smtp_user
EMAIL_HOST_PASSWORD = CONFIG.smtp_password
EMAIL_USE_TLS = CONFIG.smtp_tls
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = CONFIG.mail_from
VERSPROCHEN_PUBLIC_URL = CONFIG.public_url.rstrip("/")
