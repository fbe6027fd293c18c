"""outline: literal German inputs, one behaviour per test; slow checks on real documents."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from versprochen.extraction.clean import clean
from versprochen.extraction.outline import outline
from versprochen.extraction.types import (
    Block,
    BlockKind,
    CleanDocument,
    Format,
    OutlinedDocument,
    RawDocument,
    RawLine,
)

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def from_text(text: str, fmt: Format = "markdown") -> OutlinedDocument:
    lines = tuple(RawLine(text=line, page=1) for line in text.split("\n"))
    return outline(clean(RawDocument(name="t", format=fmt, lines=lines, sha256="0")))


def from_blocks(
    specs: list[tuple[str, BlockKind, int, float | None, bool, int]], fmt: Format = "pdf"
) -> OutlinedDocument:
    """Blocks as (text, kind, level, size, bold, page)."""
    blocks = []
    offset = 0
    for text, kind, level, size, bold, page in specs:
        blocks.append(Block(text, offset, offset + len(text), page, kind, level, size, bold))
        offset += len(text) + 2
    text = "\n\n".join(spec[0] for spec in specs)
    doc = CleanDocument(name="t", format=fmt, sha256="0", text=text, blocks=tuple(blocks))
    return outline(doc)


def block_roles(doc: OutlinedDocument) -> dict[str, str]:
    """Each block's text with its role (heading, body, furniture ...)."""
    return dict(zip((b.text for b in doc.clean.blocks), doc.block_roles, strict=True))


def titles(doc: OutlinedDocument) -> list[tuple[str, int]]:
    return [(s.title, s.level) for s in doc.sections]


PROSE = "Wir wollen mehr Radwege bauen und den Nahverkehr stärken, damit alle mobil sind."


def test_markdown_headings_and_parents() -> None:
    doc = from_text(f"# Mobilität\n\n{PROSE}\n\n## Radverkehr\n\n{PROSE}\n\n# Bildung\n\n{PROSE}")
    assert titles(doc) == [("Mobilität", 1), ("Radverkehr", 2), ("Bildung", 1)]
    assert [s.parent for s in doc.sections] == [None, 0, None]
    assert doc.block_sections == (0, 0, 1, 1, 2, 2)
    assert doc.block_roles[:2] == ("heading", "body")
    assert doc.section_path(1) == ("Mobilität", "Radverkehr")


def test_caps_lines_are_headings_in_plain_text() -> None:
    doc = from_text(
        f"#UNSEREZUKUNFT IST MOBIL\n\n{PROSE}\n\n#unsereZukunft ist mobil.\n\n{PROSE}", "text"
    )
    assert titles(doc) == [("#UNSEREZUKUNFT IST MOBIL", 1)]
    assert doc.block_roles == ("heading", "body", "body", "body")


def test_font_size_and_bold_give_levels() -> None:
    body = 10.0
    doc = from_blocks(
        [
            ("Neues Wirtschaftswachstum", "paragraph", 0, 16.0, True, 1),
            (PROSE, "paragraph", 0, body, False, 1),
            ("Wirtschaft und Industrie", "paragraph", 0, 13.0, True, 1),
            (PROSE, "paragraph", 0, body, False, 1),
            ("Die Wirtschaft stark machen", "paragraph", 0, body, True, 1),
            (PROSE * 3, "paragraph", 0, body, False, 2),
            ("Das ist ein fetter Satz mit Punkt.", "paragraph", 0, body, True, 2),
        ]
    )
    assert titles(doc) == [
        ("Neues Wirtschaftswachstum", 1),
        ("Wirtschaft und Industrie", 2),
        ("Die Wirtschaft stark machen", 3),
    ]


def test_numbered_headings_in_text_take_their_depth() -> None:
    doc = from_text(
        f"1. Wirtschaft und Arbeit\n\n{PROSE}\n\n1.1 Industrie\n\n{PROSE}\n\n"
        f"2. Soziales\n\n{PROSE}",
        "text",
    )
    assert titles(doc) == [
        ("1. Wirtschaft und Arbeit", 1),
        ("1.1 Industrie", 2),
        ("2. Soziales", 1),
    ]


