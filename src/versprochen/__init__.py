"""versprochen: follow political promises through their whole life."""

__version__ = "0.1.0"
