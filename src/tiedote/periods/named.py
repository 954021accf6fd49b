"""Rules for holidays, weekends, weekdays, rolling windows and the times a release sets itself.

"pääsiäisenä", "viikonloppuna", "maanantaina", "maanantain ja keskiviikon
välillä", "14 viime päivän aikana", "edellisellä kahden viikon jaksolla", and
"koko vuonna" / "vuoden aikana" / "katsauskaudella", which name no date of
their own: they come back as kind "relative" with no dates, and
:mod:`tiedote.periods.state` resolves them against the release's year in force
or frame.  :func:`rows` gives their patterns to :mod:`tiedote.periods.patterns`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Final

from tiedote.periods.calendar import Ctx, DatePair, Hit, add_months, yearly
from tiedote.periods.grammar import Grammar, alt, count_group, low
from tiedote.periods.lexicon import _easter
from tiedote.periods.release_words import release_words

S: Final = r"\s{1,3}"
B, E = r"(?<!\w)", r"(?!\w)"

# rule ids resolved by the release's time model, not by the calendar
YEAR_IN_FORCE: Final = "period.year_in_force"
REVIEW_PERIOD: Final = "period.review_period"
REVIEW_END: Final = "period.review_end"


def holiday(m: re.Match[str], g: Grammar) -> Hit | None:
    # "pääsiäisenä" (pitkäperjantai – 2. pääsiäispäivä), "pääsiäisviikolla", "juhannuksena",
    # "jouluna", "vappuna", "viime vuoden pääsiäisenä"
    h = release_words().holidays[low(m["h"])]
    return Hit(m.start(), m.end(), "period.holiday", "absolute", "range",
               yearly(lambda y: h.span(y, _easter(y)), g.yref(m["yp"])))


def weekend(m: re.Match[str], g: Grammar) -> Hit | None:
    # "Viikonloppuna poliisi tavoitti": the last Saturday–Sunday before publication (past
    # tense), else the coming one; "viime viikonloppuna", "ensi viikonloppuna"
    off = g.lex.modifiers[low(m["mod"])][0] if m["mod"] else None

    def resolve(ctx: Ctx) -> DatePair | None:
        p = ctx.published
        if p is None:
            return None
        if off < 0 if off is not None else ctx.past:
            sat = p - dt.timedelta(days=(p.weekday() - 5) % 7 or 7)
        else:
            sat = p + dt.timedelta(days=(5 - p.weekday()) % 7)
        return sat, sat + dt.timedelta(days=1)

    return Hit(m.start(), m.end(), "period.weekend", "absolute", "range", resolve)


def _weekday_run(first: int, last: int, rule: str) -> Callable[[Ctx], DatePair | None]:
    def resolve(ctx: Ctx) -> DatePair | None:
        if ctx.week is not None:  # "Tällä viikolla maanantaina": that week's Monday
            monday = ctx.week
        else:
            p = ctx.published
            if p is None:
                return None
            monday = p - dt.timedelta(days=p.weekday())
            if ctx.past and monday + dt.timedelta(days=last) > p:
                monday -= dt.timedelta(weeks=1)  # "Maanantaina jonotettiin": the last Monday so far
            elif not ctx.past and monday + dt.timedelta(days=first) < p:
                monday += dt.timedelta(weeks=1)  # "Maanantaina avataan": the coming one
        return monday + dt.timedelta(days=first), monday + dt.timedelta(days=last)

    return resolve


def weekday(m: re.Match[str], g: Grammar) -> Hit | None:
    # "Maanantaina jonotettiin 40 minuuttia": that Monday; "maanantain ja keskiviikon välillä",
    # "maanantaista keskiviikkoon": those days of the week
    days = release_words().weekdays
    a = days[low(m["a"] or m["a2"] or m["a3"])][0]
    second = m["b"] or m["b2"]
    b = days[low(second)][0] if second else a
    after = m.string[m.end():m.end() + 12].split()
    if b < a or (second and after and low(after[0]).rstrip(".") in g.lex.words["clock"]):
        return None  # "maanantaista perjantaihin klo 9–15": opening hours, not a time of the figures
    rule = "period.weekday" if a == b else "period.weekday.range"
    return Hit(m.start(), m.end(), rule, "absolute", "day" if a == b else "range", _weekday_run(a, b, rule))


def rolling(m: re.Match[str], g: Grammar) -> Hit | None:
    # "14 viime päivän aikana", "kahden viime viikon aikana", "viimeisen vuoden aikana",
    # "viime 12 kuukauden aikana": the window ending on the publication date
    rw = release_words()
    unit = g.gen_unit.get(low(m["u"]))
    start = m.start()
    n: int | None = count_group(m, g, "n2") if m["n2"] else None
    if n is None:
        # a count before the word ("14 viime päivän", "kahden viime viikon"), read here: a pattern
        # opening with an optional count would try every cardinal form at every position
        before = m.string[max(0, start - 24):start]
        word = before.split()[-1] if before.strip() and before[-1:].isspace() else ""
        if word.isdigit() and len(word) <= 3:
            n = int(word)
        elif low(word) in g.lex.cardinals:
            n = g.lex.cardinals[low(word)].value
        if n is not None:
            start = m.start() - (len(before) - before.rfind(word))
    if unit is None or (n is None and low(m["w"]) in rw.rolling_needs_count):
        return None
    n = 1 if n is None else n
    if n < 1 or n > 400:
        return None

    def window(ctx: Ctx) -> DatePair | None:
        p = ctx.published
        if p is None:
            return None
        if unit in ("day", "week"):
            return p - dt.timedelta(days=n * (7 if unit == "week" else 1) - 1), p
        months = n * {"month": 1, "quarter": 3, "year": 12}.get(unit, 0)
        return (add_months(p, -months) + dt.timedelta(days=1), p) if months else None

    return Hit(start, m.end(), "period.rolling", "absolute", "range", window)


def previous_window(m: re.Match[str], g: Grammar) -> Hit | None:
    # "edellisellä kahden viikon jaksolla": the window in force moved back by its length
    unit = g.gen_unit.get(low(m["u"]))
    n = count_group(m, g, "n") if m["n"] else None
    if unit is None or n is None or n < 1:
        return None
    if unit == "day":
        if n % 7:
            return None
        unit, n = "week", n // 7
    shift = {"week": (0, 0, -n), "month": (0, -n, 0), "quarter": (0, -3 * n, 0), "year": (-n, 0, 0)}.get(unit)
    if shift is None:
        return None
    return Hit(m.start(), m.end(), "period.rolling.previous", "relative", "range", shift=shift)


def release_time(m: re.Match[str], g: Grammar) -> Hit | None:
    # "koko vuonna", "vuoden aikana" (no count before it: "kahden vuoden aikana" is a duration),
    # "katsauskaudella", "katsauskauden lopussa": resolved by the release's time model
    word = low(m.group())
    rw = release_words()
    if word in rw.during_year:
        before = m.string[max(0, m.start() - 16):m.start()].split()
        if before and (before[-1][:1].isdigit() or low(before[-1]) in g.lex.cardinals
                       or low(before[-1]) in g.lex.modifiers or low(before[-1]) in g.lex.ordinals):
            return None
    rule = REVIEW_END if word in rw.review_end else REVIEW_PERIOD if word in rw.review_period else YEAR_IN_FORCE
    return Hit(m.start(), m.end(), rule, "relative", "year" if rule == YEAR_IN_FORCE else "range")


def rows(g: Grammar, yp: str) -> list[tuple[str, Callable[[re.Match[str], Grammar], Hit | None], tuple[str, ...], str]]:
    """The rules of this module as rows of the rule table: id, handler, needles, pattern."""
    rw = release_words()
    ess = alt(f for f, (_, c) in rw.weekdays.items() if c == "in")
    gen = alt(f for f, (_, c) in rw.weekdays.items() if c == "gen")
    ela = alt(f for f, (_, c) in rw.weekdays.items() if c == "from")
    ill = alt(f for f, (_, c) in rw.weekdays.items() if c == "to")
    between = alt(g.lex.words["between"])
    card = rf"(?:{alt(g.lex.cardinals)}|\d{{1,3}})"
    gen_units = alt(g.gen_unit)
    mods = alt(g.lex.modifiers)
    release_named = [*rw.whole_year, *rw.review_period, *rw.review_end]
    return [
        # "pääsiäisenä", "viime vuoden juhannuksena", "pääsiäisviikolla"
        ("period.holiday", holiday, tuple(sorted({w[:6] for w in rw.holidays})),
         rf"{B}(?:{yp})?(?P<h>{alt(rw.holidays)}){E}"),
        # "viikonloppuna", "viime viikonloppuna"
        ("period.weekend", weekend, tuple(sorted({w.split()[0] for w in rw.weekend})),
         rf"{B}(?:(?P<mod>{mods}){S})?(?P<w>{alt(rw.weekend)}){E}"),
        # "maanantaina", "maanantain ja keskiviikon välillä", "maanantaista keskiviikkoon"
        # (the needles are whole stems: "kesk" alone is in every "keskimäärin")
        ("period.weekday", weekday, tuple(sorted({w[:7] for w in rw.weekdays})),
         rf"{B}(?:(?P<a>{gen}){S}(?:ja|sekä){S}(?P<b>{gen}){S}{between}|(?P<a2>{ela}){S}(?P<b2>{ill})|(?P<a3>{ess})){E}"),
        # "14 viime päivän aikana", "viimeisen kahden viikon aikana", "viimeisen vuoden aikana"
        # (the needle "viim" is the relative rules' own: one more needle hit per "viime" costs more than the rule)
        ("period.rolling", rolling, tuple(sorted({w[:4] for w in rw.rolling_last})),
         (rf"{B}(?P<w>{alt(rw.rolling_last)}){S}(?:(?P<n2>{card}){S})?(?P<u>{gen_units})"
          rf"{S}{alt(rw.rolling_during)}{E}")),
        # "edellisellä kahden viikon jaksolla"
        ("period.rolling.previous", previous_window, tuple(sorted(rw.rolling_previous)),
         rf"{B}{alt(rw.rolling_previous)}{S}(?:(?P<n>{card}){S})?(?P<u>{gen_units}){S}{alt(rw.rolling_span)}{E}"),
        # "koko vuonna", "katsauskaudella", "katsauskauden lopussa"
        # (needles: the words' common starts, "koko vuo" and "katsauskau": "koko" alone is a common word)
        ("period.release", release_time, tuple(sorted({w[:8] if w.startswith("koko vuo") else "katsauskau"
                                                        for w in release_named})),
         rf"{B}{alt(release_named)}{E}"),
        # "vuoden aikana": the needles are the whole phrases, "vuoden" alone is in most sentences
        ("period.release.year", release_time, tuple(sorted(rw.during_year)), rf"{B}{alt(rw.during_year)}{E}"),
    ]
