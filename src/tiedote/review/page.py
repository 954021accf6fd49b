"""HTML of a review: the release with its claims' parts highlighted, the records in a side table.

One self-contained document: the style sheet and the small script are read
from this package and inlined, so a page opens from disk or a mail
attachment with no network.  Highlights are plain CSS classes, and each
record sits in the side table under a ``<details>``, so nothing needs the
script to be read; the script adds a panel that shows the record of a
clicked number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from functools import cache
from html import escape
from importlib.resources import files

from tiedote.models import Claim
from tiedote.review.marks import KINDS, NonClaim, Piece, pieces
from tiedote.review.record import fields, period_text, summary, value_text

SeriesLink = Callable[[Claim], str | None]
"""The URL of the series page a claim belongs to, or None (the report links claims to their series)."""


@cache
def _asset(name: str) -> str:
    return files("tiedote.review").joinpath(name).read_text(encoding="utf-8")


def _attr(text: str) -> str:
    return escape(text, quote=True)


def _kind_class(kind: str) -> str:
    return f"k-{kind}" if kind in KINDS else "k-other"


def legend() -> str:
    items = "".join(f'<li class="{_kind_class(k)}">{k}</li>' for k in KINDS)
    return f'<ul class="legend" aria-label="highlight colours">{items}<li class="nc">not a claim</li></ul>'


def _piece_html(text: str, piece: Piece, prefix: str) -> str:
    inner = []
    for run in piece.runs:
        chunk = escape(text[run.start:run.end], quote=False)
        if run.kinds:
            title = ", ".join(run.kinds)
            cls = " ".join(["p", *(_kind_class(k) for k in run.kinds)])
            inner.append(f'<span class="{cls}" data-at="{run.start}" title="{_attr(title)}">{chunk}</span>')
        else:
            inner.append(f'<span data-at="{run.start}">{chunk}</span>' if piece.claim or piece.nonclaim
                         else chunk)
    body = "".join(inner)
    if piece.claim is not None:
        c = piece.claim
        return (f'<a class="num k-number" id="{prefix}n-{_attr(c.id)}" href="#{prefix}row-{_attr(c.id)}" '
                f'data-claim-id="{_attr(c.id)}" data-record="{prefix}rec-{_attr(c.id)}" '
                f'data-at="{piece.start}" title="{_attr(summary(c))}">{body}</a>')
    if piece.nonclaim is not None:
        m = piece.nonclaim
        why = f"not a claim: {m.reason or 'no reason given'}" + (f" (rule {m.rule})" if m.rule else "")
        return f'<span class="nc" data-at="{piece.start}" data-reason="{_attr(why)}" title="{_attr(why)}">{body}</span>'
    return body


def _record_dl(claim: Claim, link: str | None) -> str:
    rows = []
    for label, text in fields(claim):
        value = escape(text, quote=False)
        if label == "measure" and link:
            value = f'<a href="{_attr(link)}">{value}</a>'
        rows.append(f"<dt>{escape(label)}</dt><dd>{value}</dd>")
    return f'<dl class="rec">{"".join(rows)}</dl>'


def _dates(claim: Claim) -> str:
    """The period cell: each date kept on one line, the two free to wrap apart on a narrow screen."""
    dates = [escape(d) for d in period_text(claim).split(" – ") if d]
    return " ".join(f'<span class="d">{d}{" –" if i < len(dates) - 1 else ""}</span>' for i, d in enumerate(dates))


def _claims_table(claims: Sequence[Claim], prefix: str, series_link: SeriesLink | None) -> str:
    head = ("<tr><th class=\"n\">#</th><th>number</th><th class=\"n\">value</th><th>unit</th>"
            "<th>period</th><th>measure</th><th>record</th></tr>")
    rows = []
    for i, c in enumerate(claims, 1):
        q = c.quantity
        link = series_link(c) if series_link else None
        measure = escape(c.measure.lemma) if c.measure else ""
        if link and measure:
            measure = f'<a href="{_attr(link)}">{measure}</a>'
        unit = q.unit + (f" ({q.qualifier})" if q.qualifier != "exact" else "")
        rows.append(
            f'<tr id="{prefix}row-{_attr(c.id)}"><td class="n">{i}</td>'
            f'<td class="w"><a href="#{prefix}n-{_attr(c.id)}">{escape(q.span.text)}</a></td>'
            f'<td class="n">{escape(value_text(c))}</td><td>{escape(unit)}</td>'
            f"<td>{_dates(c)}</td><td>{measure}</td>"
            f'<td><details id="{prefix}rec-{_attr(c.id)}"><summary>record</summary>{_record_dl(c, link)}'
            "</details></td></tr>")
    return (f'<div class="tablewrap"><table class="claims"><caption>Claims in text order</caption>'
            f"<thead>{head}</thead><tbody>{''.join(rows)}</tbody></table></div>")


def _nonclaims_list(nonclaims: Sequence[NonClaim], text: str) -> str:
    if not nonclaims:
        return ""
    rows = "".join(
        f'<tr><td class="n">{m.start}</td><td>{escape(text[m.start:m.end])}</td>'
        f"<td>{escape(m.reason or '')}</td><td>{escape(m.rule or '')}</td></tr>"
        for m in nonclaims)
    return (f"<details><summary>Numbers that are not claims ({len(nonclaims)})</summary>"
            '<div class="tablewrap"><table><thead><tr><th class="n">at</th><th>number</th><th>reason</th>'
            f"<th>rule</th></tr></thead><tbody>{rows}</tbody></table></div></details>")


def article_html(text: str, claims: Sequence[Claim], *, nonclaims: Sequence[NonClaim] = (),
                 title: str | None = None, published: dt.date | None = None, meta: str = "",
                 prefix: str = "", series_link: SeriesLink | None = None) -> str:
    """One release as an ``<article>``: the marked text beside the table of its claims.

    ``prefix`` keeps element ids apart when several releases share a page;
    ``data-claim-id`` is the claim's own id, on its number and nowhere else.
    """
    dropped = [m for m in nonclaims if m.claim is None]
    marked = "".join(_piece_html(text, p, prefix) for p in pieces(text, claims, dropped))
    info = [f"published {published.isoformat()}" if published else "publication date unknown",
            f"{len(claims)} claims", f"{len(dropped)} other numbers"]
    if meta:
        info.append(meta)
    heading = f"<h2>{escape(title)}</h2>" if title else ""
    return (f'<article class="release" id="{prefix}release">{heading}<p class="meta">{escape(" · ".join(info))}</p>'
            f'<div class="layout"><div class="text" lang="fi">{marked}</div>'
            f"<aside>{_claims_table(claims, prefix, series_link)}{_nonclaims_list(dropped, text)}</aside>"
            "</div></article>")


def document(body: str, *, title: str, crumbs: str = "", with_legend: bool = True) -> str:
    """A whole HTML page around ``body``, with the style sheet and script inlined."""
    top = (f'<header class="top">{crumbs}<h1>{escape(title)}</h1>{legend() if with_legend else ""}</header>')
    return ("<!DOCTYPE html>\n"
            '<html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)}</title><style>{_asset('review.css')}</style></head>"
            f'<body>{top}<main>{body}</main><div id="record" role="dialog" aria-live="polite" hidden></div>'
            f"<script>{_asset('review.js')}</script></body></html>\n")
