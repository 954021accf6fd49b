"""The batch runner: sources → (parallel) reading and extraction → one sink, in a fixed order.

Why the shape:

* Output must not depend on ``--jobs``.  The main process cuts the stream of
  items into chunks (the same chunks whatever ``jobs`` is), workers return
  each chunk's results in item order, and chunks are written in the order
  they were cut.  ``--jobs 1`` runs the very same chunk function in-process.
* Memory must stay flat.  At most ``2 × jobs`` chunks are in flight; the next
  one is read from the sources only when the oldest is written.  Ids seen so
  far (to report duplicates) live in a temporary on-disk SQLite table, not in
  a Python set that would grow with the archive.
* A bad item never stops the batch: every failure of reading, decoding or
  extracting one release becomes that release's error result.  Only what
  makes the whole run impossible (OUT cannot be written, the extractor cannot
  be built, a worker process died) raises.
* Workers build one ``Extractor`` each, on their first chunk, and reuse it;
  their processes (a warm forkserver, the orphan watch) are
  :mod:`tiedote.io.workers`, loaded only for ``jobs > 1``.
* This module imports the pydantic models (``tiedote.io.results``,
  ``tiedote.models``) only where they are used, so that importing it, and
  launching the forkserver, costs next to nothing.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from tiedote.claims.syntax import PARSER
from tiedote.errors import BatchError, SourceError, TiedoteError
from tiedote.io.sources import Item

if TYPE_CHECKING:
    from tiedote.io.results import EncodedResult, ReleaseResult
    from tiedote.io.sinks import Sink
    from tiedote.io.sources import Source
    from tiedote.models import Claim

CHUNK_ITEMS = 16
"""Releases per chunk sent to a worker: enough to amortise the inter-process
hop, few enough that two workers share a small archive."""
CHUNK_BYTES = 4_000_000
COMMIT_EVERY = 64
"""Releases per SQLite transaction: a kill loses at most this much work."""


class ExtractorLike(Protocol):
    """What the runner needs of ``tiedote.Extractor`` (tests pass fakes with the same two methods)."""

    def extract(self, text: str, *, published: dt.date | None = None) -> list[Claim]: ...

    def extract_many(
        self, items: Iterable[tuple[str, dt.date | None]], *, batch_size: int = 32
    ) -> Iterator[list[Claim]]: ...


ExtractorFactory = Callable[[], ExtractorLike]


def default_extractor(max_chars: int | None = None, parser: str | None = PARSER) -> ExtractorLike:
    """The library's own extractor, built once per process (``max_chars``: its default unless given).

    ``parser``: the parser reading's spaCy package (the default), loaded once per worker process on
    its first release; None is the fast reading (``tiedote batch --fast``).
    """
    from tiedote.api import Extractor

    if max_chars is None:
        return Extractor(parser=parser)
    return Extractor(max_chars=max_chars, parser=parser)


_DEFAULT_EXTRACTOR = default_extractor
"""The library's own factory, whatever ``default_extractor`` is rebound to later (tests put fakes there)."""


@dataclass
class Stats:
    """Counts of a run, for the progress bar and the closing summary."""

    releases: int = 0
    claims: int = 0
    errors: int = 0
    resumed: int = 0
    not_releases: int = 0
    started: float = field(default_factory=time.monotonic)

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started


def error_result(item: Item, reason: str) -> ReleaseResult:
    from tiedote.io.results import ReleaseResult

    return ReleaseResult(
        id=item.id, source=item.source, location=item.location, content_hash=item.content_hash, error=reason
    )


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def process_chunk(
    chunk: Sequence[Item], extractor: ExtractorLike, fallback: dt.date | None
) -> list[ReleaseResult]:
    """The results of one chunk, in item order; never raises for a bad item."""
    from tiedote.io.results import ReleaseResult
    from tiedote.io.sources.decode import prepare

    results: list[ReleaseResult | None] = [None] * len(chunk)
    ready = []
    for i, item in enumerate(chunk):
        try:
            release, dating = prepare(item, fallback)
        except SourceError as exc:
            results[i] = error_result(item, str(exc))
        except Exception as exc:  # noqa: BLE001 - a parser crash on one page is that page's error
            results[i] = error_result(item, f"cannot read the release: {_describe(exc)}")
        else:
            ready.append((i, item, release, dating))

    batch: list[list[Claim]] | None
    try:
        batch = list(extractor.extract_many([(r.text, r.published) for _, _, r, _ in ready]))
        if len(batch) != len(ready):
            batch = None
    except Exception:  # noqa: BLE001 - one bad text ends extract_many's stream; redo one by one below
        batch = None

    for k, (i, item, release, dating) in enumerate(ready):
        if batch is not None:
            claims = batch[k]
        else:
            try:
                claims = extractor.extract(release.text, published=release.published)
            except TiedoteError as exc:
                results[i] = error_result(item, str(exc))
                continue
            except Exception as exc:  # noqa: BLE001 - a bug met on one text must not stop the batch
                results[i] = error_result(item, f"extraction failed: {_describe(exc)}")
                continue
        results[i] = ReleaseResult(
            id=release.id,
            source=item.source,
            location=item.location,
            published=release.published,
            published_source=dating.published_source,
            date_source=dating.date_source,
            warnings=dating.warnings,
            title=release.title,
            url=release.url,
            text=release.text,
            content_hash=item.content_hash,
            claims=tuple(claims),
        )
    return [r for r in results if r is not None]


