"""`{% paper_suggestions pledge as suggestions %}`: the editor page's paper suggestions."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def paper_suggestions(context: template.Context, pledge: Any) -> dict[str, Any]:
    from versprochen.oparl.views_links import suggestions_context

    request = context.get("request")
    return suggestions_context(pledge, getattr(request, "user", None))


@register.simple_tag
def confirmed_papers(pledge: Any) -> list[Any]:
    from versprochen.oparl.links import confirmed_papers as papers

    return papers(pledge)
