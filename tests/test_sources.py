"""Reading releases: folders, files, zip, tar, JSONL; decoding, HTML, datelines, date precedence.

Hostile inputs are built here at run time (in tmp_path), never committed as
binaries; every bad kind must come out as an error item with a clear reason.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import tarfile
import zipfile
from pathlib import Path

import pytest

from tiedote.errors import SourceError
from tiedote.io.sources import Item, UnsupportedSourceError, open_source, release_kind
from tiedote.io.sources.archives import unsafe_name
from tiedote.io.sources.decode import decode_text, find_dateline, first_line_title, prepare

RELEASE = "Kelan puhelinpalvelussa hyvä tilanne\n\nHelsinki 9.6.2020 – Jonotusaika on 2 minuuttia.\n"
HTML = """<!doctype html><html lang="fi"><head><meta charset="utf-8">
<title>Kirjastossa lainattiin 1,2 miljoonaa kirjaa | Kaupunki</title>
<meta property="article:published_time" content="2019-03-05T09:00:00+02:00">
<link rel="canonical" href="https://esimerkki.fi/uutiset/lainaus"></head>
<body><nav>Etusivu · Uutiset · Yhteystiedot</nav>
<article><h1>Kirjastossa lainattiin 1,2 miljoonaa kirjaa</h1>
<p>Kaupunginkirjastossa lainattiin viime vuonna noin 1,2 miljoonaa kirjaa. Määrä on kolme prosenttia
enemmän kuin vuotta aiemmin. Kirjastoissa käytiin keskimäärin 4 000 kertaa päivässä.</p>
<p>Lisätietoja antaa kirjastotoimenjohtaja.</p></article>
<footer>© Kaupunki</footer></body></html>
"""


def items(path: Path, **kwargs: int) -> list[Item]:
    return list(open_source(str(path), **kwargs))


def reasons(found: list[Item]) -> dict[str, str | None]:
    return {i.id: i.error for i in found}


# --- folders and files ---------------------------------------------------------------------


def test_folder_walk_is_sorted_recursive_and_reads_only_releases(tmp_path: Path) -> None:
    for name in ["b.txt", "a.md", "sub/c.html", "sub/deeper/d.htm", "a/z.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(RELEASE, encoding="utf-8")
    for passed_over in ["README.md", "b.gold.json", "tool.py", "kuva.png", ".hidden.txt", ".git/x.txt"]:
        (tmp_path / passed_over).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / passed_over).write_text("x", encoding="utf-8")
    source = open_source(str(tmp_path))
    found = list(source)
    assert [i.id for i in found] == ["a/z.txt", "a.md", "b.txt", "sub/c.html", "sub/deeper/d.htm"]
    assert [i.kind for i in found] == ["text", "text", "text", "html", "html"]
    assert source.skipped == 4  # README.md, b.gold.json, tool.py, kuva.png (hidden ones are not even counted)
    assert source.count() == 5
    assert found[0].location == str(tmp_path / "a" / "z.txt") and found[0].source == str(tmp_path)


def test_over_size_file_is_refused_without_being_read(tmp_path: Path) -> None:
    (tmp_path / "iso.txt").write_text("x" * 2000, encoding="utf-8")
    (tmp_path / "pieni.txt").write_text("x" * 10, encoding="utf-8")
    assert reasons(items(tmp_path, max_bytes=1000)) == {
        "iso.txt": "over the size limit: 2000 bytes, limit 1000 (raise it with --max-bytes)",
        "pieni.txt": None,
    }


def test_single_file_source_uses_its_name_as_id(tmp_path: Path) -> None:
    (tmp_path / "tiedote.html").write_text(HTML, encoding="utf-8")
    [item] = items(tmp_path / "tiedote.html")
    assert (item.id, item.kind, item.data) == ("tiedote.html", "html", HTML.encode())


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("puuttuu", "source {p!r} does not exist"),
        (
            "data.parquet",
            (
                "source {p!r} is not a kind tiedote reads; give a folder, .zip, .tar, .tar.gz, "
                ".tgz, .jsonl, .jsonl.gz, one .txt/.md/.html/.htm file, or - for JSONL on standard input"
            ),
        ),
    ],
)
def test_unsupported_sources_are_usage_errors(tmp_path: Path, name: str, message: str) -> None:
    path = tmp_path / name
    if name != "puuttuu":
        path.write_bytes(b"x")
    with pytest.raises(UnsupportedSourceError) as info:
        open_source(str(path))
    assert str(info.value) == message.format(p=str(path))


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.txt", "text"),
        ("A.TXT", "text"),
        ("a.md", "text"),
        ("a.html", "html"),
        ("x/a.HTM", "html"),
        ("README.md", None),
        ("docs/readme.txt", None),
        ("a.gold.json", None),
        ("a.py", None),
        ("a.pdf", None),
    ],
)
def test_release_kind_by_name(name: str, kind: str | None) -> None:
    assert release_kind(name) == kind


# --- zip -------------------------------------------------------------------------------------


def hostile_zip(path: Path) -> None:
    """A zip with good members and every bad kind a batch must survive."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("hyva/1.txt", RELEASE)
        z.writestr("hyva/2.html", HTML)
        z.writestr("hakemisto/", "")
        z.writestr("kuva.png", b"\x89PNG\r\n\x1a\n")  # not a release: passed over
        z.writestr("../../etc/ohi.txt", RELEASE)  # zip-slip
        z.writestr("/abs/ohi.txt", RELEASE)
        z.writestr("pommi.txt", b"0" * 3_000_000)  # ~3000:1, a bomb in miniature
        z.writestr("iso.txt", "Lukuja 1 2 3. " * 100_000)  # 1.4 MB, over a 1 MB limit
        z.writestr("salattu.txt", RELEASE)  # marked encrypted below
        z.writestr("binaari.txt", b"\x00\x01\x02\x03PNG")
        z.writestr("tyhja.txt", b"")
        z.writestr("latin1.txt", "Väkiluku 6 057.".encode("latin-1"))
        z.writestr("rikki.txt", "Tämä jäsen rikotaan: " + "sisältöä " * 200)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        broken, secret = z.getinfo("rikki.txt"), z.getinfo("salattu.txt")
    # Break rikki.txt's compressed bytes in place, as a damaged download would.
    start = broken.header_offset + 30 + len(broken.filename.encode()) + len(broken.extra)
    for k in range(start + 5, start + 25):
        data[k] ^= 0xFF
    # zipfile cannot write encrypted members; setting the flag bit (local header and
    # central directory) is what a reader sees of one.
    data[secret.header_offset + 6] |= 0x1
    central = data.index(b"PK\x01\x02")  # the central directory; our entry is found by name
    while data[central + 46 : central + 46 + 11] != b"salattu.txt":
        central = data.index(b"PK\x01\x02", central + 4)
    data[central + 8] |= 0x1
    path.write_bytes(bytes(data))


