"""How the extraction's time grows with its input: prints the exponent, asserts nothing.

Every stage should be linear in the size of its input (exponent ≈ 1). For a
few kinds of synthetic text that once made a stage quadratic, the whole
extraction is timed at growing sizes, and the exponent of time against size
is fitted on a log-log scale (least squares over the sizes):

* ordinary prose: sentences with full stops, paragraphs, lists;
* one hyphenated word per line ("Wir wer-" lines, joined by the line joiner);
* one sentence without a full stop, its clauses joined by commas and "und";
* a list of bullets, each a short demand.

Run: `.venv/bin/python benchmarks/extraction_scaling.py [--max-kb 200]`
"""

from __future__ import annotations

import argparse
import math
import time
from collections.abc import Callable

from versprochen.extraction import extract

PROSE = (
    "Wir wollen die Radwege in allen Stadtteilen ausbauen. Die Busse sollen öfter fahren, "
    "auch am Abend. Für Familien schaffen wir mehr Plätze in den Kitas.\n\n"
)
BULLETS = "- mehr Bänke auf den Plätzen der Innenstadt\n"


def prose(size: int) -> str:
    body = "# Programm\n\n" + PROSE * (size // len(PROSE) + 1)
    return body[:size]


def hyphenated_lines(size: int) -> str:
    return ("Wir wer-\n" * (size // 9 + 1))[:size]


def one_sentence(size: int) -> str:
    clause = "die Radwege ausbauen und die Busse verbessern sowie Ausbau der Schulen, "
    return "Wir wollen " + clause * (size // len(clause) + 1)


def bullets(size: int) -> str:
    return "Wir fordern:\n\n" + BULLETS * (size // len(BULLETS) + 1)


def long_toc(size: int) -> str:
    """A table of contents as long as the text, none of whose titles the text shows."""
    count = size // 160 + 1
    toc = "\n".join(f"Kapitel {i} Thema ........ {i % 99 + 1}" for i in range(count))
    body = "\n\n".join(f"Wir bauen in Ort {i} eine Schule bis 2030." for i in range(count))
    return f"Inhalt\n\n{toc}\n\n{body}\n"[:size]


INPUTS: dict[str, Callable[[int], str]] = {
    "ordinary prose": prose,
    "'Wir wer-' lines": hyphenated_lines,
    "one sentence, no full stop": one_sentence,
    "bullet list": bullets,
    "TOC of unseen titles": long_toc,
}


def seconds(text: str) -> float:
    data = text.encode("utf-8")
    start = time.perf_counter()
    extract(data, filename="synthetic.md")
    return time.perf_counter() - start


def exponent(points: list[tuple[int, float]]) -> float:
    """Slope of log(time) against log(size), least squares."""
    xs = [math.log(size) for size, _ in points]
    ys = [math.log(max(t, 1e-6)) for _, t in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-kb", type=int, default=200, help="largest input (KB)")
    args = parser.parse_args()
    sizes = [kb * 1000 for kb in (25, 50, 100, 200, 400, 800) if kb <= args.max_kb]
    extract(prose(2000).encode(), filename="warm-up.md")
    print(f"{'input':<30}" + "".join(f"{s // 1000:>8} KB" for s in sizes) + "  exponent")
    for label, make in INPUTS.items():
        points = [(size, seconds(make(size))) for size in sizes]
        times = "".join(f"{t:>9.2f}s" for _, t in points)
        print(f"{label:<30}{times}  {exponent(points):6.2f}")
    print("target: every exponent about 1 (linear); 2 means doubling the input quadruples the time")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
