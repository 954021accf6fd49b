"""tiedote's speed benchmark: extraction against plain tokenizing, batch scaling, memory, cold start.

    .venv/bin/python bench/run.py [--quick] [--json OUT] [--runs 3] [--snapshot] [--wait-quiet 0.3]
    .venv/bin/python bench/run.py --profile [N]        # only: cProfile of extract_many, top N by tottime

See bench/README.md for what each figure means and how to read it on a shared machine.

The corpus is every ``fixtures/*.txt`` release (its date from the matching
``*.gold.json``) and, when present, ``../shared/seed/*.txt`` and
``../shared/eval/dev/*.txt``, repeated until it has at least 200 000 words
(``--quick``: 30 000).  A *word* is a whitespace-separated token
(``len(text.split())``), counted once per text and used for both (a) and (b),
so the ratio does not depend on the definition.  In one run it measures:

Everything runs with the fast reading (``Extractor(parser=None)``, ``tiedote batch --fast``), the
engine the targets below were set for, unless ``--reading parser`` (the default reading since issue
16; ``bench/readings.py`` sets that one against the spaCy parse it stands in for).

(a) words/s of ``tiedote.Extractor(parser=...).extract_many(...)`` over the corpus
    (extractor built and warmed first: pipeline, lexicons, lemma index);
(b) words/s of ``spacy.blank("fi")`` tokenizing the same texts with
    ``nlp.pipe`` (the floor any spaCy-based extractor pays), and (a)/(b).
    (a) and (b) alternate run by run, so a burst of load from elsewhere
    hits both alike; each is the best of ``--runs``;
(c) releases/s of ``tiedote batch ARCHIVE.jsonl -o FRESH.sqlite`` with
    ``--jobs 1`` and ``--jobs 2`` (wall clock of the whole command,
    interpreter start and worker start-up included; the command's own
    figure is shown beside it), and their ratio.  The archive is the
    distinct releases cycled to ``--batch-releases`` (default 3 000, about
    830 000 words; ``--quick``: the corpus), one per line with its
    ``published`` date.  A throughput figure needs a run long enough for
    start-up not to dominate it: a ``--jobs 2`` run starts its workers
    from a forkserver that builds the engine first (0.6-0.8 s in all, one
    core busy), so over the 722-release corpus — a 3-4 s run — start-up
    alone held the ratio near 1.6 however well the workers scaled
    (bench/README.md).  The 722-release figures are printed too, one run
    each, without a target;
(d) peak memory of ``tiedote batch`` over 1 000 and 10 000 releases
    (``--quick``: 200 and 1 000), with ``--jobs 1`` and the default jobs.
    The process tree (CLI, forkserver, workers) is sampled every 50 ms:
    the target is judged on the *sum of RSS over the tree* (an upper bound:
    pages shared between the forkserver and its workers count once per
    process); the sum of PSS (shared pages split between their users: the
    real footprint) and the largest single process's RSS are shown too, and
    ``wait4``'s ru_maxrss (largest single process that was reaped) as a
    cross-check.  "Flat" means the 10 000-release peak is within 10% of the
    1 000-release peak;
(e) seconds from launching ``python -c "import tiedote; tiedote.extract(...)"``
    to the moment its first claim is printed, in a fresh interpreter: with
    the lemma-index cache warm ($TIEDOTE_CACHE_DIR filled once beforehand),
    and with an empty cache directory (the very first run on a machine).

Every child process gets ``TIEDOTE_CACHE_DIR`` pointing at a warm cache the
benchmark owns, so (c) and (d) never pay for building the lemma index.  The
load average and the CPU used by *other* processes (system busy time minus
this benchmark's own, in cores) are recorded around every section: on a
shared machine, trust a run whose "other CPU" is near 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SOURCES = (ROOT / "fixtures", SHARED / "seed", SHARED / "eval" / "dev")

TARGET_RATIO = 0.33
TARGET_SCALING = 1.6
TARGET_RSS_MB = 400.0
TARGET_FLAT = 0.10
"""Most a batch's peak memory may grow from the small archive to the big one."""


def memory_flat(growth: float) -> bool:
    """Peak memory is flat when it grows by at most ``TARGET_FLAT``: a run over more releases that
    peaks *lower* (a quiet host, the allocator returning pages) is no failure of flatness."""
    return growth <= TARGET_FLAT
TARGET_COLD_S = 2.0
# The parser reading's own targets (issue 16): its words/s is set against the spaCy pipeline it stands
# in for by bench/readings.py, not against spacy.blank, so (a)/(b) has no target here; peak RSS is
# judged for --jobs 1 only, and cold start includes loading the model.
PARSER_RSS_MB = 700.0
PARSER_COLD_S = 3.0


