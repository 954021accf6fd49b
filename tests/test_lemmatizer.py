"""The lemma index cache: what it loads answers every lookup as simplemma's own index would."""

from __future__ import annotations

import marshal
import os
import random
from pathlib import Path

import pytest
from simplemma.strategies.dictionaries import frontcode
from simplemma.strategies.dictionaries.stream_dictionary_factory import StreamMap

from tiedote.text import lemmatizer


@pytest.fixture(scope="module")
def fresh() -> StreamMap:
    return lemmatizer.load_stream("fi")


def _sample(stream: StreamMap, blocks: int = 300) -> list[str]:
    # Every word of some random blocks (not list(stream): decoding all 3.5 million costs seconds)
    rnd = random.Random(11)
    seeds = stream._blocks  # type: ignore[attr-defined]
    picked = []
    for b in sorted(rnd.sample(range(len(seeds)), blocks)):
        for k, (_, key, _) in enumerate(frontcode._iter_records(stream._data, *seeds[b])):  # type: ignore[attr-defined]
            if k == 32:
                break
            picked.append((key[::-1] if stream._rev else key).decode())  # type: ignore[attr-defined]
    # absent words too: before the first key, after the last, and next to real ones
    return [*picked, *(k + "x" for k in picked[::10]), *(k[:-1] for k in picked[::10] if len(k) > 1),
            "", "\u0000", "ööö", "zzzzzzzz"]


@pytest.mark.slow
def test_the_cached_form_answers_as_the_index_it_was_made_from(fresh: StreamMap) -> None:
    loaded = lemmatizer._from_state(marshal.loads(marshal.dumps(lemmatizer._to_state(fresh))))
    assert isinstance(loaded._blocks, lemmatizer._Seeds)  # type: ignore[attr-defined]
    assert len(loaded) == len(fresh)
    words = _sample(fresh)
    assert [loaded.get(w) for w in words] == [fresh.get(w) for w in words]
    assert sum(fresh.get(w) is not None for w in words) >= 9000


def test_seeds_give_back_each_block(fresh: StreamMap) -> None:
    blocks = [fresh._blocks[i] for i in range(0, len(fresh._blocks), 97)]  # type: ignore[attr-defined]
    seeds = lemmatizer._Seeds.of(blocks)
    assert len(seeds) == len(blocks)
    assert [seeds[i] for i in range(len(blocks))] == blocks
    again = lemmatizer._Seeds.from_state(marshal.loads(marshal.dumps(seeds.state())))
    assert [again[i] for i in range(len(blocks))] == blocks


@pytest.mark.parametrize("state", [
    pytest.param(None, id="not-a-tuple"),
    pytest.param((b"", False, 0, 0, []), id="format-1-length"),
    pytest.param((b"", False, 0, 0, [], (b"", b"", b"", b"", b"")), id="seed-ends-missing"),
    pytest.param((b"", False, 0, 0, [b"a"], (b"", b"", b"\0" * 8, b"", b"\0" * 8)), id="fewer-seeds-than-blocks"),
    pytest.param((b"", False, 0, 0, [], (b"", b"", b"\0" * 8, b"x", b"\0" * 8)), id="values-longer-than-ends"),
])
def test_a_cache_file_of_another_shape_is_refused(state: object) -> None:
    with pytest.raises((ValueError, TypeError)):
        lemmatizer._from_state(state)


@pytest.mark.slow
def test_a_broken_cache_file_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh: StreamMap) -> None:
    monkeypatch.setenv("TIEDOTE_CACHE_DIR", str(tmp_path))
    path = lemmatizer._cache_path("fi")
    path.write_bytes(marshal.dumps((b"junk", 1, 2)))
    words = _sample(fresh, 20)
    stream = lemmatizer.load_stream("fi")  # builds the index anew (seconds) and rewrites the file
    assert [stream.get(w) for w in words] == [fresh.get(w) for w in words]
    reloaded = lemmatizer._from_state(marshal.loads(path.read_bytes()))
    assert [reloaded.get(w) for w in words] == [fresh.get(w) for w in words]


def test_one_cache_file_per_simplemma_version_whatever_the_data_files_mtime(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Issue 19, item 9: the key held the data file's mtime, so each new virtualenv (its own copy
    # of simplemma, installed at another time) added 25 MB to ~/.cache/tiedote.
    monkeypatch.setenv("TIEDOTE_CACHE_DIR", str(tmp_path))
    data = tmp_path / "data" / "fi.plzma"
    data.parent.mkdir()
    data.write_bytes(lemmatizer._data_file("fi").read_bytes())
    monkeypatch.setattr(lemmatizer, "_data_file", lambda lang: data)
    first = lemmatizer._cache_path("fi")
    os.utime(data, (1_000_000_000, 1_000_000_000))  # another venv's copy: same bytes, another mtime
    assert lemmatizer._cache_path("fi") == first
    data.write_bytes(data.read_bytes() + b"x")  # other bytes: another index
    assert lemmatizer._cache_path("fi") != first


def test_writing_an_index_removes_stale_ones_of_the_same_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh: StreamMap
) -> None:
    monkeypatch.setenv("TIEDOTE_CACHE_DIR", str(tmp_path))
    path = lemmatizer._cache_path("fi")
    stale = path.with_name(f"{lemmatizer._cache_prefix('fi')}866676-1796543871-v2.marshal")
    other_version = tmp_path / "simplemma-1.9.0-fi-abc-v2.marshal"
    for old in (stale, other_version):
        old.write_bytes(b"old")
    monkeypatch.setattr(lemmatizer, "StreamMap", lambda lang: fresh)
    lemmatizer.load_stream("fi")
    assert path.exists() and not stale.exists() and other_version.exists()
