"""The field reference (issue 19, item 8): every record field described in the schema and in
docs/fields.md, its example a valid record, and the README pointing at it instead of a file
that is not in the repository."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from tiedote.io.results import Release, ReleaseResult
from tiedote.models import Change, Claim, Measure, Per, Period, Quantity, Source, Span, Subject
from tiedote.schema import RECORDS, generate

REPO = Path(__file__).resolve().parent.parent
FIELDS = (REPO / "docs" / "fields.md").read_text(encoding="utf-8")
MODELS: list[type[BaseModel]] = [
    Claim,
    Quantity,
    Span,
    Period,
    Measure,
    Subject,
    Change,
    Source,
    Per,
    Release,
    ReleaseResult,
]


def _described(schema: dict[str, object]) -> list[str]:
    missing = []
    for name, prop in schema.get("properties", {}).items():  # type: ignore[attr-defined]
        if not prop.get("description"):
            missing.append(name)
    return missing


@pytest.mark.parametrize("record", sorted(RECORDS))
def test_every_schema_field_has_a_description(record: str) -> None:
    schema = json.loads(generate(record))
    missing = [f"{record}.{name}" for name in _described(schema)]
    for model, definition in schema.get("$defs", {}).items():
        missing += [f"{model}.{name}" for name in _described(definition)]
    assert missing == [], "add Field(description=...) and regenerate: python -m tiedote.schema"


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_field_is_in_the_field_reference(model: type[BaseModel]) -> None:
    rows = [line for line in FIELDS.splitlines() if line.startswith("|")]
    for name in model.model_fields:
        assert any(f"`{name}`" in row for row in rows), (
            f"docs/fields.md has no row for {model.__name__}.{name}"
        )


def test_the_example_in_the_field_reference_is_a_valid_claim_of_its_sentence() -> None:
    [example] = re.findall(r"```json\n(.*?)```", FIELDS, re.DOTALL)
    claim = Claim.model_validate_json(example)
    quoted = re.search(r"> (Toukokuussa.*?)\n\n", FIELDS, re.DOTALL)
    assert quoted is not None
    sentence = " ".join(line.lstrip("> ").strip() for line in quoted.group(1).splitlines())
    assert claim.sentence.text == sentence
    for span in (claim.quantity.span, claim.sentence, claim.period.span if claim.period else None):
        assert span is not None and sentence[span.start : span.end] == span.text


def test_the_readme_points_at_the_field_reference_not_at_contract_md() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "contract.md" not in readme
    assert "(docs/fields.md)" in readme and "(docs/rules.md)" in readme
    assert "(rules.md)" in FIELDS
