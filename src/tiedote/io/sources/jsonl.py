"""JSON Lines: one release per line, ``{"id", "text", "published"?, "title"?, "url"?}``; gzip if ``.gz``."""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import sys
from collections.abc import Iterator
from typing import IO, cast

from pydantic import ValidationError

from tiedote.errors import TiedoteError
from tiedote.io.dates import read_date
from tiedote.io.results import Release, describe_validation_error
from tiedote.io.sources import Item, Source, content_hash, too_big

_CHUNK = 1 << 20
STDIN = "-"
"""The SOURCE that names standard input: JSONL, as `tiedote batch -` reads it."""


class JsonlSource(Source):
    """Lines are read with a cap, so one giant line costs ``max_bytes`` of memory, not its length.

    A line without an ``id`` gets ``NAME:LINE`` (its place in the file) as id;
    blank lines are passed over; every other unusable line is an error item
    naming its line number and what was wrong.
    """

    def _open(self) -> IO[bytes]:
        if self.path == STDIN:
            # Not closed after reading: the process's own standard input is not this source's to close.
            return cast(IO[bytes], contextlib.nullcontext(sys.stdin.buffer))
        if self.path.lower().endswith(".gz"):
            return cast(IO[bytes], gzip.open(self.path, "rb"))
        return open(self.path, "rb")

    def __iter__(self) -> Iterator[Item]:
        lineno = 0
        try:
            with self._open() as stream:
                while True:
                    line = stream.readline(self.max_bytes + 1)
                    if not line:
                        return
                    lineno += 1
                    if len(line) > self.max_bytes and not line.endswith(b"\n"):
                        size = len(line) + _drain_line(stream)
                        yield self._failed(lineno, too_big(size, self.max_bytes))
                        continue
                    line = line.strip()
                    if line:
                        yield self._parse(line, lineno)
        except (OSError, EOFError, ValueError) as exc:
            # gzip raises BadGzipFile (an OSError) or EOFError for a truncated stream.
            yield self._failed(
                lineno + 1, f"cannot read past line {lineno}: {type(exc).__name__}: {exc}", whole=True
            )

    def _failed(self, lineno: int, reason: str, *, id: str | None = None, whole: bool = False) -> Item:
        label = "" if whole else f"line {lineno}: "
        return Item.failed(id or self._line_id(lineno), self.path, f"{self.path}:{lineno}", label + reason)

    def _line_id(self, lineno: int) -> str:
        name = "stdin" if self.path == STDIN else os.path.basename(self.path)
        return f"{name}:{lineno}"

    def _parse(self, line: bytes, lineno: int) -> Item:
        try:
            record = json.loads(line)
        except UnicodeDecodeError:
            if self.encoding is None:
                return self._failed(lineno, "not valid UTF-8 (name its encoding with --encoding)")
            try:
                record = json.loads(line.decode(self.encoding))
            except (UnicodeDecodeError, LookupError):
                return self._failed(lineno, f"neither UTF-8 nor {self.encoding}")
            except json.JSONDecodeError as exc:
                return self._failed(lineno, f"not valid JSON ({exc.msg}: column {exc.colno})")
        except json.JSONDecodeError as exc:
            return self._failed(lineno, f"not valid JSON ({exc.msg}: column {exc.colno})")
        if not isinstance(record, dict):
            return self._failed(lineno, f"a JSON object is expected, got {type(record).__name__}")
        raw_id = record.get("id")
        id = str(raw_id) if isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool) else None
        if "id" not in record:
            record = {**record, "id": self._line_id(lineno)}
        warnings: tuple[str, ...] = ()
        if record.get("published") is not None:
            # A bad date is no reason to drop a release: it is read without one (a dateline
            # or --published may still date it) and the result says why.
            try:
                read_date(record["published"])
            except TiedoteError as exc:
                warnings = (f"line {lineno}: field 'published': {exc}; not used",)
                record = {key: value for key, value in record.items() if key != "published"}
        try:
            release = Release.model_validate(record)
        except ValidationError as exc:
            return self._failed(lineno, describe_validation_error(exc), id=id or None)
        return Item(
            release.id,
            self.path,
            f"{self.path}:{lineno}",
            "release",
            release=release,
            content_hash=content_hash(line),
            warnings=warnings,
        )

    def count(self) -> int | None:
        if self.path == STDIN or self.path.lower().endswith(".gz"):
            return None  # counting would decompress the whole file once more
        n = 0
        try:
            with open(self.path, "rb") as f:
                last = b"\n"
                while chunk := f.read(_CHUNK):
                    n += chunk.count(b"\n")
                    last = chunk[-1:]
            return n + (last != b"\n")
        except OSError:
            return None


def _drain_line(stream: IO[bytes]) -> int:
    """Skip the rest of an over-long line; return how many bytes it had."""
    skipped = 0
    while True:
        chunk = stream.readline(_CHUNK)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped
