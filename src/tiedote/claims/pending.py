"""A claim under construction: what the stages have found for one figure, before its record is built."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tiedote.claims.context import Found
    from tiedote.claims.measure import MeasureHit
    from tiedote.claims.per import PerHit
    from tiedote.claims.source import SourceHit
    from tiedote.claims.subject import SubjectHit
    from tiedote.claims.unit import Unit
    from tiedote.numbers.scale import Num
    from tiedote.periods.release import When
    from tiedote.text.segment import Sentence


@dataclass(slots=True, init=False)
class Pending:
    """A claim under construction; fields filled step by step."""

    num: Num
    sent: Sentence
    unit: Unit
    rules: list[str]
    qualifier: Found | None = None
    statistic: Found | None = None
    rate: Found | None = None
    change: Found | None = None
    measure: MeasureHit | None = None
    subject: SubjectHit | None = None
    source: SourceHit | None = None
    per: PerHit | None = None
    period: When | None = None
    clause: int = 0
    anaphoric: bool = False

    # Written out: compiled (hatch_build.py) it runs as C, where a dataclass's own __init__ stays
    # Python.  tests/test_build.py checks it takes exactly the fields, defaults and all.
    def __init__(self, num: Num, sent: Sentence, unit: Unit, rules: list[str],
            qualifier: Found | None = None, statistic: Found | None = None, rate: Found | None = None,
            change: Found | None = None, measure: MeasureHit | None = None,
            subject: SubjectHit | None = None, source: SourceHit | None = None, per: PerHit | None = None,
            period: When | None = None, clause: int = 0, anaphoric: bool = False) -> None:
        self.num = num
        self.sent = sent
        self.unit = unit
        self.rules = rules
        self.qualifier = qualifier
        self.statistic = statistic
        self.rate = rate
        self.change = change
        self.measure = measure
        self.subject = subject
        self.source = source
        self.per = per
        self.period = period
        self.clause = clause
        self.anaphoric = anaphoric