def build_extractor(factory: ExtractorFactory) -> ExtractorLike:
    """The extractor, or a ``BatchError`` saying why it cannot be had (whatever the factory raised)."""
    try:
        return factory()
    except Exception as exc:
        raise BatchError(f"cannot build the extractor: {_describe(exc)}") from exc



class _SeenIds:
    """Release ids met so far in this run, in a temporary on-disk table so memory stays flat."""

    def __init__(self) -> None:
        self._db = sqlite3.connect("")  # "": a private temporary database, deleted on close
        self._db.execute("CREATE TABLE seen (id TEXT PRIMARY KEY, location TEXT NOT NULL)")

    def first_location(self, id: str, location: str) -> str | None:
        """Where ``id`` was first seen, or None (and remember it) when this is its first time."""
        row = self._db.execute("SELECT location FROM seen WHERE id = ?", (id,)).fetchone()
        if row is not None:
            return str(row[0])
        self._db.execute("INSERT INTO seen VALUES (?, ?)", (id, location))
        return None

    def close(self) -> None:
        self._db.close()


def default_jobs() -> int:
    """All cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class Progress(Protocol):
    def __call__(self, stats: Stats, done: int) -> None: ...


def run_batch(
    sources: Sequence[Source],
    sink: Sink,
    *,
    jobs: int = 1,
    fallback: dt.date | None = None,
    factory: ExtractorFactory = default_extractor,
    commit_every: int = COMMIT_EVERY,
    progress: Progress | None = None,
    on_result: Callable[[EncodedResult], None] | None = None,
) -> Stats:
    """Read every release of ``sources``, extract it, write it to ``sink``; return the counts.

    ``progress`` is told after every release (``done`` = how many advanced);
    ``on_result`` sees every result (the CLI reports errors with it when the
    sink has no place for them).  Commits every ``commit_every`` releases and
    at the end; on an exception, what was written is committed and the
    exception goes on.
    """
    from tiedote.io.results import encode

    stats = Stats()
    seen = _SeenIds()
    since_commit = 0

    def chunks() -> Iterator[list[Item]]:
        chunk: list[Item] = []
        size = 0
        for source in sources:
            for item in source:
                first = seen.first_location(item.id, item.location)
                if first is not None:
                    item = Item.failed(
                        item.id,
                        item.source,
                        item.location,
                        f"duplicate release id {item.id!r}: already read from {first}; ids must be unique",
                    )
                elif item.error is None and sink.is_done(item.id, item.content_hash, fallback):
                    stats.resumed += 1
                    if progress is not None:
                        progress(stats, 1)
                    continue
                chunk.append(item)
                size += len(item.data) + (len(item.release.text) if item.release else 0)
                if len(chunk) >= CHUNK_ITEMS or size >= CHUNK_BYTES:
                    yield chunk
                    chunk, size = [], 0
            stats.not_releases += source.skipped
        if chunk:
            yield chunk

    def emit(results: list[EncodedResult]) -> None:
        nonlocal since_commit
        for result in results:
            sink.write_encoded(result)
            if result.error is None:
                stats.releases += 1
                stats.claims += result.n_claims
            else:
                stats.errors += 1
            if on_result is not None:
                on_result(result)
            if progress is not None:
                progress(stats, 1)
            since_commit += 1
            if since_commit >= commit_every:
                sink.commit()
                since_commit = 0

    try:
        if jobs <= 1:
            extractor: ExtractorLike | None = None
            for chunk in chunks():
                if extractor is None:
                    extractor = build_extractor(factory)
                # Encoded here too: one path for every --jobs, so the output cannot differ.
                emit([encode(r, sink.encoding) for r in process_chunk(chunk, extractor, fallback)])
        else:
            from tiedote.io.workers import run_parallel

            run_parallel(
                chunks(), emit, jobs=jobs, factory=factory, fallback=fallback, encoding=sink.encoding
            )
        sink.commit()
    finally:
        seen.close()
    return stats

