"""Dates a user gives as text: JSONL ``published``, ``--published``, spaCy's config (issue 19, item 3)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import tiedote
from tiedote.io.dates import read_date
from tiedote.io.sources import open_source
from tiedote.io.sources.decode import prepare


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2020-06-09", dt.date(2020, 6, 9)),
        ("9.6.2020", dt.date(2020, 6, 9)),
        ("09.06.2020", dt.date(2020, 6, 9)),
        ("9. kesäkuuta 2020", dt.date(2020, 6, 9)),
        ("9 kesäkuuta 2020", dt.date(2020, 6, 9)),
        ("tiistaina 9. kesäkuuta 2020", dt.date(2020, 6, 9)),
        ("ti 9.6.2020", dt.date(2020, 6, 9)),
        ("2020-06-09T10:15+03:00", dt.date(2020, 6, 9)),
        ("2020-06-09T23:30:00-05:00", dt.date(2020, 6, 9)),  # the day as written, not moved by its zone
        ("2020-06-09 10:15", dt.date(2020, 6, 9)),
        (" 1.12.2023 ", dt.date(2023, 12, 1)),
    ],
)
def test_read_date_accepts_finnish_and_iso_forms(text: str, date: dt.date) -> None:
    assert read_date(text) == date


@pytest.mark.parametrize(
    "text",
    ["2023-02-30", "30.2.2023", "tänään", "eilen", "2 päivää sitten", "kesäkuu 2020", "9.6.", "June 9, 2020",
     "", "huomenna klo 10"],
)  # fmt: skip
def test_read_date_refuses_what_is_no_day(text: str) -> None:
    with pytest.raises(tiedote.DateError) as info:
        read_date(text)
    assert "give it as 2020-06-09, 9.6.2020" in str(info.value)
    assert isinstance(info.value, ValueError)


def test_read_date_refuses_other_types() -> None:
    with pytest.raises(tiedote.InputTypeError):
        read_date(20200609)


def _jsonl(tmp_path: Path, *records: dict[str, object]) -> Path:
    path = tmp_path / "r.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_jsonl_text_dates_are_read_and_bad_ones_are_warnings(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path,
        {"id": "a", "text": "Toukokuussa 40 000 puhelua.", "published": "9. kesäkuuta 2020"},
        {"id": "b", "text": "Toukokuussa 40 000 puhelua.", "published": "2020-06-09T10:15+03:00"},
        {"id": "c", "text": "Toukokuussa 40 000 puhelua.", "published": "31.2.2020"},
    )
    got = {item.id: prepare(item, None) for item in open_source(str(path))}
    assert got["a"][0].published == got["b"][0].published == dt.date(2020, 6, 9)
    assert got["a"][1].date_source == "given" and got["a"][1].warnings == ()
    release, dating = got["c"]
    assert release.published is None and dating.date_source == "none"
    assert dating.warnings[0].startswith("line 3: field 'published': '31.2.2020' is not a date")
    assert "no publication date" in dating.warnings[-1]


def test_a_given_future_date_is_used_with_a_warning(tmp_path: Path) -> None:
    future = dt.date.today() + dt.timedelta(days=30)
    path = _jsonl(
        tmp_path, {"id": "a", "text": "Toukokuussa 40 000 puhelua.", "published": future.isoformat()}
    )
    [item] = open_source(str(path))
    release, dating = prepare(item, None)
    assert release.published == future and dating.date_source == "given"
    assert "after today" in dating.warnings[0]


def test_text_dates_have_their_source() -> None:
    from tiedote.io.sources import Item

    item = Item.of_bytes("t", "s", "s/t.txt", "text", b"TIEDOTE 9.6.2020\nOtsikko\n\nToukokuussa 5 puhelua.")
    assert prepare(item, None)[1].date_source == "text"


def test_spacy_config_takes_a_finnish_date() -> None:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("fi")
    nlp.add_pipe("tiedote", config={"published": "9.6.2020"})
    [claim] = nlp("Toukokuussa vastattiin 40 000 puheluun.")._.claims
    assert claim.period is not None and claim.period.start == dt.date(2020, 5, 1)


def test_spacy_config_with_no_date_raises_a_tiedote_error() -> None:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("fi")
    with pytest.raises(tiedote.DateError, match="'ensi viikolla' is not a date"):
        nlp.add_pipe("tiedote", config={"published": "ensi viikolla"})
