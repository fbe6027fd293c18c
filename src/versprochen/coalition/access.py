"""Who sees what: only a coalition's members see it, and a partner's drafts only that
partner's members. Everyone else gets a 404, as if nothing were there."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from versprochen.coalition.models import Coalition, Membership, Motion
from versprochen.coalition.vocabulary import MotionState


def membership(user: Any, coalition: Coalition | int) -> Membership | None:
    """`user`'s membership of the coalition (None for anyone else, inactive accounts too)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    cid = coalition.pk if isinstance(coalition, Coalition) else coalition
    return (
        Membership.objects.filter(coalition_id=cid, user=user)
        .select_related("coalition", "coalition__body", "partner", "user")
        .first()
    )


def member_or_404(user: Any, slug: str) -> Membership:
    found = (
        Membership.objects.filter(coalition__slug=slug, user=user)
        .select_related("coalition", "coalition__body", "partner", "user")
        .first()
        if getattr(user, "is_authenticated", False) and user.is_active
        else None
    )
    if found is None:
        raise Http404
    return found


def memberships_of(user: Any) -> QuerySet[Membership]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Membership.objects.none()
    return Membership.objects.filter(user=user).select_related("coalition", "partner")


def visible_motions(member: Membership) -> QuerySet[Motion]:
    """The coalition's motions a member sees: every shared one, and their partner's drafts."""
    return (
        Motion.objects.filter(coalition_id=member.coalition_id)
        .filter(~Q(state=MotionState.DRAFT) | Q(author_partner_id=member.partner_id))
        .select_related("council_body", "meeting", "author_partner")
    )


def motion_or_404(member: Membership, pk: int) -> Motion:
    found = visible_motions(member).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found
