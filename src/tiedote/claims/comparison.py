"""The comparison figure of a financial release: "Liikevaihto oli 45,2 (42,1) milj. euroa".

contract.md: the bracketed figure is the same measure in the corresponding
period a year earlier, with no change of its own.  tiedote.numbers.mentions
reads it (``Num.compared``); the assembler gives it the head's measure and the
period below.
"""

from __future__ import annotations

import datetime as dt

from tiedote.periods.state import When


def _back(d: dt.date, month_end: bool) -> dt.date:
    if month_end:  # the last day of a month stays the last day: 28.2.2025 -> 29.2.2024
        first_next = dt.date(d.year - 1 + d.month // 12, d.month % 12 + 1, 1)
        return first_next - dt.timedelta(days=1)
    return d.replace(year=d.year - 1, day=min(d.day, 28)) if (d.month, d.day) == (2, 29) else d.replace(
        year=d.year - 1)


def year_earlier(w: When) -> When:
    """The same period one year earlier ("heinä–syyskuu 2023" -> 2022), from the release's own period."""
    if w.start is None or w.end is None:
        return w
    end_of_month = (w.end + dt.timedelta(days=1)).day == 1
    return When(_back(w.start, False), _back(w.end, end_of_month), w.granularity, "context", None)
