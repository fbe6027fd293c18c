"""Character repair and markup removal for one line of converted text.

Conversion leaves compatibility characters (ligatures, non-breaking spaces,
symbol-font bullets) and markup (HTML tags, Markdown emphasis, Pandoc
attributes) in the text. Both are removed line by line, before lines are
joined into blocks, so every later rule sees plain readable text.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

SOFT_HYPHEN = "\u00ad"

# NFKC would turn these into plain ASCII look-alikes ("…" → "...", "²" → "2")
# and make the public text worse, so they are kept as they are.
_KEEP = frozenset("…²³¹½¼¾€§°ªº™")
_DIRECT = {
    "\u2010": "-",  # hyphen
    "\u2011": "-",  # non-breaking hyphen
    "\u2212": "-",  # minus sign
    "\u00a0": " ",
    "\u2007": " ",
    "\u202f": " ",
    "\u200b": "",
    "\u200c": "",
    "\u200d": "",
    "\u2060": "",
    "\ufeff": "",
    "\u2022": "•",
}


@lru_cache(maxsize=4096)
def _char(c: str) -> str:
    if c in _DIRECT:
        return _DIRECT[c]
    if c in _KEEP or c == SOFT_HYPHEN:
        return c
    code = ord(c)
    # Symbol fonts put their bullets into the private use area.
    if 0xE000 <= code <= 0xF8FF:
        return "•"
    if c == "\t":
        return c
    category = unicodedata.category(c)
    if category == "Cc":
        return " "
    if category in ("Cf", "Co", "Cs"):
        return ""
    return unicodedata.normalize("NFKC", c)


# Characters seen so far that normalising leaves as they are ("ä", "„", "–"):
# most lines of German text hold only those, and are returned as they are.
_PLAIN: set[str] = set()
_MAX_PLAIN = 4096


def normalize_chars(text: str) -> str:
    """Ligatures and compatibility characters to their plain form."""
    if text.isascii():
        return text
    chars = set(text)
    if chars <= _PLAIN:
        return text
    _PLAIN.update(c for c in chars if len(_PLAIN) < _MAX_PLAIN and _char(c) == c)
    return "".join(_char(c) for c in text)


def drop_inner_soft_hyphens(text: str) -> str:
    """Soft hyphens inside a line only mark where a word may break."""
    if SOFT_HYPHEN not in text:
        return text
    stripped = text.rstrip()
    if stripped.endswith(SOFT_HYPHEN):
        return stripped[:-1].replace(SOFT_HYPHEN, "") + SOFT_HYPHEN
    return text.replace(SOFT_HYPHEN, "")


# --- markup -------------------------------------------------------------------

_HTML_COMMENT = re.compile(r"<!--.*?-->")
_HTML_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_PANDOC_ATTR = re.compile(r"\s*\{\s*(?:-|[#.][^{}]*|[a-z-]+=[^{}]*)\s*\}")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^)]*\))*\)")
# A link whose text runs over several lines ("[Die Koalition wird ...\n...
# novelliert.](#itdz)") leaves its opening bracket on one line and its target
# on another; both are removed where they stand.
_LINK_TARGET = re.compile(r"\]\(#[^()\s]*\)")
_LINK_OPENING = re.compile(r"\[(?=[^\[\]]*$)")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\](?!:)")
_FOOTNOTE_DEF = re.compile(r"^\s*\[\^[^\]]+\]:\s*")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS_STAR = re.compile(r"(?<![\w*\\])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])")
_EMPHASIS_UNDERSCORE = re.compile(r"(?<![\w\\])_(?=[^\s_])(.+?)(?<=[^\s_])_(?!\w)")
_LEFTOVER_STRONG = re.compile(r"\*\*+|__+")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~\"'])")
_TRAILING_BACKSLASH = re.compile(r"\\\s*$")
_BOLD_SPAN = re.compile(r"(\*\*|__)(?=\S).+?(?<=\S)\1|<(b|strong)\b[^>]*>.*?</\2>", re.IGNORECASE)
_WORD_CHAR = re.compile(r"\w")


def _whole_line_bold(text: str) -> bool:
    if not _BOLD_SPAN.search(text):
        return False
    return not _WORD_CHAR.search(_BOLD_SPAN.sub("", text))


@dataclass(frozen=True, slots=True)
class Unmarked:
    text: str
    bold: bool


def strip_markup(text: str) -> Unmarked:
    """Remove HTML tags, emphasis, links and Pandoc attributes from one line.

    `bold` says whether the whole line was set in bold, which for Markdown is
    the only trace of a heading the converter did not mark with `#`.
    """
    if not any(c in text for c in "<*_[]{\\&!"):
        return Unmarked(text, False)
    bold = _whole_line_bold(text)
    text = _HTML_COMMENT.sub("", text)
    text = _HTML_BREAK.sub(" ", text)
    text = _HTML_TAG.sub("", text)
    text = _FOOTNOTE_DEF.sub("", text)
    text = _FOOTNOTE_REF.sub("", text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _LINK_TARGET.sub("", text)
    text = _LINK_OPENING.sub("", text)
    text = _PANDOC_ATTR.sub("", text)
    text = _STRONG.sub(r"\2", text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS_STAR.sub(r"\1", text)
    text = _EMPHASIS_UNDERSCORE.sub(r"\1", text)
    text = _LEFTOVER_STRONG.sub("", text)
    text = _TRAILING_BACKSLASH.sub("", text)
    text = _ESCAPE.sub(r"\1", text)
    if "&" in text:
        text = html.unescape(text)
    return Unmarked(text, bold)


_SPACE_RUN = re.compile(r"[ \t]+")


def collapse_spaces(text: str) -> str:
    """Tab runs and long space runs (layout, not content) to one space."""
    if "  " not in text and "\t" not in text:
        return text.strip()
    return _SPACE_RUN.sub(" ", text).strip()
