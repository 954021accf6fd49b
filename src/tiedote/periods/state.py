"""When a figure holds: choosing each claim's period among the sentence's times and the release's.

tiedote.periods.find finds and resolves the time expressions of a sentence;
tiedote.periods.release keeps the release's own time (frame, heading, period
in force, year in force, previous figure, last comparison).  This module
decides which one a figure takes, in the order contract.md gives: the time of
its own clause; a restated figure's time ("mikä on", "eli", "Osuus on"); an
earlier one in its sentence; then the period in force, the heading and the
frame for a past-tense figure, the publication date for a present-tense one.
The base of a comparison is never the figure's time.  Every rule quotes the
phrase it is for, and its id says which state carried the period.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from tiedote.claims.wordform import sentence_tense
from tiedote.periods import find as periods
from tiedote.periods.figures import (
    Figure,
    aside_goes_on,
    attribute,
    bracketed,
    comparison_bracket,
    from_values,
    over_year,
    restates,
)
from tiedote.periods.named import YEAR_IN_FORCE
from tiedote.periods.release import (
    PeriodState,
    When,
    body_mentions,
    is_dateline,
    is_peak,
    resolve_mention,
    update,
)
from tiedote.periods.release_words import release_words
from tiedote.text.segment import Sentence, Token, lower_text

__all__ = ["PeriodState", "SentenceContext", "SpanMask", "When", "body_mentions", "from_values", "is_dateline",
           "period_for", "sentence_tense", "update_state"]

# how far back "kuin" may stand from the base it introduces ("kuin samalla viikolla kaksi vuotta aiemmin")
_KUIN_REACH: Final = 5


def _is_base_at(toks: list[Token], clause: list[int] | None, m: periods.PeriodMention, k: int) -> bool:
    """"kuin vuotta aiemmin", "kuin samalla viikolla kaksi vuotta aiemmin", "edellisestä neljänneksestä":
    the base of a comparison, not the figure's time (``k`` is the index of the mention's first token)."""
    if m.kind == "base":
        return True
    for i in range(k - 1, max(-1, k - 1 - _KUIN_REACH), -1):
        t = toks[i]
        if clause is not None and clause[i] != clause[min(k, len(toks) - 1)]:
            return False
        if t.lower == "kuin":
            return True
        if t.kind == "num":
            return False  # a figure between: "kuin" belongs to an earlier comparison
    return False


class SpanMask:
    """Sorted, possibly overlapping spans (time expressions, URLs) that no claim's number may touch."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.max_end: list[int] = []
        if not spans:  # most sentences mask nothing
            self.starts: list[int] = []
            return
        self.starts = [a for a, _ in spans]
        # running maximum of ends: one bisect answers "does anything overlap [s, e)?"
        m = -1
        for _, b in spans:
            m = max(m, b)
            self.max_end.append(m)

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect.bisect_left(self.starts, end)
        return k > 0 and self.max_end[k - 1] > start

    def covers(self, pos: int) -> bool:
        return self.overlaps(pos, pos + 1)


