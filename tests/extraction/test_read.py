"""The read stage: PDF, Markdown and text to lines with pages, sizes and weights."""

from __future__ import annotations

import bisect
import hashlib
import os
import re
from collections import Counter
from pathlib import Path

import pytest

from tests.extraction.pdfs import serialize
from versprochen.extraction import pdf
from versprochen.extraction.read import load_source, read
from versprochen.extraction.types import RawDocument, RawLine, Source

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
PDFS = DATA / "pdf"

# One drawn text: x, y (baseline, from the page's bottom), font size, font
# (0 regular, 1 bold), text.
Text = tuple[float, float, float, int, str]


def make_pdf(pages: list[list[Text]], *, runs: list[bytes] | None = None) -> bytes:
    """A PDF of A4 pages with the given texts in Helvetica, drawn in list order.

    `runs` are raw text operators for the first page, drawn after its texts
    (for glyphs that follow on without a gap: "/F1 10 Tf (a) Tj /F0 10 Tf (b) Tj").
    """
    objects: list[bytes] = [
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"",  # the page tree, written once its kids are known
    ]
    kids = []
    for texts in pages:
        ops = []
        for x, y, size, font, text in texts:
            literal = text.encode("cp1252").replace(b"\\", b"\\\\")
            literal = literal.replace(b"(", b"\\(").replace(b")", b"\\)")
            ops.append(b"BT /F%d %g Tf %g %g Td (%s) Tj ET" % (font, size, x, y, literal))
        if runs and not kids:
            ops.extend(runs)
        stream = b"\n".join(ops)
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(
            b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F0 1 0 R /F1 2 0 R >> >> /Contents %d 0 R >>" % len(objects)
        )
        kids.append(b"%d 0 R" % len(objects))
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    objects.append(b"<< /Type /Catalog /Pages 3 0 R >>")
    return serialize(objects)


def read_bytes(data: bytes, name: str) -> RawDocument:
    return read(Source(name=name, data=data))


def texts(document: RawDocument) -> list[str]:
    return [line.text for line in document.lines]


# --- text and Markdown --------------------------------------------------------


def test_utf8_text_keeps_lines_and_blank_lines() -> None:
    data = "Wir bauen Radwege.\n\nDie Kita-Gebühren sinken.\n".encode()
    document = read_bytes(data, "programm.txt")
    assert document.format == "text"
    assert document.encoding == "utf-8"
    assert document.sha256 == hashlib.sha256(data).hexdigest()
    assert document.page_count == 1
    assert document.lines == (
        RawLine("Wir bauen Radwege.", 1),
        RawLine("", 1),
        RawLine("Die Kita-Gebühren sinken.", 1),
    )


def test_utf8_with_bom_drops_the_bom() -> None:
    document = read_bytes(b"\xef\xbb\xbf# Mobilit\xc3\xa4t\n", "programm.md")
    assert texts(document) == ["# Mobilität"]
    assert document.encoding == "utf-8-sig"


def test_utf16_with_bom() -> None:
    document = read_bytes("Straßenbahn für Köln\n".encode("utf-16"), "programm.txt")
    assert texts(document) == ["Straßenbahn für Köln"]
    assert document.encoding == "utf-16"


def test_cp1252_text_keeps_euro_and_quotes() -> None:
    text = "Das Ticket kostet 29 € – „für alle“.\nÄrzte für Düsseldorf.\n"
    document = read_bytes(text.encode("cp1252"), "programm.txt")
    assert texts(document) == ["Das Ticket kostet 29 € – „für alle“.", "Ärzte für Düsseldorf."]
    assert document.encoding == "cp1252"


def test_a_one_line_latin1_file_is_read_as_latin1(tmp_path: Path) -> None:
    path = tmp_path / "kurz.txt"
    path.write_bytes("Keine höheren Gebühren für Kitas\n".encode("latin-1"))
    document = read(load_source(path))
    assert texts(document) == ["Keine höheren Gebühren für Kitas"]
    assert document.encoding == "cp1252"


