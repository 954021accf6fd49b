"""For every part of every claim, text[start:end] == span.text — over every fixture."""

from __future__ import annotations

from pathlib import Path

import pytest

import tiedote
from tests.helpers import FIXTURES, SHARED, assert_spans_hold, gold_files, load_release

_FIXTURE_GOLDS = gold_files(FIXTURES)
_SHARED_GOLDS = gold_files(SHARED / "seed") + gold_files(SHARED / "eval" / "dev") if SHARED.is_dir() else []


def test_there_are_fixtures() -> None:
    assert len(_FIXTURE_GOLDS) >= 5, "fixtures/ should hold at least 5 releases with gold claims"


@pytest.mark.parametrize("gold_path", _FIXTURE_GOLDS, ids=lambda p: p.name.removesuffix(".gold.json"))
def test_spans_hold_on_fixture(gold_path: Path) -> None:
    text, published, _ = load_release(gold_path)
    claims = tiedote.extract(text, published=published)
    assert claims, "every fixture release states figures"
    assert_spans_hold(text, claims)


@pytest.mark.parametrize("gold_path", _FIXTURE_GOLDS, ids=lambda p: p.name.removesuffix(".gold.json"))
def test_spans_hold_with_nbsp_everywhere(gold_path: Path) -> None:
    """Replacing every space with U+00A0 or U+202F keeps every offset."""
    text, published, _ = load_release(gold_path)
    for space in ("\u00a0", "\u202f"):
        changed = text.replace(" ", space)
        claims = tiedote.extract(changed, published=published)
        assert_spans_hold(changed, claims)
        plain = tiedote.extract(text, published=published)
        assert [c.quantity.span.start for c in claims] == [c.quantity.span.start for c in plain]


@pytest.mark.skipif(not _SHARED_GOLDS, reason="../shared is not beside the checkout (measuring set only)")
@pytest.mark.parametrize("gold_path", _SHARED_GOLDS, ids=lambda p: p.name.removesuffix(".gold.json"))
def test_spans_hold_on_shared(gold_path: Path) -> None:
    text, published, _ = load_release(gold_path)
    assert_spans_hold(text, tiedote.extract(text, published=published))