def targets(reading: str) -> dict[str, float | None]:
    """The targets of one reading: None where that reading has none."""
    if reading == "parser":
        return {"ratio": None, "scaling": TARGET_SCALING, "rss_jobs1": PARSER_RSS_MB, "rss_default": None,
                "cold": PARSER_COLD_S}
    return {"ratio": TARGET_RATIO, "scaling": TARGET_SCALING, "rss_jobs1": TARGET_RSS_MB,
            "rss_default": TARGET_RSS_MB, "cold": TARGET_COLD_S}


# --------------------------------------------------------------------------- corpus


@dataclass(frozen=True)
class Release:
    name: str
    text: str
    published: dt.date | None
    words: int


def load_releases() -> list[Release]:
    out: list[Release] = []
    for folder in SOURCES:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.txt")):
            gold = path.with_name(path.stem + ".gold.json")
            published = None
            if gold.is_file():
                raw = json.loads(gold.read_text(encoding="utf-8")).get("published")
                published = dt.date.fromisoformat(raw) if raw else None
            text = path.read_text(encoding="utf-8-sig")
            out.append(Release(f"{folder.name}/{path.stem}", text, published, len(text.split())))
    if not out:
        sys.exit("no releases found under fixtures/")
    return out


def build_corpus(base: list[Release], min_words: int) -> list[Release]:
    words = sum(r.words for r in base)
    return base * math.ceil(min_words / words)


def cycle(base: list[Release], n: int) -> Iterator[Release]:
    for i in range(n):
        yield base[i % len(base)]


def write_archive(releases: Iterator[Release] | list[Release], path: Path) -> int:
    n = 0
    with open(path, "w", encoding="utf-8") as f:
        for i, r in enumerate(releases):
            rec: dict[str, Any] = {"id": f"{i:06d}-{r.name.replace('/', '-')}", "text": r.text}
            if r.published is not None:
                rec["published"] = r.published.isoformat()
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n


# --------------------------------------------------------------------------- load on the machine


def _busy_seconds() -> float:
    """CPU seconds all processes have used since boot (steal included: CPU we could not have)."""
    t = psutil.cpu_times()
    skip = sum(getattr(t, f, 0.0) for f in ("idle", "iowait", "guest", "guest_nice"))  # guest is inside user
    return float(sum(t) - skip)


def _own_seconds(children: bool = True) -> float:
    s = resource.getrusage(resource.RUSAGE_SELF)
    total = s.ru_utime + s.ru_stime
    if children:
        c = resource.getrusage(resource.RUSAGE_CHILDREN)
        total += c.ru_utime + c.ru_stime
    return total


class LoadLog:
    """Load average and other processes' CPU around each section; optionally wait for a quiet machine first."""

    def __init__(self, max_other: float | None = None, timeout: float = 600) -> None:
        self.sections: dict[str, dict[str, float]] = {}
        self.max_other = max_other
        self.timeout = timeout

    def quiet(self, extra: dict[str, float]) -> None:
        """Between runs of a section: wait for a quiet machine again (the wait is not the section's time)."""
        if self.max_other is None:
            return
        busy0, t0 = _busy_seconds(), time.monotonic()
        wait_quiet(self.max_other, self.timeout)
        extra["paused"] += time.monotonic() - t0
        extra["paused_busy"] += _busy_seconds() - busy0

    @contextmanager
    def section(self, name: str, sampled_children: bool = False) -> Iterator[dict[str, float]]:
        """``sampled_children``: the section adds its children's CPU to ``extra["own"]`` itself
        (a batch's workers are reaped by the forkserver, not by us, so rusage misses them)."""
        waited, before = wait_quiet(self.max_other, self.timeout)
        info: dict[str, float] = {"load1_before": os.getloadavg()[0], "waited_s": waited}
        if before is not None:
            info["other_cpu_before"] = before
        children = not sampled_children
        busy0, own0, t0 = _busy_seconds(), _own_seconds(children), time.monotonic()
        extra = {"own": 0.0, "paused": 0.0, "paused_busy": 0.0}
        try:
            yield extra
        finally:
            # Pauses between runs (waiting for a quiet machine) are left out, time and CPU alike.
            paused = extra["paused"]
            wall = time.monotonic() - t0 - paused
            info["waited_s"] += paused
            own = _own_seconds(children) - own0 + extra["own"]
            busy = _busy_seconds() - busy0 - extra["paused_busy"]
            other = max(0.0, (busy - own) / wall) if wall > 0 else 0.0
            info.update(load1_after=os.getloadavg()[0], other_cpu_cores=other, seconds=wall)
            self.sections[name] = info

    def summary(self) -> dict[str, float]:
        loads = [v for s in self.sections.values() for v in (s["load1_before"], s["load1_after"])]
        others = [s["other_cpu_cores"] for s in self.sections.values()]
        return {
            "load1_min": min(loads),
            "load1_max": max(loads),
            "other_cpu_cores_max": max(others),
            "other_cpu_cores_mean": sum(others) / len(others),
        }


