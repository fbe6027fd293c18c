"""Stored payloads into the mapped tables; re-runnable without fetching anything.

The caller owns the transaction: the sync maps one page's payloads in the
transaction that stored them, so that a reader sees each object either as it
was or fully mapped. A payload marked `deleted` marks its row deleted (rows are
never removed); a payload whose JSON is unusable is reported, its row untouched.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import models
from django.db.models import F, OuterRef, Q, Subquery

from versprochen.oparl.adapters import as_one, blank
from versprochen.oparl.bulk import insert_rows, update_rows, with_defaults
from versprochen.oparl.fields import FIELDS, ORDER, Mapped, common, when
from versprochen.oparl.models import (
    MAPPED,
    AgendaItem,
    Consultation,
    OParlObject,
    Payload,
    System,
)

_RANK = {name: index for index, name in enumerate(ORDER)}


class Mapper:
    """Maps payloads of one system; keeps the id → row id of every mapped type in memory."""

    def __init__(self, system: System) -> None:
        self.system = system
        self._ids: dict[str, dict[str, int]] = {}
        self._lengths: dict[str, dict[str, int]] = {}
        # Row ids of papers mapped (new, changed, deleted) since this mapper was made.
        self.changed_papers: set[int] = set()
        self.placeholders_made = 0
        self.mapped = 0

    # --- references -----------------------------------------------------------------

    def _known(self, object_type: str) -> dict[str, int]:
        known = self._ids.get(object_type)
        if known is None:
            model = MAPPED[object_type]
            known = dict(
                model._default_manager.filter(system=self.system).values_list("oparl_id", "pk")
            )
            self._ids[object_type] = known
        return known

    def ref(self, object_type: str, value: Any) -> int | None:
        value = as_one(value)
        if blank(value) or not isinstance(value, str):
            return None
        oparl_id = value.strip()
        known = self._known(object_type)
        pk = known.get(oparl_id)
        if pk is None:
            row = MAPPED[object_type]._default_manager.create(
                system=self.system, body_id=self.system.body_id, oparl_id=oparl_id, placeholder=True
            )
            pk = known[oparl_id] = row.pk
            self.placeholders_made += 1
        return pk

    def refs(self, object_type: str, value: Any) -> list[int]:
        values = value if isinstance(value, list) else [value]
        found = (self.ref(object_type, item) for item in values)
        return list(dict.fromkeys(pk for pk in found if pk is not None))

    # --- mapping --------------------------------------------------------------------

    def map(self, payloads: Iterable[Payload]) -> list[tuple[Payload, str]]:
        """Map the payloads (types in dependency order); the ones that could not be, with why.

        Set-wise: one insert per type for the batch's new objects, one update per
        type and set of fields, the links of a type replaced together.
        """
        failed: list[tuple[Payload, str]] = []
        done: list[Payload] = []
        parsed: list[tuple[Payload, dict[str, Any]]] = []
        for payload in sorted(payloads, key=lambda p: _RANK.get(p.object_type, len(_RANK))):
            if payload.object_type not in FIELDS:
                # System and Body are read by the sync itself; nothing to map.
                done.append(payload)
                continue
            try:
                data = json.loads(payload.text)
            except json.JSONDecodeError as error:
                failed.append((payload, f"stored JSON unreadable ({error.msg})"))
                continue
            if not isinstance(data, dict):
                failed.append((payload, "stored payload is not an object"))
                continue
            parsed.append((payload, data))
            done.append(payload)
        self._reserve(parsed)
        rows: dict[str, list[tuple[int, dict[str, Any], Mapped]]] = {}
        for payload, data in parsed:
            pk = self._known(payload.object_type)[payload.url]
            values, mapped = self._values(payload, data)
            rows.setdefault(payload.object_type, []).append((pk, values, mapped))
        for object_type, typed in rows.items():
            self._write(object_type, typed)
        for start in range(0, len(done), 500):
            chunk = [payload.pk for payload in done[start : start + 500]]
            Payload.objects.filter(pk__in=chunk).update(mapped_sha256=F("sha256"))
        for payload in done:
            payload.mapped_sha256 = payload.sha256
        return failed

    def _reserve(self, parsed: Sequence[tuple[Payload, dict[str, Any]]]) -> None:
        """Rows for the batch's objects and everything they refer to that has none yet.

        Inserted together (placeholders, filled by `_write`), so that references
        resolve without one insert per object.
        """
        wanted = _Wanted()
        for payload, data in parsed:
            wanted.add(payload.object_type, payload.url)
            if data.get("deleted") is not True:
                FIELDS[payload.object_type](data, wanted, (payload.parent_url, payload.parent_type))
        for object_type, urls in wanted.ids.items():
            known = self._known(object_type)
            new = [url for url in urls if url not in known]
            if not new:
                continue
            model = MAPPED[object_type]
            insert_rows(
                model,
                [
                    with_defaults(
                        model,
                        system_id=self.system.pk,
                        body_id=self.system.body_id,
                        oparl_id=url,
                        placeholder=True,
                    )
                    for url in new
                ],
            )
            for start in range(0, len(new), 500):
                known.update(
                    model._default_manager.filter(
                        system=self.system, oparl_id__in=new[start : start + 500]
                    ).values_list("oparl_id", "pk")
                )

    def _values(self, payload: Payload, data: dict[str, Any]) -> tuple[dict[str, Any], Mapped]:
        object_type = payload.object_type
        if data.get("deleted") is True:
            mapped = Mapped({"modified": when(data.get("modified"))})
            values: dict[str, Any] = {"deleted": True, "placeholder": False, **mapped.fields}
        else:
            mapped = FIELDS[object_type](data, self, (payload.parent_url, payload.parent_type))
            values = {"deleted": False, "placeholder": False, **mapped.fields}
            values.update(common(data))
        return self._fit(MAPPED[object_type], values), mapped

    def _write(self, object_type: str, rows: Sequence[tuple[int, dict[str, Any], Mapped]]) -> None:
        model = MAPPED[object_type]
        by_fields: dict[tuple[str, ...], list[tuple[int, dict[str, Any]]]] = {}
        for pk, values, _ in rows:
            by_fields.setdefault(tuple(sorted(values)), []).append((pk, values))
        for fields, typed in by_fields.items():
            update_rows(model, fields, typed)
        links: dict[str, dict[int, list[int]]] = {}
        for pk, _, mapped in rows:
            for name, targets in mapped.links.items():
                links.setdefault(name, {})[pk] = targets
        for name, targets_of in links.items():
            _replace_links(model, name, targets_of)
        self.mapped += len(rows)
        pks = [pk for pk, _, _ in rows]
        if object_type == "Paper":
            self.changed_papers.update(pks)
        elif object_type == "AgendaItem":
            _papers_of_agenda_items(AgendaItem.objects.filter(pk__in=pks))
        elif object_type == "Consultation":
            _papers_of_agenda_items(
                AgendaItem.objects.filter(
                    Q(consultation_id__in=pks)
                    | Q(pk__in=[v["agenda_item_id"] for _, v, _ in rows if v.get("agenda_item_id")])
                )
            )

    def _fit(self, model: type[OParlObject], values: dict[str, Any]) -> dict[str, Any]:
        """Cut strings to their column's length (PostgreSQL refuses longer ones)."""
        lengths = self._lengths.get(model.__name__)
        if lengths is None:
            lengths = {
                field.attname: field.max_length
                for field in model._meta.concrete_fields
                if isinstance(field, models.CharField) and field.max_length
            }
            self._lengths[model.__name__] = lengths
        for name, limit in lengths.items():
            value = values.get(name)
            if isinstance(value, str) and len(value) > limit:
                values[name] = value[:limit]
        return values


