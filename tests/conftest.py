"""Project-wide pytest options and markers."""

from __future__ import annotations

import pytest

import tiedote


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="rewrite tests/goldens/*.json from what the engine extracts now (accept an intended change)",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # A monkeypatched engine function is called past by compiled code: such a test would pass
    # without testing anything.  tests/test_build.py runs these in the Python source instead.
    if not tiedote.compiled():
        return
    skip = pytest.mark.skip(reason="taps the engine's Python functions: with the compiled build, "
                            "tests/test_build.py runs it with TIEDOTE_PURE=1")
    for item in items:
        if item.get_closest_marker("source_tap") is not None:
            item.add_marker(skip)
