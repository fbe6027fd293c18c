"""Known ways in which real OParl servers break the specification, each a named adapter.

Every adapter is small, states the servers it was seen on, and is applied to
every server: it only changes what would otherwise be an error or a wrong
value. The sync counts how often each one fired (`SyncRun.counts["quirks"]`).
Facts from meine-stadt-transparent's importer and oparl-validator-rs.
"""

from __future__ import annotations

import json
import re
import urllib.parse
from collections import Counter
from typing import Any

from versprochen.oparl.http import FetchError, Response

# Values some servers send for "no value" (CC e-gov: "N/A", " ").
_BLANK = frozenset({"", "n/a", "n.a.", "-", "null"})
_CONTROL = re.compile(r"[\x00-\x1f]")


class Quirks(Counter[str]):
    """How often each adapter fired during a run."""


def parse_json(response: Response, quirks: Quirks) -> Any:
    """The JSON of an answer; FetchError(broken_json) with the parser's reason if it has none.

    Adapter `control_characters` (CC e-gov): unescaped control characters inside
    strings are accepted, as JSON's non-strict mode does.
    """
    try:
        text = response.body.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = response.body.decode("latin-1")
        quirks["latin1_json"] += 1
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        strict_error = error
    try:
        data = json.loads(text, strict=False)
    except json.JSONDecodeError:
        where = f"line {strict_error.lineno} column {strict_error.colno}"
        reason = f"broken JSON ({strict_error.msg} at {where})"
        raise FetchError(response.url, "broken_json", reason) from None
    quirks["control_characters"] += 1
    return data


def empty_window_404(response: Response, with_since: bool, quirks: Quirks) -> bool:
    """Adapter `empty_window_404` (Sternberg SD.NET RIM, error code 802).

    A list asked for with `modified_since` answers 404 when nothing changed in
    the window. True when the answer is that: an empty list, not an error.
    """
    if response.status != 404 or not with_since:
        return False
    try:
        data = json.loads(response.body.decode("utf-8", "replace"))
    except json.JSONDecodeError:
        return False
    if isinstance(data, dict) and str(data.get("code")) == "802":
        quirks["empty_window_404"] += 1
        return True
    return False


def list_page(data: Any, url: str, quirks: Quirks) -> dict[str, Any]:
    """A list page `{"data": [...], "links": {...}}` from whatever the server sent.

    Adapters `bare_list` (a bare `[]` or `[objects]` instead of a page; Sternberg)
    and `object_for_list` (a single object where a list is expected; Krefeld's
    body list).
    """
    if isinstance(data, list):
        quirks["bare_list"] += 1
        return {"data": data, "links": {}}
    if not isinstance(data, dict):
        raise FetchError(url, "wrong_type", f"a list page is a JSON object, not {_kind(data)}")
    if "data" not in data and isinstance(data.get("id"), str):
        quirks["object_for_list"] += 1
        return {"data": [data], "links": {}}
    items = data.get("data")
    if items is None:
        items = []
    if isinstance(items, dict):
        quirks["object_for_list"] += 1
        items = [items]
    if not isinstance(items, list):
        raise FetchError(url, "wrong_type", f"'data' is {_kind(items)}, not a list")
    links = data.get("links") if isinstance(data.get("links"), dict) else {}
    pagination = data.get("pagination") if isinstance(data.get("pagination"), dict) else {}
    return {"data": items, "links": links, "pagination": pagination}


def single_object(data: Any, url: str, quirks: Quirks) -> dict[str, Any]:
    """One object from an answer: adapter `list_for_object` takes the only item of a list."""
    if isinstance(data, list) and data and isinstance(data[0], dict):
        quirks["list_for_object"] += 1
        data = data[0]
    if isinstance(data, dict) and isinstance(data.get("data"), list) and len(data["data"]) == 1:
        quirks["list_for_object"] += 1
        data = data["data"][0]
    if not isinstance(data, dict):
        raise FetchError(url, "wrong_type", f"an OParl object is a JSON object, not {_kind(data)}")
    return data


def blank(value: Any) -> bool:
    """Adapter `blank_values` (CC e-gov): "N/A", " " and "" stand for no value."""
    return value is None or (isinstance(value, str) and value.strip().lower() in _BLANK)


def clean_text(value: Any) -> str:
    """A string field as text: blanks are "", control characters (except line breaks) go."""
    if blank(value) or isinstance(value, dict | list):
        return ""
    text = str(value)
    if _CONTROL.search(text):
        text = _CONTROL.sub(lambda m: m.group(0) if m.group(0) in "\n\t" else " ", text)
    return text.strip()


def as_list(value: Any) -> list[Any]:
    """A list field: adapter `object_for_list` wraps a single value, blanks give []."""
    if blank(value):
        return []
    if isinstance(value, list):
        return [item for item in value if not blank(item)]
    return [value]


def as_one(value: Any) -> Any:
    """A single-valued field: adapter `list_for_object` takes the first of a list."""
    if isinstance(value, list):
        return value[0] if value else None
    return value


def fix_ags(ags: Any) -> str:
    """Adapter `ags_leading_zero` (Sternberg): a 7- or 11-digit AGS lost its leading zero."""
    text = clean_text(ags).replace(" ", "")
    if text.isdigit() and len(text) in (7, 11):
        return "0" + text
    return text


def with_query(url: str, **params: str) -> str:
    """`url` with the parameters set: an existing one is replaced, never repeated."""
    parts = urllib.parse.urlsplit(url)
    query = [
        (key, value)
        for key, value in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
        if key not in params
    ]
    query += list(params.items())
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))


def unencoded(url: str) -> str:
    """Adapter `unencoded_parameters` (SOMACOS): the query with ':' and '+' left as they are.

    Some servers reject `modified_since=2024-01-01T00%3A00%3A00%2B01%3A00`; the
    sync retries such a request with the parameter written out.
    """
    parts = urllib.parse.urlsplit(url)
    query = "&".join(
        f"{key}={value}"
        for key, value in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    )
    return urllib.parse.urlunsplit(parts._replace(query=query))


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    if value is None:
        return "null"
    return f"a {type(value).__name__}"
