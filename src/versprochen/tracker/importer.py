"""Store an extraction as a document with sections, pledges and mentions.

The caller owns the transaction (`versprochen import` wraps `store_extraction`
in one); nothing here commits. A new version of a document keeps every pledge
that is still there, matched by the text the extraction found, with its
assessments; pledges that are gone stay in the database with `current=False`.
Editors' corrections survive: corrected fields keep the editor's value, a pledge
marked as not a pledge stays out of the lists, a merged one's mentions go to the
pledge it was merged into (which stays while any text merged into it is there),
and pledges editors added or split off keep their place when their text (or one
at least as similar as a changed pledge) is found in the new version; when it is
not, they are kept and reported, never lost.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.utils.text import slugify
from rapidfuzz import fuzz

from versprochen.extraction.types import Extraction
from versprochen.extraction.types import Pledge as ExtractedPledge
from versprochen.tracker.models import (
    Actor,
    Assessment,
    Body,
    Document,
    Mention,
    Pledge,
    PledgePlace,
    Section,
    SourceFile,
)
from versprochen.tracker.spans import locate_similar, page_at, renumber, section_at
from versprochen.tracker.tally import refresh_tally
from versprochen.tracker.vocabulary import AssessmentState, DocumentKind, Exclusion, PledgeOrigin

# Two texts at least this similar (rapidfuzz ratio, 0-100) are the same pledge, changed.
CHANGED_PLEDGE_SIMILARITY = 85.0

Progress = Callable[[int], None]
MAX_NAME = 200  # Body.name, Actor.name
MAX_TITLE = 300  # Document.title


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What the importer is told about a document (the command's options)."""

    body: str
    kind: str
    authors: tuple[str, ...]
    term_start: int | None = None
    term_end: int | None = None
    date: dt.date | None = None
    title: str = ""

    def __post_init__(self) -> None:
        if not self.body.strip():
            raise ValueError("--body: must not be empty")
        if len(self.body.strip()) > MAX_NAME:
            raise ValueError(f"--body: longer than {MAX_NAME} characters")
        for author in self.authors:
            if len(author.strip()) > MAX_NAME:
                raise ValueError(
                    f"--authors: {author[:40]!r}… is longer than {MAX_NAME} characters"
                )
        if len(self.title.strip()) > MAX_TITLE:
            raise ValueError(f"--title: longer than {MAX_TITLE} characters")
        if self.kind not in DocumentKind.values:
            raise ValueError(
                f"--kind: {self.kind!r} is not one of {', '.join(DocumentKind.values)}"
            )
        if not self.authors:
            raise ValueError("--authors: name at least one author")
        if (
            self.term_start is not None
            and self.term_end is not None
            and self.term_end < self.term_start
        ):
            raise ValueError(f"--term: ends ({self.term_end}) before it starts")

    @property
    def identity(self) -> str:
        authors = ",".join(sorted(slugify(a) for a in self.authors))
        return f"{slugify(self.body)}|{self.kind}|{authors}|{self.term_start}-{self.term_end}"


def parse_term(value: str) -> tuple[int, int]:
    """'2025-2030' (or with an en dash) → (2025, 2030)."""
    match = re.fullmatch(r"\s*(\d{4})\s*[-–/]\s*(\d{4})\s*", value)
    if not match:
        raise ValueError(f"--term: {value!r} is not a term like 2025-2030")
    start, end = int(match[1]), int(match[2])
    if end < start:
        raise ValueError(f"--term: {value!r} ends before it starts")
    return start, end


def parse_authors(value: str) -> tuple[str, ...]:
    authors = tuple(a.strip() for a in value.split(",") if a.strip())
    if not authors:
        raise ValueError("--authors: name at least one author")
    return authors


