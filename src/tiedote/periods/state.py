"""When a figure holds: choosing each claim's period among the sentence's time expressions.

tiedote.periods.find finds and resolves the time expressions of a sentence; this
module decides which one a figure takes — the one in its clause, an earlier
one in its sentence, the period in force in its paragraph ("context"), the
publication date for a present-tense figure — and keeps that state from
sentence to sentence.  Every rule quotes the phrase it is for.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass
from typing import Protocol

import regex

from tiedote.claims.measure import tense
from tiedote.numbers.mentions import Num
from tiedote.periods import find as periods
from tiedote.text.segment import Sentence, Token

_HAS_DIGIT = regex.compile(r"[0-9]")
_WORD = regex.compile(r"[^\W\d_]{3,}")


class Figure(Protocol):
    """What the period rules read of a claim under construction."""

    num: Num
    clause: int
    rules: list[str]


@dataclass(slots=True)
class When:
    """A figure's period as the engine keeps it; it becomes a ``models.Period`` record only in the claim.

    Never changed after it is made (``with_basis`` makes a new one); a plain
    dataclass because thousands are made per archive and a validated record
    per sentence would cost more than the rest of the period logic.
    """

    start: dt.date | None = None  # inclusive
    end: dt.date | None = None  # inclusive
    granularity: str = "open"
    basis: str = "unresolved"
    span: tuple[int, int] | None = None  # offsets of the time expression in the release text

    def with_basis(self, basis: str) -> When:
        # not dataclasses.replace: it looks the fields up anew on every call, ten times the cost
        return When(self.start, self.end, self.granularity, basis, self.span)


@dataclass(slots=True)
class PeriodState:
    doc: When | None = None  # the release's own period (title or lead), for new paragraphs
    current: When | None = None  # the period in force in this paragraph
    paragraph: int = -1


def sentence_tense(toks: list[Token], lo: int = 0, hi: int | None = None) -> str | None:
    for t in (toks if lo == 0 and hi is None else toks[lo:hi]):
        if t.kind == "word":
            tn = tense(t.lower)
            if tn is not None:
                return tn
    return None


def as_period(m: periods.PeriodMention, base: int, basis: str | None = None) -> When:
    return When(m.start, m.end, m.granularity, basis or m.basis, (base + m.start_char, base + m.end_char))


def _start(t: Token) -> int:
    return t.start


def is_base(toks: list[Token], m: periods.PeriodMention, base: int) -> bool:
    """"kuin vuotta aiemmin", "edellisestä neljänneksestä": the base of a comparison, not the figure's time."""
    return _is_base_at(toks, m, bisect.bisect_left(toks, base + m.start_char, key=_start))


def _is_base_at(toks: list[Token], m: periods.PeriodMention, k: int) -> bool:
    """:func:`is_base`, with ``k`` the index of the mention's first token: "kuin" among the two before it."""
    return m.kind == "base" or any(t.lower == "kuin" for t in toks[max(0, k - 2):k])


class SpanMask:
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
        # asked of many words per figure; most sentences mask nothing
        return bool(self.starts) and self.overlaps(pos, pos + 1)


@dataclass(slots=True)
class SentenceContext:
    """What every claim of a sentence looks up, computed once per sentence."""

    clause: list[int]  # never decreasing: a clause's tokens are found by bisection
    mention_clause: list[int]
    is_base: list[bool]
    tense: dict[int, str | None]
    bases: list[periods.PeriodMention]  # the mentions that are a comparison's base
    usable_idx: list[int]  # the indices of the others
    usable: list[periods.PeriodMention]

    @classmethod
    def build(cls, toks: list[Token], clause: list[int], mentions: list[periods.PeriodMention],
              base: int) -> SentenceContext:
        m_clause: list[int] = []
        flags: list[bool] = []
        if mentions:
            starts = [t.start for t in toks]
            for m in mentions:
                k = bisect.bisect_left(starts, base + m.start_char)  # the mention's first token
                m_clause.append(clause[min(k, len(toks) - 1)] if toks else 0)
                flags.append(_is_base_at(toks, m, k))
        usable_idx = [i for i, b in enumerate(flags) if not b]
        return cls(clause, m_clause, flags, {}, [m for m, b in zip(mentions, flags, strict=True) if b],
                   usable_idx, [mentions[i] for i in usable_idx])

    def sentence_tense(self, toks: list[Token]) -> str | None:
        if -1 not in self.tense:
            self.tense[-1] = sentence_tense(toks)
        return self.tense[-1]

    def clause_tense(self, toks: list[Token], c: int) -> str | None:
        if c not in self.tense:
            lo, hi = bisect.bisect_left(self.clause, c), bisect.bisect_right(self.clause, c)
            self.tense[c] = sentence_tense(toks, lo, hi) if lo < hi else None
        return self.tense[c]


