"""Stopping a batch on SIGTERM as on Ctrl-C: finish the transaction under way, say how to resume.

SIGTERM is what ``timeout``, ``docker stop``, Slurm and systemd send.  Left to
its default it kills the process on the spot: a JSONL or CSV run leaves its
``OUT.part`` behind with no word, and the worker pool's semaphores are never
released (Python's resource tracker warns about them).  Here SIGTERM raises
``Stopped``, a ``KeyboardInterrupt``, so every path that cleans up after a
Ctrl-C — the sink's abort, the pool's shutdown, the CLI's message — cleans up
after it too, and the command exits 128 + 15 = 143 as a killed process would.

A signal that arrives while a SQLite transaction is being written is held
until the transaction is committed (``transaction()``), so a stop never
throws away a batch of releases already extracted; Ctrl-C gets the same
treatment while the handlers are installed.  Signals are process-wide, and so
is the one ``_Guard`` that holds this state.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class Stopped(KeyboardInterrupt):
    """The run was asked to stop by a signal; ``signum`` says which (``exit_status`` = 128 + it)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum

    @property
    def exit_status(self) -> int:
        return 128 + self.signum


class _Guard:
    def __init__(self) -> None:
        self.depth = 0
        self.pending: int | None = None

    def handler(self, signum: int, frame: FrameType | None) -> None:
        if self.depth:
            self.pending = self.pending or signum  # raised when the transaction is done
            return
        raise Stopped(signum)


_GUARD = _Guard()
SIGNALS = (signal.SIGINT, signal.SIGTERM)


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """Within: SIGINT and SIGTERM raise ``Stopped`` (held while a ``transaction()`` runs)."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers; the caller's own handling stands
        return
    previous = {sig: signal.signal(sig, _GUARD.handler) for sig in SIGNALS}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        _GUARD.pending = None


@contextmanager
def transaction() -> Iterator[None]:
    """A stretch that a stop signal must not cut short: a signal met inside is raised at its end."""
    _GUARD.depth += 1
    try:
        yield
    except BaseException:
        _GUARD.pending = None  # the stretch failed anyway; its own error goes on
        raise
    finally:
        _GUARD.depth -= 1
    if _GUARD.depth == 0 and _GUARD.pending is not None:
        signum, _GUARD.pending = _GUARD.pending, None
        raise Stopped(signum)
