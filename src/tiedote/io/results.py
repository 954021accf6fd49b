"""The records of a batch run: a ``Release`` going in, a ``ReleaseResult`` coming out.

``Release`` is also the JSONL input format (``{"id", "text", "published"?,
"title"?, "url"?}``); unknown keys in a user's record are ignored rather than
refused, because archives carry fields of their own (author, tags…) that are
no reason to drop a release.

``ReleaseResult`` is one line of a ``.jsonl`` output and one row of the
``releases`` table.  A release that could not be read or extracted is still a
``ReleaseResult``: ``error`` says why, ``claims`` is empty, so nothing handed
to a batch disappears without a trace.

``claim_row`` flattens a claim into the columns shared by the CSV output and
the SQLite ``claims`` table, so the two can never drift apart; ``encode``
turns a whole result into the JSON line and rows every sink writes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from tiedote._version import __version__
from tiedote.models import SCHEMA_VERSION, Claim

DateSource = Literal["meta", "text", "given", "none"]
"""Where ``published`` came from, in brief: ``meta`` the HTML page's metadata, ``text`` a dateline
of the text, ``given`` the input record or ``--published``, ``none`` nowhere (periods unresolved)."""

PublishedSource = Literal["record", "metadata", "dateline", "option", "unresolved"]
"""Which rule gave ``published``, first found wins:

``record``      the input record's own ``published`` field (JSONL);
``metadata``    the HTML page's metadata (``article:published_time`` and the like);
``dateline``    a dateline near the top of the text ("Helsinki 9.6.2020");
``option``      the ``--published`` fallback of the command line;
``unresolved``  none of these: relative periods ("toukokuussa") stay unresolved.
"""


def parse_date(value: object) -> object:
    """A date given as text read by ``tiedote.io.dates.read_date`` (ISO, ISO date-time, D.M.YYYY, Finnish
    month names); anything else is left to pydantic, which refuses what is not a date.

    Archives often store ``"2020-06-09T10:00:00+03:00"``; the release's day is
    what periods resolve against, so the time of day is dropped, not refused.
    """
    from tiedote.io.dates import read_date

    if isinstance(value, (str, dt.datetime)):
        return read_date(value)
    return value


class Release(BaseModel):
    """One release to extract from: the JSONL input record, and what every source yields."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    id: str = Field(min_length=1, description="The release's id, unique in a run (a number is taken as text).")
    text: str = Field(description="The release's text; every span of its claims points into it.")
    published: dt.date | None = Field(
        default=None,
        description="Publication date: 2020-06-09, 9.6.2020, '9. kesäkuuta 2020' or an ISO date-time (its day); "
        "relative periods resolve against it.",
    )
    title: str | None = Field(default=None, description="The headline, when the record has one.")
    url: str | None = Field(default=None, description="Where the release was published.")

    @field_validator("published", mode="before")
    @classmethod
    def _date_part(cls, value: object) -> object:
        return parse_date(value)

    @field_validator("id", mode="before")
    @classmethod
    def _id_from_number(cls, value: object) -> object:
        # Numeric ids ({"id": 17}) are common in exports; a bool is not an id.
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        return value


