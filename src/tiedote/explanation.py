"""``explain()``: every number of a text, with the claim it became or why it did not.

A fact-checker asking "why is 2018 not a claim?" gets an answer in words and
the id of the rule that dropped it; the same list marks non-claims in the
review page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tiedote.models import Claim


@dataclass(frozen=True, slots=True)
class Mention:
    """One number the engine read: its span, and either its claim or the reason it was dropped."""

    start: int
    end: int
    text: str
    claim: Claim | None
    reason: str | None  # "year naming a period", "statute number", ...; None for a claim
    rule: str | None  # the rule id that dropped it (tiedote.RULES); for a claim, the rule that read the number

    @property
    def is_claim(self) -> bool:
        return self.claim is not None


def explain(text: str, *, published: dt.date | None = None) -> list[Mention]:
    """Every number mention of ``text`` in text order, claims and non-claims alike.

    >>> import datetime as dt
    >>> [(m.text, m.reason) for m in explain("Vuonna 2018 jonotettiin 8 minuuttia.", published=dt.date(2020, 6, 9))]
    [('2018', 'year naming a period'), ('8', None)]
    """
    from tiedote.api import _default

    return _default().explain(text, published=published)


def mentions_of(text: str, claims: list[Claim], dropped: list[tuple[int, int, str]]) -> list[Mention]:
    """Claims and dropped numbers as one list in text order (a dropped number overlapping a claim is left out)."""
    from tiedote.nonclaims.reasons import reason

    out = [Mention(c.quantity.span.start, c.quantity.span.end, c.quantity.span.text, c, None, c.rules[0])
           for c in claims]
    taken = [(m.start, m.end) for m in out]
    seen: set[tuple[int, int]] = set()
    for start, end, rule in dropped:
        if (start, end) in seen or any(a < end and start < b for a, b in taken):
            continue
        seen.add((start, end))
        out.append(Mention(start, end, text[start:end], None, reason(rule), rule))
    out.sort(key=lambda m: (m.start, m.end))
    return out


def _claim_cells(c: Claim) -> str:
    q = c.quantity
    value = q.value if q.value is not None else f"{q.low}–{q.high}"
    parts = [f"{value} {q.unit}"]
    if q.qualifier != "exact":
        parts.append(q.qualifier)
    for extra in (c.statistic, c.rate and f"per {c.rate}", c.change and c.change.direction):
        if extra:
            parts.append(str(extra))
    if c.period is not None:
        parts.append(f"{c.period.start or '?'}…{c.period.end or '?'} ({c.period.basis})")
    if c.measure is not None:
        parts.append(c.measure.lemma)
    return ", ".join(parts)


def format_table(mentions: list[Mention]) -> str:
    """A readable table: one line per number, its offset and text, then the claim or the reason it is none."""
    rows = [("at", "number", "claim or reason", "rule")]
    for m in mentions:
        shown = " ".join(m.text.split())
        rows.append((str(m.start), shown, _claim_cells(m.claim) if m.claim else f"not a claim: {m.reason}",
                      m.rule or ""))
    widths = [max(len(r[k]) for r in rows) for k in range(3)]
    return "".join(f"{r[0]:>{widths[0]}}  {r[1]:<{widths[1]}}  {r[2]:<{widths[2]}}  {r[3]}".rstrip() + "\n"
                   for r in rows)