def test_a_dos_code_page_is_detected_where_windows_1252_cannot_decode() -> None:
    # cp850's "ü" is 0x81, which Windows-1252 leaves undefined.
    document = read_bytes("Grüße aus Köln\n".encode("cp850"), "programm.txt")
    assert texts(document) == ["Grüße aus Köln"]


def test_a_stray_byte_in_utf8_text_is_replaced_with_a_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    text = ("Wir wollen die Gebühren für Kitas senken.\n" * 700).encode()
    data = text[:14000] + b"\xff" + text[14000:]
    document = read_bytes(data, "programm.txt")
    joined = "\n".join(texts(document))
    assert joined.count("\ufffd") == 1
    assert joined.count("Gebühren") == 700
    assert document.encoding == "utf-8 (1 invalid byte replaced)"
    assert "programm.txt: 1 invalid UTF-8 byte replaced" in caplog.text


def test_latin1_text_is_not_taken_for_damaged_utf8() -> None:
    text = "Gebühren für Straßen. " * 50
    document = read_bytes(text.encode("latin-1"), "programm.txt")
    assert document.encoding == "cp1252"
    assert "\ufffd" not in texts(document)[0]


def test_line_ends_are_normalised() -> None:
    document = read_bytes(b"eins\r\nzwei\rdrei\n\r\nvier", "a.txt")
    assert texts(document) == ["eins", "zwei", "drei", "", "vier"]


def test_whitespace_only_line_is_a_paragraph_break() -> None:
    document = read_bytes(b"eins\n   \t\nzwei\n", "a.txt")
    assert texts(document) == ["eins", "", "zwei"]


def test_text_keeps_indentation_and_trailing_spaces() -> None:
    document = read_bytes(b"  - Punkt eins  \n", "a.md")
    assert texts(document) == ["  - Punkt eins  "]


def test_form_feed_starts_a_new_page() -> None:
    document = read_bytes(b"Seite eins\n1\n\fSeite zwei\n2\n\f", "pdftotext.txt")
    assert document.page_count == 2
    assert [(line.text, line.page) for line in document.lines] == [
        ("Seite eins", 1),
        ("1", 1),
        ("Seite zwei", 2),
        ("2", 2),
    ]


def test_page_marker_lines_are_page_breaks_not_text() -> None:
    data = (
        b"\n\n===== [Seite 1] =====\nWahlprogramm 2026\n\n\n===== [Seite 2] =====\n"
        b"Wir sanieren die Turnhalle.\n\n\n===== [Seite 3] =====\nKontakt\n"
    )
    document = read_bytes(data, "programm.txt")
    assert document.page_count == 3
    assert [(line.text, line.page) for line in document.lines if line.text] == [
        ("Wahlprogramm 2026", 1),
        ("Wir sanieren die Turnhalle.", 2),
        ("Kontakt", 3),
    ]


def test_page_markers_keep_their_numbers_and_the_text_before_them() -> None:
    data = b"Vorwort\n=== [Page 7] ===\nText\n  ===== [SEITE 8] =====  \nMehr\n"
    document = read_bytes(data, "auszug.md")
    assert [(line.text, line.page) for line in document.lines] == [
        ("Vorwort", 6),
        ("Text", 7),
        ("Mehr", 8),
    ]
    assert document.page_count == 8


def test_a_marker_inside_a_line_or_without_its_brackets_is_text() -> None:
    data = b"Siehe ===== [Seite 2] ===== oben\n===== Seite 3 =====\n"
    document = read_bytes(data, "a.txt")
    assert document.page_count == 1
    assert texts(document) == ["Siehe ===== [Seite 2] ===== oben", "===== Seite 3 ====="]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.md", "markdown"),
        ("a.markdown", "markdown"),
        ("A.MD", "markdown"),
        ("a.txt", "text"),
        ("a.text", "text"),
        ("README", "text"),
    ],
)
def test_format_from_extension(name: str, expected: str) -> None:
    assert read_bytes(b"# Titel\n", name).format == expected


def test_bytes_without_extension_that_start_like_a_pdf_are_read_as_pdf() -> None:
    document = read_bytes(make_pdf([[(72, 770, 11, 0, "Ohne Endung")]]), "upload")
    assert document.format == "pdf"
    assert texts(document) == ["Ohne Endung"]


