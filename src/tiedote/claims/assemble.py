"""Joining numbers with their unit, measure, period, rate, statistic and change.

One pass over the sentences of a release.  Sentences with no digit and no
possible number word are skipped before any other work, except that their
time expressions still update the period in force (a period named in one
sentence carries to the figures of the next ones in its paragraph).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from functools import cache
from typing import TYPE_CHECKING, Final

import regex

from tiedote.claims.change import read_change
from tiedote.claims.context import clauses, cues, read_qualifier, read_rate, read_statistic
from tiedote.claims.fill import SentenceWork, fill_sentence, read_doubtful
from tiedote.claims.measure import PARTITIVE_PLURAL, MeasureHit, subject_noun
from tiedote.claims.pending import Pending
from tiedote.claims.per import find_per
from tiedote.claims.records import build_all
from tiedote.claims.source import SourceHit, release_sources
from tiedote.claims.unit import (
    Unit,
    after_number,
    count_per_time,
    duration_or_rate,
    read_unit,
    scaled_or_length,
)
from tiedote.lang.lexicon import Lexicon
from tiedote.models import SCHEMA_VERSION, Claim
from tiedote.nonclaims.checks import url_spans, why_not
from tiedote.numbers.mentions import Num, every_phrases, number_starts, read_numbers
from tiedote.periods import find as periods
from tiedote.periods.patterns import has_unsafe
from tiedote.periods.release import title_periods
from tiedote.periods.state import (
    PeriodState,
    SentenceContext,
    SpanMask,
    When,
    body_mentions,
    from_values,
    period_for,
    sentence_tense,
    update_state,
)
from tiedote.text.segment import Sentence, Token, lower_text, normalise, sentences, tokenize

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# `re` finds an ASCII digit twice as fast as `regex` (no Unicode class in the way)
_HAS_DIGIT: Final = re.compile(r"[0-9]")


@cache
def _number_word_starts() -> tuple[regex.Pattern[str], re.Pattern[str]]:
    """"A word that may be a number word", from the three-letter starts of every form.

    Two patterns: the definition (a start, case-blind, where no letter precedes it), and
    the starts alone, for the lower-cased text.
    """
    starts = sorted(number_starts())
    blind = regex.compile(rf"(?<![^\W\d_])(?:{'|'.join(map(regex.escape, starts))})", regex.IGNORECASE)
    return blind, re.compile("|".join(map(re.escape, starts)))


_LETTER: Final = regex.compile(r"[^\W\d_]")


def _might_have_number(text: str) -> bool:
    """The skip before any heavier work: False for a sentence with no digit and no possible number word."""
    return _HAS_DIGIT.search(text) is not None or _might_have_number_word(text)


def _might_have_number_word(text: str) -> bool:
    """_might_have_number's second half: may a number word start in ``text``?"""
    blind, starts = _number_word_starts()
    if has_unsafe(text):
        # İ, ı, ſ: the characters for which case-blind matching differs from matching the
        # lower-cased text (periods.patterns.UNSAFE); İ is also the one whose lower case is longer
        return blind.search(text) is not None
    # The definition scans with a look-behind and case folding at every position; `re` skips to a
    # literal start at C speed, and only the few starts found ask whether a letter precedes them.
    # finditer does not overlap matches, but a start beginning inside another is preceded by that
    # one's letters, so none that counts is passed over.
    low = lower_text(text)  # shared with the period rules and the source cues (text.segment)
    for m in starts.finditer(low):
        p = m.start()
        if p == 0 or _LETTER.match(text, p - 1) is None:
            return True
    return any(phrase in low for phrase in every_phrases())  # "joka toinen"


# A number the engine read and dropped: (start, end, rule id), offsets into the caller's text.
Dropped = tuple[int, int, str]


