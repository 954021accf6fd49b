"""The command line: help everywhere, one-line errors with documented statuses, the README's main job.

Commands run in-process through ``cli.main`` (what the console script calls)
with the fake extractor of test_batch, except the README job, which runs the
real one over ``fixtures/`` exactly as the README says.
"""

from __future__ import annotations

import io
import json
import shlex
import shutil
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from tests.test_batch import SRC, FakeExtractor, sqlite_rows, write_bad_files, write_releases
from tiedote.cli import main
from tiedote.io import batch as batch_module
from tiedote.io.results import ReleaseResult
from tiedote.models import Claim
from tiedote.schema import RECORDS, committed, generate

REPO = Path(__file__).parent.parent
RELEASE = (
    "Kelan puhelinpalvelussa hyvä tilanne\n\nJonotusaika on toukokuussa 2 minuuttia ja puheluita 40 000.\n"
)


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch_module, "default_extractor", FakeExtractor)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


# --- help and usage errors -------------------------------------------------------------------


@pytest.mark.parametrize("command", [[], ["extract"], ["batch"], ["schema"]])
def test_every_command_has_help_with_the_exit_statuses(
    capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    status, out, err = run(capsys, *command, "--help")
    assert status == 0 and err == ""
    assert out.startswith(f"Usage: tiedote {' '.join(command)}".rstrip())
    assert "Exit statuses:" in out and "130  interrupted" in out


def test_no_command_prints_help_and_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys)
    assert status == 2 and out == "" and "Commands:" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["frob"], "tiedote: error: No such command 'frob'. (see 'tiedote --help')"),
        (["batch"], "tiedote batch: error: Missing argument 'SOURCE...'. (see 'tiedote batch --help')"),
        (
            ["batch", "{tmp}"],
            "tiedote batch: error: Missing option '-o' / '--output'. (see 'tiedote batch --help')",
        ),
        (
            ["batch", "{tmp}/puuttuu", "-o", "{tmp}/a.sqlite"],
            (
                "tiedote batch: error: Invalid value for SOURCE: source '{tmp}/puuttuu' does not exist "
                "(see 'tiedote batch --help')"
            ),
        ),
        (
            ["batch", "{tmp}", "-o", "{tmp}/a.parquet"],
            (
                "tiedote batch: error: Invalid value for OUT: cannot tell the output format of '{tmp}/a.parquet'; "
                "give OUT a suffix: .jsonl, .csv, .sqlite, .sqlite3 or .db (see 'tiedote batch --help')"
            ),
        ),
        (
            ["batch", "{tmp}", "-o", "a.sqlite", "--jobs", "0"],
            (
                "tiedote batch: error: Invalid value for '-j' / '--jobs': 0 is not in the range x>=1. "
                "(see 'tiedote batch --help')"
            ),
        ),
        (
            ["batch", "{tmp}", "-o", "a.sqlite", "--published", "2020-13-01"],
            (
                "tiedote batch: error: Invalid value for '--published': '2020-13-01' is not a date "
                "(month must be in 1..12); give it as 2020-06-09, 9.6.2020, '9. kesäkuuta 2020' or "
                "2020-06-09T10:15+03:00 (see 'tiedote batch --help')"
            ),
        ),
        (
            ["batch", "{tmp}", "-o", "a.sqlite", "--max-bytes", "lots"],
            (
                "tiedote batch: error: Invalid value for '--max-bytes': 'lots' is not a size; "
                "give a positive byte count such as 500k or 10M (see 'tiedote batch --help')"
            ),
        ),
        (
            ["extract", "{tmp}/puuttuu.txt"],
            (
                "tiedote extract: error: Invalid value for FILE: '{tmp}/puuttuu.txt' is not a file "
                "(see 'tiedote extract --help')"
            ),
        ),
        (
            ["extract", "{tmp}/a.txt", "--format", "xml"],
            (
                "tiedote extract: error: Invalid value for '--format': 'xml' is not one of 'table', 'jsonl', 'json', 'csv'. "
                "(see 'tiedote extract --help')"
            ),
        ),
        (
            ["schema", "kaikki"],
            (
                "tiedote schema: error: Invalid value for '[RECORD]': 'kaikki' is not one of 'result', 'release', "
                "'claim'. (see 'tiedote schema --help')"
            ),
        ),
    ],
    ids=[
        "unknown-command",
        "no-source",
        "no-out",
        "missing-source",
        "unknown-out",
        "jobs-0",
        "bad-date",
        "bad-size",
        "missing-file",
        "bad-format",
        "bad-record",
    ],
)
def test_usage_errors_are_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str], message: str
) -> None:
    (tmp_path / "a.txt").write_text(RELEASE, encoding="utf-8")
    status, out, err = run(capsys, *(a.format(tmp=tmp_path) for a in args))
    assert (status, out) == (2, "")
    assert err == message.format(tmp=tmp_path) + "\n"


