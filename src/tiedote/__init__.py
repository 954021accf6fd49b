"""tiedote: numeric claims from Finnish press releases, with exact spans."""

from tiedote._version import __version__
from tiedote.api import Extractor, extract
from tiedote.errors import TiedoteError
from tiedote.frame import to_frame
from tiedote.models import SCHEMA_VERSION, Change, Claim, Measure, Period, Quantity, Span, Subject

__all__ = [
    "SCHEMA_VERSION",
    "Change",
    "Claim",
    "Extractor",
    "Measure",
    "Period",
    "Quantity",
    "Span",
    "Subject",
    "TiedoteError",
    "__version__",
    "extract",
    "to_frame",
]
