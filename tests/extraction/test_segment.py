from tests.extraction.helpers import outlined
from versprochen.extraction.segment import segment, sentence_spans


def texts(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def test_german_abbreviations_do_not_end_a_sentence() -> None:
    text = (
        "Wir fördern z.B. Jugendzentren, u.a. in Erkelenz, und ggf. weitere Orte. "
        "Wir schaffen bspw. neue Stellen."
    )
    assert texts(text) == [
        "Wir fördern z.B. Jugendzentren, u.a. in Erkelenz, und ggf. weitere Orte.",
        "Wir schaffen bspw. neue Stellen.",
    ]


def test_ordinal_numbers_and_dates_do_not_end_a_sentence() -> None:
    text = "Der Klimawandel ist eine Herausforderung des 21. Jahrhunderts. Am 13. September wählen wir."
    assert texts(text) == [
        "Der Klimawandel ist eine Herausforderung des 21. Jahrhunderts.",
        "Am 13. September wählen wir.",
    ]


def test_a_stop_without_its_space_still_ends_a_sentence() -> None:
    # Converted PDFs lose the space after a stop.
    assert texts("So bleibt alles teurer.Eine große Mehrheit will handeln") == [
        "So bleibt alles teurer.",
        "Eine große Mehrheit will handeln",
    ]
    assert texts("Wir handeln.Sofort. Und gern.") == ["Wir handeln.", "Sofort.", "Und gern."]


def test_longer_abbreviations_and_bracketed_stops_do_not_end_a_sentence() -> None:
    text = (
        "Das ehem. Gefängnis in der Hauptstr. Nord wird ein Lernort (siehe Anlage. Dort mehr). "
        "Wir fördern ihn, insbes. Führungen."
    )
    assert texts(text) == [
        "Das ehem. Gefängnis in der Hauptstr. Nord wird ein Lernort (siehe Anlage. Dort mehr).",
        "Wir fördern ihn, insbes. Führungen.",
    ]


def test_month_abbreviation_does_not_end_a_sentence() -> None:
    assert len(texts("Die Sitzung ist im Aug. 2026 geplant. Danach beginnt der Bau.")) == 2


def test_segments_carry_offsets_pages_sections_and_list_leads() -> None:
    doc = outlined(
        ("h1", "Bildung"),
        ("p", "Umsetzung des Schulentwicklungsplans mit den folgenden Punkten:"),
        ("li", "Ganztagsquote in Kitas auf 80 Prozent."),
        ("li", "Ganztagsquote an Grundschulen auf 90 Prozent."),
    )
    segments = segment(doc).segments
    assert [s.kind for s in segments] == ["sentence", "list_item", "list_item"]
    for s in segments:
        assert doc.clean.text[s.start : s.end] == s.text
        assert s.section == 0
    assert segments[1].lead == "Umsetzung des Schulentwicklungsplans mit den folgenden Punkten:"


def test_headings_are_not_segmented() -> None:
    doc = outlined(("h1", "Ausbau der Radwege"), ("p", "Wir bauen Radwege."))
    assert [s.text for s in segment(doc).segments] == ["Wir bauen Radwege."]


def test_a_short_stem_without_a_colon_leads_the_list_after_it() -> None:
    doc = outlined(
        ("h1", "Verkehr"),
        ("p", "Daher fordern wir"),
        ("li", "einen Radweg entlang des Flusses."),
        ("p", "Die Stadt wächst schnell und braucht neue Wege"),
        ("p", "Sie hat viele Pendler."),
    )
    segments = segment(doc).segments
    assert segments[1].lead == "Daher fordern wir"
    # A line that no list item follows leads nothing.
    assert [s.lead for s in segments[2:]] == ["", ""]


def test_a_bracket_left_open_does_not_end_the_sentence() -> None:
    text = "Die Feuerwehr soll moderne (digitale Funkgeräte bekommen. Das verkürzt die Wege."
    assert texts(text) == [
        "Die Feuerwehr soll moderne (digitale Funkgeräte bekommen.",
        "Das verkürzt die Wege.",
    ]