@dataclass(slots=True)
class ImportReport:
    document: Document
    version: int
    unchanged: bool = False
    new: list[str] = field(default_factory=list)
    changed: list[tuple[str, str]] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)
    # Gone pledges that carried a published assessment: (text, status).
    gone_assessed: list[tuple[str, str]] = field(default_factory=list)
    kept: int = 0
    notes: list[str] = field(default_factory=list)
    # Pledges editors made (split off, added) whose text this version lacks: kept.
    unplaced: list[str] = field(default_factory=list)

    def summary(self) -> str:
        if self.unchanged:
            return (
                f"{self.document.title}: unchanged (these bytes are version {self.version}); "
                "nothing imported"
            )
        assessed = (
            f" ({len(self.gone_assessed)} of them with a published assessment)"
            if self.gone_assessed
            else ""
        )
        unplaced = (
            f"; {len(self.unplaced)} editors' pledge(s) not found in this version "
            "(kept, please check)"
            if self.unplaced
            else ""
        )
        return (
            f"{self.document.title}: version {self.version} — {self.kept} pledges kept, "
            f"{len(self.new)} new, {len(self.changed)} changed, {len(self.gone)} gone"
            f"{assessed}{unplaced}"
        )


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def find_existing(info: DocumentInfo, sha256: str) -> ImportReport | None:
    """The report for bytes that are already the document's current version, or None.

    Bytes of an earlier version are not "unchanged": importing them again makes them
    the current version once more (a new version, see `store_extraction`)."""
    document = Document.objects.filter(identity=info.identity).select_related("source").first()
    if document is None or document.source is None or document.source.sha256 != sha256:
        return None
    return ImportReport(document=document, version=document.source.version, unchanged=True)


def _normal(text: str) -> str:
    return " ".join(text.casefold().split())


def _unique_slug(base: str) -> str:
    slug = slugify(base)[:180] or "dokument"
    candidate, n = slug, 1
    while Document.objects.filter(slug=candidate).exists():
        n += 1
        candidate = f"{slug}-{n}"
    return candidate


def _default_title(info: DocumentInfo) -> str:
    kind = {"program": "Programm", "coalition_agreement": "Koalitionsvertrag"}.get(
        info.kind, "Dokument"
    )
    term = f" {info.term_start}–{info.term_end}" if info.term_start else ""
    return f"{kind} {', '.join(info.authors)}{term}"


Named = TypeVar("Named", Body, Actor)


def named(model: type[Named], name: str, notes: list[str] | None = None) -> Named:
    """The body or actor called `name`, or written alike (the same slug: "stadt herne",
    "Stadt Herne"; "Stadt Munster", "Stadt Münster"), else a new one. Documents are told
    apart by these slugs (`DocumentInfo.identity`), so bodies and actors are too."""
    name = " ".join(name.split())
    found = model.objects.filter(name=name).first()
    if found is not None:
        return found
    base = slugify(name)[:MAX_NAME]
    if not base:  # nothing Latin in the name: a slug of its own
        base = f"{model.__name__.lower()}-{hashlib.sha256(name.encode()).hexdigest()[:10]}"
    found = model.objects.filter(slug=base).first()
    if found is not None:
        if notes is not None:
            notes.append(f"{name!r} is {found.name!r} (written alike), used as such")
        return found
    return model.objects.create(name=name, slug=base)


def _document_for(info: DocumentInfo, notes: list[str] | None = None) -> Document:
    body = named(Body, info.body, notes)
    document = Document.objects.filter(identity=info.identity).first()
    # A new version keeps the document's title unless a new one is given.
    title = info.title.strip() or (document.title if document else _default_title(info))
    if document is None:
        document = Document(
            identity=info.identity,
            slug=_unique_slug(f"{info.body} {title}"),
            body=body,
        )
    document.title = title
    document.kind = info.kind
    document.term_start = info.term_start
    document.term_end = info.term_end
    # A new version keeps the document's date unless a new one is given.
    document.date = info.date or document.date
    document.save()
    actors = []
    for name in info.authors:
        actor = named(Actor, name, notes)
        if actor not in actors:
            actors.append(actor)
    document.authors.set(actors)
    return document