class _Wanted:
    """A `Refs` that only notes the ids asked for (the first pass of `_reserve`)."""

    def __init__(self) -> None:
        self.ids: dict[str, dict[str, None]] = {}

    def add(self, object_type: str, oparl_id: str) -> None:
        self.ids.setdefault(object_type, {})[oparl_id] = None

    def ref(self, object_type: str, value: Any) -> int | None:
        value = as_one(value)
        if isinstance(value, str) and not blank(value):
            self.add(object_type, value.strip())
        return None

    def refs(self, object_type: str, value: Any) -> list[int]:
        for item in value if isinstance(value, list) else [value]:
            self.ref(object_type, item)
        return []


def _replace_links(model: type[OParlObject], name: str, targets_of: dict[int, list[int]]) -> None:
    relation = model._meta.get_field(name)
    assert isinstance(relation, models.ManyToManyField)
    through: Any = relation.remote_field.through
    source, target = relation.m2m_field_name() + "_id", relation.m2m_reverse_field_name() + "_id"
    # The links have no signals or dependants: one DELETE, without Django collecting them.
    old_links = through.objects.filter(**{source + "__in": list(targets_of)})
    old_links._raw_delete(old_links.db)
    insert_rows(
        through,
        [{source: pk, target: other} for pk, targets in targets_of.items() for other in targets],
    )


def _papers_of_agenda_items(items: models.QuerySet[AgendaItem]) -> None:
    """An agenda item's paper is its consultation's (named on either side)."""
    by_own = Consultation.objects.filter(pk=OuterRef("consultation_id")).values("paper_id")[:1]
    items.filter(consultation_id__isnull=False).update(paper_id=Subquery(by_own))
    by_other = Consultation.objects.filter(agenda_item_id=OuterRef("pk")).values("paper_id")[:1]
    items.filter(consultation_id__isnull=True).update(paper_id=Subquery(by_other))
