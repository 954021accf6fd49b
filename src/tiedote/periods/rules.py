"""Rules for named times: dates, months, seasons, quarters, years and week numbers.

Each handler turns one match of its pattern (:mod:`tiedote.periods.patterns`)
into a :class:`~tiedote.periods.calendar.Hit` whose dates are resolved later,
against the publication date, in :mod:`tiedote.periods.find`.  Each handler's
comment quotes the phrases it is for.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from tiedote.periods.calendar import (
    Ctx,
    DatePair,
    Hit,
    YearRef,
    from_published,
    iso_week,
    month_end,
    month_range,
    quarter_range,
    valid_date,
    year_range,
    yearly,
)
from tiedote.periods.grammar import Grammar, count_group, int_group, low, nth_days, season_span, span_of_part

# ------------------------------------------------------------------ handlers


def date_numeric(m: re.Match[str], g: Grammar) -> Hit | None:
    # "9.6.2020", "24.10.", "1.6. alkaen" — but not the clock time in "kello 21.40."
    d, mo, y = int(m["d"]), int(m["m"]), int_group(m, "y")
    if g.after_clock(m.string, m.start()) or valid_date(2000, mo, d) is None:
        return None

    def span(year: int) -> DatePair | None:
        day = valid_date(year, mo, d)
        return None if day is None else (day, day)

    ref: YearRef | None = (y, 0, "explicit") if y else None
    return Hit(m.start(), m.end(), "period.date.numeric", "absolute", "day", yearly(span, ref),
               g.suffixed("date", m["sfx"]))


def date_range(m: re.Match[str], g: Grammar) -> Hit | None:
    # "1.6.–31.8.", "6.7.–2.8. välisenä aikana", "1.–7.6.2020"
    d1, d2, m2 = int(m["d1"]), int(m["d2"]), int(m["m2"])
    m1 = int_group(m, "m1") or m2
    y1, y2 = int_group(m, "y1"), int_group(m, "y2")
    if g.after_clock(m.string, m.start()) or None in (valid_date(2000, m1, d1), valid_date(2000, m2, d2)):
        return None
    wraps = (m1, d1) > (m2, d2)
    if y2 is None and y1 is not None:
        y2 = y1 + 1 if wraps else y1

    def span(year: int) -> DatePair | None:
        a = valid_date(y1 if y1 is not None else year - wraps, m1, d1)
        b = valid_date(year, m2, d2)
        return None if a is None or b is None or a > b else (a, b)

    rule = "period.date.between" if m["btw"] else "period.date.range"
    return Hit(m.start(), m.end(), rule, "absolute", "range", yearly(span, (y2, 0, "explicit") if y2 else None))


def date_named(m: re.Match[str], g: Grammar) -> Hit | None:
    # "9. kesäkuuta 2020", "tiistaina 22. elokuuta", "18. toukokuuta"
    mo = g.month_of(m["m"])
    d, y = int(m["d"]), int_group(m, "y")
    if mo is None or valid_date(2000, mo, d) is None:
        return None

    def span(year: int) -> DatePair | None:
        day = valid_date(year, mo, d)
        return None if day is None else (day, day)

    ref: YearRef | None = (y, 0, "explicit") if y else g.yref(m["yp"])
    plain = yearly(span, ref)
    wd = g.lex.weekdays_essive.get(low(m["wd"])) if m["wd"] else None
    if wd is None or ref is not None:
        return Hit(m.start(), m.end(), "period.date.named", "absolute", "day", plain, g.suffixed("date", m["sfx"]))

    def by_weekday(ctx: Ctx) -> DatePair | None:
        # "tiistaina 22. elokuuta" with no year: the weekday picks the year next to the inferred one
        got = plain(ctx)
        if got is None or got[0].weekday() == wd or ctx.year is not None:
            return got
        for year in (got[0].year - 1, got[0].year + 1) if ctx.past else (got[0].year + 1, got[0].year - 1):
            day = valid_date(year, mo, d)
            if day is not None and day.weekday() == wd:
                return day, day
        return got

    return Hit(m.start(), m.end(), "period.date.named", "absolute", "day", by_weekday, g.suffixed("date", m["sfx"]))


def date_month_range(m: re.Match[str], g: Grammar) -> Hit | None:
    # "1.–24. joulukuuta", "joulukuun 1.–24. päivän": a run of days within one named month
    mo = g.month_of(m["m"])
    d1, d2 = int(m["d1"]), int(m["d"])
    y = int_group(m, "y") if "y" in m.re.groupindex else None
    if mo is None or d1 >= d2 or valid_date(2000, mo, d2) is None:
        return None

    def span(year: int) -> DatePair | None:
        a, b = valid_date(year, mo, d1), valid_date(year, mo, d2)
        return None if a is None or b is None else (a, b)

    ref: YearRef | None = (y, 0, "explicit") if y else g.yref(m["yp"])
    pf = m["pf"] if "pf" in m.re.groupindex else None
    role = g.lex.day_forms.get(low(pf), "in") if pf else "date"
    rule = "period.date.genitive_range" if pf is not None else "period.date.named_range"
    return Hit(m.start(), m.end(), rule, "absolute", "range", yearly(span, ref), g.suffixed(role, m["sfx"]))


def date_genitive(m: re.Match[str], g: Grammar) -> Hit | None:
    # "toukokuun 23. päivään mennessä", "toukokuun 18. päivänä"
    mo = g.month_of(m["m"])
    d = int(m["d"])
    if mo is None or valid_date(2000, mo, d) is None:
        return None

    def span(year: int) -> DatePair | None:
        day = valid_date(year, mo, d)
        return None if day is None else (day, day)

    role = g.lex.day_forms.get(low(m["pf"]), "in")
    return Hit(m.start(), m.end(), "period.date.genitive", "absolute", "day", yearly(span, g.yref(m["yp"])),
               g.suffixed(role, m["sfx"]))


def month_single(m: re.Match[str], g: Grammar) -> Hit | None:
    # "toukokuussa", "toukokuun", "toukokuusta", "toukokuuhun", "toukokuu", "toukokuulla",
    # "tammik.", "syyskuussa 2023", "joulukuusta 2019", "elokuu 2023", "vuoden 2022 elokuussa",
    # "viime vuonna toukokuussa", "viime vuoden kesäkuusta lähtien", "toukokuun aikana"
    word = low(m["m"])
    form = g.lex.months.get(word)
    if form is not None:
        mo, role, case = form.value, form.role, form.case
    else:
        mo, role, case = g.lex.month_abbr[word.rstrip(".")], "in", "abbreviation"
    ref = g.yref(m["yp"]) or g.yref(m["ys"])
    rule = f"period.month.{case}" + ("+year" if ref else "")
    return Hit(m.start(), m.end(), rule, "absolute", "month",
               yearly(lambda y: month_range(y, mo), ref), g.suffixed(role, m["sfx"]))


def _months_span(m1: int, m2: int) -> Callable[[int], DatePair]:
    # A range that wraps the year end ("joulu–helmikuussa") is labelled by its end year.
    return lambda y: (dt.date(y - (m1 > m2), m1, 1), month_end(y, m2))


def month_coordinated(m: re.Match[str], g: Grammar) -> Hit | None:
    # "huhti- ja toukokuussa" (one mention, Apr 1 – May 31), "tammi–maaliskuussa", "loka-marraskuussa"
    m1 = g.lex.month_stems[low(m["m1"])]
    form = g.lex.months[low(m["m2"])]
    coord = any(w in g.lex.words["coordinators"] for w in low(m.group()).split())
    rule = "period.month.coordinated" if coord else "period.month.hyphen_range"
    ref = g.yref(m["yp"]) or g.yref(m["ys"])
    return Hit(m.start(), m.end(), rule, "absolute", "range", yearly(_months_span(m1, form.value), ref),
               g.suffixed(form.role, m["sfx"]))


def month_from_to(m: re.Match[str], g: Grammar) -> Hit | None:
    # "tammikuusta lokakuuhun", "helmikuusta huhtikuuhun", "joulukuusta 2019 maaliskuuhun 2020"
    m1, m2 = g.lex.months[low(m["m1"])].value, g.lex.months[low(m["m2"])].value
    y1, y2 = int_group(m, "y1"), int_group(m, "y2")
    if y2 is None and y1 is not None:
        y2 = y1 + (m1 > m2)

    def span(year: int) -> DatePair | None:
        start_year = y1 if y1 is not None else year - (m1 > m2)
        a, b = dt.date(start_year, m1, 1), month_end(year, m2)
        return (a, b) if a <= b else None

    ref = (y2, 0, "explicit") if y2 else g.yref(m["yp"])
    return Hit(m.start(), m.end(), "period.month.from_to", "absolute", "range", yearly(span, ref),
               g.suffixed("in", m["sfx"]))


def month_part(m: re.Match[str], g: Grammar) -> Hit | None:
    # "toukokuun lopussa", "syyskuun alussa", "toukokuun puolivälissä", "marraskuun loppuun mennessä"
    mo = g.month_of(m["m"])
    part, role = g.lex.parts[low(m["part"])]
    if mo is None:
        return None
    y = int_group(m, "y")
    ref = (y, 0, "explicit") if y else g.yref(m["yp"])
    a, b = g.lex.month_windows[part]
    role = g.suffixed(role, m["sfx"])
    if role == "by" and part == "middle":
        a = b = 15  # "huhtikuun puoliväliin mennessä" ends on the 15th
    return Hit(m.start(), m.end(), f"period.month.part.{part}", "absolute", "day" if a == b == -1 else "range",
               yearly(lambda yr: span_of_part(yr, mo, a, b), ref), role)


def month_week(m: re.Match[str], g: Grammar) -> Hit | None:
    # "kesäkuun ensimmäisellä viikolla" = days 1–7, "toukokuun viimeisellä viikolla" = the last
    # seven days, "toukokuun kahdella ensimmäisellä viikolla" = days 1–14
    mo = g.month_of(m["m"])
    nth = g.lex.ordinals.get(low(m["o"]))
    n = count_group(m, g, "n")
    if mo is None or nth is None or n is None or not 1 <= n <= 4:
        return None
    return Hit(m.start(), m.end(), "period.month.week", "absolute", "range",
               yearly(lambda y: nth_days(y, mo, nth, 7 * n), g.yref(m["yp"])))


def workdays(m: re.Match[str], g: Grammar) -> Hit | None:
    # "ensimmäisten kolmen arkipäivän aikana" (of the month in context: unresolved here),
    # "tammikuun ensimmäisten kolmen arkipäivän aikana" (holidays are not arkipäivä)
    nth = g.lex.ordinals.get(low(m["o"]))
    n = count_group(m, g, "n")
    if nth is None or n is None or not 1 <= n <= 31 or (n > 1 and nth not in (1, -1)):
        return None
    work = low(m["u"]) in g.workday_forms
    mo = g.month_of(m["m"]) if m["m"] else None
    if mo is None:
        return Hit(m.start(), m.end(), "period.days.context", "relative", "range")
    return Hit(m.start(), m.end(), "period.days.month", "absolute", "range",
               yearly(lambda y: g.days_of_month(y, mo, nth, n, work), g.yref(m["yp"])))


def season(m: re.Match[str], g: Grammar) -> Hit | None:
    # "syksyllä" (Sep–Nov), "kesällä" (Jun–Aug), "keväällä" (Mar–May), "talvella" (Dec–Feb),
    # "viime kesänä", "vuoden 2019 kesällä", "kesän aikana"
    form = g.lex.seasons[low(m["s"])]
    first, last = g.lex.season_months[form.value]
    span = _months_span(first, last)
    mod = g.lex.modifiers.get(low(m["mod"])) if m["mod"] else None
    if mod is not None and mod[1] == "published":
        off = mod[0]
        return Hit(m.start(), m.end(), "period.season.relative", "absolute", "range",
                   from_published(lambda p: season_span(span, p, off)), g.suffixed(form.role, m["sfx"]))
    ref = g.yref(m["yp"]) or g.yref(m["ys"]) or (None if mod is None else (None, mod[0], mod[1]))
    return Hit(m.start(), m.end(), "period.season", "absolute", "range", yearly(span, ref),
               g.suffixed(form.role, m["sfx"]))


def quarter(m: re.Match[str], g: Grammar) -> Hit | None:
    # "ensimmäisellä neljänneksellä", "vuoden 2022 toisella neljänneksellä", "2. vuosineljännes",
    # "ensimmäisellä vuosipuoliskolla"
    word = low(m["q"])
    unit, role = g.unit_noun[word]
    o = low(m["o"])
    nth = int(o.rstrip(".")) if o[0].isdigit() else g.lex.ordinals.get(o)
    limit = 2 if unit == "half" else 4
    if nth is None or nth == 0 or nth > limit:
        return None
    k = limit if nth == -1 else nth
    ref = g.yref(m["yp"]) or g.yref(m["ys"])
    if unit == "half":
        return Hit(m.start(), m.end(), "period.half.ordinal", "absolute", "range",
                   yearly(lambda y: (dt.date(y, 6 * k - 5, 1), month_end(y, 6 * k)), ref), g.suffixed(role, m["sfx"]))
    return Hit(m.start(), m.end(), "period.quarter.ordinal", "absolute", "quarter",
               yearly(lambda y: quarter_range(y, k), ref), g.suffixed(role, m["sfx"]))


def quarter_letter(m: re.Match[str], g: Grammar) -> Hit | None:
    # "Q3", "Q3/2022", "Q3 2022", "2022Q3"
    k = int(m["q"])
    y = int_group(m, "y0") or int_group(m, "y")
    return Hit(m.start(), m.end(), "period.quarter.letter", "absolute", "quarter",
               yearly(lambda yr: quarter_range(yr, k), (y, 0, "explicit") if y else None))


def month_slash(m: re.Match[str], g: Grammar) -> Hit | None:
    # "1–3/2011", "1-6/2009": an interim report's months of a year
    m1, m2, y = int(m["m1"]), int(m["m2"]), int(m["y"])
    if not 1 <= m1 < m2 <= 12:
        return None
    return Hit(m.start(), m.end(), "period.month.slash_range", "absolute", "range",
               yearly(lambda _: (dt.date(y, m1, 1), month_end(y, m2)), (y, 0, "explicit")))


def year_explicit(m: re.Match[str], g: Grammar) -> Hit | None:
    # "vuonna 2018", "vuoden 2022", "vuodesta 2018 lähtien", "vuoteen 2030 mennessä", "vuosina 2018–2020"
    y, y2 = int(m["y"]), int_group(m, "y2")
    role = g.year_word_role(m["w"])
    if y2 is not None:
        if y2 <= y:
            return None
        return Hit(m.start(), m.end(), "period.year.range", "absolute", "range",
                   yearly(lambda _: (dt.date(y, 1, 1), dt.date(y2, 12, 31)), (y2, 0, "explicit")))
    return Hit(m.start(), m.end(), "period.year.explicit", "absolute", "year",
               yearly(year_range, (y, 0, "explicit")), g.suffixed(role, m["sfx"]))


def year_from_to(m: re.Match[str], g: Grammar) -> Hit | None:
    # "vuodesta 2018 vuoteen 2020"
    y1, y2 = int(m["y1"]), int(m["y2"])
    if y2 < y1:
        return None
    return Hit(m.start(), m.end(), "period.year.from_to", "absolute", "range",
               yearly(lambda _: (dt.date(y1, 1, 1), dt.date(y2, 12, 31)), (y2, 0, "explicit")))


def year_since(m: re.Match[str], g: Grammar) -> Hit | None:
    # "pahin sitten vuoden 2010": the year is the base of the comparison
    y = int(m["y"])
    return Hit(m.start(), m.end(), "period.year.since", "base", "year", yearly(year_range, (y, 0, "explicit")))


def year_part(m: re.Match[str], g: Grammar) -> Hit | None:
    # "vuoden 2017 alussa", "vuoden lopussa", "viime vuoden lopussa", "alkuvuonna", "loppuvuodesta"
    if m["c"]:
        part, role, rule = g.lex.part_compounds[low(m["c"])], "in", "period.year.compound"
        ref = g.yref(m["ys"])
    else:
        part, role = g.lex.parts[low(m["part"])]
        rule, ref = "period.year.part", g.yref(m["yg"])
        if part == "whole" and ref is None:
            return None  # "vuoden kuluessa" is "within a year"
    (m1, d1), (m2, d2) = g.lex.year_windows[part]
    plain = yearly(lambda y: (dt.date(y, m1, d1), dt.date(y, m2, d2)), ref)
    if m["c"] and part == "early":
        return Hit(m.start(), m.end(), f"{rule}.{part}", "absolute", "range", _early_year(plain),
                   g.suffixed(role, m["sfx"]))
    return Hit(m.start(), m.end(), f"{rule}.{part}", "absolute", "day" if part == "end" else "range",
               plain, g.suffixed(role, m["sfx"]))


def _early_year(plain: Callable[[Ctx], DatePair | None]) -> Callable[[Ctx], DatePair | None]:
    """"alkuvuonna" in the publication year: 1 January to the end of the last full quarter
    before publication, or to the publication date when none has ended (contract.md);
    the release's frame may narrow it to the months its body gives."""

    def resolve(ctx: Ctx) -> DatePair | None:
        got = plain(ctx)
        p = ctx.published
        if got is None or p is None or got[0].year != p.year:
            return got
        last = 3 * ((p.month - 1) // 3)
        return got[0], (month_end(p.year, last) if last else p)

    return resolve


def year_turn(m: re.Match[str], g: Grammar) -> Hit | None:
    # "vuodenvaihteeseen mennessä", "vuodenvaihteessa": 31 Dec – 1 Jan of the nearest turn
    # (the past one in the first half of the year or for a past-tense verb)
    # A stock "vuodenvaihteessa" is counted on the year's last day (contract.md): the turn
    # just past for a past-tense verb or in the first half of the year, else the coming one.
    role = g.unit_noun[low(m["t"])][1]

    def turn(ctx: Ctx) -> DatePair | None:
        p = ctx.published
        if p is None:
            return None
        y = p.year - 1 if p.month <= 6 or ctx.past else p.year
        return dt.date(y, 12, 31), dt.date(y, 12, 31)

    return Hit(m.start(), m.end(), "period.year.turn", "absolute", "day", turn, g.suffixed(role, m["sfx"]))


def week_number(m: re.Match[str], g: Grammar) -> Hit | None:
    # "viikolla 12" (ISO week 12), "viikoilla 12–14", "viikolla 34 riehunut myrsky"
    n, n2 = int(m["n"]), int_group(m, "n2")
    if not 1 <= n <= 53 or (n2 is not None and not n < n2 <= 53):
        return None
    last = n2 or n

    def span(year: int) -> DatePair | None:
        try:
            return iso_week(year, n)[0], iso_week(year, last)[1]
        except ValueError:
            return None

    ref = g.yref(m["yp"]) or g.yref(m["ys"])
    return Hit(m.start(), m.end(), "period.week.range" if n2 else "period.week.number", "absolute",
               "range" if n2 else "week", yearly(span, ref))
