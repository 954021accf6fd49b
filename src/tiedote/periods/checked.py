"""The period finder for callers outside the engine: arguments checked, errors tiedote's own.

>>> import datetime as dt
>>> [(p.text, str(p.start), str(p.end), p.granularity, p.kind)
...  for p in find_periods("Viime vuonna toukokuussa jonotusaika oli 6 minuuttia.", dt.date(2020, 6, 9))]
[('Viime vuonna toukokuussa', '2019-05-01', '2019-05-31', 'month', 'absolute')]

What a mention's fields mean, and the rules behind them: :mod:`tiedote.periods.find`.  This module
stays Python in the compiled build (hatch_build.py): there a compiled function would refuse an
argument of the wrong type with a bare TypeError before its own check could name the problem.
"""

from __future__ import annotations

import datetime as dt

from tiedote.errors import InputTypeError, InputValueError
from tiedote.periods import find
from tiedote.periods.find import PeriodMention, sentence_periods

__all__ = ["PeriodMention", "find_periods", "shift_range"]


def find_periods(
    text: str, published: dt.date | None, *, past: bool = False, year: int | None = None
) -> list[PeriodMention]:
    """Every time expression in ``text``, in text order, none overlapping (the longest wins).

    ``published`` is the publication date that relative expressions resolve
    against; ``past`` says the sentence's verb is in the past tense; ``year``
    is a year already in force from context.
    """
    if not isinstance(text, str):
        raise InputTypeError(f"text must be str, not {type(text).__name__}")
    if isinstance(published, dt.datetime):
        published = published.date()
    if published is not None and not isinstance(published, dt.date):
        raise InputTypeError(f"published must be a datetime.date or None, not {type(published).__name__}")
    if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
        raise InputTypeError(f"year must be an int or None, not {type(year).__name__}")
    if year is not None and not 1 <= year <= 9998:
        raise InputValueError(f"year {year} is outside 1–9998")
    return sentence_periods(text, published, bool(past), year=year)


def shift_range(
    start: dt.date, end: dt.date, granularity: str, *, years: int = 0, months: int = 0, weeks: int = 0
) -> tuple[dt.date, dt.date]:
    """A period moved by a relative mention's ``shift`` (:func:`tiedote.periods.find.shift_range`).

    >>> shift_range(dt.date(2020, 2, 1), dt.date(2020, 2, 29), "month", years=-1)
    (datetime.date(2019, 2, 1), datetime.date(2019, 2, 28))
    """
    if not isinstance(start, dt.date) or not isinstance(end, dt.date):
        raise InputTypeError("start and end must be datetime.date")
    if not isinstance(granularity, str):
        raise InputTypeError(f"granularity must be str, not {type(granularity).__name__}")
    for name, value in (("years", years), ("months", months), ("weeks", weeks)):
        if not isinstance(value, int) or isinstance(value, bool):
            raise InputTypeError(f"{name} must be an int, not {type(value).__name__}")
    return find.shift_range(start, end, granularity, years=years, months=months, weeks=weeks)
