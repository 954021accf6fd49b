"""The batch runner: order, --jobs independence, duplicates, resume, kill -9 and rerun.

Most tests use ``FakeExtractor`` (one claim per digit run) so they test the
runner, not the extraction, and stay fast; test_cli's README job compares
--jobs with the real extractor.  The fakes live here, at module level, because worker
processes import them by name.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.util
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from tiedote.claims.syntax import PARSER
from tiedote.io import batch, workers
from tiedote.io.batch import CHUNK_ITEMS, Stats, process_chunk, run_batch
from tiedote.io.sinks import JsonlSink, SqliteSink
from tiedote.io.sources import Item, open_source
from tiedote.models import Claim, Quantity, Span

TESTS = Path(__file__).parent
SRC = TESTS.parent / "src"


class FakeExtractor:
    """One claim per run of digits; deterministic, instant, no spaCy."""

    def __init__(self, max_chars: int | None = None) -> None:
        self.delay = float(os.environ.get("TIEDOTE_TEST_DELAY", "0"))

    def extract(self, text: str, *, published: dt.date | None = None) -> list[Claim]:
        if "KAATUU" in text:  # a text the fake cannot take: the batch must record it and go on
            raise ValueError("fake extractor fails on purpose")
        if self.delay:
            time.sleep(self.delay)
        claims = []
        for m in re.finditer(r"\d+", text):
            span = Span.of(text, m.start(), m.end())
            claims.append(
                Claim(
                    id=f"fake-{m.start()}-{published}",
                    quantity=Quantity(value=int(m.group()), span=span),
                    sentence=span,
                    rules=("fake.digits",),
                )
            )
        return claims

    def extract_many(
        self, items: Iterable[tuple[str, dt.date | None]], *, batch_size: int = 32
    ) -> Iterator[list[Claim]]:
        for text, published in items:
            yield self.extract(text, published=published)


def write_releases(folder: Path, n: int, *, start: int = 0) -> list[Path]:
    """``n`` small Finnish releases with distinct figures, plus nothing else."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + n):
        path = folder / f"tiedote-{i:03d}.txt"
        path.write_text(
            f"Kirjaston lainaukset kasvoivat\n\nHelsinki {1 + i % 28}.3.2019 – Kirjastossa lainattiin "
            f"helmikuussa {1000 + i} kirjaa, mikä on {i % 9 + 1} prosenttia enemmän kuin vuotta aiemmin.\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def write_bad_files(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "binaari.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "tyhja.txt").write_bytes(b"")
    (folder / "latin1.txt").write_bytes("Väkiluku kasvoi 6 057 asukkaalla.".encode("latin-1"))


