"""Finnish time expressions → exact inclusive date ranges, against the publication date.

The engine's side: :func:`sentence_periods` per sentence.  Callers outside the engine use
:func:`tiedote.periods.checked.find_periods`, which checks its arguments (this module is compiled,
and a compiled function refuses an argument of the wrong type with a bare TypeError).

Relative expressions resolve against ``published``, never today's date; without
it they come back ``basis="unresolved"`` with no dates, while explicit years
("vuonna 2018", "9.6.2020") still resolve.  A mention's ``kind``:

absolute   names a time: "toukokuussa", "vuonna 2018", "viime viikolla", "9.6.2020", "vuosi sitten"
now        "nyt", "tällä hetkellä", "nykyään", "tätä nykyä": the publication date, granularity "day"
relative   the period in context shifted: "vuotta aiemmin", "edellisvuoden vastaavaan aikaan",
           "viikkoa aiemmin", "kuukautta aiemmin" — no dates, basis "unresolved", ``shift`` =
           (years, months, weeks); the caller applies :func:`shift_range` to the period in
           context.  "ensimmäisten kolmen arkipäivän aikana" with no month named is also
           relative, with ``shift`` None: a part of the period in context; so are "koko
           vuonna", "vuoden aikana" (the year in force) and "katsauskaudella", "katsauskauden
           lopussa" (an interim report's period), which tiedote.periods.release resolves.
event      "ennen epidemiaa", "koronan aikana", "myrskyn aikana": unresolvable, no dates
base       a period that is only the base of a comparison: right after "kuin" ("kuin
           maaliskuussa 2019") or right before "verrattuna"/"nähden", a lone elative
           ("kasvoi 0,3 prosenttia toukokuusta", "joulukuusta 2019"), "edellisestä
           neljänneksestä", "vuodentakaisesta", "edellisvuoteen", "sitten vuoden 2010".
           Dates are resolved where the text fixes them; a base that is itself relative
           ("edellisestä neljänneksestä", "kuin vuotta aiemmin") carries ``shift`` instead.

A year-less time takes ``year`` if given, else the publication year, or the
year before when it would start after the publication date and ``past`` is
True ("joulukuussa … oli" in a January release).  What each rule reads, and
its convention (parts of a month, seasons, "mennessä", "lähtien" …), is in
its handler's comment (:mod:`tiedote.periods.rules`, :mod:`~tiedote.periods.relative`),
in ``lang/fi/time.toml`` and in docs/rules.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from tiedote.errors import InputValueError
from tiedote.periods.calendar import Ctx, Hit, add_months, granularity_of, month_aligned, month_end, week_of
from tiedote.periods.patterns import UNSAFE, Family, has_unsafe, rules, scan
from tiedote.text.segment import lower_text

__all__ = ["PeriodMention", "sentence_periods", "shift_range"]

GRANULARITIES: Final = ("day", "week", "month", "quarter", "year", "range", "open")


@dataclass(frozen=True, slots=True, init=False)
class PeriodMention:
    """A time expression found in a text, with the dates it names."""

    start_char: int  # offsets into the text passed to find_periods (half-open)
    end_char: int
    text: str  # == text[start_char:end_char]
    start: dt.date | None  # inclusive
    end: dt.date | None  # inclusive
    granularity: str  # "day", "week", "month", "quarter", "year", "range" or "open"
    basis: str  # "explicit" (resolved) or "unresolved"
    kind: str  # "absolute", "now", "relative", "event" or "base"
    rule: str  # id of the rule that matched, e.g. "period.month.inessive"
    shift: tuple[int, int, int] | None = None  # (years, months, weeks) for kind "relative"
    role: str = "in"  # "by" for "… mennessä" (cumulative: the release's frame may set its start)

    # Written out: compiled (hatch_build.py) it runs as C, where a dataclass's own __init__ stays
    # Python.  tests/test_build.py checks it takes exactly the fields, defaults and all.  Frozen: each
    # field is set through object.__setattr__, as the dataclass's own __init__ does.
    def __init__(self, start_char: int, end_char: int, text: str, start: dt.date | None, end: dt.date | None,
                 granularity: str, basis: str, kind: str, rule: str, shift: tuple[int, int, int] | None = None,
                 role: str = "in") -> None:
        setattr_ = object.__setattr__
        setattr_(self, "start_char", start_char)
        setattr_(self, "end_char", end_char)
        setattr_(self, "text", text)
        setattr_(self, "start", start)
        setattr_(self, "end", end)
        setattr_(self, "granularity", granularity)
        setattr_(self, "basis", basis)
        setattr_(self, "kind", kind)
        setattr_(self, "rule", rule)
        setattr_(self, "shift", shift)
        setattr_(self, "role", role)


# "ж" is a lower-case letter that stays one character and appears in no Finnish time word.
_FOLD_UNSAFE: Final = str.maketrans(dict.fromkeys(UNSAFE, "\u0436"))


def sentence_periods(text: str, published: dt.date | None, past: bool | Callable[[], bool],
                     anchor: int | None = None, *, year: int | None = None) -> list[PeriodMention]:
    """Every time expression of one sentence, with the release's year in force (see the module).

    Its arguments are not checked (the caller passes a str and a date or None), and
    ``past`` may be a function, called only if a year-less period's year is picked: most
    sentences hold no time expression, while working out the tense walks the
    sentence's tokens.  ``anchor`` is the year in force, from which "edellisvuonna"
    counts (contract.md: year words that point back count from it).  ``year``: see
    tiedote.periods.checked.find_periods, which checks its arguments and calls this.
    """
    plan = scan()
    if has_unsafe(text):
        # "İ", "ı", "ſ" (periods.patterns.UNSAFE) are the characters for which case-blind matching
        # differs from matching the lower-cased text, and with which a rule matched words that no
        # handler knows ("tammıkuussa" read as a month, then a KeyError).  Each becomes one letter
        # no pattern names: same length, still a letter for every word boundary, and no time word
        # is read through a foreign letter.
        low = text.translate(_FOLD_UNSAFE).lower()
    else:
        low = lower_text(text)  # once per sentence for every stage (text.segment)
    # The rules' case-sensitive twins over the lower-cased text (same length, same matches as
    # case-blind matching of the text, see periods.patterns.UNSAFE; the handlers read matched words
    # case-blind), and only the rules whose needs the text meets.
    runnable = plan.runnable(plan.present(low))
    if not runnable:  # two sentences in five: no rule's needs are met, nothing to match or resolve
        return []
    grammar, compiled = rules()
    hits: list[Hit] = []
    starts: dict[Family, list[int]] | None = None  # made when a family's rule first runs
    for i in runnable:
        r = compiled[i]
        handler = r.handler
        family = r.family
        if family is None:
            for m in r.lower.finditer(low):
                h = handler(m, grammar)
                if h is not None:
                    hits.append(h)
            continue
        if starts is None:
            starts = {}
        at = starts.get(family)
        if at is None:
            at = starts[family] = family.starts(low)
        for fm in Family.matches(r.lower, low, at):
            h = handler(fm, grammar)
            if h is not None:
                hits.append(h)
    if not hits:  # most sentences: no context to build, nothing to choose from
        return []
    ctx = Ctx(published, past, year, anchor)
    if len(hits) == 1:
        return [_mention(text, hits[0], ctx, grammar.is_base(text, hits[0].start, hits[0].end))]
    out: list[PeriodMention] = []
    for h in _joined(text, _longest(hits, len(text)), ctx):
        got = _mention(text, h, ctx, grammar.is_base(text, h.start, h.end))
        out.append(got)
        if year is None and got.kind == "absolute" and got.granularity == "year" and got.start is not None \
                and got.rule in _YEAR_RULES and (grammar.yref(got.text) or (0, 0, ""))[2] != "context":
            # "viime vuonna … edellisvuoden -205 asukkaasta": the year just named is the one in force
            ctx = Ctx(published, past, None, got.start.year)
    return out


# the rules naming a whole year that "edellisvuonna" after them in a sentence counts from
_YEAR_RULES: Final = frozenset({"period.relative.year", "period.year.explicit"})


def _joined(text: str, hits: list[Hit], ctx: Ctx) -> list[Hit]:
    """Two times side by side read as one: the first sets the year or week of the second.

    "Viime vuonna 5.6.–7.6." is that June of last year, "Vuotta aiemmin pääsiäisenä"
    the Easter a year before, "Tällä viikolla maanantain ja keskiviikon välillä" those
    days of this week.
    """
    out: list[Hit] = []
    for h in hits:
        a = out[-1] if out else None
        # "Vuotta aiemmin koko huhtikuun aikana": "koko" (whole) may stand between
        gap = text[a.end:h.start].strip().lower() if a is not None else ""
        if a is None or h.kind != "absolute" or h.resolve is None or gap not in ("", "koko") \
                or h.start - a.end > 8:
            out.append(h)
            continue
        joined = _join(a, h, ctx)
        if joined is None:
            out.append(h)
        else:
            out[-1] = joined
    return out


def _join(a: Hit, h: Hit, ctx: Ctx) -> Hit | None:
    inner = h.resolve
    assert inner is not None
    if a.kind == "absolute" and a.granularity == "week" and h.rule.startswith("period.weekday") \
            and a.resolve is not None:
        outer = a.resolve

        def in_week(c: Ctx) -> tuple[dt.date, dt.date] | None:
            got = outer(c)
            return None if got is None else inner(Ctx(c.published, lambda: c.past, c.year, c.anchor, got[0]))

        return Hit(a.start, h.end, h.rule, "absolute", h.granularity, in_week, h.role)
    if a.kind == "absolute" and a.granularity == "year" and a.resolve is not None and a.role == "in" \
            and h.granularity not in ("year", "open"):
        year_of = a.resolve

        def in_year(c: Ctx) -> tuple[dt.date, dt.date] | None:
            got = year_of(c)
            return inner(c) if got is None else inner(Ctx(c.published, lambda: c.past, got[0].year, c.anchor))

        return Hit(a.start, h.end, h.rule, "absolute", h.granularity, in_year, h.role)
    if a.kind == "relative" and a.shift is not None and a.shift[0] and not a.shift[1] and not a.shift[2]:
        years = a.shift[0]

        def moved(c: Ctx) -> tuple[dt.date, dt.date] | None:
            got = inner(c)
            return None if got is None else inner(Ctx(c.published, lambda: c.past, got[1].year + years, c.anchor))

        # the shift is kept: a time moved back from another ("vuotta aiemmin joulukuussa") is an old
        # level, never the period in force
        return Hit(a.start, h.end, h.rule, "absolute", h.granularity, moved, h.role, a.shift)
    return None


def _longest(hits: list[Hit], size: int) -> list[Hit]:
    """Non-overlapping hits, longest first, then leftmost, then in rule order.

    Each rule's matches do not overlap one another, so all candidates together
    cover the text a bounded number of times: marking taken characters keeps
    this linear in the text's length.
    """
    taken = bytearray(size)
    chosen: list[Hit] = []
    for h in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        if not any(taken[h.start:h.end]):
            taken[h.start:h.end] = b"\x01" * (h.end - h.start)
            chosen.append(h)
    chosen.sort(key=lambda h: h.start)
    return chosen


def _mention(text: str, h: Hit, ctx: Ctx, base_context: bool) -> PeriodMention:
    kind = h.kind
    if base_context and kind in ("absolute", "now", "relative"):
        kind = "base"
    role = "in" if kind == "base" else h.role
    if role == "from" and kind == "absolute":
        kind = "base"  # a lone elative: "kasvoi 0,3 prosenttia toukokuusta"
    if role == "to":
        role = "until"  # a lone illative: "jatkuu kesäkuun loppuun"
    pair = h.resolve(ctx) if h.resolve is not None else None
    start, end = pair if pair is not None else (None, None)
    gran = h.granularity
    resolved = pair is not None
    p = ctx.published
    if pair is not None:
        a, b = pair
        gran = granularity_of(a, b)
        if role == "since":
            start, end, gran = a, (p if p is not None and p >= a else None), "open"
            resolved = p is not None
        elif role == "by":
            # "syyskuun loppuun mennessä" is cumulative: from the start of the year it ends in
            start, end = min(a, b.replace(month=1, day=1)), b
            gran = granularity_of(start, end)
        elif role == "until" and (p is None or p > b):
            start, end = min(a, b.replace(day=1)), b
            gran = granularity_of(start, end)
        elif role == "until":
            start, end, gran = p, b, "open"
    basis = "explicit" if resolved and kind not in ("relative", "event") else "unresolved"
    return PeriodMention(h.start, h.end, text[h.start:h.end], start, end, gran, basis, kind, h.rule, h.shift,
                         "by" if role == "by" else "in")


def shift_range(
    start: dt.date, end: dt.date, granularity: str, *, years: int = 0, months: int = 0, weeks: int = 0
) -> tuple[dt.date, dt.date]:
    """A period moved by a ``shift`` of a relative mention ("vuotta aiemmin": years=-1).

    Month-aligned periods stay month-aligned (February 2020 a year back is
    1–28 February 2019); a week moved by months or years becomes the
    Monday–Sunday week holding its moved Monday; other dates move day by day,
    clamped to the length of the target month.

    The engine's own calls; :func:`tiedote.periods.checked.shift_range` for other callers.
    """
    if granularity not in GRANULARITIES:
        raise InputValueError(f"granularity {granularity!r}; accepted: {', '.join(GRANULARITIES)}")
    if end < start:
        raise InputValueError(f"end {end} is before start {start}")
    total = 12 * years + months
    if total and month_aligned(start, end):
        a = add_months(start, total)
        last = add_months(end.replace(day=1), total)
        b = month_end(last.year, last.month)
    elif total and granularity == "week":
        a, b = week_of(add_months(start, total))
    else:
        a, b = add_months(start, total), add_months(end, total)
    step = dt.timedelta(weeks=weeks)
    return a + step, b + step
