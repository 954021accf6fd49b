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
* Workers build one ``Extractor`` each, on their first chunk, and reuse it.
  With the library's own extractor, the forkserver the workers are forked
  from builds what every extractor shares first (word lists, period rules,
  lemma index: most of a worker's start-up), once, so workers start warm; and
  ``start_forkserver`` lets the CLI launch it first thing, so that work
  overlaps the main process's own imports and reading.
* This module imports the pydantic models (``tiedote.io.results``,
  ``tiedote.models``) only where they are used, so that importing it, and
  launching the forkserver, costs next to nothing.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import multiprocessing
import os
import signal
import sqlite3
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from tiedote.errors import SourceError, TiedoteError
from tiedote.io.sources import Item

if TYPE_CHECKING:
    from tiedote.io.results import EncodedResult, Encoding, ReleaseResult
    from tiedote.io.sinks import Sink
    from tiedote.io.sources import Source
    from tiedote.models import Claim

CHUNK_ITEMS = 16
"""Releases per chunk sent to a worker: enough to amortise the inter-process
hop and let ``nlp.pipe`` batch, few enough that two workers share a small
archive."""
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


def default_extractor(max_chars: int | None = None, parser: str | None = None) -> ExtractorLike:
    """The library's own extractor, built once per process (``max_chars``: its default unless given).

    ``parser``: the parser reading's spaCy package (``tiedote batch --parser``), loaded once per
    worker process on its first release; None is the fast reading.
    """
    from tiedote.api import Extractor

    if max_chars is None:
        return Extractor(parser=parser)
    return Extractor(max_chars=max_chars, parser=parser)


_DEFAULT_EXTRACTOR = default_extractor
"""The library's own factory, whatever ``default_extractor`` is rebound to later (tests put fakes there)."""


class BatchError(TiedoteError, RuntimeError):
    """The run could not go on (a worker died, the extractor could not be built); OUT keeps what was committed."""


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
            release, how = prepare(item, fallback)
        except SourceError as exc:
            results[i] = error_result(item, str(exc))
        except Exception as exc:  # noqa: BLE001 - a parser crash on one page is that page's error
            results[i] = error_result(item, f"cannot read the release: {_describe(exc)}")
        else:
            ready.append((i, item, release, how))

    batch: list[list[Claim]] | None
    try:
        batch = list(extractor.extract_many([(r.text, r.published) for _, _, r, _ in ready]))
        if len(batch) != len(ready):
            batch = None
    except Exception:  # noqa: BLE001 - one bad text spoils nlp.pipe's batch; redo one by one below
        batch = None

    for k, (i, item, release, how) in enumerate(ready):
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
            published_source=how,
            title=release.title,
            url=release.url,
            text=release.text,
            content_hash=item.content_hash,
            claims=tuple(claims),
        )
    return [r for r in results if r is not None]


# Per worker process: its extractor, built on the first chunk.  A module global because a
# ProcessPoolExecutor worker has no other place to keep state between tasks.
_worker: dict[str, Any] = {}


def _init_worker(
    factory: ExtractorFactory, fallback: dt.date | None, encoding: Encoding, main_pid: int
) -> None:
    # Ctrl-C reaches the whole process group; the main process alone decides how to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker.clear()
    _worker.update(factory=factory, fallback=fallback, encoding=encoding)
    threading.Thread(target=_exit_with, args=(main_pid,), daemon=True, name="tiedote-orphan-watch").start()


def _exit_with(main_pid: int) -> None:
    """End this worker once the main process is gone.

    After a kill -9 of the main process nothing tells a worker: it holds both
    ends of its task queue itself, so it would wait for work forever (and keep
    the forkserver alive with it).  Polling the main process's pid is the
    portable way out; a pid reused within a second is not a real risk.
    """
    while True:
        time.sleep(0.5)
        try:
            os.kill(main_pid, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:  # the pid is someone else's now: ours is gone
            os._exit(1)


def _work(chunk: list[Item]) -> list[EncodedResult]:
    from tiedote.io.results import encode

    if "extractor" not in _worker:
        _worker["extractor"] = build_extractor(_worker["factory"])
    extractor: ExtractorLike = _worker["extractor"]
    fallback: dt.date | None = _worker["fallback"]
    encoding: Encoding = _worker["encoding"]
    return [encode(r, encoding) for r in process_chunk(chunk, extractor, fallback)]


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


def _pool_context() -> multiprocessing.context.BaseContext:
    # forkserver: workers fork from a clean server process, not from this one with its
    # threads (tqdm's monitor, sqlite), which plain fork would copy in an unknown state.
    # spawn where forkserver does not exist (Windows, and macOS for its own reasons).
    if sys.platform.startswith("linux"):
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["tiedote.io.batch"])
        return ctx
    return multiprocessing.get_context("spawn")


