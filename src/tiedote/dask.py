"""Scale out on Dask: ``extract_bag`` (releases → ``ReleaseResult``) and ``extract_frame`` (→ claims).

Dask is the scheduler; tiedote only supplies the work of one partition, which
is the very work of a ``tiedote batch`` chunk (``tiedote.io.batch.process_chunk``):
the same reading of a record, the same publication-date rules (the record's
own date, a dateline at the top of the text, the ``published`` fallback), the
same extractor.  A release therefore gets the same claims here as from
``tiedote batch`` on any machine.

The extractor is built once per worker process and kept in a module global
(``_EXTRACTORS``): a task only looks it up, so no record, and no partition
after the first, pays for building it (word lists, period rules, the lemma
index).  Tasks in threads of one worker run it one at a time under a lock:
the engine fills caches as it goes that nothing promises are safe to fill
from two threads, and pure Python under one interpreter lock would not run
faster in two anyway.

Dask (``pip install 'tiedote[dask]'``) is imported when a function is called,
not when this module is imported.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

from pydantic import ValidationError

from tiedote.errors import ExtractionError, InputTypeError, MissingExtraError
from tiedote.frame import FRAME_COLUMNS, to_frame
from tiedote.io.batch import CHUNK_ITEMS, ExtractorFactory, ExtractorLike, default_extractor, process_chunk
from tiedote.io.results import Release, ReleaseResult, describe_validation_error
from tiedote.io.sources import Item, content_hash

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas

DEFAULT_SOURCE = "dask"
"""``ReleaseResult.source`` of records that come without one (a dict or ``Release`` has no file)."""

_EXTRACTORS: dict[ExtractorFactory, ExtractorLike] = {}
"""Per process: the extractor of each factory, built by the first task that needs it."""
_BUILDS = 0
"""Per process: how many extractors were built here (the tests check it stays at one)."""
_LOCK = threading.Lock()


def _require_dask() -> None:
    try:
        import dask.bag
        import dask.dataframe  # noqa: F401
    except ImportError as exc:
        raise MissingExtraError(
            "tiedote.dask needs Dask, an optional dependency: pip install 'tiedote[dask]' "
            f"(missing: {exc.name or exc})"
        ) from exc


def worker_extractor(factory: ExtractorFactory = default_extractor) -> ExtractorLike:
    """This process's extractor for ``factory``, built on the first call and kept for the next ones."""
    global _BUILDS
    with _LOCK:
        extractor = _EXTRACTORS.get(factory)
        if extractor is None:
            extractor = _EXTRACTORS[factory] = factory()
            _BUILDS += 1
        return extractor


def worker_stats() -> dict[str, int]:
    """This process's id and how many extractors it built: ``client.run(worker_stats)`` on a cluster."""
    return {"pid": os.getpid(), "extractors_built": _BUILDS}


def _record_item(record: object, source: str, location: str) -> Item:
    """A bag element or frame row as the ``Item`` a batch would have made of a JSONL line."""
    if isinstance(record, Item):
        return record
    if isinstance(record, Release):
        release = record
    elif isinstance(record, Mapping):
        fields = {str(key): value for key, value in record.items()}
        try:
            release = Release.model_validate(fields)
        except ValidationError as exc:
            raw_id = fields.get("id")
            usable = isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool) and raw_id != ""
            id = str(raw_id) if usable else location
            return Item.failed(id, source, location, describe_validation_error(exc))
    else:
        kind = type(record).__name__
        return Item.failed(
            location,
            source,
            location,
            f"a release is a dict {{'id', 'text', 'published'?}}, a tiedote.io.results.Release "
            f"or a tiedote.io.sources.Item, got {kind}",
        )
    # The hash a resumable sink compares: of the record as validated (a bag has no bytes as stored).
    return Item(
        release.id,
        source,
        location,
        "release",
        release=release,
        content_hash=content_hash(release.model_dump_json().encode()),
    )


