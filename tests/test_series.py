"""Series: the ``series`` view in the SQLite output, ``tiedote series`` listing and writing, its chart.

The fixture batch is made with the real extractor; every CSV row is checked
against the claim it names in the ``claims`` table, and the claims of each
series are recomputed here from the table by the rule the module documents.
"""

from __future__ import annotations

import csv
import datetime as dt
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import FIXTURES
from tiedote.cli import main
from tiedote.errors import SeriesError
from tiedote.io.results import ReleaseResult
from tiedote.io.sinks import SqliteSink
from tiedote.models import Claim, Measure, Period, Quantity, Span, Subject
from tiedote.report import build_site
from tiedote.series import CSV_COLUMNS, SERIES_SELECT, connect, list_series, series_rows


@pytest.fixture(scope="module")
def fixture_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("series") / "out.sqlite"
    assert main(["batch", str(FIXTURES), "-o", str(db), "-q", "--jobs", "1"]) == 0
    return db


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def expected_series(db: Path) -> dict[tuple[Any, ...], list[str]]:
    """Claim ids per series, by the documented rule, computed in Python from the claims table."""
    rows = sqlite3.connect(db).execute(
        "SELECT claim_id, measure, unit, statistic, rate FROM claims WHERE measure IS NOT NULL").fetchall()
    stated: dict[tuple[Any, ...], set[str]] = {}
    for _, measure, unit, statistic, rate in rows:
        if statistic is not None:
            stated.setdefault((measure, unit, rate), set()).add(statistic)
    out: dict[tuple[Any, ...], list[str]] = {}
    for claim_id, measure, unit, statistic, rate in rows:
        if statistic is None and len(stated.get((measure, unit, rate), ())) == 1:
            [statistic] = stated[(measure, unit, rate)]
        out.setdefault((measure, unit, statistic, rate), []).append(claim_id)
    return out


def test_the_view_is_in_the_output_and_gives_the_select_rows(fixture_db: Path) -> None:
    db = sqlite3.connect(fixture_db)
    assert db.execute("SELECT type FROM sqlite_master WHERE name = 'series'").fetchone() == ("view",)
    assert db.execute("SELECT * FROM series").fetchall() == db.execute(SERIES_SELECT).fetchall()
    for key, n in list_series(connect(str(fixture_db))):
        assert db.execute(f"SELECT COUNT(*) FROM series WHERE {key.where()}").fetchone()[0] == n
    n_measured = db.execute("SELECT COUNT(*) FROM claims WHERE measure IS NOT NULL").fetchone()[0]
    assert db.execute("SELECT COUNT(*) FROM series").fetchone()[0] == n_measured > 100


def test_listing_names_every_series_of_three_or_more(fixture_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "series", str(fixture_db))
    assert status == 0
    listed = [line.split() for line in out.splitlines()]
    expected = {k: len(v) for k, v in expected_series(fixture_db).items() if len(v) >= 3}
    assert len(listed) == len(expected) > 5
    db = connect(str(fixture_db))
    assert {(k.measure, k.unit, k.statistic, k.rate): n for k, n in list_series(db)} == expected
    counts = [int(parts[0]) for parts in listed]
    assert counts == sorted(counts, reverse=True) and min(counts) >= 3