def test_hostile_zip_reports_every_bad_member_and_reads_the_good_ones(tmp_path: Path) -> None:
    hostile_zip(tmp_path / "a.zip")
    source = open_source(str(tmp_path / "a.zip"), max_bytes=1_000_000)
    found = {i.id: i for i in source}
    assert source.skipped == 1  # kuva.png
    assert found["hyva/1.txt"].data == RELEASE.encode() and found["hyva/1.txt"].error is None
    assert found["hyva/2.html"].kind == "html" and found["hyva/2.html"].error is None
    errors = {id: i.error for id, i in found.items() if i.error}
    assert (
        errors.pop("../../etc/ohi.txt")
        == "unsafe member path '../../etc/ohi.txt': climbs out with '..'; not read"
    )
    assert errors.pop("/abs/ohi.txt") == "unsafe member path '/abs/ohi.txt': absolute; not read"
    assert errors.pop("pommi.txt").startswith("over the size limit: 3000000 bytes")
    assert (
        errors.pop("iso.txt")
        == "over the size limit: 1400000 bytes, limit 1000000 (raise it with --max-bytes)"
    )
    assert errors.pop("salattu.txt") == "encrypted member; tiedote does not decrypt"
    assert errors.pop("rikki.txt").startswith("broken zip member: ")
    assert errors == {}
    # Binary, empty and latin-1 members are read; decoding (in the workers) reports them.
    for id in ("binaari.txt", "tyhja.txt", "latin1.txt"):
        with pytest.raises(SourceError):
            prepare(found[id], None)
    assert found["hyva/1.txt"].location == f"{tmp_path / 'a.zip'}!hyva/1.txt"


