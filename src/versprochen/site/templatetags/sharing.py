"""The page's own absolute address, for Open Graph's `og:url` when a page is shared."""

from __future__ import annotations

from typing import Any

from django import template
from django.core.exceptions import DisallowedHost

register = template.Library()


@register.simple_tag(takes_context=True)
def page_url(context: dict[str, Any]) -> str:
    """The path without the query (`?format=json`, paging); "" without a request or when
    the request names a host the site does not serve (the 400 page renders this too)."""
    request = context.get("request")
    if request is None:
        return ""
    try:
        return str(request.build_absolute_uri(request.path))
    except DisallowedHost:
        return ""
