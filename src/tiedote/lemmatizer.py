"""simplemma's Finnish dictionary, loaded in a fraction of a second after the first time.

simplemma's memory-frugal backend (48 MiB instead of 343, docs/lemmatizer.md)
keeps the dictionary as a compressed front-coded stream and, on first use in
every process, walks all of it once to build a block index: about 3.5 s of CPU
per process, most of tiedote's cold start and a cost every batch worker pays.
The index depends only on the installed simplemma's data file, so we keep it
in the user's cache directory (``$TIEDOTE_CACHE_DIR``, else
``$XDG_CACHE_HOME/tiedote`` or ``~/.cache/tiedote``) in ``marshal`` format —
builtin types only, nothing executable — keyed by simplemma's version and the
data file's size and mtime.  Nothing is downloaded; when the cache cannot be
read or written the index is simply built in memory as simplemma would.
"""

from __future__ import annotations

import marshal
import os
import tempfile
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

_FORMAT = 1


def cache_dir() -> Path:
    explicit = os.environ.get("TIEDOTE_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tiedote"


def _data_file(lang: str) -> Path:
    return Path(frontcode.__file__).parent / "data" / f"{lang}.plzma"


def _cache_path(lang: str) -> Path:
    data = _data_file(lang)
    st = data.stat()
    version = getattr(simplemma, "__version__", "unknown")
    return cache_dir() / f"simplemma-{version}-{lang}-{st.st_size}-{int(st.st_mtime)}-v{_FORMAT}.marshal"


_SLOTS = ("_data", "_rev", "_count", "_pos", "_firsts", "_blocks")


def _from_state(state: Any) -> StreamMap:
    if not (isinstance(state, tuple) and len(state) == len(_SLOTS) and isinstance(state[0], bytes)):
        raise ValueError("not a tiedote lemma index")
    stream = StreamMap.__new__(StreamMap)
    for name, value in zip(_SLOTS, state, strict=True):
        object.__setattr__(stream, name, value)
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
    state = tuple(getattr(stream, name) for name in _SLOTS)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".lemma-", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(marshal.dumps(state))
        os.replace(tmp, path)  # atomic: a concurrent worker sees the old file or the whole new one
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


def warm_up() -> None:
    """Load the dictionary now (before forking workers or starting threads)."""
    lemmatize("puheluun")