def extract_claims(text: str, published: dt.date | None, lex: Lexicon, dropped: list[Dropped] | None = None,
                   parser: Language | None = None, doc: Doc | None = None) -> list[Claim]:
    """The claims of a release; when ``dropped`` is a list, every number read and not kept is added to it.

    ``parser``: the parser reading.  The fast reading fills every figure first; then the figures it
    is unsure of (claims.fill.doubtful: no noun of their own clause, or a duration measured by a
    noun) are read again from the parse of their sentences, parsed in one batch after the pass;
    ``doc``: a Doc of ``text`` a spaCy pipeline has already parsed (its parse is used as it is, for
    the same figures).  Neither: the fast reading.  Both readings give the same numbers, units,
    qualifiers and periods.
    """
    norm = normalise(text)
    sents = sentences(norm)
    sources = release_sources(sents)
    works: list[tuple[Sentence, SentenceWork]] = []
    state = PeriodState()
    body: list[Pending] = []
    text_key = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()
    # what every claim id of this release starts with (formatting the date per claim costs more than the hash)
    id_prefix = f"{SCHEMA_VERSION}|{text_key}|{published}|"
    prev_claims: list[Pending] = []
    title: list[Pending] = []
    # The parser reading reads the sentences again after the pass; the fast reading lets each
    # sentence's tokens and working state go with it: kept for the whole release, they outlived
    # the collector's young generation, which then visited them over and over.
    keep_works = parser is not None or doc is not None
    toks: list[Token] = []
    sent: Sentence

    def past() -> bool:
        # the tense is worked out only if a year-less period's year is picked, within the call on
        # the current sentence (one function for the release, not one per sentence); a sentence
        # with no figure is tokenized then too, since its period may set the context
        return sentence_tense(toks or tokenize(sent)) == "past"

    for s_index, sent in enumerate(sents):
        state.begin(sent)
        text_s = sent.text
        has_num = _might_have_number(text_s)
        toks = tokenize(sent) if has_num else []
        mentions = periods.sentence_periods(text_s, published, past, state.year_in_force(published))
        if not has_num:
            update_state(state, None, body_mentions(sent, mentions), sent, published, False)
            continue
        work = _sentence_claims(norm, sent, toks, mentions, lex, state, published, prev_claims, dropped,
                                sources[s_index])
        pendings = work.pendings
        update_state(state, work.ctx, work.used, sent, published, bool(pendings))
        if pendings:
            (title if sent.paragraph == 0 else body).extend(pendings)
            prev_claims = pendings
            state.previous = pendings[-1].period
            if keep_works:
                works.append((sent, work))
    if works:
        read_doubtful(works, lex, parser, doc)
    # a figure in the title takes the body's time of the same value, else of the same measure, else the frame
    first_of: dict[tuple[str, object], When] = {}
    for p in body:
        if p.period is not None and p.period.start is not None:
            if p.num.value is not None:
                first_of.setdefault(("value", p.num.value), p.period)
            if p.measure is not None:
                first_of.setdefault(("measure", p.measure.lemma), p.period)
    title_periods(title, state, first_of)
    return build_all(text, title + body, id_prefix)