def test_toc_gives_spelling_and_level_and_is_marked() -> None:
    source = "\n".join(
        [
            "# HILTRUP 2030",
            "",
            "# INHALT",
            "",
            "<b>Vorwort</b>\t<b>2</b>",
            "<b>Unsere Vorhaben</b>\t<b>5</b>",
            "• Arbeit\t5",
            "• Sport\t6",
            "",
            "# VORWORT",
            "",
            PROSE,
            "",
            "# UNSERE VORHABEN",
            "",
            "## ARBEIT",
            "",
            PROSE,
            "",
            "# SPORT",
            "",
            PROSE,
        ]
    )
    doc = from_text(source)
    assert titles(doc) == [
        ("Vorwort", 1),
        ("Unsere Vorhaben", 1),
        ("Arbeit", 2),
        ("Sport", 2),
    ]
    assert doc.block_roles[0] == "furniture"
    assert doc.block_roles[1:6] == ("toc",) * 5
    assert doc.sections[3].parent == 1


def test_lost_heading_is_restored_where_the_topic_changes() -> None:
    source = "\n".join(
        [
            "# Inhalt",
            "",
            "- Sport\t13",
            "- Umwelt\t14",
            "- Kultur\t15",
            "",
            "# Sport",
            "",
            "Weiterhin kostenloser Zugang zu den städtischen Turnhallen.",
            "",
            "Mehr Wasserzeiten für die Schwimmvereine.",
            "",
            "Sportvereine in unserer Stadt mit Hallenzeiten fördern.",
            "",
            "Klimaforen in allen Stadtteilen.",
            "",
            "Eine Baumpflanzaktion für Hiltrup starten.",
            "",
            "# Kultur",
            "",
            "Freier Eintritt in die städtischen Museen.",
        ]
    )
    doc = from_text(source)
    assert [s.title for s in doc.sections] == ["Sport", "Umwelt", "Kultur"]
    umwelt = doc.sections[1]
    assert umwelt.restored
    first = doc.block_sections.index(1)
    assert doc.clean.blocks[first].text == "Klimaforen in allen Stadtteilen."
    assert umwelt.start == doc.clean.blocks[first].start


def test_restored_heading_uses_the_toc_page() -> None:
    doc = from_blocks(
        [
            ("Inhalt", "heading", 1, None, False, 1),
            ("Arbeit … 2", "paragraph", 0, None, False, 1),
            ("Umwelt … 3", "paragraph", 0, None, False, 1),
            ("Arbeit", "heading", 1, None, False, 2),
            ("Wir schaffen Arbeitsplätze in der Stadt.", "paragraph", 0, None, False, 2),
            ("Wir pflanzen Bäume in allen Straßen.", "paragraph", 0, None, False, 2),
            ("Wir schützen Wälder und Wiesen.", "paragraph", 0, None, False, 3),
        ],
        fmt="markdown",
    )
    assert [(s.title, s.page, s.restored) for s in doc.sections] == [
        ("Arbeit", 2, False),
        ("Umwelt", 3, True),
    ]


def test_unmarked_toc_line_in_text_is_promoted() -> None:
    source = f"# Inhalt\n\n- Arbeit\n- Umwelt\n\n# Arbeit\n\n{PROSE}\n\nUmwelt\n\n{PROSE}"
    doc = from_text(source)
    assert [(s.title, s.restored) for s in doc.sections] == [("Arbeit", False), ("Umwelt", False)]


