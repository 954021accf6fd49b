"""A number as read, and what stands right after its digits: the scale word, a money
abbreviation, the decimal point, a compound duration.

Split out of tiedote.numbers.mentions (which reads the numbers of a sentence) so
each module stays small; the decisions are listed there.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

import regex

from tiedote.lang.lexicon import lexicon
from tiedote.numbers import words as numwords
from tiedote.text.segment import Token


@dataclass(slots=True, init=False)
class Num:
    i: int  # index of the first token of the number
    j: int  # index one past the last token of the number (scale word included)
    start: int  # char span of the number's own text
    end: int
    value: int | float | None
    low: int | float | None = None
    high: int | float | None = None
    rule: str = "number.digits"
    is_word: bool = False
    grouped: bool = False  # digit groups joined by spaces
    decimal: bool = False
    dotted: bool = False  # "9.6.2020", "21.40": dates and clock times, never claims
    qualifier: str | None = None  # set by vague words ("parin")
    first_digits: str = ""  # the first digit token's text, for phone/postal-code shapes
    # where the figure's unit words start when not at j: past a bracketed comparison
    # ("45,2 (42,1) milj. euroa": the scale and unit of both stand after the bracket)
    tail: int = -1
    compared: bool = False  # the bracketed figure of "45,2 (42,1)": the same measure a year earlier
    sign: str = ""  # "+" or "-" written before the digits
    unit_hint: str | None = None  # a unit the number's own scale word gives ("4,2 Me", "45 M€": EUR)
    share: bool = False  # a fraction word read as a share in percent ("neljännes")
    scale: int = 1  # the multiplier of its scale word ("milj." 1000000)

    # Written out: compiled (hatch_build.py) it runs as C, where a dataclass's own __init__ stays
    # Python.  tests/test_build.py checks it takes exactly the fields, defaults and all.
    # (int | float, not float: compiled, a float parameter would turn an int value into a float)
    def __init__(self, i: int, j: int, start: int, end: int, value: int | float | None,  # noqa: PYI041
            low: int | float | None = None, high: int | float | None = None,  # noqa: PYI041
            rule: str = "number.digits",
            is_word: bool = False, grouped: bool = False, decimal: bool = False, dotted: bool = False,
            qualifier: str | None = None, first_digits: str = "", tail: int = -1, compared: bool = False,
            sign: str = "", unit_hint: str | None = None, share: bool = False, scale: int = 1) -> None:
        self.i = i
        self.j = j
        self.start = start
        self.end = end
        self.value = value
        self.low = low
        self.high = high
        self.rule = rule
        self.is_word = is_word
        self.grouped = grouped
        self.decimal = decimal
        self.dotted = dotted
        self.qualifier = qualifier
        self.first_digits = first_digits
        self.tail = tail
        self.compared = compared
        self.sign = sign
        self.unit_hint = unit_hint
        self.share = share
        self.scale = scale


_DECIMAL_POINT: Final = regex.compile(r"[0-9]{1,6}\.[0-9]{1,3}")
_TIME_UNITS: Final = frozenset({"second", "minute", "hour", "day", "week", "month", "year"})


def decimal_point(toks: list[Token], i: int) -> bool:
    """"1.2 miljardia", "0.5 %", "11.90 e": a decimal point, not a date or a clock time, when a
    percent sign, a scale word or a unit that is no time unit follows."""
    if not _DECIMAL_POINT.fullmatch(toks[i].text) or i + 1 >= len(toks):
        return False
    nxt = toks[i + 1]
    if nxt.text == "%" or scale_at(toks, i + 1) is not None:
        return True
    unit = lexicon().unit_of(nxt.text, nxt.lower)
    return unit is not None and unit not in _TIME_UNITS and nxt.kind == "word" or nxt.text in ("€", "$", "£")


def clean(value: float) -> int | float:
    """40000.0 → 40000: whole values are JSON integers, as in the gold files."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    return round(value, 10) if isinstance(value, float) else value


