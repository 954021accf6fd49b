"""The worker processes of a ``--jobs N`` batch: their forkserver, warm start and orphan watch.

Workers fork from a forkserver whose preload is this module.  Launched by
:func:`start_forkserver` for the library's own extractor, the forkserver first
builds what every extractor shares (word lists, period rules, lemma index:
most of a worker's start-up), once, so that every worker starts warm.  Each
worker then builds its ``Extractor`` on its first chunk and keeps it.  The
runner (:func:`tiedote.io.batch.run_batch`) keeps at most two chunks a worker
in flight and writes their results in the order the chunks were cut.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any

from tiedote.claims.syntax import PARSER
from tiedote.errors import BatchError
from tiedote.io.batch import (
    _DEFAULT_EXTRACTOR,
    ExtractorFactory,
    ExtractorLike,
    build_extractor,
    process_chunk,
)
from tiedote.io.sources import Item
from tiedote.io.stopping import transaction

if TYPE_CHECKING:
    from tiedote.io.results import EncodedResult, Encoding

# Per worker process: its extractor, built on the first chunk.  A module global because a
# ProcessPoolExecutor worker has no other place to keep state between tasks.
_worker: dict[str, Any] = {}


def _init_worker(
    factory: ExtractorFactory, fallback: dt.date | None, encoding: Encoding, main_pid: int
) -> None:
    # Ctrl-C reaches the whole process group, and Slurm sends SIGTERM to every process of a job;
    # the main process alone decides how to stop (a worker killed while it sends a result would
    # leave the pool waiting forever for the rest of it).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
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


def _pool_context() -> multiprocessing.context.BaseContext:
    # forkserver: workers fork from a clean server process, not from this one with its
    # threads (tqdm's monitor, sqlite), which plain fork would copy in an unknown state.
    # spawn where forkserver does not exist (Windows, and macOS for its own reasons).
    if sys.platform.startswith("linux"):
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["tiedote.io.workers"])
        return ctx
    return multiprocessing.get_context("spawn")


_WARM_ENV = "TIEDOTE_BATCH_WARM_FORKSERVER"
"""Set only in the environment the forkserver is launched with: it tells the forkserver's
import of this module (its preload) to warm the engine up, for the reading it names (the parser
package, or "-" for the fast reading); the forkserver removes it."""

_WARM_TEXT = (
    "Helsinki 9.6.2020 – Toukokuussa vastattiin keskimäärin 40 000 puheluun viikossa, "
    "mikä on 5 prosenttia enemmän kuin vuotta aiemmin. Jonotusaika oli kaksi minuuttia."
)


def _uses_default_extractor(factory: ExtractorFactory) -> bool:
    if isinstance(factory, functools.partial):
        factory = factory.func
    return factory is _DEFAULT_EXTRACTOR


def _reading_of(factory: ExtractorFactory) -> str:
    """The parser package the default extractor's factory reads with, "-" for the fast reading."""
    parser = factory.keywords.get("parser", PARSER) if isinstance(factory, functools.partial) else PARSER
    return parser if isinstance(parser, str) and parser else "-"


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
        os.environ[_WARM_ENV] = _reading_of(factory)
    try:
        forkserver.ensure_running()
    finally:
        if warm and before is None:
            del os.environ[_WARM_ENV]


def _warm_forkserver(reading: str) -> None:
    """In the forkserver: build what every worker would build on its first chunk, then fork them warm."""
    # The forkserver ignores Ctrl-C only once its preload is done; a Ctrl-C now must not
    # print its traceback (the main process reports the interruption).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        import concurrent.futures.process  # noqa: F401 - what a worker runs its tasks with

        from tiedote.io.results import encode  # noqa: F401 - what _work imports
        from tiedote.io.sources.decode import prepare  # noqa: F401

        parser = None if reading == "-" else reading
        if parser is not None:
            # the model is loaded before the workers fork, so they share its pages (copy-on-write)
            from tiedote.claims.syntax import load_parser

            load_parser(parser)
        _DEFAULT_EXTRACTOR(parser=parser).extract(_WARM_TEXT, published=dt.date(2020, 6, 9))
    except Exception:  # noqa: BLE001, S110 - a worker builds its own extractor and reports the failure
        pass
    # Objects made so far live as long as the process: out of the collector's sight, each
    # worker's collections neither walk them nor write to (and so copy) their pages.
    gc.freeze()


def run_parallel(
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
            # A stop signal waits while workers are being started: one cut off mid-start cannot be
            # terminated, and dies on its own later with a traceback about a missing semaphore.
            with transaction():
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
        if finished:
            pool.shutdown(wait=True)
        else:
            _stop_workers(pool, window)


STOP_GRACE = 10.0
"""Seconds a stopping run lets the chunks under way finish before it kills their workers."""


def _stop_workers(pool: ProcessPoolExecutor, window: deque[Future[list[EncodedResult]]]) -> None:
    """Stop a run early (Ctrl-C, SIGTERM, a failed write): no new chunk starts, the ones under way end.

    Workers are not killed outright: one killed while it writes its result
    leaves the pool's result pipe half-written, and the pool's thread (which
    the interpreter joins at exit) then waits for the rest of it forever.  The
    chunks still queued are cancelled, not failed by killing their workers
    (on Python 3.11 the pool failing a cancelled future raises in its thread).
    A chunk is a second or two of work; past ``STOP_GRACE``, or on a second
    stop signal, the workers are killed all the same.
    """
    pool.shutdown(wait=False, cancel_futures=True)
    try:
        _, running = wait(window, timeout=STOP_GRACE)
    except KeyboardInterrupt:
        running = set(window)
    if running:
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.kill()


_reading = os.environ.pop(_WARM_ENV, None)
if _reading:  # only in the forkserver: see start_forkserver
    _warm_forkserver(_reading)
