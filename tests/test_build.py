"""The compiled engine (hatch_build.py) and its Python source: the same reading, and the right one runs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import tiedote
from tiedote import build

REPO = Path(__file__).resolve().parent.parent
SRC = REPO / "src"
FIXTURES = REPO / "fixtures"

sys.path.insert(0, str(REPO))
import hatch_build

needs_compiled = pytest.mark.skipif(not tiedote.compiled(), reason="the engine runs from its Python source here "
                                    "(a pure build, TIEDOTE_PURE, or sources edited since the build)")


def _python(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False,
                          env={**os.environ, **env}, cwd=REPO)


def test_ci_runs_the_compiled_engine() -> None:
    # .ci/run sets TIEDOTE_REQUIRE_COMPILED: there the speed figures are the compiled build's
    if os.environ.get("TIEDOTE_REQUIRE_COMPILED"):
        assert tiedote.compiled(), build.PURE_REASON or "no compiled extensions beside the sources"
        assert not build.stale_sources()


@pytest.mark.parametrize(("package", "module", "compiled"), [
    ("claims", "assemble.py", True),  # the engine
    ("periods", "find.py", True),
    ("text", "segment.py", True),
    ("periods", "checked.py", False),  # checks a caller's argument types itself
    ("text", "lemmatizer.py", False),  # builds simplemma's classes with object.__new__
    ("claims", "__init__.py", False),
])
def test_which_modules_are_compiled(package: str, module: str, compiled: bool) -> None:
    assert (f"tiedote/{package}/{module}" in hatch_build.compiled_modules(SRC)) is compiled


def test_every_compiled_module_is_in_the_engine_packages() -> None:
    modules = hatch_build.compiled_modules(SRC)
    assert modules and all(m.split("/")[1] in hatch_build.COMPILED for m in modules)
    assert all((SRC / "tiedote" / kept).exists() for kept in hatch_build.KEPT_PURE)


def test_tiedote_pure_runs_the_source() -> None:
    out = _python("import tiedote, tiedote.claims.assemble as a; print(tiedote.compiled(), a.__file__)",
                  TIEDOTE_PURE="1")
    assert out.returncode == 0, out.stderr
    flag, path = out.stdout.split()
    assert flag == "False" and path.endswith("assemble.py")


_DUMP = """
import datetime as dt, json, pathlib, sys, tiedote
readings = [tiedote.Extractor(parser=None)]
if "parser" in sys.argv[1:]:
    readings.append(tiedote.Extractor())
out = {}
for gold in sorted(pathlib.Path(sys.argv[1]).glob("*.gold.json")):
    g = json.loads(gold.read_text(encoding="utf-8"))
    text = (gold.parent / g["text_file"]).read_text(encoding="utf-8")
    pub = dt.date.fromisoformat(g["published"])
    out[gold.name] = [[c.model_dump(mode="json") for c in r.extract(text, published=pub)] for r in readings]