def test_zip_bomb_is_caught_by_its_ratio_even_under_a_generous_limit(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "b.zip", "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("pommi.txt", b"0" * 3_000_000)
    [item] = items(tmp_path / "b.zip", max_bytes=100_000_000)
    assert item.error is not None
    assert "compression ratio" in item.error and "over 100:1 (a zip bomb?); not unpacked" in item.error
    assert item.data == b""


def test_a_file_that_is_not_a_zip_is_one_error(tmp_path: Path) -> None:
    (tmp_path / "c.zip").write_bytes(b"PK\x03\x04 but nothing after")
    [item] = items(tmp_path / "c.zip")
    assert item.id == str(tmp_path / "c.zip")
    assert item.error == "not a readable zip archive: File is not a zip file"


@pytest.mark.parametrize(
    ("name", "unsafe"),
    [
        ("a/b.txt", False),
        ("./a.txt", False),
        ("a/../b.txt", True),
        ("..\\x.txt", True),
        ("C:/x.txt", True),
        ("\\\\server\\x.txt", True),
        ("a\x00.txt", True),
        ("..a.txt", False),
    ],
)
def test_unsafe_member_names(name: str, unsafe: bool) -> None:
    assert (unsafe_name(name) is not None) == unsafe


# --- tar -------------------------------------------------------------------------------------


def add(tar: tarfile.TarFile, name: str, data: bytes, kind: bytes = tarfile.REGTYPE) -> None:
    info = tarfile.TarInfo(name)
    info.type = kind
    if kind == tarfile.SYMTYPE:
        info.linkname = "/etc/passwd"
        tar.addfile(info)
    else:
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))


def test_tar_gz_members_links_and_unsafe_names(tmp_path: Path) -> None:
    with tarfile.open(tmp_path / "a.tar.gz", "w:gz") as tar:
        add(tar, "./hyva.txt", RELEASE.encode())
        add(tar, "linkki.txt", b"", tarfile.SYMTYPE)
        add(tar, "../ohi.txt", RELEASE.encode())
        add(tar, "iso.txt", b"x" * 5000)
        add(tar, "sivu.html", HTML.encode())
        add(tar, "muistio.pdf", b"%PDF")
    source = open_source(str(tmp_path / "a.tar.gz"), max_bytes=2000)
    assert reasons(list(source)) == {
        "hyva.txt": None,
        "linkki.txt": "not a regular file (a link or a device); not read",
        "../ohi.txt": "unsafe member path '../ohi.txt': climbs out with '..'; not read",
        "iso.txt": "over the size limit: 5000 bytes, limit 2000 (raise it with --max-bytes)",
        "sivu.html": None,
    }
    assert source.skipped == 1


