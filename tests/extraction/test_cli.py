import json
from pathlib import Path

from click.testing import CliRunner

from versprochen.cli import main

PROGRAM = """# Bildung

Wir wollen das Angebot der Volkshochschule flächendeckend ausbauen. Der Kreis ist schön.

# Mobilität

- Ausbau des Busnetzes im gesamten Kreis
- Einführung eines 365-Euro-Tickets für alle
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_extract_json_has_exactly_the_documented_shape(tmp_path: Path) -> None:
    path = write(tmp_path, "programm.md", PROGRAM)
    result = CliRunner().invoke(main, ["extract", str(path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"document", "pipeline", "sections", "pledges"}
    assert data["document"] == "programm.md"
    assert [s["title"] for s in data["sections"]] == ["Bildung", "Mobilität"]
    assert set(data["sections"][0]) == {"title", "level", "page"}
    texts = [p["text"] for p in data["pledges"]]
    assert any("Volkshochschule" in t for t in texts)
    assert not any("schön" in t for t in texts)
    for pledge in data["pledges"]:
        assert set(pledge) == {
            "id",
            "text",
            "section",
            "area",
            "cap",
            "kind",
            "testable",
            "quantities",
            "places",
            "mentions",
        }
        for mention in pledge["mentions"]:
            assert set(mention) == {"text", "page", "start", "end"}


def test_extract_summary_lists_pledges_by_section(tmp_path: Path) -> None:
    path = write(tmp_path, "programm.md", PROGRAM)
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 0
    assert "## Mobilität" in result.output
    assert "pledges" in result.output.splitlines()[0]


def test_evaluate_prints_precision_recall_f1_and_field_accuracy(tmp_path: Path) -> None:
    path = write(tmp_path, "programm.md", PROGRAM)
    gold = {
        "document": "programm.md",
        "pledges": [
            {
                "id": "g1",
                "text": "Ausbau des Busnetzes im gesamten Kreis",
                "mentions": ["Ausbau des Busnetzes im gesamten Kreis"],
                "section": "Mobilität",
                "area": "mobilitaet",
                "cap": 10,
                "kind": "action",
                "testable": True,
                "quantities": [],
                "places": [],
            },
            {
                "id": "g2",
                "text": "Bau einer Seilbahn",
                "mentions": ["Bau einer Seilbahn"],
                "section": "Mobilität",
                "area": "mobilitaet",
                "cap": 10,
                "kind": "action",
                "testable": True,
                "quantities": [],
                "places": [],
            },
        ],
    }
    gold_path = write(tmp_path, "gold.json", json.dumps(gold))
    result = CliRunner().invoke(main, ["evaluate", str(path), "--gold", str(gold_path)])
    assert result.exit_code == 0, result.output
    assert "Missed (1):" in result.output and "g2: Bau einer Seilbahn" in result.output
    assert "recall 0.500" in result.output
    assert "accuracy: area" in result.output


def test_evaluate_refuses_a_file_that_is_not_a_gold_file(tmp_path: Path) -> None:
    path = write(tmp_path, "programm.md", PROGRAM)
    gold_path = write(tmp_path, "gold.json", '{"pledges": 3}')
    result = CliRunner().invoke(main, ["evaluate", str(path), "--gold", str(gold_path)])
    assert result.exit_code == 2
    assert "gold.json" in result.output and "Traceback" not in result.output
