"""simplemma's Finnish dictionary, loaded in a fraction of a second after the first time.

simplemma's memory-frugal backend (48 MiB instead of 343, docs/lemmatizer.md)
keeps the dictionary as a compressed front-coded stream and, on first use in
every process, walks all of it once to build a block index: about 3.5 s of CPU
per process, most of tiedote's cold start and a cost every batch worker pays.
The index depends only on the installed simplemma's data file, so we keep it
in the user's cache directory (``$TIEDOTE_CACHE_DIR``, else
``$XDG_CACHE_HOME/tiedote`` or ``~/.cache/tiedote``) in ``marshal`` format —
builtin types only, nothing executable — keyed by simplemma's version and a
hash of the data file's bytes, so every virtualenv with the same simplemma
shares one 25 MB file (keyed by the file's mtime, each new venv added one);
files of the same simplemma and language under an older key are removed when
a new one is written.  Nothing is downloaded; when the cache cannot be read or
written the index is simply built in memory as simplemma would.

The index's 110 000 block seeds are kept as flat arrays, not as a tuple per
block: unmarshalling that many small objects took 85 ms of every start-up, the
flat form 20 ms, and a seed is put together only for the block a lookup needs.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from array import array
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import simplemma
from simplemma.strategies import DefaultStrategy
from simplemma.strategies.dictionaries import frontcode
from simplemma.strategies.dictionaries.dictionary_factory import CachingDictionaryFactory
from simplemma.strategies.dictionaries.stream_dictionary_factory import StreamMap
from simplemma.strategies.dictionary_lookup import DictionaryLookupStrategy

_FORMAT = 2


def cache_dir() -> Path:
    explicit = os.environ.get("TIEDOTE_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tiedote"


def _data_file(lang: str) -> Path:
    return Path(frontcode.__file__).parent / "data" / f"{lang}.plzma"


def _cache_prefix(lang: str) -> str:
    return f"simplemma-{getattr(simplemma, '__version__', 'unknown')}-{lang}-"


def _cache_path(lang: str) -> Path:
    # The data file is under a megabyte: hashing it costs about a millisecond per process.
    digest = hashlib.sha256(_data_file(lang).read_bytes()).hexdigest()[:16]
    return cache_dir() / f"{_cache_prefix(lang)}{digest}-v{_FORMAT}.marshal"


def _remove_stale(path: Path, lang: str) -> None:
    """Other index files of this simplemma and language: left by older tiedotes (or an older key)."""
    for old in path.parent.glob(f"{_cache_prefix(lang)}*.marshal"):
        if old != path:
            old.unlink(missing_ok=True)


_PLAIN = ("_data", "_rev", "_count", "_pos", "_firsts")  # StreamMap's slots kept as they are


class _Seeds:
    """StreamMap's ``_blocks`` (block -> (record offset, previous key, previous value)) over flat arrays."""

    __slots__ = ("_key_ends", "_keys", "_offsets", "_value_ends", "_values")

    def __init__(self, offsets: array[int], keys: bytes, key_ends: array[int], values: bytes,
                 value_ends: array[int]) -> None:
        self._offsets, self._keys, self._key_ends = offsets, keys, key_ends
        self._values, self._value_ends = values, value_ends

    @classmethod
    def of(cls, blocks: list[tuple[int, bytes, bytes]] | _Seeds) -> _Seeds:
        if isinstance(blocks, _Seeds):
            return blocks
        key_ends, value_ends, n, m = array("q", [0]), array("q", [0]), 0, 0
        for _, key, value in blocks:
            n += len(key)
            m += len(value)
            key_ends.append(n)
            value_ends.append(m)
        return cls(array("q", [b[0] for b in blocks]), b"".join(b[1] for b in blocks), key_ends,
                   b"".join(b[2] for b in blocks), value_ends)

    def __len__(self) -> int:
        return len(self._offsets)

    def __getitem__(self, i: int) -> tuple[int, bytes, bytes]:
        k, v = self._key_ends, self._value_ends
        return (self._offsets[i], self._keys[k[i]:k[i + 1]], self._values[v[i]:v[i + 1]])

    def state(self) -> tuple[bytes, bytes, bytes, bytes, bytes]:
        return (self._offsets.tobytes(), self._keys, self._key_ends.tobytes(), self._values,
                self._value_ends.tobytes())

    @classmethod
    def from_state(cls, state: Any) -> _Seeds:
        offsets, keys, key_ends, values, value_ends = state
        arrays = []
        for raw in (offsets, key_ends, value_ends):
            a = array("q")
            a.frombytes(raw)
            arrays.append(a)
        seeds = cls(arrays[0], keys, arrays[1], values, arrays[2])
        n = len(seeds._offsets)
        if len(seeds._key_ends) != n + 1 or len(seeds._value_ends) != n + 1 or \
                seeds._key_ends[-1] != len(keys) or seeds._value_ends[-1] != len(values):
            raise ValueError("not a tiedote lemma index")
        return seeds


def _to_state(stream: StreamMap) -> tuple[Any, ...]:
    seeds = _Seeds.of(stream._blocks)
    return (*(getattr(stream, name) for name in _PLAIN), seeds.state())


def _from_state(state: Any) -> StreamMap:
    if not (isinstance(state, tuple) and len(state) == len(_PLAIN) + 1 and isinstance(state[0], bytes)
            and isinstance(state[4], list) and isinstance(state[5], tuple) and len(state[5]) == 5):
        raise ValueError("not a tiedote lemma index")
    stream = StreamMap.__new__(StreamMap)
    for name, value in zip(_PLAIN, state, strict=False):
        object.__setattr__(stream, name, value)
    seeds = _Seeds.from_state(state[-1])
    if len(seeds) != len(state[4]):
        raise ValueError("not a tiedote lemma index")
    object.__setattr__(stream, "_blocks", seeds)
    return stream


def load_stream(lang: str) -> StreamMap:
    """The dictionary of ``lang`` with its block index, from the cache when it is there."""
    try:
        path = _cache_path(lang)
    except OSError:
        return StreamMap(lang)
    try:
        return _from_state(marshal.loads(path.read_bytes()))
    except (OSError, ValueError, EOFError, TypeError):
        pass
    stream = StreamMap(lang)
    state = _to_state(stream)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".lemma-", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(marshal.dumps(state))
        os.replace(tmp, path)  # atomic: a concurrent worker sees the old file or the whole new one
        _remove_stale(path, lang)
    except OSError:
        pass  # a read-only home: fine, this process keeps its own index
    return stream


class _CachedStreamFactory(CachingDictionaryFactory):
    __slots__ = ()

    def _get_dictionary_uncached(self, lang: str) -> Mapping[str, str]:
        return load_stream(lang)


@cache
def _lemmatizer() -> tuple[simplemma.Lemmatizer, DictionaryLookupStrategy]:
    factory = _CachedStreamFactory()
    return (simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory)),
            DictionaryLookupStrategy(factory))


def lemmatize(word: str) -> str:
    return str(_lemmatizer()[0].lemmatize(word, lang="fi"))


def is_known(word: str) -> bool:
    return _lemmatizer()[1].get_lemma(word.lower(), "fi") is not None
