"""``tiedote.dask``: extract_bag and extract_frame give what ``tiedote batch`` gives, one extractor per process.

The in-process tests use Dask's synchronous and threaded schedulers; the
cluster tests start a ``dask.distributed.LocalCluster`` with two worker
processes and compare its claims with ``tiedote batch --jobs 1``, claim for
claim.  Skipped without Dask, distributed or pandas (the ``tiedote[dask]``
extra), except the test of the error a user without them gets.
"""

# Dask's own annotations leave from_sequence, from_pandas, compute… untyped.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import tiedote
from tiedote.errors import InputTypeError
from tiedote.frame import FRAME_COLUMNS, to_frame
from tiedote.io.batch import ExtractorLike, default_extractor
from tiedote.io.results import Release, ReleaseResult
from tiedote.io.sources import open_source

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _missing(*modules: str) -> list[str]:
    return [m for m in modules if importlib.util.find_spec(m) is None]


needs_dask = pytest.mark.skipif(
    bool(_missing("dask", "pandas", "pyarrow")) or bool(_missing("dask.bag", "dask.dataframe")),
    reason=f"not installed: {', '.join(_missing('dask', 'pandas', 'pyarrow')) or 'dask[bag,dataframe]'} "
    "(pip install 'tiedote[dask]')",
)
needs_distributed = pytest.mark.skipif(
    bool(_missing("distributed")), reason="distributed is not installed (pip install 'tiedote[dask]')"
)

# Short releases written for these tests: datelines in two styles, none at all, and a relative period each.
RELEASES = {
    "neuvonta.txt": "Helsinki 9.6.2020\n\nKaupungin neuvontaan soitettiin toukokuussa keskimäärin "
    "1 200 kertaa viikossa. Jonotusaika lyheni noin 3 minuuttiin.\n",
    "kirjasto.txt": "Kirjaston lainaus kasvoi\n\nTampere, 3.1.2024\n\nKirjaston lainaus kasvoi viime "
    "vuonna 12 prosenttia. Kävijöitä oli yli 45 000.\n",
    "uimahalli.txt": "Uimahallissa kävi helmikuussa 8 300 asiakasta, mikä on 5 prosenttia enemmän "
    "kuin tammikuussa.\n",
    "lumityot.txt": "TIEDOTE 2023-01-10\n\nLumitöihin käytettiin joulukuussa 2,4 miljoonaa euroa. "
    "Aurauskalustoa oli liikkeellä enimmillään 140 konetta päivässä.\n",
    "terveysasemat.txt": "Oulu 2.4.2022\n\nTerveysasemille pääsi maaliskuussa kiireettömään hoitoon "
    "keskimäärin 11 päivässä. Vuotta aiemmin odotus kesti 19 päivää.\n",
    "pyorailijat.txt": "Pyöräilijöitä laskettiin kesäkuussa Pitkälläsillalla 4 500 vuorokaudessa, "
    "lähes 10 prosenttia edellisvuotta enemmän. Korjaus kestää 2–3 viikkoa.\n",
}


