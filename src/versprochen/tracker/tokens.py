"""API tokens for editors' scripts: scoped to some of their bodies, revocable.

Only a token's SHA-256 is stored; the token itself is shown once. A token acts
for its owner and only for the bodies it names where the owner is still editor.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Sequence
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from versprochen.tracker import audit
from versprochen.tracker.models import ApiToken, Body
from versprochen.tracker.roles import holds, scope
from versprochen.tracker.vocabulary import Role

PREFIX = "vp_"
MAX_TOKENS = 20
TOUCH_EVERY = dt.timedelta(minutes=5)


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create(user: Any, name: str, bodies: Sequence[Body]) -> tuple[ApiToken, str]:
    """A new token of `user` for `bodies`; the token and its key (shown once)."""
    name = name.strip()
    if not name or len(name) > 100:
        raise ValueError(_("Bitte einen Namen (bis 100 Zeichen) angeben."))
    if not bodies:
        raise ValueError(_("Bitte mindestens eine Körperschaft wählen."))
    for body in bodies:
        if not holds(user, Role.EDITOR, body.pk):
            raise ValueError(_("Sie sind nicht Redakteur*in von %(body)s.") % {"body": body.name})
    if ApiToken.objects.filter(user=user, revoked_at=None).count() >= MAX_TOKENS:
        raise ValueError(_("Höchstens %(n)d gültige Schlüssel.") % {"n": MAX_TOKENS})
    key = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name, prefix=key[:10], key_hash=_hash(key))
    token.bodies.set(bodies)
    audit.record(
        user,
        "token.create",
        token,
        object_type="apitoken",
        after={"name": name, "prefix": token.prefix, "bodies": [b.slug for b in bodies]},
    )
    return token, key


def revoke(user: Any, token: ApiToken) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit.record(
            user, "token.revoke", token, object_type="apitoken", after={"prefix": token.prefix}
        )


def authenticate(key: str) -> ApiToken | None:
    """The valid token for `key` (owner active, not revoked), or None."""
    if not key.startswith(PREFIX) or len(key) > 200:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=_hash(key), revoked_at=None, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > TOUCH_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token


def bodies_of(token: ApiToken) -> frozenset[int]:
    """The bodies the token may act for now: those it names where its owner still edits."""
    named = set(token.bodies.values_list("id", flat=True))
    editing = scope(token.user, Role.EDITOR)
    return frozenset(named if editing is None else named & editing)
