"""detect: keep the segments that commit their authors, join the ones that need each other.

A segment is a pledge when it commits to an action or outcome (guideline §1-2):
modal verbs of obligation or intention, the gerundive ("ist einzurichten"),
verbs of demand ("fordern", "setzen uns ein"), or a verbless list item that
names an action ("Ausbau der ...", "Schulhöfe entsiegeln"). Descriptions,
justifications, evaluations, slogans, questions and accounts of the past are
not. Coalition agreements state what the partners will do in the present
tense ("Die Vertragspartner stimmen gemeinsam ab"), so in an agreement a plain
statement counts unless it only evaluates or describes.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from versprochen.extraction import cues
from versprochen.extraction.commitment import (
    claims_credit,
    commits,
    second_position_verb,
    stem_commits,
)
from versprochen.extraction.stage import stage
from versprochen.extraction.types import (
    Candidate,
    DetectedDocument,
    Rejection,
    Segment,
    SegmentedDocument,
)
from versprochen.matching.tokens import content_tokens

MIN_CONTENT_TOKENS = 2

_AGREEMENT_PARTIES = re.compile(
    r"\b(kooperationspartner|koalitionspartner|koalitionspartnern|"
    r"die\s+partner|die\s+koalition|koalitionsvertrag|kooperationsvereinbarung|"
    r"koalitionsvereinbarung)\b",
    re.IGNORECASE,
)
_EVALUATIVE = cues.Folded(
    r"\b(ist|sind|bleibt|bleiben)\b[^.]*\b(wichtig|unverzichtbar|unerlässlich|notwendig|"
    r"sinnvoll|erforderlich|grundlage|bestandteil|eingriff|standortfaktor|herausforderung|"
    r"chance|aufgabe\s+der\s+stadt|geprägt|bewusst|gut\s+aufgestellt)\b"
)
_DESCRIBING_VERBS = cues.Folded(
    r"\b(sorgt|sorgen|bedeutet|bedeuten|stellt\b[^.]*\bdar|stellen\b[^.]*\bdar|verbessert|"
    r"zeigt|zeigen|bietet|bieten|beinhaltet|gehören|gehört|handelt\s+es\s+sich|"
    r"deckt|ermöglicht|ermöglichen|führt|führen|erfordert)\b"
)
_FINITE = cues.Folded(
    r"\b(ist|sind|war|waren|wird|werden|wurde|wurden|hat|haben|kann|können|gibt|könnte|"
    r"könnten|würde|würden|dürfte|dürften|müsste|müssten|wäre|wären|hätte|hätten|sich|"
    r"lassen|lässt|darf|dürfen|mag|mögen|"
    r"wir|ich|sie|er|es|man|sollen|soll|muss|müssen|will|wollen)\b"
)
_WISH_WITHOUT_ACTION = re.compile(
    r"^(wir\s+wollen|wir\s+möchten|wir\s+brauchen|wir\s+wünschen)\s+", re.IGNORECASE
)
# "Wir wollen diese Maßnahmen flankieren mit einer seniorengerechten Weiterentwicklung ..."
# (Münster SPD 2014): the infinitive stands before a phrase moved after it
# (Ausklammerung), so the clause does not end in its verb. Searched only after the
# opening "wir wollen", whose modal is no such infinitive.
_VERB_BEFORE_PHRASE = re.compile(
    r"\s[a-zäöüß]{3,}(?:en|ern|eln)\s+(?:bei|beim|in|im|an|am|auf|für|mit|von|vom|zu|zur|zum|"
    r"durch|über|unter|gegen)\s+(?:der|die|das|den|dem|des|einer?|einem|einen)\s"
)
_WISH_TO_BE = re.compile(r"\b(wollen|möchten)\s+wir\b.*\b(sein|werden)\W*$", re.IGNORECASE)
_NEGATED_OPENER = re.compile(r"^(keine?n?|kein)\s+[A-ZÄÖÜ]")
_ZU_CLAUSE_END = re.compile(r"\bzu\s+[a-zäöüß]+\W*$|,[^,]*\b[a-zäöüß]+zu[a-zäöüß]+en\W*$")
_PURPOSE_CLAUSE_END = re.compile(r",\s*(?:auch\s+)?um\b[^,]*$", re.IGNORECASE)
_LEAD_WITHOUT_COLON = cues.Folded(
    r"\b(fordern|wollen|möchten|schlagen|setzen|planen)\s+wir(\s+uns)?(\s+(vor|ein|an))?\W*$"
)
_SUBORDINATE_TAIL = re.compile(
    r",\s*(?:damit|um|weil|da|wenn|dass|die|der|das|deren|dessen|welche[rsnm]?|wo)\b"
)
_REFERENCE = re.compile(r"\b(siehe)\b", re.IGNORECASE)
# A subordinate clause that ends the text, with a subject and more of its own: "...,
# wenn Sprache, Bildung und Arbeitsmarktzugang Hand in Hand gehen" (Oldenburg BB-OL
# 2026). A short aside ("und, falls nötig, neue Gebiete auch auf Landesebene festsetzen",
# Berlin 2021) leaves the verb after it to the item.
_SUBORDINATE_OPENING = re.compile(
    rf",\s*(?:{cues.CONDITION_CONJUNCTIONS})\s+(?!(?-i:(?:[a-zäöüß]+\s+)?[a-zäöüß]+,))",
    re.IGNORECASE,
)
# "Positionspapier Verkehr & Mobilität herunterladen", "Unsere Position zum Stadion lesen"
# (Oldenburg BB-OL 2026, the labels of a web page's links): a short line that asks the
# reader to fetch or read something commits the authors to nothing.
# The thing offered names a medium; "Alle Förderprogramme kritisch ansehen" (written) is
# a pledge to examine.
_READER_LINK = re.compile(
    r"^(?:\S+\s+){0,4}?\w*(?:papier|position|pdf|video|interview|podcast|broschüre|flyer"
    r"|artikel|dokument|stellungnahme)\s+(?:\S+\s+){0,4}?"
    r"(?:herunterladen|downloaden|lesen|ansehen|anschauen|anhören)\W*$",
    re.IGNORECASE,
)
_SIGNATURE = re.compile(
    r"^(\(?vorsitzende\w*\)?|stellv\.?|\w+,\s+den\s+\d|[\w\s.-]+,\s*\d{1,2}\.\s*\d{1,2}\.\s*\d{2,4})",
    re.IGNORECASE,
)


_OFFICE = cues.Folded(
    r"\b(vorsitzende[rn]?|stellv\.|stellvertretende[rn]?|bürgermeister(?:in)?|"
    r"geschäftsführer(?:in)?|sprecher(?:in)?|fraktionsvorsitzende[rn]?)\b"
)
# "Förderverein Stadtbad e.V.", "Stadtwerke Musterstadt GmbH": a name line ending in a
# legal form names an organisation (often the authors on a cover page), never a measure,
# though its last noun may end in -ung ("Wählervereinigung").
_LEGAL_FORM = re.compile(r"(?:\be\.\s?V|\bg?GmbH|\bmbH|\bAG|\beG)\.?\s*$")
_INCLUDES = re.compile(r"^(dazu|hierzu|dafür)\s+(gehört|gehören|zählt|zählen)\b", re.IGNORECASE)
_INCLUDES_CLAUSE = re.compile(
    r"(?:\s+(?:auch|es|für\s+uns|vor\s+allem|insbesondere))*,\s+(?!dass\b)[^.;:]*"
    r"\b(?:zu\s+[a-zäöüß]+(?:en|ern|eln)|[a-zäöüß]+zu[a-zäöüß]+en)\W*$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Judgement:
    pledge: bool
    reason: str
    strong: bool = False


# A list of sources ("- https://www.akwasser.de/node/9 Kap.: Versiegelung verringern",
# Volt Oldenburg 2026) gives where to read more, not what the authors will do; a
# sentence that names a web address in passing ("Die Plattform
# www.lebensmittelwarnung.de wird ... überarbeitet") still commits.
_WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
# An address that opens a line, after a note's number or "Vgl." ("[3] https://...").
_OPENING_ADDRESS = re.compile(
    r"\W*(?:\[\d{1,3}\]|\d{1,3}[.)]|vgl\.|quelle:)?\s*(?:https?://|www\.)\S+", re.IGNORECASE
)


def _is_web_reference(text: str) -> bool:
    """An address opens the text and no verb follows, or addresses are half of it.

    "www.stadt.de soll barrierefrei werden" opens with an address and commits.
    """
    opening = _OPENING_ADDRESS.match(text)
    if opening and not _FINITE.search(text[opening.end() :]):
        return True
    return 2 * sum(len(m.group()) for m in _WEB_ADDRESS.finditer(text)) >= len(text)


def is_agreement(text: str) -> bool:
    """An agreement between partners, judged by how often it names the partners."""
    return len(_AGREEMENT_PARTIES.findall(text)) >= 3


def judge(
    text: str,
    *,
    agreement: bool = False,
    list_item: bool = False,
    opening: bool = True,
    lead: str = "",
) -> Judgement:
    """Whether one sentence or list item is a commitment, and why.

    `opening`: the segment opens its block (a list item, a line of its own or
    the first sentence of a paragraph), where verbless items stand.
    """
    stripped = text.strip().strip("•-–*· ").strip()
    # The checks run in a fixed order and the first verdict wins: the stages
    # below are that order cut into parts, each returning None to pass on.
    verdict = _no_statement(stripped, content_tokens(stripped))
    if verdict is None:
        verdict = _stance(stripped)
    if verdict is None and list_item and lead:
        verdict = _fact_to_consider(stripped, lead)
    if verdict is not None:
        return verdict
    # Read once, after the stances: items and plain statements both ask it.
    verbless = not _FINITE.search(stripped) and not cues.has_finite_verb(stripped)
    verdict = _item_verdict(
        stripped, list_item=list_item, opening=opening, lead=lead, verbless=verbless
    )
    if verdict is not None:
        return verdict
    return _statement_verdict(stripped, agreement=agreement, list_item=list_item, verbless=verbless)


# "Dabei muss berücksichtigt werden: - dass eine mehrjährige „Babypause“ im Beruf heute
# vielfach nicht möglich ist - dass ..." (Münster CDU 2014): a lead that asks to consider
# or know something takes "dass" items that state facts, the premises of a pledge. Only
# the verb forms of such a request count ("ist zu beachten", "wir wissen"), not the noun
# or the adverb ("unter Berücksichtigung", "bewusst"), and never in a lead of demand or
# will ("Wir setzen uns dafür ein, - dass ...", "Wir wollen, wissend, ...").
_CONSIDERING_LEAD = cues.Folded(
    r"\b(?:berücksichtigt|beachtet|bedacht)\s+(?:werden|wird)\b"
    r"|\bzu\s+(?:berücksichtigen|beachten|bedenken)\b"
    r"|\b(?:wir\s+wissen|wissen\s+wir|ist\s+(?:uns\s+)?bewusst|sind\s+(?:wir\s+)?uns\s+bewusst)\b"
)
_DASS_ITEM = re.compile(r"\W*dass\s", re.IGNORECASE)


def _fact_to_consider(stripped: str, lead: str) -> Judgement | None:
    if not (_DASS_ITEM.match(stripped) and _CONSIDERING_LEAD.search(lead)):
        return None
    if cues.DEMAND.search(lead) or cues.VOLITIONAL.search(lead):
        return None
    return Judgement(False, "a fact its lead asks to consider")


def _no_statement(stripped: str, tokens: frozenset[str]) -> Judgement | None:
    """Text that states nothing the authors could do: too short, a question, a lead,
    a signature, a pointer elsewhere, a name, or a justification by its opener.

    Decided by form alone, before any reading of the verbs.
    """
    lowered = stripped.lower()
    if len(tokens) < MIN_CONTENT_TOKENS:
        return Judgement(False, "too short")
    if stripped.endswith("?"):
        return Judgement(False, "question")
    # A sentence never ends in a comma: that is a lead into the list that follows.
    if stripped.endswith((":", ",")) or _LEAD_WITHOUT_COLON.search(stripped):
        return Judgement(False, "introduces a list")
    if _SIGNATURE.match(stripped) or _is_signature(stripped):
        return Judgement(False, "signature or date")
    if _REFERENCE.search(lowered) and len(tokens) < 8:
        return Judgement(False, "cross-reference")
    if ("//" in stripped or "www." in lowered) and _is_web_reference(stripped):
        return Judgement(False, "a web address")
    if _LEGAL_FORM.search(stripped) and not _FINITE.search(stripped) and len(tokens) <= 8:
        return Judgement(False, "name of an organisation")
    if cues.NON_COMMITMENT_OPENERS.match(stripped):
        return Judgement(False, "describes, evaluates or claims credit")
    if _BENEFIT.match(stripped):
        return Judgement(False, "justification: what a measure makes possible")
    return None


def _stance(stripped: str) -> Judgement | None:
    """A sentence's stance: principle, slogan, vision or credit, else a commitment.

    The stances that only sound committed come first, so that their modals
    ("wollen wir ... sein") never count as a pledge's.
    """
    # Only the head counts: "Keine Erhöhung der Gebühren – Bildung darf nicht vom
    # Geldbeutel abhängen" commits before its dash and justifies after it.
    if cues.PRINCIPLE.search(re.split(r"\s[–—-]\s", stripped)[0]):
        return Judgement(False, "a principle, not a measure")
    if _WISH_TO_BE.search(stripped):
        return Judgement(False, "slogan: a wish to be")
    if cues.VISION.search(stripped):
        return Judgement(False, "vision or self-description")
    if claims_credit(stripped):
        return Judgement(False, "claims credit for the past")
    if commits(stripped):
        if _wish_without_action(stripped):
            return Judgement(False, "slogan: a wish without an action")
        return Judgement(True, "commitment verb", strong=True)
    if _NEGATED_OPENER.match(stripped):
        return Judgement(True, "refusal or freeze")
    return None


def _wish_without_action(stripped: str) -> bool:
    """ "Wir wollen mehr Miteinander im Viertel" (invented): a wish whose only verb is
    the modal and whose object names no action is a slogan, though its modal commits."""
    # "Wir wollen den Vereinen einen Zuschuss gewähren, der ... " (written): the verb
    # ends the main clause, before a relative or subordinate clause.
    main_clause = _SUBORDINATE_TAIL.split(stripped, maxsplit=1)[0]
    wish = _WISH_WITHOUT_ACTION.match(stripped)
    if (
        wish
        and not cues.ends_with_verb(stripped)
        and not cues.ends_with_verb(main_clause)
        and not _VERB_BEFORE_PHRASE.search(main_clause, wish.end() - 1)
    ):
        noun = cues.first_noun(stripped[stripped.find(" ", 4) :])
        return not cues.is_action_noun(noun)
    return False


def _item_verdict(
    stripped: str, *, list_item: bool, opening: bool, lead: str, verbless: bool
) -> Judgement | None:
    """A pledge without a commitment verb of its own: a list item that completes its
    lead's demand, names an action ("Ausbau der Radwege") or is an infinitive item
    ("Schulhöfe entsiegeln").

    Only where items stand (an opening, a list item) or where no verb would make the
    text a sentence instead.
    """
    # A stem completes the first sentence of its item even when the item goes on
    # with sentences of its own ("Wir wollen / - eine zweite Fähre. Heute ...");
    # such an item continues the stem's sentence in lower case, where a capitalised
    # opener is more often a statement of its own ("Frauen gründen anders. ...").
    completes_stem = list_item or (opening and stripped[:1].islower())
    # A verb in a clause of its own ("mehr Personal, damit ... umgesetzt werden
    # kann") does not make the item a sentence.
    head = _SUBORDINATE_TAIL.split(stripped, maxsplit=1)[0]
    head_verbless = not _FINITE.search(head) and not cues.has_finite_verb(head)
    if completes_stem and head_verbless and lead and stem_commits(lead, stripped):
        return Judgement(True, "item of a demand list")
    if opening or list_item or verbless:
        opener = cues.words(stripped)[:1]
        names_action = bool(opener) and cues.is_action_noun(opener[0])
        if (names_action or cues.is_action_noun(cues.first_noun(stripped))) and verbless:
            return Judgement(True, "names an action")
        # "..., ganztags zu arbeiten": a zu-clause has its main verb elsewhere.
        zu_clause = bool(_ZU_CLAUSE_END.search(stripped)) and not _PURPOSE_CLAUSE_END.search(
            stripped
        )
        finite = not list_item and second_position_verb(stripped)
        # The infinitive ends the item's main clause ("Radwege ausbauen, damit ..."); a
        # verb that ends only a clause of its own ("Teilhabe gelingt nur, wenn Sprache
        # und Arbeit Hand in Hand gehen", Oldenburg BB-OL 2026) is no item's.
        tail = _subordinate_end(stripped)
        ends_in_infinitive = cues.ends_with_verb(stripped) and (
            tail is None or cues.ends_with_verb(stripped[:tail])
        )
        if ends_in_infinitive and verbless and not zu_clause and not finite:
            if _READER_LINK.search(stripped):
                return Judgement(False, "a link for the reader")
            return Judgement(True, "infinitive item")
    return None


def _subordinate_end(text: str) -> int | None:
    """Where a subordinate clause that ends `text` begins (its comma), else None.

    Only the last sentence part counts (after the last ".", ";" or ":"), so each
    text is read once however many commas it holds.
    """
    body = text.rstrip(" .;:!")
    last_part = max(body.rfind("."), body.rfind(";"), body.rfind(":")) + 1
    for opening in _SUBORDINATE_OPENING.finditer(text, last_part):
        if len(text[opening.end() :].split()) >= 3:
            return opening.start()
    return None


def _statement_verdict(
    stripped: str, *, agreement: bool, list_item: bool, verbless: bool
) -> Judgement:
    """The last word on a plain statement: what it includes, whether it describes,
    and the leniency an agreement's present tense or a list item gets."""
    if cues.PAST.search(stripped):
        return Judgement(False, "about the past")
    includes = _INCLUDES.match(stripped)
    # "Dazu gehört für uns die Reduzierung der Gruppengrößen": the measure a
    # commitment includes is one of its own; "Dazu gehört auch einer der
    # Aspekte" names none.
    if includes and _names_action_first(stripped[includes.end() :]):
        return Judgement(True, "includes an action", strong=True)
    # "Dazu gehört auch, den Zugang zu den Häusern ... anzupassen" (Münster CDU 2014): the
    # measure the commitment includes is a zu-infinitive clause that names its own action.
    if includes and _INCLUDES_CLAUSE.match(stripped, includes.end()):
        return Judgement(True, "includes an action", strong=True)
    if _EVALUATIVE.search(stripped) or _DESCRIBING_VERBS.search(stripped):
        if agreement and includes:
            return Judgement(True, "agreed rule")
        return Judgement(False, "describes or evaluates")
    if agreement or (list_item and not verbless):
        return Judgement(True, "agreed rule" if agreement else "list item")
    return Judgement(False, "no commitment")


