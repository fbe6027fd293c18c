"""The editorial forms: every error is shown at its field and announced to screen readers."""
