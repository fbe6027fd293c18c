"""A coalition's rule set: read from a TOML or JSON rule file, checked, typed.

Plain Python (no Django): the rules are configuration, the engine (`engine.py`)
reads them. A rule file lists `[[rule]]` tables, each with its `number`, `key`
(one of `SETTINGS`), `enabled` switch, the sentence of the agreement it comes
from (`cite`) and the rule's own numbers and switches.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PRESETS_DIR = Path(__file__).resolve().parent / "presets"

BODY_KINDS = ("council", "committee", "district_council", "company_board")
EXCEPTION_REASONS = ("legally_required", "funding", "grants", "fee_statutes")
FILING_KINDS = ("motion", "question", "agenda_motion")

# Every known rule key with its settings and their types (besides number, key, enabled, cite).
SETTINGS: dict[str, dict[str, type]] = {
    "joint_vote": {"body_kinds": list},
    "own_motions": {
        "allowed_body_kinds": list,
        "requires_joint_attempt": bool,
        "with_other_parties": bool,
        "counts_as_breach": bool,
    },
    "own_motion_presentation": {"after_joint_vote": bool},
    "partner_notice": {"days_before_submission_deadline": int},
    "autonomous_filing": {"filing_kinds": list, "notice_to_partner": bool},
    "positions_before_committee": {"body_kinds": list, "days_before_meeting": int},
    "coordination_group": {"max_per_partner": int},
    "no_consensus": {"default": str, "exceptions": list, "escalate": bool},
    "dissent_resolution": {"unanimous": bool, "outcomes": list, "interim": list},
    "dissent_other_motion": {"first": str, "fallback": str},
    "decision_log": {},
    "company_boards": {"body_kinds": list},
    "review": {"yearly_review": bool, "mid_term_evaluation": bool},
}
# Values a list setting may hold (settings not named here hold free text).
LIST_VALUES: dict[str, tuple[str, ...]] = {
    "body_kinds": BODY_KINDS,
    "allowed_body_kinds": BODY_KINDS,
    "exceptions": EXCEPTION_REASONS,
    "filing_kinds": FILING_KINDS,
    "outcomes": ("unanimous_decision", "recorded_dissent"),
    "interim": ("abstain", "announce_amendments"),
}


class RuleFileError(ValueError):
    """A rule file that cannot be used; the message names the file and the reason."""


@dataclass(frozen=True)
class Rule:
    number: int
    key: str
    enabled: bool
    cite: str
    settings: Mapping[str, Any] = field(default_factory=dict)

    def get(self, name: str) -> Any:
        return self.settings[name]


@dataclass(frozen=True)
class RuleSet:
    name: str
    source: str
    rules: tuple[Rule, ...]

    def rule(self, key: str) -> Rule | None:
        """The enabled rule with `key`, or None when the coalition has switched it off."""
        for rule in self.rules:
            if rule.key == key and rule.enabled:
                return rule
        return None

    def as_data(self) -> dict[str, Any]:
        """The rule set as JSON-ready data (what `parse` reads back)."""
        return {
            "name": self.name,
            "source": self.source,
            "rule": [
                {"number": r.number, "key": r.key, "enabled": r.enabled, "cite": r.cite}
                | {k: list(v) if isinstance(v, tuple) else v for k, v in r.settings.items()}
                for r in self.rules
            ],
        }


def _rule(raw: Any, where: str) -> Rule:
    if not isinstance(raw, Mapping):
        raise RuleFileError(f"{where}: a rule must be a table")
    key = raw.get("key")
    if key not in SETTINGS:
        raise RuleFileError(f"{where}: unknown rule key {key!r} (known: {', '.join(SETTINGS)})")
    where = f"{where} ({key})"
    number, cite, enabled = raw.get("number"), raw.get("cite"), raw.get("enabled", True)
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        raise RuleFileError(f"{where}: 'number' must be a positive whole number")
    if not isinstance(cite, str) or not cite.strip():
        raise RuleFileError(f"{where}: 'cite' must give the sentence the rule comes from")
    if not isinstance(enabled, bool):
        raise RuleFileError(f"{where}: 'enabled' must be true or false")
    wanted = SETTINGS[key]
    extra = set(raw) - set(wanted) - {"number", "key", "enabled", "cite"}
    if extra:
        raise RuleFileError(f"{where}: unknown setting {sorted(extra)[0]!r}")
    settings: dict[str, Any] = {}
    for name, kind in wanted.items():
        if name not in raw:
            raise RuleFileError(f"{where}: setting {name!r} is missing")
        if not isinstance(raw[name], kind) or (kind is int and isinstance(raw[name], bool)):
            raise RuleFileError(f"{where}: {name!r} must be of type {kind.__name__}")
        value: Any = raw[name]
        if kind is int and value < 0:
            raise RuleFileError(f"{where}: {name!r} must not be negative")
        if kind is list:
            allowed = LIST_VALUES.get(name)
            for item in value:
                if not isinstance(item, str) or (allowed and item not in allowed):
                    raise RuleFileError(
                        f"{where}: {name!r} holds {item!r}, not one of {', '.join(allowed or ())}"
                    )
            value = tuple(value)
        settings[name] = value
    return Rule(number=number, key=key, enabled=enabled, cite=cite.strip(), settings=settings)


def parse(data: Any, origin: str = "rule file") -> RuleSet:
    """A rule set from parsed TOML/JSON data; RuleFileError naming `origin` when it is bad."""
    if not isinstance(data, Mapping):
        raise RuleFileError(f"{origin}: expected a table of rules")
    raw_rules = data.get("rule")
    if not isinstance(raw_rules, list) or not raw_rules:
        raise RuleFileError(f"{origin}: no [[rule]] entries")
    rules = tuple(_rule(raw, f"{origin}: rule {i}") for i, raw in enumerate(raw_rules, 1))
    keys = [r.key for r in rules]
    for key in keys:
        if keys.count(key) > 1:
            raise RuleFileError(f"{origin}: rule {key!r} is given twice")
    name = data.get("name", "")
    if not isinstance(name, str) or not name.strip():
        raise RuleFileError(f"{origin}: 'name' is missing")
    return RuleSet(name=name.strip(), source=str(data.get("source", "")), rules=rules)


def load(spec: str) -> RuleSet:
    """`preset:NAME` (from `presets/`) or the path of a .toml or .json rule file."""
    if spec.startswith("preset:"):
        name = spec.removeprefix("preset:")
        path = PRESETS_DIR / f"{name}.toml"
        if not name or "/" in name or not path.is_file():
            known = ", ".join(sorted(p.stem for p in PRESETS_DIR.glob("*.toml")))
            raise RuleFileError(f"--rules: no preset {name!r} (known: {known})")
    else:
        path = Path(spec)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise RuleFileError(f"{path}: cannot be read ({error.strerror or error})") from None
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(raw.decode("utf-8"))
        else:
            data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise RuleFileError(f"{path}: not UTF-8 text") from None
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as error:
        raise RuleFileError(f"{path}: not a valid rule file ({error})") from None
    return parse(data, str(path.name))
