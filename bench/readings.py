"""The two readings side by side (issue 16): words/s against the spaCy work each one stands in for.

    .venv/bin/python bench/readings.py [--runs 3] [--min-words 40000] [--json OUT] [--no-batch]

Two corpora: ``shared`` (every release of ../shared/seed, eval/dev and eval/dev2, each
once: dense in figures) and ``bench`` (fixtures/*.txt plus the same, repeated to
``--min-words``, as bench/run.py builds its corpus).  In one run, alternating, best of
``--runs`` each:

(a) the parser reading, ``Extractor(parser="spacy_fi_experimental_web_md").extract_many``,
    against (b) the same spaCy pipeline (tagger, morphologizer, parser; no lemmatizer,
    no NER) run with ``nlp.pipe`` over the whole text: target (a)/(b) >= 1.5;
(c) the fast reading, ``Extractor(parser=None).extract_many``, against (d) ``spacy.blank("fi")``
    tokenizing the same texts: target (c)/(d) >= 0.33.

Both extractors and both pipelines are built and warmed before timing.  Then: seconds
from launching a fresh interpreter to its first claim with the parser reading (target
<= 3 s), and, unless ``--no-batch``, peak RSS of ``tiedote batch --jobs 1 --parser`` over
two archive sizes (the process tree sampled every 50 ms).  The load average and the CPU
other processes used are printed with every figure: on a shared machine, trust a run
whose "other CPU" is near 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHARED = REPO.parent / "shared" if (REPO.parent / "shared").is_dir() else Path("/work/shared")
PARSER = "spacy_fi_experimental_web_md"

Corpus = list[tuple[str, dt.date | None]]


def _gold_date(txt: Path) -> dt.date | None:
    gold = txt.with_name(txt.name[: -len(".txt")] + ".gold.json")
    if gold.exists():
        return dt.date.fromisoformat(json.loads(gold.read_text(encoding="utf-8"))["published"])
    return None


def shared_corpus() -> Corpus:
    out: Corpus = []
    for folder in (SHARED / "seed", SHARED / "eval" / "dev", SHARED / "eval" / "dev2"):
        for txt in sorted(folder.glob("*.txt")):
            out.append((txt.read_text(encoding="utf-8"), _gold_date(txt)))
    return out


def bench_corpus(min_words: int) -> Corpus:
    base: Corpus = [(p.read_text(encoding="utf-8"), _gold_date(p)) for p in sorted((REPO / "fixtures").glob("*.txt"))]
    base += shared_corpus()[:-10]  # seed + dev, as bench/run.py has them (dev2 is in `shared`)
    out: Corpus = []
    while sum(len(t.split()) for t, _ in out) < min_words:
        out.extend(base)
    return out


def _other_cpu() -> Callable[[], float]:
    """Cores used by other processes since the call (system busy time minus our own)."""
    import psutil

    me = psutil.Process()
    t0, c0, m0 = time.perf_counter(), psutil.cpu_times(), me.cpu_times()

    def done() -> float:
        c1, m1 = psutil.cpu_times(), me.cpu_times()
        busy = (c1.user + c1.system) - (c0.user + c0.system)
        mine = (m1.user + m1.system) - (m0.user + m0.system)
        return max(0.0, (busy - mine) / max(1e-9, time.perf_counter() - t0))

    return done


def _time(fn: Callable[[], object]) -> tuple[float, float, float]:
    """Wall seconds, this process's CPU seconds (less moved by other load), other processes' cores."""
    other = _other_cpu()
    t, c = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - t, time.process_time() - c, other()


def side_by_side(corpus: Corpus, runs: int) -> dict[str, Any]:
    import spacy

    import tiedote

    words = sum(len(t.split()) for t, _ in corpus)
    texts = [t for t, _ in corpus]
    fast = tiedote.Extractor(parser=None)
    parsed = tiedote.Extractor(parser=PARSER)
    full = spacy.load(PARSER, exclude=["lemmatizer", "ner"])
    blank = spacy.blank("fi")
    for nlp in (full, blank):
        nlp.max_length = max(nlp.max_length, max(len(t) for t in texts) + 1)
    jobs: dict[str, Callable[[], object]] = {
        "parser_reading": lambda: sum(len(c) for c in parsed.extract_many(corpus)),
        "spacy_pipeline": lambda: sum(len(d) for d in full.pipe(texts)),
        "fast_reading": lambda: sum(len(c) for c in fast.extract_many(corpus)),
        "spacy_blank": lambda: sum(len(d) for d in blank.pipe(texts)),
    }
    for fn in jobs.values():  # warm: models, caches, lemma index
        fn()
    best: dict[str, float] = {}
    best_cpu: dict[str, float] = {}
    seen: dict[str, list[tuple[float, float, float]]] = {k: [] for k in jobs}
    for _ in range(runs):
        for name, fn in jobs.items():
            secs, cpu, other = _time(fn)
            seen[name].append((round(words / secs), round(words / cpu), round(other, 2)))
            best[name] = max(best.get(name, 0.0), words / secs)
            best_cpu[name] = max(best_cpu.get(name, 0.0), words / cpu)
    return {
        "words": words, "texts": len(texts), "words_per_s": {k: round(v) for k, v in best.items()},
        "words_per_cpu_s": {k: round(v) for k, v in best_cpu.items()},
        "runs": seen,
        "parser_vs_pipeline": round(best["parser_reading"] / best["spacy_pipeline"], 2),
        "fast_vs_blank": round(best["fast_reading"] / best["spacy_blank"], 3),
        "parser_vs_pipeline_cpu": round(best_cpu["parser_reading"] / best_cpu["spacy_pipeline"], 2),
        "fast_vs_blank_cpu": round(best_cpu["fast_reading"] / best_cpu["spacy_blank"], 3),
    }


_COLD = (
    "import datetime as dt, tiedote\n"
    f"ex = tiedote.Extractor(parser={PARSER!r})\n"
    "c = ex.extract('Jonotusaika oli keskimäärin 6 minuuttia.', published=dt.date(2020, 6, 9))[0]\n"
    "print(c.measure.lemma, flush=True)\n"
)


def cold_start(runs: int) -> list[tuple[float, float]]:
    """(wall seconds, CPU seconds of the child) from launch to the first claim, per run."""
    import resource

    out = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", _COLD], capture_output=True, text=True, check=True)
        wall = time.perf_counter() - t
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        out.append((round(wall, 2), round(cpu, 2)))
        assert proc.stdout.strip() == "jonotusaika", proc.stdout
    return out


def batch_rss(corpus: Corpus, sizes: list[int]) -> dict[int, dict[str, float]]:
    import psutil

    out: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            archive = Path(tmp) / f"a{n}.jsonl"
            with archive.open("w", encoding="utf-8") as f:
                for i in range(n):
                    text, date = corpus[i % len(corpus)]
                    f.write(json.dumps({"id": f"r{i}", "text": text,
                                        "published": date.isoformat() if date else None}, ensure_ascii=False) + "\n")
            cmd = [sys.executable, "-m", "tiedote", "batch", str(archive), "-o", str(Path(tmp) / f"o{n}.sqlite"),
                   "--jobs", "1", "--parser", "-q"]
            t = time.perf_counter()
            proc = psutil.Popen(cmd)
            peak = 0.0
            while proc.poll() is None:
                try:
                    tree = [proc, *proc.children(recursive=True)]
                    peak = max(peak, sum(p.memory_info().rss for p in tree) / 2**20)
                except psutil.Error:
                    pass
                time.sleep(0.05)
            out[n] = {"peak_rss_mb": round(peak), "seconds": round(time.perf_counter() - t, 1),
                      "releases_per_s": round(n / (time.perf_counter() - t), 1)}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--min-words", type=int, default=40_000)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--no-batch", action="store_true")
    ap.add_argument("--batch-sizes", default="300,1000")
    args = ap.parse_args()
    sys.path.insert(0, str(HERE))
    from run import engine_build

    result: dict[str, Any] = {"load_before": os.getloadavg(), "build": engine_build()}
    print(f"engine: {result['build']}")
    for name, corpus in (("shared", shared_corpus()), ("bench", bench_corpus(args.min_words))):
        r = side_by_side(corpus, args.runs)
        result[name] = r
        print(f"{name:6} {r['texts']} texts, {r['words']} words: words/s {r['words_per_s']}")
        print(f"{'':6} words per CPU second {r['words_per_cpu_s']}")
        print(f"{'':6} parser reading / spaCy pipeline = {r['parser_vs_pipeline']} wall, "
              f"{r['parser_vs_pipeline_cpu']} CPU (target >= 1.5); fast reading / spacy.blank = "
              f"{r['fast_vs_blank']} wall, {r['fast_vs_blank_cpu']} CPU (target >= 0.33)")
        print(f"{'':6} runs (words/s, words/CPU-s, other processes' cores): {r['runs']}")
    result["cold_start_s"] = cold_start(args.runs)
    print(f"cold start to the first claim, parser reading (wall s, CPU s): {result['cold_start_s']} (target <= 3)")
    if not args.no_batch:
        sizes = [int(s) for s in args.batch_sizes.split(",")]
        result["batch_rss"] = batch_rss(shared_corpus(), sizes)
        print(f"tiedote batch --jobs 1 --parser: {result['batch_rss']} (target <= 700 MB, flat)")
    result["load_after"] = os.getloadavg()
    print(f"load average before {result['load_before']}, after {result['load_after']}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, default=str))


if __name__ == "__main__":
    main()
