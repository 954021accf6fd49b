"""Building the ``Claim`` records from what the engine found, at the cost of one validation.

The engine fills every record from values it has itself checked: spans are
always ``text[start:end]`` of the caller's text, and the dicts it builds hold
the model's fields and nothing else.  Two of the model's checks guard against
exactly what cannot happen here, and together they are a third of the cost of
validating a claim: ``Span``'s after-validator (its text fits its offsets),
a Python call per span, and ``extra="forbid"`` (no unknown keys).

So claims are validated here with a second validator of the very same core
schema, minus those two checks: types, literals, bounds, ``Quantity`` and
``Period`` checks all still run in pydantic-core, and the result is a
``Claim`` like any other.  ``Claim.model_validate`` (and JSON loading) keep
every check for everyone else; ``tests/test_spans.py`` checks every span of
every fixture, and ``tests/test_records.py`` that both validators agree.
"""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

from pydantic_core import SchemaValidator

from tiedote.models import Claim, Span


def _trusted(node: Any) -> Any:
    """A copy of a core schema without Span's after-validator and with unknown keys ignored."""
    if isinstance(node, list):
        return [_trusted(x) for x in node]
    if not isinstance(node, dict):
        return node
    if node.get("type") == "function-after" and _is_model(node.get("schema"), Span):
        inner = _trusted(node["schema"])
        if "ref" in node:  # other parts refer to the span schema by this name
            inner = {**inner, "ref": node["ref"]}
        return inner
    out = {k: (v if k in ("cls", "function", "metadata") else _trusted(v)) for k, v in node.items()}
    if out.get("type") == "model" and isinstance(out.get("config"), dict):
        out["config"] = {**out["config"], "extra_fields_behavior": "ignore"}
    return out


def _is_model(node: Any, cls: type) -> bool:
    return isinstance(node, dict) and node.get("type") == "model" and node.get("cls") is cls


@cache
def _validator() -> SchemaValidator:
    return SchemaValidator(_trusted(copy.copy(Claim.__pydantic_core_schema__)))


def claim(fields: dict[str, Any]) -> Claim:
    """A ``Claim`` from a dict of its fields, built by the engine (see the module's docstring)."""
    record = _validator().validate_python(fields)
    assert isinstance(record, Claim)
    return record
