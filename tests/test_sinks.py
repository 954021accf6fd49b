"""Sinks: JSONL and CSV written whole or not at all; SQLite tables, keys, resume decisions."""

from __future__ import annotations

import csv
import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from tiedote.io.csvfile import CsvSink
from tiedote.io.results import CLAIM_COLUMNS, FULL, Release, ReleaseResult, claim_row, encode
from tiedote.io.sinks import (
    JsonlSink,
    Sink,
    SinkError,
    SqliteSink,
    UnsupportedOutputError,
    open_sink,
)
from tiedote.models import Change, Claim, Measure, Period, Quantity, Span, Subject

TEXT = "Toukokuussa vastattiin keskimäärin 40 000 puheluun viikossa, mikä on 5 % enemmän."


def full_claim() -> Claim:
    """A claim with every optional part filled, so every flat column has a value."""
    s = lambda a, b: Span.of(TEXT, a, b)
    return Claim(
        id="c-40000",
        quantity=Quantity(value=40000, unit="count", qualifier="exact", span=s(35, 41)),
        measure=Measure(lemma="puhelu", span=s(42, 50)),
        subject=Subject(text="Toukokuussa", span=s(0, 11)),
        statistic="mean",
        rate="week",
        period=Period(
            start=dt.date(2020, 5, 1),
            end=dt.date(2020, 5, 31),
            granularity="month",
            basis="explicit",
            span=s(0, 11),
        ),
        change=Change(direction="increase", span=s(72, 79)),
        sentence=s(0, len(TEXT)),
        rules=("number.digits", "unit.count", "rate.week"),
    )


def range_claim() -> Claim:
    return Claim(
        id="c-5",
        quantity=Quantity(low=4, high=6, unit="percent", qualifier="approximate", span=Span.of(TEXT, 66, 67)),
        sentence=Span.of(TEXT, 0, len(TEXT)),
        rules=("number.digits",),
    )


def result(id: str = "kela.txt", *, claims: tuple[Claim, ...] | None = None, **kw: object) -> ReleaseResult:
    fields: dict[str, object] = {
        "id": id,
        "source": "arkisto",
        "location": f"arkisto/{id}",
        "published": dt.date(2020, 6, 9),
        "published_source": "dateline",
        "title": "Otsikko",
        "text": TEXT,
        "content_hash": "abc",
        "claims": (full_claim(), range_claim()) if claims is None else claims,
    }
    fields.update(kw)
    return ReleaseResult.model_validate(fields)


def failed(id: str = "rikki.txt", reason: str = "empty file", **kw: object) -> ReleaseResult:
    return ReleaseResult.model_validate(
        {"id": id, "source": "arkisto", "location": f"arkisto/{id}", "error": reason, **kw}
    )


def test_claim_row_has_the_documented_flat_columns() -> None:
    row = claim_row("kela.txt", full_claim())
    assert tuple(row) == CLAIM_COLUMNS == (
        "release_id", "claim_id", "value", "low", "high", "unit", "qualifier", "number_text", "number_start",
        "number_end", "statistic", "rate", "period_start", "period_end", "period_granularity", "period_basis",
        "measure", "subject", "change", "source", "per_value", "per_lemma", "sentence_start", "sentence_end",
        "rules",
    )  # fmt: skip
    assert row == {
        "release_id": "kela.txt",
        "claim_id": "c-40000",
        "value": 40000,
        "low": None,
        "high": None,
        "unit": "count",
        "qualifier": "exact",
        "number_text": "40 000",
        "number_start": 35,
        "number_end": 41,
        "statistic": "mean",
        "rate": "week",
        "period_start": "2020-05-01",
        "period_end": "2020-05-31",
        "period_granularity": "month",
        "period_basis": "explicit",
        "measure": "puhelu",
        "subject": "Toukokuussa",
        "change": "increase",
        "source": None,
        "per_value": None,
        "per_lemma": None,
        "sentence_start": 0,
        "sentence_end": len(TEXT),
        "rules": "number.digits+unit.count+rate.week",
    }