def extract_records(
    records: Iterable[object],
    *,
    published: dt.date | None = None,
    source: str = DEFAULT_SOURCE,
    partition: int = 0,
    factory: ExtractorFactory = default_extractor,
) -> list[ReleaseResult]:
    """The results of one partition's records, in order; what every Dask task runs.

    ``published`` is the fallback date of ``tiedote batch --published``.  A
    record that cannot be read or extracted becomes a result with ``error``
    set, as in a batch; nothing is dropped.
    """
    items = [
        _record_item(record, source, f"{source}:{partition}:{index}") for index, record in enumerate(records)
    ]
    if not items:
        return []  # an empty partition (after a filter, say) builds no extractor
    extractor = worker_extractor(factory)
    results: list[ReleaseResult] = []
    for start in range(0, len(items), CHUNK_ITEMS):
        with _LOCK:
            results.extend(process_chunk(items[start : start + CHUNK_ITEMS], extractor, published))
    return results


def _partition_results(
    records: Iterable[object],
    partition: int,
    published: dt.date | None,
    source: str,
    factory: ExtractorFactory,
) -> list[ReleaseResult]:
    return extract_records(records, published=published, source=source, partition=partition, factory=factory)


def extract_bag(
    bag: dask.bag.Bag,
    *,
    published: dt.date | None = None,
    source: str = DEFAULT_SOURCE,
    factory: ExtractorFactory = default_extractor,
) -> dask.bag.Bag:
    """A bag of releases → a bag of ``ReleaseResult``, one per release, partition for partition, in order.

    A release is a dict ``{"id", "text", "published"?, "title"?, "url"?}`` (the
    JSONL input record; unknown keys are ignored), a ``tiedote.io.results.Release``
    or a ``tiedote.io.sources.Item`` (what ``tiedote.io.sources.open_source`` yields:
    results are then the batch's to the last field).  ``published`` is the
    fallback date (``--published``); ``source`` names the input in each
    result, whose ``location`` is ``SOURCE:PARTITION:INDEX``.  Unlike a batch,
    duplicate ids are not looked for: that needs every id in one place.

    >>> import dask.bag as db                                   # doctest: +SKIP
    >>> releases = db.read_text("releases/*.jsonl").map(json.loads)  # doctest: +SKIP
    >>> extract_bag(releases).map(lambda r: r.model_dump_json()).to_textfiles("out/*.jsonl")  # doctest: +SKIP
    """
    _require_dask()
    import dask.bag as db
    from dask.delayed import delayed

    if not isinstance(bag, db.Bag):
        raise InputTypeError(f"extract_bag takes a dask.bag.Bag, got {type(bag).__name__}")
    # One task per partition, told its number (for the results' locations); Bag.map_partitions
    # cannot say which partition it runs on.
    untyped: Any = bag  # dask's own annotations leave these methods untyped
    parts = [
        delayed(_partition_results, pure=True)(part, index, published, source, factory)
        for index, part in enumerate(untyped.to_delayed())
    ]
    results: dask.bag.Bag = db.from_delayed(parts)  # type: ignore[no-untyped-call]
    return results


def _partition_claims(
    frame: pandas.DataFrame,
    published: dt.date | None,
    source: str,
    errors: Literal["raise", "skip"],
    factory: ExtractorFactory,
    partition_info: dict[str, Any] | None = None,
) -> pandas.DataFrame:
    import pandas as pd

    partition = int(partition_info["number"]) if partition_info else 0
    # to_dict gives Python scalars (int, str, Timestamp: a datetime, whose date part is kept);
    # a missing cell (None, NaN, NaT, <NA>) is a missing field, as a key absent from a JSONL line.
    records: Sequence[dict[Any, Any]] = [
        {key: value for key, value in row.items() if not (pd.api.types.is_scalar(value) and pd.isna(value))}
        for row in frame.to_dict("records")
    ]
    results = extract_records(
        records, published=published, source=source, partition=partition, factory=factory
    )
    if errors == "raise":
        for result in results:
            if result.error is not None:
                raise ExtractionError(
                    f"release {result.id!r} ({result.location}): {result.error}; pass errors='skip' "
                    "to leave such releases out, or use extract_bag to keep every release's error"
                )
    return to_frame(results)


