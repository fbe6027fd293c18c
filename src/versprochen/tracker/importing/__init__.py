"""The importer's steps (`versprochen.tracker.importer` runs them) and its jobs."""
