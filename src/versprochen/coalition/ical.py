"""iCalendar (RFC 5545) for a member's dated items: all-day events, folded lines."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from versprochen.coalition.agenda import Item


def _escape(text: str) -> str:
    text = "".join(c for c in text if c in "\t" or ord(c) >= 32)
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines of at most 75 octets, continued with a space (RFC 5545 3.1)."""
    out, current = [], ""
    for char in line:
        if len((current + char).encode()) > 75:
            out.append(current)
            current = " " + char
        else:
            current += char
    out.append(current)
    return "\r\n".join(out)


def calendar(name: str, items: Iterable[Item], base_url: str, stamp: dt.datetime) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//versprochen//Kooperation//DE",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_escape(name)}",
    ]
    now = stamp.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    for item in items:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{item.uid}@versprochen",
            f"DTSTAMP:{now}",
            f"DTSTART;VALUE=DATE:{item.date:%Y%m%d}",
            f"DTEND;VALUE=DATE:{item.date + dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_escape(item.title)}",
            f"URL:{base_url}{item.url}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
