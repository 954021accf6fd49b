"""``tiedote report`` without a browser: the files of the site, its counts, failed releases on the index."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from tiedote.cli import main
from tiedote.report import build_site, slug

TEXTS = {
    # Invented releases: two of one measure, so the series has claims from both.
    "uimahalli-2023.txt": "Uimahallin kävijät\n\nTammikuussa uimahallissa kävi 21 000 asiakasta. Helmikuussa "
                          "kävijöitä oli 19 500 ja maaliskuussa noin 23 000.",
    "uimahalli-2024.txt": "Uimahallin kävijät kasvoivat\n\nTammikuussa uimahallissa kävi 24 000 asiakasta.",
}


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    src = tmp_path / "tiedotteet"
    src.mkdir()
    for name, text in TEXTS.items():
        (src / name).write_text(text, encoding="utf-8")
    (src / "tyhja.txt").write_bytes(b"")
    db = tmp_path / "out.sqlite"
    assert main(["batch", str(src), "-o", str(db), "-q", "--jobs", "1", "--published", "2024-04-02"]) == 1
    return db


@pytest.mark.parametrize("command", ["review", "report", "series"])
def test_new_commands_have_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, "--help"]) == 0
    out = capsys.readouterr().out
    assert "Exit statuses:" in out and f"tiedote {command}" in out


def test_site_files_and_index(archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    assert main(["report", str(archive), "-o", str(site)]) == 0
    assert re.fullmatch(r"tiedote report: 2 releases, 1 errors, \d+ series \(\d+ charts\) in .*; [\d.]+ s\n",
                        capsys.readouterr().err)
    db = sqlite3.connect(archive)
    ids = [r[0] for r in db.execute("SELECT id FROM releases")]
    index = (site / "index.html").read_text(encoding="utf-8")
    for release_id in ids:
        page = site / "releases" / f"{slug(release_id)}.html"
        assert f'href="releases/{page.name}"' in index
        html = page.read_text(encoding="utf-8")
        for (claim_id,) in db.execute("SELECT claim_id FROM claims WHERE release_id = ?", (release_id,)):
            assert html.count(f'data-claim-id="{claim_id}"') == 1
    assert "tyhja.txt" in index and "empty" in index, "a failed release is a row of the index"
    assert "2 releases · " in index and " · 1 errors" in index


def test_site_without_charts_or_explain(archive: Path, tmp_path: Path) -> None:
    stats = build_site(str(archive), tmp_path / "s", explain=False, charts=False)
    assert stats.charts == 0 and stats.releases == 2
    pages = [p.read_text(encoding="utf-8") for p in stats.pages]
    assert not any('class="nc" data-at' in p for p in pages)
    assert all("<svg" not in p for p in pages)


def test_slugs_are_file_names_and_apart() -> None:
    names = {slug(n) for n in ("a/b.txt", "a-b.txt", "a b.txt", "../../etc", "käynti")}
    assert len(names) == 5
    assert all(re.fullmatch(r"[\w.-]+", n) and not n.startswith(".") for n in names)