def test_a_listed_title_heads_its_own_line_not_the_preview_item_before_it() -> None:
    # A chapter's box previews its sections, each item led by a section's title.
    source = (
        f"# Inhalt\n\n- Demokratie\n- Jugend beteiligen\n\n# Demokratie\n\n{PROSE}\n\n"
        f"➔ Jugend beteiligen:\n\nJugendparlamente in allen Stadtteilen einrichten.\n\n"
        f"Jugend beteiligen\n\n{PROSE}"
    )
    doc = from_text(source)
    assert titles(doc) == [("Demokratie", 1), ("Jugend beteiligen", 1)]
    second = doc.clean.text.index("Jugend beteiligen\n\n" + PROSE)
    assert doc.sections[1].start == second
    roles = block_roles(doc)
    assert roles["Jugend beteiligen:"] == "body"
    assert roles["Jugendparlamente in allen Stadtteilen einrichten."] == "body"


def test_the_back_matter_states_no_pledge() -> None:
    source = (
        f"# Mobilität\n\n{PROSE}\n\n# Glossar\n\nBarrierearm: Hindernisse reduziert.\n\n"
        f"## P\n\nP&R: Parken und mit dem Bus weiterfahren.\n\n# Quellen und Verweise\n\n"
        f"- https://www.example.org/bericht\n\n# Impressum\n\nHerausgegeben vom Vorstand."
    )
    doc = from_text(source)
    roles = block_roles(doc)
    assert roles[PROSE] == "body"
    assert roles["Barrierearm: Hindernisse reduziert."] == "furniture"
    assert roles["P&R: Parken und mit dem Bus weiterfahren."] == "furniture"
    assert roles["https://www.example.org/bericht"] == "furniture"
    assert roles["Herausgegeben vom Vorstand."] == "furniture"
    assert [s.title for s in doc.sections] == [
        "Mobilität",
        "Glossar",
        "P",
        "Quellen und Verweise",
        "Impressum",
    ]


def test_a_literature_section_amid_the_chapters_is_no_back_matter() -> None:
    source = f"# Kultur\n\n## Literatur\n\n{PROSE}\n\n# Bildung\n\nWir wollen Schulen sanieren."
    doc = from_text(source)
    assert set(doc.block_roles) == {"heading", "body"}


def test_signatures_and_dates_are_furniture() -> None:
    source = "\n".join(
        [
            "# Absichtserklärung",
            "",
            "Hiltrup, den 17.03.2026",
            "",
            "**Hendrik Mustermann**",
            "Vorsitzender des Unterbezirks",
        ]
    )
    doc = from_text(source)
    assert doc.block_roles == ("heading", "furniture", "furniture", "furniture")
    foreword = from_text(f"VORWORT\n\n{PROSE}\nHannah Müller\n(Vorsitzende)", "text")
    assert foreword.block_roles[-1] == "furniture"
    assert foreword.clean.blocks[-1].text == "Hannah Müller (Vorsitzende)"


def test_divider_page_is_furniture_not_a_section() -> None:
    doc = from_text(
        f"UNSERE\nZUKUNFT\n\nist digital.\n\n#UNSEREZUKUNFT IST DIGITAL\n\n{PROSE}", "text"
    )
    assert titles(doc) == [("#UNSEREZUKUNFT IST DIGITAL", 1)]
    assert doc.block_roles[:2] == ("furniture", "furniture")


def test_sentences_are_no_headings() -> None:
    doc = from_text(
        f"DAS IST EIN SATZ IN GROSSBUCHSTABEN.\n\n{PROSE}\n\nEinrichtung einer Schule\n\n{PROSE}"
    )
    assert doc.sections == ()


# --- real documents ------------------------------------------------------------------