def test_load_source_reads_the_file_and_names_it(tmp_path: Path) -> None:
    path = tmp_path / "programm.md"
    path.write_bytes(b"# Titel\n")
    assert load_source(path) == Source(name="programm.md", data=b"# Titel\n")
    assert load_source(path, name="other.md").name == "other.md"


# --- PDF ---------------------------------------------------------------------


def test_pdf_lines_with_pages_sizes_and_weights() -> None:
    data = make_pdf(
        [
            [
                (72, 770, 18, 1, "Mobilität"),
                (72, 740, 11, 0, "Wir fördern die E-"),
                (72, 726, 11, 0, "Mobilität in Köln."),
                (72, 712, 11, 0, "Der Bus fährt öfter."),
                (300, 40, 9, 0, "1"),
            ],
            [(72, 770, 11, 0, "Zweite Seite."), (300, 40, 9, 0, "2")],
        ]
    )
    document = read_bytes(data, "programm.pdf")
    assert document.format == "pdf"
    assert document.page_count == 2
    assert document.encoding is None
    assert document.lines == (
        RawLine("Mobilität", 1, 18.0, True),
        RawLine("", 1),
        RawLine("Wir fördern die E-", 1, 11.0, False),
        RawLine("Mobilität in Köln.", 1, 11.0, False),
        RawLine("Der Bus fährt öfter.", 1, 11.0, False),
        RawLine("", 1),
        RawLine("1", 1, 9.0, False),
        RawLine("", 2),
        RawLine("Zweite Seite.", 2, 11.0, False),
        RawLine("", 2),
        RawLine("2", 2, 9.0, False),
    )


def test_pdf_paragraph_break_only_for_a_wider_gap() -> None:
    lines = [(72.0, 770.0 - 14 * i, 11.0, 0, f"Zeile {i}") for i in range(6)]
    lines.append((72, 770 - 14 * 5 - 20, 11, 0, "Neuer Absatz"))
    document = read_bytes(make_pdf([lines]), "a.pdf")
    assert texts(document) == [f"Zeile {i}" for i in range(6)] + ["", "Neuer Absatz"]


def test_pdf_words_drawn_out_of_order_come_out_in_visual_order() -> None:
    # Like the SPD program 2025: the line is drawn with a hole that is filled later.
    data = make_pdf(
        [
            [
                (72, 770, 10, 0, "Es geht um viel bei dieser"),
                (230, 770, 10, 0, "Wir leben in"),
                (200, 770, 10, 0, "Wahl."),
            ]
        ]
    )
    assert texts(read_bytes(data, "a.pdf")) == ["Es geht um viel bei dieser Wahl. Wir leben in"]


def test_pdf_margin_line_numbers_stay_on_their_line() -> None:
    body = [(85.0, 700.0 - 20 * i, 11.0, 0, f"Text der Zeile {i} des Vertrags.") for i in range(8)]
    numbers = [(50.0, 700.0 - 20 * i, 9.0, 0, str(100 + i)) for i in range(8)]
    document = read_bytes(make_pdf([body + numbers]), "vertrag.pdf")
    assert texts(document) == [f"{100 + i} Text der Zeile {i} des Vertrags." for i in range(8)]
    assert {line.size for line in document.lines} == {11.0}


def test_pdf_two_columns_in_reading_order() -> None:
    title = [(72.0, 780.0, 16.0, 1, "Zwei Spalten im Überblick der Stadtpolitik")]
    left = [(72.0, 740.0 - 14 * i, 10.0, 0, f"links {i} mit etwas Text") for i in range(10)]
    right = [(320.0, 740.0 - 14 * i, 10.0, 0, f"rechts {i} mit etwas Text") for i in range(10)]
    footer = [(72.0, 560.0, 10.0, 0, "Fußzeile über die ganze Breite der Seite hinweg, lang genug")]
    document = read_bytes(make_pdf([title + right + left + footer]), "spalten.pdf")
    content = [text for text in texts(document) if text]
    assert content == (
        ["Zwei Spalten im Überblick der Stadtpolitik"]
        + [f"links {i} mit etwas Text" for i in range(10)]
        + [f"rechts {i} mit etwas Text" for i in range(10)]
        + ["Fußzeile über die ganze Breite der Seite hinweg, lang genug"]
    )
    lines = texts(document)
    assert lines[lines.index("rechts 0 mit etwas Text") - 1] == ""


