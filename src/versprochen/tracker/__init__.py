"""The tracker: bodies, documents, pledges, mentions, assessments and evidence (Django app)."""