def _names_action_first(text: str) -> bool:
    nouns = [w for w in cues.words(text) if w[0].isupper()]
    return bool(nouns) and cues.is_action_noun(nouns[0])


def _is_signature(text: str) -> bool:
    if not _OFFICE.search(text):
        return False
    found = cues.words(text)
    lower = [w for w in found if w[0].islower()]
    return len(lower) <= 2 and len(found) <= 12


def _joins_previous(segment: Segment, previous: Segment | None, judgement: Judgement) -> bool:
    """A follow-up sentence that only completes the pledge before it."""
    if previous is None or previous.block != segment.block:
        return False
    if _BENEFIT.match(segment.text):
        return False
    if cues.RESTRICTING_OPENERS.match(segment.text) or cues.POINTER_OPENING.match(segment.text):
        return True
    if cues.EXPLAINS_PREVIOUS.match(segment.text):
        return True
    if cues.POINTS_BACK.search(segment.text) and (
        len(content_tokens(segment.text)) <= MAX_POINTING_TOKENS
    ):
        return True
    if not cues.ANAPHORIC_OPENERS.match(segment.text):
        return False
    return not judgement.strong


# "Personalpartnerschaften erleichtern. So können sich zwei Unternehmen ... Kapazitäten
# zur Verfügung stellen" (CDU/CSU 2025), "Dadurch können zum einen Steuerungsinstrumente
# ... entwickelt werden" (Bund 2018): a sentence that says what a measure makes possible
# justifies it (guideline §2); it stays out of the pledge's text and is no pledge itself.
_BENEFIT = re.compile(r"^(?:so|damit|dadurch)\s+(?:kann|können|könnte|könnten)\b", re.IGNORECASE)
MAX_POINTING_TOKENS = 4
_DEMONSTRATIVE_OBJECT = re.compile(r"\b[Dd]iese[rsnm]?\s+[A-ZÄÖÜ][a-zäöüß]+")
# A pointing pledge takes its object from a sentence that describes, or reports what the
# authors did ("... etabliert. Dies wollen wir fortführen", Bund 2018).
_CONTEXT_REASONS = frozenset(
    {"describes or evaluates", "no commitment", "claims credit for the past"}
)


