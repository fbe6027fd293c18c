"""The one error a caller of the extraction needs to handle."""

from __future__ import annotations


class InputError(Exception):
    """A source that cannot be read: names the input and the reason in one line."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason
