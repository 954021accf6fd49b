"""The public API of contract.md: extract, Extractor, frozen records, stable ids, errors."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pydantic
import pytest

import tiedote
from tiedote.errors import InputTypeError, TextTooLongError

TEXT = ("Kelan puhelinpalvelussa vastattiin toukokuussa keskimäärin 40 000 puheluun viikossa, "
        "helmikuussa noin 30 000:een. Jonotusaika on nyt 2 minuuttia.")
PUB = dt.date(2020, 6, 9)


def test_extract_returns_frozen_claims_with_contract_json() -> None:
    claims = tiedote.extract(TEXT, published=PUB)
    assert [c.quantity.value for c in claims] == [40000, 30000, 2]
    with pytest.raises(pydantic.ValidationError):
        claims[0].quantity.value = 1  # type: ignore[misc]
    data = claims[0].model_dump(mode="json")
    assert set(data) >= {"id", "quantity", "measure", "subject", "statistic", "rate", "period", "change",
                         "sentence", "rules"}
    assert data["rules"] and all(isinstance(r, str) for r in data["rules"])
    assert tiedote.Claim.model_validate(json.loads(json.dumps(data))) == claims[0]


def test_ids_are_stable_and_distinct() -> None:
    a = [c.id for c in tiedote.extract(TEXT, published=PUB)]
    b = [c.id for c in tiedote.Extractor().extract(TEXT, published=PUB)]
    assert a == b and len(set(a)) == len(a)
    other_date = [c.id for c in tiedote.extract(TEXT, published=dt.date(2021, 6, 9))]
    assert set(a).isdisjoint(other_date)


@pytest.mark.slow
def test_ids_are_stable_across_processes() -> None:
    code = ("import datetime as dt, tiedote; "
            f"print(' '.join(c.id for c in tiedote.extract({TEXT!r}, published=dt.date(2020, 6, 9))))")
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={"PYTHONHASHSEED": seed, "PATH": ""}).stdout for seed in ("0", "4242")}
    assert len(runs) == 1
    assert runs.pop().split() == [c.id for c in tiedote.extract(TEXT, published=PUB)]


def test_extract_many_streams_in_order() -> None:
    ex = tiedote.Extractor()
    items = [(TEXT, PUB), ("Hinta on 48 euroa.", None), ("Ei lukuja tässä.", None)]
    out = list(ex.extract_many(items, batch_size=2))
    assert [[c.quantity.value for c in claims] for claims in out] == [[40000, 30000, 2], [48], []]
    assert out[0] == ex.extract(TEXT, published=PUB)


@pytest.mark.parametrize("text,published,error", [
    pytest.param(b"bytes", None, InputTypeError, id="text-bytes"),
    pytest.param(None, None, InputTypeError, id="text-none"),
    pytest.param("teksti", "2020-06-09", InputTypeError, id="published-str"),
    pytest.param("teksti", 20200609, InputTypeError, id="published-int"),
])
def test_bad_input_is_a_clear_error(text: object, published: object, error: type[Exception]) -> None:
    with pytest.raises(error) as info:
        tiedote.extract(text, published=published)  # type: ignore[arg-type]
    assert isinstance(info.value, tiedote.TiedoteError) and isinstance(info.value, TypeError)
    assert ("text" in str(info.value)) or ("published" in str(info.value))


def test_datetime_published_is_taken_as_its_date() -> None:
    a = tiedote.extract(TEXT, published=dt.datetime(2020, 6, 9, 12, 0))
    assert a == tiedote.extract(TEXT, published=PUB)


def test_text_over_the_limit_is_refused() -> None:
    with pytest.raises(TextTooLongError, match="1000") as info:
        tiedote.Extractor(max_chars=1000).extract("x" * 1001)
    assert isinstance(info.value, ValueError)


def test_empty_and_numberless_text() -> None:
    assert tiedote.extract("") == []
    assert tiedote.extract("Kela kiittää asiakkaitaan.") == []
