"""Accounts: create a person with roles (the command and the admin screen share this)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db.models import Q

from versprochen.tracker import audit
from versprochen.tracker.models import Body, Membership
from versprochen.tracker.roles import grant, memberships_of
from versprochen.tracker.roles import grant as _grant
from versprochen.tracker.vocabulary import Role


def find_body(name: str) -> Body:
    """The body named (or with the slug) `name`; ValueError names it when there is none."""
    body = Body.objects.filter(Q(name__iexact=name.strip()) | Q(slug=name.strip())).first()
    if body is None:
        known = ", ".join(Body.objects.order_by("name").values_list("name", flat=True)[:20])
        raise ValueError(f"--body: no body {name!r} (known: {known or 'none yet'})")
    return body


def check_username(username: str) -> str:
    """The name, stripped, if Django's rules for user names allow it (1 to 150 letters,
    digits and @ . + - _); else ValueError with the validator's message."""
    name = username.strip()
    if not name or len(name) > 150:
        raise ValueError("NAME: 1 to 150 characters")
    try:
        get_user_model().username_validator(name)
    except ValidationError as error:
        raise ValueError("NAME: " + " ".join(error.messages)) from None
    return name


def same_name(username: str) -> Any:
    """The account whose name is `username` whatever its case (names are unique so,
    also in the database), or None."""
    return get_user_model().objects.filter(username__iexact=username.strip()).first()


def existing(username: str) -> Any:
    """The account named exactly `username`, or None; ValueError when another account
    has the name in another case (ED_H while ed_h exists)."""
    found = same_name(username)
    if found is not None and found.get_username() != username.strip():
        raise ValueError(
            f"NAME: {username.strip()!r} is the account {found.get_username()!r} "
            "(user names are the same whatever their case); use that name"
        )
    return found


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
    username = check_username(username)
    for role in roles:
        if role not in Role.values:
            raise ValueError(f"--role: {role!r} is not one of {', '.join(Role.values)}")
    if not roles:
        raise ValueError("--role: name at least one role")
    model = get_user_model()
    user = existing(username)
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


def change_role(by: Any, user: Any, role: str, body: Body | None, grant: bool) -> bool:
    """Give `user` `role` for `body` (None: every body) or, with `grant=False`, take it
    away; audited as `user.roles`. False when nothing changed."""
    if role not in Role.values:
        raise ValueError(f"role: {role!r} is not one of {', '.join(Role.values)}")
    before = memberships_of(user)
    if grant:
        changed = _grant(user, role, body)
    else:
        changed = Membership.objects.filter(user=user, role=role, body=body).delete()[0] > 0
    if changed:
        audit.record(
            by,
            "user.roles",
            user,
            before={"roles": before},
            after={
                "roles": memberships_of(user),
                ("granted" if grant else "revoked"): f"{role}@{body.name if body else '*'}",
            },
            object_type="user",
            body=body,
        )
    return changed