def sqlite_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows, sorted, without the timestamps (which differ from run to run by nature)."""
    db = sqlite3.connect(path)
    try:
        tables = {}
        for table, skip in (("releases", "extracted_at"), ("claims", ""), ("errors", "recorded_at")):
            columns = [r[1] for r in db.execute(f"PRAGMA table_info({table})") if r[1] != skip]
            rows = db.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
            tables[table] = sorted(rows, key=repr)
        return tables
    finally:
        db.close()


def run(sources: list[Path], out: Path, **kwargs: object) -> Stats:
    opened = [open_source(str(s)) for s in sources]
    sink = SqliteSink(str(out)) if out.suffix == ".sqlite" else JsonlSink(str(out))
    kwargs.setdefault("factory", FakeExtractor)
    with sink:
        return run_batch(opened, sink, **kwargs)  # type: ignore[arg-type]


def test_results_come_in_source_order_with_errors_in_place(tmp_path: Path) -> None:
    write_releases(tmp_path / "in", 3)
    write_bad_files(tmp_path / "in")
    stats = run([tmp_path / "in"], tmp_path / "out.jsonl")
    lines = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()]
    assert [r["id"] for r in lines] == [
        "binaari.txt",
        "latin1.txt",
        "tiedote-000.txt",
        "tiedote-001.txt",
        "tiedote-002.txt",
        "tyhja.txt",
    ]
    assert [bool(r["error"]) for r in lines] == [True, True, False, False, False, True]
    assert (stats.releases, stats.errors) == (3, 3)
    first = lines[2]
    assert first["published"] == "2019-03-01" and first["published_source"] == "dateline"
    assert first["title"] == "Kirjaston lainaukset kasvoivat"
    for claim in first["claims"]:
        span = claim["quantity"]["span"]
        assert first["text"][span["start"] : span["end"]] == span["text"]


def test_one_failing_text_does_not_spoil_its_chunk(tmp_path: Path) -> None:
    write_releases(tmp_path / "in", 4)
    (tmp_path / "in" / "tiedote-001.txt").write_text("Tämä KAATUU 12 kertaa.", encoding="utf-8")
    run([tmp_path / "in"], tmp_path / "out.jsonl")
    lines = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()]
    assert [r["error"] for r in lines] == [
        None,
        "extraction failed: ValueError: fake extractor fails on purpose",
        None,
        None,
    ]
    assert all(r["claims"] for r in lines if r["error"] is None)


def test_duplicate_ids_across_sources_are_errors_not_overwrites(tmp_path: Path) -> None:
    write_releases(tmp_path / "a", 2)
    write_releases(tmp_path / "b", 1)
    stats = run([tmp_path / "a", tmp_path / "b"], tmp_path / "out.sqlite")
    assert (stats.releases, stats.errors) == (2, 1)
    rows = sqlite_rows(tmp_path / "out.sqlite")
    [error] = rows["errors"]
    assert error[:2] == (str(tmp_path / "b" / "tiedote-000.txt"), "tiedote-000.txt")
    assert "duplicate release id 'tiedote-000.txt': already read from" in str(error[3])
    assert {r[0] for r in rows["releases"]} == {"tiedote-000.txt", "tiedote-001.txt"}
    # Again: the first copy is skipped as done, the second is still a duplicate; nothing changes.
    again = run([tmp_path / "a", tmp_path / "b"], tmp_path / "out.sqlite")
    assert (again.resumed, again.errors) == (2, 1)
    assert sqlite_rows(tmp_path / "out.sqlite") == rows


def test_rerun_skips_done_releases_and_redoes_changed_ones(tmp_path: Path) -> None:
    paths = write_releases(tmp_path / "in", 5)
    first = run([tmp_path / "in"], tmp_path / "out.sqlite")
    assert (first.releases, first.resumed) == (5, 0)
    paths[2].write_text("Muutettu tiedote: 77 kävijää.", encoding="utf-8")
    (tmp_path / "in" / "tyhja.txt").write_bytes(b"")
    second = run([tmp_path / "in"], tmp_path / "out.sqlite")
    assert (second.releases, second.resumed, second.errors) == (1, 4, 1)
    db = sqlite3.connect(tmp_path / "out.sqlite")
    assert db.execute("SELECT value FROM claims WHERE release_id = 'tiedote-002.txt'").fetchall() == [(77,)]
    # The empty file becomes a release: its error row goes, its release row comes.
    (tmp_path / "in" / "tyhja.txt").write_text("Nyt 5 riviä.", encoding="utf-8")
    third = run([tmp_path / "in"], tmp_path / "out.sqlite")
    assert (third.releases, third.resumed, third.errors) == (1, 5, 0)
    assert db.execute("SELECT count(*) FROM errors").fetchone() == (0,)
    assert db.execute("SELECT count(*) FROM releases").fetchone() == (6,)


def test_rerun_redoes_releases_whose_fallback_date_changed(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ilman-paivaa.txt").write_text("Toukokuussa 40 puhelua.", encoding="utf-8")
    write_releases(tmp_path / "in", 1)  # has a dateline: the fallback does not concern it
    run([tmp_path / "in"], tmp_path / "out.sqlite")
    again = run([tmp_path / "in"], tmp_path / "out.sqlite", fallback=dt.date(2020, 6, 9))
    assert (again.releases, again.resumed) == (1, 1)
    same = run([tmp_path / "in"], tmp_path / "out.sqlite", fallback=dt.date(2020, 6, 9))
    assert (same.releases, same.resumed) == (0, 2)
    db = sqlite3.connect(tmp_path / "out.sqlite")
    assert db.execute(
        "SELECT published, published_source FROM releases WHERE id = 'ilman-paivaa.txt'"
    ).fetchone() == ("2020-06-09", "option")


@pytest.mark.slow
def test_jobs_1_and_2_write_identical_output_with_the_fake(tmp_path: Path) -> None:
    # More than two chunks per worker, so the window really fills and drains.
    write_releases(tmp_path / "in", CHUNK_ITEMS * 5 + 3)
    write_bad_files(tmp_path / "in")
    run([tmp_path / "in"], tmp_path / "one.jsonl", jobs=1)
    run([tmp_path / "in"], tmp_path / "two.jsonl", jobs=2)
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
    run([tmp_path / "in"], tmp_path / "one.sqlite", jobs=1)
    run([tmp_path / "in"], tmp_path / "two.sqlite", jobs=2)
    assert sqlite_rows(tmp_path / "one.sqlite") == sqlite_rows(tmp_path / "two.sqlite")


def test_in_flight_work_is_bounded_however_long_the_source(tmp_path: Path) -> None:
    """Memory stays flat: the runner reads ahead at most 2 × jobs chunks (plus the one being cut)."""

    class Counting:
        path = "counting"
        skipped = 0
        read = 0

        def __iter__(self) -> Iterator[Item]:
            for i in range(CHUNK_ITEMS * 20):
                self.read += 1
                yield Item.of_bytes(f"r{i}", "counting", f"counting:{i}", "text", f"Rivi {i}.".encode())

    source = Counting()
    worst = 0

    def progress(stats: Stats, done: int) -> None:
        nonlocal worst
        worst = max(worst, source.read - (stats.releases + stats.errors))

    sink = JsonlSink(str(tmp_path / "out.jsonl"))
    with sink:
        run_batch([source], sink, jobs=2, factory=FakeExtractor, progress=progress)  # type: ignore[list-item]
    assert worst <= CHUNK_ITEMS * (2 * 2 + 1)


def test_process_chunk_turns_every_failure_into_an_error_result() -> None:
    items = [
        Item.of_bytes("ok", "s", "s/ok", "text", b"Luku 12."),
        Item.failed("bad", "s", "s/bad", "broken zip member: BadZipFile: Bad CRC-32"),
        Item.of_bytes("bin", "s", "s/bin", "text", b"\x00\x01"),
    ]
    results = process_chunk(items, FakeExtractor(), None)
    assert [(r.id, r.error) for r in results] == [
        ("ok", None),
        ("bad", "broken zip member: BadZipFile: Bad CRC-32"),
        ("bin", "binary file (it holds NUL bytes); a release must be text or HTML"),
    ]
    assert results[0].content_hash == items[0].content_hash


KILL_SCRIPT = """
import sys
sys.path[:0] = [{repo!r}, {src!r}]
import tests.test_batch
import tiedote.io.batch
tiedote.io.batch.default_extractor = tests.test_batch.FakeExtractor
from tiedote.cli import main
if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
"""


def _cli(script: Path, *args: str, delay: float) -> subprocess.Popen[bytes]:
    env = {**os.environ, "TIEDOTE_TEST_DELAY": str(delay), "PYTHONPATH": str(SRC)}
    return subprocess.Popen(
        [sys.executable, str(script), "batch", *args, "-q"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _count(db_path: Path) -> int:
    try:
        db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=0.1)
        try:
            return int(db.execute("SELECT count(*) FROM releases").fetchone()[0])
        finally:
            db.close()
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_kill_9_then_rerun_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_releases(folder, 40)
    write_bad_files(folder)
    script = tmp_path / "tiedote_cli.py"
    script.write_text(KILL_SCRIPT.format(repo=str(TESTS.parent), src=str(SRC)), encoding="utf-8")

    # The uninterrupted run, in-process: the same runner and sink the CLI drives.
    reference = tmp_path / "reference.sqlite"
    assert run([folder], reference, jobs=1).errors == 3

    killed = tmp_path / "killed.sqlite"
    # Killed twice, at different depths, once with workers and once without, with small
    # transactions so that commits are under way when the kill lands.
    for at_least, jobs in ((5, "2"), (15, "1")):
        proc = _cli(script, str(folder), "-o", str(killed), "--jobs", jobs, "--commit-every", "3", delay=0.05)
        deadline = time.monotonic() + 60
        while _count(killed) < at_least and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert proc.poll() is None, "the run ended before it could be killed; slow the fake down"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        assert at_least <= _count(killed) < 40
    rerun = _cli(script, str(folder), "-o", str(killed), "--jobs", "1", delay=0)
    assert rerun.wait(timeout=60) == 1, rerun.communicate()[1].decode()

    assert sqlite_rows(killed) == sqlite_rows(reference)
    counts = {table: len(rows) for table, rows in sqlite_rows(reference).items()}
    assert counts["releases"] == 40 and counts["errors"] == 3 and counts["claims"] > 40


@pytest.mark.parametrize(
    ("factory", "warm"),
    [
        (batch.default_extractor, True),
        (functools.partial(batch.default_extractor, max_chars=5_000_000), True),  # --max-bytes 5M
        (FakeExtractor, False),
        (functools.partial(FakeExtractor, max_chars=10), False),
    ],
)
def test_forkserver_is_warmed_only_for_the_librarys_own_extractor(factory: object, warm: bool) -> None:
    # A fake's run must not pay for building the real engine in the forkserver.
    assert workers._uses_default_extractor(factory) is warm  # type: ignore[arg-type]


def _python(code: str, **env: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code],
        check=False,
        env={**os.environ, "PYTHONPATH": str(SRC), **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_the_cli_launches_the_forkserver_before_loading_the_models() -> None:
    """Importing the CLI and the runner loads no pydantic, so the forkserver starts ~0.2 s earlier."""
    loaded = (
        "sorted(m for m in sys.modules if m.startswith(('pydantic', 'tiedote.models', 'tiedote.io.results')))"
    )
    code = f"import sys, tiedote.cli; print({loaded})"
    assert _python(code) == "[]"


@pytest.mark.slow
def test_the_warm_forkserver_builds_the_engine_and_hides_its_flag_from_workers() -> None:
    # What the forkserver's preload does when start_forkserver launched it for the default extractor.
    code = (
        "import gc, os, sys, tiedote.io.workers; "
        "print('tiedote.api' in sys.modules, gc.get_freeze_count() > 0, os.environ.get(tiedote.io.workers._WARM_ENV))"
    )
    # the flag names the reading: "-" the fast one, else the parser package to load before forking
    assert _python(code, TIEDOTE_BATCH_WARM_FORKSERVER="-") == "True True None"
    assert _python(code) == "False False None"
    loaded = ("import os, tiedote.io.workers; from tiedote.claims.syntax import _load; "
              "print(_load.cache_info().currsize, os.environ.get(tiedote.io.workers._WARM_ENV))")
    assert _python(loaded, TIEDOTE_BATCH_WARM_FORKSERVER="-") == "0 None"
    if importlib.util.find_spec(PARSER) is not None:
        assert _python(loaded, TIEDOTE_BATCH_WARM_FORKSERVER=PARSER) == "1 None"