def _match(
    old: Sequence[Pledge], new: Sequence[ExtractedPledge]
) -> tuple[dict[int, Pledge], dict[int, Pledge], list[Pledge]]:
    """Pair new pledges (by index) with old ones: same text, similar text, and the gone."""
    by_text: dict[str, list[Pledge]] = {}
    for pledge in old:
        by_text.setdefault(_normal(pledge.extracted_text or pledge.text), []).append(pledge)
    same: dict[int, Pledge] = {}
    for i, extracted in enumerate(new):
        candidates = by_text.get(_normal(extracted.text))
        if candidates:
            same[i] = candidates.pop(0)
    left = [p for group in by_text.values() for p in group]
    scored = []
    for i, extracted in enumerate(new):
        if i in same:
            continue
        for pledge in left:
            score = fuzz.ratio(
                _normal(extracted.text), _normal(pledge.extracted_text or pledge.text)
            )
            if score >= CHANGED_PLEDGE_SIMILARITY:
                scored.append((score, i, pledge.pk, pledge))
    scored.sort(key=lambda row: (-row[0], row[1], row[2]))
    changed: dict[int, Pledge] = {}
    used: set[int] = set()
    for _score, i, pk, pledge in scored:
        if i in changed or pk in used:
            continue
        changed[i] = pledge
        used.add(pk)
    gone = [p for p in left if p.pk not in used]
    return same, changed, gone


T = TypeVar("T")
# PostgreSQL's text columns refuse NUL; a space keeps every offset (mention spans) valid.
_NUL_FREE = str.maketrans({"\x00": " "})


def without_nul(value: T) -> T:
    """`value` (an extraction, or any of its parts) with every NUL character in its texts
    replaced by a space: a file may contain them, no database text column takes them.
    Parts without NUL are returned as they are (the same objects)."""
    out: Any = value
    if isinstance(value, str):
        if "\x00" in value:
            out = value.translate(_NUL_FREE)
    elif isinstance(value, tuple | list):
        items = [without_nul(v) for v in value]
        if any(a is not b for a, b in zip(items, value, strict=True)):
            out = type(value)(items)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for f in dataclasses.fields(value):
            before = getattr(value, f.name)
            after = without_nul(before)
            if after is not before:
                changes[f.name] = after
        if changes:
            out = dataclasses.replace(value, **changes)
    return out  # type: ignore[no-any-return]


