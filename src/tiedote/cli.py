"""tiedote's command line, a thin shell over the library.

Commands:
    tiedote extract FILE|-  [--published DATE] [--format jsonl|json|csv] [--max-bytes N]
    tiedote batch SOURCE... -o OUT [--jobs N] [--published DATE] [--max-bytes N] [--commit-every N] [-q]
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

Library errors become one line on stderr, ``tiedote COMMAND: error: ...``, in
one place (``main``), so every command fails the same way.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
import sys
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING, Any, ClassVar

import click

from tiedote._version import __version__
from tiedote.errors import TiedoteError
from tiedote.io import batch as _batch
from tiedote.io.batch import (
    COMMIT_EVERY,
    BatchError,
    Stats,
    build_extractor,
    default_jobs,
    process_chunk,
    run_batch,
)
from tiedote.io.sources import DEFAULT_MAX_BYTES, Item, ItemKind, UnsupportedSourceError, open_source
from tiedote.io.sources.folder import file_item

if TYPE_CHECKING:
    from tiedote.io.results import EncodedResult

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
  130  interrupted; as 3"""


class _Date(click.ParamType[dt.date]):
    """A date as YYYY-MM-DD or D.M.YYYY (the way Finnish releases write it)."""

    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dt.date:
        if isinstance(value, dt.date):
            return value
        text = str(value).strip()
        try:
            if m := re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text):
                return dt.date(int(m[3]), int(m[2]), int(m[1]))
            return dt.date.fromisoformat(text)
        except ValueError:
            self.fail(f"{text!r} is not a date; give YYYY-MM-DD or D.M.YYYY", param, ctx)


class _Size(click.ParamType[int]):
    """A byte count: 5000000, 500k, 10M, 1G (powers of 1000, as disk sizes are written)."""

    name = "BYTES"
    _UNITS: ClassVar[dict[str, int]] = {"": 1, "k": 1000, "m": 1000**2, "g": 1000**3}

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        m = re.fullmatch(r"\s*(\d+)\s*([kKmMgG]?)[bB]?\s*", str(value))
        if m is None or int(m[1]) == 0:
            self.fail(f"{value!r} is not a size; give a positive byte count such as 500k or 10M", param, ctx)
        return int(m[1]) * self._UNITS[m[2].lower()]


DATE = _Date()
SIZE = _Size()

_published = click.option(
    "--published",
    type=DATE,
    default=None,
    help="Publication date for releases that give none (no record field, page metadata or dateline); "
    "relative periods resolve against it.",
)
_max_bytes = click.option(
    "--max-bytes",
    type=SIZE,
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Largest release read, as stored (e.g. 500k, 10M); bigger ones are reported as errors.",
)


@click.group(
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog=EXIT_HELP,
)
@click.version_option(__version__, prog_name="tiedote")
def cli() -> None:
    """Numeric claims from Finnish press releases, as structured records with exact spans."""


def _sniff_kind(name: str, data: bytes) -> str:
    lower = name.lower()
    if lower.endswith((".html", ".htm")):
        return "html"
    if lower.endswith((".txt", ".md")):
        return "text"
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return "html" if head.startswith((b"<!doctype html", b"<html")) else "text"


@cli.command(epilog=EXIT_HELP)
@click.argument("file", metavar="FILE|-")
@_published
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "json", "csv"]),
    default="jsonl",
    show_default=True,
    help="jsonl: the release result on one line (as in a batch's .jsonl); json: the same, indented; "
    "csv: one row per claim.",
)
@_max_bytes
def extract(file: str, published: dt.date | None, fmt: str, max_bytes: int) -> int:
    """Extract the claims of one release (.txt, .md, .html; '-' reads stdin) and print them.

    HTML pages are reduced to their main text first; the result carries the text the spans point into.
    """
    if file == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        item = (
            Item.failed(
                "-", "-", "-", f"over the size limit: more than {max_bytes} bytes (raise --max-bytes)"
            )
            if len(data) > max_bytes
            else Item.of_bytes("-", "-", "-", "html" if _sniff_kind("", data) == "html" else "text", data)
        )
    else:
        if not os.path.isfile(file):
            raise click.BadParameter(f"{file!r} is not a file", param_hint="FILE")
        with open(file, "rb") as f:
            head = f.read(1024)
        kind: ItemKind = "html" if _sniff_kind(file, head) == "html" else "text"
        item = file_item(file, os.path.basename(file), file, kind, max_bytes)
    from tiedote.io.sinks import write_claims_csv

    [result] = process_chunk([item], build_extractor(_factory(max_bytes)), published)
    out = sys.stdout
    if fmt == "json":
        out.write(result.model_dump_json(indent=2) + "\n")
    elif fmt == "csv":
        write_claims_csv(out, [result])
    else:
        out.write(result.model_dump_json() + "\n")
    if result.error is not None:
        click.echo(f"tiedote extract: error: {result.location}: {result.error}", err=True)
        return EXIT_FAILED_RELEASES
    return EXIT_OK


