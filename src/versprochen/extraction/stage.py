"""The contract every extraction stage follows.

A stage is a named, versioned function from one type to the next. Its label
("code@6+1a2b3c4d") joins the version number, bumped by hand for a change
worth naming, with a fingerprint of the stage's code and data: the source of
its module and of every module of the package it imports, directly or not,
and the files of `extraction/data` (lexicons, models) those modules name. Any change to the
rules therefore changes the pipeline version that every stored pledge
records, so an extraction always says which rules made it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Generic, TypeVar

In = TypeVar("In")
Out = TypeVar("Out")

_PACKAGE = "versprochen"
_ROOT = Path(__file__).resolve().parents[1]
_DATA = Path(__file__).resolve().parent / "data"
# Only these parts of the package can change what an extraction finds.
_TRACKED = ("versprochen.extraction", "versprochen.matching")
_DIGEST_LENGTH = 8


@dataclass(frozen=True, slots=True)
class Stage(Generic[In, Out]):
    name: str
    version: int
    run: Callable[[In], Out]
    module: str = field(default="", compare=False)

    def __call__(self, value: In) -> Out:
        return self.run(value)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.module) if self.module else ""

    @property
    def label(self) -> str:
        digest = self.fingerprint
        return f"{self.name}@{self.version}+{digest}" if digest else f"{self.name}@{self.version}"


def stage(name: str, version: int) -> Callable[[Callable[[In], Out]], Stage[In, Out]]:
    """Declare a function as a pipeline stage: `@stage("clean", 1)`."""

    def wrap(function: Callable[[In], Out]) -> Stage[In, Out]:
        return Stage(name=name, version=version, run=function, module=function.__module__)

    return wrap


def _source_path(module: str, root: Path = _ROOT) -> Path | None:
    if not module.startswith(_TRACKED):
        return None
    base = root.joinpath(*module.split(".")[1:])
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


# Top-level imports only (no indentation): an import inside a function (merge
# stamping the pipeline version) would make every stage depend on all others.
# Read with expressions rather than `ast`, which would cost start-up time.
_FROM_IMPORT = re.compile(r"^from\s+(versprochen[\w.]*)\s+import\s+(\([^)]*\)|[^\n]+)", re.M)
_IMPORT = re.compile(r"^import\s+(versprochen[\w.]*)", re.M)
_COMMENT = re.compile(r"#[^\n]*")


def _imports(source: str, root: Path) -> set[str]:
    """The modules of the package that a module's source imports at its top level."""
    found = set(_IMPORT.findall(source))
    for module, names in _FROM_IMPORT.findall(source):
        listed = _COMMENT.sub("", names).strip("() \n")
        named = {f"{module}.{n.split()[0]}" for n in listed.split(",") if n.strip()}
        # "from versprochen.extraction import cues" needs the module, not
        # the package's __init__ (which lists the whole pipeline).
        modules = {name for name in named if _source_path(name, root) is not None}
        found |= modules if modules == named else {module, *modules}
    return found


@cache
def dependencies(module: str, root: Path = _ROOT) -> tuple[Path, ...]:
    """The source files of `module` and of the package modules it needs, in order."""
    seen: dict[str, Path] = {}
    pending = [module]
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        path = _source_path(name, root)
        if path is None:
            continue
        seen[name] = path
        pending.extend(_imports(path.read_text(encoding="utf-8"), root) - seen.keys())
    return tuple(sorted(set(seen.values())))


def data_files(sources: tuple[Path, ...], data: Path = _DATA) -> tuple[Path, ...]:
    """The data files whose names occur in the sources."""
    texts = [path.read_text(encoding="utf-8") for path in sources]
    return tuple(
        path
        for path in sorted(data.rglob("*"))
        if path.is_file() and any(path.name in text for text in texts)
    )


@cache
def fingerprint(module: str, root: Path = _ROOT, data: Path = _DATA) -> str:
    """A short hash of the code and data the stage in `module` runs on.

    `root` is the folder of the `versprochen` package and `data` the folder
    of its data files (given for tests).
    """
    sources = dependencies(module, root)
    digest = hashlib.sha256()
    for path in (*sources, *data_files(sources, data)):
        digest.update(path.relative_to(root.parent).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:_DIGEST_LENGTH]
