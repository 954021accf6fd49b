"""Reading a publication date a user gives as text: a JSONL ``published``, ``--published``, spaCy's config.

One reader for every place a date comes in, so "9.6.2020" is accepted (or
refused, with the same message) everywhere.  The common machine forms are read
directly — an ISO date, an ISO date-time ("2020-06-09T10:15+03:00": the day
as written, its time and zone dropped, since periods resolve against the
release's day) and D.M.YYYY — and everything else goes to dateparser,
restricted to Finnish and to absolute dates with a day, a month and a year:
"9. kesäkuuta 2020", "ti 9.6.2020".  Relative words ("tänään", "eilen",
"2 päivää sitten") are refused, because a release's date must not depend on
the day it is read.  An impossible date ("30.2.2023", "2023-02-30") is an
error, never moved to a day that exists.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Any

from tiedote.errors import DateError, InputTypeError

ACCEPTED = "2020-06-09, 9.6.2020, '9. kesäkuuta 2020' or 2020-06-09T10:15+03:00"

_NUMERIC = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@cache
def _parser() -> Any:
    # dateparser costs ~0.2 s to import: only the rare date that is not in a machine form pays it.
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["fi"],
        settings={
            "PARSERS": ["absolute-time"],  # no "relative-time": "eilen" is refused, not resolved
            "REQUIRE_PARTS": ["day", "month", "year"],  # "kesäkuu 2020" is no day: refused, not the 1st
            "STRICT_PARSING": True,
            "DATE_ORDER": "DMY",
            "PREFER_LOCALE_DATE_ORDER": False,
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )


def _refuse(text: str, why: str = "") -> DateError:
    reason = f" ({why})" if why else ""
    return DateError(f"{text!r} is not a date{reason}; give it as {ACCEPTED}")


def read_date(value: object) -> dt.date:
    """``value`` as a date: a ``date``, a ``datetime`` (its date part) or text in a form ``ACCEPTED`` names.

    Raises ``DateError`` (a ``ValueError``) for text that is no date, and
    ``InputTypeError`` for anything that is neither text nor a date.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise InputTypeError(
            f"a date must be a datetime.date or text such as {ACCEPTED}, got {type(value).__name__}"
        )
    text = value.strip()
    if not text:
        raise _refuse(value, "empty")
    if m := _NUMERIC.fullmatch(text):
        try:
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
        except ValueError as exc:
            raise _refuse(value, str(exc)) from None
    if _ISO_DAY.match(text):
        # fromisoformat reads every ISO 8601 form Python knows; an impossible day raises
        # here rather than reaching dateparser, which would not say why.
        try:
            return dt.datetime.fromisoformat(text).date() if len(text) > 10 else dt.date.fromisoformat(text)
        except ValueError as exc:
            raise _refuse(value, str(exc)) from None
    if len(text) > 100:
        raise _refuse(text[:40] + "…", "too long for a date")
    found = _parser().get_date_data(text).date_obj
    if found is None:
        raise _refuse(value)
    date: dt.date = found.date()
    return date


def optional_date(value: object) -> dt.date | None:
    """``read_date`` that lets None (and an empty string) through as None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return read_date(value)
