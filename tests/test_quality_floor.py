"""The CI quality floor (.ci/quality_floor.py) fails exactly when a figure drops below its floor."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

_PATH = Path(__file__).resolve().parent.parent / ".ci" / "quality_floor.py"


def _module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("quality_floor", _PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _summary(detection: float, full: float, period: float) -> str:
    return (f"detection_p      1.000\n"
            f"detection_f1={detection:.3f} full_f1={full:.3f} period_acc={period:.3f} docs=11 gold=237 pred=237\n")


def test_every_set_is_scored_with_floors_the_scorer_prints() -> None:
    sets = _module().SETS
    assert set(sets) == {"seed+dev", "dev2", "seed+dev+dev2"}
    printed = {"detection_f1", "full_f1", "period_acc", "measure_acc", "source_acc", "per_acc"}
    for dirs, floors in sets.values():
        assert dirs and floors and set(floors) <= printed
        assert all(0.0 < v <= 1.0 for v in floors.values())


def test_field_lines_are_read_beside_the_summary() -> None:
    out = ("measure_acc      0.949\nsource_acc       0.860  (over 465 gold claims that give it)\n"
           "detection_f1=1.000 full_f1=0.900 period_acc=0.990 docs=21 gold=465 pred=465\n")
    missed = _module().below_floor(out, {"measure_acc": 0.95, "source_acc": 0.85, "period_acc": 0.97})
    assert missed == ["measure_acc=0.949 < 0.95"]


FLOORS = {"detection_f1": 0.99, "period_acc": 0.92, "full_f1": 0.70}


@pytest.mark.parametrize("detection,full,period,failing", [
    pytest.param(1.0, 0.88, 0.95, [], id="all-above"),
    pytest.param(0.989, 0.88, 0.95, ["detection_f1"], id="detection-below"),
    pytest.param(0.995, 0.699, 0.95, ["full_f1"], id="full-below"),
    pytest.param(0.995, 0.88, 0.919, ["period_acc"], id="period-below"),
    pytest.param(0.99, 0.70, 0.92, [], id="exactly-at-the-floors"),
    pytest.param(0.5, 0.5, 0.5, ["detection_f1", "period_acc", "full_f1"], id="all-below"),
])
def test_below_floor(detection: float, full: float, period: float, failing: list[str]) -> None:
    missed = _module().below_floor(_summary(detection, full, period), FLOORS)
    assert [m.split("=")[0] for m in missed] == failing


def test_unreadable_output_fails_every_floor() -> None:
    assert len(_module().below_floor("Traceback (most recent call last): ...", FLOORS)) == 3