def test_pdf_words_set_in_two_faces_without_a_space_are_two_words() -> None:
    glued = b"BT 72 700 Td /F1 10 Tf (Netzentgelte) Tj /F0 10 Tf (profitieren sollen) Tj ET"
    tail = b"BT 72 680 Td /F1 10 Tf (Alliierte) Tj /F0 10 Tf (n und) Tj ET"
    document = read_bytes(make_pdf([[]], runs=[glued, tail]), "gesetzt.pdf")
    assert [text for text in texts(document) if text] == [
        "Netzentgelte profitieren sollen",
        "Alliierten und",
    ]


@pytest.mark.parametrize("offset", [-400.0, -100.0, -20.0])
def test_pdf_with_text_left_of_the_page_is_read_in_columns(offset: float) -> None:
    left = [
        (72.0 + offset, 740.0 - 14 * i, 10.0, 0, f"links {i} mit etwas Text") for i in range(10)
    ]
    right = [
        (320.0 + offset, 740.0 - 14 * i, 10.0, 0, f"rechts {i} mit etwas Text") for i in range(10)
    ]
    document = read_bytes(make_pdf([right + left]), "verschoben.pdf")
    assert [text for text in texts(document) if text] == [
        f"links {i} mit etwas Text" for i in range(10)
    ] + [f"rechts {i} mit etwas Text" for i in range(10)]


def test_pdf_bold_word_inside_a_regular_line_does_not_make_it_bold() -> None:
    data = make_pdf([[(72, 770, 11, 1, "Ziel:"), (100, 770, 11, 0, "mehr Busse auf allen Linien")]])
    assert read_bytes(data, "a.pdf").lines == (
        RawLine("Ziel: mehr Busse auf allen Linien", 1, 11.0, False),
    )


# --- real documents -----------------------------------------------------------


def tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def overlap(ours: list[str], reference: list[str]) -> float:
    """Share of the reference's tokens that our text has too (as multisets)."""
    mine = Counter(ours)
    return sum(min(count, mine[token]) for token, count in Counter(reference).items()) / len(
        reference
    )


def in_order(ours: list[str], reference: list[str], n: int = 4) -> float:
    """Share of the n-grams found once in both texts that keep the reference's order."""

    def unique(words: list[str]) -> dict[tuple[str, ...], int]:
        seen = Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))
        return {
            tuple(words[i : i + n]): i
            for i in range(len(words) - n + 1)
            if seen[tuple(words[i : i + n])] == 1
        }

    mine = unique(ours)
    theirs = unique(reference)
    positions = [
        mine[gram] for gram, _ in sorted(theirs.items(), key=lambda kv: kv[1]) if gram in mine
    ]
    tails: list[int] = []  # longest increasing subsequence
    for position in positions:
        index = bisect.bisect_left(tails, position)
        tails[index : index + 1] = [position]
    return len(tails) / len(positions)


def require(path: Path) -> Path:
    """The path of shared data; missing data skips a local run and fails in CI."""
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"shared data not found: {path}")
        pytest.skip(f"shared data not found: {path}")
    return path


@pytest.mark.slow
def test_real_pdf_cdu_muenster_by_page() -> None:
    pdf = require(PDFS / "kommunalwahlprogramm-muenster-2014-cdu.pdf")
    reference = (PDFS / "kommunalwahlprogramm-muenster-2014-cdu.reference.txt").read_text()
    document = read(load_source(pdf))
    assert document.page_count == 30
    assert document.lines[0] == RawLine("Münster – stark und attraktiv", 1, 14.0, True)
    pages = reference.split("\f")
    for number in range(1, 31):
        ours = tokens(" ".join(line.text for line in document.lines if line.page == number))
        theirs = tokens(pages[number - 1])
        assert overlap(ours, theirs) > 0.98, number
    whole = tokens(" ".join(texts(document)))
    assert in_order(whole, tokens(reference)) > 0.995