def _context_needed(segment: Segment, previous: Rejection | None) -> Segment | None:
    """The sentence a short pointing pledge needs to stand alone (guideline §1)."""
    if previous is None or previous.segment.block != segment.block:
        return None
    if previous.reason not in _CONTEXT_REASONS:
        return None
    if cues.POINTER_OPENING.match(segment.text) or cues.POINTER_IN_CLAUSE.match(segment.text):
        return previous.segment
    # "Wir wollen diese Regelung beibehalten" (written): a short pledge whose object is
    # named only by a demonstrative ("diese Regelung") needs the sentence that names it.
    demonstrative = _DEMONSTRATIVE_OBJECT.search(segment.text)
    if not cues.POINTS_BACK.match(segment.text) and not demonstrative:
        return None
    if len(content_tokens(segment.text)) > MAX_POINTING_TOKENS:
        return None
    return previous.segment


def _short_pointer(segment: Segment, verdict: Judgement, previous: Rejection | None) -> bool:
    """ "... haben wir ein Frühwarnsystem etabliert. Dies wollen wir fortführen" (Bund
    2018): a commitment too short to stand alone is a pledge with the sentence it points
    back to."""
    return (
        verdict.reason == "too short"
        and bool(cues.POINTER_OPENING.match(segment.text))
        and commits(segment.text)
        and _context_needed(segment, previous) is not None
    )


