"""Accounts: create a person with roles (the command and the admin screen share this)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db.models import Q

from versprochen.tracker import audit
from versprochen.tracker.models import Body
from versprochen.tracker.roles import grant, memberships_of
from versprochen.tracker.vocabulary import Role


def find_body(name: str) -> Body:
    """The body named (or with the slug) `name`; ValueError names it when there is none."""
    body = Body.objects.filter(Q(name__iexact=name.strip()) | Q(slug=name.strip())).first()
    if body is None:
        known = ", ".join(Body.objects.order_by("name").values_list("name", flat=True)[:20])
        raise ValueError(f"--body: no body {name!r} (known: {known or 'none yet'})")
    return body


def check_password(password: str, username: str) -> None:
    """ValueError with the validators' messages when `password` is too weak."""
    user = get_user_model()(username=username)
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise ValueError("password: " + " ".join(error.messages)) from None


def create_user(
    username: str,
    roles: Sequence[str],
    bodies: Sequence[Body],
    password: str | None,
    email: str = "",
    by: Any = "versprochen createuser",
) -> tuple[Any, bool, list[str]]:
    """Create `username` (or add roles to it) with `roles` for `bodies` (none: every body).

    Returns the user, whether it was created, and the roles granted ("role@body").
    """
    username = username.strip()
    if not username or len(username) > 150:
        raise ValueError("NAME: 1 to 150 characters")
    for role in roles:
        if role not in Role.values:
            raise ValueError(f"--role: {role!r} is not one of {', '.join(Role.values)}")
    if not roles:
        raise ValueError("--role: name at least one role")
    model = get_user_model()
    user = model.objects.filter(username=username).first()
    created = user is None
    if user is None:
        if not password:
            raise ValueError("password: a new account needs a password")
        check_password(password, username)
        user = model.objects.create_user(username=username, email=email, password=password)
    before = memberships_of(user)
    granted = []
    for role in roles:
        targets: list[Body | None] = list(bodies) or [None]
        for body in targets:
            if grant(user, role, body):
                granted.append(f"{role}@{body.name if body else '*'}")
    audit.record(
        by,
        "user.create" if created else "user.roles",
        user,
        before=None if created else {"roles": before},
        after={"username": username, "email": email, "roles": memberships_of(user)},
        object_type="user",
        body=bodies[0] if len(bodies) == 1 else None,
    )
    return user, created, granted