@pytest.mark.slow
def test_real_pdf_spd_program_in_order() -> None:
    pdf = require(PDFS / "wahlprogramm-bund-2025-spd.pdf")
    reference = (PDFS / "wahlprogramm-bund-2025-spd.reference.md").read_text()
    document = read(load_source(pdf))
    assert document.page_count == 59
    whole = tokens(" ".join(texts(document)))
    assert overlap(whole, tokens(reference)) > 0.98
    assert in_order(whole, tokens(reference)) > 0.995
    lines = texts(document)
    # Hyphenated line ends stay as the PDF shows them, for the clean stage.
    assert any(line.endswith(" der E-") for line in lines)
    heading = next(line for line in document.lines if line.text == "RP01: Worauf es jetzt ankommt")
    assert heading.page == 2
    assert heading.size == 16.0


@pytest.mark.slow
def test_real_pdf_coalition_agreement_keeps_margin_line_numbers() -> None:
    pdf = require(PDFS / "koalitionsvertrag-bund-2025.pdf")
    document = read(load_source(pdf))
    assert document.page_count == 146
    assert max(line.page for line in document.lines) == 146
    by_text = {line.text: line for line in document.lines}
    first = by_text[
        "87 Unser  Wirtschaftsstandort  steht  vor  enormen  Herausforderungen.  Wir  wollen  "
        "Industrienation  und"
    ]
    assert first.page == 6
    assert first.size == 11.0
    assert not first.bold
    heading = by_text["85 1.1. Wirtschaft, Industrie, Tourismus"]
    assert heading.size == 16.0
    assert heading.bold
    numbered = [line for line in document.lines if re.match(r"\d+ \S", line.text)]
    assert len(numbered) > 0.9 * sum(1 for line in document.lines if line.page > 5 and line.text)


# --- the pypdfium2 fallback -----------------------------------------------------


class _Unreadable:
    """Stands in for pdf-oxide's document class in the (forked) parsing child."""

    @staticmethod
    def from_bytes(data: bytes) -> object:
        raise OSError("pdf-oxide cannot open this file")


def test_pdfium_reads_a_file_pdf_oxide_cannot_open(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf.pdf_oxide, "PdfDocument", _Unreadable)
    data = make_pdf([[(72, 770, 11, 0, "Erste Seite")], [(72, 770, 11, 0, "Zweite Seite")]])
    document = read_bytes(data, "a.pdf")
    assert document.page_count == 2
    assert document.lines == (
        RawLine("Erste Seite", 1),
        RawLine("", 2),
        RawLine("Zweite Seite", 2),
    )


def test_pdfium_reads_a_page_pdf_oxide_cannot_read(monkeypatch: pytest.MonkeyPatch) -> None:
    real = pdf.pdf_oxide.PdfDocument

    class FirstPageFails:
        def __init__(self, data: bytes) -> None:
            self.document = real.from_bytes(data)

        @classmethod
        def from_bytes(cls, data: bytes) -> FirstPageFails:
            return cls(data)

        def __getattr__(self, name: str) -> object:
            return getattr(self.document, name)

        def extract_chars(self, page: int) -> object:
            if page == 0:
                raise RuntimeError("broken content stream")
            return self.document.extract_chars(page)

    data = make_pdf([[(72, 770, 11, 0, "Erste Seite")], [(72, 770, 11, 1, "Zweite Seite")]])
    monkeypatch.setattr(pdf.pdf_oxide, "PdfDocument", FirstPageFails)
    assert read_bytes(data, "a.pdf").lines == (
        RawLine("Erste Seite", 1),
        RawLine("", 2),
        RawLine("Zweite Seite", 2, 11.0, True),
    )


