"""Joining numbers with their unit, measure, period, rate, statistic and change.

One pass over the sentences of a release.  Sentences with no digit and no
possible number word are skipped before any other work, except that their
time expressions still update the period in force (a period named in one
sentence carries to the figures of the next ones in its paragraph).
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
from dataclasses import dataclass, field

import regex

from tiedote import numwords, periods
from tiedote.context import (
    WINDOW,
    Found,
    Unit,
    after_number,
    clauses,
    read_change,
    read_qualifier,
    read_rate,
    read_statistic,
    read_unit,
)
from tiedote.lexicon import Lexicon
from tiedote.measure import MeasureHit, counted_noun, lemma, subject_noun, tense
from tiedote.models import SCHEMA_VERSION, Change, Claim, Measure, Period, Quantity, Span, Subject
from tiedote.nonclaims import URL_RE, why_not
from tiedote.numbers import Num, read_numbers
from tiedote.subject import SubjectHit, find_subject
from tiedote.text import Sentence, Token, normalise, sentences, tokenize

_HAS_DIGIT = regex.compile(r"[0-9]")
_WORD = regex.compile(r"[^\W\d_]{3,}")


@dataclass(slots=True)
class _Pending:
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
    period: Period | None = None
    clause: int = 0
    anaphoric: bool = False


@dataclass(slots=True)
class _PeriodState:
    doc: Period | None = None  # the release's own period (title or lead), for new paragraphs
    current: Period | None = None  # the period in force in this paragraph
    paragraph: int = -1
    seen: list[Period] = field(default_factory=list)


def _might_have_number(text: str) -> bool:
    if _HAS_DIGIT.search(text):
        return True
    return any(numwords.could_start_number_word(m.group().lower()) for m in _WORD.finditer(text))


def _span(text: str, start: int, end: int) -> Span:
    return Span(start=start, end=end, text=text[start:end])


def _sentence_tense(toks: list[Token], lo: int = 0, hi: int | None = None) -> str | None:
    for t in toks[lo:hi]:
        if t.kind == "word":
            tn = tense(t.lower)
            if tn is not None:
                return tn
    return None


def _as_period(text: str, m: periods.PeriodMention, base: int, basis: str | None = None) -> Period:
    return Period(start=m.start, end=m.end, granularity=m.granularity,  # type: ignore[arg-type]
                  basis=basis or m.basis,  # type: ignore[arg-type]
                  span=_span(text, base + m.start_char, base + m.end_char))


def _is_base(toks: list[Token], m: periods.PeriodMention, base: int) -> bool:
    """"kuin vuotta aiemmin", "edellisestä neljänneksestä": the base of a comparison, not the figure's time."""
    if m.kind == "base":
        return True
    k = bisect.bisect_left([t.start for t in toks], base + m.start_char)
    return any(t.lower == "kuin" for t in toks[max(0, k - 2):k])