def test_truncated_tar_gz_reports_where_it_broke_and_keeps_what_came_before(tmp_path: Path) -> None:
    with tarfile.open(tmp_path / "a.tar.gz", "w:gz") as tar:
        add(tar, "yksi.txt", RELEASE.encode())
        add(tar, "kaksi.txt", bytes(range(256)) * 400)  # incompressible enough to span the cut
    data = (tmp_path / "a.tar.gz").read_bytes()
    (tmp_path / "a.tar.gz").write_bytes(data[: len(data) // 2])
    found = items(tmp_path / "a.tar.gz")
    assert found[0].id == "yksi.txt" and found[0].error is None
    assert found[-1].id == str(tmp_path / "a.tar.gz")
    assert found[-1].error is not None and found[-1].error.startswith("tar archive unreadable after")


def test_plain_tar_is_counted_without_reading_members(tmp_path: Path) -> None:
    with tarfile.open(tmp_path / "a.tar", "w") as tar:
        add(tar, "a.txt", RELEASE.encode())
        add(tar, "b.md", RELEASE.encode())
        add(tar, "c.json", b"{}")
    source = open_source(str(tmp_path / "a.tar"))
    assert source.count() == 2 and [i.id for i in source] == ["a.txt", "b.md"]


# --- JSONL -----------------------------------------------------------------------------------


JSONL_LINES = [
    json.dumps(
        {"id": "kela-1", "text": RELEASE, "published": "2020-06-09", "tags": ["x"]}, ensure_ascii=False
    ),
    "",
    json.dumps({"id": 17, "text": "Luku 5.", "published": "2020-06-09T10:00:00+03:00"}),
    json.dumps({"text": "Ilman tunnistetta 3 riviä."}),
    '{"id": "rikki", "text": "puuttuva lainausmerkki}',
    "[1, 2, 3]",
    json.dumps({"id": "ei-tekstia"}),
    json.dumps({"id": "vaara-tyyppi", "text": 42}),
    json.dumps({"id": "huono-paiva", "text": "x", "published": "eilen"}),
    json.dumps({"id": "iso", "text": "x" * 500}),
]


def write_jsonl(path: Path, lines: list[str], extra: bytes = b"") -> None:
    data = ("\n".join(lines) + "\n").encode("utf-8") + extra
    path.write_bytes(gzip.compress(data) if path.suffix == ".gz" else data)


@pytest.mark.parametrize("name", ["r.jsonl", "r.jsonl.gz"])
def test_jsonl_good_and_bad_lines(tmp_path: Path, name: str) -> None:
    write_jsonl(tmp_path / name, JSONL_LINES, extra=b'{"id": "latin", "text": "caf\xe9"}\n')
    found = items(tmp_path / name, max_bytes=300)
    assert [(i.location.rsplit(":", 1)[1], i.id, i.error) for i in found] == [
        ("1", "kela-1", None),
        ("3", "17", None),
        ("4", f"{name}:4", None),
        ("5", f"{name}:5", "line 5: not valid JSON (Unterminated string starting at: column 25)"),
        ("6", f"{name}:6", "line 6: a JSON object is expected, got list"),
        ("7", "ei-tekstia", "line 7: field 'text': Field required"),
        ("8", "vaara-tyyppi", "line 8: field 'text': Input should be a valid string"),
        ("9", "huono-paiva", None),  # read without its date, with a warning (below)
        (
            "10",
            f"{name}:10",
            (
                f"line 10: over the size limit: {len(JSONL_LINES[-1]) + 1} bytes, limit 300 "
                "(raise it with --max-bytes)"
            ),
        ),
        ("11", f"{name}:11", "line 11: not valid UTF-8 (name its encoding with --encoding)"),
    ]
    first = found[0].release
    assert first is not None and first.published == dt.date(2020, 6, 9) and first.text == RELEASE
    assert found[1].release is not None and found[1].release.published == dt.date(2020, 6, 9)
    bad_date = next(i for i in found if i.id == "huono-paiva")
    assert bad_date.release is not None and bad_date.release.published is None
    assert bad_date.warnings == (("line 9: field 'published': 'eilen' is not a date; give it as 2020-06-09, "
                                 "9.6.2020, '9. kesäkuuta 2020' or 2020-06-09T10:15+03:00; not used"),)


def test_truncated_jsonl_gz_keeps_the_lines_before_the_break(tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"r{i}", "text": f"Rivi {i} " + "sanoja " * 50}) for i in range(200)]
    data = gzip.compress(("\n".join(lines) + "\n").encode())
    (tmp_path / "r.jsonl.gz").write_bytes(data[: len(data) // 2])
    found = items(tmp_path / "r.jsonl.gz")
    good = [i for i in found if i.error is None]
    assert good and [i.id for i in good] == [f"r{k}" for k in range(len(good))]
    last = found[-1]
    assert last.error is not None and last.error.startswith(f"cannot read past line {len(good)}")


def test_jsonl_content_hash_is_of_the_line(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "a.jsonl", JSONL_LINES[:1])
    write_jsonl(tmp_path / "b.jsonl", ["", JSONL_LINES[0]])
    [a], [b] = items(tmp_path / "a.jsonl"), items(tmp_path / "b.jsonl")
    assert a.content_hash == b.content_hash and a.location != b.location


# --- decoding, HTML, dates -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "html", "expected"),
    [
        ("Väkiluku kasvoi.".encode(), False, "Väkiluku kasvoi."),
        (b"\xef\xbb\xbfBOM pois.", False, "BOM pois."),
        ("UTF-16 ääkköset".encode("utf-16"), False, "UTF-16 ääkköset"),
        (b'<meta charset="iso-8859-1"><p>V\xe4ki</p>', True, '<meta charset="iso-8859-1"><p>Väki</p>'),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "html-declared-charset"],
)
def test_decode_text_accepts(data: bytes, html: bool, expected: str) -> None:
    assert decode_text(data, html=html) == expected


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file (it holds NUL bytes); a release must be text or HTML"),
        (
            "Väki".encode("latin-1"),
            ("not valid UTF-8 (byte 0xe4 at offset 1); save the file as UTF-8, "
            "or name its encoding with --encoding (latin-1 for old archives)"),
        ),
    ],
    ids=["empty", "binary", "latin-1"],
)
def test_decode_text_refuses(data: bytes, reason: str) -> None:
    with pytest.raises(SourceError) as info:
        decode_text(data)
    assert str(info.value) == reason


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Otsikko\n\nHelsinki 9.6.2020 – Kela kertoo", dt.date(2020, 6, 9)),
        ("TIEDOTE 22.8.2023 klo 10.00\nTeksti", dt.date(2023, 8, 22)),
        ("Tampere, 3.1.2024\nTeksti", dt.date(2024, 1, 3)),
        ("**Helsinki 9.6.2020**", dt.date(2020, 6, 9)),
        ("Julkaistu 2020-06-09", dt.date(2020, 6, 9)),
        ("31.2.2020\n1.3.2020", dt.date(2020, 3, 1)),
        ("Kelan johtaja sanoi 9.6.2020 että", None),
        ("Otsikko\nTulos 12.5 prosenttia", None),
        ("Toukokuussa soitettiin 40 000 kertaa.", None),
        ("\n" * 20 + "Helsinki 9.6.2020", None),
    ],
    ids=[
        "place-dash",
        "caps-klo",
        "comma",
        "markdown",
        "iso",
        "skip-invalid",
        "in-sentence",
        "decimal",
        "no-date",
        "too-far-down",
    ],
)
def test_find_dateline(text: str, date: dt.date | None) -> None:
    assert find_dateline(text) == date


