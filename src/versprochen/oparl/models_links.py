"""Links between pledges and council papers: the ranking's suggestions and the
editor's decisions on them.

A suggestion is kept when the editor decides: confirmed (the paper is evidence
of the pledge's draft assessment) or rejected (never suggested again). Loaded
by `oparl.models`, so that Django sees these tables as part of the oparl app;
loading it registers the recomputation of suggestions after each sync.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from versprochen.oparl import hooks


class Suggestion(models.Model):
    class State(models.TextChoices):
        SUGGESTED = "suggested", _("vorgeschlagen")
        CONFIRMED = "confirmed", _("bestätigt")
        REJECTED = "rejected", _("abgelehnt")

    pledge = models.ForeignKey(
        "tracker.Pledge", on_delete=models.CASCADE, related_name="paper_suggestions"
    )
    paper = models.ForeignKey("oparl.Paper", on_delete=models.CASCADE, related_name="suggestions")
    state = models.CharField(max_length=10, choices=State.choices, default=State.SUGGESTED)
    score = models.FloatField(default=0.0)
    # The paper's passage that matched, and the (start, end) spans to highlight in it.
    passage = models.TextField(blank=True, default="")
    marks = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        "auth.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        app_label = "oparl"
        constraints = (
            models.UniqueConstraint(fields=("pledge", "paper"), name="oparl_suggestion_unique"),
        )
        indexes = (
            models.Index(fields=("pledge", "state", "-score"), name="oparl_suggestion_rank"),
        )
        ordering = ("-score", "id")

    def __str__(self) -> str:
        return f"{self.pledge_id} → {self.paper_id} ({self.state})"


def _papers_changed(body: Any, paper_ids: Sequence[int]) -> None:
    # Imported when called: the suggestions import the jobs and the ranking, which
    # the model registry need not load.
    from versprochen.oparl.suggest import schedule_after_sync

    schedule_after_sync(body, paper_ids)


hooks.on_papers_changed(_papers_changed)