def _outlined(path: Path) -> OutlinedDocument:
    from versprochen.extraction.read import load_source, read

    return outline(clean(read(load_source(path))))


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("document", "gold"),
    [
        ("seeds/herne-2030-eckpunktevereinbarung.md", "herne-2030-eckpunktevereinbarung"),
        (
            "documents/kommunalwahlprogramm-solingen-2014-piraten.md",
            "kommunalwahlprogramm-solingen-2014-piraten",
        ),
    ],
)
def test_gold_sections(document: str, gold: str) -> None:
    doc = _outlined(DATA / document)
    blocks = [_norm(b.text) for b in doc.clean.blocks]
    pledges = json.loads((DATA / "gold" / f"{gold}.gold.json").read_text())["pledges"]
    right = 0
    for pledge in pledges:
        mention = _norm(pledge["mentions"][0])[:60]
        index = next(i for i, text in enumerate(blocks) if mention in text)
        section = doc.block_sections[index]
        right += section is not None and doc.sections[section].title == pledge["section"]
    assert right >= 0.97 * len(pledges)


@pytest.mark.slow
def test_herne_outline_has_every_toc_heading() -> None:
    doc = _outlined(DATA / "seeds" / "herne-2030-eckpunktevereinbarung.md")
    names = [s.title for s in doc.sections]
    for title in ["Präambel", "Arbeit", "Sport", "Umwelt", "Kultur", "Beteiligungen"]:
        assert title in names
    assert [s.title for s in doc.sections if s.restored] == ["Umwelt"]
    assert "HERNE 2030" not in names


@pytest.mark.slow
def test_jusos_outline() -> None:
    doc = _outlined(DATA / "seeds" / "jusos-kreis-heinsberg-kommunalwahl-2020.txt")
    names = [s.title for s in doc.sections]
    assert names[0] == "VORWORT"
    assert len([n for n in names if n.startswith("#UNSEREZUKUNFT IST")]) == 4
    assert names[-1] == "#UNSEREZUKUNFT KURZ UND KNACKIG"
    roles = block_roles(doc)
    assert roles["Hannah Müller (Vorsitzende)"] == "furniture"


LONG = " ".join([PROSE] * 3)


def test_chapters_numbered_without_a_dot_in_sequence_are_headings() -> None:
    text = f"1 Demografie\n\n{LONG}\n\n2 Verkehr und Straßen\n\n{LONG}\n\n3 Bildung\n\n{LONG}"
    doc = from_text(text, fmt="text")
    assert titles(doc) == [("1 Demografie", 1), ("2 Verkehr und Straßen", 1), ("3 Bildung", 1)]


def test_dotted_and_undotted_chapter_numbers_make_one_sequence() -> None:
    text = f"1. Wohnen\n\n{LONG}\n\n2. Mobilität\n\n{LONG}\n\n3 Infrastruktur\n\n{LONG}"
    doc = from_text(text, fmt="text")
    assert [t for t, _ in titles(doc)] == ["1. Wohnen", "2. Mobilität", "3 Infrastruktur"]
    assert {level for _, level in titles(doc)} == {1}


def test_one_missing_chapter_heading_does_not_break_the_sequence() -> None:
    text = f"1 Wohnen\n\n{LONG}\n\n2 Schule\n\n{LONG}\n\n4 Kultur\n\n{LONG}"
    assert len(from_text(text, fmt="text").sections) == 3


def test_a_figure_on_its_own_line_is_no_heading() -> None:
    text = f"{LONG}\n\n2 Millionen Euro\n\n{LONG}\n\n5 Schulen\n\n{LONG}"
    assert from_text(text, fmt="text").sections == ()


def test_consecutive_numbered_lines_are_a_list_not_chapters() -> None:
    text = f"{LONG}\n\n1 Radwege\n\n2 Busse\n\n3 Bahnen\n\n{LONG}"
    assert from_text(text, fmt="text").sections == ()


def test_a_running_footer_with_page_numbers_is_no_chapter() -> None:
    footer = "Wahlprogramm Kommunalwahl 2026"
    text = "\n\n".join(f"{n} {footer}\n\n{LONG}" for n in (4, 6, 8, 10))
    assert from_text(text, fmt="text").sections == ()


