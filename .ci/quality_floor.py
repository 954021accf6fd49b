#!/usr/bin/env python3
"""Fail when extraction quality on ../shared falls below the floors the issues set.

Runs the shared scorer (../shared/eval/score.py) with the installed tiedote on
each scored set (SETS) and compares its summary line with that set's floors.
Exit 0 when every floor holds, 1 when one does not, 0 with a message when
../shared is absent (the project's own tests do not need it).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

# Each set is scored on its own, with its own floors.
# seed+dev: the gold was re-written to the extended conventions of contract.md
# (issue 14), so the floor was re-based to what the engine then measured
# (detection 1.000, period 0.928, full 0.722). dev2 (written from real
# releases) entered at what the engine measured on it then (detection 0.802,
# period 0.806, full 0.418). The period, measure and number issues raise them.
SETS: dict[str, tuple[list[str], dict[str, float]]] = {
    "seed+dev": (["seed", "eval/dev"], {"detection_f1": 0.99, "period_acc": 0.92, "full_f1": 0.70}),
    "dev2": (["eval/dev2"], {"detection_f1": 0.80, "period_acc": 0.80, "full_f1": 0.41}),
}
# Kept for callers of below_floor without a set (the seed+dev floors).
FLOORS = SETS["seed+dev"][1]


def below_floor(scorer_output: str, floors: dict[str, float] = FLOORS) -> list[str]:
    """The floors the scorer's summary line misses (a missing figure counts as 0)."""
    lines = scorer_output.strip().splitlines()
    got = {k: float(v) for k, v in re.findall(r"(\w+)=([0-9.]+)", lines[-1] if lines else "")}
    return [f"{k}={got.get(k, 0.0):.3f} < {floor}" for k, floor in floors.items() if got.get(k, 0.0) < floor]


def main() -> int:
    scorer = SHARED / "eval" / "score.py"
    if not scorer.is_file():
        print(f"quality floor: skipped, {scorer} is not present")
        return 0
    failed: list[str] = []
    for name, (dirs, floors) in SETS.items():
        paths = [str(SHARED / d) for d in dirs]
        proc = subprocess.run([sys.executable, str(scorer), *paths], capture_output=True, text=True)
        print(f"== {name}")
        print(proc.stdout[-2000:], end="")
        if proc.returncode != 0:
            print(proc.stderr[-4000:], file=sys.stderr)
            print(f"quality floor: the scorer failed on {name}", file=sys.stderr)
            return 1
        failed += [f"{name}: {miss}" for miss in below_floor(proc.stdout, floors)]
    if failed:
        print("quality floor: FAILED: " + "; ".join(failed), file=sys.stderr)
        return 1
    print("quality floor: ok (" + "; ".join(
        f"{name}: " + ", ".join(f"{k} >= {v}" for k, v in floors.items()) for name, (_, floors) in SETS.items()
    ) + ")")
    return 0


if __name__ == "__main__":
    sys.exit(main())
