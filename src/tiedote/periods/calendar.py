"""Calendar arithmetic and the intermediate record the period rules produce.

Kept apart from :mod:`tiedote.periods.find` (the public API) and
:mod:`tiedote.periods.rules` (the patterns) so both can use it without a cycle.
Nothing here knows a Finnish word.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

DatePair = tuple[dt.date, dt.date]


class Ctx:
    """What a period is resolved against: never today's date.

    ``past`` says the sentence's verb is in the past tense.  It may be given as a
    function, called at most once and only when a resolution reads it (a year-less
    period, see :func:`pick_year`): finding the tense walks the sentence's tokens,
    and most sentences name no such period.

    ``anchor`` is the release's year in force, from which year words that point back
    ("edellisvuonna") count when no ``year`` is given; ``week`` the Monday of a week named
    right before a weekday ("Tällä viikolla maanantain ja keskiviikon välillä").
    """

    __slots__ = ("_past", "anchor", "published", "week", "year")

    def __init__(self, published: dt.date | None, past: bool | Callable[[], bool], year: int | None,
                 anchor: int | None = None, week: dt.date | None = None) -> None:
        self.published = published
        self.year = year
        self._past = past
        self.anchor = anchor
        self.week = week

    @property
    def past(self) -> bool:
        past = self._past
        if not isinstance(past, bool):
            past = self._past = bool(past())
        return past


Resolve = Callable[[Ctx], "DatePair | None"]
# (explicit year or None, offset, anchor): "vuonna 2018" → (2018, 0, "explicit"),
# "viime vuonna" → (None, -1, "published"), "edellisvuonna" → (None, -1, "context").
YearRef = tuple[int | None, int, str]


@dataclass(slots=True, init=False)  # not frozen: a frozen __init__ sets each field through object.__setattr__
class Hit:
    """One rule match, before overlaps are settled and dates resolved.

    ``role`` says what the case of the expression does to the named period:
    "in" (the period itself), "from"/"to" (a lone elative/illative), "since"
    ("… lähtien": from the start to the publication date), "by" ("…
    mennessä"), "until" ("… asti").  Never changed once made.
    """

    start: int
    end: int
    rule: str
    kind: str
    granularity: str
    resolve: Resolve | None = None
    role: str = "in"
    shift: tuple[int, int, int] | None = None

    # Written out: compiled (hatch_build.py) it runs as C, where a dataclass's own __init__ stays
    # Python.  tests/test_build.py checks it takes exactly the fields, defaults and all.
    def __init__(self, start: int, end: int, rule: str, kind: str, granularity: str,
                 resolve: Resolve | None = None, role: str = "in",
                 shift: tuple[int, int, int] | None = None) -> None:
        self.start = start
        self.end = end
        self.rule = rule
        self.kind = kind
        self.granularity = granularity
        self.resolve = resolve
        self.role = role
        self.shift = shift


# Days in each month of a common year: month_end is on every resolution's path, and
# calendar.monthrange also works out the weekday of the 1st, which is not needed.
_MONTH_DAYS: Final = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def month_end(year: int, month: int) -> dt.date:
    if not 1 <= month <= 12:
        raise calendar.IllegalMonthError(month)  # as calendar.monthrange does
    if month == 2 and calendar.isleap(year):
        return dt.date(year, 2, 29)
    return dt.date(year, month, _MONTH_DAYS[month])


def _is_month_end(day: dt.date) -> bool:
    """``day == month_end(day.year, day.month)``, without building the date."""
    month = day.month
    if month == 2:
        return day.day == (29 if calendar.isleap(day.year) else 28)
    return day.day == _MONTH_DAYS[month]


def month_range(year: int, month: int) -> DatePair:
    return dt.date(year, month, 1), month_end(year, month)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, the day clamped to the target month's length."""
    y, m = divmod(day.year * 12 + day.month - 1 + months, 12)
    return dt.date(y, m + 1, min(day.day, calendar.monthrange(y, m + 1)[1]))


def iso_week(year: int, week: int) -> DatePair:
    """Monday–Sunday of ISO week ``week`` of ISO year ``year`` (ValueError if it does not exist)."""
    monday = dt.date.fromisocalendar(year, week, 1)
    return monday, monday + dt.timedelta(days=6)


def week_of(day: dt.date) -> DatePair:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def quarter_range(year: int, quarter: int) -> DatePair:
    return dt.date(year, 3 * quarter - 2, 1), month_end(year, 3 * quarter)


def year_range(year: int) -> DatePair:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def month_aligned(start: dt.date, end: dt.date) -> bool:
    return start.day == 1 and _is_month_end(end)


_SIX_DAYS: Final = dt.timedelta(days=6)


def granularity_of(start: dt.date, end: dt.date) -> str:
    """The granularity the dates themselves show (a calendar unit, else "range")."""
    if start == end:
        return "day"
    if start.weekday() == 0 and end - start == _SIX_DAYS:
        return "week"
    if month_aligned(start, end):
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        if months == 1:
            return "month"
        if months == 3 and start.month % 3 == 1:
            return "quarter"
        if months == 12 and start.month == 1:
            return "year"
    return "range"


def valid_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def pick_year(ctx: Ctx, span: Callable[[int], DatePair], ref: YearRef | None) -> int | None:
    """The year for an expression that names no year of its own.

    An explicit year wins; then a relative year word ("viime vuonna" from the
    publication date, "edellisvuonna" from the context year); then the
    caller's context ``year``; then the publication year — or the year before
    it when the period would start after the publication date and the verb is
    in the past tense (a January release saying "joulukuussa … oli").
    """
    if ref is not None:
        explicit, offset, anchor = ref
        if explicit is not None:
            return explicit
        base = ctx.year if ctx.year is not None else ctx.anchor
        if anchor == "context" and base is not None:
            return base + offset
        return None if ctx.published is None else ctx.published.year + offset
    if ctx.year is not None:
        return ctx.year
    if ctx.published is None:
        return None
    y = ctx.published.year
    # (the tense first: cheaper than the span, which builds dates; yearly() reads it the other way
    # round, its span built anyway)
    if ctx.past and span(y)[0] > ctx.published:
        return y - 1
    return y


def yearly(span: Callable[[int], DatePair | None], ref: YearRef | None) -> Resolve:
    """A resolver for a period that is fixed once its year is known."""

    def probe(year: int) -> DatePair:
        got = span(year)
        # A date that does not exist in the probed year (29.2.) never starts after publication.
        return got if got is not None else (dt.date.min, dt.date.min)

    def resolve(ctx: Ctx) -> DatePair | None:
        p = ctx.published
        if ref is None and ctx.year is None and p is not None and p.year <= 9998:
            # pick_year's last case, the commonest, with the span of the publication year built
            # once and the tense read only when that span starts after publication (finding the
            # tense walks the sentence's tokens)
            got = span(p.year)
            if got is not None and got[0] > p and ctx.past:
                return span(p.year - 1) if p.year > 1 else None
            return got
        year = pick_year(ctx, probe, ref)
        if year is None or not 1 <= year <= 9998:
            return None
        return span(year)

    return resolve


def from_published(fn: Callable[[dt.date], DatePair | None]) -> Resolve:
    """A resolver for a period counted from the publication date ("viime viikolla", "nyt")."""

    def resolve(ctx: Ctx) -> DatePair | None:
        return None if ctx.published is None else fn(ctx.published)

    return resolve


def fixed(pair: DatePair | None) -> Resolve:
    def resolve(ctx: Ctx) -> DatePair | None:
        return pair

    return resolve
