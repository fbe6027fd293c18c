"""Example sentences for every rule branch, taken from text the rules were not tuned on.

Each case-insensitive rule of the rule modules is split into its branches
(`corpus.branches`); each branch carries one example: a sentence of the
non-gold shared data that it matches, with the file it comes from. The
examples live in `rule-examples.tsv`; `test_rule_evidence` checks that every
branch has one, that it matches, and that no example comes from a gold
document. Regenerate after changing a rule:

    PYTHONPATH=. .venv/bin/python tests/extraction/rule_examples.py
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

from tests.extraction.corpus import branches, gold_corpus, other_sources
from versprochen.extraction.coding.gates import Gated
from versprochen.extraction.cues import Folded

EXAMPLES = Path(__file__).with_name("rule-examples.tsv")
RULE_MODULES = (
    "cues",
    "detect",
    "split",
    "clauses",
    "admissible",
    "commitment",
    "segment",
    "merge",
    "boilerplate",
    "coding.kind",
    "coding.testable",
    "coding.places",
    "coding.place_words",
    "coding.quantities",
    "coding.area",
    "coding.cap",
)
WRITTEN = "written"
# Lexicon entries carry examples too (rule: the file, branch: the pattern).
LEXICONS = ("coding-areas.txt", "coding-cap.txt", "coding-places.txt", "coding-testable.txt")
_SENTENCE = re.compile(r"[^.!?\n]{8,400}[.!?]?")


def rule_branches() -> list[tuple[str, str, int]]:
    """(module.rule, branch, flags) of every case-insensitive rule in the rule modules.

    The corpora are compared lower-cased, so rules that tell case apart are left out.
    """
    out = []
    for module_name in RULE_MODULES:
        module = importlib.import_module(f"versprochen.extraction.{module_name}")
        for name, rule in vars(module).items():
            if isinstance(rule, Folded):
                found, flags = branches(rule.pattern), re.IGNORECASE
            elif isinstance(rule, re.Pattern) and rule.flags & re.IGNORECASE:
                found, flags = branches(rule.pattern), rule.flags
            elif isinstance(rule, Gated) and rule.pattern.flags & re.IGNORECASE:
                found, flags = list(rule.branches), rule.pattern.flags
            else:
                continue
            out += [(f"{module_name}.{name}", branch, flags) for branch in found]
    return out


def load() -> dict[tuple[str, str], tuple[str, str]]:
    """(rule, branch) → (example, source file or "written")."""
    out: dict[tuple[str, str], tuple[str, str]] = {}
    if not EXAMPLES.exists():
        return out
    for line in EXAMPLES.read_text(encoding="utf-8").splitlines():
        rule, branch, example, source = line.split("\t")
        out[(rule, branch)] = (example, source)
    return out


def main() -> None:
    gold = gold_corpus().text
    sentences = [
        (match.group().strip(), path.name)
        for path in other_sources()
        for match in _SENTENCE.finditer(path.read_text(encoding="utf-8", errors="replace"))
        if match.group().strip().lower() not in gold
    ]
    # Examples written by hand (source "written") where the data has none are kept,
    # and so are the examples of lexicon entries (rule: the lexicon's file name).
    examples = load()
    written = {key: value for key, value in examples.items() if value[1] == WRITTEN}
    rows = []
    for rule, branch, flags in rule_branches():
        compiled = re.compile(branch, flags)
        # The shortest matching sentence of six words or more is the clearest example.
        found = [(len(s), s, source) for s, source in sentences if compiled.search(s)]
        whole = [f for f in found if len(f[1].split()) >= 6] or found
        if whole:
            _, sentence, source = min(whole)
            rows.append("\t".join((rule, branch, sentence, source)))
        elif (rule, branch) in written:
            rows.append("\t".join((rule, branch, *written[(rule, branch)])))
        else:
            print(f"no example: {rule}\t{branch}")
    rows += ["\t".join((*key, *value)) for key, value in examples.items() if key[0] in LEXICONS]
    EXAMPLES.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} examples written to {EXAMPLES}")


if __name__ == "__main__":
    main()
