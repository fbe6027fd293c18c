"""stage: a stage's label changes whenever its code or its data change."""

from __future__ import annotations

from pathlib import Path

from versprochen.extraction import STAGES
from versprochen.extraction.stage import dependencies, fingerprint


def package(root: Path, files: dict[str, str]) -> tuple[Path, Path]:
    """A fake `versprochen` package under `root`: (package folder, data folder)."""
    for name, text in files.items():
        path = root / "versprochen" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    data = root / "versprochen" / "extraction" / "data"
    data.mkdir(parents=True, exist_ok=True)
    return root / "versprochen", data


FILES = {
    "extraction/__init__.py": "from versprochen.extraction.pipeline import STAGES\n",
    "extraction/pipeline.py": "from versprochen.extraction import one, two\n",
    "extraction/one.py": "from versprochen.extraction import rules\n",
    "extraction/two.py": "X = 2\n",
    "extraction/rules.py": 'LEXICON = "words.txt"\n',
}


def test_a_stage_depends_on_what_it_imports_and_not_on_the_package(tmp_path: Path) -> None:
    root, _data = package(tmp_path, FILES)
    names = [p.name for p in dependencies("versprochen.extraction.one", root)]
    assert names == ["one.py", "rules.py"]


def test_the_fingerprint_changes_with_an_imported_module(tmp_path: Path) -> None:
    root, data = package(tmp_path / "a", FILES)
    before = fingerprint("versprochen.extraction.one", root, data)
    changed = {**FILES, "extraction/rules.py": 'LEXICON = "words.txt"  # reason\n'}
    root2, data2 = package(tmp_path / "b", changed)
    assert fingerprint("versprochen.extraction.one", root2, data2) != before
    unrelated = {**FILES, "extraction/two.py": "X = 3\n"}
    root3, data3 = package(tmp_path / "c", unrelated)
    assert fingerprint("versprochen.extraction.one", root3, data3) == before


def test_the_fingerprint_changes_with_a_data_file_the_code_names(tmp_path: Path) -> None:
    root, data = package(tmp_path / "a", FILES)
    (data / "words.txt").write_text("[a]\n1: haus\n", encoding="utf-8")
    (data / "other.txt").write_text("x\n", encoding="utf-8")
    before = fingerprint("versprochen.extraction.one", root, data)
    root2, data2 = package(tmp_path / "b", FILES)
    (data2 / "words.txt").write_text("[a]\n1: haus garten\n", encoding="utf-8")
    (data2 / "other.txt").write_text("y\n", encoding="utf-8")
    assert fingerprint("versprochen.extraction.one", root2, data2) != before
    root3, data3 = package(tmp_path / "c", FILES)
    (data3 / "words.txt").write_text("[a]\n1: haus\n", encoding="utf-8")
    (data3 / "other.txt").write_text("z\n", encoding="utf-8")
    assert fingerprint("versprochen.extraction.one", root3, data3) == before


def test_every_stage_label_carries_its_fingerprint() -> None:
    for stage in STAGES:
        name_version, _, digest = stage.label.partition("+")
        assert name_version == f"{stage.name}@{stage.version}"
        assert len(digest) == 8 and int(digest, 16) >= 0
