"""Review pages: a release with its claims highlighted, for a reader who checks them against the text.

``review_html(text, claims)`` is the library face; ``tiedote review`` and
``tiedote report`` write the same pages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from tiedote.models import Claim
from tiedote.review.marks import NonClaim
from tiedote.review.page import SeriesLink, article_html, document

__all__ = ["NonClaim", "SeriesLink", "article_html", "document", "review_html"]


def review_html(text: str, claims: Sequence[Claim], *, title: str | None = None,
                published: dt.date | None = None, nonclaims: Sequence[NonClaim] | None = None,
                explain: bool = True) -> str:
    """One release as a self-contained HTML page (no network at view time).

    Every claim's number is an element with ``data-claim-id``; its parts (unit
    words, qualifier, period words, measure, subject, change…) are coloured by
    kind.  Numbers that are not claims are marked faintly with the reason:
    ``nonclaims`` is ``tiedote.explain(text, published=...)``'s list, computed
    here when not given (``explain=False`` leaves them unmarked).
    """
    if nonclaims is None and explain:
        from tiedote.explanation import explain as _explain

        nonclaims = _explain(text, published=published)
    body = article_html(text, claims, nonclaims=nonclaims or (), title=title, published=published)
    return document(body, title=f"tiedote review: {title}" if title else "tiedote review")
