"""tiedote.explain: every number of a text, the claim it became or the named reason it is none."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

import tiedote
from tiedote.cli import main
from tiedote.nonclaims.reasons import REASONS

PUB = dt.date(2024, 3, 12)

# (text, number as written, rule id that drops it, reason) - own sentences, one per kind of non-claim
DROPPED = [
    ("Vuonna 2019 kävijöitä oli 4 100.", "2019", "nonclaim.period_year", "year naming a period"),
    ("Näyttely avataan 14.3.2024 ja sen näki 800 ihmistä.", "14.3.2024", "nonclaim.in_period",
     "part of a time expression"),
    ("Ovet avataan klo 9 ja jonossa oli 60 henkeä.", "9", "nonclaim.clock", "clock time"),
    ("Neuvonta palvelee numerossa 029 512 000 ja vastasi 300 kysymykseen.", "029", "nonclaim.phone",
     "phone number"),
    ("Rikoslain 21 § koskee tekoja, joita oli 12.", "21", "nonclaim.section", "law section"),
    ("Tyytyväisyys mitattiin asteikolla 1–5 ja keskiarvo oli 4,2.", "1–5", "nonclaim.scale", "rating scale"),
    ("Toimisto on osoitteessa 00520 Helsinki ja siellä käy 90 asiakasta.", "00520", "nonclaim.postal_code",
     "postal code"),
    ("Linja 550 kuljetti 12 000 matkustajaa.", "550", "nonclaim.name", "number inside a name"),
    ("Alle 3-vuotiaita lapsia oli hoidossa 410.", "3", "nonclaim.age", "age or age group"),
    ("Hakemuksia tuli kaksi kertaa niin paljon kuin ennen, yhteensä 600.", "kaksi", "nonclaim.ratio",
     "ratio without a unit"),
    ("Ohjeet ovat sivulla https://esimerkki.fi/ohje/2024/12 ja niitä luettiin 5 000 kertaa.", "12",
     "nonclaim.url", "inside a web address"),
]


@pytest.mark.parametrize("text,number,rule,reason", DROPPED, ids=[r[2] for r in DROPPED])
def test_a_dropped_number_has_its_reason_and_rule(text: str, number: str, rule: str, reason: str) -> None:
    mentions = tiedote.explain(text, published=PUB)
    [m] = [m for m in mentions if m.text == number]
    assert (m.claim, m.rule, m.reason) == (None, rule, reason)
    assert text[m.start:m.end] == m.text
    assert any(m.claim is not None for m in mentions), "the sentence's figure is still a claim"


def test_claims_are_the_claims_of_extract_in_text_order() -> None:
    text = ("Tammikuussa jonotettiin keskimäärin 12 minuuttia. Vuonna 2023 luku oli 15 minuuttia. "
            "Palvelu on auki klo 8–16.")
    mentions = tiedote.explain(text, published=PUB)
    claims = tiedote.extract(text, published=PUB)
    assert [m.claim for m in mentions if m.claim is not None] == claims
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    assert [(m.text, m.reason) for m in mentions if m.claim is None] == [
        ("2023", "year naming a period"), ("8–16", "clock time")]


def test_every_rule_id_the_checks_return_has_a_reason() -> None:
    src = Path(tiedote.__file__).parent
    ids = set()
    for path in [*src.joinpath("nonclaims").glob("*.py"), src / "claims" / "assemble.py"]:
        ids |= set(re.findall(r'"(nonclaim\.[a-z_]+)"', path.read_text(encoding="utf-8")))
    assert ids, "no non-claim ids found: the grep no longer matches the code"
    assert ids <= set(REASONS), f"ids without a reason: {sorted(ids - set(REASONS))}"


def test_explain_without_published_still_names_reasons() -> None:
    [m] = [m for m in tiedote.explain("Vuonna 2020 jäseniä oli 40.") if m.claim is None]
    assert m.reason == "year naming a period"


def test_cli_prints_a_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "tiedote.txt"
    f.write_text("Vuonna 2022 kirjastossa vieraili 51 000 kävijää.\n", encoding="utf-8")
    assert main(["explain", str(f), "--published", "2023-01-20"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["at", "number", "claim", "or", "reason", "rule"]
    assert "not a claim: year naming a period" in out[1] and "2022" in out[1]
    assert "51000 count" in out[2] and "2022-01-01…2022-12-31" in out[2]


def test_the_function_is_not_shadowed_by_a_module_of_its_name() -> None:
    import tiedote.explanation

    assert callable(tiedote.explain)