@stage("detect", 6)
def detect(doc: SegmentedDocument) -> DetectedDocument:
    agreement = is_agreement(doc.outlined.clean.text)
    kept: list[Candidate] = []
    rejected: list[Rejection] = []
    previous: Segment | None = None
    previous_kept = False
    previous_rejection: Rejection | None = None
    # A bullet that holds a whole paragraph is prose: only one-sentence items get the
    # leniency of list items.
    sentences_in_block = Counter(s.block for s in doc.segments)
    for segment in doc.segments:
        opening = previous is None or previous.block != segment.block
        verdict = judge(
            segment.text,
            agreement=agreement,
            list_item=segment.kind == "list_item" and sentences_in_block[segment.block] == 1,
            opening=opening,
            lead=segment.lead,
        )
        if _short_pointer(segment, verdict, previous_rejection):
            verdict = Judgement(True, "commitment verb")
        if previous_kept and _joins_previous(segment, previous, verdict) and kept:
            last = kept[-1]
            kept[-1] = Candidate(
                text=f"{last.text} {segment.text}",
                segments=(*last.segments, segment),
                score=last.score,
                reason=last.reason + "+follow-up",
            )
        elif verdict.pledge:
            context = _context_needed(segment, previous_rejection)
            if context is not None and previous_rejection is not None:
                rejected.remove(previous_rejection)
                kept.append(
                    Candidate(
                        text=f"{context.text} {segment.text}",
                        segments=(context, segment),
                        score=1.0,
                        reason=verdict.reason + "+context",
                    )
                )
            else:
                kept.append(
                    Candidate(
                        text=segment.text, segments=(segment,), score=1.0, reason=verdict.reason
                    )
                )
            previous_kept = True
            previous_rejection = None
        else:
            previous_rejection = Rejection(segment, verdict.reason)
            rejected.append(previous_rejection)
            previous_kept = False
        previous = segment
    return DetectedDocument(outlined=doc.outlined, candidates=tuple(kept), rejected=tuple(rejected))
