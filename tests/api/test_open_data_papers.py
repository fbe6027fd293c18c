"""The council papers editors confirmed for pledges in the open data: a table with the
papers' OParl ids in the CSV files, the JSON export and the Data Package (keys to
pledges and bodies), rebuilt after a decision."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from frictionless import Package
from tests.api.datapackage_check import check_package
from tests.oparl.link_rows import make_papers

from versprochen.api import export_files
from versprochen.oparl import links
from versprochen.oparl.models_links import Suggestion
from versprochen.site import public
from versprochen.tracker.models import Pledge
from versprochen.tracker.testing import make_people


@pytest.fixture
def decided(tracker: None) -> dict[str, Any]:
    """Pledge 1 confirmed with papers 2026/0102 and 2026/0104 (then deleted by the
    council system), pledge 2 with 2026/0103 rejected and 2026/0101 only suggested."""
    people = make_people()
    papers = make_papers(people["herne"])["papers"]
    school, buses = Pledge.objects.get(number=1), Pledge.objects.get(number=2)
    papers[1].web = "https://ris.herne.de/vo0102"
    papers[1].save()
    papers[3].web = "javascript:alert(1)"
    papers[3].save()
    for pledge, paper, decide in [
        (school, papers[1], links.confirm),
        (school, papers[3], links.confirm),
        (buses, papers[2], links.reject),
    ]:
        decide(people["erika"], Suggestion.objects.create(pledge=pledge, paper=paper))
    Suggestion.objects.create(pledge=buses, paper=papers[0])
    return {**people, "papers": papers, "school": school, "buses": buses}


def _rows(name: str) -> list[dict[str, str]]:
    text = (export_files.directory() / name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_confirmed_papers_are_in_csv_and_json_with_their_oparl_ids(
    decided: dict[str, Any],
) -> None:
    school, paper = decided["school"], decided["papers"][1]
    export_files.build()
    rows = _rows("pledge_papers.csv")
    assert rows == [
        {
            "pledge": str(school.pk),
            "paper": paper.oparl_id,
            "reference": "2026/0102",
            "name": "Schulsozialarbeit an Grundschulen",
            "paper_type": "Antrag",
            "date": "2026-03-02",
            "body": "stadt-herne",
            "web": "https://ris.herne.de/vo0102",
        },
        {
            "pledge": str(school.pk),
            "paper": decided["papers"][3].oparl_id,
            "reference": "2026/0104",
            "name": "Sanierung der Stadtbücherei",
            "paper_type": "Informationsvorlage",
            "date": "2026-03-04",
            "body": "stadt-herne",
            "web": "",  # not a web address: never exported as one
        },
    ]
    data = json.loads((export_files.directory() / "versprochen.json").read_text("utf-8"))
    assert [r["paper"] for r in data["pledge_papers"]] == [r["paper"] for r in rows]
    assert data["pledge_papers"][0]["pledge"] == school.pk
    assert (export_files.directory() / "excel-pledge_papers.csv").exists()


def test_a_deleted_paper_leaves_the_table(decided: dict[str, Any]) -> None:
    gone = decided["papers"][3]
    gone.deleted = True
    gone.save()
    export_files.build()
    assert [r["reference"] for r in _rows("pledge_papers.csv")] == ["2026/0102"]


def test_the_data_package_with_papers_validates_with_keys(decided: dict[str, Any]) -> None:
    export_files.build()
    folder = export_files.directory()
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    report = Package(package, basepath=str(folder)).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert check_package(package, lambda path: (folder / path).read_text(encoding="utf-8")) == []
    (resource,) = [r for r in package["resources"] if r["name"] == "pledge_papers"]
    schema = resource["schema"]
    assert schema["primaryKey"] == ["pledge", "paper"]
    targets = {k["reference"]["resource"] for k in schema["foreignKeys"]}
    assert targets == {"pledges", "bodies"}


def test_a_pledge_id_missing_from_pledges_fails_the_key_check(decided: dict[str, Any]) -> None:
    """The foreign key is checked: a link to a pledge not in pledges.csv is reported."""
    export_files.build()
    folder = export_files.directory()
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))

    def read(path: str) -> str:
        text = (folder / path).read_text(encoding="utf-8")
        if path == "pledge_papers.csv":
            return text.replace(f"\n{decided['school'].pk},", "\n999999,", 1)
        return text

    problems = check_package(package, read)
    assert any("pledge_papers" in p for p in problems), problems


def test_a_decision_makes_the_files_stale(decided: dict[str, Any]) -> None:
    export_files.build()
    assert export_files.built_from() == public.data_changed_at()
    suggestion = Suggestion.objects.get(pledge=decided["buses"], paper=decided["papers"][0])
    links.confirm(decided["erika"], suggestion)
    assert public.data_changed_at() > export_files.built_from()  # type: ignore[operator]
    assert export_files.refresh() is True
