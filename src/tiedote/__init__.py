"""tiedote: numeric claims from Finnish press releases, with exact spans."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from tiedote._version import __version__

# Compiled engine or its Python source: decided here, before any engine module is imported.
from tiedote.build import compiled

if TYPE_CHECKING:
    from tiedote.api import Extractor, extract
    from tiedote.errors import (
        BatchError,
        ChartError,
        DateError,
        ExtractionError,
        InputTypeError,
        InputValueError,
        LexiconError,
        MissingExtraError,
        ParserMissingError,
        SeriesError,
        SinkError,
        SourceError,
        TextTooLongError,
        TiedoteError,
        UnsupportedOutputError,
        UnsupportedSourceError,
    )
    from tiedote.explanation import Mention, explain
    from tiedote.frame import to_frame
    from tiedote.models import (
        SCHEMA_VERSION,
        Change,
        Claim,
        Measure,
        Per,
        Period,
        Quantity,
        Source,
        Span,
        Subject,
    )
    from tiedote.review import review_html
    from tiedote.rules import RULES, RuleInfo

# The public names are imported when first used (PEP 562): `tiedote batch` and
# `tiedote schema` load only what they need, and each batch process starts
# without the extraction engine until it extracts.
_EXPORTS = {
    "SCHEMA_VERSION": "tiedote.models",
    "Change": "tiedote.models",
    "Claim": "tiedote.models",
    "Extractor": "tiedote.api",
    "Measure": "tiedote.models",
    "Per": "tiedote.models",
    "Period": "tiedote.models",
    "Quantity": "tiedote.models",
    "RULES": "tiedote.rules",
    "RuleInfo": "tiedote.rules",
    "Source": "tiedote.models",
    "Span": "tiedote.models",
    "Subject": "tiedote.models",
    "BatchError": "tiedote.errors",
    "SeriesError": "tiedote.errors",
    "ChartError": "tiedote.errors",
    "DateError": "tiedote.errors",
    "ExtractionError": "tiedote.errors",
    "InputTypeError": "tiedote.errors",
    "InputValueError": "tiedote.errors",
    "LexiconError": "tiedote.errors",
    "MissingExtraError": "tiedote.errors",
    "ParserMissingError": "tiedote.errors",
    "SinkError": "tiedote.errors",
    "SourceError": "tiedote.errors",
    "TextTooLongError": "tiedote.errors",
    "TiedoteError": "tiedote.errors",
    "UnsupportedOutputError": "tiedote.errors",
    "UnsupportedSourceError": "tiedote.errors",
    "extract": "tiedote.api",
    "review_html": "tiedote.review",
    "explain": "tiedote.explanation",
    "Mention": "tiedote.explanation",
    "to_frame": "tiedote.frame",
}

__all__ = [
    "RULES",
    "SCHEMA_VERSION",
    "BatchError",
    "Change",
    "ChartError",
    "Claim",
    "DateError",
    "ExtractionError",
    "Extractor",
    "InputTypeError",
    "InputValueError",
    "LexiconError",
    "Measure",
    "Mention",
    "MissingExtraError",
    "ParserMissingError",
    "Per",
    "Period",
    "Quantity",
    "RuleInfo",
    "SeriesError",
    "SinkError",
    "Source",
    "SourceError",
    "Span",
    "Subject",
    "TextTooLongError",
    "TiedoteError",
    "UnsupportedOutputError",
    "UnsupportedSourceError",
    "__version__",
    "compiled",
    "explain",
    "extract",
    "review_html",
    "to_frame",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'tiedote' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # the next lookup is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))