class ReleaseResult(BaseModel):
    """What a batch made of one release: its text, where its date came from, its claims or its error."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(
        description="The release's stable id: the record's own id, else its path inside the source."
    )
    source: str = Field(description="The SOURCE argument the release came from.")
    location: str = Field(
        description="Where exactly: the file, 'archive.zip!member', or 'file.jsonl:LINE'; unique within a run."
    )
    published: dt.date | None = Field(
        default=None, description="The publication date relative periods were resolved against."
    )
    published_source: PublishedSource = Field(
        default="unresolved",
        description="Which rule gave `published`: record, metadata, dateline, option, or unresolved.",
    )
    date_source: DateSource = Field(
        default="none",
        description="Where `published` came from, in brief: meta (page metadata), text (a dateline), "
        "given (the input record or --published) or none.",
    )
    warnings: tuple[str, ...] = Field(
        default=(),
        description="What was passed over on the way, each a sentence: a metadata date that is no date "
        "or lies in the future, a page with only a modified date, a release with no date at all.",
    )
    title: str | None = Field(
        default=None, description="The headline: the page's title, or the first line that is no dateline or label."
    )
    url: str | None = Field(default=None, description="The page's or record's URL, when it gives one.")
    text: str | None = Field(
        default=None, description="The text the claims' spans point into (for HTML: the extracted main text)."
    )
    content_hash: str | None = Field(
        default=None, description="sha256 of the release's bytes as read; resuming skips unchanged releases."
    )
    claims: tuple[Claim, ...] = Field(default=(), description="The claims found, in text order.")
    error: str | None = Field(default=None, description="Why the release yielded no claims, when it failed.")
    # A factory, not a plain default: the version is then left out of the JSON Schema,
    # which would otherwise change with every release of tiedote.
    tiedote_version: str = Field(default_factory=lambda: __version__, description="The tiedote that made it.")
    schema_version: int = Field(default=SCHEMA_VERSION, description="Version of this record's layout (1).")


CLAIM_COLUMNS: tuple[str, ...] = (
    "release_id",
    "claim_id",
    "value",
    "low",
    "high",
    "unit",
    "qualifier",
    "number_text",
    "number_start",
    "number_end",
    "statistic",
    "rate",
    "period_start",
    "period_end",
    "period_granularity",
    "period_basis",
    "measure",
    "subject",
    "change",
    "source",
    "per_value",
    "per_lemma",
    "sentence_start",
    "sentence_end",
    "rules",
)


def describe_validation_error(exc: ValidationError) -> str:
    """One line for the first problem of a record ("field 'published': Input should be …")."""
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "record"
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"field {where!r}: {first['msg']}{more}"


def claim_row(release_id: str, claim: Claim) -> dict[str, Any]:
    """The flat columns of one claim (CSV row, SQLite ``claims`` row); None where the claim has nothing."""
    q = claim.quantity
    p = claim.period
    return {
        "release_id": release_id,
        "claim_id": claim.id,
        "value": q.value,
        "low": q.low,
        "high": q.high,
        "unit": q.unit,
        "qualifier": q.qualifier,
        "number_text": q.span.text,
        "number_start": q.span.start,
        "number_end": q.span.end,
        "statistic": claim.statistic,
        "rate": claim.rate,
        "period_start": p.start.isoformat() if p and p.start else None,
        "period_end": p.end.isoformat() if p and p.end else None,
        "period_granularity": p.granularity if p else None,
        "period_basis": p.basis if p else None,
        "measure": claim.measure.lemma if claim.measure else None,
        "subject": claim.subject.text if claim.subject else None,
        "change": claim.change.direction if claim.change else None,
        "source": claim.source.text if claim.source else None,
        "per_value": claim.per.value if claim.per else None,
        "per_lemma": claim.per.lemma if claim.per else None,
        "sentence_start": claim.sentence.start,
        "sentence_end": claim.sentence.end,
        "rules": "+".join(claim.rules),
    }


RELEASE_COLUMNS: tuple[str, ...] = (
    "id",
    "source",
    "location",
    "published",
    "published_source",
    "date_source",
    "warnings",
    "title",
    "url",
    "text",
    "content_hash",
    "n_claims",
    "tiedote_version",
    "schema_version",
)
"""The ``releases`` row a result becomes (the sink adds ``extracted_at``, the time it was written)."""


@dataclass(frozen=True, slots=True)
class Encoding:
    """What of a result a sink writes, so that workers make, and send back, only that.

    Every sink writes one form: JSONL the whole result as one JSON line, SQLite
    the table rows with each claim's JSON, CSV the flat claim rows alone.
    Serialising the forms a sink throws away cost the workers CPU (each
    claim's JSON once on its own and once inside the release's) and the single
    main process more bytes to unpickle.
    """

    json: bool = True
    """The whole result as one JSON line (``EncodedResult.json``)."""
    rows: bool = True
    """The ``releases`` row and the flat claim rows (``release_row``, ``claim_rows``)."""
    claim_json: bool = True
    """Each claim row ends with its ``seq`` and its full JSON (only with ``rows``)."""


FULL = Encoding()
"""Every form: what ``encode`` makes unless told otherwise."""


@dataclass(frozen=True, slots=True)
class EncodedResult:
    """A ``ReleaseResult`` already turned into what a sink writes: its JSON line and/or its table rows.

    Workers of a parallel run send these instead of the models: strings and
    tuples cross the process boundary several times faster than nested
    pydantic models unpickle, so the single main process, which writes
    everything, does not become the bottleneck as ``--jobs`` grows.
    """

    id: str
    source: str
    location: str
    error: str | None
    content_hash: str | None
    n_claims: int
    json: str | None
    """The result's JSON line; None when the ``Encoding`` left it out."""
    release_row: tuple[Any, ...] | None
    """Values of ``RELEASE_COLUMNS``; None for a failed release, or when the ``Encoding`` left rows out."""
    claim_rows: tuple[tuple[Any, ...], ...]
    """Per claim: values of ``CLAIM_COLUMNS``, then (with ``Encoding.claim_json``) its position ``seq``
    and its full JSON; empty when the ``Encoding`` left rows out."""


def encode(result: ReleaseResult, encoding: Encoding = FULL) -> EncodedResult:
    """The forms of ``result`` that ``encoding`` asks for (the same bytes whichever others are made)."""
    release_row = None
    claim_rows: tuple[tuple[Any, ...], ...] = ()
    if encoding.rows:
        if result.error is None:
            release_row = (
                result.id,
                result.source,
                result.location,
                result.published.isoformat() if result.published else None,
                result.published_source,
                result.date_source,
                "\n".join(result.warnings) or None,
                result.title,
                result.url,
                result.text or "",
                result.content_hash or "",
                len(result.claims),
                result.tiedote_version,
                result.schema_version,
            )
        if encoding.claim_json:
            claim_rows = tuple(
                (*claim_row(result.id, claim).values(), seq, claim.model_dump_json())
                for seq, claim in enumerate(result.claims)
            )
        else:
            claim_rows = tuple(tuple(claim_row(result.id, claim).values()) for claim in result.claims)
    return EncodedResult(
        id=result.id,
        source=result.source,
        location=result.location,
        error=result.error,
        content_hash=result.content_hash,
        n_claims=len(result.claims),
        json=result.model_dump_json() if encoding.json else None,
        release_row=release_row,
        claim_rows=claim_rows,
    )
