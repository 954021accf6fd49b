"""``tiedote.frame.to_frame``: one row per claim, a column for every field, fixed dtypes.

Skipped as a whole without pandas (the ``tiedote[pandas]`` extra), except the
test of the error a user without it gets.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import math
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest

import tiedote
from tiedote.errors import InputTypeError
from tiedote.frame import FRAME_COLUMNS, to_frame
from tiedote.io.results import CLAIM_COLUMNS, ReleaseResult, claim_row
from tiedote.models import Claim

HAVE_PANDAS = importlib.util.find_spec("pandas") is not None
needs_pandas = pytest.mark.skipif(
    not HAVE_PANDAS, reason="pandas is not installed (pip install 'tiedote[pandas]')"
)

PUBLISHED = dt.date(2020, 6, 9)

TEXTS = {
    "neuvonta": (
        "Kaupungin neuvontaan soitettiin toukokuussa keskimäärin 1 200 kertaa viikossa. "
        "Jonotusaika lyheni noin 3 minuuttiin."
    ),
    "korjaus": "Korjaus kestää 2–3 viikkoa ja maksaa 40 000–50 000 euroa.",
    "kirjasto": "Kirjaston lainaus kasvoi viime vuonna 12 prosenttia. Kävijöitä oli yli 45 000.",
    "tyhja": "Tiedotteessa ei ole lukuja lainkaan.",
}


@pytest.fixture(scope="module")
def claims() -> dict[str, list[Claim]]:
    return {name: tiedote.extract(text, published=PUBLISHED) for name, text in TEXTS.items()}


@pytest.fixture(scope="module")
def results(claims: dict[str, list[Claim]]) -> list[ReleaseResult]:
    return [
        ReleaseResult(
            id=name, source="test", location=name, published=PUBLISHED, text=TEXTS[name], claims=tuple(c)
        )
        for name, c in claims.items()
    ] + [ReleaseResult(id="rikki", source="test", location="rikki", error="empty file")]


def plain(value: Any) -> Any:
    """A frame cell as the plain value claim_row would hold: NA/NaN/NaT → None, Timestamp → ISO date."""
    import pandas as pd

    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if hasattr(value, "item"):
        return value.item()
    return value


@needs_pandas
def test_columns_and_dtypes_are_fixed(claims: dict[str, list[Claim]]) -> None:
    frame = to_frame(claims["neuvonta"])
    assert list(frame.columns) == list(FRAME_COLUMNS)
    assert {name: str(dtype) for name, dtype in frame.dtypes.items()} == FRAME_COLUMNS
    assert len(frame) == len(claims["neuvonta"])


@needs_pandas
@pytest.mark.parametrize("empty", [[], (), iter([]), "error-only"])
def test_empty_input_gives_the_same_columns_and_dtypes(claims: dict[str, list[Claim]], empty: Any) -> None:
    if empty == "error-only":
        empty = [ReleaseResult(id="x", source="s", location="x", error="empty file")]
    frame = to_frame(empty)
    assert len(frame) == 0
    assert list(frame.columns) == list(FRAME_COLUMNS)
    assert frame.dtypes.equals(to_frame(claims["neuvonta"]).dtypes)


@needs_pandas
def test_cells_hold_every_field_of_the_claim(claims: dict[str, list[Claim]]) -> None:
    everything = [c for cs in claims.values() for c in cs]
    frame = to_frame(everything)
    for row, claim in zip(frame.to_dict("records"), everything, strict=True):
        assert Claim.model_validate_json(row["json"]) == claim
        assert row["claim_id"] == claim.id
        assert plain(row["release_id"]) is None
        q = claim.quantity
        assert plain(row["value"]) == q.value and plain(row["low"]) == q.low and plain(row["high"]) == q.high
        assert (row["unit"], row["qualifier"], row["number_text"]) == (q.unit, q.qualifier, q.span.text)
        for name, span in (
            ("number", q.span),
            ("unit", q.unit_span),
            ("qualifier", q.qualifier_span),
            ("statistic", claim.statistic_span),
            ("rate", claim.rate_span),
            ("measure", claim.measure.span if claim.measure else None),
            ("subject", claim.subject.span if claim.subject else None),
            ("change", claim.change.span if claim.change else None),
            ("period_span", claim.period.span if claim.period else None),
            ("sentence", claim.sentence),
        ):
            got = (plain(row[f"{name}_start"]), plain(row[f"{name}_end"]))
            assert got == ((span.start, span.end) if span else (None, None)), name
        assert plain(row["measure"]) == (claim.measure.lemma if claim.measure else None)
        assert plain(row["subject"]) == (claim.subject.text if claim.subject else None)
        assert plain(row["change"]) == (claim.change.direction if claim.change else None)
        assert plain(row["statistic"]) == claim.statistic and plain(row["rate"]) == claim.rate
        assert row["rules"].split("+") == list(claim.rules)
        assert row["schema_version"] == claim.schema_version
    # The sample covers ranges, optional spans present and absent, and periods.
    assert frame["value"].isna().any() and frame["low"].notna().any()
    assert frame["unit_start"].notna().any() and frame["unit_start"].isna().any()
    assert frame["period_start"].notna().any()


@needs_pandas
def test_spans_are_integer_columns_pointing_into_the_text(claims: dict[str, list[Claim]]) -> None:
    import pandas as pd

    text = TEXTS["neuvonta"]
    frame = to_frame(claims["neuvonta"])
    for name in ("number_start", "number_end", "sentence_start", "sentence_end"):
        assert frame[name].dtype == "int64"
    for name in ("unit_start", "measure_end", "change_start", "period_span_end"):
        assert isinstance(frame[name].dtype, pd.Int64Dtype)
    for row in frame.to_dict("records"):
        start, end = int(row["number_start"]), int(row["number_end"])
        assert text[start:end] == row["number_text"]
        assert int(row["sentence_start"]) <= start < end <= int(row["sentence_end"])


@needs_pandas
def test_periods_are_datetimes_and_missing_ones_nat(claims: dict[str, list[Claim]]) -> None:
    import pandas as pd

    everything = [c for cs in claims.values() for c in cs]
    frame = to_frame(everything)
    assert str(frame["period_start"].dtype) == "datetime64[ms]" == str(frame["period_end"].dtype)
    for (start, end), claim in zip(
        frame[["period_start", "period_end"]].itertuples(index=False), everything, strict=True
    ):
        period = claim.period
        expected = (period.start, period.end) if period else (None, None)
        got = tuple(None if pd.isna(x) else x.date() for x in (start, end))
        assert got == expected
    assert frame["period_start"].notna().any()
    may = frame[frame["period_start"] == pd.Timestamp("2020-05-01")]
    assert not may.empty and (may["period_end"] == pd.Timestamp("2020-05-31")).all()


@needs_pandas
def test_dates_beyond_the_nanosecond_range_do_not_overflow() -> None:
    import pandas as pd

    [claim] = tiedote.extract("Kävijöitä oli 45 000.")
    far = claim.model_copy(
        update={
            "period": tiedote.Period(
                start=dt.date(1600, 1, 1), end=dt.date(2400, 12, 31), granularity="range"
            )
        }
    )
    frame = to_frame([far])
    assert frame["period_start"][0] == pd.Timestamp("1600-01-01")
    assert frame["period_end"][0] == pd.Timestamp("2400-12-31")


@needs_pandas
def test_release_results_give_release_ids_and_per_release_seq(
    results: list[ReleaseResult], claims: dict[str, list[Claim]]
) -> None:
    frame = to_frame(results)
    assert len(frame) == sum(len(c) for c in claims.values())
    assert list(frame["release_id"].unique()) == [name for name, c in claims.items() if c]
    assert "rikki" not in set(frame["release_id"])  # a failed release has no claims
    for name, group in frame.groupby("release_id", sort=False):
        assert list(group["seq"]) == list(range(len(claims[str(name)])))
        assert list(group["claim_id"]) == [c.id for c in claims[str(name)]]
    # One record alone is one record, not an iterable of its fields.
    assert to_frame(results[0]).equals(to_frame(results[:1]))
    assert to_frame(claims["korjaus"][0]).equals(to_frame(claims["korjaus"][:1]))


@needs_pandas
def test_shared_columns_agree_with_the_csv_and_sqlite_rows(results: list[ReleaseResult]) -> None:
    frame = to_frame(results)
    expected = [claim_row(r.id, c) for r in results for c in r.claims]
    assert set(CLAIM_COLUMNS) <= set(FRAME_COLUMNS)
    for row, flat in zip(frame.to_dict("records"), expected, strict=True):
        for name in CLAIM_COLUMNS:
            got, want = plain(row[name]), flat[name]
            if isinstance(want, float) or isinstance(got, float):
                assert got == pytest.approx(want), name
            else:
                assert got == want, name


@needs_pandas
def test_a_batch_sqlite_read_with_read_sql_lines_up_with_to_frame(tmp_path: Path) -> None:
    import pandas as pd

    from tiedote.cli import main

    folder = tmp_path / "releases"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / f"{name}.txt").write_text(f"Helsinki 9.6.2020\n\n{text}\n", encoding="utf-8")
    out = tmp_path / "claims.sqlite"
    assert main(["batch", str(folder), "-o", str(out), "--jobs", "1", "-q"]) == 0

    with sqlite3.connect(out) as db:
        stored = pd.read_sql("SELECT * FROM claims ORDER BY release_id, seq", db)
    results = [
        ReleaseResult(
            id=str(rid),
            source="-",
            location=str(rid),
            claims=tuple(Claim.model_validate_json(j) for j in group),
        )
        for rid, group in stored.groupby("release_id", sort=False)["json"]
    ]
    frame = to_frame(results)
    assert len(frame) == len(stored) > 0
    for name in (*CLAIM_COLUMNS, "seq", "json"):
        got = [plain(x) for x in frame[name]]
        want = [plain(x) for x in stored[name]]
        if name in ("value", "low", "high"):
            assert all(
                (g is None and w is None) or math.isclose(g, w) for g, w in zip(got, want, strict=True)
            )
        else:
            assert got == want, name


@needs_pandas
def test_parquet_round_trip_keeps_the_dtypes(claims: dict[str, list[Claim]], tmp_path: Path) -> None:
    pytest.importorskip("pyarrow", reason="pyarrow is not installed (pip install 'tiedote[dask]')")
    import pandas as pd

    frame = to_frame([c for cs in claims.values() for c in cs])
    frame.to_parquet(tmp_path / "claims.parquet")
    back = pd.read_parquet(tmp_path / "claims.parquet")
    pd.testing.assert_frame_equal(back, frame)


@needs_pandas
@pytest.mark.parametrize("bad", ["a text", b"bytes", {"id": "x"}, [{"id": "x"}], [None], 42])
def test_other_inputs_are_refused_with_a_clear_error(bad: Any) -> None:
    with pytest.raises(InputTypeError, match="Claim"):
        to_frame(bad)


def test_without_pandas_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # what `import pandas` sees when it is not installed
    with pytest.raises(ImportError, match=r"tiedote\[pandas\]"):
        to_frame([])


def test_to_frame_is_exported_at_the_top_level() -> None:
    assert getattr(tiedote, "to_frame", None) is to_frame


def test_to_frame_has_the_published_date() -> None:
    # Issue 19, item 9: a frame of claims said nothing of when its releases were published.
    pd = pytest.importorskip("pandas")

    day = dt.date(2020, 6, 9)
    claims = tiedote.extract("Toukokuussa vastattiin 40 000 puheluun.", published=day)
    frame = to_frame(claims, published=day)
    assert list(frame.columns[:3]) == ["release_id", "published", "seq"]
    assert frame["published"].tolist() == [pd.Timestamp(day)]
    result = ReleaseResult(id="r", source="s", location="s/r", published=day, claims=tuple(claims))
    assert to_frame([result])["published"].tolist() == [pd.Timestamp(day)]
    assert to_frame(claims)["published"].isna().all()