def other_cpu(window: float = 3.0) -> float:
    """Cores' worth of CPU used by other processes over the next ``window`` seconds (we idle meanwhile)."""
    busy0, own0, t0 = _busy_seconds(), _own_seconds(), time.monotonic()
    time.sleep(window)
    wall = time.monotonic() - t0
    return max(0.0, (_busy_seconds() - busy0 - (_own_seconds() - own0)) / wall)


def wait_quiet(max_other: float | None, timeout: float) -> tuple[float, float | None]:
    """Wait until other processes use at most ``max_other`` cores (or ``timeout`` passes).

    Returns (seconds waited, the last other-CPU reading)."""
    if max_other is None:
        return 0.0, None
    t0 = time.monotonic()
    while True:
        other = other_cpu()
        if other <= max_other or time.monotonic() - t0 >= timeout:
            return time.monotonic() - t0, other


# --------------------------------------------------------------------------- (a), (b)


def bench_extract_and_tokenize(corpus: list[Release], runs: int, log: LoadLog) -> dict[str, Any]:
    import spacy

    import tiedote

    words = sum(r.words for r in corpus)
    items = [(r.text, r.published) for r in corpus]
    texts = [r.text for r in corpus]

    t0 = time.perf_counter()
    ex = tiedote.Extractor(parser=reading_parser())
    build_s = time.perf_counter() - t0
    # Warm-up: the lemma index, lexicons and matchers load on first use.
    t0 = time.perf_counter()
    first = ex.extract(corpus[0].text, published=corpus[0].published)
    warm_s = time.perf_counter() - t0
    assert first, "no claim in the first release"

    nlp = spacy.blank("fi")
    for _ in nlp.pipe(texts[:8]):
        pass

    a_times: list[float] = []
    b_times: list[float] = []
    claims = set()
    with log.section("a_b_extract_tokenize") as extra:
        for i in range(runs):
            if i:
                log.quiet(extra)
            t0 = time.perf_counter()
            n = sum(len(c) for c in ex.extract_many(items))
            a_times.append(time.perf_counter() - t0)
            claims.add(n)
            t0 = time.perf_counter()
            tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=32))
            b_times.append(time.perf_counter() - t0)
    a = words / min(a_times)
    b = words / min(b_times)
    return {
        "releases": len(corpus),
        "words": words,
        "spacy_tokens": tokens,
        "claims": sorted(claims),
        "extractor_build_s": build_s,
        "first_extract_s": warm_s,
        "a_extract_seconds": a_times,
        "b_tokenize_seconds": b_times,
        "a_words_per_s": a,
        "b_words_per_s": b,
        "ratio": a / b,
    }


_FIRST_PASS = """\
import json, sys, time, datetime as dt
items = [(t, dt.date.fromisoformat(p) if p else None) for t, p in json.load(open(sys.argv[2], encoding="utf-8"))]
warm = "Jonotusaika oli keskimäärin 6 minuuttia viime vuonna."
if sys.argv[1] == "extract":
    import os, tiedote
    ex = tiedote.Extractor(parser=os.environ.get("TIEDOTE_BENCH_PARSER") or None)
    ex.extract(warm)  # loads the lemma index and lexicons: not a per-text cost
    t0 = time.process_time()
    n = sum(len(c) for c in ex.extract_many(items))
else:
    import spacy
    nlp = spacy.blank("fi")
    list(nlp.pipe([warm]))
    t0 = time.process_time()
    n = sum(len(d) for d in nlp.pipe([t for t, _ in items], batch_size=32))
print(time.process_time() - t0)
"""


def bench_first_pass(base: list[Release], runs: int, env: dict[str, str], workdir: Path,
                     log: LoadLog) -> dict[str, Any]:
    """(a) and (b) on first sight of the distinct texts: fresh processes, every word-keyed cache cold.

    Each pass is short (a few thousand words), so it is timed in CPU seconds of the child, and
    run at least 5 times (best kept): wall clock over half a second swings with the host.

    The repeated corpus favours spaCy's tokenizer cache (unbounded, keyed by word) more than
    tiedote's (bounded lru caches, and per-sentence work no cache removes); an archive of
    distinct releases sits between the two figures."""
    data = workdir / "distinct.json"
    data.write_text(json.dumps([(r.text, r.published.isoformat() if r.published else None) for r in base],
                               ensure_ascii=False), encoding="utf-8")
    words = sum(r.words for r in base)
    a: list[float] = []
    b: list[float] = []
    with log.section("first_pass_distinct") as extra:
        for i in range(max(runs, 5)):
            if i:
                log.quiet(extra)
            for what, out in (("extract", a), ("tokenize", b)):
                done = subprocess.run([sys.executable, "-c", _FIRST_PASS, what, str(data)], env=env,
                                      capture_output=True, text=True, check=True)
                out.append(float(done.stdout.strip().splitlines()[-1]))
    return {
        "releases": len(base),
        "words": words,
        "a_words_per_s": words / min(a),
        "b_words_per_s": words / min(b),
        "ratio": min(b) / min(a),
        "a_seconds": a,
        "b_seconds": b,
    }