def test_first_line_title() -> None:
    assert first_line_title("\n\n# Otsikko tässä\n\nTeksti") == "Otsikko tässä"
    assert first_line_title("x" * 400) is None
    assert first_line_title("   \n") is None


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("TIEDOTE 19.1.2021\nJonot lyhenivät joulukuussa\n\nTeksti.", "Jonot lyhenivät joulukuussa"),
        ("LEHDISTÖTIEDOTE\n\nKirjastoissa 1,3 miljoonaa lainaa\n", "Kirjastoissa 1,3 miljoonaa lainaa"),
        ("Helsinki 9.6.2020\nKela: puhelut vähenivät\n", "Kela: puhelut vähenivät"),
        ("Julkaisuvapaa 9.6.2020 klo 10.00\nUusi sairaala avataan\n", "Uusi sairaala avataan"),
        ("Tiedote tiedotusvälineille\n9.6.2020\nLautoilla 1,8 miljoonaa matkustajaa", "Lautoilla 1,8 miljoonaa matkustajaa"),
        ("Mediatiedote | 3.1.2024 | Tampere\nTampereella 30 uutta asuntoa\n", "Tampereella 30 uutta asuntoa"),
        # A headline that holds a date or starts with a place stays the title.
        ("Helsingin asuntokauppa piristyi 9.6.2020 jälkeen\nTeksti", "Helsingin asuntokauppa piristyi 9.6.2020 jälkeen"),
        ("Tampere kasvoi 3 000 asukkaalla\nTeksti", "Tampere kasvoi 3 000 asukkaalla"),
    ],
    ids=["tiedote-date", "label-alone", "place-date", "embargo-clock", "label-words-then-date", "pipes",
         "headline-with-date", "headline-with-place"],
)  # fmt: skip
def test_title_is_the_first_headline_not_a_dateline_or_label(text: str, title: str) -> None:
    assert first_line_title(text) == title


