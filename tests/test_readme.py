"""Every ```python block of README.md runs as written (issue 19, item 6).

Each block runs on its own, in a fresh namespace, in a folder laid out as a
reader's would be after the README's own steps: ``fixtures/`` beside it, the
main job's ``out/claims.sqlite`` made by running that job, and a
``releases/`` folder of JSONL files (some lines with ``published``, some
without) for the Dask block, whose ``Client()`` finds a small in-process
cluster through ``DASK_SCHEDULER_ADDRESS`` as it would find a real one.  A
block whose imports need an optional extra that is not installed is skipped,
naming it.  A block followed by "prints" and a fenced block must print
exactly that.
"""

from __future__ import annotations

import ast
import contextlib
import importlib.util
import io
import json
import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tiedote.cli import main

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
_FENCE = re.compile(r"^```(\w*)\n(.*?)^```\n", re.MULTILINE | re.DOTALL)


@dataclass(frozen=True)
class Block:
    heading: str
    code: str
    prints: str | None


def python_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    fences = list(_FENCE.finditer(text))
    for i, fence in enumerate(fences):
        if fence.group(1) != "python":
            continue
        heading = next(
            (
                line.lstrip("# ")
                for line in reversed(text[: fence.start()].splitlines())
                if line.startswith("#")
            ),
            "top",
        )
        prints = None
        if i + 1 < len(fences) and text[fence.end() : fences[i + 1].start()].strip() == "prints":
            prints = fences[i + 1].group(2)
        blocks.append(Block(heading, fence.group(2), prints))
    return blocks


BLOCKS = python_blocks(README.read_text(encoding="utf-8"))


def _top_imports(code: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _ids() -> list[str]:
    seen: dict[str, int] = {}
    ids = []
    for block in BLOCKS:
        name = re.sub(r"\W+", "-", block.heading.lower()).strip("-")
        seen[name] = seen.get(name, 0) + 1
        ids.append(f"{name}-{seen[name]}")
    return ids


def test_the_readme_has_its_python_blocks() -> None:
    assert len(BLOCKS) >= 6
    assert any(b.prints for b in BLOCKS)


@pytest.fixture(scope="module")
def reader_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder as a reader has it after the README's main job."""
    folder = tmp_path_factory.mktemp("reader")
    shutil.copytree(REPO / "fixtures", folder / "fixtures")
    with contextlib.chdir(folder):
        assert main(["batch", "fixtures/", "-o", "out/claims.sqlite", "--jobs", "1", "-q"]) == 0
    releases = folder / "releases"
    releases.mkdir()
    texts = sorted((REPO / "fixtures").glob("*.txt"))
    with (releases / "a.jsonl").open("w", encoding="utf-8") as f:
        for k, path in enumerate(texts[:3]):
            record = {"id": path.stem, "text": path.read_text(encoding="utf-8")}
            if k % 2 == 0:
                record["published"] = "2024-07-09"
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    with (releases / "b.jsonl").open("w", encoding="utf-8") as f:  # no line here has "published"
        for path in texts[3:5]:
            f.write(
                json.dumps({"id": path.stem, "text": path.read_text(encoding="utf-8")}, ensure_ascii=False)
            )
            f.write("\n")
    return folder


@contextlib.contextmanager
def _dask_cluster() -> Iterator[None]:
    import dask
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0") as cluster:
        os.environ["DASK_SCHEDULER_ADDRESS"] = cluster.scheduler_address
        dask.config.refresh()
        try:
            yield
        finally:
            del os.environ["DASK_SCHEDULER_ADDRESS"]
            dask.config.refresh()


@pytest.mark.slow  # the README's main job, and a Dask cluster for its Dask block
@pytest.mark.parametrize("block", BLOCKS, ids=_ids())
def test_readme_block_runs_as_written(block: Block, reader_folder: Path) -> None:
    missing = sorted(name for name in _top_imports(block.code) if importlib.util.find_spec(name) is None)
    if missing:
        pytest.skip(f"needs the optional {', '.join(missing)} (pip install 'tiedote[all]')")
    uses_dask = "distributed" in _top_imports(block.code)
    out = io.StringIO()
    cluster = _dask_cluster() if uses_dask else contextlib.nullcontext()
    with contextlib.chdir(reader_folder), contextlib.redirect_stdout(out), cluster:
        names: dict[str, object] = {"__name__": "__readme__"}
        # Running the README's code is the point of this test.
        exec(compile(block.code, f"README.md ({block.heading})", "exec"), names)  # noqa: S102
        for value in names.values():  # a reader's session would end with the client
            if type(value).__name__ == "Client" and hasattr(value, "close"):
                value.close()
    if block.prints is not None:
        assert out.getvalue() == block.prints
    if uses_dask:
        import pandas as pd

        claims = pd.read_parquet(reader_folder / "claims.parquet")
        assert set(claims["release_id"]) == {p.stem for p in sorted((REPO / "fixtures").glob("*.txt"))[:5]}
