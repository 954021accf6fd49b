"""A batch stopped by SIGTERM (timeout, docker stop, Slurm) or met with a named pipe (issue 19, items 4, 5).

The SIGTERM tests run the real command in a subprocess and send it a real
signal: the handling under test is process-wide (signal handlers, the worker
pool's shutdown, the resource tracker), which nothing in-process would show.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tiedote.io.sources import open_source
from tiedote.io.stopping import Stopped, stop_on_signals, transaction

RELEASE = (
    "TIEDOTE 9.6.2020\nNeuvonnan puhelut {i}\n\n"
    "Toukokuussa Koivulan neuvonnassa vastattiin keskimäärin {i} 000 puheluun viikossa. "
    "Jonotusaika on nyt {m} minuuttia.\n"
)


N = 2000
"""Releases in a stopped run: enough that it is still running when the signal comes."""


def corpus(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        (folder / f"r{i:05d}.txt").write_text(RELEASE.format(i=i, m=i % 7 + 1) * 4, encoding="utf-8")
    return folder


def start_batch(tmp_path: Path, out: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tiedote", "batch", str(tmp_path / "in"), "-o", str(out), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for(condition: object, process: subprocess.Popen[str], seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        if process.poll() is not None:
            pytest.fail(f"the batch ended before it could be stopped: {process.communicate()}")
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail("the batch made no progress")
        time.sleep(0.05)


def committed(db: Path) -> int:
    if not db.exists():  # connecting would create it, racing the batch's own creation
        return 0
    try:
        with sqlite3.connect(db) as conn:
            return int(conn.execute("SELECT count(*) FROM releases").fetchone()[0])
    except sqlite3.Error:
        return 0


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is a POSIX signal")
def test_sigterm_on_a_jsonl_batch_leaves_no_part_file_and_says_so(tmp_path: Path) -> None:
    corpus(tmp_path / "in", N)
    out = tmp_path / "out.jsonl"
    part = tmp_path / "out.jsonl.part"
    process = start_batch(tmp_path, out, "--jobs", "2")
    wait_for(lambda: part.exists() and part.stat().st_size > 0, process)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 143, err
    assert not part.exists() and not out.exists()
    assert "stopped by SIGTERM" in err and "run the same command" in err and "out.jsonl.part removed" in err
    assert "Traceback" not in err and "leaked semaphore" not in err


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is a POSIX signal")
def test_sigterm_on_a_sqlite_batch_keeps_whole_transactions_and_resumes(tmp_path: Path) -> None:
    corpus(tmp_path / "in", N)
    out = tmp_path / "out.sqlite"
    process = start_batch(tmp_path, out, "--jobs", "1", "--commit-every", "16")
    wait_for(lambda: committed(out) > 0, process)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 143, err
    assert "stopped by SIGTERM" in err and "run the same command to resume" in err
    assert "Traceback" not in err and "leaked semaphore" not in err
    kept = committed(out)
    assert 0 < kept < N
    with sqlite3.connect(out) as conn:  # whole releases only: every stored release has all its claims
        rows = conn.execute(
            "SELECT r.n_claims, count(c.seq) FROM releases r LEFT JOIN claims c ON c.release_id = r.id "
            "GROUP BY r.id"
        ).fetchall()
    assert all(n == m for n, m in rows)
    rerun = subprocess.run(
        [sys.executable, "-m", "tiedote", "batch", str(tmp_path / "in"), "-o", str(out), "--jobs", "1"],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert rerun.returncode == 0, rerun.stderr
    assert f"{kept} already done" in rerun.stderr and committed(out) == N


def test_a_signal_inside_a_transaction_waits_for_its_end() -> None:
    steps: list[str] = []
    with stop_on_signals(), pytest.raises(Stopped) as info:
        with transaction():
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(0.05)  # the handler runs here, and must not raise yet
            steps.append("committed")
        steps.append("after")  # never reached: the stop is raised as the transaction ends
    assert steps == ["committed"] and info.value.exit_status == 143


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_in_a_folder_is_an_error_item_not_a_hang(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Toukokuussa 40 000 puhelua.", encoding="utf-8")
    os.mkfifo(tmp_path / "putki.txt")
    found = {item.id: item.error for item in open_source(str(tmp_path))}
    assert found == {"a.txt": None, "putki.txt": "not a regular file (a named pipe); not read"}


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_batch_over_a_folder_with_a_named_pipe_finishes(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "TIEDOTE 9.6.2020\nOtsikko\n\nToukokuussa 40 000 puhelua.", encoding="utf-8"
    )
    os.mkfifo(folder / "putki.txt")
    out = tmp_path / "out.jsonl"
    done = subprocess.run(
        [sys.executable, "-m", "tiedote", "batch", str(folder), "-o", str(out), "--jobs", "1"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr  # one release failed: the pipe
    assert "1 releases" in done.stderr and "1 errors" in done.stderr
    assert not (tmp_path / "out.jsonl.part").exists()
    assert '"error":"not a regular file (a named pipe); not read"' in out.read_text(encoding="utf-8")
