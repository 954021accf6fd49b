"""tiedote: numeric claims from Finnish press releases, with exact spans."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from tiedote._version import __version__

if TYPE_CHECKING:
    from tiedote.api import Extractor, extract
    from tiedote.errors import TiedoteError
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
    "Source": "tiedote.models",
    "Span": "tiedote.models",
    "Subject": "tiedote.models",
    "TiedoteError": "tiedote.errors",
    "extract": "tiedote.api",
    "to_frame": "tiedote.frame",
}

__all__ = [
    "SCHEMA_VERSION",
    "Change",
    "Claim",
    "Extractor",
    "Measure",
    "Per",
    "Period",
    "Quantity",
    "Source",
    "Span",
    "Subject",
    "TiedoteError",
    "__version__",
    "extract",
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
