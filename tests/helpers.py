"""Shared helpers for the tests: where fixtures live and how to check every span of a claim."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import tiedote

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
# ../shared beside the checkout; a git worktree under a folder of worktrees finds it one level further up
SHARED = next((d / "shared" for d in ROOT.parents if (d / "shared" / "eval" / "score.py").is_file()), ROOT.parent / "shared")


def gold_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.gold.json"))


def load_release(gold_path: Path) -> tuple[str, dt.date, dict[str, object]]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = (gold_path.parent / gold["text_file"]).read_text(encoding="utf-8")
    return text, dt.date.fromisoformat(gold["published"]), gold


def spans_of(claim: tiedote.Claim) -> Iterator[tuple[str, tiedote.Span]]:
    q = claim.quantity
    yield "quantity", q.span
    for name, span in (("unit", q.unit_span), ("qualifier", q.qualifier_span),
                       ("statistic", claim.statistic_span), ("rate", claim.rate_span)):
        if span is not None:
            yield name, span
    if claim.measure is not None:
        yield "measure", claim.measure.span
    if claim.subject is not None:
        yield "subject", claim.subject.span
    if claim.change is not None:
        yield "change", claim.change.span
    if claim.period is not None and claim.period.span is not None:
        yield "period", claim.period.span
    yield "sentence", claim.sentence


def assert_spans_hold(text: str, claims: list[tiedote.Claim]) -> None:
    for claim in claims:
        for name, span in spans_of(claim):
            assert 0 <= span.start < span.end <= len(text), (name, span)
            assert text[span.start:span.end] == span.text, (name, span, text[span.start:span.end])
        p = claim.period
        if p is not None and p.start is not None and p.end is not None:
            assert p.start <= p.end, p