def write_releases(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in RELEASES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def release_folder(tmp: Path) -> Path:
    """fixtures/ when it holds releases, else a folder of the releases above."""
    if any(FIXTURES.glob("*.txt")):
        return FIXTURES
    return write_releases(tmp / "releases")


def folder_records(folder: Path) -> list[dict[str, Any]]:
    """The releases of a folder as JSONL-style records (id = path inside the folder, as a batch names them)."""
    return [
        {"id": item.id, "text": item.data.decode("utf-8-sig")}
        for item in open_source(str(folder))
        if item.error is None
    ]


def run_batch_cli(folder: Path, out: Path, *extra: str) -> list[ReleaseResult]:
    """``tiedote batch FOLDER -o OUT.jsonl --jobs 1``, as a user runs it; its results in order."""
    done = subprocess.run(
        [sys.executable, "-m", "tiedote", "batch", str(folder), "-o", str(out), "--jobs", "1", "-q", *extra],
        check=False,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode in (0, 1), done.stderr
    with open(out, encoding="utf-8") as f:
        return [ReleaseResult.model_validate_json(line) for line in f]


def same_extraction(got: ReleaseResult, want: ReleaseResult) -> None:
    """What a record-based run shares with a batch over files: id, date and its rule, claims (in order)."""
    assert (got.id, got.error) == (want.id, want.error)
    assert (got.published, got.published_source) == (want.published, want.published_source), got.id
    assert [c.model_dump() for c in got.claims] == [c.model_dump() for c in want.claims], got.id


@pytest.fixture(scope="module")
def batch_of_releases(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[ReleaseResult]]:
    folder = write_releases(tmp_path_factory.mktemp("own") / "releases")
    return folder, run_batch_cli(folder, folder.parent / "batch.jsonl")


@pytest.fixture
def sync() -> Iterator[None]:
    import dask

    with dask.config.set(scheduler="sync"):
        yield


class CountingFactory:
    """The library's extractor, counting how often it is built."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> ExtractorLike:
        self.calls += 1
        return default_extractor()


# --- in-process ---------------------------------------------------------------------------------


@needs_dask
@pytest.mark.usefixtures("sync")
@pytest.mark.slow
def test_extract_bag_of_records_matches_batch(batch_of_releases: tuple[Path, list[ReleaseResult]]) -> None:
    import dask.bag as db

    from tiedote.dask import extract_bag

    folder, batch = batch_of_releases
    assert {r.published_source for r in batch} == {"dateline", "unresolved"}  # both paths are exercised
    records = folder_records(folder)
    got = extract_bag(db.from_sequence(records, npartitions=3)).compute()
    assert len(got) == len(batch) == len(RELEASES)
    for g, w in zip(got, batch, strict=True):
        same_extraction(g, w)
    assert [r.location for r in got] == [
        f"dask:{p}:{i}" for p, n in ((0, 2), (1, 2), (2, 2)) for i in range(n)
    ]


@needs_dask
@pytest.mark.usefixtures("sync")
def test_extract_bag_of_source_items_is_batch_to_the_last_field(
    batch_of_releases: tuple[Path, list[ReleaseResult]],
) -> None:
    import dask.bag as db

    from tiedote.dask import extract_bag

    folder, batch = batch_of_releases
    items = list(open_source(str(folder)))
    got = extract_bag(db.from_sequence(items, npartitions=4)).compute()
    assert got == batch


@needs_dask
@pytest.mark.usefixtures("sync")
def test_release_records_dates_and_the_fallback() -> None:
    import dask.bag as db

    from tiedote.dask import extract_bag

    text = RELEASES["uimahalli.txt"]  # no dateline
    day = dt.date(2021, 3, 15)
    records: list[object] = [
        Release(id="a", text=text, published=day),
        {"id": "b", "text": text, "published": "2021-03-15"},
        {"id": "c", "text": text, "published": "2021-03-15T09:30:00+02:00", "tags": ["ignored"]},
        {"id": 4, "text": text},
    ]
    fallback = dt.date(2019, 9, 1)
    got = extract_bag(db.from_sequence(records, npartitions=2), published=fallback).compute()
    assert [r.id for r in got] == ["a", "b", "c", "4"]
    for r in got[:3]:
        assert (r.published, r.published_source) == (day, "record")
        assert list(r.claims) == tiedote.extract(text, published=day)
    assert (got[3].published, got[3].published_source) == (fallback, "option")
    assert list(got[3].claims) == tiedote.extract(text, published=fallback)


@needs_dask
@pytest.mark.usefixtures("sync")
def test_bad_records_become_error_results_in_place() -> None:
    import dask.bag as db

    from tiedote.dask import extract_bag

    records: list[object] = [
        {"id": "ok", "text": RELEASES["uimahalli.txt"]},
        {"id": "no-text"},
        {"id": "empty", "text": "   "},
        {"id": "bad-date", "text": "Kävijöitä oli 45 000.", "published": "eilen"},
        "just a string",
        {"id": "ok2", "text": "Kävijöitä oli 45 000."},
    ]
    got = extract_bag(db.from_sequence(records, npartitions=1)).compute()
    assert [r.id for r in got] == ["ok", "no-text", "empty", "bad-date", "dask:0:4", "ok2"]
    assert [r.error is None for r in got] == [True, False, False, False, False, True]
    assert "text" in (got[1].error or "") and "empty" in (got[2].error or "")
    assert "published" in (got[3].error or "") and "dict" in (got[4].error or "")
    assert got[5].claims and not got[1].claims


@needs_dask
def test_one_extractor_per_process_however_many_partitions_and_threads() -> None:
    import dask
    import dask.bag as db

    from tiedote.dask import extract_bag

    factory = CountingFactory()
    records = [{"id": f"r{i}", "text": f"Kävijöitä oli {i + 1} 000."} for i in range(24)]
    with dask.config.set(scheduler="threads", num_workers=4):
        got = extract_bag(db.from_sequence(records, npartitions=12), factory=factory).compute()
    assert factory.calls == 1
    assert [r.claims[0].quantity.value for r in got] == [(i + 1) * 1000 for i in range(24)]

    idle = CountingFactory()
    with dask.config.set(scheduler="sync"):
        assert (
            extract_bag(
                db.from_sequence(records, npartitions=4).filter(bool).filter(lambda r: False), factory=idle
            ).compute()
            == []
        )
    assert idle.calls == 0  # empty partitions build nothing


@needs_dask
@pytest.mark.usefixtures("sync")
def test_extract_frame_is_to_frame_of_the_batch(batch_of_releases: tuple[Path, list[ReleaseResult]]) -> None:
    import dask.dataframe as dd
    import pandas as pd

    from tiedote.dask import extract_frame

    folder, batch = batch_of_releases
    releases = pd.DataFrame(folder_records(folder))
    releases["published"] = None
    claims = extract_frame(dd.from_pandas(releases, npartitions=3))
    assert list(claims.columns) == list(FRAME_COLUMNS)
    assert claims._meta.dtypes.equals(to_frame([]).dtypes)
    got = claims.compute().reset_index(drop=True)
    pd.testing.assert_frame_equal(got, to_frame(batch))


@needs_dask
@pytest.mark.usefixtures("sync")
def test_extract_frame_reads_published_cells_of_any_kind() -> None:
    import dask.dataframe as dd
    import pandas as pd

    from tiedote.dask import extract_frame

    text = RELEASES["uimahalli.txt"]
    day = dt.date(2021, 3, 15)
    cells: list[object] = [day, "2021-03-15", pd.Timestamp("2021-03-15 09:30"), None, pd.NaT]
    releases = pd.DataFrame({"id": [f"r{i}" for i in range(5)], "text": [text] * 5, "published": cells})
    stamps = pd.to_datetime(pd.Series(["2021-03-15", "2021-03-15", "2021-03-15", None, None], dtype="object"))
    for column in (releases, releases.assign(published=stamps)):
        got = extract_frame(dd.from_pandas(column, npartitions=2)).compute()
        for i in range(5):
            rows = got[got["release_id"] == f"r{i}"].reset_index(drop=True)
            published = day if i < 3 else None
            expected = tiedote.extract(text, published=published)
            pd.testing.assert_frame_equal(
                rows.drop(columns="release_id"),
                to_frame(expected, published=published).drop(columns="release_id"),
            )


@needs_dask
@pytest.mark.usefixtures("sync")
def test_extract_frame_errors_raise_or_are_skipped() -> None:
    import dask.dataframe as dd
    import pandas as pd

    from tiedote.dask import ExtractionError, extract_frame

    releases = pd.DataFrame(
        {"id": ["a", "b", "c"], "text": ["Kävijöitä oli 45 000.", " ", "Hintaa nousi 5 euroa."]}
    )
    ddf = dd.from_pandas(releases, npartitions=1)
    with pytest.raises(ExtractionError, match=r"'b'.*errors='skip'"):
        extract_frame(ddf).compute()
    got = extract_frame(ddf, errors="skip").compute()
    assert set(got["release_id"]) == {"a", "c"}


@needs_dask
def test_wrong_inputs_are_refused_before_any_work() -> None:
    import dask.dataframe as dd
    import pandas as pd

    from tiedote.dask import extract_bag, extract_frame

    # Typed Any: these are the wrong inputs a caller without a type checker might pass.
    pandas_frame: Any = pd.DataFrame({"id": ["a"], "text": ["x"]})
    records: Any = [{"id": "a", "text": "x"}]
    unknown: Any = "ignore"
    with pytest.raises(InputTypeError, match="'text'"):
        extract_frame(dd.from_pandas(pd.DataFrame({"id": ["a"], "body": ["x"]}), npartitions=1))
    with pytest.raises(InputTypeError, match="dask.dataframe"):
        extract_frame(pandas_frame)
    with pytest.raises(InputTypeError, match="dask.bag"):
        extract_bag(records)
    with pytest.raises(InputTypeError, match="errors"):
        extract_frame(dd.from_pandas(pandas_frame, npartitions=1), errors=unknown)


def test_without_dask_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    from tiedote.dask import extract_bag, extract_frame

    monkeypatch.setitem(sys.modules, "dask.bag", None)  # what `import dask.bag` sees when it is not installed
    with pytest.raises(ImportError, match=r"tiedote\[dask\]"):
        extract_bag(None)  # type: ignore[arg-type]
    with pytest.raises(ImportError, match=r"tiedote\[dask\]"):
        extract_frame(None)  # type: ignore[arg-type]


# --- on a LocalCluster with two worker processes ------------------------------------------------


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None, silence_logs=40
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


@needs_dask
@needs_distributed
@pytest.mark.slow
def test_local_cluster_gives_the_claims_of_batch_jobs_1(client: Any, tmp_path: Path) -> None:
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd

    from tiedote.dask import extract_bag, extract_frame, worker_stats

    folder = release_folder(tmp_path)
    batch = run_batch_cli(folder, tmp_path / "tmp.jsonl")
    assert batch and all(r.error is None for r in batch)
    records = folder_records(folder)
    n = len(records)

    # A bag of JSONL-style records, one partition per release: the most tasks an extractor could be built in.
    got = extract_bag(db.from_sequence(records, npartitions=n)).compute()
    assert len(got) == len(batch)
    for g, w in zip(got, batch, strict=True):
        same_extraction(g, w)
    assert sum(len(r.claims) for r in got) == sum(len(r.claims) for r in batch) > 0

    # The folder's own items: identical results, every field.
    assert extract_bag(db.from_sequence(list(open_source(str(folder))), npartitions=3)).compute() == batch

    # A DataFrame of releases: the claims frame of the batch.
    releases = pd.DataFrame(records).assign(published=None)
    frame = extract_frame(dd.from_pandas(releases, npartitions=min(n, 4))).compute().reset_index(drop=True)
    pd.testing.assert_frame_equal(frame, to_frame(batch))

    # Two worker processes, neither of them this one, each built at most one extractor for all those tasks.
    stats = client.run(worker_stats)
    assert len(stats) == 2
    assert all(s["pid"] != os.getpid() for s in stats.values())
    assert all(s["extractors_built"] <= 1 for s in stats.values()), stats
    assert sum(s["extractors_built"] for s in stats.values()) >= 1


@needs_dask
@needs_distributed
@pytest.mark.slow
def test_local_cluster_writes_parquet_that_reads_back_as_the_batch(client: Any, tmp_path: Path) -> None:
    import dask.dataframe as dd
    import pandas as pd

    from tiedote.dask import extract_frame

    folder = write_releases(tmp_path / "releases")
    batch = run_batch_cli(folder, tmp_path / "batch.jsonl")
    releases = pd.DataFrame(folder_records(folder))
    extract_frame(dd.from_pandas(releases, npartitions=2)).to_parquet(tmp_path / "claims.parquet")
    back = pd.read_parquet(tmp_path / "claims.parquet").sort_values(["release_id", "seq"], kind="stable")
    want = to_frame(batch).sort_values(["release_id", "seq"], kind="stable")
    pd.testing.assert_frame_equal(back.reset_index(drop=True), want.reset_index(drop=True))
    assert json.loads(back["json"].iloc[0])["schema_version"] == 1
