"""Content tokens: the word units that extraction, scoring and matching compare.

The annotation guideline (§8) compares pledges as sets of content tokens:
lower-cased runs of letters and digits, stop words removed, cut to six
characters, so that inflected forms ("Radwege", "Radweges") are one token.
`matching` sits below `extraction` (merge uses it), so the tokens live here
and both import them from here.
"""

from __future__ import annotations

import re
from functools import lru_cache

# The one expression for a word of lower-cased German text.
WORD = re.compile(r"[0-9a-zäöüß]+")
TOKEN_LENGTH = 6
_HYPHEN_AT_LINE_END = re.compile(r"(?<=[a-zäöüß])[-\u2010\u00ad]\s*\n\s*(?=[a-zäöüß])")

# German function words: articles, pronouns, prepositions, conjunctions,
# auxiliaries and particles, which say nothing about what a pledge is about.
_STOPWORD_TEXT = """
    a aber alle allem allen aller alles als also am an ander andere anderem anderen anderer
    anderes auch auf aus b bei beim bin bis bisher bspw bzw ca da dabei dadurch dafür
    dagegen daher dahin damit dann dar daran darauf daraus darin darum das dass daß dem den
    denen denn der deren des deshalb dessen die dies diese diesem diesen dieser dieses doch
    dort du durch ein eine einem einen einer eines einige einmal er es etc etwa etwas euch
    euer für gegen ggf hat hatte hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren
    ihrer im in indem inkl ins ist jede jedem jeden jeder jedes jedoch jetzt kann kein keine
    können könnte machen man mehr mit muss müssen nach nicht noch nun nur ob oder ohne sehr
    sein seine sich sie sind so soll sollen sondern sowie sowohl u um und uns unser unsere
    unserem unseren unserer unter usw viel vom von vor wann war waren was weil weiter welche
    wenn wer werden wie wieder will wir wird wo wollen worden wurde würde z zu zum zur zwar
    zwischen über
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def words(text: str) -> list[str]:
    """The words of `text`, lower-cased, in order."""
    return WORD.findall(text.lower())


def stopwords() -> frozenset[str]:
    return STOPWORDS


# Detect, split and merge each take the tokens of the same statements: a pure
# function of the text, so it is worked out once. Large enough to hold every
# statement of a long coalition agreement between the stages.
@lru_cache(maxsize=1 << 14)
def content_tokens(text: str) -> frozenset[str]:
    """Lower-cased content tokens cut to six characters, stop words removed."""
    lowered = text.lower()
    # The lookbehind is tried at every character; a hyphen at a line's end needs
    # a line break, which most statements lack, so the substring test skips it.
    if "\n" in lowered:
        lowered = _HYPHEN_AT_LINE_END.sub("", lowered)
    return frozenset(t[:TOKEN_LENGTH] for t in WORD.findall(lowered) if t not in STOPWORDS)


def token_f1(a: frozenset[str], b: frozenset[str]) -> float:
    """The F1 overlap of two token sets (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))
