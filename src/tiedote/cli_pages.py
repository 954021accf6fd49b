"""The commands that show releases: ``tiedote review``, ``report``, ``series`` and ``explain``.

Registered into the ``tiedote`` group by ``register`` (called at the end of
``tiedote.cli``); kept here so the core commands' module stays what it was.
"""

from __future__ import annotations

import datetime as dt
import os
import sys

import click

from tiedote.cli import (
    EXIT_FAILED_RELEASES,
    EXIT_HELP,
    EXIT_OK,
    EXIT_USAGE,
    _item_for,
)
from tiedote.cli_support import max_bytes_option as _max_bytes
from tiedote.cli_support import published_option as _published
from tiedote.errors import SourceError

_STATISTICS = ("mean", "median", "total", "max", "min", "none")
_RATES = ("hour", "day", "weekday", "week", "month", "quarter", "year", "none")


def _write(path: str, text: str) -> None:
    parent = os.path.dirname(path)
    if parent:
        os.makedirs(parent, exist_ok=True)
    part = f"{path}.part"
    with open(part, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(part, path)


@click.command(epilog=EXIT_HELP)
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option("-o", "--output", "out", required=True, metavar="OUT.html", help="The page to write.")
@_published
@_max_bytes
def review(files: tuple[str, ...], out: str, published: dt.date | None, max_bytes: int) -> int:
    """Write one HTML page showing each release with its claims highlighted.

    \b
    Each claim's number carries data-claim-id; its unit words, qualifier,
    period words, measure, subject and change are coloured by kind, and
    numbers that are not claims are marked faintly with the reason. A side
    table lists the claims with their records. The page needs no network.
    """
    from tiedote.api import DEFAULT_MAX_CHARS, Extractor
    from tiedote.io.sources.decode import prepare
    from tiedote.review import article_html, document

    items = [_item_for(f, max_bytes) for f in files]
    extractor = Extractor(max_chars=max(max_bytes, DEFAULT_MAX_CHARS))
    articles, titles, failed = [], [], 0
    for n, item in enumerate(items):
        try:
            release, _ = prepare(item, published)
        except SourceError as exc:
            click.echo(f"tiedote review: error: {item.location}: {exc}", err=True)
            failed += 1
            continue
        mentions = extractor.explain(release.text, published=release.published)
        claims = [m.claim for m in mentions if m.claim is not None]
        title = release.title or release.id
        titles.append(title)
        articles.append(article_html(release.text, claims, nonclaims=mentions, title=title,
                                     published=release.published, meta=f"file {item.location}",
                                     prefix=f"r{n}-" if len(items) > 1 else ""))
    heading = f"tiedote review: {titles[0]}" if len(titles) == 1 else f"tiedote review: {len(titles)} releases"
    _write(out, document("".join(articles), title=heading))
    return EXIT_FAILED_RELEASES if failed else EXIT_OK


@click.command(epilog=EXIT_HELP)
@click.argument("database", metavar="OUT.sqlite")
@click.option("-o", "--output", "out", required=True, metavar="SITE/", help="The folder to write the site into.")
@click.option("--no-explain", is_flag=True, help="Do not mark the numbers that are not claims (faster).")
@click.option("--no-charts", is_flag=True, help="Series pages without charts.")
@click.option("-q", "--quiet", is_flag=True, help="No closing summary.")
def report(database: str, out: str, no_explain: bool, no_charts: bool, quiet: bool) -> int:
    """Build a static site from a batch's SQLite output: an index of releases, a review page per
    release and a page per series (with its chart when matplotlib is installed)."""
    from tiedote.report import build_site

    if not os.path.isfile(database):
        raise click.BadParameter(f"{database!r} is not a file", param_hint="OUT.sqlite")
    stats = build_site(database, out, explain=not no_explain, charts=not no_charts)
    if not quiet:
        click.echo(f"tiedote report: {stats.releases} releases, {stats.errors} errors, {stats.series} series "
                   f"({stats.charts} charts) in {out}; {stats.seconds:.2f} s", err=True)
    return EXIT_OK


@click.command(name="series", epilog=EXIT_HELP)
@click.argument("database", metavar="OUT.sqlite")
@click.option("--measure", metavar="LEMMA", help="The measure (its lemma, e.g. jonotusaika); without it the "
              "series with at least 3 claims are listed.")
@click.option("--unit", metavar="UNIT", help="The unit (minute, count, percent, EUR...).")
@click.option("--statistic", type=click.Choice(_STATISTICS), help="The statistic; 'none' for none stated.")
@click.option("--rate", type=click.Choice(_RATES), help="The rate ('per week'); 'none' for none.")
@click.option("--subject", metavar="TEXT", help="Only claims whose subject contains TEXT (any case).")
@click.option("-o", "--output", "out", metavar="SERIES.csv", help="Where the rows go [default: stdout].")
@click.option("--chart", metavar="CHART.svg|.png", help="Also draw the series (needs tiedote[plot]).")
@click.option("--min-claims", type=click.IntRange(min=1), default=3, show_default=True,
              help="When listing: the fewest claims a listed series has.")
def series_cmd(database: str, measure: str | None, unit: str | None, statistic: str | None, rate: str | None,
               subject: str | None, out: str | None, chart: str | None, min_claims: int) -> int:
    """One measure's claims across a batch, ordered by period, as CSV (and a chart); without
    --measure, list the series to choose from."""
    from tiedote.errors import SeriesError
    from tiedote.series import ANY, connect, list_series, series_rows, write_csv

    if not os.path.isfile(database):
        raise click.BadParameter(f"{database!r} is not a file", param_hint="OUT.sqlite")
    chart_format = os.path.splitext(chart)[1].lower().lstrip(".") if chart else None
    if chart_format is not None and chart_format not in ("svg", "png"):
        raise click.BadParameter(f"a chart is .svg or .png, not {chart!r}", param_hint="--chart")
    db = connect(database)
    try:
        if measure is None:
            if out or chart:
                raise click.UsageError("give --measure to write a series (run without it to list them)")
            for key, n in list_series(db, min_claims):
                click.echo(f"{n:6d}  {key.label():45s}  {key.options()}")
            return EXIT_OK
        try:
            key, rows = series_rows(
                db, measure, unit=unit,
                statistic=ANY if statistic is None else (None if statistic == "none" else statistic),
                rate=ANY if rate is None else (None if rate == "none" else rate), subject=subject)
        except SeriesError as exc:
            click.echo(f"tiedote series: error: {exc}", err=True)
            return EXIT_USAGE
    finally:
        db.close()
    if chart is not None:
        from tiedote.chart import draw

        data = draw(key, rows, chart_format or "svg")
        with open(chart, "wb") as f:
            f.write(data)
    if out is None:
        write_csv(sys.stdout, rows)
    else:
        with open(out, "w", encoding="utf-8", newline="") as f:
            write_csv(f, rows)
        click.echo(f"tiedote series: {key.label()}: {len(rows)} claims -> {out}",
                   err=True)
    return EXIT_OK


@click.command(name="explain", epilog=EXIT_HELP)
@click.argument("file", metavar="FILE|-")
@_published
@_max_bytes
def explain_cmd(file: str, published: dt.date | None, max_bytes: int) -> int:
    """Every number of one release, in order: the claim it became, or why it is not a claim."""
    from tiedote.io.sources.decode import prepare

    item = _item_for(file, max_bytes)
    try:
        release, _ = prepare(item, published)
    except SourceError as exc:
        click.echo(f"tiedote explain: error: {item.location}: {exc}", err=True)
        return EXIT_FAILED_RELEASES
    from tiedote.api import DEFAULT_MAX_CHARS, Extractor
    from tiedote.explanation import format_table

    extractor = Extractor(max_chars=max(max_bytes, DEFAULT_MAX_CHARS))
    sys.stdout.write(format_table(extractor.explain(release.text, published=release.published)))
    return EXIT_OK


def register(group: click.Group) -> None:
    for command in (review, report, series_cmd, explain_cmd):
        group.add_command(command)
