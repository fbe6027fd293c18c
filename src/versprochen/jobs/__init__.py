"""Jobs: slow work (extraction of uploads, syncs, reports, mail) run outside requests.

Built on Django's tasks API (the `django-tasks` backport) with the queue in the
project's own database (`django-tasks-db`). A `Job` row records what a user sees:
state, progress, a one-line error, the result's summary.
"""
