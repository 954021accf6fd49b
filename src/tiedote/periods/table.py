"""The period rule table: for each rule its id, handler, gate needles, pattern and further needs.

Built once per process from ``lang/fi/time.toml`` by :mod:`tiedote.periods.patterns`,
which compiles it and derives the speed pre-filter (the needles a sentence must hold
for a rule to be tried) from the rows here: a rule is written in one row.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Final

from tiedote.periods import named
from tiedote.periods import relative as rel
from tiedote.periods import rules as cal
from tiedote.periods.calendar import Hit
from tiedote.periods.grammar import Grammar, alt
from tiedote.periods.lexicon import TimeLexicon
from tiedote.periods.release_words import release_words

Handler = Callable[[re.Match[str], Grammar], "Hit | None"]

# word boundaries and bounded whitespace of every pattern; a four-digit year
B, E, S = r"(?<!\w)", r"(?!\w)", r"\s{1,3}"
Y4: Final = r"(?:1[89]\d\d|20\d\d)(?!\d)(?![.,]\d)"


def roots(words: Iterable[str]) -> tuple[str, ...]:
    """Substrings one of which every form holds: a rule whose roots are all absent is skipped."""
    return tuple(sorted({w.lower()[:4] for w in words}))


# A further condition for a rule to run: a set of needles one of which must occur
# in text.lower(), or a regular expression that must match somewhere in it.
Need = tuple[str, ...] | str
# Every date of the numeric rules holds a day and a month ("9.6.", in date2 of the ranges too):
# somewhere a digit, ".", one or two digits, ".".  Written to begin with its "." (the digit before
# it read by a look-behind): `re` skips along to a literal start, where a leading \d is tried at
# every position.  The same texts match.
DATE_SHAPE: Final = r"\.(?<=\d\.)\d\d?\."
# "1–3/2011": a digit, "/", a year; begun with its "/" for the same reason.
SLASH_SHAPE: Final = r"/(?<=\d/)(?:1[89]|20)\d\d"
# The day of "9. kesäkuuta", "joulukuun 1.–24. päivän": a digit and "." (begun with its ".", as above).
DAY_SHAPE: Final = r"\.(?<=\d\.)"
# What every Y4 starts with.
YEAR_SHAPE: Final = r"(?:1[89]|20)\d\d"


def heads(words: Iterable[str]) -> tuple[str, ...]:
    """The first word of each phrase: alt() lets a space match any 1–3 spaces, so only that is literal."""
    return tuple(sorted({w.lower().split(" ")[0] for w in words}))


Row = tuple[str, Handler, tuple[str, ...], str, tuple[Need, ...], str | None]


def table_rows(g: Grammar) -> list[Row]:
    lx: TimeLexicon = g.lex
    w = lx.words
    month = alt(lx.months)
    month_gen = alt(f for f, x in lx.months.items() if x.case == "genitive")
    month_from = alt(f for f, x in lx.months.items() if x.role == "from")
    month_to = alt(f for f, x in lx.months.items() if x.role == "to")
    month_part = alt(f for f, x in lx.months.items() if x.case == "partitive")
    abbr = alt(lx.month_abbr) + r"\."
    stem = alt(lx.month_stems)
    mods, pres = alt(lx.modifiers), alt(lx.modifier_prefixes)
    yn_ge = alt(f for f, x in lx.units["year"].items() if x.case in ("genitive", "essive"))
    yn_ess = alt(f for f, x in lx.units["year"].items() if x.case == "essive")
    yn_gen = alt(f for f, x in lx.units["year"].items() if x.case == "genitive")
    yp = rf"(?P<yp>{yn_ge}{S}{Y4}|{mods}{S}{yn_ge}|{pres}{yn_ge}){E}{S}"
    ys = rf"(?:{S}(?P<ys>{Y4}|{yn_ess}{S}{Y4}|(?:{mods}{S}|{pres}){yn_ess}{E}))?"
    yg = rf"(?P<yg>{yn_gen}(?:{S}{Y4})?|{mods}{S}{yn_gen}|{pres}{yn_gen})"
    sfx = rf"(?:{S}(?P<sfx>{alt(w['since'] + w['by'] + w['until'])}){E})?"
    whole = rf"(?:{S}{alt(p for p, (part, _) in lx.parts.items() if part == 'whole')}{E})?"
    parts = alt(lx.parts)
    ordn, card = alt(lx.ordinals), alt(lx.cardinals)
    corr = rf"(?:{S}(?P<corr>{alt(w['corresponding'])}){E})?"
    week_nouns = alt(f for f, x in lx.units["week"].items() if x.case in ("adessive", "genitive"))
    days = alt(f for u in ("day", "workday") for f, x in lx.units[u].items() if x.case in ("genitive", "essive"))
    seasons = alt(f for f, x in lx.seasons.items() if x.case not in ("nominative", "partitive"))
    counts = alt(g.count_unit)
    count_gen = alt(g.gen_unit)
    ev_gen = alt(lx.event_genitive)
    ev_any = alt(lx.event_genitive + lx.event_partitive)
    d12 = r"\d{1,2}"
    nd = r"(?<![\d.,])"
    cardn = rf"(?:{card}|\d{{1,2}})"
    coord, between = alt(w["coordinators"]), alt(w["between"])
    date1 = rf"{nd}(?P<d1>{d12})\.(?:(?P<m1>{d12})\.(?P<y1>{Y4})?)?"
    date2 = rf"(?P<d2>{d12})\.(?P<m2>{d12})\.(?P<y2>{Y4})?(?!\d)"
    unit_nouns = alt(g.unit_noun)
    digits = tuple("0123456789")
    stems = tuple(lx.month_stems)

    def month_head(word: str) -> str:
        # the stem and one more letter ("tammik" of "tammikuussa" and "tammik."): a stem alone
        # ("elo", "kesä", "loka") occurs in many other words
        stem = max((s for s in lx.month_stems if word.startswith(s)), key=len, default=word)
        return word[:len(stem) + 1]

    # What each rule's pattern needs beyond its needles (see Need); a month word or abbreviation
    # is in every month rule, a modifier in every "viime vuonna", a part in every "vuoden lopussa".
    month_word: Need = tuple(sorted({month_head(x) for x in [*lx.months, *lx.month_abbr]}))
    ordinal: Need = tuple(sorted({x[:4] for x in heads(lx.ordinals)}))
    # a range's or a coordination's dash ([–—-] in each of their patterns): most sentences naming a
    # month hold none, and the month rules cost the most to run
    dash: Need = ("-", "–", "—")
    # the week noun of "kesäkuun ensimmäisellä viikolla"
    week_noun: Need = roots(f for f, x in lx.units["week"].items() if x.case in ("adessive", "genitive"))
    # the day word of "toukokuun 23. päivään", the part word of "toukokuun lopussa" (its first word)
    day_word: Need = heads(lx.day_forms)
    part_word: Need = heads(lx.parts)
    # the illative ending of "tammikuusta lokakuuhun" (the rest of a form after its month stem)
    to_ending: Need = tuple(sorted({
        f[len(max((st for st in lx.month_stems if f.startswith(st)), key=len, default="")):]
        for f, x in lx.months.items() if x.role == "to"}))
    extra: dict[str, tuple[Need, ...]] = {
        "period.date.range": (DATE_SHAPE, dash),
        # "6.7. ja 2.8. välisenä aikana": the between word
        "period.date.between": (DATE_SHAPE, heads(w["between"])),
        "period.date.numeric": (DATE_SHAPE,),
        "period.date.named": (month_word, DAY_SHAPE),
        "period.date.genitive": (month_word, day_word, DAY_SHAPE),
        "period.date.named_range": (month_word, dash, DAY_SHAPE),
        "period.date.genitive_range": (month_word, dash, day_word, DAY_SHAPE),
        "period.month.coordinated": (month_word, dash),
        "period.month.from_to": (month_word, to_ending),
        "period.month.part": (month_word, part_word),
        "period.month.week": (month_word, ordinal, week_noun),
        # "kolmen arkipäivän aikana": the day noun in the genitive or essive, not any "päivä"
        "period.days": (ordinal, heads(f for u in ("day", "workday") for f, x in lx.units[u].items()
                                       if x.case in ("genitive", "essive"))),
        "period.month.single": (month_word,),
        # "vuodesta 2018 vuoteen 2020": the second year's word
        "period.year.from_to": (YEAR_SHAPE, heads(g.year_words_of("to"))),
        # "14 viime päivän aikana": the during word closing the window (tiedote.periods.named)
        "period.rolling": (heads(release_words().rolling_during),),
        "period.month.slash_range": (SLASH_SHAPE,),
        "period.year.since": (YEAR_SHAPE,),
        "period.year.explicit": (YEAR_SHAPE,),
        # the rule's needles are four letters, also those of "neljä", "puolet", "kesäkuu": the forms
        # it reads begin with one of these longer starts
        "period.quarter.ordinal": (tuple(sorted({f[:7] for f in g.quarter_nouns})),),
        "period.season": (tuple(sorted({f[:6] for f, x in lx.seasons.items() if x.case not in ("nominative", "partitive")})),),
        "period.year.part": (heads([*lx.parts, *lx.part_compounds]),),
        "period.relative": (heads([*lx.modifiers, *lx.modifier_prefixes]),),
        "period.event": (heads([*lx.event_before, *lx.event_after, *lx.event_during]),),
        # "vuodenvaihteessa": the turn word itself, not any "vuoden"
        "period.year.turn": (heads(lx.units["turn"]),),
        # "viikolla 12": a week word is common ("viikossa" is a rate), one right before a number is not
        "period.week.number": (rf"{alt(w['week_words'])}\.?\s{{0,3}}\d",),
    }
    # The month rules begin alike: an optional year phrase, then a lead (a month word, or the day
    # number of "9. kesäkuuta").  Each is written as that beginning and the rest, so that a pattern
    # matching wherever any of their leads begins (their family's, see Family) holds by construction.
    # A lead that is a month word stands in the family's pattern as the month stems: every month
    # word and abbreviation begins with a stem, so the stems begin where such a lead does (and the
    # lead of "huhti- ja toukokuussa" is a stem alone), and one word list is tried in place of five.
    if not all(any(f.startswith(st) for st in lx.month_stems) for f in [*lx.months, *lx.month_abbr]):
        raise ValueError("time.toml: a month word or abbreviation begins with no month stem")
    month_leads: list[str] = []
    month_patterns: set[str] = set()

    def month_rule(lead: str, rest: str, *, word: bool = True) -> str:
        month_leads.append(stem if word else lead)
        pattern = rf"{B}(?:{yp})?{lead}{rest}"
        month_patterns.add(pattern)
        return pattern

    table: list[tuple[str, Handler, tuple[str, ...], str]] = [
        # "1.6.–31.8.", "6.7.–2.8. välisenä aikana", "1.–7.6.2020"
        ("period.date.range", cal.date_range, digits,
         rf"{date1}\s{{0,2}}[–—-]\s{{0,2}}{date2}(?:{S}(?P<btw>{between}){E})?"),
        # "6.7. ja 2.8. välisenä aikana"
        ("period.date.between", cal.date_range, digits, rf"{date1}{S}{coord}{S}{date2}{S}(?P<btw>{between}){E}"),
        # "9.6.2020", "24.10.", "1.6. alkaen"
        ("period.date.numeric", cal.date_numeric, digits, rf"{nd}(?P<d>{d12})\.(?P<m>{d12})\.(?P<y>{Y4})?(?!\d){sfx}"),
        # "9. kesäkuuta 2020", "tiistaina 22. elokuuta", "18. toukokuuta"
        ("period.date.named", cal.date_named, stems,
         month_rule(rf"(?:(?P<wd>{alt(lx.weekdays_essive)}){S})?(?P<d>{d12})\.",
                    rf"\s{{0,2}}(?P<m>{month_part}{E}|{abbr})(?:{S}(?P<y>{Y4}))?{sfx}", word=False)),
        # "1.–24. joulukuuta", "5. - 7. kesäkuuta 2024": days of one named month
        ("period.date.named_range", cal.date_month_range, stems,
         month_rule(rf"(?P<d1>{d12})\.\s{{0,2}}[–—-]\s{{0,2}}(?P<d>{d12})\.",
                    rf"\s{{0,2}}(?P<m>{month_part}{E}|{abbr})(?:{S}(?P<y>{Y4}))?{sfx}", word=False)),
        # "joulukuun 1.–24. päivän myynti", "kesäkuun 5.–7. päivinä"
        ("period.date.genitive_range", cal.date_month_range, stems,
         month_rule(rf"(?P<m>{month_gen})",
                    rf"{S}(?P<d1>{d12})\.\s{{0,2}}[–—-]\s{{0,2}}(?P<d>{d12})\.{S}(?P<pf>{alt(lx.day_forms)}){E}{sfx}")),
        # "toukokuun 23. päivään mennessä"
        ("period.date.genitive", cal.date_genitive, stems,
         month_rule(rf"(?P<m>{month_gen})", rf"{S}(?P<d>{d12})\.{S}(?P<pf>{alt(lx.day_forms)}){E}{sfx}")),
        # "huhti- ja toukokuussa", "tammi–maaliskuussa", "loka-marraskuussa", "tammi-, helmi- ja maaliskuussa"
        ("period.month.coordinated", cal.month_coordinated, stems,
         month_rule(rf"(?P<m1>{stem})", rf"(?:\s?[-–—]\s{{0,2}}|-,?{S}(?:{stem}-,?{S}){{0,10}}{coord}{S})"
                    + rf"(?P<m2>{month}){E}{ys}{whole}{sfx}")),
        # "tammikuusta lokakuuhun", "helmikuusta huhtikuuhun"
        ("period.month.from_to", cal.month_from_to, stems,
         month_rule(rf"(?P<m1>{month_from})", rf"(?:{S}(?P<y1>{Y4}))?{S}(?P<m2>{month_to})(?:{S}(?P<y2>{Y4}))?{E}{sfx}")),
        # "toukokuun lopussa", "syyskuun alussa", "marraskuun loppuun mennessä"
        ("period.month.part", cal.month_part, stems,
         month_rule(rf"(?P<m>{month_gen})", rf"(?:{S}(?P<y>{Y4}))?{S}(?P<part>{parts}){E}{sfx}")),
        # "kesäkuun ensimmäisellä viikolla", "toukokuun kahdella ensimmäisellä viikolla"
        ("period.month.week", cal.month_week, stems,
         month_rule(rf"(?P<m>{month_gen})", rf"{S}(?:(?P<n>{cardn}){S})?(?P<o>{ordn}){S}{week_nouns}{E}{whole}")),
        # "ensimmäisten kolmen arkipäivän aikana", "tammikuun ensimmäisten kolmen arkipäivän aikana"
        ("period.days", cal.workdays, roots(f for u in ("day", "workday") for f in lx.units[u]),
         rf"{B}(?:(?:{yp})?(?P<m>{month_gen}){S})?(?P<o>{ordn}){S}(?:(?P<n>{cardn}){S})?(?P<u>{days}){E}{whole}"),
        # "toukokuussa", "toukokuusta", "tammik.", "syyskuussa 2023", "viime vuonna toukokuussa"
        ("period.month.single", cal.month_single, stems, month_rule(rf"(?P<m>{month}{E}|{abbr})", rf"{ys}{whole}{sfx}")),
        # "syksyllä", "viime kesänä", "kesän aikana"
        ("period.season", cal.season, roots(lx.seasons), rf"{B}(?:{yp}|(?P<mod>{mods}){S})?(?P<s>{seasons}){E}{ys}{whole}{sfx}"),
        # "toisella neljänneksellä", "vuoden 2022 toisella neljänneksellä", "2. vuosineljännes"
        ("period.quarter.ordinal", cal.quarter, roots(g.quarter_nouns),
         rf"{B}(?:{yp})?(?P<o>{ordn}|[1-4]\.){S}(?P<q>{alt(g.quarter_nouns)}){E}{ys}{whole}{sfx}"),
        # "Q3", "Q3/2022"
        ("period.quarter.letter", cal.quarter_letter, tuple(w["quarter_letter"]),
         rf"{B}(?:(?P<y0>{Y4})\s?)?{alt(w['quarter_letter'])}(?P<q>[1-4])"
         + rf"(?:\s?[/-]\s?(?P<y>{Y4})|{S}(?P<y2>{Y4}))?{E}"),
        # "1–3/2011", "1-6/2009" (not "1/2011": a document number)
        ("period.month.slash_range", cal.month_slash, digits,
         rf"{nd}(?P<m1>1[0-2]|0?[1-9])\s?[–—-]\s?(?P<m2>1[0-2]|0?[1-9])/(?P<y>{Y4})(?!\d)"),
        # "vuodesta 2018 vuoteen 2020"
        ("period.year.from_to", cal.year_from_to, roots(w["year_words"]),
         rf"{B}{alt(g.year_words_of('from'))}{S}(?P<y1>{Y4}){S}{alt(g.year_words_of('to'))}{S}(?P<y2>{Y4}){E}"),
        # "sitten vuoden 2010"
        ("period.year.since", cal.year_since, tuple(w["since_year"]), rf"{B}{alt(w['since_year'])}{S}{yn_gen}{S}(?P<y>{Y4}){E}"),
        # "vuonna 2018", "vuosina 2018–2020", "vuodesta 2018 lähtien"
        ("period.year.explicit", cal.year_explicit, roots(w["year_words"]),
         rf"{B}(?P<w>{alt(w['year_words'])}){S}(?P<y>{Y4})(?:\s{{0,2}}[–—-]\s{{0,2}}(?P<y2>{Y4}))?{E}{whole}{sfx}"),
        # "vuoden 2017 alussa", "vuoden lopussa", "alkuvuonna", "loppuvuodesta"
        ("period.year.part", cal.year_part, roots([*lx.units["year"], *lx.part_compounds]),
         rf"{B}(?:{yg}{S}(?P<part>{parts})|(?P<c>{alt(lx.part_compounds)}){ys}){E}{sfx}"),
        # "vuodenvaihteeseen mennessä", "vuodenvaihteessa" — not the attribute in "vuodenvaihteen jälkeen"
        ("period.year.turn", cal.year_turn, roots(lx.units["turn"]),
         rf"{B}(?P<t>{alt(f for f, x in lx.units['turn'].items() if x.role in ('in', 'from', 'to') and x.case != 'genitive')})"
         + rf"{E}{sfx}"),
        # "viime vuonna", "edellisvuonna", "viime viikolla", "edellisvuoden vastaavaan aikaan"
        ("period.relative", rel.relative_unit, roots(g.unit_noun),
         rf"{B}(?:(?P<mod>{mods}){S}(?P<u1>{unit_nouns})|(?P<pre>{pres})(?P<u2>{unit_nouns})){E}"
         + rf"(?!\s?{Y4}){whole}{corr}{sfx}"),
        # "vuosi sitten", "kaksi viikkoa sitten", "vuosi sitten vastaavana ajankohtana"
        ("period.ago", rel.ago, tuple(w["ago"]), rf"{B}(?:(?P<n>{cardn}){S})?(?P<u>{counts}){S}{alt(w['ago'])}{E}{corr}"),
        # "vuotta aiemmin", "viikkoa aiemmin", "vuotta aiemmin samaan aikaan"
        ("period.earlier", rel.earlier, tuple(w["earlier"] + w["later"]),
         rf"{B}(?:(?P<n>{cardn}){S})?(?P<u>{counts}){S}(?P<dir>{alt(w['earlier'] + w['later'])}){E}{corr}"),
        # "vuodentakaisesta", "vuoden takaisesta"
        ("period.ago_adjective", rel.ago_adjective, roots(w["ago_adjective"]),
         rf"{B}(?:(?P<n>{cardn}){S})?(?P<u>{count_gen})\s?(?P<t>{alt(w['ago_adjective'])}){E}"),
        # "nyt", "tällä hetkellä", "nykyään", "tätä nykyä"
        ("period.now", rel.now, roots(lx.now), rf"{B}{alt(lx.now)}{E}"),
        # "tänään", "eilen"
        ("period.day.deictic", rel.deictic_day, tuple(lx.deictic_days), rf"{B}(?P<w>{alt(lx.deictic_days)}){E}"),
        # "viikolla 12", "viikoilla 12–14" — not "viikon 40 000 puhelua", nor "12 viikosta 8 viikkoon"
        # (a count of weeks: a week word follows the number)
        ("period.week.number", cal.week_number, roots(w["week_words"]),
         rf"{B}(?:{yp})?(?:{alt(w.get('week_compound_heads', ()))})?{alt(w['week_words'])}\.?\s{{0,3}}(?P<n>{d12})"
         + rf"(?:\s{{0,2}}(?:[–—-]|{S}{coord}{S})\s{{0,2}}(?P<n2>{d12}))?(?!\d)(?!\s?\d{{3}})(?![.,]\d)"
         + rf"(?!\s{{1,2}}{alt(w['week_words'])}{E}){ys}"),
        # "ennen epidemiaa", "koronan aikana", "myrskyn aikana"
        ("period.event", rel.event, roots(lx.event_genitive + lx.event_partitive),
         rf"{B}(?:{alt(lx.event_before + lx.event_after)}{S}\w{{0,20}}?{ev_any}"
         + rf"|\w{{0,20}}?{ev_gen}{S}{alt(lx.event_during)}){E}"),
    ]
    table += named.rows(g, yp)
    leads = "|".join(dict.fromkeys(_unnamed(lead) for lead in month_leads))
    month_family = rf"(?=(?:{_unnamed(yp)})?(?:{leads}))"
    return [(rule_id, handler, needles, pattern, extra.get(rule_id, ()), month_family if pattern in month_patterns else None)
            for rule_id, handler, needles, pattern in table]


# "(?P<name>" opening a group (not after a backslash, which would make "(" a literal)
_GROUP_NAME: Final = re.compile(r"(?<!\\)\(\?P<\w+>")


def _unnamed(pattern: str) -> str:
    """``pattern`` with its named groups made non-capturing, so that several can be joined."""
    return _GROUP_NAME.sub("(?:", pattern)
