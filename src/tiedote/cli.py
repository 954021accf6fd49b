"""tiedote's command line, a thin shell over the library.

Commands:
    tiedote extract FILE|-  [--published DATE] [--format table|jsonl|json|csv] [--max-bytes N] [--encoding E]
    tiedote batch SOURCE...|- -o OUT [--jobs N] [--published DATE] [--max-bytes N] [--commit-every N]
                  [--encoding E] [--excel] [-q] [-v]
    tiedote schema [result|release|claim]

Exit statuses (also in ``tiedote --help``):
    0    all done: every release was read and extracted.
    1    some releases failed; each one is recorded (``errors`` table, an error
         record in JSONL, a line on stderr for CSV) and all others were extracted.
    2    usage error: unknown option, missing or unsupported SOURCE or FILE,
         an OUT of no known format, a bad --published date; nothing was done.
    3    the run stopped: OUT could not be written or is not a tiedote database,
         the extractor could not be built, a worker process died.  What was
         committed stays in OUT; run the same command again to resume.
    130  interrupted (Ctrl-C); as 3, committed work stays and a rerun resumes.
    143  stopped by SIGTERM (timeout, docker stop, Slurm); as 130.

Library errors become one line on stderr, ``tiedote COMMAND: error: ...``, in
one place (``main``), so every command fails the same way.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import signal
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

import click

from tiedote import cli_support as _support
from tiedote._version import __version__
from tiedote.claims.syntax import PARSER
from tiedote.errors import BatchError, TiedoteError, UnsupportedOutputError
from tiedote.io import batch as _batch
from tiedote.io import workers as _workers
from tiedote.io.batch import (
    COMMIT_EVERY,
    build_extractor,
    default_jobs,
    process_chunk,
    run_batch,
)
from tiedote.io.sources import (
    DEFAULT_MAX_BYTES,
    Item,
    ItemKind,
    UnsupportedSourceError,
    label_sources,
    open_source,
)
from tiedote.io.sources.folder import file_item
from tiedote.io.stopping import Stopped, stop_on_signals

if TYPE_CHECKING:
    from tiedote.io.results import EncodedResult

# The options and helpers every command shares live in cli_support.py.
_published, _max_bytes = _support.published_option, _support.max_bytes_option
_encoding, _excel = _support.encoding_option, _support.excel_option
_sniff_kind, _make_progress, _stopped_message = _support.sniff_kind, _support.make_progress, _support.stopped_message

# The sinks (and through them the pydantic models) are imported inside the commands: the
# batch command launches its workers' forkserver first, so the ~0.2 s those imports take
# here overlaps the forkserver's own start-up instead of delaying it.

EXIT_OK, EXIT_FAILED_RELEASES, EXIT_USAGE, EXIT_STOPPED, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

EXIT_HELP = """\b
Exit statuses:
  0    all done
  1    some releases failed; each is recorded (errors table / error records /
       stderr for CSV) and all the others were extracted
  2    usage error (bad option, missing or unsupported SOURCE, unknown OUT format)
  3    the run stopped (OUT not writable, extractor not available, a worker
       died); committed work stays in OUT and rerunning resumes
  130  interrupted (Ctrl-C); as 3
  143  stopped by SIGTERM (timeout, docker stop, Slurm); as 3"""


@click.group(
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog=EXIT_HELP,
)
@click.version_option(__version__, prog_name="tiedote")
def cli() -> None:
    """Numeric claims from Finnish press releases, as structured records with exact spans."""


@cli.command(epilog=EXIT_HELP)
@click.argument("file", metavar="FILE|-")
@_published
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl", "json", "csv"]),
    default=None,
    help="table: one line per claim, to read [default on a terminal]; jsonl: the release result on one "
    "line, as in a batch's .jsonl [default otherwise]; json: the same, indented; csv: one row per claim.",
)
@_max_bytes
@_encoding
@_excel
@_support.fast_option
@_support.parser_option
def extract(
    file: str, published: dt.date | None, fmt: str | None, max_bytes: int, encoding: str | None, excel: bool,
    reading: str = "parser",
) -> int:
    """Extract the claims of one release (.txt, .md, .html; '-' reads stdin) and print them.

    HTML pages are reduced to their main text first; the result carries the text the spans point into.
    """
    item = _item_for(file, max_bytes, encoding)
    from tiedote.io.csvfile import write_claims_csv

    [result] = process_chunk([item], build_extractor(_factory(max_bytes, _support.reading_parser(reading))),
                             published)
    out = sys.stdout
    if fmt is None:
        fmt = "table" if out.isatty() else "jsonl"
    if fmt == "table":
        from tiedote.io.table import render

        out.write(render(result))
    elif fmt == "json":
        out.write(result.model_dump_json(indent=2) + "\n")
    elif fmt == "csv":
        write_claims_csv(out, [result], excel=excel)
    else:
        out.write(result.model_dump_json() + "\n")
    if result.error is not None:
        click.echo(f"tiedote extract: error: {result.location}: {result.error}", err=True)
        return EXIT_FAILED_RELEASES
    return EXIT_OK


def _item_for(file: str, max_bytes: int, encoding: str | None = None) -> Item:
    """The one release FILE names ('-': stdin), as a batch would read it."""
    if file == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            return Item.failed("-", "-", "-", f"over the size limit: more than {max_bytes} bytes (raise --max-bytes)")
        kind: ItemKind = "html" if _sniff_kind("", data) == "html" else "text"
        return Item.of_bytes("-", "-", "-", kind, data, encoding)
    if not os.path.isfile(file):
        raise click.BadParameter(f"{file!r} is not a file", param_hint="FILE")
    with open(file, "rb") as f:
        head = f.read(1024)
    kind = "html" if _sniff_kind(file, head) == "html" else "text"
    return file_item(file, os.path.basename(file), file, kind, max_bytes, encoding)


def _factory(max_bytes: int, parser: str | None = PARSER) -> _batch.ExtractorFactory:
    """The extractor factory for a run (``parser``: --parser's package); a partial of a module function,
    so workers can unpickle it.  ``default_extractor`` is looked up when called, so a test can run the real
    CLI with a stand-in.  A --max-bytes above the extractor's own text limit raises that limit too."""
    if parser == PARSER and max_bytes <= DEFAULT_MAX_BYTES:
        return _batch.default_extractor
    limit = {} if max_bytes <= DEFAULT_MAX_BYTES else {"max_chars": max(max_bytes, DEFAULT_MAX_BYTES)}
    return functools.partial(_batch.default_extractor, parser=parser, **limit)


@cli.command(epilog=EXIT_HELP)
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@click.option(
    "-o",
    "--output",
    "out",
    required=True,
    metavar="OUT",
    help="Where results go, by suffix: .sqlite/.sqlite3/.db (resumable), .jsonl (one result per line), "
    ".csv (one claim per row).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Worker processes [default: all cores]. The output does not depend on it.",
)
@_published
@_max_bytes
@click.option(
    "--commit-every",
    type=click.IntRange(min=1),
    default=COMMIT_EVERY,
    metavar="N",
    show_default=True,
    help="Releases per SQLite transaction (a kill loses at most these).",
)
@_encoding
@_excel
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no closing summary.")
@click.option("-v", "--verbose", is_flag=True, help="Name every file passed over as no release, on stderr.")
@_support.fast_option
@_support.parser_option
def batch(
    sources: tuple[str, ...],
    out: str,
    jobs: int | None,
    published: dt.date | None,
    max_bytes: int,
    commit_every: int,
    encoding: str | None,
    excel: bool,
    quiet: bool,
    verbose: bool,
    reading: str = "parser",
) -> int:
    """Extract the claims of every release in SOURCE... into OUT.

    \b
    SOURCE is a folder (searched recursively for .txt, .md, .html, .htm;
    README.md is skipped), a .zip, a .tar/.tar.gz/.tgz, or a .jsonl/.jsonl.gz
    with one release per line: {"id", "text", "published"?, "title"?, "url"?};
    '-' reads JSONL from standard input.

    \b
    Release ids are the record's id, else the path inside the source; with
    two or more SOURCEs that path is prefixed by the source's name
    ("archive.zip/a.txt"), so the same path in two sources stays two releases.
    The publication date is, first found: the record's field, the page's
    metadata, a dateline at the top of the text ("Helsinki 9.6.2020"),
    --published; otherwise relative periods stay unresolved.

    \b
    With a SQLite OUT, running the same command again skips releases already
    stored unchanged and redoes changed ones, so an interrupted run resumes.
    Bad input (undecodable, binary, empty, over-size files, broken archive
    members, malformed JSONL lines) is recorded as errors; the batch goes on.
    """
    jobs = jobs or default_jobs()
    factory = _factory(max_bytes, _support.reading_parser(reading))
    if jobs > 1:
        _workers.start_forkserver(factory)
    from tiedote.io.csvfile import CsvSink
    from tiedote.io.sinks import JsonlSink, open_sink

    try:
        opened = label_sources([open_source(path, max_bytes=max_bytes, encoding=encoding) for path in sources])
    except UnsupportedSourceError as exc:
        raise click.BadParameter(str(exc), param_hint="SOURCE") from None
    if sources.count("-") > 1:
        raise click.BadParameter("standard input ('-') can be read once", param_hint="SOURCE")
    for path in sources:
        if os.path.abspath(path) == os.path.abspath(out):
            raise click.BadParameter(
                f"{out!r} is also a SOURCE; give OUT a path of its own", param_hint="OUT"
            )
    if excel and not out.lower().endswith(".csv"):
        raise click.BadParameter("--excel is for a .csv OUT", param_hint="OUT")

    show_bar = not quiet and sys.stderr.isatty()
    bar, progress = (None, None)
    if show_bar:
        counts = [s.count() for s in opened]
        total = None if any(c is None for c in counts) else sum(c for c in counts if c is not None)
        bar, progress = _make_progress(total, sys.stderr)

    def passed_over(location: str) -> None:
        line = f"tiedote batch: passed over (no release by its name): {location}"
        if bar is not None:
            bar.write(line, file=sys.stderr)
        else:
            click.echo(line, err=True)

    if verbose:
        for source in opened:
            source.on_skip = passed_over

    def report(result: EncodedResult) -> None:
        # A CSV of claims has no place for errors; stderr is where they are not lost.
        if result.error is not None and isinstance(sink, CsvSink):
            line = f"tiedote batch: {result.location}: {result.error}"
            if bar is not None:
                bar.write(line, file=sys.stderr)
            else:
                click.echo(line, err=True)

    try:
        sink = open_sink(out, excel=excel)
    except UnsupportedOutputError as exc:
        raise click.BadParameter(str(exc), param_hint="OUT") from None
    if excel and not isinstance(sink, CsvSink):
        raise click.BadParameter("--excel is for a .csv OUT", param_hint="OUT")
    # Opened last, right before the run: a stop before this point leaves no OUT.part behind.
    try:
        with sink:
            stats = run_batch(
                opened,
                sink,
                jobs=jobs,
                fallback=published,
                factory=factory,
                commit_every=commit_every,
                progress=progress,
                on_result=report,
            )
    except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM as Stopped (io/stopping.py)
        if bar is not None:
            bar.close()
            bar = None
        click.echo(f"tiedote batch: {_stopped_message(exc, sink, out)}", err=True)
        raise click.exceptions.Exit(exc.exit_status if isinstance(exc, Stopped) else EXIT_INTERRUPTED) from None
    finally:
        if bar is not None:
            bar.close()
    if not quiet:
        rate = stats.releases / stats.seconds if stats.seconds > 0 else 0.0
        where = {JsonlSink: "error records in", CsvSink: "listed above;"}.get(type(sink), "errors table of")
        errors = f"{stats.errors} errors ({where} {out})" if stats.errors else "0 errors"
        click.echo(
            f"tiedote batch: {stats.releases} releases, {stats.claims} claims, {errors}, "
            f"{stats.resumed} already done, {stats.not_releases} other files passed over"
            f"{' (--verbose names them)' if stats.not_releases and not verbose else ''}; "
            f"{stats.seconds:.1f} s, {rate:.1f} releases/s",
            err=True,
        )
    return EXIT_FAILED_RELEASES if stats.errors else EXIT_OK


@cli.command(epilog=EXIT_HELP)
@click.argument(
    "record", type=click.Choice(["result", "release", "claim"]), default="result", metavar="[RECORD]"
)
def schema(record: str) -> int:
    """Print the JSON Schema of a record: result (a batch's output record, the default), release
    (a JSONL input line) or claim."""
    from tiedote.schema import committed

    sys.stdout.write(committed(record))
    return EXIT_OK


# review, report and series live in their own module; registered before main() looks names up.
from tiedote.cli_pages import register as _register_pages

_register_pages(cli)


def _command_name(argv: Sequence[str]) -> str:
    for arg in argv:
        if arg in cli.commands:
            return f"tiedote {arg}"
    return "tiedote"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the exit status instead of raising SystemExit (the console script exits with it)."""
    args = list(sys.argv[1:] if argv is None else argv)
    name = _command_name(args)
    try:
        # From the first moment: a SIGTERM while the workers start must not kill the run uncleanly.
        with stop_on_signals():
            status = cli.main(args=args, prog_name="tiedote", standalone_mode=False)
    except click.exceptions.NoArgsIsHelpError as exc:
        # "tiedote" alone: the help is the answer, but nothing was done, so the status is a usage error's.
        click.echo(exc.format_message(), err=True)
        return EXIT_USAGE
    except click.UsageError as exc:
        hint = f" (see '{name} --help')"
        click.echo(f"{name}: error: {exc.format_message()}{hint}", err=True)
        return EXIT_USAGE
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except (click.Abort, KeyboardInterrupt) as exc:
        # click turns a KeyboardInterrupt met while it parses into Abort; the signal is its cause.
        stop = exc if isinstance(exc, Stopped) else exc.__cause__
        how = f"stopped by {stop.args[0]}" if isinstance(stop, Stopped) and stop.signum != signal.SIGINT else (
            "interrupted")
        click.echo(f"{name}: {how}; committed work is kept, run the same command to resume", err=True)
        return stop.exit_status if isinstance(stop, Stopped) else EXIT_INTERRUPTED
    except (BatchError, TiedoteError, OSError) as exc:  # SinkError among them
        click.echo(f"{name}: error: {exc}", err=True)
        return EXIT_STOPPED
    return status if isinstance(status, int) else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
