"""Many rows in one statement run: inserts and updates for the sync's batches.

Django's `bulk_update` builds a CASE expression per value and `bulk_create`
prepares every value through the query compiler (and SQLite's batches hold
only 999 parameters): for the tens of thousands of objects of a council's
first sync that costs most of the time. These run one parameterised statement
with `executemany` on SQLite (in-process, no round trips), and one statement
with an array per column on PostgreSQL; values are prepared by the model's
fields as Django would.
Each row must give every column the statement names; the caller's
transaction holds them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.db import connections, models, router

# Fields whose Python values the database driver cannot take as they are.
_PREPARED = (models.DateTimeField, models.DateField, models.JSONField, models.BinaryField)


def _columns(model: type[models.Model], names: Sequence[str]) -> list[Any]:
    return [model._meta.get_field(name) for name in names]


def _preparers(fields: Sequence[Any], connection: Any) -> list[Any]:
    """Per column: a function preparing a value, or None where it goes as it is."""
    return [
        (lambda value, field=field: field.get_db_prep_save(value, connection))
        if isinstance(field, _PREPARED)
        else None
        for field in fields
    ]


def _row(values: Sequence[Any], preparers: Sequence[Any]) -> list[Any]:
    return [
        value if prepare is None else prepare(value)
        for value, prepare in zip(values, preparers, strict=True)
    ]


def with_defaults(model: type[models.Model], **given: Any) -> dict[str, Any]:
    """A full row of `model`: each column's default, then `given` (attribute names)."""
    row = {
        field.attname: field.get_default()
        for field in model._meta.concrete_fields
        if not field.primary_key
    }
    row.update(given)
    return row


def insert_rows(model: type[models.Model], rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert `rows` (attribute names to values, the same names in every row)."""
    if not rows:
        return
    names = list(rows[0])
    connection = connections[router.db_for_write(model)]
    fields = _columns(model, names)
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(str(field.column)) for field in fields),
        ", ".join(["%s"] * len(fields)),
    )
    preparers = _preparers(fields, connection)
    params = [_row([row[name] for name in names], preparers) for row in rows]
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            cursor.executemany(sql, params)
            return
        # Over the network every statement is a round trip: all rows in one statement,
        # one array per column (a short statement, whatever the number of rows).
        arrays = ", ".join(_array_casts(fields, connection))
        head = sql.split(" VALUES ")[0]
        cursor.execute(f"{head} SELECT * FROM unnest({arrays})", _columns_of(params))


def update_rows(
    model: type[models.Model], names: Sequence[str], rows: Sequence[tuple[int, Mapping[str, Any]]]
) -> None:
    """Set the columns `names` of each row `(pk, values)`."""
    if not rows:
        return
    connection = connections[router.db_for_write(model)]
    fields = _columns(model, names)
    quote = connection.ops.quote_name
    sql = "UPDATE {} SET {} WHERE {} = %s".format(
        quote(model._meta.db_table),
        ", ".join(f"{quote(str(field.column))} = %s" for field in fields),
        quote(str(model._meta.pk.column)),
    )
    preparers = _preparers(fields, connection)
    params = [[*_row([values[name] for name in names], preparers), pk] for pk, values in rows]
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            cursor.executemany(sql, params)
            return
        # PostgreSQL: one UPDATE … FROM unnest(one array per column).
        arrays = ", ".join(
            [*_array_casts(fields, connection), _array_casts([model._meta.pk], connection)[0]]
        )
        columns = [f"c{index}" for index in range(len(fields))] + ["pk"]
        table = quote(model._meta.db_table)
        assignments = ", ".join(
            f"{quote(str(field.column))} = v.c{index}" for index, field in enumerate(fields)
        )
        key = f"{table}.{quote(str(model._meta.pk.column))}"
        cursor.execute(
            f"UPDATE {table} SET {assignments} FROM unnest({arrays})"
            f" AS v({', '.join(columns)}) WHERE {key} = v.pk",
            _columns_of(params),
        )


def _array_casts(fields: Sequence[Any], connection: Any) -> list[str]:
    """`CAST(%s AS type[])` per column: an array parameter of the column's type."""
    return [f"CAST(%s AS {field.db_type(connection)}[])" for field in fields]


def _columns_of(rows: Sequence[list[Any]]) -> list[list[Any]]:
    return [list(column) for column in zip(*rows, strict=True)]
