"""clean: literal German inputs, one behaviour per test; slow checks on real documents."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from versprochen.extraction.clean import clean
from versprochen.extraction.read import read
from versprochen.extraction.types import CleanDocument, Format, RawDocument, RawLine, Source

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def raw(text: str, fmt: Format = "text") -> RawDocument:
    lines = tuple(RawLine(text=line, page=1) for line in text.split("\n"))
    return RawDocument(name="t", format=fmt, lines=lines, sha256="0")


def paged(pages: list[list[str]], fmt: Format = "pdf") -> RawDocument:
    lines = tuple(RawLine(text=t, page=n) for n, page in enumerate(pages, 1) for t in page)
    return RawDocument(name="t", format=fmt, lines=lines, sha256="0", page_count=len(pages))


def texts(doc: CleanDocument) -> list[str]:
    return [b.text for b in doc.blocks]


def test_blocks_are_slices_of_the_text() -> None:
    doc = clean(
        raw("# Titel\n\nErster Absatz\nzweite Zeile.\n\n- Punkt eins\n- Punkt zwei", "markdown")
    )
    for block in doc.blocks:
        assert doc.text[block.start : block.end] == block.text
    assert "\n\n" in doc.text


def test_line_end_hyphenation_is_joined() -> None:
    doc = clean(raw("Die ländliche Um-\ngebung und die Anbindung."))
    assert texts(doc) == ["Die ländliche Umgebung und die Anbindung."]


def test_real_hyphens_stay() -> None:
    doc = clean(
        raw(
            "Abschaffung der Kita-\nGebühren und mehr Gesamt-\n"
            "und Sekundarschulen im OGS-\nbereich."
        )
    )
    assert texts(doc) == [
        "Abschaffung der Kita-Gebühren und mehr Gesamt- und Sekundarschulen im OGS-bereich."
    ]


def test_soft_hyphen_and_unicode_hyphen_and_spaced_hyphen() -> None:
    doc = clean(raw("Die Stadt Müns\u00ad\nter ist wich -\ntig und die Ent\u2010\nwicklung läuft."))
    assert texts(doc) == ["Die Stadt Münster ist wichtig und die Entwicklung läuft."]


def test_ligatures_and_compatibility_characters() -> None:
    doc = clean(raw("Die ﬁnanzielle Lage\u00a0ist „gut“ – sagt sie…"))
    assert texts(doc) == ["Die finanzielle Lage ist „gut“ – sagt sie…"]


def test_tab_runs_and_space_runs_collapse() -> None:
    doc = clean(raw("Wir wollen\t\t\tmehr    Radwege.\t\t"))
    assert texts(doc) == ["Wir wollen mehr Radwege."]


def test_markup_is_removed() -> None:
    source = (
        "## Umwelt {#umwelt}\n\nWir <b>fördern</b> **Radwege** und __Busse__ sowie *Bahnen*.[^1]"
    )
    doc = clean(raw(source, "markdown"))
    assert texts(doc) == ["Umwelt", "Wir fördern Radwege und Busse sowie Bahnen."]
    assert doc.blocks[0].kind == "heading"


def test_a_link_over_several_lines_leaves_its_text() -> None:
    source = (
        "[Die Koalition wird das Zentrum\numbauen. Das Gesetz wird novelliert.](#itdz) "
        "Die Akte kommt.\n\n[Der Senat prüft](#pruefung) das Kataster."
    )
    doc = clean(raw(source, "markdown"))
    assert texts(doc) == [
        "Die Koalition wird das Zentrum umbauen. Das Gesetz wird novelliert. Die Akte kommt.",
        "Der Senat prüft das Kataster.",
    ]


def test_gender_star_is_not_emphasis() -> None:
    doc = clean(raw("Für Schüler*innen und Lehrer*innen.", "markdown"))
    assert texts(doc) == ["Für Schüler*innen und Lehrer*innen."]


def test_yaml_front_matter_and_code_fence() -> None:
    source = (
        "---\ntitle: Wahlprogramm\n---\n\n```\nKOALITIONSVERTRAG\n```\n\n# Präambel {-}\n\nText."
    )
    doc = clean(raw(source, "markdown"))
    assert texts(doc) == ["KOALITIONSVERTRAG", "Präambel", "Text."]


def test_setext_headings() -> None:
    doc = clean(
        raw("Präambel\n========\n\nWir wollen.\n\nArbeit\n------\n\nMehr Jobs.", "markdown")
    )
    kinds = [(b.kind, b.level, b.text) for b in doc.blocks]
    assert kinds[0] == ("heading", 1, "Präambel")
    assert kinds[2] == ("heading", 2, "Arbeit")


def test_list_items_with_markers_and_levels() -> None:
    doc = clean(
        raw("- Moderner Staat\n   - Digitales\n- Klima\n\n1. Erstens\n2. Zweitens", "markdown")
    )
    items = [(b.kind, b.marker, b.level, b.text) for b in doc.blocks]
    assert items[0] == ("list_item", "-", 1, "Moderner Staat")
    assert items[1] == ("list_item", "-", 2, "Digitales")
    assert items[2] == ("list_item", "-", 1, "Klima")
    assert items[3][1:] == ("1.", 1, "Erstens")


def test_an_arrow_is_a_bullet() -> None:
    doc = clean(
        raw("➔ Radwege sanieren: Wir sanieren die Radwege.\n➔ Busse: Der Takt wird dichter.")
    )
    items = [(b.kind, b.marker, b.text) for b in doc.blocks]
    assert items == [
        ("list_item", "➔", "Radwege sanieren: Wir sanieren die Radwege."),
        ("list_item", "➔", "Busse: Der Takt wird dichter."),
    ]


def test_number_inside_wrapped_prose_is_no_list_marker() -> None:
    doc = clean(
        raw("Das Wachstum seit Mitte des\n19. Jahrhunderts hat Berlin geprägt.", "markdown")
    )
    assert texts(doc) == ["Das Wachstum seit Mitte des 19. Jahrhunderts hat Berlin geprägt."]


def test_toc_lines_stay_separate_blocks() -> None:
    doc = clean(raw("<b>Vorwort</b>\t<b>2</b>\n• Arbeit\t5\nKultur ........ 15", "markdown"))
    assert texts(doc) == ["Vorwort … 2", "Arbeit … 5", "Kultur … 15"]
    assert doc.blocks[0].bold


def test_wrapped_markdown_heading_is_joined() -> None:
    doc = clean(raw("## Solide Finanzen sind eine wich -\ntige Vorsorge\n\nText.", "markdown"))
    assert texts(doc)[0] == "Solide Finanzen sind eine wichtige Vorsorge"


def test_page_numbers_infer_pages_in_plain_text() -> None:
    doc = clean(raw("Erster Absatz.\n\n4\n\nZweiter Absatz.\n\nSeite 5\n\nDritter Absatz."))
    assert texts(doc) == ["Erster Absatz.", "Zweiter Absatz.", "Dritter Absatz."]
    assert [b.page for b in doc.blocks] == [4, 5, 6]


def test_page_number_styles_on_pdf_pages() -> None:
    pages = [
        ["Wir bauen Radwege.", "- 1 -"],
        ["Wir sanieren Schulen.", "Seite 2"],
        ["Wir fördern Vereine.", "3 / 3"],
    ]
    doc = clean(paged(pages))
    assert not re.search(r"Seite \d$|^- \d -|\d / \d", doc.text, re.MULTILINE)
    assert [b.page for b in doc.blocks] == [1, 2, 3]


def test_running_headers_and_footers_are_removed() -> None:
    content = ["Wir bauen Radwege.", "Wir sanieren Schulen.", "Wir fördern Vereine.", "Mehr Bäume."]
    pages = [["Koalitionsvertrag 2025", content[n - 1], f"Seite {n} von 4"] for n in range(1, 5)]
    doc = clean(paged(pages))
    assert "Koalitionsvertrag 2025" not in doc.text
    assert "von 4" not in doc.text
    assert texts(doc) == content


def test_margin_line_numbers_are_removed() -> None:
    body = [
        "Unser Standort steht vor enormen Herausforderungen. Wir wollen Industrienation und",
        "Mittelstandsland bleiben und die Weichen wieder auf Wachstum stellen. Dazu senken wir bis",
        "2030 die Steuern auf 25 Prozent.",
    ]
    trailing = [f"{body[i % 3]} {87 + i}" for i in range(30)]
    doc = clean(paged([trailing[:15], trailing[15:]]))
    assert not re.search(r"\b(8[7-9]|9\d|1[01]\d)\b", doc.text)
    assert "bis 2030 die Steuern auf 25 Prozent." in doc.text
    leading = [f"{87 + i} {body[i % 3]}" for i in range(30)]
    doc = clean(paged([leading]))
    assert "Industrienation und Mittelstandsland" in doc.text
    assert not re.search(r"\b(8[7-9]|9\d|1[01]\d)\b", doc.text)


def test_caps_line_and_signature_are_own_blocks() -> None:
    source = (
        "VORWORT\nLiebe Wählerin,\n\nwir bitten Dich um alle Stimmen für die SPD und für gute\n"
        "Zukunft in unserem Kreis. Dafür bitten wir Dich um alle Stimmen für die SPD im Kreis!\n"
        "Hannah Müller\n(Vorsitzende)"
    )
    doc = clean(raw(source))
    assert texts(doc)[0] == "VORWORT"
    assert texts(doc)[-1] == "Hannah Müller (Vorsitzende)"


def test_short_sentence_lines_of_a_box_are_separate() -> None:
    source = (
        "Unser Kreis soll für uns, aber vor allem auch für unsere Kinder, eine gute Zukunft\n"
        "bieten und wir wollen den Kreis gerecht gestalten, mit guten Chancen für alle Menschen.\n"
        "\n"
        "Mehr bezahlbaren Wohnraum schaffen.\n"
        "Abschaffung der KiTa-Gebühren.\n"
    )
    doc = clean(raw(source))
    assert texts(doc)[1:] == [
        "Mehr bezahlbaren Wohnraum schaffen.",
        "Abschaffung der KiTa-Gebühren.",
    ]


# --- real documents ------------------------------------------------------------------


def _read(path: Path) -> RawDocument:
    from versprochen.extraction.read import load_source, read

    return read(load_source(path))


@pytest.mark.slow
def test_jusos_seed_is_clean() -> None:
    path = DATA / "seeds" / "jusos-kreis-heinsberg-kommunalwahl-2020.txt"
    doc = clean(_read(path))
    assert "Umgebung" in doc.text and "Um- gebung" not in doc.text
    assert "Kita-Beiträgen" in doc.text
    assert "Gesamt- und Sekundarschulen" in doc.text
    assert "\t" not in doc.text and "  " not in doc.text
    assert not re.search(r"(?m)^\d+$", doc.text)
    assert max(b.page for b in doc.blocks) > 6
    for block in doc.blocks:
        assert doc.text[block.start : block.end] == block.text


@pytest.mark.slow
def test_markdown_documents_are_clean() -> None:
    for path in [
        *sorted((DATA / "documents").glob("*.md")),
        DATA / "seeds" / "herne-2030-eckpunktevereinbarung.md",
    ]:
        doc = clean(_read(path))
        assert "<b>" not in doc.text and "**" not in doc.text, path.name
        assert "{-}" not in doc.text and "```" not in doc.text, path.name
        assert not doc.text.startswith("---"), path.name
    muenster = clean(_read(DATA / "documents" / "kommunalwahlprogramm-muenster-2014-spd.md"))
    assert "Stadt Münster" in muenster.text and "Müns-" not in muenster.text


@pytest.mark.slow
def test_bund_2025_pdf_has_no_line_or_page_numbers() -> None:
    from versprochen.extraction.read import load_source, read

    # A reader that breaks must fail this test, not skip it.
    raw_doc = read(load_source(DATA / "pdf" / "koalitionsvertrag-bund-2025.pdf"))
    assert raw_doc.format == "pdf"
    doc = clean(raw_doc)
    body = "\n".join(b.text for b in doc.blocks if " … " not in b.text)
    assert not re.search(r"Industrienation und \d", body)
    assert not re.search(r"(?m)^\d{2,4} ", body)
    assert not re.search(r"(?m)^- \d+ -$", body)


def test_a_page_gap_inside_a_markdown_sentence_is_closed() -> None:
    doc = clean(
        raw(
            "Der Bedarf wird künftig durch Neuordnung gedeckt. Die Koalition wird deshalb die bezirkliche\n"
            "\n\n"
            "Entwicklungsplanung um ein Flächenmanagement ergänzen.\n"
            "\n\n"
            "# Neue Überschrift\n",
            "markdown",
        )
    )
    assert texts(doc)[0].endswith(
        "die bezirkliche Entwicklungsplanung um ein Flächenmanagement ergänzen."
    )
    assert texts(doc)[1] == "Neue Überschrift"


def test_a_sentence_runs_on_across_a_page_marker_line() -> None:
    source = Source(
        name="programm.txt",
        data=(
            "Wir setzen uns dafür ein, dass die Stadt bis 2030 alle Schulen saniert und\n"
            "\n\n===== [Seite 5] =====\n"
            "barrierefrei umbaut.\n"
            "Programm 2026 │ Seite 5\n"
        ).encode(),
    )
    doc = clean(read(source))
    assert texts(doc)[0].endswith("saniert und barrierefrei umbaut.")
    assert doc.blocks[0].page == 4
    assert "=====" not in doc.text


def test_a_full_line_is_told_by_its_broken_words_not_by_an_overlong_row() -> None:
    # The running text is set to about 60 characters, so lines break words
    # ("Verwal-"); two table rows run far wider. The last line before the page
    # break is full and ends in a comma: its sentence goes on with the
    # capitalised noun on the next page.
    words = ["Verwal-", "Sanie-", "Schul-", "Stadt-", "Bürger-", "Wohn-"]
    body = [
        f"Die Stadt erneuert in den Jahren bis {2030 + n} die Schulen und {w}"
        for n, w in enumerate(words * 2)
    ]
    row = "Schule | Baujahr | Sanierung | Kosten | Träger | Stand | Zeitplan | Bemerkung | Quelle"
    page = [
        *body,
        row,
        row + " | Förderung",
        # A full line may be a word shorter than the broken ones (here 56 of 65).
        "Dafür sanieren wir die Turnhallen, Dächer und Heizungen,",
    ]
    source = Source(
        name="programm.txt",
        data=("\n".join(page) + "\n\n===== [Seite 2] =====\nToiletten bis 2030.\n").encode(),
    )
    assert texts(clean(read(source)))[-1].endswith("Dächer und Heizungen, Toiletten bis 2030.")


def test_a_capital_initial_split_off_its_word_is_joined_where_the_document_shows_it() -> None:
    doc = clean(
        raw(
            "Wir fördern T eilzeit und Teilhabe in der Verwaltung und bauen\n"
            "barrierefreie T oiletten an allen Schulen und neue Toilettenhäuser in Parks.\n"
            "Mit Vitamin C ermöglichen wir gesunde Kost und ermöglichen Sport nach Plan B.\n"
        )
    )
    text = " ".join(texts(doc))
    assert "fördern Teilzeit und Teilhabe" in text
    assert "barrierefreie Toiletten" in text
    # "ermöglichen" is a word of the document, so the "C" before it is a letter of its own.
    assert "Vitamin C ermöglichen" in text


def test_an_abbreviation_at_a_line_end_does_not_end_the_paragraph() -> None:
    doc = clean(
        raw(
            "Wir fördern jede Neugründung eines Vereins in der Stadt mit einem Zuschuss, jede\n"
            "Sanierung bzw.\n"
            "Erweiterung eines Vereinsheims mit einem Darlehen zu guten Bedingungen.\n"
        )
    )
    assert len(doc.blocks) == 1


_WIDE = "Die Stadt saniert in den kommenden fünf Jahren alle Turnhallen der Grundschulen und"


def test_a_short_title_line_over_a_paragraph_is_a_block_of_its_own() -> None:
    # Plain text from a PDF sets the heading without a blank line below it.
    doc = clean(
        raw(
            "\n".join(
                [
                    _WIDE + " Gesamtschulen.",
                    "Sportstätten erhalten",
                    _WIDE,
                    "richtet neue Bolzplätze ein.",
                ]
            )
        )
    )
    assert [b.text for b in doc.blocks][1] == "Sportstätten erhalten"


def test_a_title_wrapped_after_a_joining_word_stays_whole() -> None:
    doc = clean(
        raw(
            "\n".join(
                [
                    _WIDE + " Gesamtschulen.",
                    "3. Sicheres Zusammenleben, Migration und",
                    "Integration",
                    "",
                    _WIDE + " Gesamtschulen.",
                ]
            )
        )
    )
    assert [b.text for b in doc.blocks][1] == "Sicheres Zusammenleben, Migration und Integration"


def test_a_short_first_line_with_a_finished_sentence_is_running_text() -> None:
    doc = clean(
        raw(
            "\n".join(
                [
                    "Das Bad bleibt. Wir sanieren es",
                    "Stück für Stück bis 2030.",
                    "",
                    _WIDE + " Ende.",
                ]
            )
        )
    )
    assert doc.blocks[0].text == "Das Bad bleibt. Wir sanieren es Stück für Stück bis 2030."


def test_a_short_line_ending_in_a_quoted_name_goes_on_in_lower_case() -> None:
    wide = "Wir wollen die Innenstadt für alle Menschen öffnen und die Plätze neu gestalten."
    doc = clean(
        raw(
            f"{wide}\n{wide}\nKonkret werden wir die Straße „Schlossplatz“\n"
            "für den Fuß- und Radverkehr öffnen.\n"
            f"{wide}\nDas hat die Stadt schon lange gesagt.“\nDanach geht es weiter."
        )
    )
    assert texts(doc)[0].endswith("„Schlossplatz“ für den Fuß- und Radverkehr öffnen.")
    assert texts(doc)[-1] == "Danach geht es weiter."
