"""Every error tiedote raises on purpose: one base, each subclass also the built-in it resembles.

So ``except tiedote.TiedoteError`` catches all of them, and code that already
catches ``ValueError`` or ``OSError`` keeps working.  Every class is exported
from ``tiedote`` itself (``tiedote.InputTypeError``), and every message says
what was wrong and what would be accepted or what to do next.
"""

from __future__ import annotations


class TiedoteError(Exception):
    """Base of every error tiedote raises on purpose."""


class InputTypeError(TiedoteError, TypeError):
    """An argument of the wrong type (``text`` that is bytes, ``published`` that is a number…)."""


class InputValueError(TiedoteError, ValueError):
    """An argument of the right type but an unusable value (text over the size limit…)."""


class TextTooLongError(InputValueError):
    """The text is longer than the extractor's ``max_chars``; raise the limit or split the text."""


class DateError(InputValueError):
    """A publication date given as text that is no date ("31.2.2020", "eilen"); the message shows the
    forms accepted: 2020-06-09, 9.6.2020, 9. kesäkuuta 2020, 2020-06-09T10:15+03:00."""


class LexiconError(TiedoteError, ValueError):
    """A Finnish word list under ``lang/fi`` is malformed; the message names the file and entry."""


class SourceError(TiedoteError, OSError):
    """A release could not be read from its source (archive member, file, JSONL line)."""


class UnsupportedSourceError(TiedoteError, ValueError):
    """A SOURCE that is none of the accepted kinds (a usage error, found before any work starts)."""


class UnsupportedOutputError(TiedoteError, ValueError):
    """An OUT whose suffix names no format tiedote writes (a usage error)."""


class SinkError(TiedoteError, OSError):
    """OUT cannot be written: not a tiedote database, a newer layout, no permission, disk full."""


class BatchError(TiedoteError, RuntimeError):
    """The run could not go on (a worker died, the extractor could not be built); OUT keeps what was committed."""


class ExtractionError(TiedoteError, RuntimeError):
    """A release of ``tiedote.dask.extract_frame`` could not be extracted, and ``errors="raise"`` was asked for."""


class MissingExtraError(TiedoteError, ImportError):
    """An optional dependency is not installed (pandas for ``to_frame``, Dask for ``tiedote.dask``,
    matplotlib for charts); the message names the ``pip install 'tiedote[...]'`` that brings it."""


class SeriesError(TiedoteError, ValueError):
    """The archive cannot be read as tiedote's, or a series filter matches no series or several."""


class ChartError(TiedoteError, ValueError):
    """A chart was asked for in a file type it is not written in (.svg and .png are)."""


class ParserMissingError(TiedoteError, ImportError):
    """The parser reading was asked for but its spaCy model package is not installed."""


__all__ = [
    "BatchError",
    "ChartError",
    "DateError",
    "ExtractionError",
    "InputTypeError",
    "InputValueError",
    "LexiconError",
    "MissingExtraError",
    "ParserMissingError",
    "SeriesError",
    "SinkError",
    "SourceError",
    "TextTooLongError",
    "TiedoteError",
    "UnsupportedOutputError",
    "UnsupportedSourceError",
]