def test_every_listed_series_writes_the_rows_of_its_claims(
        fixture_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = sqlite3.connect(fixture_db)
    db.row_factory = sqlite3.Row
    claims = {r["claim_id"]: r for r in db.execute("SELECT * FROM claims")}
    published = dict(db.execute("SELECT id, published FROM releases").fetchall())
    expected = expected_series(fixture_db)
    for key, _ in list_series(connect(str(fixture_db))):
        out = tmp_path / f"{key.measure}.csv"
        status, _, err = run(capsys, "series", str(fixture_db), *key.options().split(), "-o", str(out))
        assert status == 0, err
        with out.open(encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        assert tuple(rows[0]) == CSV_COLUMNS
        assert sorted(r["claim_id"] for r in rows) == sorted(
            expected[(key.measure, key.unit, key.statistic, key.rate)])
        for r in rows:
            c = claims[r["claim_id"]]
            assert r["release_id"] == c["release_id"] and r["release_published"] == published[c["release_id"]]
            for name in ("period_start", "period_end", "qualifier", "number_text", "measure", "unit", "rate"):
                assert r[name] == (c[name] if c[name] is not None else ""), (name, r, dict(c))
            for name in ("value", "low", "high"):
                assert (float(r[name]) if r[name] else None) == c[name]
        starts = [r["period_start"] for r in rows if r["period_start"]]
        assert starts == sorted(starts) and rows[:len(starts)] == [r for r in rows if r["period_start"]]


def test_a_measure_of_several_series_asks_which(fixture_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # (issue 16: "määrä" gives way to what it counts, "hakijoiden määrä" measures "hakija")
    status, out, err = run(capsys, "series", str(fixture_db), "--measure", "hakija")
    assert (status, out) == (2, "")
    assert "--unit count" in err and "--unit percent" in err and "pick one" in err
    status, out, _ = run(capsys, "series", str(fixture_db), "--measure", "hakija", "--unit", "percent")
    assert status == 0 and out.startswith("period_start,")
    status, _, err = run(capsys, "series", str(fixture_db), "--measure", "eiole")
    assert status == 2 and "no claims of measure 'eiole'" in err
    status, _, err = run(capsys, "series", str(fixture_db), "-o", str(fixture_db) + ".csv")
    assert status == 2 and "give --measure" in err


def test_chart_svg_and_png(fixture_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("matplotlib")
    [(key, _), *_] = list_series(connect(str(fixture_db)))
    pick = key.options().split()
    for suffix in ("svg", "png"):
        chart = tmp_path / f"chart.{suffix}"
        status, _, err = run(capsys, "series", str(fixture_db), *pick, "-o", str(tmp_path / "s.csv"),
                             "--chart", str(chart))
        assert status == 0, err
        data = chart.read_bytes()
        assert data.startswith(b"\x89PNG") if suffix == "png" else b"<svg" in data and key.measure.encode() in data
    first = (tmp_path / "chart.svg").read_bytes()
    run(capsys, "series", str(fixture_db), *pick, "--chart", str(tmp_path / "chart.svg"))
    assert (tmp_path / "chart.svg").read_bytes() == first, "the same rows draw the same bytes"
    status, _, err = run(capsys, "series", str(fixture_db), *pick, "--chart", str(tmp_path / "chart.gif"))
    assert status == 2 and ".svg or .png" in err


TEXT = ("Kaupunginkirjaston asiakkaat odottivat varausta keskimäärin 12 päivää, enimmillään 30 päivää. "
        "Varausten odotusaika oli 9 päivää tammikuussa. Lainoja kertyi Kirjastolle 4 000.")


def claim(id: str, value: int, at: tuple[int, int], statistic: str | None, month: int,
          subject: str | None = None) -> Claim:
    s = lambda a, b: Span.of(TEXT, a, b)
    return Claim(
        id=id, quantity=Quantity(value=value, unit="day", span=s(*at)),
        measure=Measure(lemma="odotusaika", span=s(0, 10)), statistic=statistic,  # type: ignore[arg-type]
        subject=Subject(text=subject, span=s(0, 10)) if subject else None,
        period=Period(start=dt.date(2024, month, 1), end=dt.date(2024, month, 28), granularity="month",
                      basis="explicit"),
        sentence=s(0, len(TEXT)), rules=("number.digits",))


def store(path: Path, claims: tuple[Claim, ...]) -> None:
    with SqliteSink(str(path)) as sink:
        sink.write(ReleaseResult(id="kirjasto.txt", source="a", location="a/kirjasto.txt",
                                 published=dt.date(2024, 6, 1), text=TEXT, content_hash="x", claims=claims))


def test_an_unstated_statistic_joins_the_one_stated(tmp_path: Path) -> None:
    at = (TEXT.index("9 päivää"), TEXT.index("9 päivää") + 1)
    one = tmp_path / "one.sqlite"
    store(one, (claim("a", 12, (60, 62), "mean", 3), claim("b", 9, at, None, 1)))
    key, rows = series_rows(connect(str(one)), "odotusaika")
    assert (key.statistic, [r["claim_id"] for r in rows]) == ("mean", ["b", "a"])
    assert [r["stated_statistic"] for r in rows] == [None, "mean"]
    # With a mean and a max stated, the unstated one cannot be told apart: a series of its own.
    two = tmp_path / "two.sqlite"
    store(two, (claim("a", 12, (60, 62), "mean", 3), claim("m", 30, (83, 85), "max", 3),
                claim("b", 9, at, None, 1)))
    with pytest.raises(SeriesError, match="has 3 series"):
        series_rows(connect(str(two)), "odotusaika")
    key, rows = series_rows(connect(str(two)), "odotusaika", statistic=None)
    assert key.statistic is None and [r["claim_id"] for r in rows] == ["b"]


def test_subject_filter_matches_part_of_the_subject_in_any_case(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite"
    store(db, (claim("a", 12, (60, 62), "mean", 3, subject="Kaupunginkirjaston"), claim("m", 30, (83, 85), "mean", 2)))
    _, rows = series_rows(connect(str(db)), "odotusaika", subject="KIRJASTO")
    assert [r["claim_id"] for r in rows] == ["a"]


def test_an_archive_written_before_the_view_reads_the_same(fixture_db: Path, tmp_path: Path) -> None:
    old = tmp_path / "old.sqlite"
    src = sqlite3.connect(fixture_db)
    src.backup(dst := sqlite3.connect(old))
    src.close()
    dst.execute("DROP VIEW series")
    dst.commit()
    dst.close()
    assert list_series(connect(str(old))) == list_series(connect(str(fixture_db)))


def test_odd_file_names_read(fixture_db: Path, tmp_path: Path) -> None:
    odd = tmp_path / "arkisto #1 ?.sqlite"
    odd.write_bytes(fixture_db.read_bytes())
    assert list_series(connect(str(odd))) == list_series(connect(str(fixture_db)))


def test_not_a_tiedote_database_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE x (a)").connection.commit()
    with pytest.raises(SeriesError, match="not a tiedote batch output"):
        connect(str(other))


def test_without_matplotlib_the_chart_is_refused_and_the_site_has_none(
        fixture_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("matplotlib", "matplotlib.dates", "matplotlib.figure", "matplotlib.ticker"):
        monkeypatch.setitem(sys.modules, name, None)  # import raises ImportError, as when not installed
    [(key, _), *_] = list_series(connect(str(fixture_db)))
    status, _, err = run(capsys, "series", str(fixture_db), *key.options().split(), "--chart", str(tmp_path / "c.svg"))
    assert status == 3 and "pip install 'tiedote[plot]'" in err
    stats = build_site(str(fixture_db), tmp_path / "site", explain=False)
    assert stats.series > 0 and stats.charts == 0
    page = next(p for p in stats.pages if "/series/" in p.as_posix()).read_text(encoding="utf-8")
    assert "No chart: install matplotlib" in page and "<svg" not in page
