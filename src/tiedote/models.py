"""The records of the contract (shared design note ``contract.md``, schema version 1).

Every record is a frozen Pydantic v2 model; ``model_dump(mode="json")`` is the
contract's JSON.  Fields beyond the contract (``unit_span``, ``qualifier_span``,
``statistic_span``, ``rate_span``) only add: the contract allows additions.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = 1

Unit = Literal[
    "count",
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "month",
    "year",
    "percent",
    "percentage_point",
    "EUR",
    "score",
]
Qualifier = Literal["exact", "approximate", "more_than", "less_than", "at_least", "at_most", "up_to"]
Statistic = Literal["mean", "median", "total", "max", "min"]
Rate = Literal["hour", "day", "weekday", "week", "month", "quarter", "year"]
Granularity = Literal["day", "week", "month", "quarter", "year", "range", "open"]
Basis = Literal["explicit", "context", "published", "unresolved"]
Direction = Literal["increase", "decrease", "unchanged"]

UNITS: tuple[str, ...] = get_args(Unit)
QUALIFIERS: tuple[str, ...] = get_args(Qualifier)
STATISTICS: tuple[str, ...] = get_args(Statistic)
RATES: tuple[str, ...] = get_args(Rate)
DIRECTIONS: tuple[str, ...] = get_args(Direction)


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(_Record):
    """Half-open code-point offsets into the caller's text; ``text[start:end] == span.text``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start or self.end - self.start != len(self.text):
            raise ValueError(f"span {self.start}..{self.end} does not fit its text {self.text!r}")
        return self

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start=start, end=end, text=text[start:end])


class Quantity(_Record):
    value: int | float | None = None
    low: int | float | None = None
    high: int | float | None = None
    unit: Unit = "count"
    qualifier: Qualifier = "exact"
    span: Span
    unit_span: Span | None = None
    qualifier_span: Span | None = None

    @model_validator(mode="after")
    def _point_or_range(self) -> Quantity:
        is_range = self.low is not None and self.high is not None
        if (self.value is None) != is_range:
            raise ValueError("a quantity is either a value or a low/high range")
        return self


class Measure(_Record):
    lemma: str
    span: Span


class Subject(_Record):
    text: str
    span: Span


class Source(_Record):
    """Who reports the figure, as written ("Tilastokeskuksen", "asiakaspalvelujohtaja Anna Virtanen")."""

    text: str
    span: Span


class Per(_Record):
    """The denominator of a figure given per so many of something ("100 000 asukasta kohden")."""

    value: int | float
    lemma: str
    span: Span


class Period(_Record):
    start: dt.date | None = None
    end: dt.date | None = None
    granularity: Granularity = "open"
    basis: Basis = "unresolved"
    span: Span | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError(f"period ends ({self.end}) before it starts ({self.start})")
        return self


class Change(_Record):
    direction: Direction
    span: Span


class Claim(_Record):
    id: str
    quantity: Quantity
    measure: Measure | None = None
    subject: Subject | None = None
    statistic: Statistic | None = None
    rate: Rate | None = None
    period: Period | None = None
    change: Change | None = None
    source: Source | None = None
    per: Per | None = None
    sentence: Span
    rules: tuple[str, ...] = Field(min_length=1)
    statistic_span: Span | None = None
    rate_span: Span | None = None
    schema_version: int = SCHEMA_VERSION
