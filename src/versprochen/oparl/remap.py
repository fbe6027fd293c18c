"""Map every stored payload of a system again, fetching nothing (`versprochen oparl remap`).

For a changed mapping (a new field, a fixed adapter): the payloads are the
record of what the server sent, so the tables can always be rebuilt from them.
Each batch is mapped in its own transaction; a run stopped half-way is simply
run again.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from versprochen.oparl import hooks
from versprochen.oparl.mapping import Mapper
from versprochen.oparl.models import Payload, SyncError, System

BATCH = 1000


def remap_system(system: System, batch: int = BATCH) -> str:
    """Map all payloads of `system`; a one-line summary."""
    ids = list(Payload.objects.filter(system=system).order_by("pk").values_list("pk", flat=True))
    mapper = Mapper(system)
    failed = 0
    for start in range(0, len(ids), batch):
        with transaction.atomic():
            payloads = list(Payload.objects.filter(pk__in=ids[start : start + batch]))
            for payload, reason in mapper.map(payloads):
                failed += 1
                SyncError.objects.create(
                    system=system,
                    url=payload.url,
                    kind=SyncError.Kind.BROKEN_JSON,
                    reason=reason,
                    at=timezone.now(),
                )
    hooks.papers_changed(system.body, sorted(mapper.changed_papers))
    return f"{mapper.mapped} objects mapped again from {len(ids)} payloads, {failed} unreadable"