# --------------------------------------------------------------------------- (c), (d): the CLI


def tiedote_cmd() -> list[str]:
    script = Path(sys.executable).with_name("tiedote")
    return [str(script)] if script.exists() else [sys.executable, "-m", "tiedote"]


@dataclass
class TreeSample:
    sum_rss: int = 0
    sum_pss: int = 0
    max_rss: int = 0
    max_procs: int = 0
    tree_cpu: dict[int, float] | None = None


def _tree(pid: int) -> list[psutil.Process]:
    try:
        root = psutil.Process(pid)
        return [root, *root.children(recursive=True)]
    except psutil.Error:
        return []


def _watch(pid: int, stop: threading.Event, out: TreeSample, every: float = 0.05, pss: bool = True) -> None:
    out.tree_cpu = {}
    tick = 0
    while not stop.is_set():
        rss_sum = pss_sum = 0
        pss_ok = pss and tick % 5 == 0  # smaps_rollup is dearer than statm: PSS every 5th sample
        procs = _tree(pid)
        for p in procs:
            try:
                if pss_ok:
                    m = p.memory_full_info()
                    pss_sum += m.pss
                    rss = m.rss
                else:
                    rss = p.memory_info().rss
                t = p.cpu_times()
                out.tree_cpu[p.pid] = t.user + t.system
            except psutil.Error:
                continue
            rss_sum += rss
            out.max_rss = max(out.max_rss, rss)
        out.sum_rss = max(out.sum_rss, rss_sum)
        if pss_ok:
            out.sum_pss = max(out.sum_pss, pss_sum)
        out.max_procs = max(out.max_procs, len(procs))
        tick += 1
        stop.wait(every)


_SUMMARY_RATE = "releases/s"


_READING = ["fast"]


def reading_parser() -> str | None:
    """The parser package of the reading measured (``--reading``), None for the fast reading."""
    if _READING[0] == "fast":
        return None
    from tiedote.claims.syntax import PARSER

    return PARSER


def run_cli_batch(
    archive: Path, jobs: int | None, env: dict[str, str], workdir: Path, *, memory: bool = True
) -> dict[str, Any]:
    """One ``tiedote batch`` into a fresh SQLite file, watched; returns times, rates and memory.

    ``memory=False``: sample lightly (RSS and CPU every 200 ms, no PSS), so the watcher takes
    next to no CPU from a run whose speed is what counts."""
    out = workdir / f"out-{jobs or 'default'}-{time.monotonic_ns()}.sqlite"
    cmd = [*tiedote_cmd(), "batch", str(archive), "-o", str(out), "--parser" if reading_parser() else "--fast"]
    if jobs is not None:
        cmd += ["--jobs", str(jobs)]
    sample = TreeSample()
    stop = threading.Event()
    busy0, self0 = _busy_seconds(), _own_seconds(children=False)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    watcher = threading.Thread(
        target=_watch, args=(proc.pid, stop, sample, 0.05 if memory else 0.2, memory), daemon=True
    )
    watcher.start()
    assert proc.stderr is not None
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    stop.set()
    watcher.join()
    text = stderr.decode("utf-8", "replace").strip()
    if proc.returncode != 0:
        detail = ""
        if out.exists():
            import sqlite3

            try:
                with sqlite3.connect(out) as db:
                    detail = "; first errors: " + repr(db.execute("SELECT * FROM errors LIMIT 3").fetchall())
            except sqlite3.Error:
                pass
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}: {text[-2000:]}{detail}")
    # "tiedote batch: N releases, C claims, ...; S s, R releases/s"
    summary = text.splitlines()[-1]
    releases = int(summary.split("tiedote batch: ", 1)[1].split(" releases", 1)[0])
    claims = int(summary.split(" releases, ", 1)[1].split(" claims", 1)[0])
    own_rate = float(summary.rsplit(", ", 1)[1].split(" ", 1)[0])
    out.unlink(missing_ok=True)
    for extra in ("-wal", "-shm", "-journal"):
        Path(str(out) + extra).unlink(missing_ok=True)
    tree_cpu = sum((sample.tree_cpu or {}).values())
    other = (_busy_seconds() - busy0 - tree_cpu - (_own_seconds(children=False) - self0)) / wall
    return {
        "jobs": jobs,
        "releases": releases,
        "claims": claims,
        "wall_s": wall,
        "releases_per_s": releases / wall,
        "own_releases_per_s": own_rate,
        "peak_sum_rss_mb": sample.sum_rss / 2**20,
        "peak_sum_pss_mb": sample.sum_pss / 2**20,
        "peak_max_rss_mb": sample.max_rss / 2**20,
        "wait4_maxrss_mb": usage.ru_maxrss / 1024,
        "processes": sample.max_procs,
        "tree_cpu_s": tree_cpu,
        "other_cpu_cores": max(0.0, other),
    }