INPUT_COLUMNS = ("id", "text", "published", "title", "url")
"""The columns of ``read_releases``: a JSONL release's fields, each there even where no line has it."""


def _release_lines(source: Any, **kwargs: Any) -> pandas.DataFrame:
    """One block of JSONL lines as a frame with every ``INPUT_COLUMNS`` column (read_json's engine)."""
    import pandas as pd

    # dtype=False: an id stays the text it was, and a date is read by tiedote, not pandas.
    frame = pd.read_json(source, dtype=False, **kwargs)
    return frame.reindex(columns=list(INPUT_COLUMNS)).astype(object)


def read_releases(urlpath: str | list[str], *, blocksize: str | int | None = "16MB", **kwargs: Any) -> Any:
    """JSONL files of releases (``{"id", "text", "published"?, "title"?, "url"?}``) as a Dask DataFrame
    for ``extract_frame``.

    ``dask.dataframe.read_json`` takes its columns from the first block, so a
    block or file whose lines have no ``published`` (or an extra field) fails
    the whole computation with a metadata mismatch; here every block has the
    same five columns, missing cells empty.  ``kwargs`` go to ``read_json``
    (``storage_options`` for remote files, ``compression``…).
    """
    _require_dask()
    import dask.dataframe as dd
    import pandas as pd

    meta = pd.DataFrame({name: pd.Series(dtype=object) for name in INPUT_COLUMNS})
    return dd.read_json(
        urlpath, lines=True, blocksize=blocksize, meta=meta, engine=_release_lines, **kwargs
    )


def extract_frame(
    ddf: dask.dataframe.DataFrame,
    *,
    published: dt.date | None = None,
    errors: Literal["raise", "skip"] = "raise",
    source: str = DEFAULT_SOURCE,
    factory: ExtractorFactory = default_extractor,
) -> dask.dataframe.DataFrame:
    """A Dask DataFrame of releases (``id``, ``text``, ``published``?) → a Dask DataFrame of claims.

    The claims have ``tiedote.to_frame``'s columns and dtypes
    (``tiedote.frame.FRAME_COLUMNS``; ``release_id`` is the row's ``id``).
    ``published`` cells may be dates, timestamps, ISO strings or missing;
    ``published`` the argument is the fallback for the missing ones, after a
    dateline in the text.  A release that fails (empty text, a bad date)
    raises ``ExtractionError`` with ``errors="raise"``, and has no rows with
    ``errors="skip"``: a frame of claims has no place to say why.
    """
    _require_dask()
    import dask.dataframe as dd

    if not isinstance(ddf, dd.DataFrame):
        raise InputTypeError(f"extract_frame takes a dask.dataframe.DataFrame, got {type(ddf).__name__}")
    missing = [name for name in ("id", "text") if name not in ddf.columns]
    if missing:
        raise InputTypeError(
            f"extract_frame needs the columns 'id' and 'text' (and may have 'published'); missing: {missing}"
        )
    if errors not in ("raise", "skip"):
        raise InputTypeError(f"errors must be 'raise' or 'skip', got {errors!r}")
    meta = to_frame([])
    assert list(meta.columns) == list(FRAME_COLUMNS)
    untyped: Any = ddf  # dask's own annotations leave map_partitions untyped
    claims: dask.dataframe.DataFrame = untyped.map_partitions(
        _partition_claims, published, source, errors, factory, meta=meta
    )
    return claims


__all__ = [
    "DEFAULT_SOURCE",
    "ExtractionError",
    "extract_bag",
    "extract_frame",
    "extract_records",
    "read_releases",
    "worker_extractor",
    "worker_stats",
]
