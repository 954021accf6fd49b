"""Fraction words as shares: "puolet" 50, "kaksi kolmasosaa" 66.67, "neljännes" 25, "joka viides" 20.

contract.md: fraction words are shares, unit ``percent``, the value to two
decimals; "neljännesmiljoona" is 250 000.  The words are data
(``lang/fi/fractions.toml``); the singular case forms are generated from the
principal parts once per process.  Whether a reading is really a share and not
a quarter of a year ("kolmannella neljänneksellä") is nonclaims' question.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Final

from tiedote.errors import LexiconError
from tiedote.lang.morphology import all_forms

_PARTS: Final = ("nom", "weak", "strong", "part", "ill")


@dataclass(frozen=True, slots=True)
class Fractions:
    shares: dict[str, int]  # surface form -> denominator ("neljänneksen" -> 4)
    multiplied: frozenset[str]  # forms a cardinal before multiplies ("kolmasosaa")
    every: dict[str, int]  # ordinal form after "joka" -> N ("viides" -> 5)
    every_before: frozenset[str]
    scaled: dict[str, int]  # "neljännesmiljoonaa" -> 250000
    starts: frozenset[str]  # first three letters of the share and scaled forms, for the candidate filter


def share_value(denominator: int, multiplier: float = 1) -> float:
    """100 * multiplier / denominator, to two decimals as the contract writes it (66.67)."""
    return round(100 * multiplier / denominator, 2)


def _entry_forms(entry: Any, where: str) -> set[str]:
    if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) for k in _PARTS):
        raise LexiconError(f"{where}: needs the principal parts {_PARTS}")
    try:
        return all_forms({k: entry[k] for k in _PARTS})
    except ValueError as exc:
        raise LexiconError(f"{where}: {exc}") from exc


def _positive(value: Any, where: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise LexiconError(f"{where}: expected a positive integer, got {value!r}")
    return value


def load(data: dict[str, Any] | None = None) -> Fractions:
    """Read and validate ``fractions.toml`` (``data`` overrides the packaged file, for tests)."""
    if data is None:
        try:
            raw = resources.files("tiedote.lang.fi").joinpath("fractions.toml").read_bytes()
            data = tomllib.loads(raw.decode("utf-8"))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise LexiconError(f"lang/fi/fractions.toml: cannot be read: {exc}") from exc
    shares: dict[str, int] = {}
    multiplied: set[str] = set()
    for word, n in data.get("share_words", {}).items():
        shares[word] = _positive(n, f"fractions.toml [share_words] {word!r}")
    for i, entry in enumerate(data.get("share", [])):
        where = f"fractions.toml [[share]] {i}"
        n = _positive(entry.get("denominator"), where)
        forms = _entry_forms(entry, where) - set(entry.get("not_forms", []))
        shares.update({f: n for f in forms})
        if entry.get("multiplied", False):
            multiplied.update(forms)
    every_t = data.get("every", {})
    every = {w: _positive(n, f"fractions.toml [every] {w!r}") for w, n in every_t.get("ordinals", {}).items()}
    scaled: dict[str, int] = {}
    for i, entry in enumerate(data.get("scaled", [])):
        where = f"fractions.toml [[scaled]] {i}"
        value = _positive(entry.get("value"), where)
        scaled.update({f: value for f in _entry_forms(entry, where)})
    words = (*shares, *scaled)
    return Fractions(shares, frozenset(multiplied), every, frozenset(every_t.get("before", [])), scaled,
                     frozenset(w[:3] for w in words))


@cache
def fractions() -> Fractions:
    """The packaged fraction words, loaded on first use."""
    return load()
