"""Reading releases out of sources: folders, single files, .zip, .tar(.gz), .jsonl(.gz).

A source yields ``Item``s in a fixed order (folders sorted by name, archives in
their stored order, JSONL in line order), so a run over the same sources always
sees the same sequence whatever ``--jobs`` is.  Sources only *read*: decoding
bytes, extracting HTML main text and finding the date happen in
``tiedote.io.sources.decode``, inside the worker processes, because they cost
CPU that the reading process should not spend.

Nothing is ever unpacked to disk: archive members are read into memory one at
a time with their size checked first, so neither a zip-slip member name nor a
zip bomb can write anything or exhaust memory.  A bad member, file or line is
yielded as an error ``Item`` with its reason, never raised, so one bad input
cannot stop a batch.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from tiedote.errors import UnsupportedSourceError

if TYPE_CHECKING:
    # Only an annotation here: importing the pydantic models costs ~0.2 s, which the batch
    # CLI spends only after it has started its worker processes' forkserver.
    from tiedote.io.results import Release

DEFAULT_MAX_BYTES = 2_000_000
"""Per release, as stored.  A press release is tens of kilobytes; a news page
with its boilerplate rarely passes one megabyte.  Two megabytes is also the
extractor's default ``max_chars``, so a release that passes this check is never
refused later for its length; and a batch's memory stays bounded by
``jobs × chunk × max_bytes``."""

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
RELEASE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES

SOURCE_KINDS = (
    "a folder, .zip, .tar, .tar.gz, .tgz, .jsonl, .jsonl.gz, one .txt/.md/.html/.htm file, "
    "or - for JSONL on standard input"
)

ItemKind = Literal["text", "html", "release", "error"]


@dataclass(frozen=True, slots=True)
class Item:
    """One thing a source yielded: raw bytes to decode, a parsed JSONL record, or a failure to report.

    ``location`` is unique within a run (``folder/a.txt``, ``a.zip!b/c.html``,
    ``r.jsonl:17``), so error rows can be keyed by it even when two items
    claim the same release id.
    """

    id: str
    source: str
    location: str
    kind: ItemKind
    data: bytes = b""
    release: Release | None = None
    error: str | None = None
    content_hash: str | None = None
    encoding: str | None = None
    """What bytes that are not UTF-8 are decoded as (``--encoding``); None: they are an error."""
    warnings: tuple[str, ...] = ()
    """What the source noticed and passed over (a JSONL ``published`` that is no date)."""

    @classmethod
    def of_bytes(
        cls, id: str, source: str, location: str, kind: ItemKind, data: bytes, encoding: str | None = None
    ) -> Item:
        return cls(id, source, location, kind, data=data, content_hash=content_hash(data), encoding=encoding)

    @classmethod
    def failed(cls, id: str, source: str, location: str, reason: str, data: bytes | None = None) -> Item:
        digest = content_hash(data) if data is not None else None
        return cls(id, source, location, "error", error=reason, content_hash=digest)


def content_hash(data: bytes) -> str:
    """The hash resuming compares: of the bytes as stored, before any decoding or extraction."""
    return hashlib.sha256(data).hexdigest()


def release_kind(name: str) -> ItemKind | None:
    """``text`` or ``html`` by file name, None for files a batch does not read (gold files, images…)."""
    lower = name.lower()
    if lower.endswith(HTML_SUFFIXES):
        return "html"
    if lower.endswith(TEXT_SUFFIXES):
        # README.md/.txt describe a folder of releases; they are not releases themselves.
        base = lower.rsplit("/", 1)[-1]
        if base.startswith("readme."):
            return None
        return "text"
    return None


def too_big(size: int, max_bytes: int) -> str:
    return f"over the size limit: {size} bytes, limit {max_bytes} (raise it with --max-bytes)"


class Source:
    """Base of every source: a name (the SOURCE argument) and a stream of items."""

    def __init__(self, path: str, *, max_bytes: int = DEFAULT_MAX_BYTES, encoding: str | None = None) -> None:
        self.path = path
        self.max_bytes = max_bytes
        self.encoding = encoding
        """What bytes that are not UTF-8 are decoded as (``--encoding``); None: such a file is an error."""
        self.skipped = 0
        """Files passed over because they are not releases (by suffix); counted, and named to ``on_skip``."""
        self.on_skip: Callable[[str], None] | None = None
        """Told the location of every file passed over (``tiedote batch --verbose`` lists them)."""

    def _skip(self, location: str) -> None:
        self.skipped += 1
        if self.on_skip is not None:
            self.on_skip(location)

    def __iter__(self) -> Iterator[Item]:
        raise NotImplementedError

    def count(self) -> int | None:
        """How many items this source will yield, when that is cheap to know (for the progress bar)."""
        return None


def open_source(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES, encoding: str | None = None) -> Source:
    """The source for a SOURCE argument, chosen by what the path is and its suffix; ``-`` is JSONL on
    standard input."""
    from tiedote.io.sources.archives import TarSource, ZipSource
    from tiedote.io.sources.folder import FileSource, FolderSource
    from tiedote.io.sources.jsonl import JsonlSource

    if path == "-":
        return JsonlSource(path, max_bytes=max_bytes, encoding=encoding)
    if os.path.isdir(path):
        return FolderSource(path, max_bytes=max_bytes, encoding=encoding)
    if not os.path.exists(path):
        raise UnsupportedSourceError(f"source {path!r} does not exist")
    lower = path.lower()
    if lower.endswith(".zip"):
        return ZipSource(path, max_bytes=max_bytes, encoding=encoding)
    if lower.endswith((".tar", ".tar.gz", ".tgz")):
        return TarSource(path, max_bytes=max_bytes, encoding=encoding)
    if lower.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")):
        return JsonlSource(path, max_bytes=max_bytes, encoding=encoding)
    if lower.endswith(RELEASE_SUFFIXES):
        return FileSource(path, max_bytes=max_bytes, encoding=encoding)
    raise UnsupportedSourceError(f"source {path!r} is not a kind tiedote reads; give {SOURCE_KINDS}")


class PrefixedSource(Source):
    """Another source whose path-made ids get the source's label in front ("archive.zip/a.txt").

    With two sources in one run, "a.txt" in a folder and "a.txt" in a zip are
    two releases, not one id met twice.  A JSONL record's own id is the
    user's and is kept as it is; only ids made from paths are prefixed.
    """

    def __init__(self, inner: Source, label: str) -> None:
        super().__init__(inner.path, max_bytes=inner.max_bytes, encoding=inner.encoding)
        self.inner = inner
        self.label = label

    def __iter__(self) -> Iterator[Item]:
        self.inner.on_skip = self.on_skip
        for item in self.inner:
            yield item if item.kind == "release" else dataclasses.replace(item, id=f"{self.label}/{item.id}")
        self.skipped = self.inner.skipped

    def count(self) -> int | None:
        return self.inner.count()


def label_sources(sources: list[Source]) -> list[Source]:
    """The sources of one run, each prefixing its path-made ids with its name when there are two or
    more (the file or folder name; the path as given where two names are the same).  JSONL sources
    are left as they are: their ids are the records' own."""
    from tiedote.io.sources.jsonl import JsonlSource

    if len(sources) < 2:
        return sources
    names = [os.path.basename(s.path.rstrip("/\\")) or s.path for s in sources]
    labels = [name if names.count(name) == 1 else s.path.rstrip("/\\") for name, s in zip(names, sources, strict=True)]
    return [s if isinstance(s, JsonlSource) else PrefixedSource(s, label) for s, label in zip(sources, labels, strict=True)]


__all__ = [
    "DEFAULT_MAX_BYTES",
    "Item",
    "PrefixedSource",
    "Source",
    "UnsupportedSourceError",
    "content_hash",
    "label_sources",
    "open_source",
    "release_kind",
]