def _sentence_claims(norm: str, sent: Sentence, toks: list[Token], mentions: list[periods.PeriodMention],
                     lex: Lexicon, state: PeriodState, published: dt.date | None,
                     prev_claims: list[Pending], dropped: list[Dropped] | None = None,
                     source: SourceHit | None = None) -> SentenceWork:
    """The figures of one sentence, every field filled by the fast reading."""
    base = sent.start
    # most sentences name no time and no URL: no mask list to build and none to ask per number
    masked = [(base + m.start_char, base + m.end_char) for m in mentions] if mentions else []
    urls = url_spans(sent.text)
    if urls:
        masked.extend((base + a, base + b) for a, b in urls)
    if masked:
        masked.sort()
    mask = SpanMask(masked) if masked else _NO_MASK
    clause = clauses(toks)
    pendings: list[Pending] = []
    skip_to = -1
    unit_factors = lex.unit_factors
    for num in read_numbers(toks):
        if num.i < skip_to or (masked and mask.overlaps(num.start, num.end)):
            if dropped is not None:
                dropped.append((num.start, num.end, _masked_reason(num, skip_to, mentions, base)))
            continue
        reason = why_not(toks, num, sent, lex)
        if reason is not None:
            if reason == "nonclaim.phone":
                skip_to = _phone_end(toks, num.i)
            if dropped is not None:
                dropped.append((num.start, num.end, reason))
            continue
        unit = read_unit(toks, num, lex)
        unit = duration_or_rate(toks, num, unit, lex)
        unit = count_per_time(toks, num, unit, pendings[-1].num if pendings else None, lex)
        factor = unit_factors.get(toks[unit.token].lower) if unit.token >= 0 else None
        if factor is not None:
            unit = scaled_or_length(toks, num, unit, factor, lex)  # "45 senttiä" is 0.45 EUR
        # "kymmenessä vuodessa puolittunut": a window of change, not a figure (tested before the
        # figure is made: most units are no time unit)
        if unit.unit in _WINDOW_UNITS and unit.token >= 0 and toks[unit.token].lower.endswith(
                ("ssa", "ssä")) and unit.token + 1 < len(toks) and \
                lex.classes(toks[unit.token + 1].lower).change is not None:
            if dropped is not None:
                dropped.append((num.start, num.end, "nonclaim.change_window"))
            continue
        rules = [num.rule]
        if num.compared:
            rules.append("number.comparison_figure")  # "45,2 (42,1)": the bracketed figure
        if unit.unit is not None:
            rules.append(unit.rule)
        pendings.append(Pending(num, sent, unit, rules, clause=clause[num.i]))
    # the dateline is masked but is no figure's time
    used = body_mentions(sent, mentions)
    if not pendings:  # a quarter of the sentences with digits: dates, years, phone numbers only
        return SentenceWork(pendings, toks, clause, None, mask, source, None, used)
    figures = [p.num for p in pendings]
    per, denominators = find_per(toks, figures, lex)
    if per:
        # "227 tapausta 100 000 asukasta kohden": the denominator is no claim of its own, and its
        # noun is not what the figure measures
        for i, hit in per.items():
            pendings[i].per = hit
            pendings[i].rules.append("per.named")
        if dropped is not None:
            dropped.extend((pendings[i].num.start, pendings[i].num.end, "nonclaim.denominator") for i in denominators)
        pendings = [p for i, p in enumerate(pendings) if i not in denominators]
        masked = sorted(masked + [(h.start, h.end) for h in per.values()])
        mask = SpanMask(masked)
        figures = [p.num for p in pendings]
    cue = cues(toks, lex)
    for p in pendings:
        num, unit = p.num, p.unit
        p.qualifier = read_qualifier(toks, num, lex)
        p.statistic = read_statistic(toks, num, clause, lex, figures, cue)
        p.change = read_change(toks, num, clause, lex, unit.unit, cue)
        p.rate = read_rate(toks, num, unit, clause, lex, p.change is not None, cue)
    for p in pendings:  # most sentences' figures all have their unit: no call for them
        if p.unit.unit is None:
            _fill_ellipsis(pendings, toks, lex, clause, mask)
            break
    ctx = SentenceContext.build(toks, clause, used, sent, state, published)
    # {to-value: from-value} of "laski 9 viikosta 5 viikkoon" (a lone figure, the common case, has none)
    pairs = from_values(toks, pendings) if len(pendings) > 1 else {}
    froms = set(pairs.values()) if pairs else _NONE
    # the figure each one may restate or compare: the last one before it that is no bracketed
    # year-earlier one ("45,2 (42,1)"), else the last figure of the paragraph before (kept as the
    # loop goes: a figure's own period rules are set by its period_for)
    plain: Pending | None = prev_claims[-1] \
        if prev_claims and prev_claims[-1].sent.paragraph >= sent.paragraph - 1 else None
    for k, p in enumerate(pendings):
        if k in froms:
            p.change = None  # the from-value is the old level: the to-value carries the change
        to = pairs.get(k) if pairs else None
        p.period = period_for(p, toks, ctx, used, sent, state, published, cue.kuin, plain,
                              None if to is None else pendings[to], k in froms, p.change is not None)
        if not p.num.compared and "period.bracket_comparison" not in p.rules:
            plain = p
    work = SentenceWork(pendings, toks, clause, cue, mask, source, ctx, used)
    fill_sentence(work, lex, prev_claims, None)
    return work