def test_out_that_is_not_a_tiedote_database_stops_with_status_3(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fake: None
) -> None:
    write_releases(tmp_path / "in", 1)
    (tmp_path / "muu.db").write_text("tämä ei ole tietokanta " * 50, encoding="utf-8")
    status, _out, err = run(capsys, "batch", str(tmp_path / "in"), "-o", str(tmp_path / "muu.db"))
    assert status == 3
    assert err.startswith(
        f"tiedote batch: error: cannot use {tmp_path / 'muu.db'} as a tiedote SQLite database"
    )
    assert err.count("\n") == 1


def test_extractor_that_cannot_be_built_stops_with_status_3(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> FakeExtractor:
        raise OSError("malli puuttuu")

    monkeypatch.setattr(batch_module, "default_extractor", broken)
    write_releases(tmp_path / "in", 1)
    status, _, err = run(capsys, "batch", str(tmp_path / "in"), "-o", str(tmp_path / "a.jsonl"), "-j", "1")
    assert status == 3
    assert err == "tiedote batch: error: cannot build the extractor: OSError: malli puuttuu\n"
    assert not (tmp_path / "a.jsonl").exists() and not (tmp_path / "a.jsonl.part").exists()
    status, out, err = run(capsys, "extract", str(tmp_path / "in" / "tiedote-000.txt"))
    assert (status, out) == (3, "")
    assert err == "tiedote extract: error: cannot build the extractor: OSError: malli puuttuu\n"


def test_python_dash_m_runs_the_same_cli() -> None:
    env = {"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-m", "tiedote", "--version"],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0 and done.stdout.startswith("tiedote, version ")


# --- extract ---------------------------------------------------------------------------------


def test_extract_formats(capsys: pytest.CaptureFixture[str], tmp_path: Path, fake: None) -> None:
    path = tmp_path / "kela.txt"
    path.write_text(RELEASE, encoding="utf-8")
    status, out, _ = run(capsys, "extract", str(path), "--published", "9.6.2020")
    assert status == 0 and out.count("\n") == 1
    record = ReleaseResult.model_validate_json(out)
    assert (record.id, record.published_source, str(record.published)) == ("kela.txt", "option", "2020-06-09")
    assert [c.quantity.span.text for c in record.claims] == ["2", "40", "000"]
    status, pretty, _ = run(capsys, "extract", str(path), "--published", "2020-06-09", "--format", "json")
    assert ReleaseResult.model_validate_json(pretty) == record and pretty.startswith("{\n  ")
    status, table, _ = run(capsys, "extract", str(path), "--format", "csv")
    assert table.splitlines()[0].startswith("release_id,published,date_source,title,claim_id,value,low,high,unit,")
    assert len(table.splitlines()) == 4


def test_extract_reads_stdin_and_sniffs_html(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, fake: None
) -> None:
    html = (
        "<!doctype html><html><head><title>Jonot lyhenivät</title>"
        '<meta property="article:published_time" content="2021-01-19"></head><body><article>'
        "<p>Hakemukset ratkaistiin joulukuussa keskimäärin 27 päivässä, kun marraskuussa "
        "käsittely kesti 32 päivää.</p></article></body></html>"
    )
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(html.encode())))
    status, out, _ = run(capsys, "extract", "-")
    record = ReleaseResult.model_validate_json(out)
    assert status == 0 and (record.id, record.published_source, str(record.published)) == (
        "-",
        "metadata",
        "2021-01-19",
    )
    assert record.text is not None and "<p>" not in record.text and "27 päivässä" in record.text
    for claim in record.claims:
        span = claim.quantity.span
        assert record.text[span.start : span.end] == span.text