def test_pdf_full_width_paragraph_above_two_columns() -> None:
    intro = [
        (
            72.0,
            780.0 - 14 * i,
            10.0,
            0,
            f"Einleitung {i} über die ganze Breite der Seite, lang genug",
        )
        for i in range(8)
    ]
    left = [(72.0, 640.0 - 14 * i, 10.0, 0, f"links {i} mit etwas Text") for i in range(12)]
    right = [(320.0, 640.0 - 14 * i, 10.0, 0, f"rechts {i} mit etwas Text") for i in range(12)]
    document = read_bytes(make_pdf([intro + left + right]), "gemischt.pdf")
    assert [text for text in texts(document) if text] == (
        [f"Einleitung {i} über die ganze Breite der Seite, lang genug" for i in range(8)]
        + [f"links {i} mit etwas Text" for i in range(12)]
        + [f"rechts {i} mit etwas Text" for i in range(12)]
    )


def _set(lines: list[tuple[str, float]], size: float = 12.0) -> list[pdf._Line]:
    """Lines at the given baselines (from the top), as the page reader returns them."""
    return [pdf._Line(text, 800.0 - y, size, False) for text, y in lines]


def _breaks(lines: list[pdf._Line]) -> list[bool]:
    """Whether a paragraph ends before each line after the first, at a 14 pt pitch."""
    return [pdf._paragraph_break(lines, i, 14 / 12, 50) for i in range(1, len(lines))]


def test_a_double_spaced_passage_is_one_paragraph() -> None:
    # Running text at 28 pt where the document's pitch is 14 pt: every gap
    # repeats its neighbour, and no line before a gap closes its sentence.
    lines = _set(
        [
            ("Statt Einzelprojekte voreilig zu genehmigen, sollen Gesamtkonzepte für die", 0),
            ("jeweiligen Wohngebiete erstellt werden, die den Bedarf der Stadtteile und", 28),
            ("die Wünsche der Anwohner berücksichtigen, bevor gebaut wird.", 56),
            ("Die Stadt soll die Pläne jedes Jahr im Rat vorstellen und darüber berichten.", 84),
        ]
    )
    # Only after the sentence that ends its line.
    assert _breaks(lines) == [False, False, True]


def test_a_title_between_equal_gaps_stays_a_paragraph_of_its_own() -> None:
    lines = _set(
        [
            (
                "Die Stadt erneuert bis 2030 alle Schulgebäude und die Turnhallen der Schulen.",
                0,
            ),
            ("Wohnen und Bauen", 28),
            ("Wir bauen jedes Jahr 500 neue Wohnungen und fördern den sozialen Wohnungsbau in", 56),
        ]
    )
    assert _breaks(lines) == [True, True]


def test_a_lone_wide_gap_between_full_lines_still_ends_a_paragraph() -> None:
    # The gap before the third line is wider than the others: a paragraph break,
    # even though the line above it does not close its sentence.
    lines = _set(
        [
            ("Die Stadt erneuert bis 2030 alle Schulgebäude und die Turnhallen der", 0),
            ("Grundschulen und baut in jedem Stadtteil eine neue Kita mit Garten und", 14),
            ("Wir bauen jedes Jahr 500 neue Wohnungen und fördern den sozialen Wohnungsbau", 42),
            ("in allen Stadtteilen mit Zuschüssen für Genossenschaften und Stiftungen.", 56),
        ]
    )
    assert _breaks(lines) == [False, True, False]


def test_a_double_spaced_line_in_another_font_starts_a_paragraph() -> None:
    lines = [
        pdf._Line(
            "Statt Einzelprojekte voreilig zu genehmigen, sollen Gesamtkonzepte für", 800, 12, False
        ),
        pdf._Line(
            "die Wohngebiete erstellt werden, die den Bedarf der Stadtteile abbilden", 772, 12, True
        ),
        pdf._Line(
            "und die Wünsche der Anwohnerinnen und Anwohner berücksichtigen, bevor", 744, 12, True
        ),
    ]
    assert _breaks(lines) == [True, False]


@pytest.mark.parametrize(
    ("text", "closes"),
    [
        ("die Schulen werden saniert.", True),
        ("die Schulen werden saniert. 1234", True),
        ("die Schulen werden saniert.)", True),
        ("die Schulen werden saniert 1234", False),
        ("die Schulen und die Kitas,", False),
    ],
)
def test_a_sentence_closes_also_before_a_margins_line_number(text: str, closes: bool) -> None:
    assert pdf._closes_sentence(text) is closes
