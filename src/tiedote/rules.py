"""The rule catalogue: every rule id the engine can emit, with what it does.

``RULES["period.month.inessive"].description`` says what a rule id in a claim's
``rules`` (or the id that dropped a number, or found a time expression) means;
period rules also give the ``pattern`` of words they match.  Every entry has an
``example``, a sentence in which the rule fires, which the tests check.  The
entries are data, one line each, in ``rules.toml`` beside this module;
``python -m tiedote.rules_doc`` writes them to ``docs/rules.md``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType

__all__ = ["RULES", "STAGES", "RuleInfo", "parse"]

# The tables of rules.toml, in the order of the flow.
STAGES = ("number", "nonclaim", "unit", "qualifier", "statistic", "rate", "change", "measure", "subject", "source",
          "per", "period")


@dataclass(frozen=True, slots=True)
class RuleInfo:
    id: str
    stage: str  # the table it stands in, and the first part of its id
    description: str
    example: str  # a sentence the rule fires in, published 2024-05-15
    pattern: str | None = None  # period rules: the shape of the words they match

    def __str__(self) -> str:
        return self.description


def parse(toml: str) -> dict[str, RuleInfo]:
    """The entries of a catalogue in the form of ``rules.toml``, checked."""
    data = tomllib.loads(toml)
    if list(data) != list(STAGES):
        raise ValueError(f"rules.toml: tables {list(data)}, expected {list(STAGES)} in that order")
    out: dict[str, RuleInfo] = {}
    for stage, entries in data.items():
        for rule_id, entry in entries.items():
            where = f"rules.toml: {rule_id!r}"
            if rule_id.split(".")[0] != stage:
                raise ValueError(f"{where} stands in table [{stage}]")
            keys = {"description", "example"} | ({"pattern"} if stage == "period" and "pattern" in entry else set())
            if not isinstance(entry, dict) or set(entry) != keys or not all(
                    isinstance(entry[k], str) and entry[k].strip() for k in keys):
                raise ValueError(f"{where} needs a non-empty description and example (and, for a period rule, "
                                 "may give a pattern), nothing else")
            out[rule_id] = RuleInfo(rule_id, stage, entry["description"], entry["example"], entry.get("pattern"))
    return out


RULES: Mapping[str, RuleInfo] = MappingProxyType(
    parse(resources.files("tiedote").joinpath("rules.toml").read_text(encoding="utf-8")))
