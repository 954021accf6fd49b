"""Build hook: the engine compiled to C with mypyc, when a wheel or an editable install is built.

The engine's packages (the modules that read a release: text, numbers, periods, claims, nonclaims,
lang) are plain, fully typed Python; mypyc turns each into a C extension that runs the same code
about 1.5 times as fast (bench/README.md).  The ``.py`` files ship beside the extensions, and
``tiedote.build`` falls back to them at run time (``TIEDOTE_PURE=1``, or sources edited since the
build), so the compiled build is only ever a faster copy of the source.

A build that cannot compile (no C compiler, an unsupported platform) installs the pure-Python
package and says so, unless ``TIEDOTE_REQUIRE_COMPILED=1`` (CI sets it: there a failed compile is
an error).  ``TIEDOTE_PURE_BUILD=1`` skips compiling altogether.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

# The engine's packages, under src/tiedote.  Left as Python: every package's __init__ (they only
# re-export); text/lemmatizer.py, glue over simplemma's own classes, which it builds with
# object.__new__ and subclasses with __slots__ (a compiled class can do neither); and
# periods/checked.py, the entry points that check a caller's arguments (a compiled function would
# refuse a wrong type with a bare TypeError before the check could raise InputTypeError).
COMPILED = ("text", "numbers", "periods", "claims", "nonclaims", "lang")
KEPT_PURE = frozenset({"text/lemmatizer.py", "periods/checked.py"})

# The modules type-check against the source alone: the build environment has none of the run-time
# dependencies (pydantic, regex, spaCy ...), which mypyc then treats as untyped Python objects.
# The project's own strict mypy settings are for `mypy` in CI, not for this compile.
_MYPY_ARGS = ("--config-file", "", "--ignore-missing-imports", "--no-warn-no-return")

_SCRIPT = """
import json, sys
from setuptools import setup
from mypyc.build import mypycify
args, temp, lib, jobs, c_dir = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
setup(name="tiedote-native", ext_modules=mypycify(args, opt_level="3", debug_level="0", target_dir=c_dir),
      script_args=["build_ext", "--inplace", "--build-temp", temp, "--build-lib", lib, "--parallel", jobs])
"""


def compiled_modules(src: Path) -> list[str]:
    """The source files mypyc compiles, relative to ``src``."""
    out = []
    for package in COMPILED:
        for path in sorted((src / "tiedote" / package).glob("*.py")):
            rel = path.relative_to(src / "tiedote").as_posix()
            if path.name != "__init__.py" and rel not in KEPT_PURE:
                out.append(path.relative_to(src).as_posix())
    return out


_SUFFIXES = (".so", ".pyd")


def shared_libraries(src: Path) -> list[Path]:
    """mypyc's shared library (the compiled code of every module), at the top of ``src``."""
    return [p for p in src.glob("*__mypyc*") if p.suffix in _SUFFIXES]


def built_files(src: Path) -> list[Path]:
    """What an earlier compile left in the source tree: one extension per module, one shared library."""
    found = shared_libraries(src)
    for package in COMPILED:
        found += [p for p in (src / "tiedote" / package).glob("*") if p.suffix in _SUFFIXES]
    return found


class CompileHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        src = Path(self.root) / "src"
        for old in built_files(src):  # never ship, or import, extensions of an older source
            old.unlink()
        if os.environ.get("TIEDOTE_PURE_BUILD"):
            self.app.display_info("tiedote: TIEDOTE_PURE_BUILD is set: building pure Python")
            return
        modules = compiled_modules(src)
        with tempfile.TemporaryDirectory() as tmp:
            # everything but the extensions (generated C, objects, mypy's cache) stays in the temp dir
            cmd = [sys.executable, "-c", _SCRIPT,
                   json.dumps([*_MYPY_ARGS, "--cache-dir", str(Path(tmp) / "mypy"), *modules]),
                   str(Path(tmp) / "temp"), str(Path(tmp) / "lib"), str(os.cpu_count() or 1), str(Path(tmp) / "c")]
            self.app.display_info(f"tiedote: compiling {len(modules)} modules with mypyc (a few minutes)")
            proc = subprocess.run(cmd, check=False, cwd=src, capture_output=True, text=True)
        if proc.returncode != 0:
            for partial in built_files(src):
                partial.unlink()
            tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-25:])
            if os.environ.get("TIEDOTE_REQUIRE_COMPILED"):
                raise RuntimeError(f"tiedote: mypyc could not compile the engine:\n{tail}")
            self.app.display_warning(
                f"tiedote: mypyc could not compile the engine; installing pure Python (slower):\n{tail}")
            return
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        if version == "editable":
            return  # the install imports from src/, where the extensions and the shared library are
        # the extensions sit beside their sources; mypyc's shared library at the top of src/
        shared = shared_libraries(src)
        build_data["artifacts"].extend(f"/src/{p.relative_to(src).as_posix()}" for p in built_files(src)
                                       if p not in shared)
        for lib in shared:
            build_data["force_include"][str(lib)] = lib.name