def test_every_fixture_title_is_its_headline() -> None:
    fixtures = sorted((Path(__file__).parent.parent / "fixtures").glob("*.txt"))
    assert len(fixtures) >= 8
    for path in fixtures:
        text = path.read_text(encoding="utf-8")
        title = first_line_title(text)
        assert title is not None and title.lower().split()[0] != "tiedote", path.name
        assert title == next(line for line in text.splitlines()[1:] if line.strip()), path.name


def _text_item(text: str) -> Item:
    return Item.of_bytes("t.txt", "s", "s/t.txt", "text", text.encode())


def test_date_precedence_record_metadata_dateline_option() -> None:
    from tiedote.io.results import Release

    option = dt.date(2021, 1, 1)
    record = Item(
        "r", "s", "s:1", "release", release=Release(id="r", text=RELEASE, published=dt.date(2019, 1, 1))
    )
    assert prepare(record, option)[0].published == dt.date(2019, 1, 1)
    assert prepare(record, option)[1].published_source == "record"
    html = Item.of_bytes(
        "h",
        "s",
        "s/h.html",
        "html",
        HTML.replace("Kaupunginkirjastossa", "Helsinki 9.6.2020 Kaupunginkirjastossa").encode(),
    )
    release, dating = prepare(html, option)
    assert (release.published, dating.published_source) == (dt.date(2019, 3, 5), "metadata")
    assert prepare(_text_item(RELEASE), option)[1].published_source == "dateline"
    undated = _text_item("Toukokuussa 40 000 puhelua.")
    release, dating = prepare(undated, option)
    assert release.published == option and dating.published_source == "option"
    release, dating = prepare(undated, None)
    assert (release.published, dating.published_source) == (None, "unresolved")


def test_html_main_text_title_url_and_date() -> None:
    release, dating = prepare(Item.of_bytes("h", "s", "s/h.html", "html", HTML.encode()), None)
    assert dating.published_source == "metadata" and release.published == dt.date(2019, 3, 5)
    assert release.title == "Kirjastossa lainattiin 1,2 miljoonaa kirjaa"
    assert release.url == "https://esimerkki.fi/uutiset/lainaus"
    assert release.text.startswith("Kirjastossa lainattiin 1,2 miljoonaa kirjaa\n")
    assert "4 000 kertaa päivässä" in release.text
    assert "Etusivu" not in release.text and "©" not in release.text


@pytest.mark.parametrize(
    ("item", "reason"),
    [
        (
            Item.of_bytes("h", "s", "s/h.html", "html", b"<html><body></body></html>"),
            "no main text found in the HTML page",
        ),
        (_text_item("   \n\t"), "empty text (only whitespace)"),
        (
            Item.failed("x", "s", "s/x", "encrypted member; tiedote does not decrypt"),
            "encrypted member; tiedote does not decrypt",
        ),
    ],
    ids=["html-without-text", "whitespace", "source-error"],
)
def test_prepare_refuses(item: Item, reason: str) -> None:
    with pytest.raises(SourceError) as info:
        prepare(item, None)
    assert str(info.value) == reason
