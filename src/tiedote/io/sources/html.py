"""A news page's main text with its paragraphs kept, and the dates its metadata gives.

trafilatura finds the main text, but its plain-text output joins every block
with one line break, so a page's paragraphs run together; the period rules
read a blank line as the end of a paragraph ("a new paragraph does not carry
the period of the one before" only holds where there is one), so the same
release read as HTML would get other periods than read as .txt.  Here the
text is put together from trafilatura's block tree instead: one blank line
between blocks (paragraphs, headings, lists, tables, quotes), one line break
between list items, table rows and a single ``<br>``.  A list right after a
block ending in ":" stays in that block's paragraph, as a list introduced by
"X:" does in a plain-text release.

Dates come from the page's own metadata, read here rather than by
trafilatura: trafilatura (htmldate) falls back to the *modified* date when a
page has no published one, and silently drops a date that is impossible or
in the future, so neither could be reported.  ``MetaDates`` keeps every date
the page states, published and modified apart, as written.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

# <meta> keys (property, name or itemprop; lower case) that state when a page was *published*,
# most specific first, and those that state when it was last *modified*.
PUBLISHED_KEYS = (
    "article:published_time",
    "og:published_time",
    "article:published",
    "datepublished",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "date",
    "publish-date",
    "publish_date",
    "publishdate",
    "pubdate",
    "publication_date",
    "published_time",
    "sailthru.date",
    "parsely-pub-date",
    "citation_publication_date",
)
MODIFIED_KEYS = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dcterms.modified",
    "last-modified",
    "modified",
)

_DOUBLE_BR = re.compile(r"(?:<br\s*/?>\s*){2,}", re.IGNORECASE)
_LD_DATE = re.compile(r'"(datePublished|dateModified)"\s*:\s*"([^"]{4,40})"')


@dataclass
class MetaDates:
    """The dates a page's metadata states, as (key, text) in the order of preference."""

    published: list[tuple[str, str]] = field(default_factory=list)
    modified: list[tuple[str, str]] = field(default_factory=list)


def meta_dates(tree: Any) -> MetaDates:
    """Published and modified dates from ``<meta>``, ``<time>`` and JSON-LD of a parsed page."""
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = (meta.get("content") or "").strip()
        if key and content and key not in found:
            found[key] = content
    for time in tree.iter("time"):
        when = (time.get("datetime") or "").strip()
        if not when:
            continue
        if time.get("pubdate") is not None or (time.get("itemprop") or "").lower() == "datepublished":
            found.setdefault("datepublished", when)
        elif (time.get("itemprop") or "").lower() == "datemodified":
            found.setdefault("datemodified", when)
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        for name, value in _LD_DATE.findall(script.text):
            found.setdefault(name.lower(), json.loads(f'"{value}"') if "\\" in value else value)
    dates = MetaDates()
    dates.published = [(k, found[k]) for k in PUBLISHED_KEYS if k in found]
    dates.modified = [(k, found[k]) for k in MODIFIED_KEYS if k in found]
    return dates


def keep_double_breaks(html: str) -> str:
    """``<br><br>`` is how many pages end a paragraph; trafilatura would fold it into one line break."""
    return _DOUBLE_BR.sub("\n<p>", html)


def _inline(element: Any) -> str:
    """An element's text with ``<lb/>`` as a line break (trafilatura's tree: formatting is already gone)."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        else:
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _block(element: Any) -> str:
    if element.tag == "list":
        return "\n".join(f"- {_inline(item).strip()}" for item in element if item.tag == "item")
    if element.tag == "table":
        rows = (" | ".join(_inline(cell).strip() for cell in row) for row in element if row.tag == "row")
        return "\n".join(row for row in rows if row.strip())
    return "\n".join(line.strip() for line in _inline(element).strip().split("\n"))


def body_text(body: Any) -> str:
    """The main text of trafilatura's block tree, paragraphs apart (see the module's doc)."""
    out = ""
    for element in body:
        text = _block(element).strip()
        if not text:
            continue
        if out:
            # "Luvut:" followed by a list: the list goes on in the same paragraph.
            out += "\n" if element.tag == "list" and out.endswith(":") else "\n\n"
        out += text
    return out
