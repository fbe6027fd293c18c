"""The JSON API (OpenAPI, django-ninja) and the open data exports."""
