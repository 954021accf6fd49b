"""The denominator of a figure given per so many of something: "45 tapausta 100 000 asukasta kohden".

"X kohden" / "X kohti" after a figure names its denominator: the noun before the
postposition, with the number before that noun ("100 000 asukasta kohden" is per
{100000, asukas}) or one when none is written ("610 euroa oppilasta kohti" is per
{1, oppilas}).  The denominator's number is never a claim of its own (contract.md).
A time unit before "kohden" ("45 euroa päivää kohden") is a rate, read elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from tiedote.claims.measure import partitive_like
from tiedote.claims.measure_words import measure_words
from tiedote.claims.wordform import lemma
from tiedote.lang.lexicon import Lexicon
from tiedote.numbers.mentions import Num, read_numbers
from tiedote.text.segment import Token

_REACH: Final = 6  # tokens between a figure and its denominator ("227 tapausta 100 000 asukasta kohden")


@dataclass(frozen=True, slots=True)
class PerHit:
    value: int | float
    lemma: str
    start: int
    end: int


def find_per(toks: list[Token], nums: list[Num], lex: Lexicon) -> tuple[dict[int, PerHit], set[int]]:
    """Per figure index: its denominator; and the indices of figures that are only denominators."""
    mw = measure_words()
    per: dict[int, PerHit] = {}
    denominators: set[int] = set()
    per_after = mw.per_after
    for k, t in enumerate(toks):
        if t.lower not in per_after or k == 0:
            continue
        noun = toks[k - 1]
        if noun.kind != "word" or f"{noun.lower} {t.lower}" in lex.rate_words or noun.lower in lex.unit_forms:
            continue  # "päivää kohden": a rate; "euroa kohden": no denominator
        if not partitive_like(noun.lower):
            continue  # "matkalla kohti 100 000 asukkaan rajaa": "kohti" as "towards", no partitive before it
        den = next((i for i, n in enumerate(nums) if n.j == k - 1), None)
        # the denominator's number may already be dropped as no claim ("nonclaim.denominator")
        written = nums[den] if den is not None else next((n for n in read_numbers(toks) if n.j == k - 1), None)
        start = written.start if written is not None else noun.start
        value = written.value if written is not None else 1
        if value is None:
            continue
        first = written.i if written is not None else k - 1
        figure = next((i for i in range(len(nums) - 1, -1, -1)
                       if i != den and first - _REACH <= nums[i].i and nums[i].j <= first), None)
        if figure is None:
            # "Asukasta kohden lainoja oli 18,2": the figure may follow its denominator
            figure = next((i for i, n in enumerate(nums) if i != den and k < n.i <= k + _REACH), None)
        if figure is None:
            continue
        per[figure] = PerHit(value, lemma(noun.lower), start, noun.end)
        if den is not None:
            denominators.add(den)
    return per, denominators
