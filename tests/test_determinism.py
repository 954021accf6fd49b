"""Same input and version give byte-identical JSONL (issue 7): in one process and across processes.

The JSONL is one ``json.dumps(claim.model_dump(mode="json"), ensure_ascii=False,
sort_keys=True)`` line per claim.  Across processes the texts are extracted in
fresh interpreters with different ``PYTHONHASHSEED`` values (0, 1, 12345):
anything that leaked set or dict-of-set iteration order into the output (a
regex alternation built from a set, a "first match" over a frozenset) would
show as a byte difference.  The CLI (``tiedote extract - --format jsonl``) is
checked the same way.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

import tiedote

try:
    from .test_fuzz import RELEASE_DATES, RELEASES, VOCAB, check_claims, dumps
except ImportError:  # tests/ run as plain modules (no tests/__init__.py)
    from test_fuzz import RELEASE_DATES, RELEASES, VOCAB, check_claims, dumps  # type: ignore[no-redef]

SEEDS = ("0", "1", "12345")
TIMEOUT = 300


def _mutate(rnd: random.Random, text: str) -> str:
    for _ in range(rnd.randint(1, 6)):
        at = rnd.randrange(len(text) + 1)
        op = rnd.choice(["delete", "insert", "duplicate"])
        if op == "delete":
            text = text[:at] + text[at + rnd.randint(1, 10) :]
        elif op == "insert":
            text = text[:at] + rnd.choice(["7", "–", ":", "\u00a0", "\u202f", " 000", ",5", "\n"]) + text[at:]
        else:
            n = rnd.randint(1, 40)
            text = text[: at + n] + text[at : at + n] + text[at + n :]
    return text


def _finnish(rnd: random.Random) -> str:
    pools = [
        p
        for p in ("units", "qualifiers", "statistics", "rates", "changes", "months", "time", "number_words")
        if VOCAB[p]
    ]
    words = []
    for _ in range(rnd.randint(5, 30)):
        r = rnd.random()
        if r < 0.3:
            words.append(
                rnd.choice(
                    [
                        "40 000",
                        "2,5",
                        "12–15",
                        "30\u00a0000:een",
                        "97,4",
                        "1 200 000",
                        "5 %",
                        "2019",
                        "9.6.2020",
                        "3",
                    ]
                )
            )
        else:
            words.append(rnd.choice(VOCAB[rnd.choice(pools)]))
        words.append(rnd.choice([" ", " ", " ", ", ", ". ", "\n", " – "]))
    return "".join(words).capitalize() + "."


def corpus() -> list[tuple[str, str | None]]:
    """Fixed texts (and publication dates as ISO strings): the releases, mutations, word salads."""
    rnd = random.Random(1234567)
    out: list[tuple[str, str | None]] = [(t, d.isoformat()) for t, d in zip(RELEASES, RELEASE_DATES)]
    out += [(t, None) for t in RELEASES]
    for _ in range(24):
        k = rnd.randrange(len(RELEASES))
        out.append((_mutate(rnd, RELEASES[k]), RELEASE_DATES[k].isoformat()))
    for _ in range(24):
        out.append((_finnish(rnd), rnd.choice([None, "2020-06-09", "2019-12-31", "2021-01-04"])))
    return out


# The child program: read {"items": [[text, published], ...], "cli": text or null} as
# JSON on stdin; write the JSONL of every item (a header line per item, then one
# line per claim) to stdout as UTF-8 bytes, whatever the locale; and, when asked,
# the CLI's JSONL for the "cli" text (run in this same interpreter, so this
# seed's CLI output costs no second interpreter) to the file named in argv[1].
CHILD = r"""
import datetime as dt, json, sys
import tiedote
job = json.loads(sys.stdin.buffer.read().decode("utf-8"))
ex = tiedote.Extractor()
out = []
for k, (text, published) in enumerate(job["items"]):
    p = dt.date.fromisoformat(published) if published else None
    out.append(f"# {k}\n")
    for c in ex.extract(text, published=p):
        out.append(json.dumps(c.model_dump(mode="json"), ensure_ascii=False, sort_keys=True) + "\n")