def store_extraction(
    info: DocumentInfo,
    filename: str,
    data: bytes,
    extraction: Extraction,
    progress: Progress | None = None,
    *,
    again: bool = False,
) -> ImportReport:
    """Write `extraction` of `data` as the newest version of the document `info` names.

    Bytes that are the current version already change nothing, unless `again`: then
    they are a new version extracted anew (`versprochen reextract`)."""
    if not again:
        existing = find_existing(info, sha256_of(data))
        if existing is not None:
            return existing
    extraction = without_nul(extraction)
    notes: list[str] = []
    document = _document_for(info, notes)
    version = (document.sources.count() or 0) + 1
    earlier = document.sources.filter(sha256=sha256_of(data)).order_by("-version").first()
    if again and earlier is not None:
        notes.append(
            f"version {earlier.version} extracted again ({earlier.pipeline} → "
            f"{extraction.pipeline}) as version {version}"
        )
    elif earlier is not None:
        notes.append(
            f"these bytes are version {earlier.version} again: restored as version {version}"
        )
    source = SourceFile.objects.create(
        document=document,
        version=version,
        filename=filename,
        data=data,
        sha256=sha256_of(data),
        size=len(data),
        pipeline=extraction.pipeline,
    )
    document.source = source
    document.text = extraction.text
    document.format = extraction.format
    document.pipeline = extraction.pipeline
    document.page_count = extraction.page_count
    document.save()

    # Where each listed pledge stood, before the old outline goes: a gone one keeps it.
    section_of = dict(
        Pledge.objects.filter(document=document, gone_in=None, section__isnull=False).values_list(
            "pk", "section__title"
        )
    )
    Section.objects.filter(document=document).delete()
    sections: list[Section] = []
    for index, s in enumerate(extraction.sections):
        sections.append(
            Section.objects.create(
                document=document,
                index=index,
                title=s.title[:500],
                level=s.level,
                page=s.page,
                start=s.start,
                parent=sections[s.parent] if s.parent is not None else None,
                restored=s.restored,
            )
        )

    # Pledges of the extraction, also those editors took out of the lists (they must
    # not come back as new); pledges editors made are carried over by their text.
    old = list(
        Pledge.objects.filter(
            document=document, gone_in=None, origin=PledgeOrigin.EXTRACTION
        ).order_by("number")
    )
    made = {
        pledge: list(pledge.mentions.order_by("start").values_list("text", flat=True))
        for pledge in Pledge.objects.filter(document=document, gone_in=None).exclude(
            origin=PledgeOrigin.EXTRACTION
        )
    }
    same, changed, gone = _match(old, extraction.pledges)
    # Editors' pledges are placed by their mentions' texts, with the similarity that
    # matches extracted pledges. One that cannot be placed is never lost: it stays
    # (without a mention in this version) and is reported for an editor to check.
    carried: dict[Pledge, list[tuple[int, int]]] = {}
    unplaced: list[Pledge] = []
    for editors, texts in made.items():
        found = (locate_similar(document.text, t, CHANGED_PLEDGE_SIMILARITY) for t in texts)
        spans = sorted({span for span in found if span is not None})
        if spans:
            carried[editors] = spans
        elif editors.excluded:
            gone.append(editors)
        else:
            unplaced.append(editors)
    # A pledge others were merged into stays while any text merged into it is still
    # there (here or in another document): it holds their mentions from now on.
    held = _holders([*same.values(), *changed.values(), *carried], document)
    kept_by_merge = [p for p in gone if not p.excluded and p.pk in held]
    gone = [p for p in gone if p not in kept_by_merge]
    report = ImportReport(document=document, version=version, notes=notes)
    # The mentions are rewritten, except those of gone pledges (of this import and
    # earlier ones): they keep showing where the pledge stood in the version before.
    Mention.objects.filter(document=document, pledge__gone_in=None).exclude(
        pledge__in=[p.pk for p in gone]
    ).delete()
    for i, extracted in enumerate(extraction.pledges):
        pledge = same.get(i) or changed.get(i)
        if pledge is None:
            pledge = Pledge(document=document, body=document.body)
            report.new.append(extracted.text)
        elif i in changed:
            report.changed.append((pledge.extracted_text or pledge.text, extracted.text))
        else:
            report.kept += 1
        _update(pledge, extracted, i + 1, sections, extraction.pipeline)
        holder = _mention_holder(pledge)
        Mention.objects.bulk_create(
            Mention(
                pledge=holder,
                document=document,
                text=m.text,
                page=m.page,
                start=m.start,
                end=m.end,
            )
            for m in extracted.mentions
        )
        if progress is not None:
            progress(1)
    for editors, spans in carried.items():
        _carry_over(editors, spans, document)
    for pledge in kept_by_merge:
        first = pledge.mentions.filter(document=document).order_by("start").first()
        pledge.section = section_at(document, first.start) if first else None
        pledge.save(update_fields=["section"])
        notes.append(
            f"kept (its own text is gone, a text merged into it is still there): {pledge.text}"
        )
    for pledge in unplaced:
        pledge.section = None
        pledge.save(update_fields=["section"])
        report.unplaced.append(pledge.text)
        notes.append(
            f"an editors' pledge whose text is not in this version (kept, please check "
            f"/redaktion/versprechen/{pledge.pk}/): {pledge.text}"
        )
    assessed = set(
        Assessment.objects.filter(
            pledge__in=[p.pk for p in gone], state=AssessmentState.PUBLISHED
        ).values_list("pledge_id", flat=True)
    )
    for pledge in gone:
        pledge.current = False
        pledge.gone_in = source
        pledge.gone_section = section_of.get(pledge.pk)
        pledge.save(update_fields=["current", "gone_in", "gone_section"])
        report.gone.append(pledge.text)
        if pledge.pk in assessed:
            report.gone_assessed.append((pledge.text, pledge.status))
    _drop_targets_left_without_text(gone, document, report)
    renumber(document)
    refresh_tally(document)
    return report