@dataclass(slots=True, init=False)
class SentenceContext:
    """What every claim of a sentence looks up, computed once per sentence."""

    # Read-only once built (only ``tense`` fills as it is asked): a sentence naming no time shares
    # one empty tuple for every per-mention field instead of eight new lists.
    clause: list[int]  # never decreasing: a clause's tokens are found by bisection
    mention_clause: Sequence[int]
    is_base: Sequence[bool]
    tense: dict[int, str | None]
    bases: Sequence[periods.PeriodMention]  # the mentions that are a comparison's base
    usable_idx: Sequence[int]  # the indices of the others
    usable: Sequence[periods.PeriodMention]
    whens: Sequence[When | None]  # each mention resolved (the relative ones against the release's time)
    peak: Sequence[bool]
    same_span: bool  # "samassa ajassa": the figures belong to the last comparison's stretch of time
    bracket: Sequence[int]  # per mention: the "(" of the comparison bracket it stands in, else -1

    # Written out: compiled (hatch_build.py) it runs as C, where a dataclass's own __init__ stays
    # Python.  tests/test_build.py checks it takes exactly the fields, defaults and all.
    def __init__(self, clause: list[int], mention_clause: Sequence[int], is_base: Sequence[bool],
                 tense: dict[int, str | None], bases: Sequence[periods.PeriodMention],
                 usable_idx: Sequence[int], usable: Sequence[periods.PeriodMention],
                 whens: Sequence[When | None], peak: Sequence[bool], same_span: bool,
                 bracket: Sequence[int]) -> None:
        self.clause = clause
        self.mention_clause = mention_clause
        self.is_base = is_base
        self.tense = tense
        self.bases = bases
        self.usable_idx = usable_idx
        self.usable = usable
        self.whens = whens
        self.peak = peak
        self.same_span = same_span
        self.bracket = bracket

    @classmethod
    def build(cls, toks: list[Token], clause: list[int], mentions: list[periods.PeriodMention],
              sent: Sentence, state: PeriodState, published: dt.date | None) -> SentenceContext:
        text = sent.text
        same_span = False
        if "sama" in text or "Sama" in text:
            low = lower_text(text)  # once, not once per word (kept for the sentence, see text.segment)
            same_span = any(w in low for w in release_words().same_span)
        if not mentions:  # most sentences with a figure name no time
            return cls(clause, (), (), {}, (), (), (), (), (), same_span, ())
        m_clause: list[int] = []
        flags: list[bool] = []
        brackets: list[int] = []
        base = sent.start
        if toks:
            starts = [t.start for t in toks]
            for m in mentions:
                k = bisect.bisect_left(starts, base + m.start_char)  # the mention's first token
                k_end = bisect.bisect_left(starts, base + m.end_char)
                m_clause.append(clause[min(k, len(toks) - 1)])
                brackets.append(comparison_bracket(toks, k, k_end) if k < len(toks) else -1)
                flags.append(_is_base_at(toks, clause, m, k) or brackets[-1] >= 0)
        else:
            m_clause = [0] * len(mentions)
            flags = [m.kind == "base" for m in mentions]
            brackets = [-1] * len(mentions)
        usable_idx: list[int] = []
        usable: list[periods.PeriodMention] = []
        bases: list[periods.PeriodMention] = []
        for i, m in enumerate(mentions):  # one walk: the bases apart from the others, in text order
            if flags[i]:
                bases.append(m)
            else:
                usable_idx.append(i)
                usable.append(m)
        whens = [resolve_mention(m, usable, state, published, base) for m in mentions]
        peak = [is_peak(text, m) for m in mentions]
        return cls(clause, m_clause, flags, {}, bases, usable_idx, usable, whens, peak, same_span, brackets)

    def sentence_tense(self, toks: list[Token]) -> str | None:
        if -1 not in self.tense:
            self.tense[-1] = sentence_tense(toks)
        return self.tense[-1]

    def clause_tense(self, toks: list[Token], c: int) -> str | None:
        if c not in self.tense:
            lo, hi = bisect.bisect_left(self.clause, c), bisect.bisect_right(self.clause, c)
            self.tense[c] = sentence_tense(toks, lo, hi) if lo < hi else None
        return self.tense[c]


def update_state(state: PeriodState, ctx: SentenceContext | None, mentions: list[periods.PeriodMention],
                 sent: Sentence, published: dt.date | None, has_figures: bool) -> None:
    """After a sentence, what it names becomes the release's time (see tiedote.periods.release)."""
    if not mentions:
        if sent.line_start:
            update(state, (), (), (), sent, has_figures)  # a heading naming no time
        else:  # most sentences: only how the line ends is kept
            text = sent.text
            state.list_open = text.endswith(":")
            state.ended = text[-1:] in ".!?:"
            state.last_paragraph = sent.paragraph
            state.seen = state.seen or (has_figures and sent.paragraph > 0)
        return
    if sent.line_start and sent.paragraph <= 1:  # is_dateline's own first test: only an opening line is one
        absolute = [m for m in mentions if m.kind == "absolute" and m.start is not None]
        if absolute and is_dateline(sent, absolute):
            return  # "TIEDOTE 9.6.2020", "Helsinki 9.6.2020": when it was published, not what it is about
    if ctx is None:  # a sentence with no figure: its mentions are resolved here
        base_flags = [m.kind == "base" for m in mentions]
        usable = [m for m, b in zip(mentions, base_flags, strict=True) if not b]
        whens = [resolve_mention(m, usable, state, published, sent.start) for m in mentions]
        update(state, mentions, whens, base_flags, sent, has_figures)
    else:
        update(state, mentions, ctx.whens, ctx.is_base, sent, has_figures, ctx.peak)