def test_extract_of_a_bad_file_prints_the_error_record_and_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fake: None
) -> None:
    (tmp_path / "kuva.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    status, out, err = run(capsys, "extract", str(tmp_path / "kuva.txt"))
    assert status == 1
    assert json.loads(out)["error"] == "binary file (it holds NUL bytes); a release must be text or HTML"
    assert err == (
        f"tiedote extract: error: {tmp_path / 'kuva.txt'}: binary file (it holds NUL bytes); "
        "a release must be text or HTML\n"
    )


# --- batch -----------------------------------------------------------------------------------


def hostile_archive(path: Path) -> dict[str, str]:
    """A zip holding every bad kind of the issue beside good releases; returns the expected errors."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("hyvat/kela.txt", RELEASE)
        z.writestr("hyvat/sivu.html", f"<html><body><article><p>{RELEASE}</p></article></body></html>")
        z.writestr("hyvat/kirjasto.md", "# Lainaus kasvoi\n\nHelsinki 5.3.2019 – Lainoja oli 1 300 000.\n")
        z.writestr("huonot/binaari.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
        z.writestr("huonot/tyhja.txt", b"")
        z.writestr("huonot/latin1.txt", "Väkiluku kasvoi 6 057 asukkaalla.".encode("latin-1"))
        z.writestr("huonot/iso.txt", "Luku 7. " * 20_000)  # 160 kB, over --max-bytes 100k
        z.writestr("huonot/pommi.txt", b"7" * 5_000_000)
        z.writestr("../../ohi.txt", RELEASE)
        z.writestr("huonot/rikki.txt", "Tämä jäsen rikotaan. " * 100)
        z.writestr("ei-julkaisu.pdf", b"%PDF-1.4")
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("huonot/rikki.txt")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for k in range(start + 3, start + 30):
        data[k] ^= 0x5A
    path.write_bytes(bytes(data))
    return {
        "huonot/binaari.txt": "binary file (it holds NUL bytes); a release must be text or HTML",
        "huonot/tyhja.txt": "empty file",
        "huonot/latin1.txt": "not valid UTF-8 (byte 0xe4 at offset 1); save the file as UTF-8, "
        "or name its encoding with --encoding (latin-1 for old archives)",
        "huonot/iso.txt": "over the size limit: 160000 bytes, limit 100000 (raise it with --max-bytes)",
        "huonot/pommi.txt": "over the size limit: 5000000 bytes, limit 100000 (raise it with --max-bytes)",
        "../../ohi.txt": "unsafe member path '../../ohi.txt': climbs out with '..'; not read",
        "huonot/rikki.txt": "broken zip member: ",
    }


def test_hostile_archive_every_bad_item_reported_every_good_one_extracted(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fake: None
) -> None:
    # Two sources: the archive's path-made ids carry its name (issue 19), the JSONL record's id is kept.
    expected = {f"vihamielinen.zip/{k}": v for k, v in hostile_archive(tmp_path / "vihamielinen.zip").items()}
    (tmp_path / "rivit.jsonl").write_text(
        json.dumps({"id": "jsonl-hyva", "text": "Kävijöitä oli 870 000.", "published": "2019-03-19"})
        + "\n{ei jsonia\n",
        encoding="utf-8",
    )
    out = tmp_path / "out" / "claims.sqlite"
    before = sorted(p.name for p in tmp_path.iterdir())
    status, _, err = run(
        capsys,
        "batch",
        str(tmp_path / "vihamielinen.zip"),
        str(tmp_path / "rivit.jsonl"),
        "-o",
        str(out),
        "--max-bytes",
        "100k",
        "-j",
        "1",
    )
    assert status == 1
    assert err.startswith("tiedote batch: 4 releases, ") and ", 8 errors (errors table of " in err
    db = sqlite3.connect(out)
    got = dict(db.execute("SELECT release_id, reason FROM errors").fetchall())
    assert got.pop("rivit.jsonl:2").startswith("line 2: not valid JSON")
    rikki = "vihamielinen.zip/huonot/rikki.txt"
    assert got.pop(rikki).startswith(expected.pop(rikki))
    assert got == expected
    releases = dict(db.execute("SELECT id, n_claims FROM releases").fetchall())
    assert set(releases) == {
        "vihamielinen.zip/hyvat/kela.txt", "vihamielinen.zip/hyvat/sivu.html", "vihamielinen.zip/hyvat/kirjasto.md",
        "jsonl-hyva",
    }  # fmt: skip
    assert all(n > 0 for n in releases.values())
    # Nothing was written outside OUT's folder: the archive was never unpacked.
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*before, "out"])
    assert not (tmp_path.parent / "ohi.txt").exists()


def test_csv_batch_lists_errors_on_stderr(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fake: None
) -> None:
    write_releases(tmp_path / "in", 2)
    write_bad_files(tmp_path / "in")
    status, _, err = run(capsys, "batch", str(tmp_path / "in"), "-o", str(tmp_path / "a.csv"), "-j", "1")
    assert status == 1
    lines = err.splitlines()
    assert lines[:3] == [
        (
            f"tiedote batch: {tmp_path / 'in' / 'binaari.txt'}: binary file (it holds NUL bytes); "
            "a release must be text or HTML"
        ),
        (
            f"tiedote batch: {tmp_path / 'in' / 'latin1.txt'}: not valid UTF-8 (byte 0xe4 at offset 1); "
            "save the file as UTF-8, or name its encoding with --encoding (latin-1 for old archives)"
        ),
        f"tiedote batch: {tmp_path / 'in' / 'tyhja.txt'}: empty file",
    ]
    assert len(lines) == 4 and "3 errors (listed above;" in lines[3]
    rows = (tmp_path / "a.csv").read_text("utf-8").splitlines()
    assert rows[0].startswith("release_id,published,date_source,title,claim_id,") and len(rows) > 2


def test_no_progress_bar_unless_stderr_is_a_terminal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fake: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_releases(tmp_path / "in", 3)
    status, _, err = run(capsys, "batch", str(tmp_path / "in"), "-o", str(tmp_path / "a.jsonl"), "-j", "1")
    assert status == 0 and err.count("\n") == 1 and "\r" not in err
    status, _, err = run(
        capsys, "batch", str(tmp_path / "in"), "-o", str(tmp_path / "b.jsonl"), "-j", "1", "-q"
    )
    assert (status, err) == (0, "")

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["batch", str(tmp_path / "in"), "-o", str(tmp_path / "c.jsonl"), "-j", "1"]) == 0
    bar = terminal.getvalue()
    assert "3/3" in bar and "claims=" in bar and "errors=0" in bar


def test_rerun_into_sqlite_reports_what_was_already_done(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fake: None
) -> None:
    write_releases(tmp_path / "in", 3)
    out = str(tmp_path / "a.sqlite")
    assert run(capsys, "batch", str(tmp_path / "in"), "-o", out, "-j", "1")[0] == 0
    status, _, err = run(capsys, "batch", str(tmp_path / "in"), "-o", out, "-j", "1")
    assert status == 0 and "0 releases, 0 claims, 0 errors, 3 already done" in err


# --- schema ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(RECORDS))
def test_committed_schema_equals_what_the_models_generate(name: str) -> None:
    assert committed(name) == generate(name), "regenerate with: python -m tiedote.schema"


def test_schema_command_prints_the_result_schema(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "schema")
    schema = json.loads(out)
    assert status == 0 and schema["title"] == "ReleaseResult"
    assert {"id", "published_source", "text", "claims", "error", "tiedote_version"} <= set(
        schema["properties"]
    )
    status, out, _ = run(capsys, "schema", "claim")
    assert json.loads(out)["title"] == Claim.__name__


# --- the README's main job, with the real extractor -------------------------------------------


def test_readme_main_job_and_jobs_do_not_change_the_output(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    try:
        batch_module.default_extractor()
    except Exception as exc:  # noqa: BLE001 - the library half may be mid-change in a shared tree
        pytest.skip(f"the real extractor cannot be built here: {exc}")
    shutil.copytree(REPO / "fixtures", tmp_path / "fixtures")
    monkeypatch.chdir(tmp_path)
    releases = sorted(p.name for p in (tmp_path / "fixtures").glob("*.txt"))

    started = time.monotonic()
    status, _, err = run(capsys, "batch", "fixtures/", "-o", "out/claims.sqlite")  # the README's command
    default_seconds = time.monotonic() - started
    assert status == 0, err
    db = sqlite3.connect("out/claims.sqlite")
    query = (
        "SELECT release_id, value, unit, qualifier, statistic, rate, period_start, period_end, measure "
        "FROM claims ORDER BY release_id, number_start LIMIT 20"
    )
    assert len(db.execute(query).fetchall()) == 20
    assert [r[0] for r in db.execute("SELECT id FROM releases ORDER BY id")] == releases
    assert db.execute("SELECT count(*) FROM errors").fetchone() == (0,)
    for text, start, end, number in db.execute(
        "SELECT r.text, c.number_start, c.number_end, c.number_text FROM claims c JOIN releases r ON r.id = c.release_id"
    ):
        assert text[start:end] == number
    # The README's sqlite3 line, taken from the README itself: the query with a header (issue 19).
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    [line] = [ln for ln in readme.splitlines() if ln.startswith("python3 -m venv") and "sqlite3" in ln]
    command = shlex.split(line.split("&& sqlite3 ", 1)[1])
    assert command[:3] == ["-header", "-column", "out/claims.sqlite"] and command[3] == query
    if shutil.which("sqlite3"):  # as a user runs it
        shown = subprocess.run(["sqlite3", *command], capture_output=True, text=True, check=True)
        lines = shown.stdout.splitlines()
        assert lines[0].split()[:3] == ["release_id", "value", "unit"] and len(lines) == 22

    other = "1" if batch_module.default_jobs() > 1 else "2"
    started = time.monotonic()
    assert run(capsys, "batch", "fixtures/", "-o", "out/other.sqlite", "--jobs", other)[0] == 0
    other_seconds = time.monotonic() - started
    assert sqlite_rows(tmp_path / "out/claims.sqlite") == sqlite_rows(tmp_path / "out/other.sqlite")
    print(
        f"fixtures/ ({len(releases)} releases): default --jobs {batch_module.default_jobs()} "
        f"{default_seconds:.1f} s, --jobs {other} {other_seconds:.1f} s (cold extractors included)"
    )


def test_max_bytes_above_the_extractors_limit_raises_that_limit_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[int | None] = []

    def recording(max_chars: int | None = None, parser: str | None = None) -> FakeExtractor:
        asked.append(max_chars)
        return FakeExtractor()

    monkeypatch.setattr(batch_module, "default_extractor", recording)
    write_releases(tmp_path / "in", 1)
    for size in ("1M", "3M"):
        assert run(capsys, "batch", str(tmp_path / "in"), "-o", str(tmp_path / f"{size}.jsonl"), "-j", "1",
                   "--max-bytes", size)[0] == 0  # fmt: skip
    assert asked == [None, 3_000_000]
