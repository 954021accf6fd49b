"""The time words a release's own time model reads, from ``lang/fi/time.toml``, loaded once and validated.

Holidays ("pääsiäisenä"), the weekend, weekdays standing alone, rolling
windows ("14 viime päivän aikana") and the words that make a figure take the
release's frame, year in force or the time of the figure before it ("koko
vuonna", "katsauskaudella", "mikä on", "samassa ajassa").  Kept apart from
:mod:`tiedote.periods.lexicon` (the calendar words) so each stays small; a
malformed table raises :class:`tiedote.errors.LexiconError` naming the entry.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Final

from tiedote.errors import LexiconError
from tiedote.lang.morphology import inflect
from tiedote.periods.lexicon import _WORD, DEFAULT_PATH

# the weekday cases read, and what each does: "maanantaina" names the day, "maanantain ja
# keskiviikon välillä" and "maanantaista keskiviikkoon" a run of days
_WEEKDAY_CASES: Final = {"essive": "in", "genitive": "gen", "elative": "from", "illative": "to"}


@dataclass(frozen=True, slots=True)
class Holiday:
    """A holiday as days counted from an anchor day of its year."""

    anchor: str  # "easter", "fixed" or "friday"
    month_day: tuple[int, int]  # the fixed day, or the first day the Friday may fall on
    last_day: tuple[int, int]  # the last day the Friday may fall on (anchor "friday")
    first: int  # days from the anchor day
    last: int

    def span(self, year: int, easter: dt.date) -> tuple[dt.date, dt.date]:
        if self.anchor == "easter":
            day = easter
        else:
            day = dt.date(year, *self.month_day)
            if self.anchor == "friday":
                day += dt.timedelta(days=(4 - day.weekday()) % 7)
        return day + dt.timedelta(days=self.first), day + dt.timedelta(days=self.last)


@dataclass(frozen=True, slots=True)
class ReleaseWords:
    weekdays: dict[str, tuple[int, str]]  # "maanantaina" -> (0, "in"), "keskiviikkoon" -> (2, "to")
    holidays: dict[str, Holiday]  # every form -> its holiday
    weekend: tuple[str, ...]
    rolling_last: tuple[str, ...]
    rolling_needs_count: frozenset[str]
    rolling_during: tuple[str, ...]
    rolling_previous: tuple[str, ...]
    rolling_span: tuple[str, ...]
    whole_year: tuple[str, ...]
    during_year: tuple[str, ...]
    review_period: tuple[str, ...]
    review_end: tuple[str, ...]
    over_year: tuple[str, ...]
    restating: frozenset[str]
    same_span: tuple[str, ...]
    then: frozenset[str]
    peak_endings: tuple[str, ...]
    peak_nouns: frozenset[str]
    from_to_joiners: frozenset[str]
    from_endings: tuple[str, ...]
    to_endings: tuple[str, ...]


def _fail(path: Path, entry: str, why: str) -> LexiconError:
    return LexiconError(f"{path}: entry {entry!r}: {why}")


def _words(path: Path, table: Any, key: str, entry: str) -> tuple[str, ...]:
    value = table.get(key) if isinstance(table, dict) else None
    if not isinstance(value, list) or not value:
        raise _fail(path, f"{entry}.{key}", "missing or not a list of words")
    for w in value:
        if not isinstance(w, str) or not _WORD.fullmatch(w):
            raise _fail(path, f"{entry}.{key}", f"{w!r} is not a lower-case Finnish word")
    return tuple(value)


def _month_day(path: Path, text: Any, entry: str) -> tuple[int, int]:
    try:
        m, d = (int(x) for x in str(text).split("-"))
        dt.date(2000, m, d)
    except ValueError as exc:
        raise _fail(path, entry, f"{text!r} is not an MM-DD date") from exc
    return m, d


def _pair(path: Path, value: Any, entry: str) -> tuple[int, int]:
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(x, int) for x in value)
            and value[0] <= value[1]):
        raise _fail(path, entry, "must be [first, last] day offsets")
    return value[0], value[1]


def _holiday(path: Path, name: str, spec: Any) -> Holiday:
    entry = f"holiday.{name}"
    if not isinstance(spec, dict):
        raise _fail(path, entry, "not a table")
    if "easter" in spec:
        first, last = _pair(path, spec["easter"], f"{entry}.easter")
        return Holiday("easter", (1, 1), (1, 1), first, last)
    first, last = _pair(path, spec.get("days"), f"{entry}.days")
    if "friday" in spec:
        days = spec["friday"]
        if not (isinstance(days, list) and len(days) == 2):
            raise _fail(path, f"{entry}.friday", "must be [\"MM-DD\", \"MM-DD\"]")
        return Holiday("friday", _month_day(path, days[0], entry), _month_day(path, days[1], entry), first, last)
    return Holiday("fixed", _month_day(path, spec.get("fixed"), f"{entry}.fixed"), (1, 1), first, last)


def load(path: Path | None = None) -> ReleaseWords:
    p = path or DEFAULT_PATH
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise LexiconError(f"{p}: cannot be read as TOML: {exc}") from exc
    weekdays: dict[str, tuple[int, str]] = {}
    table = data.get("weekday")
    if not isinstance(table, dict) or len(table) != 7:
        raise _fail(p, "weekday", "must list the seven weekdays from Monday on")
    for i, (name, entry) in enumerate(table.items()):
        try:
            forms = inflect(entry)
        except (ValueError, TypeError, AttributeError) as exc:
            raise _fail(p, f"weekday.{name}", str(exc)) from exc
        for (case, number), form in forms.items():
            if number == "sg" and case in _WEEKDAY_CASES:
                weekdays[form] = (i, _WEEKDAY_CASES[case])
        # "perjantai-illasta", "lauantaiaamuna": the day's name and a part of it, with or without a hyphen
        parts = data.get("weekday_part", {})
        for role in ("in", "from", "to"):
            for part in _words(p, parts, role, "weekday_part"):
                weekdays[f"{forms[('nominative', 'sg')]}-{part}"] = (i, role)
                weekdays[f"{forms[('nominative', 'sg')]}{part}"] = (i, role)
    holidays: dict[str, Holiday] = {}
    hol = data.get("holiday")
    if not isinstance(hol, dict) or not hol:
        raise _fail(p, "holiday", "missing or not a table")
    for name, spec in hol.items():
        h = _holiday(p, name, spec)
        holidays.update(dict.fromkeys(_words(p, spec, "forms", f"holiday.{name}"), h))
    roll, rel = data.get("rolling", {}), data.get("release", {})
    return ReleaseWords(
        weekdays=weekdays,
        holidays=holidays,
        weekend=_words(p, data.get("weekend", {}), "forms", "weekend"),
        rolling_last=_words(p, roll, "last", "rolling"),
        rolling_needs_count=frozenset(_words(p, roll, "needs_count", "rolling")),
        rolling_during=_words(p, roll, "during", "rolling"),
        rolling_previous=_words(p, roll, "previous", "rolling"),
        rolling_span=_words(p, roll, "span", "rolling"),
        whole_year=_words(p, rel, "whole_year", "release"),
        during_year=_words(p, rel, "during_year", "release"),
        review_period=_words(p, rel, "review_period", "release"),
        review_end=_words(p, rel, "review_end", "release"),
        over_year=_words(p, rel, "over_year", "release"),
        restating=frozenset(_words(p, rel, "restating", "release")),
        same_span=_words(p, rel, "same_span", "release"),
        then=frozenset(_words(p, rel, "then", "release")),
        peak_endings=_words(p, rel, "peak_endings", "release"),
        peak_nouns=frozenset(_words(p, rel, "peak_nouns", "release")),
        from_to_joiners=frozenset(_words(p, rel, "from_to_joiners", "release")),
        from_endings=_words(p, rel, "from_endings", "release"),
        to_endings=_words(p, rel, "to_endings", "release"),
    )


@cache
def release_words() -> ReleaseWords:
    """The packaged words, read once per process."""
    return load()
