"""merge: one pledge per commitment; its repetitions become its mentions (guideline §3).

Documents repeat themselves in predictable places: a foreword previews the
program, a box after each chapter sums it up (often under the chapter's own
heading again), a closing summary lists everything once more, and a paragraph
may be printed twice. A statement in such a recap place joins the pledge it
restates at a lower similarity than two statements in the body text, where
only near-identical wording counts as the same pledge. Two statements from the
same paragraph are never merged (split separated them on purpose), and neither
are two that commit to different numbers ("50 Prozent" vs "100 Prozent").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict

from versprochen.extraction.headings import FRONT_MATTER_TITLES, LETTER_TITLES
from versprochen.extraction.stage import stage
from versprochen.extraction.types import (
    CodedDocument,
    CodedStatement,
    Extraction,
    Mention,
    OutlinedDocument,
    Pledge,
    Statement,
)
from versprochen.matching.similarity import (
    Profile,
    TokenWeights,
    fuzzy_shared,
    token_f1,
    typo_neighbours,
)
from versprochen.matching.tokens import words

SAME_SECTION_OVERLAP = 0.9
SAME_SECTION_F1 = 0.55
BODY_OVERLAP = 0.75
BODY_F1 = 0.5
RECAP_OVERLAP = 0.5

# Headings of places that restate the program rather than add to it.
_RECAP_TITLE = re.compile(
    r"\b(zusammenfassung|kurzfassung|auf\s+einen\s+blick|überblick|"
    r"kurz\s+und\s+(?:knapp|knackig|bündig)|in\s+kürze|"
    rf"{'|'.join(FRONT_MATTER_TITLES)})\b",
    re.IGNORECASE,
)
# A letter to the voters states no pledge of its own: its sentences count only as
# previews of pledges the program makes in its body.
_LETTER_TITLE = re.compile(rf"\b({'|'.join(LETTER_TITLES)})\b", re.IGNORECASE)
_PREVIEW_TITLE = re.compile(rf"\b({'|'.join(FRONT_MATTER_TITLES)})\b", re.IGNORECASE)


def _title_key(title: str) -> str:
    # Hashtag headings run words together ("#unsereZukunft"), so spaces do not count.
    return "".join(words(title))


def recap_sections(outlined: OutlinedDocument) -> frozenset[int]:
    """Sections that restate: recap titles, titles repeated from earlier, and their children."""
    seen: set[str] = set()
    recap: set[int] = set()
    for index, section in enumerate(outlined.sections):
        key = _title_key(section.title)
        parent = section.parent
        if (
            _RECAP_TITLE.search(section.title)
            or (key and key in seen)
            or (parent is not None and parent in recap)
        ):
            recap.add(index)
        seen.add(key)
    return frozenset(recap)


def recap_blocks(outlined: OutlinedDocument) -> frozenset[int]:
    """Blocks in a recap: after a paragraph that repeats a heading ("#unsereZukunft ist
    mobil." under "#UNSEREZUKUNFT IST MOBIL"), up to the next heading."""
    titles = {_title_key(s.title) for s in outlined.sections}
    titles.discard("")
    recap: set[int] = set()
    inside = False
    for index, block in enumerate(outlined.clean.blocks):
        role = outlined.block_roles[index]
        if role == "heading":
            inside = False
        elif role == "body" and _title_key(block.text) in titles:
            inside = True
        if inside:
            recap.add(index)
    return frozenset(recap)


def blocks_of(doc: CodedDocument) -> list[int]:
    """The index of the block each statement stands in."""
    starts = [b.start for b in doc.outlined.clean.blocks]
    return [max(bisect_right(starts, cs.statement.start) - 1, 0) for cs in doc.statements]


def recap_statements(doc: CodedDocument, blocks: list[int]) -> list[bool]:
    """For each statement: does it stand in a recap (section or box)?"""
    recap = recap_sections(doc.outlined)
    boxed = recap_blocks(doc.outlined)
    return [
        cs.statement.section in recap or blocks[k] in boxed for k, cs in enumerate(doc.statements)
    ]


def group_statements(
    doc: CodedDocument,
    profiles: list[Profile] | None = None,
    blocks: list[int] | None = None,
    in_recap: list[bool] | None = None,
) -> list[list[int]]:
    """Indices of the statements that make up each pledge, in document order.

    An inverted index over tokens finds the earlier statements that share
    anything with the current one, so the cost grows with the overlap, not with
    the square of the document's length. `blocks` and `in_recap` are
    `blocks_of(doc)` and `recap_statements(doc, blocks)`, where already known.
    """
    statements = [cs.statement for cs in doc.statements]
    if profiles is None:
        profiles = [Profile.of(s.text) for s in statements]
    weights = TokenWeights(p.tokens for p in profiles)
    totals = [weights.total(p.tokens) for p in profiles]
    recap = recap_sections(doc.outlined)
    previews = frozenset(i for i in recap if _PREVIEW_TITLE.search(doc.outlined.sections[i].title))
    if blocks is None:
        blocks = blocks_of(doc)
    if in_recap is None:
        in_recap = recap_statements(doc, blocks)
    first_with_text: dict[object, int] = {}
    index: dict[str, list[int]] = defaultdict(list)
    every: dict[str, list[int]] = defaultdict(list)
    # Only tokens that few statements share lead to candidates: a merge needs at
    # least half of the lighter side's weight in common, which words found in
    # every other statement cannot supply on their own.
    rare = weights.rare_tokens(max(25, len(statements) // 200))
    near = typo_neighbours(t for p in profiles for t in p.tokens) if any(in_recap) else {}
    group_of: list[int] = []
    groups: list[list[int]] = []
    for i, statement in enumerate(statements):
        tokens = profiles[i].tokens
        key = tokens or " ".join(statement.text.lower().split())
        target = group_of[first_with_text[key]] if key in first_with_text else -1
        if target < 0:
            # A recap item is compared, forgiving typos, with every earlier statement
            # that shares any word with it; recaps are short, so this stays cheap.
            source = every if in_recap[i] else index
            candidates = {j for t in (tokens if in_recap[i] else tokens & rare) for j in source[t]}
            reach = _fuzzy_reach(tokens, every, near, weights) if in_recap[i] else None
            scored = []
            for j in candidates:
                if blocks[j] == blocks[i]:
                    continue
                lighter = min(totals[i], totals[j])
                if reach is not None and reach.get(j, 0.0) < RECAP_OVERLAP * lighter - _ROUNDING:
                    continue  # short of the overlap whatever the typos: no need to compare
                shared = (
                    fuzzy_shared(tokens, profiles[j].tokens)
                    if in_recap[i]
                    else tokens & profiles[j].tokens
                )
                overlap = weights.total(shared) / lighter if lighter else 0.0
                if overlap >= RECAP_OVERLAP:
                    scored.append((overlap, j))
            for overlap, j in sorted(scored, reverse=True):
                if _same_commitment(i, j, overlap, statements, profiles, in_recap, previews):
                    target = group_of[j]
                    break
        if target < 0:
            groups.append([])
            target = len(groups) - 1
        groups[target].append(i)
        group_of.append(target)
        first_with_text.setdefault(key, i)
        for token in tokens:
            every[token].append(i)
            if token in rare:
                index[token].append(i)
    return groups


# Sums of the same weights in another order differ by far less than this.
_ROUNDING = 1e-9


def _fuzzy_reach(
    tokens: frozenset[str],
    every: dict[str, list[int]],
    near: dict[str, list[str]],
    weights: TokenWeights,
) -> dict[int, float]:
    """For each earlier statement, the weight of `fuzzy_shared(tokens, its tokens)`.

    A recap item is compared with every earlier statement sharing a word, so
    comparing each pair would grow with the square of the document; from the
    statements holding each token or a neighbour one typo away, the shared
    weight of all of them adds up in one pass.
    """
    reach: dict[int, float] = defaultdict(float)
    for token in tokens:
        holders = set(every.get(token, ()))
        for other in near.get(token, ()):
            holders.update(every.get(other, ()))
        weight = weights.weight(token)
        for j in holders:
            reach[j] += weight
    return reach


def _same_commitment(
    i: int,
    j: int,
    overlap: float,
    statements: list[Statement],
    profiles: list[Profile],
    in_recap: list[bool],
    previews: frozenset[int],
) -> bool:
    a, b = profiles[i], profiles[j]
    if a.numbers and b.numbers and a.numbers != b.numbers:
        return False
    # A recap restates what came before; a foreword previews what comes after.
    restates = in_recap[i] or statements[j].section in previews
    if restates:
        shared = len(fuzzy_shared(a.tokens, b.tokens))
        f1 = 2 * shared / (len(a.tokens) + len(b.tokens)) if a.tokens and b.tokens else 0.0
        return overlap >= RECAP_OVERLAP and shared >= 2 and f1 >= 0.3
    f1 = token_f1(a.tokens, b.tokens)
    if statements[i].section == statements[j].section:
        return overlap >= SAME_SECTION_OVERLAP and f1 >= SAME_SECTION_F1
    return overlap >= BODY_OVERLAP and f1 >= BODY_F1


def _letter_sections(outlined: OutlinedDocument) -> frozenset[int]:
    letters: set[int] = set()
    for index, section in enumerate(outlined.sections):
        parent = section.parent
        if _LETTER_TITLE.search(section.title) or (parent is not None and parent in letters):
            letters.add(index)
    return frozenset(letters)


def _canonical(
    members: list[int],
    statements: tuple[CodedStatement, ...],
    in_recap: list[bool],
    profiles: list[Profile],
) -> CodedStatement:
    """The fullest mention, preferring the body text over recaps."""

    def fullness(i: int) -> tuple[bool, int]:
        return (not in_recap[i], len(profiles[i].tokens))

    return statements[max(members, key=fullness)]


@stage("merge", 3)
def merge(doc: CodedDocument) -> Extraction:
    from versprochen.extraction.pipeline import PIPELINE_VERSION

    clean = doc.outlined.clean
    profiles = [Profile.of(cs.statement.text) for cs in doc.statements]
    blocks = blocks_of(doc)
    in_recap = recap_statements(doc, blocks)
    letters = _letter_sections(doc.outlined)
    groups = [
        members
        for members in group_statements(doc, profiles, blocks, in_recap)
        if not all(doc.statements[m].statement.section in letters for m in members)
    ]
    pledges = []
    for number, members in enumerate(groups, start=1):
        first = doc.statements[members[0]].statement
        canonical = _canonical(members, doc.statements, in_recap, profiles)
        section = first.section
        pledges.append(
            Pledge(
                id=f"p{number:03d}",
                text=canonical.statement.text,
                section=doc.outlined.sections[section].title if section is not None else None,
                section_index=section,
                coding=canonical.coding,
                mentions=tuple(
                    Mention(text=clean.text[s.start : s.end], page=s.page, start=s.start, end=s.end)
                    for s in (doc.statements[m].statement for m in members)
                ),
            )
        )
    return Extraction(
        document=clean.name,
        pipeline=PIPELINE_VERSION,
        format=clean.format,
        sha256=clean.sha256,
        text=clean.text,
        sections=doc.outlined.sections,
        pledges=tuple(pledges),
        page_count=clean.page_count,
    )
