"""What a new user met on the first day (issue 19, item 9): a readable ``extract``, CSV columns and
Excel, ``batch -``, ``--encoding``, ids across sources, ``--verbose``; and ``--published`` text dates.

Run in-process through ``cli.main`` with the real extractor (small inputs).
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import sys
import zipfile
from pathlib import Path

import pytest

from tiedote.cli import main

RELEASE = (
    "TIEDOTE 9.6.2020\nNeuvonnan jonot lyhenivät\n\n"
    "Toukokuussa Koivulan neuvonnassa vastattiin keskimäärin 4 200,5 puheluun viikossa.\n"
)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_extract_prints_a_table_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "r.txt"
    path.write_text(RELEASE, encoding="utf-8")
    screen = _Tty()
    monkeypatch.setattr(sys, "stdout", screen)
    assert main(["extract", str(path)]) == 0
    lines = screen.getvalue().splitlines()
    assert lines[0] == "r.txt  published 2020-06-09 (text)  Neuvonnan jonot lyhenivät"
    assert lines[1].split() == [
        "value", "unit", "qualifier", "statistic", "rate", "period", "measure", "subject", "source"
    ]  # fmt: skip
    assert lines[2].split()[:7] == [
        "4200.5",
        "count",
        "exact",
        "mean",
        "week",
        "2020-05-01..2020-05-31",
        "puhelu",
    ]
    assert lines[-1] == "1 claims"


def test_extract_is_jsonl_when_piped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "r.txt"
    path.write_text(RELEASE, encoding="utf-8")
    status, out, _ = run(capsys, "extract", str(path))
    assert status == 0 and json.loads(out)["title"] == "Neuvonnan jonot lyhenivät"


def test_batch_csv_has_the_release_date_and_title(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "r.txt").write_text(RELEASE, encoding="utf-8")
    status, _, _ = run(capsys, "batch", str(tmp_path / "in"), "-o", str(tmp_path / "c.csv"), "-j", "1", "-q")
    assert status == 0
    [row] = list(csv.DictReader((tmp_path / "c.csv").open(encoding="utf-8", newline="")))
    assert (row["published"], row["date_source"], row["title"]) == (
        "2020-06-09",
        "text",
        "Neuvonnan jonot lyhenivät",
    )
    assert row["value"] == "4200.5"


def test_excel_csv_is_bom_semicolons_and_decimal_commas(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "r.txt").write_text(RELEASE, encoding="utf-8")
    out = tmp_path / "c.csv"
    assert run(capsys, "batch", str(tmp_path / "in"), "-o", str(out), "-j", "1", "-q", "--excel")[0] == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfrelease_id;published;date_source;title;claim_id;")
    [row] = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert row["value"] == "4200,5" and row["title"] == "Neuvonnan jonot lyhenivät"
    status, _, err = run(capsys, "batch", str(tmp_path / "in"), "-o", str(tmp_path / "c.jsonl"), "--excel")
    assert status == 2 and "--excel is for a .csv OUT" in err


def test_batch_reads_jsonl_from_stdin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = [
        {"id": "a", "text": RELEASE},
        {"id": "b", "text": "Kesäkuussa 7 kävijää.", "published": "9.6.2020"},
    ]
    stdin = io.TextIOWrapper(io.BytesIO("".join(json.dumps(r) + "\n" for r in lines).encode()))
    monkeypatch.setattr(sys, "stdin", stdin)
    out = tmp_path / "o.sqlite"
    status, _, err = run(capsys, "batch", "-", "-o", str(out), "-j", "1")
    assert status == 0, err
    with sqlite3.connect(out) as db:
        rows = db.execute("SELECT id, source, published, date_source FROM releases ORDER BY id").fetchall()
    assert rows == [("a", "-", "2020-06-09", "text"), ("b", "-", "2020-06-09", "given")]


def test_encoding_reads_a_latin1_archive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "vanha.txt").write_bytes(RELEASE.replace("lyhenivät", "lyheni").encode("latin-1"))
    out = tmp_path / "o.jsonl"
    status, _, _ = run(capsys, "batch", str(tmp_path / "in"), "-o", str(out), "-j", "1", "-q")
    assert status == 1  # refused without --encoding, with the way out in its reason
    assert "--encoding" in json.loads(out.read_text(encoding="utf-8"))["error"]
    status, _, _ = run(
        capsys, "batch", str(tmp_path / "in"), "-o", str(out), "-j", "1", "-q", "--encoding", "latin-1"
    )
    result = json.loads(out.read_text(encoding="utf-8"))
    assert status == 0 and result["title"] == "Neuvonnan jonot lyheni" and "ä" in result["text"]
    status, _, err = run(capsys, "batch", str(tmp_path / "in"), "-o", str(out), "--encoding", "klingon")
    assert status == 2 and "no encoding Python knows" in err


def test_the_same_path_in_a_folder_and_a_zip_is_two_releases(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "kansio").mkdir()
    (tmp_path / "kansio" / "r.txt").write_text(RELEASE, encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "arkisto.zip", "w") as z:
        z.writestr("r.txt", RELEASE.replace("4 200,5", "5 100"))
    out = tmp_path / "o.sqlite"
    status, _, err = run(
        capsys, "batch", str(tmp_path / "kansio"), str(tmp_path / "arkisto.zip"), "-o", str(out), "-j", "1"
    )
    assert status == 0, err
    with sqlite3.connect(out) as db:
        ids = [r[0] for r in db.execute("SELECT id FROM releases ORDER BY id")]
    assert ids == ["arkisto.zip/r.txt", "kansio/r.txt"]


def test_verbose_names_the_files_passed_over(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "r.txt").write_text(RELEASE, encoding="utf-8")
    (tmp_path / "in" / "kuva.png").write_bytes(b"\x89PNG")
    (tmp_path / "in" / "taulukko.xlsx").write_bytes(b"PK")
    out = str(tmp_path / "o.jsonl")
    _, _, err = run(capsys, "batch", str(tmp_path / "in"), "-o", out, "-j", "1")
    assert "2 other files passed over (--verbose names them)" in err and "kuva.png" not in err
    _, _, err = run(capsys, "batch", str(tmp_path / "in"), "-o", out, "-j", "1", "--verbose")
    assert f"passed over (no release by its name): {tmp_path / 'in' / 'kuva.png'}" in err
    assert f"passed over (no release by its name): {tmp_path / 'in' / 'taulukko.xlsx'}" in err


@pytest.mark.parametrize("given", ["9. kesäkuuta 2020", "2020-06-09T10:15+03:00", "9.6.2020"])
def test_published_option_takes_finnish_and_iso_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], given: str
) -> None:
    path = tmp_path / "r.txt"
    path.write_text("Toukokuussa vastattiin 40 000 puheluun.", encoding="utf-8")
    status, out, _ = run(capsys, "extract", str(path), "--published", given, "--format", "json")
    result = json.loads(out)
    assert status == 0 and (result["published"], result["date_source"]) == ("2020-06-09", "given")
    assert result["claims"][0]["period"]["start"] == "2020-05-01"
