"""From an ``Item`` to a ``Release`` with its publication date: decoding, HTML main text, datelines.

Runs inside the worker processes, since trafilatura's parsing is the costly
part of reading.  Every failure is a ``SourceError`` whose message is the
reason a user reads in the ``errors`` table, so the messages say what was
wrong and what would be accepted.
"""

from __future__ import annotations

import datetime as dt
import re

from tiedote.errors import SourceError
from tiedote.io.results import PublishedSource, Release
from tiedote.io.sources import Item

BINARY_PROBE = 8192
"""NUL bytes in the first 8 KiB mark a file binary (git's heuristic); UTF-8/ASCII text never has them."""

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)

# A dateline opens a line: up to three capitalised words (a place, "TIEDOTE", "Julkaistu") and a numeric
# date — "Helsinki 9.6.2020", "Tampere, 3.1.2024 klo 10.00", "LEHDISTÖTIEDOTE 22.8.2023".
# Dates inside sentences are the text's own business, not the release's date.
_DATELINE = re.compile(
    r"^[ \t>*#_|-]*(?P<words>(?:[^\W\d_][\w.-]*,?[ \t]+){0,3})"
    r"(?:(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2}))"
    r"(?![\d.]\d)",
    re.MULTILINE,
)
DATELINE_LINES = 12
"""How far down a dateline is looked for: the title, a subtitle or two, then the dateline."""


def decode_text(data: bytes, *, html: bool = False) -> str:
    """Bytes of a release as text: UTF-8 (a BOM allowed), UTF-16 with a BOM, or an HTML page's declared charset."""
    if not data:
        raise SourceError("empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise SourceError(f"broken UTF-16 text at byte {exc.start}") from None
    if b"\x00" in data[:BINARY_PROBE]:
        raise SourceError("binary file (it holds NUL bytes); a release must be text or HTML")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    declared = _CHARSET.search(data[:4096]) if html else None
    if declared is not None:
        charset = declared.group(1).decode("ascii")
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    raise SourceError(
        f"not valid UTF-8 (byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start}); "
        "save the file as UTF-8"
    )


def find_dateline(text: str) -> dt.date | None:
    """The date of a dateline near the top of ``text``, or None."""
    head = "\n".join(text.splitlines()[:DATELINE_LINES])
    for match in _DATELINE.finditer(head):
        if not all(word[0].isupper() for word in match.group("words").split()):
            continue  # "johtaja sanoi 9.6.2020": a date in a sentence, not a dateline
        if match.group("y"):
            y, m, d = match.group("y", "m", "d")
        else:
            y, m, d = match.group("iy", "im", "id")
        try:
            return dt.date(int(y), int(m), int(d))
        except ValueError:
            continue  # "31.2.2020" is no date; a later line may hold the real one
    return None


def first_line_title(text: str) -> str | None:
    """A plain-text release's title: its first non-empty line, when short enough to be one."""
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line if len(line) <= 300 else None
    return None


def html_release(id: str, html: str) -> tuple[Release, dt.date | None]:
    """Main text, title, URL and metadata date of a news page, via trafilatura."""
    import trafilatura  # imported here: a batch of plain text never pays for lxml and its models

    # extensive_search=False: the date must come from the page's metadata; a date
    # found in the body is the dateline rule's business, so the precedence holds.
    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise SourceError("no main text found in the HTML page")
    title = getattr(doc, "title", None) or None
    # Figures in the title are claims (contract.md); if the extracted body left out the
    # headline, it is put back in front so its figures are extracted too.
    if title and not text.lstrip().startswith(title):
        text = f"{title}\n\n{text}"
    published: dt.date | None = None
    raw_date = getattr(doc, "date", None)
    if raw_date:
        try:
            published = dt.date.fromisoformat(str(raw_date)[:10])
        except ValueError:
            published = None
    url = getattr(doc, "url", None) or None
    return Release(id=id, text=text, title=title, url=url), published


def prepare(item: Item, fallback: dt.date | None) -> tuple[Release, PublishedSource]:
    """The release an item holds and its publication date, first found wins:
    the record's field, the page's metadata, a dateline, the ``--published`` fallback."""
    if item.error is not None:
        raise SourceError(item.error)
    metadata_date: dt.date | None = None
    if item.kind == "release":
        assert item.release is not None
        release = item.release
    elif item.kind == "html":
        release, metadata_date = html_release(item.id, decode_text(item.data, html=True))
    else:
        text = decode_text(item.data)
        release = Release(id=item.id, text=text, title=first_line_title(text))
    if not release.text.strip():
        raise SourceError("empty text (only whitespace)" if release.text else "empty text")
    if release.published is not None:
        return release, "record"
    if metadata_date is not None:
        return release.model_copy(update={"published": metadata_date}), "metadata"
    dateline = find_dateline(release.text)
    if dateline is not None:
        return release.model_copy(update={"published": dateline}), "dateline"
    if fallback is not None:
        return release.model_copy(update={"published": fallback}), "option"
    return release, "unresolved"
