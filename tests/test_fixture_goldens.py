"""Every field of every claim of the fixture releases, against committed goldens.

``tests/goldens/<release>.json`` holds the full ``model_dump(mode="json")`` of
the claims ``tiedote.extract`` gives for ``fixtures/<release>.txt`` at its
publication date.  Any change of any field (value, unit, qualifier, statistic,
rate, period, measure, subject, change, rules, spans, and fields added later
such as source and per) fails here with a readable list of what moved.  An
intended change is accepted with ``pytest --update-goldens``, so it shows in
the commit's diff of the golden files.

The hand gold of ``fixtures/*.gold.json`` is scored by ``../shared/eval/score.py``
(its field accuracies are not asserted here: the goldens pin every field
exactly); this file asserts only what must hold of it without exception: every
gold number is found with its value and no listed non-claim becomes a claim.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import tiedote
from tests.helpers import FIXTURES, gold_files, load_release

GOLDENS = Path(__file__).resolve().parent / "goldens"
_RELEASES = gold_files(FIXTURES)
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " "})


def _name(gold_path: Path) -> str:
    return gold_path.name.removesuffix(".gold.json")


def _claims_now(gold_path: Path) -> tuple[str, list[dict[str, Any]]]:
    text, published, _ = load_release(gold_path)
    return text, [c.model_dump(mode="json") for c in tiedote.extract(text, published=published)]


def _dump(claims: list[dict[str, Any]]) -> str:
    return json.dumps(claims, ensure_ascii=False, indent=1) + "\n"


def _flat(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Leaves of a claim as ("period.span.start", 46) pairs; a list is one leaf."""
    if isinstance(value, dict) and value:
        for key, inner in value.items():
            yield from _flat(inner, f"{path}.{key}" if path else key)
    else:
        yield path, value


def _key(claim: dict[str, Any]) -> tuple[int, int]:
    span = claim["quantity"]["span"]
    return span["start"], span["end"]


def _label(text: str, claim: dict[str, Any]) -> str:
    start, end = _key(claim)
    before = text[max(0, start - 40):start].split("\n")[-1]
    after = text[end:end + 25].split("\n")[0]
    return f"{claim['quantity']['span']['text']!r} at {start} ({before}[{text[start:end]}]{after})"


_MISSING = object()


def diff_claims(text: str, golden: list[dict[str, Any]], now: list[dict[str, Any]]) -> list[str]:
    """One line per difference, claims paired by their number's span."""
    lines: list[str] = []
    old_by = {_key(c): c for c in golden}
    new_by = {_key(c): c for c in now}
    for key in sorted(old_by.keys() | new_by.keys()):
        old, new = old_by.get(key), new_by.get(key)
        if new is None:
            assert old is not None
            lines.append(f"- lost claim {_label(text, old)}")
            continue
        if old is None:
            lines.append(f"+ new claim {_label(text, new)}: rules {new['rules']}")
            continue
        a, b = dict(_flat(old)), dict(_flat(new))
        moved = [
            f"    {path}: {a.get(path, _MISSING)!r} -> {b.get(path, _MISSING)!r}".replace(repr(_MISSING), "(absent)")
            for path in list(a) + [p for p in b if p not in a]
            if a.get(path, _MISSING) != b.get(path, _MISSING)
        ]
        if moved:
            lines.append(f"~ claim {_label(text, new)}")
            lines.extend(moved)
    if not lines and golden != now:  # same fields, other order of claims
        lines.append("claims came out in another order")
    return lines


@pytest.mark.parametrize("gold_path", _RELEASES, ids=_name)
def test_claims_match_golden(gold_path: Path, update_goldens: bool) -> None:
    text, now = _claims_now(gold_path)
    golden_path = GOLDENS / f"{_name(gold_path)}.json"
    if update_goldens:
        GOLDENS.mkdir(exist_ok=True)
        golden_path.write_text(_dump(now), encoding="utf-8")
        return
    assert golden_path.is_file(), f"no golden for {_name(gold_path)}: run pytest --update-goldens"
    golden = json.loads(golden_path.read_text(encoding="utf-8"))
    lines = diff_claims(text, golden, now)
    assert not lines, (
        f"{_name(gold_path)}: {len(lines)} line(s) differ from {golden_path.name} "
        "(golden -> now; accept an intended change with pytest --update-goldens)\n" + "\n".join(lines)
    )


def test_every_fixture_has_a_golden_and_no_golden_is_stale() -> None:
    assert {_name(p) for p in _RELEASES} == {p.stem for p in GOLDENS.glob("*.json")}


def test_diff_names_each_moved_field() -> None:
    text = "Puheluita oli 40 000."
    claim = {"quantity": {"span": {"start": 14, "end": 20, "text": "40 000"}, "unit": "count"}, "rules": ["a"]}
    moved = {**claim, "quantity": {**claim["quantity"], "unit": "EUR"}, "rate": None}
    assert diff_claims(text, [claim], [claim]) == []
    lines = diff_claims(text, [claim], [moved])
    assert lines[0].startswith("~ claim '40 000' at 14 (Puheluita oli [40 000].)")
    assert lines[1:] == ["    quantity.unit: 'count' -> 'EUR'", "    rate: (absent) -> None"]
    assert diff_claims(text, [claim], [])[0].startswith("- lost claim '40 000'")
    assert diff_claims(text, [], [claim])[0].startswith("+ new claim '40 000'")


def _number_span(text: str, quote: str, number: str) -> tuple[int, int]:
    norm, q, n = text.translate(_SPACES), quote.translate(_SPACES), number.translate(_SPACES)
    at = norm.find(q)
    assert at >= 0 and norm.find(q, at + 1) < 0, f"gold quote not found once: {quote!r}"
    inner = q.find(n)
    assert inner >= 0, f"gold number {number!r} not in quote {quote!r}"
    return at + inner, at + inner + len(n)


def _same_number(claim: tiedote.Claim, gold: dict[str, Any]) -> bool:
    q = claim.quantity
    pairs = [(q.value, gold.get("value"))] if gold.get("value") is not None else [(q.low, gold.get("low")), (q.high, gold.get("high"))]
    return all(a is not None and b is not None and abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(b))) for a, b in pairs)


@pytest.mark.parametrize("gold_path", _RELEASES, ids=_name)
def test_detection_is_exact_against_the_hand_gold(gold_path: Path) -> None:
    """The fixtures were written to be read fully: each gold number is one claim of equal value, nothing else is."""
    text, published, gold = load_release(gold_path)
    claims = tiedote.extract(text, published=published)
    unmatched = list(claims)
    missed = []
    for g in gold["claims"]:  # type: ignore[attr-defined]
        start, end = _number_span(text, g["quote"], g["number"])
        hit = next((c for c in unmatched if c.quantity.span.start < end and start < c.quantity.span.end and _same_number(c, g)), None)
        if hit is None:
            missed.append(g["quote"])
        else:
            unmatched.remove(hit)
    assert not missed, f"gold claims not found: {missed}"
    assert not unmatched, f"claims not in the gold: {[c.sentence.text for c in unmatched]}"
    for n in gold["non_claims"]:  # type: ignore[attr-defined]
        start, end = _number_span(text, n["quote"], n["number"])
        assert not [c for c in claims if c.quantity.span.start < end and start < c.quantity.span.end], n
