"""From an ``Item`` to a ``Release`` with its publication date: decoding, HTML main text, datelines.

Runs inside the worker processes, since trafilatura's parsing is the costly
part of reading.  Every failure is a ``SourceError`` whose message is the
reason a user reads in the ``errors`` table, so the messages say what was
wrong and what would be accepted.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from tiedote.errors import LexiconError, SourceError, TiedoteError
from tiedote.io.dates import read_date
from tiedote.io.results import DateSource, PublishedSource, Release
from tiedote.io.sources import Item
from tiedote.io.sources.html import MetaDates, body_text, keep_double_breaks, meta_dates

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
_DATE_OR_CLOCK = re.compile(
    r"\d{1,2}\.\d{1,2}\.(?:\d{4})?|\d{4}-\d{2}-\d{2}(?:[T ][\d:.+-]*)?|\b(?:klo\s*)?\d{1,2}[.:]\d{2}\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_][\w-]*")
DATELINE_LINES = 12
"""How far down a dateline is looked for: the title, a subtitle or two, then the dateline."""


def decode_text(data: bytes, *, html: bool = False, encoding: str | None = None) -> str:
    """Bytes of a release as text: UTF-8 (a BOM allowed), UTF-16 with a BOM, an HTML page's declared
    charset, else ``encoding`` (``--encoding latin-1`` for a legacy archive), else an error."""
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
    if encoding is not None:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError) as exc:
            raise SourceError(f"neither UTF-8 nor {encoding}: {exc}") from None
    raise SourceError(
        f"not valid UTF-8 (byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start}); "
        "save the file as UTF-8, or name its encoding with --encoding (latin-1 for old archives)"
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


@cache
def _labels() -> frozenset[str]:
    """The label words of ``lang/fi/release.toml`` ("tiedote", "julkaisuvapaa"…), checked when loaded."""
    raw = tomllib.loads(resources.files("tiedote.lang.fi").joinpath("release.toml").read_text("utf-8"))
    labels = raw.get("labels")
    if not isinstance(labels, list) or not all(isinstance(w, str) and w == w.lower() and w for w in labels):
        raise LexiconError("lang/fi/release.toml: 'labels' must be a list of lower-case words")
    return frozenset(labels)


def is_label_line(line: str) -> bool:
    """A line that labels or stamps a release rather than heads it.

    "TIEDOTE", "LEHDISTÖTIEDOTE 22.8.2023", "Helsinki 9.6.2020", "Julkaisuvapaa
    9.6.2020 klo 10.00", "9.6.2020": label words, or up to three capitalised
    words (a place, a newsroom) beside a date, and nothing else.
    """
    dated = _DATE_OR_CLOCK.search(line) is not None
    words = _WORD.findall(_DATE_OR_CLOCK.sub(" ", line))
    if not words:
        return True  # a date alone, a rule of asterisks
    if all(word.lower() in _labels() for word in words):
        return True
    return dated and len(words) <= 3 and all(word[0].isupper() for word in words)


def first_line_title(text: str) -> str | None:
    """A plain-text release's title: its first line that is a headline, not a dateline or a label
    ("TIEDOTE 19.1.2021" opens most releases; the headline follows it)."""
    for n, line in enumerate(text.splitlines()):
        if n >= DATELINE_LINES:
            break
        line = line.strip().lstrip("#").strip()
        if not line or is_label_line(line):
            continue
        return line if len(line) <= 300 else None
    return None


@dataclass(frozen=True, slots=True)
class Dating:
    """Where a release's publication date came from, and what was wrong with the dates met on the way."""

    published_source: PublishedSource
    date_source: DateSource
    warnings: tuple[str, ...] = ()


def _parse_html(html: str) -> tuple[Release, MetaDates]:
    """Main text (paragraphs kept), title, URL and the metadata dates of a news page, via trafilatura."""
    import trafilatura  # imported here: a batch of plain text never pays for lxml and its models
    from trafilatura.utils import load_html

    tree = load_html(keep_double_breaks(html))
    if tree is None:
        raise SourceError("not an HTML page that can be parsed")
    dates = meta_dates(tree)
    doc = trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False)
    body = getattr(doc, "body", None) if doc is not None else None
    text = body_text(body) if body is not None else (getattr(doc, "text", None) or "")
    if not text.strip():
        raise SourceError("no main text found in the HTML page")
    title = getattr(doc, "title", None) or None
    # Figures in the title are claims (contract.md); if the extracted body left out the
    # headline, it is put back in front so its figures are extracted too.
    if title and not text.lstrip().startswith(title):
        text = f"{title}\n\n{text}"
    url = getattr(doc, "url", None) or None
    return Release(id="-", text=text, title=title, url=url), dates


def _meta_published(dates: MetaDates, today: dt.date) -> tuple[dt.date | None, list[str]]:
    """The first usable published date of the page's metadata, and a warning for each date passed over."""
    warnings: list[str] = []
    for key, raw in dates.published:
        try:
            date = read_date(raw)
        except TiedoteError:
            warnings.append(f"the page's {key} {raw!r} is no date; not used")
            continue
        if date > today:
            warnings.append(f"the page's {key} {date.isoformat()} is after today ({today.isoformat()}); not used")
            continue
        return date, warnings
    if not dates.published and dates.modified:
        key, raw = dates.modified[0]
        warnings.append(
            f"the page gives only when it was modified ({key} {raw!r}), which is no publication date; not used"
        )
    return None, warnings


def prepare(item: Item, fallback: dt.date | None) -> tuple[Release, Dating]:
    """The release an item holds and its publication date, first found wins:
    the record's field, the page's metadata, a dateline, the ``--published`` fallback.

    Every date passed over on the way (impossible, in the future, only a
    modified date) and a release left with no date at all is a warning, so a
    date is never guessed silently.
    """
    if item.error is not None:
        raise SourceError(item.error)
    today = dt.date.today()
    warnings = list(item.warnings)
    metadata_date: dt.date | None = None
    if item.kind == "release":
        assert item.release is not None
        release = item.release
    elif item.kind == "html":
        release, dates = _parse_html(decode_text(item.data, html=True, encoding=item.encoding))
        release = release.model_copy(update={"id": item.id})
        metadata_date, meta_warnings = _meta_published(dates, today)
        warnings.extend(meta_warnings)
    else:
        text = decode_text(item.data, encoding=item.encoding)
        release = Release(id=item.id, text=text, title=first_line_title(text))
    if not release.text.strip():
        raise SourceError("empty text (only whitespace)" if release.text else "empty text")

    def dated(date: dt.date, published_source: PublishedSource, date_source: DateSource) -> tuple[Release, Dating]:
        if date_source == "given" and date > today:
            warnings.append(f"the given date {date.isoformat()} is after today ({today.isoformat()})")
        return release.model_copy(update={"published": date}), Dating(
            published_source, date_source, tuple(warnings)
        )

    if release.published is not None:
        return dated(release.published, "record", "given")
    if metadata_date is not None:
        return dated(metadata_date, "metadata", "meta")
    dateline = find_dateline(release.text)
    if dateline is not None and dateline > today:
        warnings.append(f"the dateline's date {dateline.isoformat()} is after today ({today.isoformat()}); not used")
    elif dateline is not None:
        return dated(dateline, "dateline", "text")
    if fallback is not None:
        return dated(fallback, "option", "given")
    warnings.append("no publication date (none in the record, the page's metadata or a dateline); "
                    "relative periods stay unresolved: give one with --published")
    return release, Dating("unresolved", "none", tuple(warnings))
