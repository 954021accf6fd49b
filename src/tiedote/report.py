"""``tiedote report``: a static site from a batch's SQLite output.

``index.html`` lists the releases (title, date, source, claim and error
counts; the table sorts by any column) and the series; ``releases/`` has a
review page per release, ``series/`` a page per series (its rows, its chart
when matplotlib is installed, and its CSV).  Every page is self-contained,
so the folder can be opened from disk or served as it is.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import time
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from tiedote.models import Claim
from tiedote.review import NonClaim, article_html, document
from tiedote.series import MIN_CLAIMS, SeriesKey, connect, list_series, series_rows, write_csv


@dataclass
class SiteStats:
    releases: int = 0
    errors: int = 0
    series: int = 0
    charts: int = 0
    seconds: float = 0.0
    pages: list[Path] = field(default_factory=list)


def slug(name: str) -> str:
    """A file name for an id: its safe characters, and a short hash so two ids never share one."""
    safe = re.sub(r"[^\w.-]+", "-", name).strip("-.")[:60] or "x"
    return f"{safe}-{hashlib.sha1(name.encode('utf-8')).hexdigest()[:8]}"


def _series_slug(key: SeriesKey) -> str:
    return slug(f"{key.measure}.{key.unit}.{key.statistic or '-'}.{key.rate or '-'}")


def _crumbs(depth: int) -> str:
    return f'<nav class="crumbs"><a href="{"../" * depth}index.html">← all releases</a></nav>'


def _number(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}".replace(",", "\u202f") if isinstance(value, int) else str(value)


def _chart(key: SeriesKey, rows: list[dict[str, Any]]) -> str | None:
    """The series' chart as inline SVG, or None without matplotlib."""
    from tiedote.chart import draw
    from tiedote.errors import MissingExtraError

    try:
        svg = draw(key, rows, "svg").decode("utf-8")
    except MissingExtraError:
        return None
    return svg[svg.index("<svg"):]


def _series_page(key: SeriesKey, rows: list[dict[str, Any]], release_pages: dict[str, str],
                 csv_name: str, chart: str | None) -> str:
    body_rows = []
    for r in rows:
        value = _number(r["value"]) if r["value"] is not None else f"{_number(r['low'])}–{_number(r['high'])}"
        page = release_pages.get(r["release_id"])
        where = (f'<a href="../releases/{page}#n-{escape(r["claim_id"])}">{escape(r["release_id"])}</a>'
                 if page else escape(r["release_id"]))
        body_rows.append(
            f"<tr><td>{escape(r['period_start'] or '')}</td><td>{escape(r['period_end'] or '')}</td>"
            f'<td class="n" data-sort="{r["value"] if r["value"] is not None else r["low"]}">{value}</td>'
            f"<td>{escape(r['qualifier'])}</td><td>{escape(r['number_text'])}</td><td>{where}</td>"
            f"<td>{escape(r['release_published'] or '')}</td><td>{escape(r['subject'] or '')}</td>"
            f"<td>{escape(r['claim_id'])}</td></tr>")
    figure = (f'<figure class="chart">{chart}</figure>' if chart else
              "<p class=\"meta\">No chart: install matplotlib (pip install 'tiedote[plot]').</p>")
    head = ("<tr><th>period start</th><th>period end</th><th class=\"n\" data-type=\"number\">value</th>"
            "<th>qualifier</th><th>as written</th><th>release</th><th>published</th><th>subject</th>"
            "<th>claim</th></tr>")
    body = (f'<p class="meta">{len(rows)} claims · <a href="{escape(csv_name)}">CSV</a> · '
            f"the same rows: <code>SELECT * FROM series WHERE {escape(key.where())}</code></p>{figure}"
            f'<div class="tablewrap"><table class="sortable"><thead>{head}</thead>'
            f"<tbody>{''.join(body_rows)}</tbody></table></div>")
    return document(body, title=f"Series: {key.label()}", crumbs=_crumbs(1), with_legend=False)


