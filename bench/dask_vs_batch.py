"""Releases/s of ``tiedote batch --jobs 2`` next to ``tiedote.dask`` on a 2-process LocalCluster.

    .venv/bin/python bench/dask_vs_batch.py [--releases 500] [--workers 2] [--source fixtures]

Builds one JSONL archive (the ``*.txt`` releases of SOURCE repeated under
fresh ids up to ``--releases`` lines, no ``published`` field, so the dateline
rule decides as in a batch over the folder), then times on that same archive:

* ``tiedote batch ARCHIVE -o OUT.jsonl --jobs N``: wall clock of the whole
  command (interpreter start, imports, worker start-up) and the rate the
  command reports itself;
* ``extract_bag`` on ``LocalCluster(n_workers=N, processes=True,
  threads_per_worker=1)``, the archive read on the workers with
  ``dask.bag.read_text``: a cold run (each worker builds its extractor and
  loads the lemmatizer's dictionary, as a batch's workers do) and a warm run
  on the same cluster (the per-process extractor is reused: the steady
  state of a long-lived cluster);
* ``extract_frame`` on ``dask.dataframe.read_json`` of the archive, warm.

Every Dask run's claims are checked against the batch's, release for release,
before any figure is printed.  Needs ``pip install 'tiedote[dask]'``.
"""

# Dask's own annotations leave Bag.map, compute… untyped.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def build_archive(source: Path, n: int, path: Path) -> int:
    texts = [(p.stem, p.read_text(encoding="utf-8-sig")) for p in sorted(source.glob("*.txt"))]
    if not texts:
        sys.exit(f"no *.txt releases in {source}")
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            stem, text = texts[i % len(texts)]
            f.write(json.dumps({"id": f"{i:05d}-{stem}", "text": text}, ensure_ascii=False) + "\n")
    return n


def run_batch(archive: Path, out: Path, jobs: int) -> tuple[float, float, list[dict[str, Any]]]:
    """(wall seconds, the rate the command reports, its results as JSON records)."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "tiedote", "batch", str(archive), "-o", str(out), "--jobs", str(jobs)],
        check=False,
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"tiedote batch failed ({done.returncode}):\n{done.stderr}")
    m = re.search(r"([\d.]+) releases/s", done.stderr)
    reported = float(m.group(1)) if m else float("nan")
    with open(out, encoding="utf-8") as f:
        return wall, reported, [json.loads(line) for line in f]


def claims_by_id(results: list[dict[str, Any]]) -> dict[str, tuple[Any, list[Any]]]:
    return {r["id"]: (r.get("published"), r["claims"]) for r in results}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--releases", type=int, default=500)
    parser.add_argument("--workers", type=int, default=2, help="batch --jobs and LocalCluster n_workers")
    parser.add_argument("--source", type=Path, default=ROOT / "fixtures")
    parser.add_argument("--blocksize", default="64KiB", help="dask.bag.read_text block: the partition size")
    args = parser.parse_args()

    import dask.bag as db
    import dask.dataframe as dd
    from distributed import Client, LocalCluster

    from tiedote.dask import extract_bag, extract_frame, worker_stats

    with tempfile.TemporaryDirectory(prefix="tiedote-bench-") as tmp:
        archive = Path(tmp) / "archive.jsonl"
        n = build_archive(args.source, args.releases, archive)
        size = archive.stat().st_size
        print(f"archive: {n} releases, {size / 1e6:.2f} MB ({args.source} repeated); {os.cpu_count()} CPUs")

        wall, reported, batch = run_batch(archive, Path(tmp) / "batch.jsonl", args.workers)
        want = claims_by_id(batch)
        n_claims = sum(len(c) for _, c in want.values())
        rows = [(f"tiedote batch --jobs {args.workers}, whole command", wall, n / wall)]
        rows.append((f"tiedote batch --jobs {args.workers}, as it reports itself", n / reported, reported))

        started = time.perf_counter()
        with (
            LocalCluster(
                n_workers=args.workers,
                processes=True,
                threads_per_worker=1,
                dashboard_address=None,
                silence_logs=40,
            ) as cluster,
            Client(cluster) as client,
        ):
            startup = time.perf_counter() - started

            def bag_run() -> float:
                bag = db.read_text(str(archive), blocksize=args.blocksize).map(json.loads)
                t = time.perf_counter()
                results = extract_bag(bag).map(lambda r: r.model_dump(mode="json")).compute()
                seconds = time.perf_counter() - t
                if claims_by_id(results) != want or len(results) != n:
                    sys.exit("extract_bag's claims differ from the batch's")
                return seconds

            def frame_run() -> float:
                ddf = dd.read_json(str(archive), lines=True, blocksize=2**16)
                t = time.perf_counter()
                frame = extract_frame(ddf).compute()
                seconds = time.perf_counter() - t
                if len(frame) != n_claims:
                    sys.exit(f"extract_frame gave {len(frame)} claims, the batch {n_claims}")
                return seconds

            cold = bag_run()
            warm = bag_run()
            frame_warm = frame_run()
            builds = [s["extractors_built"] for s in client.run(worker_stats).values()]
        rows.append(
            (
                f"extract_bag, LocalCluster {args.workers}×1, cold, with cluster start",
                cold + startup,
                n / (cold + startup),
            )
        )
        rows.append(
            (f"extract_bag, LocalCluster {args.workers}×1, cold (workers build extractors)", cold, n / cold)
        )
        rows.append((f"extract_bag, LocalCluster {args.workers}×1, warm (extractors reused)", warm, n / warm))
        rows.append((f"extract_frame, LocalCluster {args.workers}×1, warm", frame_warm, n / frame_warm))

    print(
        f"claims: {n_claims}, identical in every Dask run to the batch's; "
        f"cluster start {startup:.1f} s; extractors built per worker: {builds}"
    )
    print()
    print("| run | seconds | releases/s |")
    print("|---|---:|---:|")
    for name, seconds, rate in rows:
        print(f"| {name} | {seconds:.1f} | {rate:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
