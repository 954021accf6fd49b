"""Series: one measure's claims across an archive, as rows ordered by period.

A series is the claims of one measure (its lemma) with one unit, statistic
and rate, optionally narrowed to one subject.  A claim that states no
statistic ("jonotusaika oli 6 minuuttia") joins the series of its measure,
unit and rate when that series states exactly one ("keskimäärin 2
minuuttia"): the reader of a release takes it the same way.  Where two
statistics are stated (mean and max waits), an unstated one is kept apart,
since it cannot be told which it is.

``SERIES_SELECT`` gives these rows in SQL; the SQLite output carries it as
the view ``series`` (for Datasette or any SQL client), and ``tiedote series``
reads the same SELECT, so an archive written before the view existed reads
the same.
"""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from tiedote.errors import SeriesError

SERIES_SELECT = """
WITH stated AS (
    SELECT measure, unit, rate, MIN(statistic) AS statistic
    FROM claims WHERE measure IS NOT NULL AND statistic IS NOT NULL
    GROUP BY measure, unit, rate HAVING COUNT(DISTINCT statistic) = 1
)
SELECT c.measure AS measure,
       c.unit AS unit,
       COALESCE(c.statistic, s.statistic) AS statistic,
       c.rate AS rate,
       c.subject AS subject,
       c.period_start AS period_start,
       c.period_end AS period_end,
       c.period_granularity AS period_granularity,
       CASE WHEN c.period_start IS NOT NULL AND c.period_end IS NOT NULL
            THEN date((julianday(c.period_start) + julianday(c.period_end)) / 2) END AS period_mid,
       c.value AS value,
       c.low AS low,
       c.high AS high,
       c.qualifier AS qualifier,
       c.statistic AS stated_statistic,
       c.number_text AS number_text,
       c.release_id AS release_id,
       r.published AS release_published,
       c.claim_id AS claim_id,
       c.seq AS seq
FROM claims c
JOIN releases r ON r.id = c.release_id
-- The one statistic stated for the measure, unit and rate, grouped once: a join, not a query per claim.
LEFT JOIN stated s ON s.measure = c.measure AND s.unit = c.unit AND s.rate IS c.rate
WHERE c.measure IS NOT NULL
ORDER BY c.period_start IS NULL, c.period_start, c.period_end, r.published, c.release_id, c.seq
"""

SERIES_VIEW = f"CREATE VIEW IF NOT EXISTS series AS {SERIES_SELECT.strip()};"
"""The view in the SQLite output: one row per claim with a measure, its series' columns first."""

CSV_COLUMNS: tuple[str, ...] = (
    "period_start", "period_end", "value", "low", "high", "qualifier", "release_id", "release_published",
    "claim_id", "period_granularity", "measure", "unit", "statistic", "rate", "subject", "number_text",
)
"""``tiedote series -o X.csv``: the period, the figure, where it was said, then what series it is."""

MIN_CLAIMS = 3
"""A series worth listing has at least this many claims."""

ANY = object()
"""A filter left open (the default of ``statistic`` and ``rate``); None asks for no statistic / rate."""


@dataclass(frozen=True, slots=True, order=True)
class SeriesKey:
    measure: str
    unit: str
    statistic: str | None
    rate: str | None

    def label(self) -> str:
        extra = [x for x in (self.statistic, f"per {self.rate}" if self.rate else None) if x]
        return f"{self.measure} ({', '.join([self.unit, *extra])})"

    def where(self) -> str:
        """The SQL condition that picks this series from the view ``series``."""
        def cond(name: str, value: str | None) -> str:
            return f"{name} IS NULL" if value is None else f"{name} = '{value.replace(chr(39), chr(39) * 2)}'"

        return " AND ".join(cond(n, v) for n, v in (("measure", self.measure), ("unit", self.unit),
                                                      ("statistic", self.statistic), ("rate", self.rate)))

    def options(self) -> str:
        """The ``tiedote series`` options that pick this series."""
        return (f"--measure {self.measure} --unit {self.unit} --statistic {self.statistic or 'none'} "
                f"--rate {self.rate or 'none'}")


def connect(path: str) -> sqlite3.Connection:
    """A read-only connection to a batch's SQLite output; refuses files that are not one."""
    try:
        # A file: URI (percent-encoded, so '?' or '#' in a name stay part of it) to open read-only.
        db = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.Error as exc:
        raise SeriesError(f"cannot read {path} as SQLite: {exc}") from None
    if not {"tiedote_meta", "releases", "claims"} <= tables:
        db.close()
        raise SeriesError(f"{path} is not a tiedote batch output (make one with 'tiedote batch ... -o X.sqlite')")
    db.row_factory = sqlite3.Row
    return db


def list_series(db: sqlite3.Connection, min_claims: int = MIN_CLAIMS) -> list[tuple[SeriesKey, int]]:
    """Every series with at least ``min_claims`` claims, the longest first."""
    rows = db.execute(
        f"WITH series AS ({SERIES_SELECT}) SELECT measure, unit, statistic, rate, COUNT(*) AS n FROM series "
        "GROUP BY measure, unit, statistic, rate HAVING COUNT(*) >= ? "
        "ORDER BY n DESC, measure, unit, statistic, rate", (min_claims,)).fetchall()
    return [(SeriesKey(r["measure"], r["unit"], r["statistic"], r["rate"]), r["n"]) for r in rows]


def _where(measure: str, unit: str | None, statistic: object, rate: object,
           subject: str | None) -> tuple[str, list[Any]]:
    sql = ["measure = ?"]
    args: list[Any] = [measure]
    if unit is not None:
        sql.append("unit = ?")
        args.append(unit)
    for name, wanted in (("statistic", statistic), ("rate", rate)):
        if wanted is None:
            sql.append(f"{name} IS NULL")
        elif wanted is not ANY:
            sql.append(f"{name} = ?")
            args.append(wanted)
    if subject is not None:
        # A subject is the text of the release ("Kelan puhelinpalvelussa"): matched as a part, any case.
        sql.append("instr(lower(subject), lower(?)) > 0")
        args.append(subject)
    return " AND ".join(sql), args


def series_rows(db: sqlite3.Connection, measure: str, *, unit: str | None = None, statistic: object = ANY,
                rate: object = ANY, subject: str | None = None) -> tuple[SeriesKey, list[dict[str, Any]]]:
    """The rows of the one series the filters pick, ordered by period (undated claims last).

    Raises ``SeriesError`` naming the candidates when the filters match none or several.
    """
    where, args = _where(measure, unit, statistic, rate, subject)
    rows = [dict(r) for r in db.execute(f"WITH series AS ({SERIES_SELECT}) SELECT * FROM series WHERE {where}",
                                        args)]
    keys = sorted({SeriesKey(r["measure"], r["unit"], r["statistic"], r["rate"]) for r in rows},
                  key=lambda k: (k.unit, k.statistic or "", k.rate or ""))
    if not keys:
        raise SeriesError(f"no claims of measure {measure!r} match; 'tiedote series OUT.sqlite' lists the series")
    if len(keys) > 1:
        counts = {k: sum(1 for r in rows if SeriesKey(r["measure"], r["unit"], r["statistic"], r["rate"]) == k)
                  for k in keys}
        listed = "; ".join(f"{k.options()} ({n} claims)" for k, n in counts.items())
        raise SeriesError(f"{measure!r} has {len(keys)} series, pick one: {listed}")
    return keys[0], rows


def write_csv(stream: IO[str], rows: Sequence[dict[str, Any]]) -> None:
    writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
