"""HTML releases: paragraphs kept as in a .txt release (issue 19, item 1), and dates from the page's
metadata reported, never guessed (item 3)."""

from __future__ import annotations

import datetime as dt

import pytest

from tiedote.io.sources import Item
from tiedote.io.sources.decode import prepare

# One invented release, as a .txt file and as the page a newsroom would publish.
TEXT = (
    "Jonot lyhenivät tammikuussa\n\n"
    "Tammikuussa Koivulan neuvonnassa vastattiin keskimäärin 4 200 puheluun viikossa.\n\n"
    "Neuvonnassa työskentelee 35 henkilöä.\n"
)


def page(head: str = "", body_extra: str = "") -> str:
    return f"""<!doctype html><html lang="fi"><head><meta charset="utf-8">
<title>Jonot lyhenivät tammikuussa</title>{head}</head>
<body><nav>Etusivu · Uutiset</nav><article><h1>Jonot lyhenivät tammikuussa</h1>
<p>Tammikuussa Koivulan neuvonnassa vastattiin keskimäärin 4 200 puheluun viikossa.</p>
<p>Neuvonnassa työskentelee 35 henkilöä.</p>{body_extra}</article><footer>© Koivula</footer></body></html>"""


PUBLISHED = '<meta property="article:published_time" content="2021-02-09T09:00:00+02:00">'


def html_item(html: str) -> Item:
    return Item.of_bytes("h.html", "s", "s/h.html", "html", html.encode())


def text_item(text: str) -> Item:
    return Item.of_bytes("t.txt", "s", "s/t.txt", "text", text.encode())


def periods(item: Item, published: dt.date) -> list[tuple[float | None, str | None, str | None]]:
    import tiedote

    release, _ = prepare(item, published)
    return [
        (c.quantity.value, c.period.start.isoformat() if c.period and c.period.start else None,
         c.period.basis if c.period else None)
        for c in tiedote.extract(release.text, published=published)
    ]  # fmt: skip


def test_html_paragraphs_are_blank_line_apart() -> None:
    release, _ = prepare(html_item(page(PUBLISHED)), None)
    assert release.text == TEXT.strip()


def test_html_and_txt_of_one_release_get_the_same_periods() -> None:
    # The present-tense "työskentelee 35" is the publication date's in both; before, the HTML
    # text ran the paragraphs together and it took January from the paragraph before.
    day = dt.date(2021, 2, 9)
    assert periods(html_item(page(PUBLISHED)), day) == periods(text_item(TEXT), day)
    assert periods(text_item(TEXT), day)[1] == (35, "2021-02-09", "published")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<p>Yksi rivi<br><br>Toinen kappale 5 päivää</p>", "Yksi rivi\n\nToinen kappale 5 päivää"),
        ("<p>Rivi<br>jatkuu 5 päivää</p>", "Rivi\njatkuu 5 päivää"),
        ("<h2>Väliotsikko</h2><p>Kappale 5 päivää</p>", "Väliotsikko\n\nKappale 5 päivää"),
        ("<p>Luvut:</p><ul><li>kesällä 5 päivää</li><li>syksyllä 7 päivää</li></ul>",
         "Luvut:\n- kesällä 5 päivää\n- syksyllä 7 päivää"),
        ("<p>Kappale 5 päivää.</p><ul><li>kohta 7 päivää</li></ul>", "Kappale 5 päivää.\n\n- kohta 7 päivää"),
    ],
    ids=["br-br", "single-br", "heading", "list-after-colon", "list-after-sentence"],
)  # fmt: skip
def test_html_block_boundaries(body: str, expected: str) -> None:
    release, _ = prepare(html_item(page(PUBLISHED, body)), None)
    assert release.text.endswith(expected)


def test_a_page_with_only_a_modified_date_is_not_dated_by_it() -> None:
    release, dating = prepare(
        html_item(page('<meta property="article:modified_time" content="2021-03-15T12:00:00+02:00">')), None
    )
    assert release.published is None
    assert (dating.published_source, dating.date_source) == ("unresolved", "none")
    assert any("only when it was modified" in w and "2021-03-15" in w for w in dating.warnings)


def test_published_wins_over_modified() -> None:
    modified = '<meta property="article:modified_time" content="2021-03-15T12:00:00+02:00">'
    release, dating = prepare(html_item(page(modified + PUBLISHED)), None)
    assert (release.published, dating.date_source, dating.warnings) == (dt.date(2021, 2, 9), "meta", ())


def test_an_impossible_metadata_date_is_a_warning_not_another_day() -> None:
    bad = '<meta property="article:published_time" content="2023-02-30">'
    release, dating = prepare(html_item(page(bad)), dt.date(2023, 3, 1))
    assert release.published == dt.date(2023, 3, 1)  # the --published fallback, not 2023-02-01
    assert (dating.published_source, dating.date_source) == ("option", "given")
    assert any("'2023-02-30' is no date" in w for w in dating.warnings)


def test_a_future_metadata_date_is_reported() -> None:
    future = (dt.date.today() + dt.timedelta(days=400)).isoformat()
    release, dating = prepare(
        html_item(page(f'<meta property="article:published_time" content="{future}">')), None
    )
    assert release.published is None and dating.date_source == "none"
    assert any(future in w and "after today" in w for w in dating.warnings)


def test_json_ld_and_time_elements_give_the_published_date() -> None:
    ld = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2020-06-09"}</script>'
    release, dating = prepare(html_item(page(ld)), None)
    assert (release.published, dating.date_source) == (dt.date(2020, 6, 9), "meta")
    body = '<p><time datetime="2020-06-10" pubdate>10.6.2020</time></p>'
    release, dating = prepare(html_item(page("", body)), None)
    assert (release.published, dating.date_source) == (dt.date(2020, 6, 10), "meta")
