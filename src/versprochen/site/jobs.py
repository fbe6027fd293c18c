"""The site's job kinds and schedules, found by `jobs.registry.discover`: the open-data
files (`api.export_files`) and the followers' digests (`tracker.follow`)."""

from __future__ import annotations

from versprochen.api import export_files
from versprochen.tracker import follow

__all__ = ["export_files", "follow"]