def period_for(p: Figure, toks: list[Token], ctx: SentenceContext, mentions: list[periods.PeriodMention],
               sent: Sentence, state: PeriodState, published: dt.date | None, has_kuin: bool,
               before: Figure | None, from_of: Figure | None, is_from: bool, changed: bool) -> When | None:
    """The period of one figure (see the module docstring for the order).

    ``before`` is the figure just before it (in its sentence, else the last one of the
    sentence before); ``from_of`` the from-value when this figure is the to-value of a
    change "from X to Y", and ``is_from`` says it is a from-value itself."""
    base = sent.start
    num_at = p.num.start - base
    bases, usable_idx = ctx.bases, ctx.usable_idx
    clause_start = bisect.bisect_left(ctx.clause, p.clause)
    first_word = toks[clause_start + 1].lower if toks[clause_start].kind == "sym" and clause_start + 1 < len(toks) \
        else toks[clause_start].lower
    # "… pienempi kuin vuosi sitten vastaavana ajankohtana, jolloin se oli 58,9 prosenttia":
    # "jolloin" (at which time) puts the figure at the comparison's base
    if first_word == "jolloin" and bases:
        got = ctx.whens[mentions.index(bases[-1])]
        if got is not None and got.start is not None:
            p.rules.append(bases[-1].rule)
            return got
    if first_word in release_words().then and not ctx.usable_idx and state.span is not None \
            and state.span[0] is not state.span[1]:
        p.rules.append("period.comparison_base")  # "… kuin edellisten kahden viikon aikana. Tuolloin …"
        return state.span[0].with_basis("context")
    own = _bracket_time(p, toks, ctx, mentions) if ctx.bracket else None  # most sentences name no time
    if own is not None:
        # "vuoden lopussa 3,4 miljoonaa (2,8 miljoonaa vuonna 2011)": a stock's day a year earlier lies
        # within the year the bracket names, and is the narrower answer
        shifted = bracketed(toks, p, before)
        if shifted is not None and _narrower(shifted, own):
            return shifted
        return own
    bracket = bracketed(toks, p, before)
    if bracket is not None:
        return bracket
    # a time standing right before the from-value is its own ("koheni edellisvuoden -205 asukkaasta")
    own_of_from = from_of.num.start - base if from_of is not None else -1
    if is_from:
        got = _from_value_time(p, ctx, mentions, state, num_at)
        if got is not None:
            return got
    elif from_of is not None and ctx.same_span and state.span is not None:
        p.rules.append("period.comparison_span")  # "laski samassa ajassa 1 120 potilaasta 410 potilaaseen"
        return state.span[1].with_basis("context")
    chosen: int | None = None
    if usable_idx:  # else no time is named in the sentence (or only a comparison's base)
        # the times of the figure's clause before and after it, and those of earlier clauses (one
        # walk over the usable times, each list in text order)
        same_before: list[int] = []
        same_after: list[int] = []
        earlier: list[int] = []
        mention_clause, peak = ctx.mention_clause, ctx.peak
        for i in usable_idx:
            m = mentions[i]
            if mention_clause[i] == p.clause:
                if 0 <= own_of_from - m.end_char <= 2 and attribute(m):
                    continue
                if m.end_char <= num_at:
                    same_before.append(i)
                # "oli lyhyin koko vuonna": the year in force after a figure is a superlative's scope
                if m.start_char >= num_at and m.rule != YEAR_IN_FORCE:
                    same_after.append(i)
            elif m.end_char <= num_at and not peak[i]:
                earlier.append(i)
        if same_before:
            chosen = _narrowest(same_before, ctx)
        elif same_after:
            chosen = same_after[0]
        elif not earlier and ctx.clause_tense(toks, p.clause) is None \
                and aside_goes_on(toks, ctx.clause, p.clause) and (
                aside := [i for i in usable_idx if ctx.mention_clause[i] == p.clause + 1
                          and mentions[i].kind == "absolute"]):
            # "Edellinen ennätys, 181 300 käyntiä, tehtiin vuonna 2019": a figure in an aside with no
            # verb of its own and no time before it belongs to the predicate that goes on after it
            chosen = aside[0]
        elif before is not None and before.period is not None and restates(toks, p, clause_start):
            p.rules.append("period.previous_figure")  # "…, mikä on 8 prosenttia enemmän kuin vuotta aiemmin"
            return before.period.with_basis("context") if before.period.basis == "explicit" else before.period
        elif earlier and (ctx.clause_tense(toks, p.clause) != "present" or _holds_now_or_later(ctx.whens[earlier[-1]],
                                                                                               published)
                          or bases or has_kuin):
            # a past figure, or a present one in a sentence that names the time it is
            # about ("tänä vuonna valmistuu …, joihin tulee lähes tuhat paikkaa") or compares
            chosen = earlier[-1]
    if chosen is not None:
        got = ctx.whens[chosen]
        if got is not None:
            p.rules.append(mentions[chosen].rule)
            return got
    elif before is not None and before.period is not None and restates(toks, p, clause_start):
        # (restates, which walks the clause, asked last)
        p.rules.append("period.previous_figure")  # "Osuus on 2,1 prosenttiyksikköä pienempi kuin …"
        return before.period.with_basis("context") if before.period.basis == "explicit" else before.period
    tn = ctx.clause_tense(toks, p.clause) or ctx.sentence_tense(toks)  # both kept per sentence
    compared = bool(bases) or has_kuin
    if changed and sent.paragraph > 0 and over_year(toks, clause_start, p.num.i):  # a title's time is the body's
        # "on vähentynyt vuodessa 7,6 prosenttia": the change over the year up to the time in force
        carried = state.carried()
        if carried is not None:
            p.rules.append(carried[1])
            return carried[0].with_basis(carried[2])
        y = state.year_in_force(published)
        if y is not None:
            p.rules.append("period.year_in_force")
            return When(dt.date(y, 1, 1), dt.date(y, 12, 31), "year", "context")
    # the to-value of a change is the newer level: "on lyhentynyt vuoden takaisesta kahdeksasta kuukaudesta
    # viiteen" is current, whatever base the from-value names
    if tn == "present" and published is not None and (not compared or from_of is not None):
        p.rules.append("period.published")
        return When(published, published, "day", "published")
    carried = state.carried()  # asked only here for a present figure: most take the publication date above
    if carried is not None:
        when, rule, basis = carried
        p.rules.append(rule)
        return when.with_basis(basis)
    if tn == "present" and published is not None:
        p.rules.append("period.published")
        return When(published, published, "day", "published")
    return When()


