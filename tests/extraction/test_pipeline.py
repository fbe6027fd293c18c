"""The whole pipeline on every real document: no crash, sane counts, nothing empty or twice."""

import gc
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import SHARED_DATA
from versprochen.extraction import PIPELINE_VERSION, STAGES, extract
from versprochen.extraction.errors import InputError

DOCUMENTS = sorted(
    p
    for folder in ("seeds", "documents", "pdf")
    for p in (SHARED_DATA / folder).glob("*")
    if p.suffix in {".md", ".txt", ".pdf"}
    and ".reference." not in p.name
    and p.stem not in {"PROVENANCE", "README"}
)


def test_the_pipeline_lists_every_stage_once_in_order() -> None:
    assert [s.name for s in STAGES] == [
        "read",
        "clean",
        "outline",
        "segment",
        "detect",
        "split",
        "code",
        "merge",
    ]
    for stage in STAGES:
        assert stage.label in PIPELINE_VERSION


@pytest.mark.slow
@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_every_real_document_extracts_cleanly(path: Path) -> None:
    result = extract(path)
    assert result.pipeline == PIPELINE_VERSION
    size_kb = path.stat().st_size / 1000
    # Sane counts: at least one pledge per 2 KB of text, and not one per 80 bytes.
    assert len(result.pledges) >= min(20, size_kb / 2), len(result.pledges)
    assert len(result.pledges) <= size_kb * 12
    texts = [p.text for p in result.pledges]
    assert all(t.strip() for t in texts)
    duplicated = [t for t, n in Counter(texts).items() if n > 1]
    assert not duplicated
    assert len(result.sections) >= 3
    for pledge in result.pledges:
        assert pledge.mentions
        for mention in pledge.mentions:
            assert result.text[mention.start : mention.end] == mention.text
            assert 1 <= mention.page <= result.page_count


@pytest.mark.slow
def test_extraction_from_bytes_equals_extraction_from_a_path() -> None:
    path = SHARED_DATA / "seeds" / "herne-2030-eckpunktevereinbarung.md"
    assert extract(path.read_bytes(), filename=path.name) == extract(path)


def test_extraction_leaves_the_cycle_collector_as_it_found_it() -> None:
    assert gc.isenabled()
    extract(b"# Umwelt\n\nWir pflanzen bis 2030 tausend Baeume.\n", filename="t.md")
    assert gc.isenabled()
    with pytest.raises(InputError):
        extract(b"%PDF-1.4 broken", filename="t.pdf")
    assert gc.isenabled()