def _factory(max_bytes: int, parser: str | None = None) -> _batch.ExtractorFactory:
    """The extractor factory for a run; a partial of a module function, so workers can unpickle it.

    ``default_extractor`` is looked up when called, so a test can run the real
    CLI with a stand-in.  A --max-bytes above the extractor's own text limit
    raises that limit too, or the bigger releases let in would fail as too long.
    """
    if parser is not None:
        return functools.partial(_batch.default_extractor, max_chars=max(max_bytes, DEFAULT_MAX_BYTES),
                                 parser=parser)
    if max_bytes <= DEFAULT_MAX_BYTES:
        return _batch.default_extractor
    return functools.partial(_batch.default_extractor, max_chars=max_bytes)


def _make_progress(total: int | None, stream: IO[str]) -> tuple[Any, Any]:
    from tqdm import tqdm

    bar = tqdm(total=total, unit=" releases", file=stream, dynamic_ncols=True, smoothing=0.1)

    def progress(stats: Stats, done: int) -> None:
        bar.update(done)
        bar.set_postfix(claims=stats.claims, errors=stats.errors, resumed=stats.resumed, refresh=False)

    return bar, progress


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
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no closing summary.")
@click.option("--fast", "reading", flag_value="fast", default=True,
              help="The fast reading, no parser [default].")
@click.option("--parser", "reading", flag_value="parser",
              help="The parser reading: measure and subject from spaCy's Finnish parse "
              "(spacy-fi-experimental-web-md, loaded once per worker).")
def batch(
    sources: tuple[str, ...],
    out: str,
    jobs: int | None,
    published: dt.date | None,
    max_bytes: int,
    commit_every: int,
    quiet: bool,
    reading: str = "fast",
) -> int:
    """Extract the claims of every release in SOURCE... into OUT.

    \b
    SOURCE is a folder (searched recursively for .txt, .md, .html, .htm;
    README.md is skipped), a .zip, a .tar/.tar.gz/.tgz, or a .jsonl/.jsonl.gz
    with one release per line: {"id", "text", "published"?, "title"?, "url"?}.

    \b
    Release ids are the record's id, else the path inside the source.
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
    if reading == "parser":
        import importlib.util

        from tiedote.claims.syntax import PARSER, PIP_NAME

        if importlib.util.find_spec(PARSER) is None:  # named before any worker starts
            raise click.UsageError(f"--parser needs the spaCy model package {PARSER!r}: "
                                   f"pip install {PIP_NAME[PARSER]} (or run with --fast)")
    factory = _factory(max_bytes, "spacy_fi_experimental_web_md" if reading == "parser" else None)
    if jobs > 1:
        _batch.start_forkserver(factory)
    from tiedote.io.sinks import CsvSink, JsonlSink, UnsupportedOutputError, open_sink

    try:
        opened = [open_source(path, max_bytes=max_bytes) for path in sources]
    except UnsupportedSourceError as exc:
        raise click.BadParameter(str(exc), param_hint="SOURCE") from None
    for path in sources:
        if os.path.abspath(path) == os.path.abspath(out):
            raise click.BadParameter(
                f"{out!r} is also a SOURCE; give OUT a path of its own", param_hint="OUT"
            )
    try:
        sink = open_sink(out)
    except UnsupportedOutputError as exc:
        raise click.BadParameter(str(exc), param_hint="OUT") from None

    show_bar = not quiet and sys.stderr.isatty()
    bar, progress = (None, None)
    if show_bar:
        counts = [s.count() for s in opened]
        total = None if any(c is None for c in counts) else sum(c for c in counts if c is not None)
        bar, progress = _make_progress(total, sys.stderr)

    def report(result: EncodedResult) -> None:
        # A CSV of claims has no place for errors; stderr is where they are not lost.
        if result.error is not None and isinstance(sink, CsvSink):
            line = f"tiedote batch: {result.location}: {result.error}"
            if bar is not None:
                bar.write(line, file=sys.stderr)
            else:
                click.echo(line, err=True)

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
    finally:
        if bar is not None:
            bar.close()
    if not quiet:
        rate = stats.releases / stats.seconds if stats.seconds > 0 else 0.0
        where = {JsonlSink: "error records in", CsvSink: "listed above;"}.get(type(sink), "errors table of")
        errors = f"{stats.errors} errors ({where} {out})" if stats.errors else "0 errors"
        click.echo(
            f"tiedote batch: {stats.releases} releases, {stats.claims} claims, {errors}, "
            f"{stats.resumed} already done, {stats.not_releases} other files passed over; "
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
    except (click.Abort, KeyboardInterrupt):
        click.echo(f"{name}: interrupted; committed work is kept, run the same command to resume", err=True)
        return EXIT_INTERRUPTED
    except (BatchError, TiedoteError, OSError) as exc:  # SinkError among them
        click.echo(f"{name}: error: {exc}", err=True)
        return EXIT_STOPPED
    return status if isinstance(status, int) else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