def bench_batch_scaling(
    releases: list[Release], runs: int, env: dict[str, str], workdir: Path, log: LoadLog,
    corpus: list[Release] | None = None,
) -> dict[str, Any]:
    """(c) over ``releases``; with ``corpus``, one more run of each over it, shown without a target."""
    archive = workdir / "batch.jsonl"
    n = write_archive(releases, archive)
    results: dict[int, list[dict[str, Any]]] = {1: [], 2: []}
    short: dict[int, dict[str, Any]] = {}
    with log.section("c_batch_jobs", sampled_children=True) as extra:
        for i in range(runs):
            for jobs in (1, 2):
                if i or jobs == 2:
                    log.quiet(extra)
                r = run_cli_batch(archive, jobs, env, workdir, memory=False)
                results[jobs].append(r)
                extra["own"] += r["tree_cpu_s"]
        if corpus is not None:
            small = workdir / "corpus.jsonl"
            write_archive(corpus, small)
            for jobs in (1, 2):
                log.quiet(extra)
                short[jobs] = run_cli_batch(small, jobs, env, workdir, memory=False)
                extra["own"] += short[jobs]["tree_cpu_s"]
            small.unlink()
    archive.unlink()
    best = {j: max(rs, key=lambda r: r["releases_per_s"]) for j, rs in results.items()}
    claims = {r["claims"] for rs in results.values() for r in rs}
    return {
        "archive_releases": n,
        "runs": results,
        "jobs1_other_cpu": best[1]["other_cpu_cores"],
        "jobs2_other_cpu": best[2]["other_cpu_cores"],
        "jobs1_releases_per_s": best[1]["releases_per_s"],
        "jobs2_releases_per_s": best[2]["releases_per_s"],
        "jobs1_own_releases_per_s": max(r["own_releases_per_s"] for r in results[1]),
        "jobs2_own_releases_per_s": max(r["own_releases_per_s"] for r in results[2]),
        "ratio": best[2]["releases_per_s"] / best[1]["releases_per_s"],
        "own_ratio": max(r["own_releases_per_s"] for r in results[2])
        / max(r["own_releases_per_s"] for r in results[1]),
        "same_claims_every_run": len(claims) == 1,
        "corpus_runs": {str(j): r for j, r in short.items()},
    }


def bench_memory(
    base: list[Release], sizes: tuple[int, int], env: dict[str, str], workdir: Path, log: LoadLog
) -> dict[str, Any]:
    out: dict[str, Any] = {"sizes": list(sizes), "runs": {}}
    with log.section("d_batch_memory", sampled_children=True) as extra:
        for n in sizes:
            archive = workdir / f"mem-{n}.jsonl"
            write_archive(cycle(base, n), archive)
            for jobs_opt in (1, None):
                if n != sizes[0] or jobs_opt is None:
                    log.quiet(extra)
                r = run_cli_batch(archive, jobs_opt, env, workdir)
                out["runs"][f"{n}/{'1' if jobs_opt == 1 else 'default'}"] = r
                extra["own"] += r["tree_cpu_s"]
            archive.unlink()
    small, big = sizes
    for jobs in ("1", "default"):
        a, b = out["runs"][f"{small}/{jobs}"], out["runs"][f"{big}/{jobs}"]
        for key in ("peak_sum_rss_mb", "peak_sum_pss_mb", "peak_max_rss_mb"):
            out[f"growth_{jobs}_{key}"] = b[key] / a[key] - 1 if a[key] else float("nan")
    return out


# --------------------------------------------------------------------------- (e)

_COLD = """\
import sys, datetime as dt
import os, tiedote
text = sys.stdin.read()
ex = tiedote.Extractor(parser=os.environ.get("TIEDOTE_BENCH_PARSER") or None)
claims = ex.extract(text, published=dt.date.fromisoformat(sys.argv[1]))
print(claims[0].quantity.value if claims else "NONE", flush=True)
"""


def cold_start(release: Release, cache: Path, env: dict[str, str]) -> float:
    env = {**env, "TIEDOTE_CACHE_DIR": str(cache)}
    published = (release.published or dt.date(2020, 1, 1)).isoformat()
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", _COLD, published],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(release.text.encode("utf-8"))
    proc.stdin.close()
    line = proc.stdout.readline()
    seconds = time.perf_counter() - t0
    proc.stdout.read()
    assert proc.stderr is not None
    err = proc.stderr.read()
    proc.wait()
    if proc.returncode != 0 or not line.strip() or line.strip() == b"NONE":
        raise RuntimeError(f"cold start failed ({proc.returncode}): {err.decode()[-2000:]}")
    return seconds