print(json.dumps([tiedote.compiled(), out], sort_keys=True))
"""


@needs_compiled
def test_compiled_and_source_read_the_fixtures_alike() -> None:
    from tiedote.claims.syntax import PARSER

    readings = ["parser"] if _installed(PARSER) else []
    runs = {}
    for pure in ("", "1"):
        proc = subprocess.run([sys.executable, "-c", _DUMP, str(FIXTURES), *readings], capture_output=True,
                              text=True, check=False, cwd=REPO, env={**os.environ, "TIEDOTE_PURE": pure})
        assert proc.returncode == 0, proc.stderr
        runs[pure] = json.loads(proc.stdout)
    assert runs[""][0] is True and runs["1"][0] is False
    assert runs[""][1] and runs[""][1] == runs["1"][1]


def _installed(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


@needs_compiled
@pytest.mark.slow
def test_the_source_taps_pass_in_the_python_source() -> None:
    # tests marked source_tap wrap engine functions, which compiled code calls directly: they skip in
    # this process and run here in the source (the compiled build reads alike: the test above)
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "source_tap", "tests"],
                          capture_output=True, text=True, check=False, cwd=REPO,
                          env={**os.environ, "TIEDOTE_PURE": "1"})
    assert proc.returncode == 0, proc.stdout[-3000:]
    summary = proc.stdout.strip().splitlines()[-1]
    assert " passed" in summary and "failed" not in summary, summary


@needs_compiled
def test_sources_edited_after_the_build_run_as_python(tmp_path: Path) -> None:
    # a copy of the checkout's package, compiled files and all, then one source edited after them
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copytree(SRC, tmp_path / "src", ignore=shutil.ignore_patterns("__pycache__"))
    edited = tmp_path / "src" / "tiedote" / "claims" / "unit.py"
    later = max(p.stat().st_mtime for p in (tmp_path / "src").rglob("*")) + 10
    os.utime(edited, (later, later))
    proc = subprocess.run(
        [sys.executable, "-W", "always", "-c",
         "import tiedote, tiedote.claims.unit as u; print(tiedote.compiled(), u.__file__)"],
        capture_output=True, text=True, check=False, cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(tmp_path / "src"), "TIEDOTE_PURE": ""})
    assert proc.returncode == 0, proc.stderr
    flag, path = proc.stdout.split()
    assert flag == "False" and path == str(edited)
    assert "claims/unit.py" in proc.stderr and "pip install -e ." in proc.stderr


def _own_inits() -> list[type]:
    """The engine's dataclasses that write their own __init__ (``init=False``: see Token)."""
    import dataclasses
    import importlib

    out = []
    for module in hatch_build.compiled_modules(SRC):
        mod = importlib.import_module(module[: -len(".py")].replace("/", "."))
        for value in vars(mod).values():
            if (isinstance(value, type) and value.__module__ == mod.__name__ and dataclasses.is_dataclass(value)
                    and not value.__dataclass_params__.init):  # type: ignore[attr-defined]
                out.append(value)
    return out


def test_the_hot_dataclasses_write_their_own_init() -> None:
    names = {cls.__name__ for cls in _own_inits()}
    assert {"Token", "Num", "Hit", "Unit", "Pending", "PeriodMention", "Sentence"} <= names


@pytest.mark.parametrize("cls", _own_inits(), ids=lambda c: c.__name__)
def test_a_written_out_init_takes_and_sets_exactly_the_fields(cls: type) -> None:
    # read from the source (a compiled __init__ has no signature to inspect)
    import ast
    import dataclasses
    import inspect

    module = sys.modules[cls.__module__]
    path = SRC / (module.__name__.replace(".", "/") + ".py")
    tree = ast.parse(path.read_text(encoding="utf-8"))
    (node,) = [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef) and n.name == cls.__name__]
    (init,) = [n for n in node.body if isinstance(n, ast.FunctionDef) and n.name == "__init__"]
    params = [a.arg for a in init.args.args[1:]]
    defaults = [ast.literal_eval(d) for d in init.args.defaults]
    fields = dataclasses.fields(cls)
    assert params == [f.name for f in fields]
    assert [inspect.Parameter.empty] * (len(params) - len(defaults)) + defaults == [
        inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default for f in fields]
    sets = [(t.attr, st.value.id) for st in init.body if isinstance(st, ast.Assign)
            for t in st.targets if isinstance(t, ast.Attribute) and isinstance(st.value, ast.Name)]
    # a frozen one: setattr_(self, "name", name) with setattr_ = object.__setattr__
    sets += [(c.args[1].value, c.args[2].id) for st in init.body if isinstance(st, ast.Expr)
             and isinstance(c := st.value, ast.Call) and len(c.args) == 3
             and isinstance(c.args[1], ast.Constant) and isinstance(c.args[2], ast.Name)]
    assert sets == [(p, p) for p in params]
