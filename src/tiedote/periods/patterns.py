"""The period patterns, assembled from ``lang/fi/time.toml`` and compiled once per process.

Word lists become trie-shaped alternations (:func:`tiedote.periods.grammar.alt`),
whitespace is bounded (``\\s{1,3}``) and so is every repetition, so each
pattern scans a text in linear time whatever it holds — no nested unbounded
quantifier anywhere.  The rule ids here are prefixes: a handler may refine
one ("period.month.inessive+year").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache

import ahocorasick
import regex

from tiedote.periods import named
from tiedote.periods import relative as rel
from tiedote.periods import rules as cal
from tiedote.periods.calendar import Hit
from tiedote.periods.grammar import Grammar, alt
from tiedote.periods.lexicon import TimeLexicon, time_lexicon

Handler = Callable[[re.Match[str], Grammar], "Hit | None"]


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    handler: Handler
    needles: tuple[str, ...]  # the rule can match only where one of these occurs (lower case)
    lower: re.Pattern[str]  # the pattern, case-sensitive, over text.lower(): see :func:`scan`
    requires: int  # bits of :class:`Scan` that must all be set for the rule to run
    family: Family | None  # the rules it starts alike with, whose starts one search finds

    # The reference matching the tests check `lower` and `Scan` against.  Compiled on first use:
    # extraction never reads them, and compiling the patterns took a third of the rules' build,
    # paid by every process at start-up.
    @property
    def pattern(self) -> re.Pattern[str]:
        """The pattern with IGNORECASE, over the text as given."""
        return _ignorecase(self.lower.pattern)

    @property
    def gate(self) -> re.Pattern[str]:
        """The needles as one pattern: where in ``text.lower()`` the rule can match at all."""
        return _gate(self.needles)


@cache
def _ignorecase(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


@cache
def _gate(needles: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(n) for n in sorted(needles, key=len, reverse=True)))


B, E, S = r"(?<!\w)", r"(?!\w)", r"\s{1,3}"
Y4 = r"(?:1[89]\d\d|20\d\d)(?!\d)(?![.,]\d)"



def roots(words: Iterable[str]) -> tuple[str, ...]:
    """Substrings one of which every form holds: a rule whose roots are all absent is skipped."""
    return tuple(sorted({w.lower()[:4] for w in words}))


# A further condition for a rule to run: a set of needles one of which must occur
# in text.lower(), or a regular expression that must match somewhere in it.
Need = tuple[str, ...] | str
# Every date of the numeric rules holds a day and a month ("9.6.", in date2 of the ranges too).
DATE_SHAPE = r"\d\.\d\d?\."
# What every Y4 starts with.
YEAR_SHAPE = r"(?:1[89]|20)\d\d"


def heads(words: Iterable[str]) -> tuple[str, ...]:
    """The first word of each phrase: alt() lets a space match any 1–3 spaces, so only that is literal."""
    return tuple(sorted({w.lower().split(" ")[0] for w in words}))


Row = tuple[str, Handler, tuple[str, ...], str, tuple[Need, ...], str | None]


def _patterns(g: Grammar) -> list[Row]:
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
    extra: dict[str, tuple[Need, ...]] = {
        "period.date.range": (DATE_SHAPE,),
        "period.date.between": (DATE_SHAPE,),
        "period.date.numeric": (DATE_SHAPE,),
        "period.date.named": (month_word,),
        "period.date.genitive": (month_word,),
        "period.month.coordinated": (month_word,),
        "period.month.from_to": (month_word,),
        "period.month.part": (month_word,),
        "period.month.week": (month_word, ordinal),
        "period.days": (ordinal,),
        "period.month.single": (month_word,),
        "period.year.from_to": (YEAR_SHAPE,),
        "period.year.since": (YEAR_SHAPE,),
        "period.year.explicit": (YEAR_SHAPE,),
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
    month_leads: list[str] = []
    month_patterns: set[str] = set()

    def month_rule(lead: str, rest: str) -> str:
        month_leads.append(lead)
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
                    rf"\s{{0,2}}(?P<m>{month_part}{E}|{abbr})(?:{S}(?P<y>{Y4}))?{sfx}")),
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
         rf"{B}(?:{yp})?{alt(w['week_words'])}\.?\s{{0,3}}(?P<n>{d12})"
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
_GROUP_NAME = re.compile(r"(?<!\\)\(\?P<\w+>")


def _unnamed(pattern: str) -> str:
    """``pattern`` with its named groups made non-capturing, so that several can be joined."""
    return _GROUP_NAME.sub("(?:", pattern)


@cache
def rules() -> tuple[Grammar, tuple[Rule, ...]]:
    """The grammar and every rule, compiled once per process."""
    return _build()[:2]


@cache
def scan() -> Scan:
    """The one pass over text.lower() that says which rules can match (built with rules())."""
    return _build()[2]


# Characters for which matching a pattern with IGNORECASE differs from matching the lower-cased
# character without it: "İ" lower-cases to two characters, and IGNORECASE lets "ı" match "i" and
# "ſ" match "s" (and "İ" match "i").  A text without them gives the same matches, at the same
# offsets, either way; tests/test_periods.py checks this set against every character of Unicode
# and every atom of the patterns.
UNSAFE = "\u0130\u0131\u017f"


def has_unsafe(text: str) -> bool:
    """Whether ``text`` holds a character of :data:`UNSAFE`: three substring tests, about ten
    times cheaper than a set or regex scan, run once per sentence."""
    return UNSAFE[0] in text or UNSAFE[1] in text or UNSAFE[2] in text


class Scan:
    """Which rules can match a text, from one pass over its lower-cased form.

    :func:`tiedote.periods.find.find_periods` matches every rule case-sensitively against
    ``text.lower()`` — the same matches as IGNORECASE over ``text`` when the text holds none of
    :data:`UNSAFE` (which it folds first), and about 30 % cheaper — and runs a rule only where
    its needles (``Rule.needles``) and each of its further needs (see :data:`Need`) are present.
    All needles are found in one pass of an Aho–Corasick automaton (pyahocorasick, C): every
    occurrence of every needle, overlapping ones too.  That pass replaces a search per needle
    set, which cost more than a third of find_periods, and a zero-width regex lookahead tried
    at every position, which cost three times the automaton.
    """

    def __init__(self, needs: list[list[Need]]) -> None:
        bit_of: dict[Need, int] = {}
        for rule_needs in needs:
            for need in rule_needs:
                bit_of.setdefault(need, 1 << len(bit_of))
        self.requires = [sum(bit_of[n] for n in rule_needs) for rule_needs in needs]
        self._runnable: dict[int, tuple[int, ...]] = {}
        words = {w for need in bit_of if isinstance(need, tuple) for w in need}
        # needle -> bits of every need holding it; single characters ("0"…"9") too: the automaton
        # passes over them for less than a search of its own
        self.bits = {
            w: sum(bit for need, bit in bit_of.items() if isinstance(need, tuple) and w in need)
            for w in words
        }
        self.needles = ahocorasick.Automaton()
        for w, bit in self.bits.items():
            self.needles.add_word(w, bit)
        self.needles.make_automaton()
        # Shapes: one search each, made only if some rule needing the shape has its other needs
        # met — "(?:1[89]|20)\d\d" matters only beside a year word, "viikolla 12" only beside "viik".
        shapes = sum(bit for need, bit in bit_of.items() if isinstance(need, str))
        self.probes = tuple(
            (bit, _probe(need), tuple(dict.fromkeys(req & ~shapes for req in self.requires if req & bit)))
            for need, bit in bit_of.items() if isinstance(need, str)
        )

    def runnable(self, found: int) -> tuple[int, ...]:
        """The indices of the rules whose every need ``found`` meets, in rule order.

        Kept per distinct ``found``: a few dozen combinations occur in practice, and the
        bound only matters for a process fed every combination there is.
        """
        got = self._runnable.get(found)
        if got is None:
            if len(self._runnable) >= 4096:
                self._runnable.clear()
            got = self._runnable[found] = tuple(i for i, req in enumerate(self.requires) if req & found == req)
        return got

    def present(self, low: str) -> int:
        """The bits of the needs that ``low`` (a lower-cased text) meets, enough for :meth:`runnable`.

        A shape's bit is left out where no rule needing it could run anyway.
        """
        found = 0
        for _, bit in self.needles.iter(low):
            found |= bit
        for bit, probe, others in self.probes:
            for need in others:
                if found & need == need:
                    if probe.search(low) is not None:
                        found |= bit
                    break
        return found


class Family:
    r"""Rules that begin alike, with one search for every place where any of them can match.

    A family's ``head`` is a zero-width pattern that matches wherever a match of any member
    begins (besides the members' own opening ``(?<!\w)``).  The members are then tried only
    there, with ``match`` — the same matches as their ``finditer``, as every match begins at
    one of those places and none is empty.  A plain ``finditer`` tries its pattern at every
    position of the text: for the seven month rules, which run on every sentence naming a
    month, that cost three times the one search and the few tries.
    """

    def __init__(self, head: str) -> None:
        self._first = re.compile(head)
        # `re` tries a pattern at every position unless it begins with a character set, which it
        # then skips along: this one consumes the character before a start, from all but the
        # commonest word characters, and (?<!\w) checks that character exactly.
        self._later = re.compile(rf"[^0-9_a-zäöå](?<!\w){head}")

    def starts(self, low: str) -> list[int]:
        """Every position of ``low`` where a member may match, in order."""
        starts = [m.end() for m in self._later.finditer(low)]
        if self._first.match(low) is not None:
            starts.insert(0, 0)
        return starts

    @staticmethod
    def matches(pattern: re.Pattern[str], low: str, starts: list[int]) -> Iterator[re.Match[str]]:
        """``pattern.finditer(low)`` for a member, tried only at ``starts``."""
        end = 0
        for start in starts:
            if start >= end:
                m = pattern.match(low, start)
                if m is not None:
                    end = m.end()
                    yield m


def _probe(pattern: str) -> re.Pattern[str] | regex.Pattern[str]:
    # The `regex` engine finds the date shape ("9.6.") four times faster than `re`, which tries a
    # leading \d at every position; both read \d as any Unicode decimal digit.  The others stay
    # with `re`, the engine of the rules they gate (its \s is not `regex`'s).
    return regex.compile(pattern) if pattern == DATE_SHAPE else re.compile(pattern)


@cache
def _build() -> tuple[Grammar, tuple[Rule, ...], Scan]:
    g = Grammar(time_lexicon())
    table = _patterns(g)
    # a rule needs its gate's needles (a match holds one) and its further needs
    plan = Scan([[needles, *extra] for _, _, needles, _, extra, _ in table])
    families: dict[str, Family] = {}
    out = []
    for (rule_id, handler, needles, pattern, _, head), requires in zip(table, plan.requires, strict=True):
        try:
            family = None if head is None else families.setdefault(head, Family(head))
            out.append(Rule(rule_id, handler, needles, re.compile(pattern), requires, family))
        except re.error as exc:  # a word list produced an unusable pattern
            raise ValueError(f"period rule {rule_id}: {exc}") from exc
    return g, tuple(out), plan