def update_state(state: PeriodState, mentions: list[periods.PeriodMention], sent: Sentence, norm: str,
                  s_index: int, toks: list[Token]) -> None:
    absolute = [m for m in mentions if m.kind in ("absolute",) and m.start is not None
                and not (toks and is_base(toks, m, sent.start))]
    if absolute and is_dateline(sent, absolute):
        return  # "TIEDOTE 9.6.2020", "Helsinki 9.6.2020": when it was published, not what it is about
    if absolute:
        state.current = as_period(absolute[-1], sent.start, "context")
        # the release's own period: the first time named in its opening paragraphs
        # (title, then lead; a dateline between them does not count)
        if state.doc is None and sent.paragraph <= 2:
            state.doc = state.current


_DATELINE_WORDS = 3
_CLOCK = regex.compile(r"\b(?:klo|kello)\s*[0-9]{1,2}(?:[.:][0-9]{2})?")


def is_dateline(sent: Sentence, mentions: list[periods.PeriodMention]) -> bool:
    """A line of its own that is a date and at most a few words (a place, "TIEDOTE", a time)."""
    if not sent.line_start or sent.paragraph > 1 or len(mentions) != 1 or mentions[0].granularity != "day":
        return False
    m = mentions[0]
    rest = sent.text[:m.start_char] + sent.text[m.end_char:]
    # "TIEDOTE 9.6.2020 klo 10.00": a written date and a few words, no figure
    rest = _CLOCK.sub("", rest)
    return (_HAS_DIGIT.search(m.text) is not None and _HAS_DIGIT.search(rest) is None
            and len(_WORD.findall(rest)) <= _DATELINE_WORDS and len(sent.text) <= 60)


def period_for(p: Figure, toks: list[Token], ctx: SentenceContext, mentions: list[periods.PeriodMention],
                norm: str, sent: Sentence, state: PeriodState, published: dt.date | None,
                has_kuin: bool) -> When | None:
    """The period of one figure: its clause's time, else an earlier one in the sentence, else the
    paragraph's, else the publication date for a present-tense figure, else unresolved."""
    base = sent.start
    num_at = p.num.start - base
    bases, usable_idx, usable = ctx.bases, ctx.usable_idx, ctx.usable
    context = state.current
    clause_start = bisect.bisect_left(ctx.clause, p.clause)
    first_word = toks[clause_start + 1].lower if toks[clause_start].kind == "sym" and clause_start + 1 < len(toks) \
        else toks[clause_start].lower
    # "… pienempi kuin vuosi sitten vastaavana ajankohtana, jolloin se oli 58,9 prosenttia":
    # "jolloin" (at which time) puts the figure at the comparison's base
    if first_word == "jolloin" and bases:
        resolved = _resolve(bases[-1], usable, context, base)
        if resolved is not None:
            p.rules.append(bases[-1].rule)
            return resolved
    chosen: periods.PeriodMention | None = None
    if usable:  # else no time is named in the sentence (or only a comparison's base)
        same = [mentions[i] for i in usable_idx if ctx.mention_clause[i] == p.clause]
        # the nearest time named before the figure in its clause, else after it
        same_before = [m for m in same if m.end_char <= num_at]
        same_after = [m for m in same if m.start_char >= num_at]
        earlier = [m for m in usable if m.end_char <= num_at]
        if same_before:
            chosen = same_before[-1]
        elif same_after:
            chosen = same_after[0]
        elif earlier and (ctx.clause_tense(toks, p.clause) != "present" or _holds_now_or_later(earlier[-1], published)
                          or bases or has_kuin):
            # a past figure, or a present one in a sentence that names the time it is
            # about ("tänä vuonna valmistuu …, joihin tulee lähes tuhat paikkaa") or compares
            chosen = earlier[-1]
    if chosen is not None:
        resolved = _resolve(chosen, usable, context, base)
        if resolved is not None:
            p.rules.append(chosen.rule)
            return resolved
    tn = ctx.clause_tense(toks, p.clause) or ctx.sentence_tense(toks)  # both kept per sentence
    compared = bool(bases) or has_kuin
    future_context = (context is not None and context.start is not None and published is not None
                      and context.start > published)
    if tn == "present" and published is not None and not compared and not future_context:
        p.rules.append("period.published")
        return When(published, published, "day", "published")
    if context is not None:
        p.rules.append("period.context")
        return context.with_basis("context")
    if tn == "present" and published is not None:
        p.rules.append("period.published")
        return When(published, published, "day", "published")
    return When()


def _holds_now_or_later(m: periods.PeriodMention, published: dt.date | None) -> bool:
    return published is not None and m.end is not None and m.end >= published


def _resolve(m: periods.PeriodMention, usable: list[periods.PeriodMention], context: When | None,
             base: int) -> When | None:
    """A mention as the figure's period; None when it names nothing resolvable (use the context)."""
    span = (base + m.start_char, base + m.end_char)
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
        return When(s, e, ref[2], "context", span)
    if m.start is None:
        if m.kind in ("event", "absolute", "now"):
            # "ennen epidemiaa", or "toukokuussa" with no publication date: a time the
            # text names but no calendar resolves; keep its span
            return When(span=span)
        return None  # "ensimmäisten kolmen arkipäivän aikana" without a month: the context decides
    return When(m.start, m.end, m.granularity, m.basis, span)


