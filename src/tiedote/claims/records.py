"""Claim records from the engine's finished figures: one pydantic validation per claim.

What several claims of a release share (the sentence, a period, a measure, a source) is validated
once and the same frozen record given to each.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Final

from tiedote.models import Claim, Measure, Period, Source, Span

if TYPE_CHECKING:
    from tiedote.claims.pending import Pending

__all__ = ["build_all"]


# The claim id's hash with its digest size set once: copying it costs less than parsing blake2b's
# keyword arguments for every claim.
_ID_HASH: Final = hashlib.blake2b(digest_size=8)
# pydantic's validators themselves: Model.model_validate only passes its keyword defaults on to them
_CLAIM, _SPAN, _PERIOD, _MEASURE, _SOURCE = (m.__pydantic_validator__ for m in (Claim, Span, Period, Measure, Source))


def build_all(text: str, pendings: list[Pending], id_prefix: str) -> list[Claim]:
    """The claims of a release, in order.  Shared parts (see the module) are validated once: pydantic
    keeps a record of the field's own class as it is."""
    shared: dict[object, object] = {}
    return [_build(text, p, id_prefix, shared) for p in pendings]


def _build(text: str, p: Pending, id_prefix: str, shared: dict[object, object]) -> Claim:
    # One validation of one nested dict (and of each shared part once): pydantic checks it all in a
    # single call, about half the cost of building each part as a model of its own.
    num = p.num
    qualifier, statistic, rate, change, measure, subject, source, per, period = (
        p.qualifier, p.statistic, p.rate, p.change, p.measure, p.subject, p.source, p.per, p.period)
    # the rules in order, each once (a key set again keeps its first place): no list copied to be deduplicated
    rules = dict.fromkeys(p.rules)
    if qualifier is not None:
        rules[qualifier.rule] = None
    if statistic is not None:
        rules[statistic.rule] = None
    if rate is not None:
        rules[rate.rule] = None
    if change is not None:
        rules[change.rule] = None
    claim_id = _ID_HASH.copy()
    claim_id.update(f"{id_prefix}{num.start}|{num.end}|{num.value}|{num.low}|{num.high}".encode())
    unit = p.unit
    sent = p.sent
    # a sentence is known by its start (no two sentences overlap), an int key; the other parts by tuples
    sentence = shared.get(sent.start)
    if sentence is None:
        sentence = shared[sent.start] = _SPAN.validate_python(
            {"start": sent.start, "end": sent.end, "text": text[sent.start:sent.end]})
    measured = None
    if measure is not None:
        key: tuple[object, ...] = ("measure", measure.lemma, measure.start, measure.end)
        measured = shared.get(key)
        if measured is None:
            measured = shared[key] = _MEASURE.validate_python(
                {"lemma": measure.lemma, "span": {"start": measure.start, "end": measure.end,
                                                  "text": text[measure.start:measure.end]}})
    when = None
    if period is not None:
        key = ("period", period.start, period.end, period.granularity, period.basis, period.span)
        when = shared.get(key)
        if when is None:
            # the period was found on the normalised text: its span is re-read from the caller's
            when = shared[key] = _PERIOD.validate_python({
                "start": period.start, "end": period.end, "granularity": period.granularity,
                "basis": period.basis,
                "span": None if period.span is None else {
                    "start": period.span[0], "end": period.span[1], "text": text[period.span[0]:period.span[1]]}})
    # the span dicts written out (no call per span: a claim has several)
    start, end = num.start, num.end
    quantity = {
        "value": num.value, "low": num.low, "high": num.high, "unit": unit.unit or "count",
        "qualifier": "exact", "span": {"start": start, "end": end, "text": text[start:end]},
        "unit_span": None, "qualifier_span": None,
    }
    if unit.start >= 0:
        start, end = unit.start, unit.end
        quantity["unit_span"] = {"start": start, "end": end, "text": text[start:end]}
    if qualifier is not None:
        start, end = qualifier.start, qualifier.end
        quantity["qualifier"] = qualifier.value
        quantity["qualifier_span"] = {"start": start, "end": end, "text": text[start:end]}
    record: dict[str, object] = {
        "id": "c" + claim_id.hexdigest(), "quantity": quantity, "measure": measured, "subject": None,
        "statistic": None, "rate": None, "period": when, "change": None, "source": None, "per": None,
        "sentence": sentence, "rules": tuple(rules), "statistic_span": None, "rate_span": None,
    }
    if subject is not None:
        start, end = subject.start, subject.end
        record["subject"] = {"text": text[start:end], "span": {"start": start, "end": end, "text": text[start:end]}}
    if statistic is not None:
        start, end = statistic.start, statistic.end
        record["statistic"] = statistic.value
        record["statistic_span"] = {"start": start, "end": end, "text": text[start:end]}
    if rate is not None:
        start, end = rate.start, rate.end
        record["rate"] = rate.value
        record["rate_span"] = {"start": start, "end": end, "text": text[start:end]}
    if change is not None:
        start, end = change.start, change.end
        record["change"] = {"direction": change.value, "span": {"start": start, "end": end, "text": text[start:end]}}
    if source is not None:
        # a sentence's source reports each of its figures: validated once, under a key no int or
        # other part's tuple takes
        key = ("source", source.start, source.end)
        named = shared.get(key)
        if named is None:
            start, end = source.start, source.end
            named = shared[key] = _SOURCE.validate_python(
                {"text": text[start:end], "span": {"start": start, "end": end, "text": text[start:end]}})
        record["source"] = named
    if per is not None:
        start, end = per.start, per.end
        record["per"] = {"value": per.value, "lemma": per.lemma,
                         "span": {"start": start, "end": end, "text": text[start:end]}}
    claim: Claim = _CLAIM.validate_python(record)
    return claim