# the units of a window of change ("kymmenessä vuodessa"), and the from-values of a sentence with none
_WINDOW_UNITS: Final = frozenset({"year", "month", "week", "day"})
_NONE: frozenset[int] = frozenset()
_NO_MASK: Final = SpanMask([])  # nothing reads a mask but to ask it: one empty mask serves every sentence


def _masked_reason(num: Num, skip_to: int, mentions: list[periods.PeriodMention], base: int) -> str:
    """Why a number under the mask was passed over: a phone number's later group, a time expression, a URL.

    ``mentions``: the time expressions of the sentence starting at ``base``."""
    if num.i < skip_to:
        return "nonclaim.phone"
    start, end = num.start - base, num.end - base
    rule = next((m.rule for m in mentions if m.start_char < end and start < m.end_char), None)
    if rule is not None:
        if rule.startswith("period.rolling"):
            return "nonclaim.window"  # "14 viime päivän aikana": the window's length
        value = num.value
        year = isinstance(value, int) and not num.is_word and 1800 <= value <= 2199 and not num.grouped
        return "nonclaim.period_year" if year else "nonclaim.in_period"
    return "nonclaim.url"


def _phone_end(toks: list[Token], i: int) -> int:
    """"puh. 09 4766 4000": every digit group of a phone number, one token past its end."""
    k = i + 1
    while k < len(toks) and toks[k].kind == "num" and toks[k].start - toks[k - 1].end <= 1:
        k += 1
    return k


def toks_text(toks: list[Token], hit: MeasureHit) -> str:
    return next((t.lower for t in toks if t.start == hit.start), "")


def _fill_ellipsis(pendings: list[Pending], toks: list[Token], lex: Lexicon, clause: list[int],
                   mask: SpanMask) -> None:
    """A bare number takes the unit of a neighbouring figure.

    "kasvua kertyi 3,1 ja lähijunissa 1,8 prosenttia" (the next one),
    "kesti tammikuussa 5,6 arkipäivää, joulukuussa vajaa 5" (the previous one).
    """
    for idx, p in enumerate(pendings):
        if p.unit.unit is not None:
            continue
        if p.unit.bare and p.num.scale > 1 and _shares_near(pendings, idx):
            # "nousi 18 prosenttia ja oli 1,1 miljoonaa": a figure with a scale word is a level,
            # never a share, so it does not take the percent of the figure beside it
            p.unit = Unit("count", rule="unit.scaled_level")
            p.rules.append("unit.scaled_level")
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
            # "puheluita tuli arkipäivisin noin 410": a clause with its own counted thing is a count;
            # "lisääntyi 6 prosenttia 41 200:aan": a case-inflected level in the same clause too
            own = subject_noun(toks, p.num, clause, lex, masked=mask)
            inflected = after_number(toks, p.num) > p.num.j and prev is not None and prev.clause == p.clause
            counted = own is not None and own.rule == "measure.subject" and toks_text(toks, own).endswith(
                PARTITIVE_PLURAL)
            if prev is not None and not inflected and not counted:
                p.unit = Unit(prev.unit.unit, bare=True, rule="unit.ellipsis_previous")
                p.rules.append("unit.ellipsis_previous")
                if p.rate is None and prev.rate is not None and prev.clause != p.clause:
                    p.rate = prev.rate
                continue
        p.unit = Unit("count", rule="unit.count")
        p.rules.append("unit.count")


_SHARE_UNITS: Final = frozenset({"percent", "percentage_point", "score"})


def _shares_near(pendings: list[Pending], idx: int) -> bool:
    """Would the bare figure at ``idx`` take a share's unit from the figure before or after it?"""
    near = [pendings[k].unit.unit for k in (idx - 1, idx + 1) if 0 <= k < len(pendings)]
    return any(u in _SHARE_UNITS for u in near)
