"""A figure's unit: the word or symbol after the number, read in every inflected form.

"40 000 puheluun" is a count, "6 minuuttia" a duration, "45 senttiä" 0.45 EUR, "15 senttiä lunta"
a length; "käsiteltiin 23 päivässä" is a duration but "1 900 kuukaudessa" a count per month.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from tiedote.lang.lexicon import Lexicon
from tiedote.numbers.mentions import Num
from tiedote.numbers.scale import scale_by
from tiedote.periods.release_words import release_words
from tiedote.text.segment import Token

# Words after a bare number that leave it without a unit of its own, so it
# takes the unit of a neighbouring figure ("3,1 ja lähijunissa 1,8 prosenttia").
_ELLIPSIS_WORDS: Final = frozenset({"ja", "tai", "eli", "kun", "mutta", "sekä", "vaan"})

@dataclass(slots=True, init=False)
class Unit:
    unit: str | None  # None: no unit word (a bare number)
    start: int = -1
    end: int = -1
    token: int = -1  # index of the unit token, -1 if none
    rule: str = ""
    bare: bool = False

    # Written out: compiled (hatch_build.py) it runs as C, where a dataclass's own __init__ stays
    # Python.  tests/test_build.py checks it takes exactly the fields, defaults and all.
    def __init__(self, unit: str | None, start: int = -1, end: int = -1, token: int = -1, rule: str = "",
            bare: bool = False) -> None:
        self.unit = unit
        self.start = start
        self.end = end
        self.token = token
        self.rule = rule
        self.bare = bare


def after_number(toks: list[Token], num: Num) -> int:
    j = num.j if num.tail < 0 else num.tail
    if j + 1 < len(toks) and toks[j].text == ":" and not toks[j].space_before and toks[j + 1].kind == "word" \
            and not toks[j + 1].space_before:
        j += 2
    return j


def read_unit(toks: list[Token], num: Num, lex: Lexicon) -> Unit:
    if num.share:
        t = toks[num.i]  # "neljännes", "kaksi kolmasosaa": a share (contract.md)
        return Unit("percent", t.start, toks[num.j - 1].end, num.j - 1, "unit.share")
    n = len(toks)
    k = after_number(toks, num)
    if num.unit_hint is not None:  # "4,2 Me": the scale word is the unit too
        s = num.j - 1 if num.tail < 0 else num.tail - 1
        if not (k < n and toks[k].text == "€"):
            return Unit(num.unit_hint, toks[s].start, toks[s].end, s, "unit.scaled_abbreviation")
    if k < n:
        t = toks[k]
        if t.text == "%":
            # "0,4 %-yksikköä"
            if k + 2 < n and toks[k + 1].text == "-" and toks[k + 2].lower.startswith("yks"):
                return Unit("percentage_point", t.start, toks[k + 2].end, k, "unit.percent_sign_points")
            return Unit("percent", t.start, t.end, k, "unit.percent_sign")
        unit = lex.unit_symbols.get(t.text) or lex.unit_forms.get(t.lower)
        if unit is None and k + 1 < n and toks[k + 1].text == "." and not toks[k + 1].space_before:
            unit = lex.unit_forms.get(t.lower + ".")
        # "m²", "km/h", "°C": a unit written in parts
        end = k
        if t.lower in lex.unit_part_firsts and k + 1 < n and not toks[k + 1].space_before:
            nxt = toks[k + 1].lower
            two = nxt + toks[k + 2].lower if k + 2 < n and not toks[k + 2].space_before else ""
            parted = lex.unit_suffixes.get((t.lower, nxt)) or (lex.unit_suffixes.get((t.lower, two)) if two else None)
            if parted is not None:
                unit, end = parted, k + (1 if (t.lower, nxt) in lex.unit_suffixes else 2)
        # "e-kirja" is no euro
        if unit is not None and not (t.lower == "e" and end + 1 < n and toks[end + 1].text == "-"
                                     and not toks[end + 1].space_before):
            rule = "unit.word" if end == k else "unit.written_in_parts"
            return Unit(unit, t.start, toks[end].end, k, rule)
    # "arvosanan 9", "kokonaisarvosanan 4,6": a grade word just before the number
    grade_forms = lex.grade_forms
    for b in range(num.i - 1, max(-1, num.i - 3), -1):
        w = toks[b].lower
        g = grade_forms.get(w)
        if g is None and "arvosan" in w:
            g = "score"  # any compound of "arvosana"
        if g is not None:
            return Unit(g, toks[b].start, toks[b].end, b, "unit.grade")
        if toks[b].kind != "word":
            break
    # "keskiarvo oli 3,6 asteikolla 1–5": a figure given on a scale is a score
    scale = lex.nonclaim["scale"]
    for a in range(k, min(n, k + 3)):
        if toks[a].lower in scale:
            return Unit("score", toks[a].start, toks[a].end, a, "unit.on_scale")
    bare = k >= n or (toks[k].kind == "sym" and toks[k].text not in "%€$") \
        or toks[k].lower in _ELLIPSIS_WORDS
    return Unit(None, bare=bare)


# Longest plausible duration stated in an inessive unit ("käsiteltiin 23 päivässä");
# a larger figure before "kuukaudessa" is a count per month ("noin 1 900 kuukaudessa").
# (weeks: a duration is counted in weeks up to about two years; "noin 520 viikossa" is a count per week)
_MAX_DURATION: Final = {"second": 100_000, "minute": 10_000, "hour": 1_000, "day": 400, "week": 104, "month": 120,
                 "year": 100}


def duration_or_rate(toks: list[Token], num: Num, unit: Unit, lex: Lexicon) -> Unit:
    if unit.token < 0 or unit.unit not in _MAX_DURATION or not toks[unit.token].lower.endswith(("ssa", "ssä")):
        return unit
    value = num.value if num.value is not None else num.high
    if value is not None and value > _MAX_DURATION[unit.unit] and toks[unit.token].lower in lex.rate_words:
        return Unit(None, bare=False, rule="unit.rate_not_duration")
    return unit


def count_per_time(toks: list[Token], num: Num, unit: Unit, prev: Num | None, lex: Lexicon) -> Unit:
    """"6 410 potilasta eli keskimäärin 214 päivässä": a figure restating the count just before it per a
    unit of time ("eli", "mikä on", or a comma, then only qualifier and statistic words) is a count with
    that rate, not a duration."""
    if prev is None or unit.token != num.j or unit.unit not in _MAX_DURATION \
            or not toks[unit.token].lower.endswith(("ssa", "ssä")) or toks[unit.token].lower not in lex.rate_words:
        return unit
    k = prev.j
    if k < num.i and toks[k].kind == "word" and toks[k].lower not in release_words().restating:
        k += 1  # the counted noun of the figure before ("potilasta")
    if k >= num.i or not (toks[k].text == "," or toks[k].lower in release_words().restating):
        return unit
    for t in toks[k + 1:num.i]:
        wc = lex.classes(t.lower)
        if not (t.lower in release_words().restating or lex.qualifier(t.lower) is not None
                or wc.statistic is not None):
            return unit
    return Unit(None, bare=False, rule="unit.count_per_time")


def scaled_or_length(toks: list[Token], num: Num, unit: Unit, factor: float, lex: Lexicon) -> Unit:
    """"45 senttiä" is 0.45 EUR (contract.md), but "15 senttiä lunta" is a length in cm."""
    length_unit, words = lex.factor_as_length
    if length_unit and any(t.lower in words for t in toks):
        return Unit(length_unit, unit.start, unit.end, unit.token, "unit.length_not_money")
    scale_by(num, factor)
    return unit
