"""``tiedote.explain`` stays the function whatever imported the module of the same name first."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("first", [
    "tiedote.Extractor().explain('Vuonna 2019 kävi 400 ihmistä.')",
    "import tiedote.explain",
    "from tiedote.explain import format_table",
])
def test_explain_is_callable_after_its_module_was_imported(first: str) -> None:
    code = (f"import tiedote\n{first}\n"
            "print([m.text for m in tiedote.explain('Vuonna 2019 kävi 400 ihmistä.')])")
    done = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['2019', '400']"
