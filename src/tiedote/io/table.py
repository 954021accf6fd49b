"""``tiedote extract --format table``: one line per claim, for a person at a terminal.

The columns a reader checks a claim by — value, unit, qualifier, statistic,
rate, period, measure, subject, source — padded to line up; an empty part is
"-".  JSONL stays the format for programs (and the default when stdout is not
a terminal).
"""

from __future__ import annotations

from typing import Any

from tiedote.io.results import ReleaseResult
from tiedote.models import Claim

COLUMNS = ("value", "unit", "qualifier", "statistic", "rate", "period", "measure", "subject", "source")
WIDEST = 32
"""Longest cell; a longer subject or source is cut with "…" (the JSON formats keep it whole)."""


def _number(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:g}" if isinstance(value, float) and abs(value) < 1e15 else str(value)


def _period(claim: Claim) -> str:
    p = claim.period
    if p is None or (p.start is None and p.end is None):
        return f"? ({p.span.text})" if p is not None and p.span is not None else "-"
    start = p.start.isoformat() if p.start else "…"
    end = p.end.isoformat() if p.end else "…"
    return start if start == end else f"{start}..{end}"


def _cut(text: str) -> str:
    return text if len(text) <= WIDEST else text[: WIDEST - 1] + "…"


def cells(claim: Claim) -> list[str]:
    """The row of one claim, in ``COLUMNS`` order."""
    q = claim.quantity
    value = _number(q.value) if q.value is not None else f"{_number(q.low)}–{_number(q.high)}"
    # A claim's source (who reports the figure) is a later field of the contract: shown when present.
    source: Any = getattr(claim, "source", None)
    return [
        value,
        q.unit,
        q.qualifier,
        claim.statistic or "-",
        claim.rate or "-",
        _period(claim),
        claim.measure.lemma if claim.measure else "-",
        _cut(claim.subject.text) if claim.subject else "-",
        _cut(str(source.text)) if source is not None and hasattr(source, "text") else "-",
    ]


def render(result: ReleaseResult) -> str:
    """The table of a release's claims, headed by its id, date and title."""
    head = f"{result.id}  published {result.published or '-'} ({result.date_source})"
    if result.title:
        head += f"  {result.title if len(result.title) <= 100 else result.title[:99] + '…'}"
    lines = [head]
    lines.extend(f"warning: {w}" for w in result.warnings)
    rows = [list(COLUMNS), *(cells(c) for c in result.claims)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
    for row in rows:
        lines.append("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    lines.append(f"{len(result.claims)} claims")
    return "\n".join(lines) + "\n"