_WARM_ENV = "TIEDOTE_BATCH_WARM_FORKSERVER"
"""Set only in the environment the forkserver is launched with: it tells the forkserver's
import of this module (its preload) to warm the engine up; the forkserver removes it."""

_WARM_TEXT = (
    "Helsinki 9.6.2020 – Toukokuussa vastattiin keskimäärin 40 000 puheluun viikossa, "
    "mikä on 5 prosenttia enemmän kuin vuotta aiemmin. Jonotusaika oli kaksi minuuttia."
)


def _uses_default_extractor(factory: ExtractorFactory) -> bool:
    if isinstance(factory, functools.partial):
        factory = factory.func
    return factory is _DEFAULT_EXTRACTOR


def start_forkserver(factory: ExtractorFactory) -> None:
    """Launch the workers' forkserver now (Linux; elsewhere nothing to do), warm for the default extractor.

    A ``--jobs N`` run otherwise starts it at its first chunk, and each worker
    then builds the engine's shared state itself (~0.5 s CPU each).  Launched
    early, the forkserver builds it once, on another core, while this process
    is still importing and reading, and every worker forks with it built.
    Returns at once: the forkserver works in the background, and a run that
    never submits a chunk (all resumed) does not wait for it.  A forkserver
    already running (an earlier run in this process) is kept as it is.
    """
    if not sys.platform.startswith("linux"):
        return
    from multiprocessing import forkserver

    _pool_context()  # its preload
    warm = _uses_default_extractor(factory)
    before = os.environ.get(_WARM_ENV)
    if warm:
        os.environ[_WARM_ENV] = "1"
    try:
        forkserver.ensure_running()
    finally:
        if warm and before is None:
            del os.environ[_WARM_ENV]


def _warm_forkserver() -> None:
    """In the forkserver: build what every worker would build on its first chunk, then fork them warm."""
    # The forkserver ignores Ctrl-C only once its preload is done; a Ctrl-C now must not
    # print its traceback (the main process reports the interruption).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        import concurrent.futures.process  # noqa: F401 - what a worker runs its tasks with

        from tiedote.io.results import encode  # noqa: F401 - what _work imports
        from tiedote.io.sources.decode import prepare  # noqa: F401

        _DEFAULT_EXTRACTOR().extract(_WARM_TEXT, published=dt.date(2020, 6, 9))
    except Exception:  # noqa: BLE001, S110 - a worker builds its own extractor and reports the failure
        pass
    # Objects made so far live as long as the process: out of the collector's sight, each
    # worker's collections neither walk them nor write to (and so copy) their pages.
    gc.freeze()


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
            _run_parallel(
                chunks(), emit, jobs=jobs, factory=factory, fallback=fallback, encoding=sink.encoding
            )
        sink.commit()
    finally:
        seen.close()
    return stats


def _run_parallel(
    chunks: Iterator[list[Item]],
    emit: Callable[[list[EncodedResult]], None],
    *,
    jobs: int,
    factory: ExtractorFactory,
    fallback: dt.date | None,
    encoding: Encoding,
) -> None:
    window: deque[Future[list[EncodedResult]]] = deque()
    start_forkserver(factory)
    pool = ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=_pool_context(),
        initializer=_init_worker,
        initargs=(factory, fallback, encoding, os.getpid()),
    )
    finished = False
    try:
        for chunk in chunks:
            window.append(pool.submit(_work, chunk))
            # Two chunks per worker: one being worked on, one waiting, so no worker idles
            # while the main process writes; more would only hold more releases in memory.
            if len(window) >= 2 * jobs:
                emit(window.popleft().result())
        while window:
            emit(window.popleft().result())
        finished = True
    except BrokenProcessPool as exc:
        raise BatchError(
            f"a worker process died ({exc}); rerun to resume, or use --jobs 1 to see why"
        ) from exc
    finally:
        for future in window:
            future.cancel()
        if not finished:
            _terminate_workers(pool)
        pool.shutdown(wait=finished, cancel_futures=True)


def _terminate_workers(pool: ProcessPoolExecutor) -> None:
    """Stop workers mid-chunk when the run is stopping anyway (Ctrl-C, a failed write).

    Waiting would let each finish its chunk, seconds of work whose results are
    thrown away; and a worker still starting up when the main process exits
    prints a confusing traceback.  The executor has no public way to do this.
    """
    processes = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        process.terminate()


if os.environ.pop(_WARM_ENV, None) == "1":  # only in the forkserver: see start_forkserver
    _warm_forkserver()
