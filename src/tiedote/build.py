"""Which build of the engine runs: compiled (mypyc, see hatch_build.py) or the Python source.

The compiled extensions sit beside their ``.py`` files and Python imports an extension first.  The
source is imported instead, through a finder placed ahead of the standard ones, when

* ``TIEDOTE_PURE=1`` is set (to profile or debug the engine line by line, or to tap its functions),
* or, in a source checkout (an editable install), a ``.py`` file is newer than its extension: the
  sources were edited since the build, and running the older compiled copy would hide the edit.
  A warning then says to rebuild (``pip install -e .``).

``compiled()`` tells which build runs; ``bench/`` prints it with every figure.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

_PACKAGE = Path(__file__).resolve().parent
# a module every compiled build compiles: its file says which build was imported
_PROBE = "tiedote.claims.assemble"
_EXTENSIONS = tuple(importlib.machinery.EXTENSION_SUFFIXES)


def _extension_of(source: Path) -> Path | None:
    for suffix in _EXTENSIONS:
        ext = source.with_name(source.stem + suffix)
        if ext.exists():
            return ext
    return None


def stale_sources() -> list[str]:
    """The engine's sources edited since their extensions were built, in a source checkout; else []."""
    if not (_PACKAGE.parent.parent / "pyproject.toml").exists():
        return []  # an installed wheel: its files carry the wheel's fixed dates, not edit times
    out = []
    for source in sorted(_PACKAGE.glob("*/*.py")):
        ext = _extension_of(source)
        if ext is not None and source.stat().st_mtime > ext.stat().st_mtime:
            out.append(source.relative_to(_PACKAGE).as_posix())
    return out


class _SourceFirst(importlib.abc.MetaPathFinder):
    """Imports tiedote's modules from their ``.py`` files even where an extension is beside them."""

    def find_spec(self, fullname: str, path: Sequence[str] | None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        if not fullname.startswith("tiedote.") or not path:
            return None
        source = Path(path[0]) / (fullname.rpartition(".")[2] + ".py")
        if not source.is_file() or _extension_of(source) is None:
            return None  # a package, or a module with no compiled twin: the usual finders take it
        return importlib.util.spec_from_file_location(fullname, source)


def _choose() -> str:
    if os.environ.get("TIEDOTE_PURE", "") not in ("", "0"):
        reason = "TIEDOTE_PURE is set"
    else:
        stale = stale_sources()
        if not stale:
            return ""
        reason = f"{len(stale)} source file(s) edited since the compiled build ({', '.join(stale[:3])} ...)"
        warnings.warn(f"tiedote: {reason}: running the Python source, which is slower; "
                      "rebuild with `pip install -e .`", RuntimeWarning, stacklevel=3)
    sys.meta_path.insert(0, _SourceFirst())
    return reason


# Decided once, when tiedote is first imported and before any engine module is.
PURE_REASON = _choose()


def compiled() -> bool:
    """True when the engine runs from its compiled extensions, False when from its Python source."""
    spec = importlib.util.find_spec(_PROBE)
    return spec is not None and spec.origin is not None and spec.origin.endswith(_EXTENSIONS)
