"""The CSV output: one row per claim with its release's date and title, plain or for Excel."""

from __future__ import annotations

import csv
from typing import IO, Any

from tiedote.io.results import (
    CLAIM_COLUMNS,
    RELEASE_COLUMNS,
    EncodedResult,
    Encoding,
    ReleaseResult,
    claim_row,
)
from tiedote.io.sinks import _StreamSink

CSV_COLUMNS: tuple[str, ...] = ("release_id", "published", "date_source", "title", *CLAIM_COLUMNS[1:])
"""A CSV row: the claim's columns with its release's date and title beside its id, since a CSV has
no ``releases`` table to join."""
_RELEASE_INDEX = tuple(RELEASE_COLUMNS.index(name) for name in ("published", "date_source", "title"))


def _excel_cell(value: Any) -> Any:
    # Excel set to Finnish reads "2.5" as a date or text; it reads "2,5" as a number.
    return str(value).replace(".", ",") if isinstance(value, float) else value


def _csv_row(claim_values: tuple[Any, ...], release_values: tuple[Any, ...], excel: bool) -> list[Any]:
    row = [claim_values[0], *release_values, *claim_values[1 : len(CLAIM_COLUMNS)]]
    return [_excel_cell(v) for v in row] if excel else row


class CsvSink(_StreamSink):
    """One row per claim with the columns of ``CSV_COLUMNS``; a CSV has no place for errors, so the
    runner reports those on stderr.  ``excel``: UTF-8 with a byte-order mark, ``;`` between cells and
    decimal commas, which Excel set to Finnish opens as columns of numbers."""

    encoding = Encoding(json=False, claim_json=False)

    def __init__(self, path: str, *, excel: bool = False) -> None:
        # newline="": the csv module writes its own line ends
        super().__init__(path, newline="", encoding="utf-8-sig" if excel else "utf-8")
        self._excel = excel
        self._writer = csv.writer(self._file, delimiter=";") if excel else csv.writer(self._file)
        self._writer.writerow(CSV_COLUMNS)

    def write_encoded(self, result: EncodedResult) -> None:
        if result.n_claims and (not result.claim_rows or result.release_row is None):
            raise ValueError(f"{result.location}: encoded without its rows; encode with CsvSink.encoding")
        if not result.claim_rows:
            return
        assert result.release_row is not None
        release = tuple(result.release_row[i] for i in _RELEASE_INDEX)
        self._writer.writerows(_csv_row(row, release, self._excel) for row in result.claim_rows)


def write_claims_csv(stream: IO[str], results: list[ReleaseResult], *, excel: bool = False) -> None:
    """The CSV of ``tiedote extract --format csv``: the same columns as a batch's CSV."""
    if excel:
        stream.write("\ufeff")
    writer = csv.writer(stream, delimiter=";" if excel else ",", lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for result in results:
        release = (result.published.isoformat() if result.published else None, result.date_source, result.title)
        for claim in result.claims:
            writer.writerow(_csv_row(tuple(claim_row(result.id, claim).values()), release, excel))


__all__ = ["CSV_COLUMNS", "CsvSink", "write_claims_csv"]
