"""How fast the extraction is on the large documents: prints figures, asserts nothing.

Targets (from the issue):
* the 2025 federal coalition agreement (146-page PDF): the whole extraction
  takes at most 3× what raw text extraction with the same PDF library takes;
* one-time start-up (imports, first use of models) stays under 2 s;
* the 2021 federal coalition agreement (440 KB Markdown) takes under 10 s end to
  end on one core, start-up included;
* a text at the limit on a document's text (`read.MAX_TEXT`) is extracted within
  one job's budget (`MAX_JOB`) on one core: the limit is honest. Timed on all
  shared documents in one text (merge's comparisons grow faster than the text
  where sections restate earlier ones, so one document's rate is not enough),
  the time at half and all of its length carried to the limit with the
  exponent of its growth. Rates are seconds per million characters (about a
  MB of German text).

Run: `python benchmarks/extraction_speed.py [PDF] [MARKDOWN]`
"""

from __future__ import annotations

import math
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:  # imported at run time inside the timed start-up
    from versprochen.extraction.types import Extraction

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
PDF = DATA / "pdf" / "koalitionsvertrag-bund-2025.pdf"
MARKDOWN = DATA / "documents" / "koalitionsvertrag-bund-2021.md"
MAX_RATIO = 3.0
MAX_STARTUP = 2.0
MAX_MARKDOWN = 10.0
MAX_JOB = 120.0
RUNS = 5
T = TypeVar("T")
# A few sentences with a pledge, so that every stage's lazy start-up (word
# lists, models) happens before the timed runs.
WARM_UP = b"# Mobilit\xc3\xa4t\n\nWir werden bis 2030 zehn neue Radwege in Herne bauen.\n"


