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


@pytest.mark.parametrize(("reading", "key", "target"), [
    ("fast", "ratio", 0.33),  # against spacy.blank tokenizing
    ("fast", "rss_jobs1", 400.0),
    ("fast", "cold", 2.0),
    ("parser", "ratio", None),  # set against the spaCy pipeline by bench/readings.py instead
    ("parser", "rss_jobs1", 700.0),  # issue 16: --jobs 1 with the parser
    ("parser", "rss_default", None),
    ("parser", "cold", 3.0),  # the model's load included
])
def test_each_reading_is_judged_by_its_own_targets(bench: ModuleType, reading: str, key: str,
                                                   target: float | None) -> None:
    assert bench.targets(reading)[key] == target