def _narrower(a: When, b: When) -> bool:  # does ``a`` lie strictly within ``b``?
    if a.start is None or a.end is None or b.start is None or b.end is None:
        return False
    return b.start <= a.start and a.end <= b.end and (a.start, a.end) != (b.start, b.end)


def _bracket_time(p: Figure, toks: list[Token], ctx: SentenceContext,
                  mentions: list[periods.PeriodMention]) -> When | None:
    """"(35,5 milj. euroa tammi–syyskuussa 2007)": the figure inside a comparison bracket takes the time
    named in the same bracket."""
    for i, at in enumerate(ctx.bracket):
        if 0 <= at < p.num.i and not any(t.text == ")" for t in toks[at:p.num.i]):
            got = ctx.whens[i]
            if got is not None and got.start is not None:
                p.rules.append("period.bracket_time")
                return got
    return None


def _narrowest(idx: list[int], ctx: SentenceContext) -> int:
    """The nearest time before the figure in its clause, or a narrower one within it:
    "Syyskuun loppuun mennessä … oli tehty tänä vuonna 148 600" is January to September."""
    best = idx[-1]
    w = ctx.whens[best]
    for i in reversed(idx[:-1]):
        o = ctx.whens[i]
        if w is None or o is None or w.start is None or o.start is None or w.end is None or o.end is None:
            continue
        if w.start <= o.start and o.end <= w.end and (o.start, o.end) != (w.start, w.end):
            best, w = i, o
    return best


def _from_value_time(p: Figure, ctx: SentenceContext, mentions: list[periods.PeriodMention], state: PeriodState,
                     num_at: int) -> When | None:
    """A from-value's time: the time named right before it, the comparison's base, or the start of
    the last comparison's stretch ("samassa ajassa")."""
    for i, m in enumerate(mentions):
        if 0 <= num_at - m.end_char <= 2:
            got = ctx.whens[i]
            if got is not None and got.start is not None and got.end is not None:
                p.rules.append("period.from_value")
                if got.granularity == "year":
                    # "väheni kesäkuussa edellisvuoden 41:stä 23:een": the clause's month, in that year
                    inner = [ctx.whens[k] for k in ctx.usable_idx if k != i and ctx.mention_clause[k] == p.clause]
                    for w in inner:
                        if w is not None and w.start is not None and w.end is not None and w.granularity != "year" \
                                and w.start.year == w.end.year != got.start.year:
                            s, e = periods.shift_range(w.start, w.end, w.granularity, years=got.start.year - w.start.year)
                            return When(s, e, w.granularity, "context", got.span)
                return got
    for m in reversed(ctx.bases):
        got = ctx.whens[mentions.index(m)]
        if got is not None and got.start is not None:
            p.rules.append("period.comparison_base")
            return got
    if ctx.same_span and state.span is not None:
        p.rules.append("period.comparison_span")
        return state.span[0].with_basis("context")
    return None


def _holds_now_or_later(w: When | None, published: dt.date | None) -> bool:
    return published is not None and w is not None and w.end is not None and w.end >= published