def main() -> None:
    pdf = Path(sys.argv[1]) if len(sys.argv) > 1 else PDF
    markdown = Path(sys.argv[2]) if len(sys.argv) > 2 else MARKDOWN

    started = time.perf_counter()
    import pdf_oxide

    from versprochen.extraction import extract
    from versprochen.extraction.pipeline import STAGES
    from versprochen.extraction.read import MAX_TEXT, load_source

    imported = time.perf_counter() - started
    extract(WARM_UP, filename="warm-up.md")
    startup = time.perf_counter() - started
    first_use = startup - imported
    print(f"start-up: {startup:.2f} s (imports {imported:.2f} s, first use {first_use:.2f} s)")
    verdict("start-up", startup <= MAX_STARTUP, f"limit {MAX_STARTUP:g} s")

    print(f"\n{pdf.name} (best of {RUNS} runs each)")

    def raw_text() -> int:
        document = pdf_oxide.PdfDocument(str(pdf))
        return sum(len(document.extract_text(page)) for page in range(int(document.page_count)))

    raw, characters = best_of(raw_text)
    print(f"  raw text extraction (pdf_oxide extract_text): {raw:.2f} s, {characters} characters")
    whole, result = best_of(lambda: extract(pdf))
    print(f"  end to end (extract): {whole:.2f} s, {len(result.pledges)} pledges")
    stage_times = time_stages(STAGES, load_source(pdf))
    print(f"  read stage: {stage_times['read']:.2f} s ({stage_times['read'] / raw:.2f}× raw)")
    print_stages(stage_times)
    ratio = whole / raw
    print(f"  ratio end to end / raw: {ratio:.2f}")
    verdict("PDF ratio", ratio <= MAX_RATIO, f"limit {MAX_RATIO:g}×")
    print_rate(whole, text_length(result), MAX_TEXT)

    print(f"\n{markdown.name} ({markdown.stat().st_size // 1024} KB)")
    stage_times = time_stages(STAGES, load_source(markdown))
    print_stages(stage_times)
    print_rate(sum(stage_times.values()), text_length_of(markdown), MAX_TEXT)
    cold = one_core_run(markdown)
    print(f"  end to end on one core in a fresh process, start-up included: {cold:.2f} s")
    verdict("Markdown", cold <= MAX_MARKDOWN, f"limit {MAX_MARKDOWN:g} s")

    print(f"\nall shared documents in one text, limit {MAX_TEXT / 1e6:g} million characters")
    text = all_documents()
    half = text[: text.rfind("\n\n", 0, len(text) // 2)]
    points = []
    for part in (half, text):
        seconds = one_run(lambda part=part: extract(part.encode("utf-8"), filename="all.md"))
        points.append((len(part), seconds))
    for size, seconds in points:
        print(f"  {size} characters: {seconds:.2f} s, {seconds / size * 1e6:.2f} s per million")
    (small, t_small), (large, t_large) = points
    growth = math.log(t_large / t_small) / math.log(large / small)
    # Carried to the limit as it grows from half to all, at least linearly.
    at_limit = t_large * (MAX_TEXT / large) ** max(growth, 1.0)
    print(f"  time grows with the text's length to the power {growth:.2f}")
    print(f"  a text at the limit: about {at_limit:.0f} s ({at_limit / 60:.1f} min)")
    verdict("text limit", at_limit <= MAX_JOB, f"one job {MAX_JOB:g} s")


def one_run(run: Callable[[], object]) -> float:
    began = time.perf_counter()
    run()
    return time.perf_counter() - began


def all_documents() -> str:
    """Every shared program and agreement as one Markdown text (about 2.5 million characters)."""
    paths = sorted((DATA / "documents").glob("*.*")) + sorted((DATA / "seeds").glob("*.*"))
    paths += sorted((DATA / "pdf").glob("*.reference.*"))
    texts = [p.read_text(encoding="utf-8") for p in paths if p.name != "PROVENANCE.md"]
    return "\n\n".join(texts)


def best_of(run: Callable[[], T]) -> tuple[float, T]:
    """The shortest of `RUNS` timings: other work on a shared machine only adds time."""
    times = []
    for _ in range(RUNS):
        began = time.perf_counter()
        value = run()
        times.append(time.perf_counter() - began)
    return min(times), value


def time_stages(stages: tuple[object, ...], source: object) -> dict[str, float]:
    """Each stage's own time, run one after the other as `extract` runs them."""
    from versprochen.extraction.pipeline import forget_texts

    # As `extract` does: no statement's tokens left over from an earlier run.
    forget_texts()
    times: dict[str, float] = {}
    value = source
    for step in stages:
        began = time.perf_counter()
        value = step(value)  # type: ignore[operator]
        times[step.name] = time.perf_counter() - began  # type: ignore[attr-defined]
    return times


def print_stages(times: dict[str, float]) -> None:
    total = sum(times.values())
    print("  per stage: " + ", ".join(f"{name} {seconds:.2f}" for name, seconds in times.items()))
    print(f"  sum of stages: {total:.2f} s")


def one_core_run(path: Path) -> float:
    """Seconds for a new interpreter, pinned to one core, to extract `path`."""
    code = "from versprochen.extraction import extract; import sys; extract(sys.argv[1])"
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    core = min(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None

    def pin() -> None:
        if core is not None:
            os.sched_setaffinity(0, {core})

    began = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, str(path)], check=True, env=env, preexec_fn=pin)
    return time.perf_counter() - began


def text_length(extraction: Extraction) -> int:
    """Characters of the cleaned text the stages after `read` worked on."""
    return len(extraction.text)


def text_length_of(path: Path) -> int:
    return len(path.read_text(encoding="utf-8"))


def print_rate(seconds: float, characters: int, limit: int) -> None:
    """Print the seconds per million characters of text, and that rate times the limit."""
    rate = seconds / characters * 1e6
    print(
        f"  rate: {rate:.2f} s per million characters ({characters} characters);"
        f" {rate * limit / 1e6:.0f} s for the {limit / 1e6:g} million character limit at it"
    )


def verdict(what: str, ok: bool, limit: str) -> None:
    print(f"  -> {what}: {'OK' if ok else 'TOO SLOW'} ({limit})")


if __name__ == "__main__":
    main()