def test_jsonl_appears_only_when_closed_and_vanishes_on_abort(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    sink = JsonlSink(str(out))
    sink.write(result())
    sink.write(failed())
    sink.commit()
    assert not out.exists() and (tmp_path / "out.jsonl.part").exists()
    sink.close()
    lines = out.read_text("utf-8").splitlines()
    assert [ReleaseResult.model_validate_json(line) for line in lines] == [result(), failed()]
    assert not (tmp_path / "out.jsonl.part").exists()

    with pytest.raises(RuntimeError), JsonlSink(str(tmp_path / "b.jsonl")) as aborted:
        aborted.write(result())
        raise RuntimeError("kesken")
    assert list(tmp_path.glob("b.jsonl*")) == []


def test_csv_is_one_row_per_claim_and_skips_errors(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    with CsvSink(str(out)) as sink:
        sink.write(result("a.txt"))
        sink.write(failed())
        sink.write(result("b.txt", claims=()))
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [(r["release_id"], r["claim_id"]) for r in rows] == [("a.txt", "c-40000"), ("a.txt", "c-5")]
    assert rows[1]["value"] == "" and (rows[1]["low"], rows[1]["high"]) == ("4", "6")
    assert rows[0]["number_text"] == "40 000"


def test_sqlite_tables_and_columns(tmp_path: Path) -> None:
    SqliteSink(str(tmp_path / "a.sqlite")).close()
    db = sqlite3.connect(tmp_path / "a.sqlite")
    columns = {
        table: [r[1] for r in db.execute(f"PRAGMA table_info({table})")]
        for table in ("releases", "claims", "errors")
    }
    assert columns["releases"] == [
        "id", "source", "location", "published", "published_source", "date_source", "warnings", "title",
        "url", "text", "content_hash", "n_claims", "extracted_at", "tiedote_version", "schema_version",
    ]  # fmt: skip
    assert columns["claims"] == [*CLAIM_COLUMNS, "seq", "json"]
    assert columns["errors"] == ["location", "release_id", "source", "reason", "content_hash", "recorded_at"]


def test_sqlite_rows_round_trip(tmp_path: Path) -> None:
    with SqliteSink(str(tmp_path / "a.sqlite")) as sink:
        sink.write(result())
        sink.write(failed())
    db = sqlite3.connect(tmp_path / "a.sqlite")
    assert db.execute(
        "SELECT id, source, location, published, published_source, title, text, content_hash, n_claims FROM releases"
    ).fetchall() == [
        ("kela.txt", "arkisto", "arkisto/kela.txt", "2020-06-09", "dateline", "Otsikko", TEXT, "abc", 2)
    ]
    stored = [Claim.model_validate_json(j) for (j,) in db.execute("SELECT json FROM claims ORDER BY seq")]
    assert stored == [full_claim(), range_claim()]
    assert db.execute("SELECT value, low, high, unit, rules FROM claims ORDER BY seq").fetchall() == [
        (40000, None, None, "count", "number.digits+unit.count+rate.week"),
        (None, 4, 6, "percent", "number.digits"),
    ]
    assert db.execute("SELECT location, release_id, reason FROM errors").fetchall() == [
        ("arkisto/rikki.txt", "rikki.txt", "empty file")
    ]


def test_sqlite_nothing_is_visible_before_commit(tmp_path: Path) -> None:
    sink = SqliteSink(str(tmp_path / "a.sqlite"))
    sink.write(result())
    reader = sqlite3.connect(tmp_path / "a.sqlite")
    assert reader.execute("SELECT count(*) FROM releases").fetchone() == (0,)
    sink.commit()
    assert reader.execute("SELECT count(*) FROM releases").fetchone() == (1,)
    assert reader.execute("SELECT count(*) FROM claims").fetchone() == (2,)
    sink.close()


def test_sqlite_replaces_rows_instead_of_appending(tmp_path: Path) -> None:
    path = str(tmp_path / "a.sqlite")
    for claims in [(full_claim(), range_claim()), (range_claim(),)]:
        with SqliteSink(path) as sink:
            sink.write(result(claims=claims, content_hash="new"))
    db = sqlite3.connect(path)
    assert db.execute("SELECT count(*), min(n_claims) FROM releases").fetchone() == (1, 1)
    assert db.execute("SELECT claim_id FROM claims").fetchall() == [("c-5",)]


def test_sqlite_success_clears_the_items_old_error_and_failure_clears_its_old_release(tmp_path: Path) -> None:
    path = str(tmp_path / "a.sqlite")
    with SqliteSink(path) as sink:
        sink.write(failed("kela.txt", location="arkisto/kela.txt"))
    with SqliteSink(path) as sink:
        sink.write(result("kela.txt"))
    db = sqlite3.connect(path)
    assert db.execute("SELECT count(*) FROM errors").fetchone() == (0,)
    # A duplicate of kela.txt from elsewhere fails: the stored release (another location) stays.
    with SqliteSink(path) as sink:
        sink.write(failed("kela.txt", "duplicate release id", location="toinen/kela.txt"))
    assert db.execute("SELECT count(*) FROM releases").fetchone() == (1,)
    # The same file turned bad: its release and claims go, the error comes.
    with SqliteSink(path) as sink:
        sink.write(failed("kela.txt", "binary file", location="arkisto/kela.txt"))
    assert db.execute("SELECT count(*) FROM releases").fetchone() == (0,)
    assert db.execute("SELECT count(*) FROM claims").fetchone() == (0,)
    assert db.execute("SELECT location, reason FROM errors ORDER BY location").fetchall() == [
        ("arkisto/kela.txt", "binary file"),
        ("toinen/kela.txt", "duplicate release id"),
    ]


@pytest.mark.parametrize(
    ("stored", "asked_hash", "fallback", "done"),
    [
        ({}, "abc", None, True),
        ({}, "muuttui", None, False),
        ({}, None, None, False),
        ({"tiedote_version": "0.0.1"}, "abc", None, False),
        # the fallback matters only to releases that used it or had no date at all
        ({}, "abc", dt.date(2021, 1, 1), True),
        ({"published_source": "option", "published": dt.date(2021, 1, 1)}, "abc", dt.date(2021, 1, 1), True),
        ({"published_source": "option", "published": dt.date(2021, 1, 1)}, "abc", dt.date(2022, 1, 1), False),
        ({"published_source": "option", "published": dt.date(2021, 1, 1)}, "abc", None, False),
        ({"published_source": "unresolved", "published": None}, "abc", None, True),
        ({"published_source": "unresolved", "published": None}, "abc", dt.date(2022, 1, 1), False),
    ],
    ids=[
        "same",
        "changed",
        "unhashed",
        "other-version",
        "dated-ignores-fallback",
        "same-fallback",
        "other-fallback",
        "fallback-dropped",
        "undated-still",
        "undated-now-has-fallback",
    ],
)
def test_sqlite_is_done(
    tmp_path: Path, stored: dict[str, object], asked_hash: str | None, fallback: dt.date | None, done: bool
) -> None:
    with SqliteSink(str(tmp_path / "a.sqlite")) as sink:
        sink.write(result(**stored))
    sink = SqliteSink(str(tmp_path / "a.sqlite"))
    assert sink.is_done("kela.txt", asked_hash, fallback) is done
    assert sink.is_done("muu.txt", "abc", fallback) is False
    sink.close()


def test_streamed_sinks_never_claim_done(tmp_path: Path) -> None:
    sink = JsonlSink(str(tmp_path / "a.jsonl"))
    assert sink.is_done("kela.txt", "abc", None) is False
    sink.abort()


def test_sqlite_refuses_other_databases(tmp_path: Path) -> None:
    foreign = tmp_path / "muu.sqlite"
    sqlite3.connect(foreign).execute("CREATE TABLE x (y)").connection.commit()
    with pytest.raises(SinkError, match="is a SQLite database not written by tiedote; give a new file"):
        SqliteSink(str(foreign))
    newer = tmp_path / "uusi.sqlite"
    SqliteSink(str(newer)).close()
    db = sqlite3.connect(newer)
    db.execute("UPDATE tiedote_meta SET value = '99'")
    db.commit()
    with pytest.raises(SinkError, match="has tiedote table layout 99, this tiedote writes 2"):
        SqliteSink(str(newer))
    text = tmp_path / "teksti.db"
    text.write_text("ei tietokanta " * 100, encoding="utf-8")
    with pytest.raises(SinkError, match="cannot use .* as a tiedote SQLite database"):
        SqliteSink(str(text))


@pytest.mark.parametrize(
    ("name", "kind"),
    [("a.jsonl", JsonlSink), ("A.CSV", CsvSink), ("a.sqlite", SqliteSink), ("a.db", SqliteSink),
     ("a.sqlite3", SqliteSink)],
)  # fmt: skip
def test_open_sink_by_suffix_creating_the_folder(tmp_path: Path, name: str, kind: type) -> None:
    sink = open_sink(str(tmp_path / "uusi" / "kansio" / name))
    assert type(sink) is kind
    sink.abort()


def test_open_sink_refuses_unknown_suffixes(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedOutputError) as info:
        open_sink(str(tmp_path / "a.parquet"))
    assert str(info.value) == (
        f"cannot tell the output format of {str(tmp_path / 'a.parquet')!r}; "
        "give OUT a suffix: .jsonl, .csv, .sqlite, .sqlite3 or .db"
    )


def test_release_record_accepts_what_archives_hold() -> None:
    assert Release.model_validate({"id": 7, "text": "x", "published": "9.6.2020", "tags": []}) == Release(
        id="7", text="x", published=dt.date(2020, 6, 9)
    )
    assert Release.model_validate(
        {"id": "a", "text": "x", "published": "2020-06-09T23:30:00+03:00"}
    ).published == (dt.date(2020, 6, 9))


def _written(sink: Sink, path: Path) -> object:
    if isinstance(sink, SqliteSink):
        db = sqlite3.connect(path)
        claims = db.execute("SELECT * FROM claims ORDER BY release_id, seq").fetchall()
        releases = db.execute("SELECT * FROM releases ORDER BY id").fetchall()
        errors = db.execute("SELECT location, release_id, source, reason FROM errors").fetchall()
        at = [r[1] for r in db.execute("PRAGMA table_info(releases)")].index("extracted_at")
        db.close()
        # extracted_at (the time of writing) left out
        return claims, [r[:at] + r[at + 1 :] for r in releases], errors
    return path.read_bytes()


@pytest.mark.parametrize(
    ("name", "json", "rows", "claim_json"),
    [("a.jsonl", True, False, False), ("a.csv", False, True, False), ("a.sqlite", False, True, True)],
)
def test_each_sink_has_only_its_own_forms_made_and_writes_the_same(
    tmp_path: Path, name: str, json: bool, rows: bool, claim_json: bool
) -> None:
    """Workers encode with the sink's ``encoding``: only what it writes, the very bytes of a full encoding."""
    results = [result(), failed(), result("b.txt", claims=())]
    with open_sink(str(tmp_path / "full" / name)) as full:
        for r in results:
            full.write_encoded(encode(r, FULL))
    with open_sink(str(tmp_path / "own" / name)) as own:
        encoded = [encode(r, own.encoding) for r in results]
        for e in encoded:
            own.write_encoded(e)
    assert _written(own, tmp_path / "own" / name) == _written(full, tmp_path / "full" / name)

    made = encoded[0]
    assert (made.json is not None, made.release_row is not None, bool(made.claim_rows)) == (json, rows, rows)
    if rows:
        width = len(CLAIM_COLUMNS) + (2 if claim_json else 0)
        assert [len(row) for row in made.claim_rows] == [width, width]
    full_made = encode(results[0], FULL)
    assert full_made.json == results[0].model_dump_json()
    assert [row[-1] for row in full_made.claim_rows] == [c.model_dump_json() for c in results[0].claims]


@pytest.mark.parametrize("name", ["a.jsonl", "a.csv"])
def test_a_result_encoded_without_a_sinks_form_is_refused(tmp_path: Path, name: str) -> None:
    with open_sink(str(tmp_path / name)) as sink:
        other = JsonlSink.encoding if isinstance(sink, CsvSink) else CsvSink.encoding
        with pytest.raises(ValueError, match="encoded without"):
            sink.write_encoded(encode(result(), other))


def test_a_database_of_before_date_source_gets_the_columns(tmp_path: Path) -> None:
    # Issue 19: releases gained date_source and warnings; a database written before keeps its rows
    # and gets the columns, date_source read from published_source.
    path = tmp_path / "old.sqlite"
    SqliteSink(str(path)).close()
    db = sqlite3.connect(path)
    db.executescript(
        "ALTER TABLE releases DROP COLUMN date_source; ALTER TABLE releases DROP COLUMN warnings;"
        "INSERT INTO releases (id, source, location, published, published_source, title, url, text, "
        "content_hash, n_claims, extracted_at, tiedote_version, schema_version) VALUES "
        "('a', 's', 's/a', '2020-06-09', 'dateline', NULL, NULL, 'x', 'h', 0, 'now', '0', 1);"
    )
    db.close()
    SqliteSink(str(path)).close()
    db = sqlite3.connect(path)
    assert db.execute("SELECT id, date_source, warnings FROM releases").fetchall() == [("a", "text", None)]
    db.close()
