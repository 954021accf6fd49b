"""The shape of the source tree: small modules, each listed in the README's Layout."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "tiedote"
MAX_LINES = 400
MODULES = sorted(p for p in SRC.rglob("*.py") if "__pycache__" not in p.parts)


@pytest.mark.parametrize("path", MODULES, ids=[p.relative_to(SRC).as_posix() for p in MODULES])
def test_no_module_over_400_lines(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(SRC)} has {lines} lines: split it by what it holds"


def test_every_module_is_in_the_readme_layout() -> None:
    layout = (ROOT / "README.md").read_text(encoding="utf-8").split("## Layout", 1)[1]
    named = set(re.findall(r"`([\w/]+(?:\.py|/))`", layout))
    folders = {n for n in named if n.endswith("/")}
    missing = []
    for path in MODULES:
        rel = path.relative_to(SRC).as_posix()
        if path.name in ("__init__.py", "__main__.py", "_version.py"):
            continue
        in_folder = any(rel.startswith(f) for f in folders)
        short = rel.split("/", 1)[-1] if "/" in rel else rel
        if rel not in named and not in_folder and not any(n.endswith("/" + short) or n == short for n in named):
            missing.append(rel)
    assert not missing, f"modules the README's Layout does not name: {missing}"
