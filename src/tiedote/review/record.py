"""A claim's record in words a reader checks against the text: value, unit, period dates and basis…"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from tiedote.models import Claim

# Fields shown by their own rule below; any other field a claim carries is listed after them.
_SHOWN = frozenset({"id", "quantity", "statistic", "rate", "period", "measure", "subject", "change",
                    "sentence", "rules", "statistic_span", "rate_span", "schema_version"})


def _number(x: float | None) -> str:
    if x is None:
        return ""
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    return f"{x:,}".replace(",", "\u202f") if isinstance(x, int) else str(x)


def value_text(claim: Claim) -> str:
    """'2', '10 700' or the range '4–5'."""
    q = claim.quantity
    if q.value is not None:
        return _number(q.value)
    return f"{_number(q.low)}–{_number(q.high)}"


def period_text(claim: Claim) -> str:
    """'2020-05-01 – 2020-05-31' (the dates as ISO, so they read the same in any language)."""
    p = claim.period
    if p is None:
        return ""
    start = p.start.isoformat() if p.start else "?"
    end = p.end.isoformat() if p.end else "?"
    return start if start == end else f"{start} – {end}"


def _other(value: Any) -> str:
    if isinstance(value, BaseModel):
        data = value.model_dump(mode="json", exclude={"span"})
        return ", ".join(f"{k}: {v}" for k, v in data.items() if v is not None)
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


def fields(claim: Claim) -> list[tuple[str, str]]:
    """The record as (label, text) pairs; empty parts are left out, the id and rules always shown."""
    q = claim.quantity
    rows: list[tuple[str, str]] = [("value" if q.value is not None else "range", value_text(claim)),
                                   ("unit", q.unit), ("qualifier", q.qualifier)]
    if claim.statistic:
        rows.append(("statistic", claim.statistic))
    if claim.rate:
        rows.append(("rate", f"per {claim.rate}"))
    p = claim.period
    if p is not None:
        rows.append(("period", period_text(claim)))
        rows.append(("period basis", f"{p.basis} ({p.granularity})"))
        if p.span is not None:
            rows.append(("period words", p.span.text))
    if claim.measure is not None:
        rows.append(("measure", f"{claim.measure.lemma} ({claim.measure.span.text})"))
    if claim.subject is not None:
        rows.append(("subject", claim.subject.text))
    if claim.change is not None:
        rows.append(("change", f"{claim.change.direction} ({claim.change.span.text})"))
    for name in type(claim).model_fields:
        value = getattr(claim, name)
        if name not in _SHOWN and value is not None and value != ():
            rows.append((name, _other(value)))
    rows.append(("rules", " + ".join(claim.rules)))
    rows.append(("id", claim.id))
    return rows


def summary(claim: Claim) -> str:
    """The record on a few lines, for a tooltip (``title``) that needs no script."""
    return "\n".join(f"{label}: {text}" for label, text in fields(claim))
