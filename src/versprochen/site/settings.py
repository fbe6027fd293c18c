"""Django settings, derived from one `Config` read once from the environment."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from versprochen.site.config import Config

CONFIG = Config.from_env(os.environ)
PACKAGE_DIR = Path(__file__).resolve().parent

SECRET_KEY = CONFIG.resolved_secret_key()
DEBUG = CONFIG.debug
ALLOWED_HOSTS = list(CONFIG.allowed_hosts)

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.staticfiles",
    "django_htmx",
    "ninja",
    "versprochen.tracker",
    "versprochen.site",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "versprochen.site.public.public_page_middleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
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
