"""The two reference documents a new tracker starts with (see seeds/PROVENANCE.md)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from versprochen.tracker.importer import DocumentInfo

SEEDS: dict[str, DocumentInfo] = {
    "herne-2030-eckpunktevereinbarung.md": DocumentInfo(
        body="Stadt Herne",
        kind="coalition_agreement",
        authors=("SPD Herne", "CDU Herne"),
        term_start=2025,
        term_end=2030,
        date=dt.date(2025, 11, 4),
        title="Herne 2030 – Eckpunktevereinbarung von SPD und CDU",
    ),
    "jusos-kreis-heinsberg-kommunalwahl-2020.txt": DocumentInfo(
        body="Kreis Heinsberg",
        kind="program",
        authors=("Jusos Kreis Heinsberg",),
        term_start=2020,
        term_end=2025,
        date=dt.date(2020, 9, 13),
        title="Kommunalwahlprogramm der Jusos Kreis Heinsberg 2020",
    ),
}


def seed_files(directory: Path) -> list[tuple[Path, DocumentInfo]]:
    """The seed files present in `directory`, with what the importer needs to know."""
    return [
        (directory / name, info) for name, info in SEEDS.items() if (directory / name).is_file()
    ]
