"""Every rule id the engine emits on a text: claims' rules, the ids that drop numbers, the
ids that find time expressions and read number mentions.

The records carry the first kind and ``tiedote.explain`` the ids that drop numbers; the number
readers' and period finders' ids are read by wrapping the functions ``tiedote.claims.assemble``
calls (a test-only tap: nothing in the library changes).  The tap works on the Python source only:
the tests using it are marked ``source_tap``: with the compiled build (hatch_build.py) they skip,
and tests/test_build.py runs them with TIEDOTE_PURE=1.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.util
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest

import tiedote
from tiedote.claims import assemble
from tiedote.periods import find as period_find


def _tap(seen: set[str], fn: Callable[..., Any], ids: Callable[[Any], Iterator[str]]) -> Callable[..., Any]:
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        out = fn(*args, **kwargs)
        seen.update(ids(out))
        return out
    return wrapped


@contextmanager
def tracing() -> Iterator[set[str]]:
    # compiled code calls these functions directly, past any wrapper set on the module
    assert not tiedote.compiled(), "a test using the rule tap is marked source_tap (tests/conftest.py)"
    seen: set[str] = set()
    with pytest.MonkeyPatch.context() as mp:
        # the ids that drop a number come from explain() below, which records every drop
        mp.setattr(assemble, "read_numbers", _tap(seen, assemble.read_numbers, lambda nums: (n.rule for n in nums)))
        mp.setattr(period_find, "sentence_periods",
                   _tap(seen, period_find.sentence_periods, lambda ms: (m.rule for m in ms)))
        yield seen


@functools.cache
def _readings() -> tuple[tiedote.Extractor, ...]:
    """The fast reading, and the parser reading (the default) when its model package is installed."""
    from tiedote.claims.syntax import PARSER

    fast = tiedote.Extractor(parser=None)
    return (fast, tiedote.Extractor(parser=PARSER)) if importlib.util.find_spec(PARSER) is not None else (fast,)


def emitted(text: str, published: dt.date | None) -> set[str]:
    """The ids of every rule that fired on ``text``, in either reading."""
    with tracing() as seen:
        for reading in _readings():
            for claim in reading.extract(text, published=published):
                seen.update(claim.rules)
            seen.update(m.rule for m in reading.explain(text, published=published) if m.rule is not None)
    return set(seen)
