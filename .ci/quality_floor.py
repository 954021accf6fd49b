#!/usr/bin/env python3
"""Fail when extraction quality on ../shared falls below the floors the issues set.

Runs the shared scorer (../shared/eval/score.py) on ../shared/seed and
../shared/eval/dev with the installed tiedote and compares its summary line
with FLOORS.  Exit 0 when every floor holds, 1 when one does not, 0 with a
message when ../shared is absent (the project's own tests do not need it).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

# Each floor comes from an issue: detection (issue 2), period (issue 3), full (issue 4).
FLOORS = {"detection_f1": 0.90, "period_acc": 0.85, "full_f1": 0.75}

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


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
    sets = [str(SHARED / "seed"), str(SHARED / "eval" / "dev")]
    proc = subprocess.run([sys.executable, str(scorer), *sets], capture_output=True, text=True)
    print(proc.stdout[-2000:], end="")
    if proc.returncode != 0:
        print(proc.stderr[-4000:], file=sys.stderr)
        print("quality floor: the scorer failed", file=sys.stderr)
        return 1
    failed = below_floor(proc.stdout)
    if failed:
        print("quality floor: FAILED: " + ", ".join(failed), file=sys.stderr)
        return 1
    print("quality floor: ok (" + ", ".join(f"{k} >= {v}" for k, v in FLOORS.items()) + ")")
    return 0


if __name__ == "__main__":
    sys.exit(main())
