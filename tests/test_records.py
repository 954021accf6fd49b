"""The engine's record validator (tiedote.records) against the public models."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pydantic
import pytest

import tiedote
from tiedote import records
from tiedote.models import Claim, Span

FIXTURES = sorted((Path(__file__).parent.parent / "fixtures").glob("*.txt"))


def _parts(record: pydantic.BaseModel) -> list[tuple[str, type, frozenset[str]]]:
    """Every nested record with its type and the fields it was given."""
    out = [("", type(record), frozenset(record.model_fields_set))]
    for name in type(record).model_fields:
        value = getattr(record, name)
        if isinstance(value, pydantic.BaseModel):
            out += [(f"{name}.{p}", t, f) for p, t, f in _parts(value)]
    return out


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_engine_records_equal_publicly_validated_ones(path: Path) -> None:
    claims = tiedote.extract(path.read_text(encoding="utf-8"), published=dt.date(2022, 4, 12))
    assert claims
    for c in claims:
        fields = c.model_dump(exclude_unset=True)
        public, engine = Claim.model_validate(fields), records.claim(fields)
        assert engine == public == c
        assert _parts(engine) == _parts(public) == _parts(c)


BAD_SPAN: dict[str, Any] = {"start": 5, "end": 9, "text": "abc"}


def test_the_public_models_keep_their_checks() -> None:
    with pytest.raises(pydantic.ValidationError, match="does not fit its text"):
        Span.model_validate(BAD_SPAN)
    good = tiedote.extract("Jonotusaika oli keskimäärin 6 minuuttia.")[0].model_dump(exclude_unset=True)
    with pytest.raises(pydantic.ValidationError, match="does not fit its text"):
        Claim.model_validate({**good, "sentence": BAD_SPAN})
    with pytest.raises(pydantic.ValidationError, match="Extra inputs are not permitted"):
        Claim.model_validate({**good, "surprise": 1})
    with pytest.raises(pydantic.ValidationError, match="quantity is either a value"):  # still checked here too
        records.claim({**good, "quantity": {**good["quantity"], "low": 1, "high": 2}})