class _Mask:
    """Sorted, possibly overlapping spans (time expressions, URLs) that no claim's number may touch."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [a for a, _ in spans]
        # running maximum of ends: one bisect answers "does anything overlap [s, e)?"
        self.max_end: list[int] = []
        m = -1
        for _, b in spans:
            m = max(m, b)
            self.max_end.append(m)

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect.bisect_left(self.starts, end)
        return k > 0 and self.max_end[k - 1] > start

    def covers(self, pos: int) -> bool:
        return self.overlaps(pos, pos + 1)


@dataclass(slots=True)
class _SentCtx:
    """What every claim of a sentence looks up, computed once per sentence."""

    clause: list[int]
    clause_first: dict[int, int]
    clause_last: dict[int, int]
    mention_clause: list[int]
    is_base: list[bool]
    tense: dict[int, str | None]

    @classmethod
    def build(cls, toks: list[Token], clause: list[int], mentions: list[periods.PeriodMention],
              base: int) -> _SentCtx:
        first: dict[int, int] = {}
        last: dict[int, int] = {}
        for k, c in enumerate(clause):
            first.setdefault(c, k)
            last[c] = k
        starts = [t.start for t in toks]
        m_clause = [clause[min(bisect.bisect_left(starts, base + m.start_char), len(toks) - 1)] if toks else 0
                    for m in mentions]
        return cls(clause, first, last, m_clause, [_is_base(toks, m, base) for m in mentions], {})

    def sentence_tense(self, toks: list[Token]) -> str | None:
        if -1 not in self.tense:
            self.tense[-1] = _sentence_tense(toks)
        return self.tense[-1]

    def clause_tense(self, toks: list[Token], c: int) -> str | None:
        if c not in self.tense:
            lo, hi = self.clause_first.get(c), self.clause_last.get(c)
            self.tense[c] = None if lo is None or hi is None else _sentence_tense(toks, lo, hi + 1)
        return self.tense[c]


def extract_claims(text: str, published: dt.date | None, lex: Lexicon) -> list[Claim]:
    norm = normalise(text)
    sents = sentences(norm)
    state = _PeriodState()
    out: list[Claim] = []
    text_key = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()
    prev_claims: list[_Pending] = []
    title: list[_Pending] = []
    for s_index, sent in enumerate(sents):
        if sent.paragraph != state.paragraph:
            state.paragraph = sent.paragraph
            state.current = state.doc
        has_num = _might_have_number(sent.text)
        toks = tokenize(sent) if has_num else []
        past = _sentence_tense(toks) == "past" if has_num else False
        mentions = periods.find_periods(sent.text, published, past=past)
        if not has_num:
            _update_state(state, mentions, sent, norm, s_index, toks)
            continue
        pendings = _sentence_claims(norm, sent, toks, mentions, lex, state, published, prev_claims)
        _update_state(state, mentions, sent, norm, s_index, toks)
        if sent.paragraph == 0:
            title.extend(pendings)
        else:
            out.extend(_build(text, p, published, text_key) for p in pendings)
        if pendings:
            prev_claims = pendings
    # A figure in the title takes its period from the body when the title names
    # none (contract.md): the release's own period, found in its first paragraph.
    for p in title:
        if state.doc is not None and (p.period is None or p.period.basis in ("published", "unresolved")):
            p.period = state.doc.model_copy(update={"basis": "context"})
            p.rules.append("period.title_from_body")
    return [_build(text, p, published, text_key) for p in title] + out


def _update_state(state: _PeriodState, mentions: list[periods.PeriodMention], sent: Sentence, norm: str,
                  s_index: int, toks: list[Token]) -> None:
    absolute = [m for m in mentions if m.kind in ("absolute",) and m.start is not None
                and not (toks and _is_base(toks, m, sent.start))]
    if absolute and _is_dateline(sent, absolute):
        return  # "TIEDOTE 9.6.2020", "Helsinki 9.6.2020": when it was published, not what it is about
    if absolute:
        state.current = _as_period(norm, absolute[-1], sent.start, "context")
        if state.doc is None and sent.paragraph <= 1:
            state.doc = state.current


_DATELINE_WORDS = 3
_CLOCK = regex.compile(r"\b(?:klo|kello)\s*[0-9]{1,2}(?:[.:][0-9]{2})?")


def _is_dateline(sent: Sentence, mentions: list[periods.PeriodMention]) -> bool:
    """A line of its own that is a date and at most a few words (a place, "TIEDOTE", a time)."""
    if not sent.line_start or sent.paragraph > 1 or len(mentions) != 1 or mentions[0].granularity != "day":
        return False
    m = mentions[0]
    rest = sent.text[:m.start_char] + sent.text[m.end_char:]
    # "TIEDOTE 9.6.2020 klo 10.00": a written date and a few words, no figure
    rest = _CLOCK.sub("", rest)
    return (_HAS_DIGIT.search(m.text) is not None and _HAS_DIGIT.search(rest) is None
            and len(_WORD.findall(rest)) <= _DATELINE_WORDS and len(sent.text) <= 60)


def _sentence_claims(norm: str, sent: Sentence, toks: list[Token], mentions: list[periods.PeriodMention],
                     lex: Lexicon, state: _PeriodState, published: dt.date | None,
                     prev_claims: list[_Pending]) -> list[_Pending]:
    masked: list[tuple[int, int]] = [(sent.start + m.start_char, sent.start + m.end_char) for m in mentions]
    masked += [(sent.start + m.start(), sent.start + m.end()) for m in URL_RE.finditer(sent.text)]
    masked.sort()
    mask = _Mask(masked)
    clause = clauses(toks)
    pendings: list[_Pending] = []
    skip_to = -1
    for num in read_numbers(toks):
        if num.i < skip_to or mask.overlaps(num.start, num.end):
            continue
        reason = why_not(toks, num, sent, lex)
        if reason is not None:
            if reason == "nonclaim.phone":
                skip_to = _phone_end(toks, num.i)
            continue
        unit = read_unit(toks, num, lex)
        unit = _duration_or_rate(toks, num, unit, lex)
        p = _Pending(num=num, sent=sent, unit=unit, rules=[num.rule], clause=clause[num.i])
        if unit.unit is not None:
            p.rules.append(unit.rule)
        # "kymmenessä vuodessa puolittunut": a window of change, not a figure
        if unit.token >= 0 and unit.unit in ("year", "month", "week", "day") and toks[unit.token].lower.endswith(
                ("ssa", "ssä")) and unit.token + 1 < len(toks) and any(
                toks[unit.token + 1].lower in ws for _, ws in lex.change):
            continue
        p.qualifier = read_qualifier(toks, num, lex)
        p.statistic = read_statistic(toks, num, clause, lex)
        p.change = read_change(toks, num, clause, lex, unit.unit)
        p.rate = read_rate(toks, num, unit, clause, lex, p.change is not None)
        pendings.append(p)
    _fill_ellipsis(pendings, toks, lex)
    ctx = _SentCtx.build(toks, clause, mentions, sent.start)
    has_kuin = any(t.lower == "kuin" for t in toks)
    last_measured: _Pending | None = None
    for p in pendings:
        _fill_measure(p, toks, clause, lex, last_measured, prev_claims, mask)
        if p.measure is not None:
            last_measured = p
        p.period = _period_for(p, toks, ctx, mentions, norm, sent, state, published, has_kuin)
        covered = {k for k, t in enumerate(toks[max(0, p.num.i - 40):p.num.i], max(0, p.num.i - 40))
                   if mask.covers(t.start) or (p.measure is not None and t.start == p.measure.start)}
        p.subject = find_subject(toks, p.num, clause, covered)
        if p.subject is not None:
            p.rules.append("subject.name")
    return pendings


def _phone_end(toks: list[Token], i: int) -> int:
    """"puh. 09 4766 4000": every digit group of a phone number, one token past its end."""
    k = i + 1
    while k < len(toks) and toks[k].kind == "num" and toks[k].start - toks[k - 1].end <= 1:
        k += 1
    return k


# Longest plausible duration stated in an inessive unit ("käsiteltiin 23 päivässä");
# a larger figure before "kuukaudessa" is a count per month ("noin 1 900 kuukaudessa").
_MAX_DURATION = {"second": 100_000, "minute": 10_000, "hour": 1_000, "day": 400, "week": 520, "month": 120,
                 "year": 100}


def _duration_or_rate(toks: list[Token], num: Num, unit: Unit, lex: Lexicon) -> Unit:
    if unit.token < 0 or unit.unit not in _MAX_DURATION or not toks[unit.token].lower.endswith(("ssa", "ssä")):
        return unit
    value = num.value if num.value is not None else num.high
    if value is not None and value > _MAX_DURATION[unit.unit] and toks[unit.token].lower in lex.rate_words:
        return Unit(None, bare=False, rule="unit.rate_not_duration")
    return unit


def _fill_ellipsis(pendings: list[_Pending], toks: list[Token], lex: Lexicon) -> None:
    """A bare number takes the unit of a neighbouring figure.

    "kasvua kertyi 3,1 ja lähijunissa 1,8 prosenttia" (the next one),
    "kesti tammikuussa 5,6 arkipäivää, joulukuussa vajaa 5" (the previous one).
    """
    for idx, p in enumerate(pendings):
        if p.unit.unit is not None:
            continue
        if p.unit.bare:
            nxt = pendings[idx + 1] if idx + 1 < len(pendings) else None
            k = after_number(toks, p.num)
            joined = k < len(toks) and toks[k].lower in ("ja", "tai", "sekä")
            if joined and nxt is not None and nxt.unit.unit not in (None, "count") and nxt.num.i - p.num.j <= 4:
                p.unit = Unit(nxt.unit.unit, bare=True, rule="unit.ellipsis_next")
                p.rules.append("unit.ellipsis_next")
                continue
            prev = pendings[idx - 1] if idx > 0 else None  # every earlier figure has its unit by now
            if prev is not None:
                p.unit = Unit(prev.unit.unit, bare=True, rule="unit.ellipsis_previous")
                p.rules.append("unit.ellipsis_previous")
                if p.rate is None and prev.rate is not None and prev.clause != p.clause:
                    p.rate = prev.rate
                continue
        p.unit = Unit("count", rule="unit.count")
        p.rules.append("unit.count")


def _fill_measure(p: _Pending, toks: list[Token], clause: list[int], lex: Lexicon, last_measured: _Pending | None,
                  prev_claims: list[_Pending], masked: _Mask) -> None:
    stop = lex.stopwords
    # a pronoun standing alone as the subject ("se oli", "mikä on"), not "niiden yhteismäärä"
    anaphora = next((k for k in range(max(0, p.num.i - WINDOW), p.num.i)
                     if clause[k] == p.clause and toks[k].lower in lex.anaphora
                     and not (k + 1 < len(toks) and toks[k + 1].kind == "word"
                              and toks[k + 1].lower not in lex.stopwords and tense(toks[k + 1].lower) is None)),
                    None)
    hit: MeasureHit | None = None
    earlier = [last_measured] if last_measured is not None else []
    if anaphora is not None:
        # "vuonna 2018 se oli noin 8 minuuttia", "kun koko maassa se on 43,2 vuotta":
        # the pronoun stands for the last figure's measure, or the last subject before it
        if earlier:
            src = earlier[-1]
            assert src.measure is not None
            hit = MeasureHit(src.measure.lemma, src.measure.start, src.measure.end, "measure.anaphora")
            if p.statistic is None and src.statistic is not None and toks[anaphora].lower == "se":
                p.statistic = src.statistic  # "mediaani-ikä on 39,8 vuotta, kun koko maassa se on 43,2"
        else:
            hit = subject_noun(toks, p.num, clause, lex, stop, anywhere_before=anaphora, masked=masked)
    if hit is None and p.unit.unit == "score" and p.unit.token >= 0:
        # "arvosanan 9": the grade itself is what is measured
        t = toks[p.unit.token]
        hit = MeasureHit(lemma(t.lower), t.start, t.end, "measure.grade")
    if hit is None and p.unit.unit == "count" and not p.unit.bare:
        hit = counted_noun(toks, after_number(toks, p.num), lex, stop)
    if hit is None:
        hit = subject_noun(toks, p.num, clause, lex, stop, masked=masked)
    if hit is None:
        source = earlier[-1] if earlier else (prev_claims[-1] if prev_claims and prev_claims[-1].measure else None)
        if source is not None and source.measure is not None:
            hit = MeasureHit(source.measure.lemma, source.measure.start, source.measure.end, "measure.carried")
    if hit is not None:
        p.measure = hit
        p.rules.append(hit.rule)


def _period_for(p: _Pending, toks: list[Token], ctx: _SentCtx, mentions: list[periods.PeriodMention],
                norm: str, sent: Sentence, state: _PeriodState, published: dt.date | None,
                has_kuin: bool) -> Period | None:
    base = sent.start
    num_at = p.num.start - base
    bases = [m for m, b in zip(mentions, ctx.is_base, strict=True) if b]
    usable_idx = [i for i, b in enumerate(ctx.is_base) if not b]
    usable = [mentions[i] for i in usable_idx]
    context = state.current
    clause_start = ctx.clause_first[p.clause]
    first_word = toks[clause_start + 1].lower if toks[clause_start].kind == "sym" and clause_start + 1 < len(toks) \
        else toks[clause_start].lower
    # "… pienempi kuin vuosi sitten vastaavana ajankohtana, jolloin se oli 58,9 prosenttia":
    # "jolloin" (at which time) puts the figure at the comparison's base
    if first_word == "jolloin" and bases:
        resolved = _resolve(bases[-1], usable, context, norm, base)
        if resolved is not None:
            p.rules.append(bases[-1].rule)
            return resolved
    same = [mentions[i] for i in usable_idx if ctx.mention_clause[i] == p.clause]
    tn = ctx.clause_tense(toks, p.clause)
    # the nearest time named before the figure in its clause, else after it
    same_before = [m for m in same if m.end_char <= num_at]
    same_after = [m for m in same if m.start_char >= num_at]
    earlier = [m for m in usable if m.end_char <= num_at]
    chosen: periods.PeriodMention | None = None
    if same_before:
        chosen = same_before[-1]
    elif same_after:
        chosen = same_after[0]
    elif earlier and (tn != "present" or _holds_now_or_later(earlier[-1], published) or bases or has_kuin):
        # a past figure, or a present one in a sentence that names the time it is
        # about ("tänä vuonna valmistuu …, joihin tulee lähes tuhat paikkaa") or compares
        chosen = earlier[-1]
    if chosen is not None:
        resolved = _resolve(chosen, usable, context, norm, base)
        if resolved is not None:
            p.rules.append(chosen.rule)
            return resolved
    tn = tn or ctx.sentence_tense(toks)
    compared = bool(bases) or has_kuin
    future_context = (context is not None and context.start is not None and published is not None
                      and context.start > published)
    if tn == "present" and published is not None and not compared and not future_context:
        p.rules.append("period.published")
        return Period(start=published, end=published, granularity="day", basis="published", span=None)
    if context is not None:
        p.rules.append("period.context")
        return context.model_copy(update={"basis": "context"})
    if tn == "present" and published is not None:
        p.rules.append("period.published")
        return Period(start=published, end=published, granularity="day", basis="published", span=None)
    return Period(basis="unresolved")


def _holds_now_or_later(m: periods.PeriodMention, published: dt.date | None) -> bool:
    return published is not None and m.end is not None and m.end >= published


def _resolve(m: periods.PeriodMention, usable: list[periods.PeriodMention], context: Period | None, norm: str,
             base: int) -> Period | None:
    """A mention as the figure's period; None when it names nothing resolvable (use the context)."""
    span = _span(norm, base + m.start_char, base + m.end_char)
    if m.shift is not None and m.start is None:
        earlier_abs = [x for x in usable if x.kind == "absolute" and x.start is not None and x.end is not None
                       and x.end_char <= m.start_char]
        ref: tuple[dt.date, dt.date, str] | None = None
        if earlier_abs:
            ref = (earlier_abs[-1].start, earlier_abs[-1].end, earlier_abs[-1].granularity)  # type: ignore[assignment]
        elif context is not None and context.start is not None and context.end is not None:
            ref = (context.start, context.end, context.granularity)
        if ref is None:
            return None
        y, mo, w = m.shift
        s, e = periods.shift_range(ref[0], ref[1], ref[2], years=y, months=mo, weeks=w)
        return Period(start=s, end=e, granularity=ref[2], basis="context", span=span)  # type: ignore[arg-type]
    if m.start is None:
        if m.kind in ("event", "absolute", "now"):
            # "ennen epidemiaa", or "toukokuussa" with no publication date: a time the
            # text names but no calendar resolves; keep its span
            return Period(granularity="open", basis="unresolved", span=span)
        return None  # "ensimmäisten kolmen arkipäivän aikana" without a month: the context decides
    return Period(start=m.start, end=m.end, granularity=m.granularity, basis=m.basis,  # type: ignore[arg-type]
                  span=span)


