"""Score one reading with ../shared/eval/score.py: ``python bench/score_reading.py fast|parser GOLD... [--show]``.

The scorer calls ``tiedote.extract`` (the default reading); this runs it with the reading named.
"""

from __future__ import annotations

import runpy
import sys

import tiedote
from tiedote.claims.syntax import PARSER


def main() -> None:
    reading, score_py, *rest = sys.argv[1:]
    ex = tiedote.Extractor(parser=PARSER if reading == "parser" else None)
    tiedote.extract = ex.extract  # type: ignore[assignment]
    sys.argv = [score_py, *rest]
    runpy.run_path(score_py, run_name="__main__")


if __name__ == "__main__":
    main()