def bench_cold_start(base: list[Release], runs: int, warm_cache: Path, env: dict[str, str],
                     workdir: Path, log: LoadLog) -> dict[str, Any]:
    release = base[0]
    with log.section("e_cold_start"):
        empty: list[float] = []
        for i in range(runs):
            fresh = workdir / f"empty-cache-{i}"
            fresh.mkdir()
            empty.append(cold_start(release, fresh, env))
            shutil.rmtree(fresh, ignore_errors=True)
        warm = [cold_start(release, warm_cache, env) for _ in range(runs)]
    return {
        "release": release.name,
        "warm_cache_s": min(warm),
        "empty_cache_s": min(empty),
        "warm_cache_runs": warm,
        "empty_cache_runs": empty,
    }


# --------------------------------------------------------------------------- profile


def profile_extraction(corpus: list[Release], top: int, out: str | None) -> None:
    """cProfile over one ``extract_many`` pass on the corpus (extractor built and warmed first), by tottime."""
    import cProfile
    import pstats

    import tiedote

    ex = tiedote.Extractor(parser=reading_parser())
    ex.extract(corpus[0].text, published=corpus[0].published)
    items = [(r.text, r.published) for r in corpus]
    prof = cProfile.Profile()
    prof.enable()
    claims = sum(len(c) for c in ex.extract_many(items))
    prof.disable()
    if out:
        prof.dump_stats(out)
    print(f"cProfile of extract_many over {len(corpus):,} releases, {sum(r.words for r in corpus):,} words, "
          f"{claims:,} claims (tiedote at {tiedote.__file__})")
    pstats.Stats(prof).sort_stats("tottime").print_stats(top)


# --------------------------------------------------------------------------- report


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def _reaches(value: float, target: float | None) -> bool:
    return target is None or value >= target


def _within(value: float, target: float | None) -> bool:
    return target is None or value <= target


def _at_least(value: float, target: float | None, unit: str = "") -> tuple[str, str]:
    return ("(no target)", "") if target is None else (f">= {target:g}{unit}", verdict(_reaches(value, target)))


def _at_most(value: float, target: float | None, unit: str = "") -> tuple[str, str]:
    return ("(no target)", "") if target is None else (f"<= {target:g}{unit}", verdict(_within(value, target)))


def table(res: dict[str, Any]) -> str:
    a, c, d, e = res["extract"], res["batch"], res["memory"], res["cold_start"]
    t = res["targets"]
    small, big = d["sizes"]
    rows: list[tuple[str, str, str, str]] = []
    rows.append(("(a) extract_many, words/s", f"{a['a_words_per_s']:,.0f}", "", ""))
    rows.append(("(b) spacy.blank('fi') nlp.pipe, words/s", f"{a['b_words_per_s']:,.0f}", "", ""))
    rows.append(("(a)/(b)", f"{a['ratio']:.3f}", *_at_least(a["ratio"], t["ratio"])))
    f = res["first_pass"]
    rows.append((f"    first pass, {f['releases']} distinct texts: (a) / (b)",
                 f"{f['a_words_per_s']:,.0f} / {f['b_words_per_s']:,.0f}", "", ""))
    rows.append(("    first pass (a)/(b), caches cold (no target)", f"{f['ratio']:.3f}", "", ""))
    rows.append((f"(c) archive: {c['archive_releases']:,} releases", "", "", ""))
    rows.append(("(c) batch --jobs 1, releases/s [own figure]",
                 f"{c['jobs1_releases_per_s']:.1f} [{c['jobs1_own_releases_per_s']:.1f}]", "", ""))
    rows.append(("(c) batch --jobs 2, releases/s [own figure]",
                 f"{c['jobs2_releases_per_s']:.1f} [{c['jobs2_own_releases_per_s']:.1f}]", "", ""))
    rows.append(("    (other processes' CPU in those two runs)",
                 f"{c['jobs1_other_cpu']:.2f} / {c['jobs2_other_cpu']:.2f} cores", "", ""))
    rows.append(("(c) jobs 2 / jobs 1 (wall clock) [own figure]",
                 f"{c['ratio']:.2f}x [{c['own_ratio']:.2f}x]", *_at_least(c["ratio"], t["scaling"], "x")))
    short = c.get("corpus_runs") or {}
    if short:
        r1, r2 = short["1"], short["2"]
        rows.append((f"    over the {r1['releases']:,}-release corpus, one run each: jobs 1 / jobs 2",
                     (f"{r1['releases_per_s']:.1f} / {r2['releases_per_s']:.1f} = "
                      f"{r2['releases_per_s'] / r1['releases_per_s']:.2f}x"), "(no target)", ""))
    for jobs, label in (("1", "--jobs 1"), ("default", "default jobs")):
        r_small, r_big = d["runs"][f"{small}/{jobs}"], d["runs"][f"{big}/{jobs}"]
        for n, r in ((small, r_small), (big, r_big)):
            rows.append((
                f"(d) peak RSS (tree sum), {n:,} rel., {label} ({r['processes']} proc)",
                f"{r['peak_sum_rss_mb']:.0f} MB",
                *_at_most(r["peak_sum_rss_mb"], t["rss_jobs1" if jobs == "1" else "rss_default"], " MB"),
            ))
            rows.append((
                "      PSS sum / largest process / wait4",
                f"{r['peak_sum_pss_mb']:.0f} / {r['peak_max_rss_mb']:.0f} / {r['wait4_maxrss_mb']:.0f} MB",
                "", "",
            ))
        g = d[f"growth_{jobs}_peak_sum_rss_mb"]
        gmax = d[f"growth_{jobs}_peak_max_rss_mb"]
        rows.append((
            f"(d) growth {small:,} -> {big:,}, {label} [largest proc]",
            f"{g:+.1%} [{gmax:+.1%}]",
            f"at most +{TARGET_FLAT:.0%}",
            verdict(memory_flat(g)),
        ))
        rows.append((f"    (rate over {big:,} releases, {label}; other CPU)",
                     f"{r_big['releases_per_s']:.1f} rel/s; {r_big['other_cpu_cores']:.2f}", "", ""))
    rows.append(("(e) cold start to first claim, lemma cache warm", f"{e['warm_cache_s']:.2f} s",
                 *_at_most(e["warm_cache_s"], t["cold"], " s")))
    rows.append(("(e) cold start to first claim, empty cache dir", f"{e['empty_cache_s']:.2f} s",
                 "(first run)", ""))
    w = [max(len(r[i]) for r in rows) for i in range(4)]
    head = ("figure", "measured", "target", "")
    w = [max(w[i], len(head[i])) for i in range(4)]
    lines = ["  ".join(h.ljust(w[i]) for i, h in enumerate(head)).rstrip()]
    lines.append("  ".join("-" * x for x in w))
    lines += ["  ".join(cell.ljust(w[i]) for i, cell in enumerate(r)).rstrip() for r in rows]
    return "\n".join(lines)