def test_a_chapter_after_a_list_across_blank_lines_stays_apart() -> None:
    item = "- Erweiterung des Stadtparks als öffentliche Grünanlage für alle Menschen"
    text = f"{LONG}\n\n{item}\n\n\n4 Kinder und Familien\n\n{LONG}"
    doc = clean(
        RawDocument(
            name="t",
            format="text",
            lines=tuple(RawLine(text=line, page=1) for line in text.split("\n")),
            sha256="0",
        )
    )
    assert [b.text for b in doc.blocks][2] == "4 Kinder und Familien"


def test_a_listed_title_glued_to_its_first_paragraph_becomes_a_heading() -> None:
    # Plain text from a PDF: no blank line after the heading, so reading joins
    # the heading's line to the paragraph below it.
    doc = from_text(
        "Inhalt\n\nRadverkehr … 2\n\nSchulwege … 3\n\n"
        "Radverkehr\nWir bauen neue Radwege an allen Hauptstraßen.\n\n"
        "Schulwege\nJede Schule erhält einen Schulwegplan bis 2028.",
        fmt="text",
    )
    assert [s.title for s in doc.sections] == ["Radverkehr", "Schulwege"]
    body = [
        b.text for b, role in zip(doc.clean.blocks, doc.block_roles, strict=True) if role == "body"
    ]
    assert "Jede Schule erhält einen Schulwegplan bis 2028." in body
    assert all(doc.clean.text[b.start : b.end] == b.text for b in doc.clean.blocks)


def test_a_title_opening_a_paragraph_without_a_sentence_after_it_stays_glued() -> None:
    doc = from_text(
        "Inhalt\n\nRadverkehr … 2\n\nSchulwege … 3\n\n"
        "Radverkehr und Fußverkehr gehören zusammen.\n\nSchulwege",
        fmt="text",
    )
    assert "Radverkehr und Fußverkehr gehören zusammen." in [b.text for b in doc.clean.blocks]


def test_numbered_toc_entries_are_chapters_over_the_unnumbered_ones() -> None:
    doc = from_text(
        "Inhalt\n\nVorwort … 2\n\n1. Umwelt … 3\n\nKlima schützen … 3\n\n"
        "Bäume pflanzen … 4\n\n2. Verkehr … 5\n\nBusse stärken … 5\n\n"
        "Vorwort\n\nWir legen dieses Programm vor.\n\n1. Umwelt\n\nKlima schützen\n\n"
        "Wir senken den Ausstoß.\n\nBäume pflanzen\n\nWir pflanzen tausend Bäume.\n\n"
        "2. Verkehr\n\nBusse stärken\n\nWir verdichten den Takt.",
        fmt="text",
    )
    levels = {s.title: s.level for s in doc.sections}
    assert levels["Vorwort"] == levels["1. Umwelt"] == levels["2. Verkehr"] == 1
    assert levels["Klima schützen"] == levels["Bäume pflanzen"] == levels["Busse stärken"] == 2


def test_toc_entries_in_capitals_are_chapters_over_the_others() -> None:
    doc = from_text(
        "Inhalt\n\nUMWELT … 3\n\nKlima schützen … 3\n\nVERKEHR … 5\n\nBusse stärken … 5\n\n"
        "UMWELT\n\nKlima schützen\n\nWir senken den Ausstoß.\n\n"
        "VERKEHR\n\nBusse stärken\n\nWir verdichten den Takt.",
        fmt="text",
    )
    levels = {s.title.casefold(): s.level for s in doc.sections}
    assert levels["umwelt"] == levels["verkehr"] == 1
    assert levels["klima schützen"] == levels["busse stärken"] == 2


def test_a_toc_without_page_numbers_lists_short_lines_until_its_first_title_returns() -> None:
    doc = from_text(
        "Inhalt\n\nVorwort\n\n1. Umwelt\n\nKlima schützen\n\n2. Verkehr\n\nBusse stärken\n\n"
        "Vorwort\n\nWir legen dieses Programm vor.\n\n1. Umwelt\n\nKlima schützen\n\n"
        "Wir senken den Ausstoß.\n\n2. Verkehr\n\nBusse stärken\n\nWir verdichten den Takt.",
        fmt="text",
    )
    assert [(s.title, s.level) for s in doc.sections] == [
        ("Vorwort", 1),
        ("1. Umwelt", 1),
        ("Klima schützen", 2),
        ("2. Verkehr", 1),
        ("Busse stärken", 2),
    ]
    assert doc.block_roles[:6] == ("toc",) * 6