sys.stdout.buffer.write("".join(out).encode("utf-8"))
sys.stdout.flush()
from click.testing import CliRunner
from tiedote.cli import cli
res = CliRunner().invoke(cli, ["extract", "-", "--format", "jsonl", "--published", "2020-06-09"],
                         input=job["cli"].encode("utf-8"))
if res.exception is not None and not isinstance(res.exception, SystemExit):
    raise res.exception
with open(sys.argv[1], "wb") as f:
    f.write(res.stdout_bytes)
"""
CLI_TEXT = "\n\n".join(RELEASES)


def _expected(items: list[tuple[str, str | None]]) -> bytes:
    ex = tiedote.Extractor()
    out = []
    for k, (text, published) in enumerate(items):
        p = dt.date.fromisoformat(published) if published else None
        claims = ex.extract(text, published=p)
        check_claims(text, claims)
        out.append(f"# {k}\n" + dumps(claims))
    return "".join(out).encode("utf-8")


def _env(seed: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = seed
    env["PYTHONUTF8"] = "1"
    return env


class Runs:
    """The outputs of the child interpreters, one per hash seed (started together, read in turn)."""

    def __init__(self, tmp: Path) -> None:
        self.items = corpus()
        job = json.dumps({"items": self.items, "cli": CLI_TEXT}, ensure_ascii=False).encode("utf-8")
        procs = {}
        for seed in SEEDS:
            procs[seed] = subprocess.Popen(
                [sys.executable, "-c", CHILD, str(tmp / f"cli-{seed}.jsonl")],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=_env(seed),
                cwd=tmp,
            )
        self.lib: dict[str, bytes] = {}
        self.cli: dict[str, bytes] = {}
        for seed, proc in procs.items():
            out, err = proc.communicate(job, timeout=TIMEOUT)
            assert proc.returncode == 0, (seed, proc.returncode, err.decode("utf-8", "replace")[-3000:])
            self.lib[seed] = out
            self.cli[seed] = (tmp / f"cli-{seed}.jsonl").read_bytes()


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Runs:
    return Runs(tmp_path_factory.mktemp("determinism"))


def test_same_text_same_jsonl_in_one_process() -> None:
    items = corpus()
    first = _expected(items)
    assert first.count(b"\n{") > 30, "the corpus should give claims"
    assert _expected(items) == first


@pytest.mark.slow
def test_jsonl_is_byte_identical_across_hash_seeds(runs: Runs) -> None:
    here = _expected(runs.items)  # this process has a hash seed of its own
    for seed, out in runs.lib.items():
        assert out == here, f"PYTHONHASHSEED={seed} gives other bytes than this process: " + _first_diff(
            out, here
        )


def _first_diff(a: bytes, b: bytes) -> str:
    la, lb = a.decode("utf-8").splitlines(), b.decode("utf-8").splitlines()
    for k, (x, y) in enumerate(zip(la, lb)):
        if x != y:
            return f"line {k}:\n  {x[:500]}\n  {y[:500]}"
    return f"{len(la)} lines against {len(lb)}"


@pytest.mark.slow
def test_cli_jsonl_is_byte_identical_across_hash_seeds(runs: Runs) -> None:
    outputs = runs.cli
    assert set(outputs) == set(SEEDS)
    first = outputs[SEEDS[0]]
    for name, out in outputs.items():
        assert out == first, f"CLI output differs between {SEEDS[0]} and {name}: " + _first_diff(out, first)
    lines = first.decode("utf-8").splitlines()
    assert len(lines) == 1, "one release, one JSONL line"
    record = json.loads(lines[0])
    # the CLI's claims are the library's claims for the text the record carries
    assert record["published"] == "2020-06-09"
    claims = tiedote.extract(record["text"], published=dt.date(2020, 6, 9))
    assert record["claims"] == [c.model_dump(mode="json") for c in claims]
    assert len(record["claims"]) >= 10
