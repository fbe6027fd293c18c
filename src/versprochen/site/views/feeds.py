"""Atom feeds of the public history: published assessments (status changes with their
evidence) and editors' corrections; all, per body, per area, per pledge."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from versprochen.site.public import EPOCH
from versprochen.tracker.models import Assessment, Body, Pledge, PledgeCorrection
from versprochen.tracker.timeline import Event, events
from versprochen.tracker.vocabulary import AREA_LABELS

FEED_ITEMS = 50


class TextAtomFeed(Atom1Feed):
    """Atom with `<summary type="text">`: the summaries are plain text (a rationale, a
    title), which Django's Atom feed would declare as HTML for readers to decode."""

    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        quick = handler.addQuickElement

        def text_summary(name: str, contents: Any = None, attrs: Any = None) -> None:
            if name == "summary":
                attrs = {"type": "text"}
            quick(name, contents, attrs)

        handler.addQuickElement = text_summary
        try:
            super().add_item_elements(handler, item)
        finally:
            del handler.addQuickElement

    def latest_post_date(self) -> datetime:
        # Django's default for a feed without entries is "now": a new `updated` (and
        # body) on every request. An empty feed never changed: a fixed date.
        if not self.items:
            return EPOCH
        return super().latest_post_date()


class StatusFeed(Feed):  # type: ignore[type-arg]
    feed_type = TextAtomFeed

    def title(self, obj: Any = None) -> str:
        return _("versprochen: Statusänderungen")

    def subtitle(self, obj: Any = None) -> str:
        return _("Neue Bewertungen von Versprechen und Korrekturen der Redaktion")

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        return None

    def link(self, obj: Any = None) -> str:
        return reverse("site:pledges")

    def feed_guid(self, obj: Any = None) -> str:
        # Its own atom:id (Django's default is the shared link): which feed, not where.
        return f"urn:versprochen:feed:{self.key(obj)}"

    def key(self, obj: Any) -> str:
        return "all"

    def assessments(self, obj: Any) -> QuerySet[Assessment]:
        return Assessment.objects.all()

    def corrections(self, obj: Any) -> QuerySet[PledgeCorrection]:
        return PledgeCorrection.objects.all()

    def items(self, obj: Any = None) -> list[Event]:
        return events(self.assessments(obj), self.corrections(obj), FEED_ITEMS)

    def item_title(self, item: Event) -> str:
        return item.title()

    def item_description(self, item: Event) -> str:
        # Plain text; the feed generator escapes it.
        return item.description()

    def item_link(self, item: Event) -> str:
        return reverse("site:pledge", args=[item.pledge_id]) + f"#{item.anchor}"

    def item_pubdate(self, item: Event) -> datetime | None:
        return item.at

    def item_updateddate(self, item: Event) -> datetime | None:
        return item.at


class BodyFeed(StatusFeed):
    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Body:
        body = Body.objects.filter(slug=kwargs["slug"]).first()
        if body is None:
            raise Http404
        return body

    def title(self, obj: Body) -> str:  # type: ignore[override]
        return _("versprochen: Statusänderungen – %(name)s") % {"name": obj.name}

    def key(self, obj: Body) -> str:
        return f"body:{obj.slug}"

    def assessments(self, obj: Body) -> QuerySet[Assessment]:
        return Assessment.objects.filter(pledge__body=obj)

    def corrections(self, obj: Body) -> QuerySet[PledgeCorrection]:
        return PledgeCorrection.objects.filter(pledge__body=obj)


class AreaFeed(StatusFeed):
    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> str:
        if kwargs["area"] not in AREA_LABELS:
            raise Http404
        return str(kwargs["area"])

    def title(self, obj: str) -> str:  # type: ignore[override]
        return _("versprochen: Statusänderungen – %(name)s") % {"name": AREA_LABELS[obj]}

    def key(self, obj: str) -> str:
        return f"area:{obj}"

    def assessments(self, obj: str) -> QuerySet[Assessment]:
        return Assessment.objects.filter(pledge__area=obj)

    def corrections(self, obj: str) -> QuerySet[PledgeCorrection]:
        return PledgeCorrection.objects.filter(pledge__area=obj)


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

    def key(self, obj: Pledge) -> str:
        return f"pledge:{obj.pk}"

    def assessments(self, obj: Pledge) -> QuerySet[Assessment]:
        return Assessment.objects.filter(pledge=obj)

    def corrections(self, obj: Pledge) -> QuerySet[PledgeCorrection]:
        return PledgeCorrection.objects.filter(pledge=obj)
