"""Rules for times counted from another time: "viime vuonna", "vuotta aiemmin", "vuosi sitten", "nyt".

Deictic words count from the publication date and resolve here ("viime
viikolla", "vuosi sitten", "nyt"); anaphoric ones count from the time in
context and come back as a ``shift`` for the caller ("vuotta aiemmin",
"edellisvuoden vastaavaan aikaan"); each handler's comment says which its words are.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from tiedote.periods.calendar import DatePair, Hit, add_months, from_published, year_range, yearly
from tiedote.periods.grammar import Grammar, count_group, low

_SHIFT: Final = {"year": (1, 0, 0), "quarter": (0, 3, 0), "half": (0, 6, 0), "month": (0, 1, 0), "week": (0, 0, 1)}


def _scaled(unit: str, n: int) -> tuple[int, int, int]:
    y, mo, w = _SHIFT[unit]
    return (y * n, mo * n, w * n)


def relative_unit(m: re.Match[str], g: Grammar) -> Hit | None:
    # "viime vuonna", "viime vuoden aikana", "tänä vuonna", "kuluvana vuonna", "ensi vuonna",
    # "edellisvuonna", "viime viikolla", "tällä viikolla", "viime kuussa", "tässä kuussa",
    # "edellisestä neljänneksestä", "edellisvuoden vastaavaan aikaan"
    word = low(m["u1"] or m["u2"])
    unit, role = g.unit_noun[word]
    off, anchor = g.lex.modifiers[low(m["mod"])] if m["mod"] else g.lex.modifier_prefixes[low(m["pre"])]
    if m["corr"]:
        kind = "base" if g.base_role(role) else "relative"
        return Hit(m.start(), m.end(), "period.relative.corresponding", kind, unit, shift=_scaled(unit, off))
    rule = f"period.relative.{unit}"
    if anchor == "published":
        return Hit(m.start(), m.end(), rule, "absolute", unit,
                   from_published(lambda p: g.deictic(unit, p, off)), g.suffixed(role, m["sfx"]))
    if unit == "year":
        kind = "base" if g.base_role(role) and not m["sfx"] else "absolute"
        shift = _scaled(unit, off) if kind == "base" else None
        return Hit(m.start(), m.end(), rule, kind, "year", yearly(year_range, (None, off, "context")),
                   g.suffixed(role, m["sfx"]), shift)
    kind = "base" if g.base_role(role) else "relative"
    return Hit(m.start(), m.end(), rule, kind, unit, shift=_scaled(unit, off))


def ago(m: re.Match[str], g: Grammar) -> Hit | None:
    # "vuosi sitten", "kuukausi sitten", "kaksi viikkoa sitten": counted back from the publication
    # date (deictic); "vuosi sitten vastaavana ajankohtana" is the context period a year back
    n = count_group(m, g, "n")
    unit = g.count_unit[low(m["u"])]
    if n is None:
        return None
    if m["corr"]:
        if unit == "day":
            return None
        return Hit(m.start(), m.end(), "period.ago.corresponding", "relative", unit, shift=_scaled(unit, -n))

    def back(p: dt.date) -> DatePair:
        if unit == "day":
            day = p - dt.timedelta(days=n)
        elif unit == "week":
            day = p - dt.timedelta(weeks=n)
        else:
            day = add_months(p, -n * (12 if unit == "year" else 6 if unit == "half" else 3 if unit == "quarter" else 1))
        return day, day

    return Hit(m.start(), m.end(), "period.ago", "absolute", "day", from_published(back))


def earlier(m: re.Match[str], g: Grammar) -> Hit | None:
    # "vuotta aiemmin", "viikkoa aiemmin", "kuukautta aikaisemmin", "kaksi vuotta myöhemmin",
    # "vuotta aiemmin vastaavana aikana": the period in context shifted (anaphoric)
    n = count_group(m, g, "n")
    unit = g.count_unit[low(m["u"])]
    if n is None or unit == "day":
        return None
    sign = 1 if low(m["dir"]) in g.lex.words["later"] else -1
    return Hit(m.start(), m.end(), "period.earlier", "relative", unit, shift=_scaled(unit, sign * n))


def ago_adjective(m: re.Match[str], g: Grammar) -> Hit | None:
    # "vuodentakaisesta", "vuodentakaiseen verrattuna", "vuoden takaisesta kahdeksasta kuukaudesta":
    # the same period a year back; elative and illative are comparison bases
    n = count_group(m, g, "n")
    unit = g.gen_unit.get(low(m["u"]))
    if n is None or unit is None or unit == "day":
        return None
    word = low(m["t"])
    kind = "base" if word.endswith(("sesta", "seen")) else "relative"
    return Hit(m.start(), m.end(), "period.ago_adjective", kind, unit, shift=_scaled(unit, -n))


def now(m: re.Match[str], g: Grammar) -> Hit | None:
    # "nyt", "tällä hetkellä", "nykyään", "tätä nykyä": the publication date
    return Hit(m.start(), m.end(), "period.now", "now", "day", from_published(lambda p: (p, p)))


def deictic_day(m: re.Match[str], g: Grammar) -> Hit | None:
    # "tänään", "eilen"
    off = g.lex.deictic_days[low(m["w"])]
    return Hit(m.start(), m.end(), "period.day.deictic", "absolute", "day",
               from_published(lambda p: (p + dt.timedelta(days=off),) * 2))


def event(m: re.Match[str], g: Grammar) -> Hit | None:
    # "ennen epidemiaa", "koronan aikana", "myrskyn aikana": named by an event, unresolvable here
    return Hit(m.start(), m.end(), "period.event", "event", "range")