def engine_build() -> str:
    """Which build of the engine ran (hatch_build.py): every speed figure depends on it."""
    import tiedote
    from tiedote import build

    if tiedote.compiled():
        return "compiled engine"
    return f"Python source: {build.PURE_REASON or 'no compiled extensions (a pure build, or --snapshot)'}"


def _code_state(snapshot: bool) -> dict[str, Any]:
    def git(*a: str) -> str:
        r = subprocess.run(["git", "-C", str(ROOT), *a], capture_output=True, text=True, check=False)
        return r.stdout.strip()

    dirty = git("status", "--porcelain", "--", "src")
    return {
        "commit": git("rev-parse", "--short", "HEAD"),
        "measured": "HEAD snapshot" if snapshot else ("working tree, modified" if dirty else "working tree"),
        "src_changes": dirty.splitlines() if not snapshot else [],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reading", choices=["fast", "parser"], default="fast",
                    help="the reading measured: fast (the targets' engine, default) or parser")
    ap.add_argument("--quick", action="store_true",
                    help="smaller run: 30 000 words, memory over 200 and 1 000 releases, one run each")
    ap.add_argument("--json", metavar="OUT", help="save every figure (and each run) as JSON")
    ap.add_argument("--runs", type=int, default=None, help="runs per timed figure, best kept (default 3; quick 1)")
    ap.add_argument("--min-words", type=int, default=None, help="corpus size (default 200 000; quick 30 000)")
    ap.add_argument("--batch-releases", type=int, default=None, metavar="N",
                    help="releases in (c)'s archive, the distinct ones cycled (default 3 000; quick: the corpus)")
    ap.add_argument("--snapshot", action="store_true",
                    help="benchmark the committed HEAD (git archive HEAD src, put first on PYTHONPATH) "
                    "instead of the working tree, which others may be editing")
    ap.add_argument("--wait-quiet", type=float, default=None, metavar="CORES",
                    help="before each section, wait (up to 10 min) until other processes use at most "
                    "CORES cores (measured over 3 s), e.g. 0.3")
    ap.add_argument("--profile", type=int, nargs="?", const=25, default=None, metavar="N",
                    help="only profile: cProfile over extract_many on the corpus, top N lines by tottime")
    ap.add_argument("--profile-out", metavar="FILE", help="with --profile: also save the pstats file")
    args = ap.parse_args(argv)
    _READING[0] = args.reading
    if args.reading == "parser":
        from tiedote.claims.syntax import PARSER

        os.environ["TIEDOTE_BENCH_PARSER"] = PARSER  # read by the child processes' scripts

    runs = args.runs or (1 if args.quick else 3)
    min_words = args.min_words or (30_000 if args.quick else 200_000)
    sizes = (200, 1_000) if args.quick else (1_000, 10_000)

    log = LoadLog(args.wait_quiet)
    started = time.monotonic()
    load_start = os.getloadavg()

    workdir = Path(tempfile.mkdtemp(prefix="tiedote-bench-"))
    warm_cache = workdir / "lemma-cache"
    warm_cache.mkdir()
    # Set before tiedote is imported: this process and every child share one warm cache.
    os.environ["TIEDOTE_CACHE_DIR"] = str(warm_cache)
    code = _code_state(args.snapshot)
    if args.snapshot:
        snap = workdir / "snapshot"
        snap.mkdir()
        tar = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", code["commit"], "src"],
                             check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(snap)], input=tar, check=True)
        os.environ["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(snap / "src"), os.environ.get("PYTHONPATH", "")) if p)
        sys.path.insert(0, str(snap / "src"))
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    try:
        base = load_releases()
        corpus = build_corpus(base, min_words)
        if args.profile is not None:
            profile_extraction(corpus, args.profile, args.profile_out)
            return 0
        print(f"corpus: {len(base)} distinct releases, {sum(r.words for r in base):,} words; "
              f"repeated to {len(corpus):,} releases, {sum(r.words for r in corpus):,} words", flush=True)
        print("(a)(b) extract_many vs spacy tokenizing ...", flush=True)
        extract = bench_extract_and_tokenize(corpus, runs, log)
        print("(a)(b) first pass over the distinct texts ...", flush=True)
        first = bench_first_pass(base, runs, env, workdir, log)
        print("(e) cold start ...", flush=True)
        cold = bench_cold_start(base, runs, warm_cache, env, workdir, log)
        print("(c) batch --jobs 1 / --jobs 2 ...", flush=True)
        n_batch = args.batch_releases or (len(corpus) if args.quick else 3_000)
        batch = bench_batch_scaling(list(cycle(base, n_batch)), runs, env, workdir, log,
                                    corpus=None if args.quick else corpus)
        print(f"(d) batch memory over {sizes[0]:,} and {sizes[1]:,} releases ...", flush=True)
        memory = bench_memory(base, sizes, env, workdir, log)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    import tiedote

    res: dict[str, Any] = {
        "code": {**code, "tiedote_file": tiedote.__file__},
        "when": dt.datetime.now().isoformat(timespec="seconds"),
        "tiedote_version": tiedote.__version__,
        "python": platform.python_version(),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform()},
        "mode": "quick" if args.quick else "full",
        "runs": runs,
        "seconds": time.monotonic() - started,
        "load_average_start": load_start,
        "load_average_end": os.getloadavg(),
        "load": log.summary(),
        "sections": log.sections,
        "extract": extract,
        "first_pass": first,
        "batch": batch,
        "memory": memory,
        "cold_start": cold,
    }
    d = memory
    t = res["targets"] = targets(args.reading)
    checks = {
        **({} if t["ratio"] is None else {"ratio": _reaches(extract["ratio"], t["ratio"])}),
        "scaling": _reaches(batch["ratio"], t["scaling"]),
        "rss": all(_within(r["peak_sum_rss_mb"], t["rss_jobs1" if key.endswith("/1") else "rss_default"])
                   for key, r in d["runs"].items()),
        "flat": all(memory_flat(d[f"growth_{j}_peak_sum_rss_mb"]) for j in ("1", "default")),
        "cold_start": _within(cold["warm_cache_s"], t["cold"]),
    }
    res["pass"] = checks

    print()
    res["build"] = engine_build()
    print(f"tiedote {tiedote.__version__} at {code['commit']} ({code['measured']}; {res['build']}), "
          f"Python {platform.python_version()}, {os.cpu_count()} CPUs, "
          f"{res['mode']} run, best of {runs}; corpus {extract['releases']:,} releases / "
          f"{extract['words']:,} words; {extract['claims'][0]:,} claims per pass")
    print(table(res))
    ld = res["load"]
    print(f"load average (1 min) {ld['load1_min']:.2f}-{ld['load1_max']:.2f} over the run "
          f"(start {load_start[0]:.2f} {load_start[1]:.2f} {load_start[2]:.2f}); CPU used by other processes: "
          f"mean {ld['other_cpu_cores_mean']:.2f}, max {ld['other_cpu_cores_max']:.2f} cores")
    for name, s in log.sections.items():
        waited = f"  (+{s['waited_s']:.0f} s checking/waiting for quiet)" if s.get("waited_s", 0) >= 1 else ""
        print(f"  {name:22s} {s['seconds']:6.1f} s  load {s['load1_before']:.2f} -> {s['load1_after']:.2f}"
              f"  other CPU {s['other_cpu_cores']:.2f} cores{waited}")
    if not batch["same_claims_every_run"]:
        print("WARNING: batch runs disagree on the number of claims")
    failed = [k for k, v in checks.items() if not v]
    print(f"{len(checks) - len(failed)}/{len(checks)} targets met" + (f"; failed: {', '.join(failed)}" if failed else ""))
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=2, default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
