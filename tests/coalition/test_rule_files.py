"""Rule files: a coalition elsewhere changes numbers and switches without a code change;
a broken rule file gets one line naming the file and the reason."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path
from typing import Any

import pytest

from versprochen.coalition import engine
from versprochen.coalition.rules import PRESETS_DIR, RuleFileError, load, parse


def _herne() -> dict[str, Any]:
    return tomllib.loads((PRESETS_DIR / "herne-2025.toml").read_text())


def _rule(data: dict[str, Any], key: str) -> dict[str, Any]:
    return next(r for r in data["rule"] if r["key"] == key)


def test_other_numbers_and_switches_from_a_json_file(tmp_path: Path) -> None:
    data = _herne()
    data["name"] = "Anderswo"
    _rule(data, "partner_notice")["days_before_submission_deadline"] = 21
    _rule(data, "coordination_group")["max_per_partner"] = 3
    _rule(data, "own_motions")["allowed_body_kinds"] = ["district_council", "committee"]
    _rule(data, "company_boards")["enabled"] = False
    path = tmp_path / "anderswo.json"
    path.write_text(json.dumps(data))
    rules = load(str(path))
    due = dt.date(2026, 6, 1)
    assert engine.proposal_timing(rules, due - dt.timedelta(days=20), due).days_missing == 1
    assert engine.check_coordination_cap(rules, 3) is not None
    assert engine.check_coordination_cap(rules, 2) is None
    committee = engine.MotionFacts(False, "motion", "committee", joint_attempt=True)
    assert engine.check_motion(rules, committee) == []
    # Without rule 12 a company board is not bound by the joint vote.
    board = engine.MotionFacts(False, "motion", "company_board")
    assert engine.check_motion(rules, board) == []
    assert engine.check_motion(load("preset:herne-2025"), board)[0].rule == 12


def test_round_trip_through_the_stored_data() -> None:
    rules = load("preset:herne-2025")
    assert parse(json.loads(json.dumps(rules.as_data()))) == rules


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["rule"].append(dict(_rule(d, "review"))), "given twice"),
        (lambda d: _rule(d, "review").pop("cite"), "'cite' must give the sentence"),
        (lambda d: _rule(d, "coordination_group").update(max_per_partner="acht"), "type int"),
        (lambda d: _rule(d, "coordination_group").update(max_per_partner=-1), "not be negative"),
        (lambda d: _rule(d, "no_consensus").update(exceptions=["weather"]), "holds 'weather'"),
        (lambda d: _rule(d, "review").update(colour="blue"), "unknown setting 'colour'"),
        (lambda d: _rule(d, "review").update(key="lunch"), "unknown rule key 'lunch'"),
        (lambda d: d.update(rule=[]), "no [[rule]] entries"),
    ],
)
def test_a_broken_rule_file_is_named_with_the_reason(
    tmp_path: Path, change: Any, message: str
) -> None:
    data = _herne()
    change(data)
    path = tmp_path / "kaputt.json"
    path.write_text(json.dumps(data))
    with pytest.raises(RuleFileError) as error:
        load(str(path))
    assert str(error.value).startswith("kaputt.json") and message in str(error.value)
    assert "\n" not in str(error.value)


def test_files_that_are_not_rule_files(tmp_path: Path) -> None:
    broken = tmp_path / "kaputt.toml"
    broken.write_text("name = \n")
    with pytest.raises(RuleFileError, match=r"kaputt.toml: not a valid rule file"):
        load(str(broken))
    latin = tmp_path / "latin.toml"
    latin.write_bytes("name = 'Köln'".encode("latin-1"))
    with pytest.raises(RuleFileError, match="not UTF-8"):
        load(str(latin))
    with pytest.raises(RuleFileError, match="cannot be read"):
        load(str(tmp_path / "fehlt.toml"))
    with pytest.raises(RuleFileError, match="no preset"):
        load("preset:../../etc/passwd")