def _index(releases: list[dict[str, Any]], errors: list[dict[str, Any]], pages: dict[str, str],
           series: list[tuple[SeriesKey, int, str]]) -> str:
    errs: dict[str, int] = {}
    for e in errors:
        errs[e["release_id"]] = errs.get(e["release_id"], 0) + 1
    rows = []
    for r in releases:
        title = r["title"] or r["id"]
        rows.append(
            f'<tr><td data-sort="{escape(title)}"><a href="releases/{pages[r["id"]]}">{escape(title)}</a></td>'
            f"<td>{escape(r['published'] or '')}</td><td>{escape(r['id'])}</td><td>{escape(r['source'])}</td>"
            f'<td class="n">{r["n_claims"]}</td><td class="n">{errs.get(r["id"], 0)}</td></tr>')
    for e in errors:
        if e["release_id"] in pages:
            continue  # counted on its release's row
        rows.append(
            f'<tr class="error"><td>{escape(e["location"])}: {escape(e["reason"])}</td><td></td>'
            f"<td>{escape(e['release_id'])}</td><td>{escape(e['source'])}</td>"
            '<td class="n">0</td><td class="n">1</td></tr>')
    head = ("<tr><th>title</th><th>published</th><th>release</th><th>source</th>"
            '<th class="n" data-type="number">claims</th><th class="n" data-type="number">errors</th></tr>')
    listed = "".join(
        f'<tr><td><a href="series/{page}">{escape(key.label())}</a></td><td class="n">{n}</td></tr>'
        for key, n, page in series)
    n_claims = sum(r["n_claims"] for r in releases)
    body = (f'<p class="meta">{len(releases)} releases · {n_claims} claims · {len(errors)} errors</p>'
            f'<h2>Releases</h2><div class="tablewrap"><table class="sortable" id="releases"><thead>{head}</thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>"
            f"<h2>Series</h2><p class=\"meta\">Measures with at least {MIN_CLAIMS} claims of one unit, statistic "
            f"and rate.</p><div class=\"tablewrap\"><table class=\"sortable\" id=\"series\"><thead><tr><th>series</th>"
            f'<th class="n" data-type="number">claims</th></tr></thead><tbody>{listed}</tbody></table></div>')
    return document(body, title="tiedote report", with_legend=False)


def build_site(db_path: str, out: str | Path, *, explain: bool = True, charts: bool = True) -> SiteStats:
    """Write the site for the batch output ``db_path`` into the folder ``out``."""
    began = time.perf_counter()
    out = Path(out)
    stats = SiteStats()
    db = connect(db_path)
    try:
        releases = [dict(r) for r in db.execute(
            "SELECT id, title, published, source, location, text, n_claims FROM releases ORDER BY published, id")]
        errors = [dict(r) for r in db.execute(
            "SELECT location, release_id, source, reason FROM errors ORDER BY location")]
        keys = list_series(db)
        series = [(key, n, *series_rows(db, key.measure, unit=key.unit, statistic=key.statistic,
                                        rate=key.rate)) for key, n in keys]
        claims_of = {r["id"]: [Claim.model_validate_json(row[0]) for row in db.execute(
            "SELECT json FROM claims WHERE release_id = ? ORDER BY seq", (r["id"],))] for r in releases}
    finally:
        db.close()
    (out / "releases").mkdir(parents=True, exist_ok=True)
    (out / "series").mkdir(parents=True, exist_ok=True)
    pages = {r["id"]: slug(r["id"]) + ".html" for r in releases}
    series_page: dict[str, str] = {}  # claim id -> its series page, for links from the review pages
    listed: list[tuple[SeriesKey, int, str]] = []
    for key, n, _, rows in series:
        name = _series_slug(key)
        listed.append((key, n, name + ".html"))
        for r in rows:
            series_page[r["claim_id"]] = f"../series/{name}.html"
        buffer = io.StringIO()
        write_csv(buffer, rows)
        (out / "series" / f"{name}.csv").write_text(buffer.getvalue(), encoding="utf-8")
        chart = _chart(key, rows) if charts else None
        stats.charts += chart is not None
        path = out / "series" / f"{name}.html"
        path.write_text(_series_page(key, rows, pages, f"{name}.csv", chart), encoding="utf-8")
        stats.pages.append(path)
    extractor = None
    if explain:
        from tiedote.api import Extractor

        extractor = Extractor(max_chars=max(len(r["text"]) for r in releases) + 1) if releases else None
    for r in releases:
        published = dt.date.fromisoformat(r["published"]) if r["published"] else None
        nonclaims: list[NonClaim] = list(extractor.explain(r["text"], published=published)) if extractor else []
        meta = f"release {r['id']} · source {r['source']}"
        article = article_html(r["text"], claims_of[r["id"]], nonclaims=nonclaims, title=r["title"] or r["id"],
                               published=published, meta=meta, series_link=lambda c: series_page.get(c.id))
        path = out / "releases" / pages[r["id"]]
        path.write_text(document(article, title=r["title"] or r["id"], crumbs=_crumbs(1)), encoding="utf-8")
        stats.pages.append(path)
    index = out / "index.html"
    index.write_text(_index(releases, errors, pages, listed), encoding="utf-8")
    stats.pages.insert(0, index)
    stats.releases, stats.errors, stats.series = len(releases), len(errors), len(series)
    stats.seconds = time.perf_counter() - began
    return stats
