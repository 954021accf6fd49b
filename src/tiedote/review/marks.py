"""Where the highlights go: a release's text cut into runs, each with the kinds of claim part over it.

A claim's number becomes one element (it carries ``data-claim-id``), so the
text is first cut at the numbers; every other part (unit words, qualifier,
period words, measure, subject, change, and whatever spanned part a claim
gains later, such as a source) only colours the characters it covers, and
may overlap parts of other claims.  Numbers of two claims never overlap (a
claim is keyed by its number), so the cut is well defined.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Protocol

from pydantic import BaseModel

from tiedote.models import Claim, Span

# The order parts are nested in (outermost first) and listed in the legend.
KINDS: tuple[str, ...] = (
    "number", "unit", "qualifier", "statistic", "rate", "period",
    "measure", "subject", "source", "per", "change",
)
_NOT_PARTS = frozenset({"id", "quantity", "sentence", "rules", "schema_version", "statistic_span", "rate_span"})


class NonClaim(Protocol):
    """A number that is not a claim, as ``tiedote.explain`` gives it (``claim`` is None)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def claim(self) -> Claim | None: ...
    @property
    def reason(self) -> str | None: ...
    @property
    def rule(self) -> str | None: ...


def parts(claim: Claim) -> list[tuple[str, Span]]:
    """Every spanned part of a claim as (kind, span), the number first.

    Fields beyond the quantity are found by shape (a sub-record with a
    ``span``), so a part added to the record later is highlighted without a
    change here; its kind is its field name.
    """
    q = claim.quantity
    out: list[tuple[str, Span]] = [("number", q.span)]
    for kind, span in (("unit", q.unit_span), ("qualifier", q.qualifier_span),
                       ("statistic", claim.statistic_span), ("rate", claim.rate_span)):
        if span is not None:
            out.append((kind, span))
    for name in type(claim).model_fields:
        if name in _NOT_PARTS:
            continue
        value = getattr(claim, name)
        span = getattr(value, "span", None) if isinstance(value, BaseModel) else None
        if isinstance(span, Span) and span.end > span.start:
            out.append((name, span))
    return out


@dataclass(frozen=True, slots=True)
class Run:
    """Characters ``start..end`` of the text, with the kinds of part over them."""

    start: int
    end: int
    kinds: tuple[str, ...]
    claims: tuple[str, ...]
    """Ids of the claims whose parts cover the run (for the tooltip)."""


@dataclass(frozen=True, slots=True)
class Piece:
    """A top-level stretch of the text: a claim's number, a non-claim number, or plain text with colours."""

    start: int
    end: int
    runs: tuple[Run, ...]
    claim: Claim | None = None
    nonclaim: NonClaim | None = None


def _order(kind: str) -> tuple[int, str]:
    return (KINDS.index(kind) if kind in KINDS else len(KINDS), kind)


def _runs(start: int, end: int, covers: Sequence[tuple[int, int, str, str]]) -> tuple[Run, ...]:
    """``start..end`` cut at every boundary of the parts inside it."""
    cuts = {start, end}
    inside = [c for c in covers if c[0] < end and start < c[1]]
    for a, b, _, _ in inside:
        cuts.update(x for x in (a, b) if start < x < end)
    points = sorted(cuts)
    runs = []
    for a, b in pairwise(points):
        over = [c for c in inside if c[0] <= a and b <= c[1]]
        kinds = tuple(sorted({c[2] for c in over}, key=_order))
        ids = tuple(dict.fromkeys(c[3] for c in over))
        runs.append(Run(a, b, kinds, ids))
    return tuple(runs)


def pieces(text: str, claims: Iterable[Claim], nonclaims: Iterable[NonClaim] = ()) -> list[Piece]:
    """The text as pieces in order, covering it exactly once."""
    covers: list[tuple[int, int, str, str]] = []
    heads: list[tuple[int, int, Claim | None, NonClaim | None]] = []
    for claim in claims:
        for kind, span in parts(claim):
            if kind == "number":
                heads.append((span.start, span.end, claim, None))
            else:
                covers.append((span.start, span.end, kind, claim.id))
    taken = [(h[0], h[1]) for h in heads]
    for m in nonclaims:
        # explain() leaves out drops that overlap a claim; stored claims of another version may differ
        if m.claim is None and m.end > m.start and not any(a < m.end and m.start < b for a, b in taken):
            heads.append((m.start, m.end, None, m))
            taken.append((m.start, m.end))
    heads.sort(key=lambda h: (h[0], h[1]))
    covers.sort()
    out: list[Piece] = []
    at = 0
    for start, end, owner, nonclaim in heads:
        if start < at:  # numbers of two claims overlapping: cannot happen for one extraction
            raise ValueError(f"claim numbers overlap at {start}..{end}")
        if at < start:
            out.append(Piece(at, start, _runs(at, start, covers)))
        out.append(Piece(start, end, _runs(start, end, covers), owner, nonclaim))
        at = end
    if at < len(text):
        out.append(Piece(at, len(text), _runs(at, len(text), covers)))
    return out
