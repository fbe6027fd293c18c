"""A small Frictionless Data Package checker for the tests (no `frictionless` dependency):
each CSV's header matches its schema, values parse as their declared types, primary keys
are unique and every foreign key value exists in the table it points to."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from typing import Any


def _type_error(kind: str, value: str) -> bool:
    if value == "":  # Frictionless' default missing value
        return False
    try:
        if kind == "integer":
            int(value)
        elif kind == "boolean":
            return value not in ("true", "false")
        elif kind == "date":
            dt.date.fromisoformat(value)
        elif kind == "datetime":
            dt.datetime.fromisoformat(value)
    except ValueError:
        return True
    return False


def check_package(package: dict[str, Any], read: Callable[[str], str]) -> list[str]:
    """Every problem of `package`; `read(path)` gives a resource's CSV text."""
    errors: list[str] = []
    tables: dict[str, list[dict[str, str]]] = {}
    for resource in package["resources"]:
        name, schema = resource["name"], resource["schema"]
        reader = csv.DictReader(io.StringIO(read(resource["path"]), newline=""))
        rows = list(reader)
        names = [f["name"] for f in schema["fields"]]
        if reader.fieldnames != names:
            errors.append(f"{name}: header {reader.fieldnames} is not {names}")
        for n, row in enumerate(rows, start=2):
            for f in schema["fields"]:
                if _type_error(f["type"], row.get(f["name"]) or ""):
                    errors.append(f"{name} row {n}: {f['name']}={row[f['name']]!r} not {f['type']}")
        key = schema.get("primaryKey")
        if key:
            values = [tuple(row[k] for k in key) for row in rows]
            if len(set(values)) != len(values):
                errors.append(f"{name}: primary key {key} not unique")
        tables[name] = rows
    for resource in package["resources"]:
        for fk in resource["schema"].get("foreignKeys", []):
            target = fk["reference"]["resource"] or resource["name"]
            wanted = fk["reference"]["fields"]
            known = {tuple(row[k] for k in wanted) for row in tables[target]}
            for n, row in enumerate(tables[resource["name"]], start=2):
                value = tuple(row[k] for k in fk["fields"])
                if all(v == "" for v in value):
                    continue
                if value not in known:
                    errors.append(
                        f"{resource['name']} row {n}: foreign key {fk['fields']}={value} "
                        f"not found in {target}"
                    )
    return errors