def _holders(present: Sequence[Pledge], document: Document) -> set[int]:
    """The pledges that hold the mentions of `present` (the pledges of `document` found
    in its new version) or of merged pledges of other documents that are still there."""
    merged_elsewhere = Pledge.objects.filter(
        body=document.body_id, excluded=Exclusion.MERGED, gone_in=None
    ).exclude(document=document)
    return {_mention_holder(p).pk for p in [*present, *merged_elsewhere]}


def _drop_targets_left_without_text(
    gone: Sequence[Pledge], document: Document, report: ImportReport
) -> None:
    """A pledge of another document that was kept only by a text merged into it from
    this document, which is now gone, has no mention left: it is gone as well (in its
    own document's current version, which does not hold its text either)."""
    for merged in gone:
        if merged.excluded != Exclusion.MERGED:
            continue
        target = _mention_holder(merged)
        if (
            target.document_id == document.pk
            or target.excluded
            or target.gone_in_id is not None
            or target.mentions.exists()
        ):
            continue
        target.current = False
        target.gone_in = target.document.source
        target.gone_section = target.section.title if target.section else None
        target.save(update_fields=["current", "gone_in", "gone_section"])
        report.notes.append(
            f"gone as well (the text merged into it from this document is gone): {target.text}"
        )
        renumber(target.document)
        refresh_tally(target.document)


def _update(
    pledge: Pledge,
    extracted: ExtractedPledge,
    number: int,
    sections: Sequence[Section],
    pipeline: str,
) -> None:
    """Write the extraction's values into `pledge`, except those an editor corrected."""
    coding = extracted.coding
    values: dict[str, object] = {
        "text": extracted.text,
        "area": coding.area,
        "cap": coding.cap,
        "kind": coding.kind,
        "testable": coding.testable,
        "quantities": list(coding.quantities),
        "places": list(coding.places),
    }
    corrected = set(pledge.corrected or [])
    for name, value in values.items():
        if name not in corrected:
            setattr(pledge, name, value)
    pledge.extracted_text = extracted.text
    pledge.number = number
    pledge.section = (
        sections[extracted.section_index] if extracted.section_index is not None else None
    )
    pledge.pipeline = pipeline
    pledge.current = not pledge.excluded
    pledge.save()
    _refresh_places(pledge)


def _refresh_places(pledge: Pledge) -> None:
    PledgePlace.objects.filter(pledge=pledge).delete()
    PledgePlace.objects.bulk_create(
        PledgePlace(pledge=pledge, key=key) for key in place_keys(pledge.places)
    )


def _mention_holder(pledge: Pledge) -> Pledge:
    """The pledge a mention belongs to: a merged pledge's mentions go to where it was merged."""
    seen = {pledge.pk}
    while pledge.excluded == Exclusion.MERGED and pledge.merged_into_id is not None:
        target = Pledge.objects.get(pk=pledge.merged_into_id)
        if target.pk in seen:
            break
        seen.add(target.pk)
        pledge = target
    return pledge


def _carry_over(pledge: Pledge, spans: Sequence[tuple[int, int]], document: Document) -> None:
    """Give an editor-made pledge its mentions at `spans` of the new text."""
    for start, end in spans:
        Mention.objects.create(
            pledge=_mention_holder(pledge),
            document=document,
            text=document.text[start:end],
            page=page_at(document, start),
            start=start,
            end=end,
        )
    pledge.section = section_at(document, spans[0][0])
    pledge.save(update_fields=["section"])


def place_keys(places: Sequence[str]) -> list[str]:
    """The distinct case-folded places, as the place filter looks them up."""
    return sorted({" ".join(p.casefold().split())[:200] for p in places if p.strip()})
