"""One base error; each subclass is also the built-in it resembles."""

from __future__ import annotations


class TiedoteError(Exception):
    """Base of every error tiedote raises on purpose."""


class InputTypeError(TiedoteError, TypeError):
    """An argument of the wrong type (``text`` that is bytes, ``published`` that is a str…)."""


class InputValueError(TiedoteError, ValueError):
    """An argument of the right type but an unusable value (text over the size limit…)."""


class TextTooLongError(InputValueError):
    """The text is longer than the extractor's ``max_chars``; raise the limit or split the text."""


class LexiconError(TiedoteError, ValueError):
    """A Finnish word list under ``lang/fi`` is malformed; the message names the file and entry."""


class SourceError(TiedoteError, OSError):
    """A release could not be read from its source (archive member, file, JSONL line)."""


class ParserMissingError(TiedoteError, ImportError):
    """The parser reading was asked for but its spaCy model package is not installed."""
