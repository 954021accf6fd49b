"""What the commands of ``tiedote.cli`` share: option types and options, sniffing a file's kind,
the progress bar, and what a stopped run says.  Apart from cli.py so each stays a readable size."""

from __future__ import annotations

import codecs
import datetime as dt
import re
import signal
from typing import IO, Any, ClassVar

import click

from tiedote.errors import TiedoteError
from tiedote.io.batch import Stats
from tiedote.io.sources import DEFAULT_MAX_BYTES
from tiedote.io.stopping import Stopped


class DateType(click.ParamType[dt.date]):
    """A date as YYYY-MM-DD, D.M.YYYY, "9. kesäkuuta 2020" or an ISO date-time (``tiedote.io.dates``)."""

    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dt.date:
        from tiedote.io.dates import read_date

        try:
            return read_date(value)
        except TiedoteError as exc:
            self.fail(str(exc), param, ctx)


class SizeType(click.ParamType[int]):
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


class CodecType(click.ParamType[str]):
    """A text encoding Python knows (latin-1, cp1252, iso-8859-15…)."""

    name = "ENCODING"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        try:
            return codecs.lookup(str(value)).name
        except LookupError:
            self.fail(f"{value!r} is no encoding Python knows; give one such as latin-1 or cp1252", param, ctx)


DATE = DateType()
SIZE = SizeType()
encoding_option = click.option(
    "--encoding",
    type=CodecType(),
    default=None,
    help="Encoding of releases that are not UTF-8 (latin-1 or cp1252 for old archives); "
    "without it such files are errors.",
)
excel_option = click.option(
    "--excel",
    is_flag=True,
    help="CSV for Excel set to Finnish: UTF-8 with a byte-order mark, ';' between cells, decimal commas.",
)

published_option = click.option(
    "--published",
    type=DATE,
    default=None,
    help="Publication date for releases that give none (no record field, page metadata or dateline); "
    "relative periods resolve against it.",
)
max_bytes_option = click.option(
    "--max-bytes",
    type=SIZE,
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Largest release read, as stored (e.g. 500k, 10M); bigger ones are reported as errors.",
)

fast_option = click.option("--fast", "reading", flag_value="fast",
                           help="The fast reading: no parser, no model to load.")
parser_option = click.option("--parser", "reading", flag_value="parser", default=True,
                             help="The parser reading [default]: the figures the fast reading is unsure of "
                             "are read again from spaCy's Finnish parse (spacy-fi-experimental-web-md, loaded "
                             "once per worker).")


def reading_parser(reading: str) -> str | None:
    """The spaCy package of ``--parser`` (None for ``--fast``); a missing one is named before any worker starts."""
    if reading != "parser":
        return None
    import importlib.util

    from tiedote.claims.syntax import PARSER, PIP_NAME

    if importlib.util.find_spec(PARSER) is None:
        raise click.UsageError(f"--parser needs the spaCy model package {PARSER!r}: "
                               f"pip install {PIP_NAME[PARSER]} (or run with --fast)")
    return PARSER


def sniff_kind(name: str, data: bytes) -> str:
    lower = name.lower()
    if lower.endswith((".html", ".htm")):
        return "html"
    if lower.endswith((".txt", ".md")):
        return "text"
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return "html" if head.startswith((b"<!doctype html", b"<html")) else "text"


def make_progress(total: int | None, stream: IO[str]) -> tuple[Any, Any]:
    from tqdm import tqdm

    bar = tqdm(total=total, unit=" releases", file=stream, dynamic_ncols=True, smoothing=0.1)

    def progress(stats: Stats, done: int) -> None:
        bar.update(done)
        bar.set_postfix(claims=stats.claims, errors=stats.errors, resumed=stats.resumed, refresh=False)

    return bar, progress


def stopped_message(exc: KeyboardInterrupt, sink: object, out: str) -> str:
    """What a stopped run left in OUT and how to go on, by the kind of OUT."""
    from tiedote.io.sinks import SqliteSink

    how = f"stopped by {exc.args[0]}" if isinstance(exc, Stopped) and exc.signum != signal.SIGINT else "interrupted"
    if isinstance(sink, SqliteSink):
        return f"{how}; the releases committed so far are kept in {out}: run the same command to resume"
    return (
        f"{how}; {out} was not written ({out}.part removed: a .jsonl or .csv OUT is written whole or not "
        "at all): run the same command to start again, or write to a .sqlite OUT, which resumes"
    )
