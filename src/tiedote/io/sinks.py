"""Where results go: a JSONL stream, a SQLite database, a CSV of claims — chosen by OUT's suffix.

JSONL and CSV are written to ``OUT.part`` beside OUT and renamed over it when
the run ends, so a killed run never leaves a truncated file that looks whole;
rerunning writes them again from the start.  SQLite is the resumable one: its
rows are committed a batch of releases at a time, and a rerun skips releases
already stored with the same id, content hash and tiedote version.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path
from types import TracebackType
from typing import IO, ClassVar, Self

from tiedote.errors import SinkError, UnsupportedOutputError
from tiedote.io.results import (
    CLAIM_COLUMNS,
    FULL,
    RELEASE_COLUMNS,
    EncodedResult,
    Encoding,
    ReleaseResult,
    encode,
)
from tiedote.io.stopping import transaction
from tiedote.series import SERIES_VIEW

SQLITE_SUFFIXES = (".sqlite", ".sqlite3", ".db")
OUT_KINDS = ".jsonl, .csv, .sqlite, .sqlite3 or .db"
STORE_VERSION = 2
"""Layout version of the SQLite tables; a database of another layout is refused, not altered.
(2: the claims table gained ``source``, ``per_value`` and ``per_lemma``.)"""


class Sink:
    """Base of every sink: collect results, commit them, end cleanly or abort."""

    encoding: ClassVar[Encoding] = FULL
    """The forms of a result this sink writes; a batch's workers encode only these."""

    def __init__(self, path: str) -> None:
        self.path = path

    def is_done(self, release_id: str, content_hash: str | None, fallback: dt.date | None) -> bool:
        """True when OUT already holds this release, unchanged; only a resumable sink says so."""
        return False

    def write(self, result: ReleaseResult | EncodedResult) -> None:
        """Add one result; a model is encoded here, a parallel run's workers send them encoded
        (with this sink's ``encoding``)."""
        self.write_encoded(result if isinstance(result, EncodedResult) else encode(result, self.encoding))

    def write_encoded(self, result: EncodedResult) -> None:
        raise NotImplementedError

    def commit(self) -> None:
        """Make everything written so far durable (one transaction for SQLite)."""

    def close(self) -> None:
        """Finish OUT: the last commit, or the rename of a streamed file over OUT."""

    def abort(self) -> None:
        """Stop after a failure: keep what was committed, leave no half-written OUT behind."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if kind is None:
            self.close()
        else:
            self.abort()


class _StreamSink(Sink):
    """A text file written to ``OUT.part`` and renamed over OUT at the end."""

    def __init__(self, path: str, *, newline: str | None = None, encoding: str = "utf-8") -> None:
        super().__init__(path)
        self._part = f"{path}.part"
        try:
            # Held open across the run and closed in close()/abort(), so no `with` block fits.
            self._file: IO[str] = open(self._part, "w", encoding=encoding, newline=newline)  # noqa: SIM115
        except OSError as exc:
            raise SinkError(f"cannot write {path}: {exc.strerror or exc}") from None

    def commit(self) -> None:
        self._file.flush()

    def close(self) -> None:
        self._file.close()
        os.replace(self._part, self.path)

    def abort(self) -> None:
        self._file.close()
        Path(self._part).unlink(missing_ok=True)


class JsonlSink(_StreamSink):
    """One ``ReleaseResult`` per line, errors included (their ``error`` is set)."""

    encoding = Encoding(rows=False, claim_json=False)

    def write_encoded(self, result: EncodedResult) -> None:
        if result.json is None:
            raise ValueError(
                f"{result.location}: encoded without its JSON line; encode with JsonlSink.encoding"
            )
        self._file.write(result.json)
        self._file.write("\n")


_CLAIM_TYPES = {
    "value": "NUMERIC",
    "low": "NUMERIC",
    "high": "NUMERIC",
    "per_value": "NUMERIC",
    "number_start": "INTEGER",
    "number_end": "INTEGER",
    "sentence_start": "INTEGER",
    "sentence_end": "INTEGER",
}
_CLAIM_NOT_NULL = {"release_id", "claim_id", "unit", "qualifier", "number_text", "rules"}


def _claim_column(name: str) -> str:
    kind = _CLAIM_TYPES.get(name, "TEXT")
    return f"{name} {kind}{' NOT NULL' if name in _CLAIM_NOT_NULL else ''}"


SCHEMA = f"""
CREATE TABLE IF NOT EXISTS tiedote_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS releases (
    id               TEXT PRIMARY KEY,
    source           TEXT NOT NULL,
    location         TEXT NOT NULL,
    published        TEXT,
    published_source TEXT NOT NULL,
    date_source      TEXT NOT NULL DEFAULT 'none',
    warnings         TEXT,
    title            TEXT,
    url              TEXT,
    text             TEXT NOT NULL,
    content_hash     TEXT NOT NULL,
    n_claims         INTEGER NOT NULL,
    extracted_at     TEXT NOT NULL,
    tiedote_version  TEXT NOT NULL,
    schema_version   INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS claims (
    {("," + chr(10) + "    ").join(_claim_column(c) for c in CLAIM_COLUMNS)},
    seq  INTEGER NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (release_id, seq),
    FOREIGN KEY (release_id) REFERENCES releases (id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS claims_unit ON claims (unit);
CREATE INDEX IF NOT EXISTS claims_measure ON claims (measure);
CREATE TABLE IF NOT EXISTS errors (
    location     TEXT PRIMARY KEY,
    release_id   TEXT NOT NULL,
    source       TEXT NOT NULL,
    reason       TEXT NOT NULL,
    content_hash TEXT,
    recorded_at  TEXT NOT NULL
);
-- One row per claim with a measure, in the columns of a series (tiedote.series, 'tiedote series').
{SERIES_VIEW}
"""


_INSERT_RELEASE = (
    f"INSERT INTO releases ({', '.join(RELEASE_COLUMNS)}, extracted_at) "
    f"VALUES ({', '.join('?' * (len(RELEASE_COLUMNS) + 1))})"
)
_INSERT_CLAIM = f"INSERT INTO claims ({', '.join(CLAIM_COLUMNS)}, seq, json) VALUES ({', '.join('?' * (len(CLAIM_COLUMNS) + 2))})"


class SqliteSink(Sink):
    """Tables ``releases``, ``claims`` (one row per claim, flat columns plus ``json``) and ``errors``.

    Each commit is one transaction, and a release's row and its claims always
    share it, so a kill at any moment leaves whole releases only.  Rows are
    keyed (releases by id, errors by location) and replaced, never appended,
    which is what makes a rerun converge on the rows of an uninterrupted run.
    """

    encoding = Encoding(json=False)

    def __init__(self, path: str) -> None:
        super().__init__(path)
        try:
            # isolation_level=None: transactions are begun and committed here, explicitly.
            self._db = sqlite3.connect(path, isolation_level=None)
            self._db.execute("PRAGMA foreign_keys = ON")
            # WAL: readers (a user's sqlite3 query mid-run) never block the batch, and a
            # kill -9 loses at most the open transaction.
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._check_layout()
            self._add_columns()
            # One transaction: a kill while the tables are being made must not leave a
            # half-made database that the next run would refuse as not tiedote's.
            self._db.executescript(
                f"BEGIN IMMEDIATE;\n{SCHEMA}\n"
                f"INSERT OR IGNORE INTO tiedote_meta (key, value) VALUES ('store_version', '{STORE_VERSION}');\n"
                "COMMIT;"
            )
        except sqlite3.DatabaseError as exc:
            raise SinkError(f"cannot use {path} as a tiedote SQLite database: {exc}") from None
        self._pending: list[EncodedResult] = []

    def _check_layout(self) -> None:
        tables = {row[0] for row in self._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            return
        if "tiedote_meta" not in tables:
            raise SinkError(f"{self.path} is a SQLite database not written by tiedote; give a new file")
        row = self._db.execute("SELECT value FROM tiedote_meta WHERE key = 'store_version'").fetchone()
        if row is None or row[0] != str(STORE_VERSION):
            found = row[0] if row else "unknown"
            raise SinkError(
                f"{self.path} has tiedote table layout {found}, this tiedote writes {STORE_VERSION}; "
                "give a new file"
            )

    def _add_columns(self) -> None:
        """Columns added to ``releases`` since a database was made, added to it (additions only, so
        the layout version stands); old rows get ``date_source`` from ``published_source``."""
        have = {row[1] for row in self._db.execute("PRAGMA table_info(releases)")}
        if not have or "date_source" in have:
            return
        self._db.executescript(
            "BEGIN IMMEDIATE;\n"
            "ALTER TABLE releases ADD COLUMN date_source TEXT NOT NULL DEFAULT 'none';\n"
            "ALTER TABLE releases ADD COLUMN warnings TEXT;\n"
            "UPDATE releases SET date_source = CASE published_source WHEN 'metadata' THEN 'meta' "
            "WHEN 'dateline' THEN 'text' WHEN 'unresolved' THEN 'none' ELSE 'given' END;\n"
            "COMMIT;"
        )

    def is_done(self, release_id: str, content_hash: str | None, fallback: dt.date | None) -> bool:
        from tiedote._version import __version__

        if content_hash is None:
            return False
        row = self._db.execute(
            "SELECT content_hash, tiedote_version, published_source, published FROM releases WHERE id = ?",
            (release_id,),
        ).fetchone()
        if row is None or row[0] != content_hash or row[1] != __version__:
            return False
        # The --published fallback matters only to a release that used it or had no date at all.
        if row[2] == "option":
            return fallback is not None and row[3] == fallback.isoformat()
        if row[2] == "unresolved":
            return fallback is None
        return True

    def write_encoded(self, result: EncodedResult) -> None:
        self._pending.append(result)

    def commit(self) -> None:
        if not self._pending:
            return
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        db = self._db
        # A SIGTERM or Ctrl-C met while the transaction is written waits for its end (io/stopping.py).
        with transaction():
            try:
                db.execute("BEGIN IMMEDIATE")
                for result in self._pending:
                    if result.error is None:
                        self._store_release(result, now)
                    else:
                        self._store_error(result, now)
                db.execute("COMMIT")
            except sqlite3.Error as exc:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise SinkError(f"cannot write to {self.path}: {exc}") from None
            self._pending.clear()

    def _store_release(self, r: EncodedResult, now: str) -> None:
        db = self._db
        assert r.release_row is not None
        db.execute("DELETE FROM claims WHERE release_id = ?", (r.id,))
        db.execute("DELETE FROM releases WHERE id = ?", (r.id,))
        db.execute(_INSERT_RELEASE, (*r.release_row, now))
        db.executemany(_INSERT_CLAIM, r.claim_rows)
        # An item that failed in an earlier run and reads fine now is no longer an error.
        db.execute("DELETE FROM errors WHERE location = ?", (r.location,))

    def _store_error(self, r: EncodedResult, now: str) -> None:
        db = self._db
        db.execute(
            "INSERT OR REPLACE INTO errors (location, release_id, source, reason, content_hash, recorded_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (r.location, r.id, r.source, r.error, r.content_hash, now),
        )
        # A release stored from this very item by an earlier run is stale now that the item fails.
        # Matching on location too keeps a duplicate id's error from deleting the first release.
        db.execute("DELETE FROM releases WHERE id = ? AND location = ?", (r.id, r.location))

    def close(self) -> None:
        try:
            self.commit()
        finally:
            self._db.close()

    def abort(self) -> None:
        # What is pending is whole releases, each correct on its own: keeping them saves a rerun work.
        try:
            self.commit()
        except SinkError:
            pass
        finally:
            self._db.close()


def open_sink(path: str, *, excel: bool = False) -> Sink:
    """The sink for OUT, by its suffix; its folder is created when missing (``excel``: a CSV for
    Excel set to Finnish, see ``tiedote.io.csvfile.CsvSink``)."""
    from tiedote.io.csvfile import CsvSink  # it builds on _StreamSink here

    lower = path.lower()
    kind: type[Sink]
    if lower.endswith(".jsonl"):
        kind = JsonlSink
    elif lower.endswith(".csv"):
        kind = CsvSink
    elif lower.endswith(SQLITE_SUFFIXES):
        kind = SqliteSink
    else:
        raise UnsupportedOutputError(
            f"cannot tell the output format of {path!r}; give OUT a suffix: {OUT_KINDS}"
        )
    parent = os.path.dirname(path)
    if parent:
        try:
            os.makedirs(parent, exist_ok=True)
        except OSError as exc:
            raise SinkError(f"cannot create the folder of {path}: {exc.strerror or exc}") from None
    return CsvSink(path, excel=excel) if kind is CsvSink else kind(path)