def scale_by(num: Num, factor: float) -> None:
    """"45 senttiä": a unit worth a fraction of the canonical one (0.45 EUR)."""
    if num.value is not None:
        num.value = clean(float(Decimal(str(num.value)) * Decimal(str(factor))))
    if num.low is not None and num.high is not None:
        num.low = clean(float(Decimal(str(num.low)) * Decimal(str(factor))))
        num.high = clean(float(Decimal(str(num.high)) * Decimal(str(factor))))


_SMALLER: Final = {"hour": ("minute", 60), "minute": ("second", 60)}


def compound_duration(toks: list[Token], num: Num, second: int) -> None:
    """"1 h 15 min", "2 tuntia 30 minuuttia", "9 minuutissa ja 40 sekunnissa" (``second``: the index of
    the second number): one duration in the smaller unit (contract.md: 75 minutes)."""
    j = num.j
    k = second
    if k + 1 >= len(toks) or toks[k].kind != "num" or "," in toks[k].text or "." in toks[k].text:
        return
    lex = lexicon()
    big = lex.unit_of(toks[j].text, toks[j].lower)
    smaller = _SMALLER.get(big or "")
    if smaller is None or lex.unit_of(toks[k + 1].text, toks[k + 1].lower) != smaller[0] or num.value is None:
        return
    num.value = clean(num.value * smaller[1] + int(toks[k].text))
    num.j = k + 2
    num.end = toks[k + 1].end
    num.unit_hint = smaller[0]
    num.rule = "number.compound_duration"


_MONEY_INITIALS: frozenset[str] = frozenset()


def _money_initials() -> frozenset[str]:
    """The first letters of the money abbreviations: most words after a number start with none.

    Kept in a module global once read (a cached call per number would cost more than the test)."""
    global _MONEY_INITIALS
    _MONEY_INITIALS = frozenset(k[0] for k in lexicon().scaled_units)
    return _MONEY_INITIALS


def scale_at(toks: list[Token], j: int) -> tuple[int, int, str | None] | None:
    """(multiplier, tokens used, unit) of a scale word at toks[j] ("miljoonaa", "milj.", "M€", "Me").

    A money abbreviation ("4,2 Me", "350 t€") gives its unit too; for "M€" only the
    "M" is used, so the "€" stays the unit word.
    """
    if j >= len(toks) or toks[j].kind != "word":
        return None
    t = toks[j]
    if len(t.text) <= 4 and t.text[0] in (_MONEY_INITIALS or _money_initials()):
        money = lexicon().scaled_units
        glued = j + 1 < len(toks) and not toks[j + 1].space_before and toks[j + 1].kind == "sym"
        hit = money.get(t.text + toks[j + 1].text) if glued else None
        if hit is not None:
            return hit[1], 1, hit[0]
        hit = money.get(t.text)
        if hit is not None:
            return hit[1], 1, hit[0]
    if j + 1 < len(toks) and toks[j + 1].text == "." and not toks[j + 1].space_before:
        scale = numwords.scale_value(t.lower + ".")
        if scale:
            return scale, 2, None
    scale = numwords.scale_value(t.lower)
    return (scale, 1, None) if scale else None


def apply_scale(toks: list[Token], num: Num, at: int = -1) -> None:
    """Multiply by the scale word at ``at`` (default: right after the number)."""
    k = num.j if at < 0 else at
    found = scale_at(toks, k)
    if found is None or num.value is None:
        return
    scale, used, unit = found
    # Decimal: "257,6 milj." is 257600000, not 257600000.00000003
    scaled = float(Decimal(str(num.value)) * scale)
    if not math.isfinite(scaled):
        return
    num.value = clean(scaled)
    num.scale = scale
    if at < 0:
        num.j += used
        num.end = toks[num.j - 1].end
    else:
        num.tail = k + used
    num.unit_hint = unit
    num.rule += "+scale"
