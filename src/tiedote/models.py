"""The records tiedote hands out (schema version 1); ``docs/fields.md`` describes every field.

Every record is a frozen Pydantic v2 model; ``model_dump(mode="json")`` is its
JSON, and the descriptions here are the JSON Schema's (``tiedote schema
claim``).  A rename or a change of meaning bumps ``SCHEMA_VERSION``; new
fields only add (``unit_span``, ``qualifier_span``, ``statistic_span``,
``rate_span`` were added that way).
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
    # physical units and other currencies (contract.md "Physical units")
    "g", "kg", "t", "mm", "cm", "m", "km", "m2", "ha", "km2", "l", "m3",
    "Wh", "kWh", "MWh", "GWh", "TWh", "W", "kW", "MW", "GW", "°C", "km/h",
    "GB", "TB", "mAh", "USD", "SEK", "GBP",
]
Qualifier = Literal["exact", "approximate", "more_than", "less_than", "at_least", "at_most", "up_to"]
Statistic = Literal["mean", "median", "total", "max", "min"]
Rate = Literal["hour", "day", "weekday", "week", "month", "quarter", "year"]
Granularity = Literal["day", "week", "month", "quarter", "year", "range", "open"]
# "frame": the release's own period, from its title, lead or a sub-heading (contract.md)
Basis = Literal["explicit", "context", "frame", "published", "unresolved"]
Direction = Literal["increase", "decrease", "unchanged"]

UNITS: tuple[str, ...] = get_args(Unit)
QUALIFIERS: tuple[str, ...] = get_args(Qualifier)
STATISTICS: tuple[str, ...] = get_args(Statistic)
RATES: tuple[str, ...] = get_args(Rate)


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(_Record):
    """Half-open code-point offsets into the caller's text; ``text[start:end] == span.text``."""

    start: int = Field(ge=0, description="Offset of the first code point, counted in the caller's text.")
    end: int = Field(ge=0, description="Offset just past the last code point (half-open: end - start == len(text)).")
    text: str = Field(description="The characters between start and end, exactly as the caller's text has them.")

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start or self.end - self.start != len(self.text):
            raise ValueError(f"span {self.start}..{self.end} does not fit its text {self.text!r}")
        return self

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start=start, end=end, text=text[start:end])


class Quantity(_Record):
    """The number as stated: a value or a range, its unit and how exactly the text gives it."""

    value: int | float | None = Field(
        default=None,
        description='The point value written out in full ("2,4 miljoonaa" is 2400000); null only for a range.',
    )
    low: int | float | None = Field(default=None, description='A range\'s lower end ("2–3 päivää": 2); else null.')
    high: int | float | None = Field(default=None, description="A range's upper end (\"2–3 päivää\": 3); else null.")
    unit: Unit = Field(
        default="count",
        description="Canonical unit; 'count' for things counted, whose kind is the claim's measure.",
    )
    qualifier: Qualifier = Field(
        default="exact",
        description="How exactly: approximate (noin, lähes), more_than (yli), less_than (alle), at_least "
        "(vähintään), at_most (enintään), up_to (jopa), or exact.",
    )
    span: Span = Field(description='The number\'s own text as written ("40 000", "kahdessakymmenessä").')
    unit_span: Span | None = Field(default=None, description='The word that gave the unit ("minuuttia", "%").')
    qualifier_span: Span | None = Field(default=None, description='The word that gave the qualifier ("noin").')

    @model_validator(mode="after")
    def _point_or_range(self) -> Quantity:
        is_range = self.low is not None and self.high is not None
        if (self.value is None) != is_range:
            raise ValueError("a quantity is either a value or a low/high range")
        return self


class Measure(_Record):
    """What a figure measures or counts."""

    lemma: str = Field(description='A content word in base form, lower case, compounds whole ("jonotusaika").')
    span: Span = Field(description='The word as the text has it ("puheluun").')


class Subject(_Record):
    """Whose figure it is, when the text says."""

    text: str = Field(description='The words as written ("Kelan puhelinpalvelussa").')
    span: Span = Field(description="Where they stand in the text.")


class Source(_Record):
    """Who reports the figure, as written ("Tilastokeskuksen", "asiakaspalvelujohtaja Anna Virtanen")."""

    text: str = Field(description='The name as written, without "mukaan" or the saying verb.')
    span: Span = Field(description="Where it stands in the text.")


class Per(_Record):
    """The denominator of a figure given per so many of something ("100 000 asukasta kohden")."""

    value: int | float = Field(description='How many of it: 100000 in "100 000 asukasta kohden", 1 when unwritten.')
    lemma: str = Field(description='What it counts, in base form ("asukas").')
    span: Span = Field(description="Where the denominator stands in the text.")


class Period(_Record):
    """The time a figure describes, as inclusive dates resolved against the publication date."""

    start: dt.date | None = Field(default=None, description="First day, inclusive; null when unresolved or open.")
    end: dt.date | None = Field(default=None, description="Last day, inclusive; null when unresolved or open.")
    granularity: Granularity = Field(
        default="open", description="day, week (ISO), month, quarter, year, range (any other span) or open."
    )
    basis: Basis = Field(
        default="unresolved",
        description="How it was found: explicit (the clause names it), context (an earlier clause or "
        "sentence, or the release's own period), published (present tense: the publication date), unresolved.",
    )
    span: Span | None = Field(
        default=None, description='The words that named the time ("toukokuussa"); null when none did.'
    )

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError(f"period ends ({self.end}) before it starts ({self.start})")
        return self


class Change(_Record):
    """That the text says the figure grew, fell or held, over time."""

    direction: Direction = Field(description="increase, decrease or unchanged.")
    span: Span = Field(description='The words that say so ("kasvoi", "vähemmän kuin").')


class Claim(_Record):
    """One numeric claim: a number with its meaning, every part with its span in the caller's text."""

    id: str = Field(description="Stable: the same text, publication date and tiedote version give the same id.")
    quantity: Quantity = Field(description="The number as stated.")
    measure: Measure | None = Field(default=None, description="What is measured or counted; null when unnamed.")
    subject: Subject | None = Field(default=None, description="Whose figure it is, when the text says.")
    statistic: Statistic | None = Field(
        default=None, description='mean ("keskimäärin"), median, total, max or min; null for a plain figure.'
    )
    rate: Rate | None = Field(
        default=None,
        description='"Per X" ("viikossa": week, "arkipäivisin": weekday); null for durations and changes.',
    )
    period: Period | None = Field(default=None, description="The time the figure describes.")
    change: Change | None = Field(default=None, description="Set when the text says the figure grew, fell or held.")
    source: Source | None = Field(
        default=None, description='Who reports the figure, as written ("Tilastokeskuksen mukaan"); null when nobody.'
    )
    per: Per | None = Field(
        default=None, description='The denominator of a figure given per so many ("100 000 asukasta kohden").'
    )
    sentence: Span = Field(description="The sentence the claim stands in.")
    rules: tuple[str, ...] = Field(
        min_length=1, description="Ids of the rules that built the claim, in order (docs/rules.md); never empty."
    )
    statistic_span: Span | None = Field(default=None, description='The word that gave the statistic ("keskimäärin").')
    rate_span: Span | None = Field(default=None, description='The words that gave the rate ("viikossa").')
    schema_version: int = Field(default=SCHEMA_VERSION, description="Version of this record's layout (1).")
