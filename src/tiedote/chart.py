"""A series as a line chart: value over period midpoint, a bar across each period, ranges as error bars.

Drawn with matplotlib (``pip install tiedote[plot]``), on a ``Figure`` of its
own rather than pyplot's global state, so charts drawn one after another (a
report's series pages) cannot leak into each other.  The SVG carries no date
and a fixed id salt: the same rows give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from tiedote.errors import ChartError, MissingExtraError
from tiedote.series import SeriesKey

FORMATS = ("svg", "png")
# Periods of unlike lengths ("tammi–syyskuussa", "kesällä") are dots; a line would join unlike things.
_UNJOINED = frozenset({"range", "open", "period"})
_COLOURS = [("#1a5fb4", "#8fb3e6"), ("#c64600", "#f5b38a"), ("#26a269", "#9ad8b5"), ("#813d9c", "#cfa6de")]


Point = tuple[dt.date, float, float, float, float, float]


def _points(rows: Sequence[dict[str, Any]]) -> dict[str, list[Point]]:
    """Per period granularity (year, month…): (mid, y, days before mid, days after, below y, above y).

    Yearly totals and monthly figures of one measure differ by an order of
    magnitude; each granularity is its own line so no line joins a year to a month.
    """
    out: dict[str, list[Point]] = {}
    for r in rows:
        if not (r.get("period_start") and r.get("period_end")):
            continue
        start = dt.date.fromisoformat(r["period_start"])
        end = dt.date.fromisoformat(r["period_end"])
        mid = start + (end - start) / 2
        if r.get("value") is not None:
            y, lo, hi = float(r["value"]), 0.0, 0.0
        elif r.get("low") is not None and r.get("high") is not None:
            low, high = float(r["low"]), float(r["high"])
            y = (low + high) / 2
            lo, hi = y - low, high - y
        else:
            continue
        point = (mid, y, float((mid - start).days), float((end - mid).days) + 1.0, lo, hi)
        out.setdefault(r.get("period_granularity") or "period", []).append(point)
    for points in out.values():
        points.sort()
    return out


def draw(key: SeriesKey, rows: Sequence[dict[str, Any]], fmt: str = "svg") -> bytes:
    """The chart of a series' rows (as ``series_rows`` gives them) as SVG or PNG bytes."""
    if fmt not in FORMATS:
        raise ChartError(f"a chart is .svg or .png, not .{fmt}")
    try:
        import matplotlib
        from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
        from matplotlib.figure import Figure
        from matplotlib.ticker import FuncFormatter
    except ImportError:
        raise MissingExtraError("charts need matplotlib: pip install 'tiedote[plot]'") from None
    groups = _points(rows)
    # Fixed margins, not a layout engine: constrained layout draws each chart twice (half the time
    # of a report's build), and the labels here are of known size.
    fig = Figure(figsize=(8, 4.2), dpi=100)
    fig.subplots_adjust(left=0.14, right=0.98, top=0.91, bottom=0.13)
    ax = fig.subplots()
    for (name, points), (line, bar) in zip(sorted(groups.items()), _COLOURS * 4, strict=False):
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        widths = [[dt.timedelta(days=p[2]) for p in points], [dt.timedelta(days=p[3]) for p in points]]
        heights = [[p[4] for p in points], [p[5] for p in points]]
        ax.errorbar(xs, ys, xerr=widths, yerr=heights, fmt="o" if name in _UNJOINED else "o-",  # type: ignore[arg-type]
                    color=line, ecolor=bar, elinewidth=3, capsize=0, markersize=5, label=f"{name} ({len(points)})")
    dated = sum(len(p) for p in groups.values())
    if dated:
        locator = AutoDateLocator()  # type: ignore[no-untyped-call]
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.10g}".replace(",", "\u2009")))
        ax.legend(title="period", fontsize=8, title_fontsize=8)
    else:
        ax.text(0.5, 0.5, "no claim of this series has period dates", ha="center", va="center",
                transform=ax.transAxes)
    undated = len(rows) - dated
    # A fixed height: placing the title above the tick labels by measuring them is a sixth of a chart.
    ax.set_title(key.label() + (f" — {undated} undated claims not drawn" if undated else ""), fontsize=11, y=1.01)
    ax.set_ylabel(key.unit)
    ax.set_xlabel("period (bar: its length; dot: its middle)")
    ax.grid(True, color="#e0e0e0", linewidth=0.6)
    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.hashsalt": "tiedote", "svg.fonttype": "none"}):
        metadata: dict[str, Any] = {"Date": None} if fmt == "svg" else {"Software": None}
        fig.savefig(buffer, format=fmt, metadata=metadata)
    return buffer.getvalue()