def _build(text: str, p: _Pending, published: dt.date | None, text_key: str) -> Claim:
    num = p.num
    q = Quantity(
        value=num.value, low=num.low, high=num.high, unit=p.unit.unit or "count",  # type: ignore[arg-type]
        qualifier=(p.qualifier.value if p.qualifier else "exact"),  # type: ignore[arg-type]
        span=_span(text, num.start, num.end),
        unit_span=_span(text, p.unit.start, p.unit.end) if p.unit.start >= 0 else None,
        qualifier_span=_span(text, p.qualifier.start, p.qualifier.end) if p.qualifier else None,
    )
    rules = list(p.rules)
    for f in (p.qualifier, p.statistic, p.rate, p.change):
        if f is not None:
            rules.append(f.rule)
    key = f"{SCHEMA_VERSION}|{text_key}|{published}|{num.start}|{num.end}|{num.value}|{num.low}|{num.high}"
    cid = "c" + hashlib.blake2b(key.encode(), digest_size=8).hexdigest()
    period = p.period
    if period is not None and period.span is not None:
        period = period.model_copy(update={"span": _span(text, period.span.start, period.span.end)})
    return Claim(
        id=cid,
        quantity=q,
        measure=Measure(lemma=p.measure.lemma, span=_span(text, p.measure.start, p.measure.end)) if p.measure else None,
        subject=Subject(text=text[p.subject.start:p.subject.end], span=_span(text, p.subject.start, p.subject.end))
        if p.subject else None,
        statistic=p.statistic.value if p.statistic else None,  # type: ignore[arg-type]
        rate=p.rate.value if p.rate else None,  # type: ignore[arg-type]
        period=period,
        change=Change(direction=p.change.value, span=_span(text, p.change.start, p.change.end))  # type: ignore[arg-type]
        if p.change else None,
        sentence=_span(text, p.sent.start, p.sent.end),
        rules=tuple(dict.fromkeys(rules)),
        statistic_span=_span(text, p.statistic.start, p.statistic.end) if p.statistic else None,
        rate_span=_span(text, p.rate.start, p.rate.end) if p.rate else None,
    )
