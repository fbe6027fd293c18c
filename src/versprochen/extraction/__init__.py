"""Pledge extraction: a pure library (no Django, no database, no network).

>>> from versprochen.extraction import extract
>>> result = extract("programm.pdf")
>>> result.pledges[0].text
"""

from versprochen.extraction.errors import InputError
from versprochen.extraction.pipeline import PIPELINE_VERSION, STAGES, extract
from versprochen.extraction.types import Extraction, Mention, Pledge, Section

__all__ = [
    "PIPELINE_VERSION",
    "STAGES",
    "Extraction",
    "InputError",
    "Mention",
    "Pledge",
    "Section",
    "extract",
]
