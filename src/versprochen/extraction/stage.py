"""The contract every extraction stage follows.

A stage is a named, versioned function from one type to the next. Bump a
stage's version whenever its output for the same input can change: the
pipeline version that every stored pledge records is built from these.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

In = TypeVar("In")
Out = TypeVar("Out")


@dataclass(frozen=True, slots=True)
class Stage(Generic[In, Out]):
    name: str
    version: int
    run: Callable[[In], Out]

    def __call__(self, value: In) -> Out:
        return self.run(value)

    @property
    def label(self) -> str:
        return f"{self.name}@{self.version}"


def stage(name: str, version: int) -> Callable[[Callable[[In], Out]], Stage[In, Out]]:
    """Declare a function as a pipeline stage: `@stage("clean", 1)`."""

    def wrap(function: Callable[[In], Out]) -> Stage[In, Out]:
        return Stage(name=name, version=version, run=function)

    return wrap
