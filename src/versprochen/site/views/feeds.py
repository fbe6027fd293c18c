"""Atom feeds of status changes (published assessments): all, per body, per area, per pledge."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from versprochen.tracker.models import Assessment, Body, Pledge
from versprochen.tracker.vocabulary import AREA_LABELS, AssessmentState, Status

FEED_ITEMS = 50


class StatusFeed(Feed):  # type: ignore[type-arg]
    feed_type = Atom1Feed
    title = "versprochen: Statusänderungen"
    subtitle = "Neue Bewertungen von Versprechen"

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        return None

    def link(self, obj: Any = None) -> str:
        return reverse("site:pledges")

    def assessments(self, obj: Any) -> QuerySet[Assessment]:
        return Assessment.objects.all()

    def items(self, obj: Any = None) -> list[Assessment]:
        return list(
            self.assessments(obj)
            .filter(state=AssessmentState.PUBLISHED)
            .select_related("pledge")
            .order_by("-published_at", "-id")[:FEED_ITEMS]
        )

    def item_title(self, item: Assessment) -> str:
        return f"{Status(item.status).label}: {item.pledge.text[:120]}"

    def item_description(self, item: Assessment) -> str:
        # Plain text; the feed generator escapes it.
        return item.rationale

    def item_link(self, item: Assessment) -> str:
        return reverse("site:pledge", args=[item.pledge_id]) + f"#bewertung-{item.pk}"

    def item_pubdate(self, item: Assessment) -> datetime | None:
        return item.published_at

    def item_updateddate(self, item: Assessment) -> datetime | None:
        return item.published_at


class BodyFeed(StatusFeed):
    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Body:
        body = Body.objects.filter(slug=kwargs["slug"]).first()
        if body is None:
            raise Http404
        return body

    def title(self, obj: Body) -> str:  # type: ignore[override]
        return f"versprochen: Statusänderungen – {obj.name}"

    def assessments(self, obj: Body) -> QuerySet[Assessment]:
        return Assessment.objects.filter(pledge__body=obj)


class AreaFeed(StatusFeed):
    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> str:
        if kwargs["area"] not in AREA_LABELS:
            raise Http404
        return str(kwargs["area"])

    def title(self, obj: str) -> str:  # type: ignore[override]
        return f"versprochen: Statusänderungen – {AREA_LABELS[obj]}"

    def assessments(self, obj: str) -> QuerySet[Assessment]:
        return Assessment.objects.filter(pledge__area=obj)


class PledgeFeed(StatusFeed):
    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Pledge:
        pledge = Pledge.objects.filter(pk=kwargs["pk"]).first() if kwargs["pk"] < 2**62 else None
        if pledge is None:
            raise Http404
        return pledge

    def title(self, obj: Pledge) -> str:  # type: ignore[override]
        return f"versprochen: {obj.text[:100]}"

    def link(self, obj: Any = None) -> str:
        return reverse("site:pledge", args=[obj.pk])

    def assessments(self, obj: Pledge) -> QuerySet[Assessment]:
        return Assessment.objects.filter(pledge=obj)
