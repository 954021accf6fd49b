"""The rule catalogue (``tiedote.RULES``, ``src/tiedote/rules.toml``) against the engine.

* every id the engine emits on the fixtures and the ../shared sets is catalogued;
* every catalogued id is exercised: its own example sentence emits it;
* every id a rule builds from a word list or a vocabulary (``f"period.month.{case}"``,
  ``f"rate.{rate}"`` …) is catalogued for every value the list or vocabulary holds;
* docs/rules.md is what ``python -m tiedote.rules_doc`` writes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import get_args

import pytest

import tiedote
from tests.helpers import FIXTURES, ROOT, SHARED, gold_files, load_release
from tests.rule_trace import emitted
from tiedote import models, rules_doc
from tiedote.periods.lexicon import time_lexicon
from tiedote.periods.patterns import rules as period_rules
from tiedote.rules import RULES, STAGES, parse

EXAMPLE_PUBLISHED = dt.date(2024, 5, 15)
_SHARED_GOLDS = [p for d in ("seed", "eval/dev", "eval/dev2") for p in gold_files(SHARED / d)]


def _emitted_on(golds: list[Path]) -> dict[str, str]:
    """Rule id -> the first release it fired in."""
    where: dict[str, str] = {}
    for path in golds:
        text, published, _ = load_release(path)
        for rule_id in emitted(text, published):
            where.setdefault(rule_id, path.name)
    return where


def test_rules_is_importable_from_the_package() -> None:
    assert tiedote.RULES is RULES
    assert len(RULES) > 100
    assert str(RULES["period.month.inessive"]) == RULES["period.month.inessive"].description


@pytest.mark.source_tap
@pytest.mark.parametrize("rule_id", list(RULES))
def test_the_example_of_each_rule_emits_it(rule_id: str) -> None:
    rule = RULES[rule_id]
    assert rule_id in emitted(rule.example, EXAMPLE_PUBLISHED), rule.example


@pytest.mark.source_tap
def test_every_id_emitted_on_the_fixtures_is_catalogued() -> None:
    where = _emitted_on(gold_files(FIXTURES))
    assert len(where) > 50  # the tap sees the rules at all
    missing = {rule_id: release for rule_id, release in where.items() if rule_id not in RULES}
    assert not missing, f"rule ids not in src/tiedote/rules.toml (id: first release): {missing}"


@pytest.mark.source_tap
@pytest.mark.skipif(not _SHARED_GOLDS, reason="../shared is not beside the checkout (measuring sets only)")
def test_every_id_emitted_on_the_shared_sets_is_catalogued() -> None:
    where = _emitted_on(_SHARED_GOLDS)
    missing = {rule_id: release for rule_id, release in where.items() if rule_id not in RULES}
    assert not missing, f"rule ids not in src/tiedote/rules.toml (id: first release): {missing}"


def _built_ids() -> set[str]:
    """The ids rules build from a value: every value their lists and vocabularies hold."""
    lx = time_lexicon()
    grammar, _ = period_rules()
    cases = {x.case for x in lx.months.values()} | {"abbreviation"}
    return (
        {f"period.month.{case}{year}" for case in cases for year in ("", "+year")}
        | {f"period.month.part.{part}" for part in lx.month_windows}
        | {f"period.year.part.{part}" for part in lx.year_windows}
        | {f"period.year.compound.{part}" for part in lx.part_compounds.values()}
        | {f"period.relative.{unit}" for unit, _ in grammar.unit_noun.values()}
        | {f"statistic.{s}" for s in models.STATISTICS}
        | {f"rate.{r}" for r in models.RATES}
        | {f"change.{d}" for d in get_args(models.Direction)}
        | {f"number.{kind}{sign}{scale}" for kind in ("digits", "grouped") for sign in ("", "+sign")
           for scale in ("", "+scale")}
    )


def test_every_id_built_from_a_word_list_is_catalogued() -> None:
    missing = sorted(_built_ids() - set(RULES))
    assert not missing, f"ids a rule can build but rules.toml lacks: {missing}"


def test_ids_follow_their_stage() -> None:
    assert [r.stage for r in RULES.values()] == sorted((r.stage for r in RULES.values()), key=STAGES.index)
    assert all(r.id.split(".")[0] == r.stage and (r.pattern is None or r.stage == "period") for r in RULES.values())
    # every period rule that matches words says which words; the others carry a time from the
    # release's state (the period in force, the frame, the figure before ...)
    assert {r.id for r in RULES.values() if r.stage == "period" and r.pattern is None} == {
        "period.in_force", "period.published", "period.title_from_body", "period.frame", "period.heading",
        "period.previous_figure", "period.year_in_force", "period.comparison_span", "period.comparison_base",
        "period.from_value"}


@pytest.mark.parametrize(("toml", "message"), [
    ('[number]\n"number.x" = { description = "d", example = "e" }\n', "tables"),
    ("".join(f"[{s}]\n" for s in STAGES) + '"period.x" = { description = "d" }\n', "needs a non-empty"),
    ("".join(f"[{s}]\n" for s in STAGES) + '"unit.x" = { description = "d", example = "e" }\n', "stands in table"),
    ("".join(f"[{s}]\n" for s in STAGES[:2]) + '"nonclaim.x" = { description = "d", example = "e", pattern = "p" }\n'
     + "".join(f"[{s}]\n" for s in STAGES[2:]), "needs a non-empty"),
])
def test_a_malformed_catalogue_is_refused(toml: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse(toml)


def test_docs_rules_md_is_up_to_date() -> None:
    doc = ROOT / "docs" / "rules.md"
    assert doc.read_text(encoding="utf-8") == rules_doc.render(), "run: python -m tiedote.rules_doc"
    assert all(f"`{rule_id}`" in doc.read_text(encoding="utf-8") for rule_id in RULES)
