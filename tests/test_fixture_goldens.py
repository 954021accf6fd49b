"""The project's own releases (fixtures/) against their gold claims.

A self-contained check in the spirit of ../shared/eval/score.py: a gold claim is
found when a predicted claim's number span overlaps the gold number and its
value (or low/high) is equal.  The floors are below what the extractor reaches
today so that a real regression, not noise, fails the test.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

import tiedote
from tests.helpers import FIXTURES, gold_files, load_release

_GOLDS = gold_files(FIXTURES)


def _locate(text: str, quote: str, number: str) -> tuple[int, int]:
    norm = text.replace("\u00a0", " ").replace("\u202f", " ")
    at = norm.find(quote.replace("\u00a0", " "))
    assert at >= 0, f"gold quote not in text: {quote!r}"
    inner = quote.replace("\u00a0", " ").find(number.replace("\u00a0", " "))
    assert inner >= 0, f"gold number {number!r} not in quote {quote!r}"
    return at + inner, at + inner + len(number)


def _same(a: object, b: object) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-9)  # type: ignore[arg-type]


def _alts(value: object) -> list[object]:
    return value if isinstance(value, list) else [value]


def _score(gold_path: Path) -> tuple[int, int, int, int, int]:
    text, published, gold = load_release(gold_path)
    preds = tiedote.extract(text, published=published)
    used: set[int] = set()
    found = unit_ok = qual_ok = 0
    claims = gold["claims"]
    assert isinstance(claims, list)
    for g in claims:
        start, end = _locate(text, g["quote"], g["number"])
        for i, p in enumerate(preds):
            q = p.quantity
            if i in used or not (q.span.start < end and start < q.span.end):
                continue
            if g.get("value") is not None:
                ok = _same(q.value, g["value"])
            else:
                ok = _same(q.low, g.get("low")) and _same(q.high, g.get("high"))
            if ok:
                used.add(i)
                found += 1
                unit_ok += q.unit in _alts(g["unit"])
                qual_ok += q.qualifier in _alts(g["qualifier"])
                break
    return len(claims), len(preds), found, unit_ok, qual_ok


def test_fixture_detection_and_fields() -> None:
    if not _GOLDS:
        pytest.skip("fixtures/ holds no gold files yet")
    n_gold = n_pred = found = unit_ok = qual_ok = 0
    for path in _GOLDS:
        g, p, f, u, q = _score(path)
        n_gold, n_pred, found, unit_ok, qual_ok = n_gold + g, n_pred + p, found + f, unit_ok + u, qual_ok + q
    precision, recall = found / max(n_pred, 1), found / max(n_gold, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    assert f1 >= 0.85, f"detection F1 on fixtures {f1:.3f} (gold {n_gold}, predicted {n_pred}, found {found})"
    assert unit_ok / max(found, 1) >= 0.85
    assert qual_ok / max(found, 1) >= 0.85
