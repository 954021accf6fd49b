"""bench/run.py's verdicts (issue 19, item 9: a memory *decrease* was reported as a failure)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench" / "run.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    pytest.importorskip("psutil")
    spec = importlib.util.spec_from_file_location("tiedote_bench_run", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("growth", "flat"),
    [(-0.35, True), (-0.02, True), (0.0, True), (0.10, True), (0.11, False), (0.5, False)],
)
def test_memory_is_flat_unless_it_grows(bench: ModuleType, growth: float, flat: bool) -> None:
    assert bench.memory_flat(growth) is flat
