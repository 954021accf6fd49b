"""Claims as a pandas DataFrame: ``to_frame(claims_or_results)``, one row per claim.

Every field of a ``Claim`` has a flat column (``FRAME_COLUMNS`` lists them with
their dtypes), so a frame can be filtered, grouped and written to Parquet
without touching the records again; the whole record stays at hand as JSON in
``json``.  The names and meanings of the columns shared with the CSV output
and the SQLite ``claims`` table (``tiedote.io.results.CLAIM_COLUMNS``, plus
``seq`` and ``json``) are the same, so a frame from ``to_frame`` and one read
from a batch's SQLite line up column for column.

Dtypes are fixed, whatever the input, and an empty input gives an empty frame
with the very same columns and dtypes (what ``tiedote.dask`` uses as its
``meta``):

* text columns are pandas' nullable ``string`` (missing = ``<NA>``);
* ``value``, ``low``, ``high`` are ``float64`` (missing = NaN; a range has
  ``low``/``high`` and no ``value``);
* spans are integer columns: ``int64`` where every claim has the part (the
  number, the sentence), nullable ``Int64`` where it is optional (unit,
  qualifier, measure, …);
* ``period_start``/``period_end`` are ``datetime64[ms]`` (missing = NaT):
  day dates, with a range that no year written in a release can leave;
* ``rules`` is the rule names joined by ``+``, as in the CSV and SQLite
  outputs: a plain string column that Parquet, CSV and SQL all keep, and that
  ``frame.rules.str.split("+")`` turns back into lists.

pandas is an optional dependency (``pip install 'tiedote[pandas]'``), imported
only when ``to_frame`` is called, so importing this module costs nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from tiedote.errors import InputTypeError, MissingExtraError
from tiedote.io.results import ReleaseResult, claim_row
from tiedote.models import Claim, Span

if TYPE_CHECKING:
    import pandas

STRING = "string"
FLOAT = "float64"
INT = "int64"
OPTIONAL_INT = "Int64"
DATE = "datetime64[ms]"

FRAME_COLUMNS: dict[str, str] = {
    "release_id": STRING,  # the ReleaseResult's id; <NA> for bare claims
    "published": DATE,  # the release's publication date (bare claims: to_frame's published=); NaT if none
    "seq": INT,  # the claim's place among its release's claims (bare claims: in the input)
    "claim_id": STRING,
    "value": FLOAT,
    "low": FLOAT,
    "high": FLOAT,
    "unit": STRING,
    "unit_start": OPTIONAL_INT,
    "unit_end": OPTIONAL_INT,
    "qualifier": STRING,
    "qualifier_start": OPTIONAL_INT,
    "qualifier_end": OPTIONAL_INT,
    "number_text": STRING,
    "number_start": INT,
    "number_end": INT,
    "statistic": STRING,
    "statistic_start": OPTIONAL_INT,
    "statistic_end": OPTIONAL_INT,
    "rate": STRING,
    "rate_start": OPTIONAL_INT,
    "rate_end": OPTIONAL_INT,
    "period_start": DATE,
    "period_end": DATE,
    "period_granularity": STRING,
    "period_basis": STRING,
    "period_text": STRING,
    "period_span_start": OPTIONAL_INT,
    "period_span_end": OPTIONAL_INT,
    "measure": STRING,  # the lemma
    "measure_start": OPTIONAL_INT,
    "measure_end": OPTIONAL_INT,
    "subject": STRING,
    "subject_start": OPTIONAL_INT,
    "subject_end": OPTIONAL_INT,
    "change": STRING,  # the direction
    "change_start": OPTIONAL_INT,
    "change_end": OPTIONAL_INT,
    "source": STRING,  # who reports the figure, as written
    "source_start": OPTIONAL_INT,
    "source_end": OPTIONAL_INT,
    "per_value": FLOAT,  # the denominator ("100 000 asukasta kohden")
    "per_lemma": STRING,
    "per_start": OPTIONAL_INT,
    "per_end": OPTIONAL_INT,
    "sentence_start": INT,
    "sentence_end": INT,
    "rules": STRING,  # joined by "+"
    "schema_version": INT,
    "json": STRING,  # the claim record, Claim.model_validate_json(...) gives it back
}
"""The columns of ``to_frame``, in order, with their pandas dtypes."""


def _require_pandas() -> Any:
    try:
        import pandas
    except ImportError as exc:
        raise MissingExtraError(
            "tiedote.to_frame needs pandas, an optional dependency: pip install 'tiedote[pandas]'"
        ) from exc
    return pandas


def _span(span: Span | None) -> tuple[int | None, int | None]:
    return (span.start, span.end) if span is not None else (None, None)


def claim_record(
    claim: Claim, release_id: str | None = None, seq: int = 0, published: dt.date | None = None
) -> dict[str, Any]:
    """One row of ``to_frame`` as plain Python values (None where the claim has nothing).

    The columns shared with the CSV and SQLite outputs come from ``results.claim_row``
    (so the three agree by construction); the frame adds dates as dates, every
    part's span and the claim's JSON.
    """
    q = claim.quantity
    p = claim.period
    measure, subject, change = claim.measure, claim.subject, claim.change
    row: dict[str, Any] = {"release_id": release_id, "published": published, "seq": seq}
    row.update(claim_row(release_id or "", claim))
    row["release_id"] = release_id
    row.update({
        "period_start": p.start if p else None,
        "period_end": p.end if p else None,
        "period_text": p.span.text if p and p.span else None,
        "schema_version": claim.schema_version,
        "json": claim.model_dump_json(),
    })
    for name, span in (
        ("unit", q.unit_span),
        ("qualifier", q.qualifier_span),
        ("statistic", claim.statistic_span),
        ("rate", claim.rate_span),
        ("period_span", p.span if p else None),
        ("measure", measure.span if measure else None),
        ("subject", subject.span if subject else None),
        ("change", change.span if change else None),
        ("source", claim.source.span if claim.source else None),
        ("per", claim.per.span if claim.per else None),
    ):
        row[f"{name}_start"], row[f"{name}_end"] = _span(span)
    return row


def _rows(items: Iterable[Claim | ReleaseResult], published: dt.date | None) -> Iterable[dict[str, Any]]:
    bare = 0
    for item in items:
        if isinstance(item, ReleaseResult):
            for seq, claim in enumerate(item.claims):
                yield claim_record(claim, item.id, seq, item.published)
        elif isinstance(item, Claim):
            yield claim_record(item, None, bare, published)
            bare += 1
        else:
            raise InputTypeError(
                "to_frame takes Claim records (from tiedote.extract) or ReleaseResult records "
                f"(from a batch), got {type(item).__name__}"
            )


def to_frame(
    claims_or_results: Iterable[Claim | ReleaseResult] | Claim | ReleaseResult,
    *,
    published: dt.date | None = None,
) -> pandas.DataFrame:
    """One row per claim, a column for every field (``FRAME_COLUMNS``), fixed dtypes.

    Takes the claims of ``tiedote.extract`` or the ``ReleaseResult`` records of a
    batch (``release_id`` and ``published`` are then the release's; a release
    that failed has no claims and so no rows), or any mix of the two, or one
    such record.  ``published`` is the date column of bare claims: pass the
    date they were extracted with.

    >>> import tiedote
    >>> frame = to_frame(tiedote.extract("Jonotusaika oli keskimäärin 6 minuuttia."))
    >>> frame[["value", "unit", "statistic", "number_start", "number_end"]].to_dict("records")
    [{'value': 6.0, 'unit': 'minute', 'statistic': 'mean', 'number_start': 28, 'number_end': 29}]
    """
    pd = _require_pandas()
    import numpy as np  # a dependency of pandas

    items: Iterable[Claim | ReleaseResult]
    if isinstance(claims_or_results, (Claim, ReleaseResult)):
        items = [claims_or_results]  # a pydantic model is iterable (over its fields): never iterate it
    elif isinstance(claims_or_results, (str, bytes, dict)) or not isinstance(claims_or_results, Iterable):
        raise InputTypeError(
            f"to_frame takes Claim or ReleaseResult records, got {type(claims_or_results).__name__}"
        )
    else:
        items = claims_or_results
    if published is not None and not isinstance(published, dt.date):
        raise InputTypeError(f"published must be a datetime.date or None, got {type(published).__name__}")
    rows = list(_rows(items, published))
    columns: dict[str, Any] = {}
    for name, dtype in FRAME_COLUMNS.items():
        values = [row[name] for row in rows]
        if dtype == DATE:
            # Through numpy, which turns a date (None: NaT) into milliseconds directly, on every
            # pandas 2.x; a detour through nanoseconds would refuse years past 2262.
            columns[name] = pd.Series(np.array(values, dtype=DATE), dtype=DATE)
        else:
            columns[name] = pd.Series(values, dtype=dtype)
    frame: pandas.DataFrame = pd.DataFrame(columns, columns=list(FRAME_COLUMNS))
    return frame


__all__ = ["FRAME_COLUMNS", "claim_record", "to_frame"]
