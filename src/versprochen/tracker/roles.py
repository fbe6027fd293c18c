"""Who may do what for which body: admin, editor, reviewer (see `Membership`).

A superuser holds every role for every body; an inactive account holds none.
A scope is the set of body ids a person holds a role for, or `ALL`.
"""

from __future__ import annotations

from typing import Any, Final

from django.db.models import Q, QuerySet

from versprochen.tracker.models import Body, Membership
from versprochen.tracker.vocabulary import Role

ALL: Final = None
Scope = frozenset[int] | None  # None: every body

User = Any


def scope(user: User, role: str) -> Scope:
    """The bodies `user` holds `role` for (`ALL` for every body; empty for none)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    if user.is_superuser:
        return ALL
    rows = Membership.objects.filter(user=user, role=role).values_list("body_id", flat=True)
    ids = set(rows)
    if None in ids:
        return ALL
    return frozenset(i for i in ids if i is not None)


def holds(user: User, role: str, body_id: int | None = None) -> bool:
    """Whether `user` holds `role` for the body (for any body when `body_id` is None)."""
    bodies = scope(user, role)
    if bodies is ALL:
        return True
    return bool(bodies) if body_id is None else body_id in bodies


def roles_of(user: User) -> set[str]:
    """Every role `user` holds for at least one body."""
    return {role for role in Role.values if holds(user, role)}


def limit(queryset: QuerySet[Any], bodies: Scope, field: str = "body") -> QuerySet[Any]:
    """`queryset` narrowed to rows whose `field` (a body) lies in `bodies`."""
    if bodies is ALL:
        return queryset
    return queryset.filter(**{f"{field}__in": bodies})


def bodies_for(user: User, role: str) -> QuerySet[Body]:
    return limit(Body.objects.order_by("name"), scope(user, role), "id")


def grant(user: Any, role: str, body: Body | None) -> bool:
    """Give `user` `role` for `body` (None: every body); False if it was already held."""
    if role not in Role.values:
        raise ValueError(f"--role: {role!r} is not one of {', '.join(Role.values)}")
    _, created = Membership.objects.get_or_create(user=user, role=role, body=body)
    return created


def memberships_of(user: Any) -> list[tuple[str, str]]:
    """(role, body name or '*') of `user`, for lists and the audit log."""
    return [
        (m.role, m.body.name if m.body else "*")
        for m in Membership.objects.filter(user=user).select_related("body")
    ]


def who_holds(role: str, body_id: int) -> Q:
    """A filter for users holding `role` for the body."""
    return Q(memberships__role=role) & (Q(memberships__body_id=body_id) | Q(memberships__body=None))