def test_a_footnote_mark_on_a_listed_heading_is_dropped() -> None:
    doc = from_text(
        "Inhalt\n\nUmwelt … 2\n\nVerkehr … 3\n\nUmwelt2\n\nWir pflanzen Bäume.\n\n"
        "Verkehr\n\nWir bauen Radwege.",
        fmt="text",
    )
    assert [s.title for s in doc.sections] == ["Umwelt", "Verkehr"]


def test_a_preamble_after_the_cover_lines_is_a_heading() -> None:
    cover = "Bürgerliste Musterstadt\n\nWahlprogramm 2026"
    text = f"{cover}\n\nVorwort\n\n{LONG} {PROSE}\n\n1 Wohnen\n\n{LONG}\n\n2 Schule\n\n{LONG}\n\n3 Kultur\n\n{LONG}"
    assert [t for t, _ in titles(from_text(text, fmt="text"))][:2] == ["Vorwort", "1 Wohnen"]


def test_an_ordinary_line_after_the_cover_lines_stays_body() -> None:
    text = f"Wahlprogramm 2026\n\nUnsere Ziele\n\n{LONG} {PROSE}"
    assert from_text(text, fmt="text").sections == ()


def test_a_box_of_examples_from_elsewhere_is_neither_section_nor_text() -> None:
    box = "Best Practice: BÜRGERBUS IN NACHBARSTADT\n\nDie Nachbarstadt betreibt seit 2019 einen Bürgerbus."
    text = f"1 Mobilität\n\n{LONG}\n\n{box}\n\n{PROSE}\n\n2 Schule\n\n{LONG}\n\n3 Kultur\n\n{LONG}"
    doc = from_text(text, fmt="text")
    assert [t for t, _ in titles(doc)] == ["1 Mobilität", "2 Schule", "3 Kultur"]
    roles = block_roles(doc)
    assert roles["Best Practice: BÜRGERBUS IN NACHBARSTADT"] == "furniture"
    assert roles["Die Nachbarstadt betreibt seit 2019 einen Bürgerbus."] == "furniture"
    assert roles[PROSE] == "body"


def test_a_box_of_examples_ends_before_the_next_chapter_heading() -> None:
    text = (
        f"1 Mobilität\n\n{LONG}\n\nVorbild: Bürgerbus in Nachbarstadt\n\n2 Schule\n\n{LONG}\n\n"
        f"3 Kultur\n\n{LONG}"
    )
    doc = from_text(text, fmt="text")
    assert [t for t, _ in titles(doc)] == ["1 Mobilität", "2 Schule", "3 Kultur"]


def test_a_box_label_on_its_own_line_takes_its_name_and_paragraph_only() -> None:
    text = (
        f"1 Mobilität\n\n{LONG}\n\nBest Practice:\n\nBÜRGERBUS IN NACHBARSTADT\n\n"
        f"Die Nachbarstadt betreibt seit 2019 einen Bürgerbus.\n\n{PROSE}\n\n"
        f"2 Schule\n\n{LONG}\n\n3 Kultur\n\n{LONG}"
    )
    doc = from_text(text, fmt="text")
    assert [t for t, _ in titles(doc)] == ["1 Mobilität", "2 Schule", "3 Kultur"]
    roles = block_roles(doc)
    assert roles["BÜRGERBUS IN NACHBARSTADT"] == "furniture"
    assert roles["Die Nachbarstadt betreibt seit 2019 einen Bürgerbus."] == "furniture"
    assert roles[PROSE] == "body"
