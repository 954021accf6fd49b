"""What stands around a number: its unit, qualifier, statistic, rate and change.

Scope is the clause: a sentence cut at commas, semicolons, colons, brackets
and spaced dashes ("Keskimääräinen palautus on noin 800 euroa, mutta mediaani
vain noin 350 euroa" gives 800 the mean and 350 the median).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

from tiedote.claims.measure import tense
from tiedote.lang.lexicon import Lexicon
from tiedote.numbers.mentions import Num
from tiedote.numbers.scale import scale_by
from tiedote.text.segment import Token

_CLAUSE_SYMS = frozenset(",;")
# "eli 35 prosenttia": a restatement starts a clause of its own
_CLAUSE_WORDS = frozenset({"eli", "mutta", "kun", "vaikka"})
_DASH = frozenset("–—")
_PER = frozenset({"kohden", "kohti"})
_PERIOD_UNITS = frozenset({"hour", "day", "week", "month", "quarter", "year"})
# Words after a bare number that leave it without a unit of its own, so it
# takes the unit of a neighbouring figure ("3,1 ja lähijunissa 1,8 prosenttia").
_ELLIPSIS_WORDS = frozenset({"ja", "tai", "eli", "kun", "mutta", "sekä", "vaan"})


# How far (in tokens) a word may stand from its figure and still qualify it.
# A Finnish clause is rarely longer; the bound keeps a sentence with no
# punctuation (a pasted table, a hostile input) linear in its length.
WINDOW = 40


@dataclass(slots=True)
class Cues:
    """The tokens of a sentence that can be a statistic, change or rate word, found once per sentence.

    Every figure of the sentence then looks only at these (in text order)
    instead of testing each word of its window against every list.
    """

    statistic: list[tuple[int, str]]  # (token index, statistic)
    change: list[int]  # comparatives, change words and weak-change words
    rate: list[tuple[int, str, int]]  # (token index, rate, index of the phrase's last token)
    # pronouns standing alone as a subject ("se oli", "mikä on"), not "niiden yhteismäärä"
    anaphora: list[int]
    kuin: bool  # the sentence compares ("suurempi kuin vuotta aiemmin")
    # a superlative before a period noun ("vilkkain kuukausi"): (token index, "max" | "min")
    superlative: list[tuple[int, str]]


def cues(toks: list[Token], lex: Lexicon) -> Cues:
    statistic: list[tuple[int, str]] = []
    change: list[int] = []
    rate: list[tuple[int, str, int]] = []
    anaphora: list[int] = []
    superlative: list[tuple[int, str]] = []
    kuin = False
    n = len(toks)
    classes, rate_words, comparatives = lex.classes, lex.rate_words, lex.comparatives
    for k, t in enumerate(toks):
        low = t.lower
        if t.kind == "word":
            wc = classes(low)
            if wc.cue:
                if wc.statistic is not None:
                    statistic.append((k, wc.statistic))
                if wc.change is not None or wc.weak_change is not None or low in comparatives:
                    change.append(k)
                if low in lex.anaphora and not (
                        k + 1 < n and toks[k + 1].kind == "word" and toks[k + 1].lower not in lex.stopwords
                        and tense(toks[k + 1].lower) is None):
                    anaphora.append(k)
                sup = lex.superlatives.get(low)
                # "Vilkkain kuukausi oli heinäkuu, 21 870 kävijää": the max over the period noun after it
                # ("kiireisimpänä kesäkuun vuorokautena": a genitive may stand between)
                if sup is not None and k + 1 < n and (lex.unit_forms.get(toks[k + 1].lower) in _PERIOD_UNITS or (
                        k + 2 < n and toks[k + 1].lower.endswith("n")
                        and lex.unit_forms.get(toks[k + 2].lower) in _PERIOD_UNITS)):
                    superlative.append((k, sup))
            if low == "kuin":
                kuin = True
        # the phrase read_rate reads at k: "viikossa", "asukasta kohden", "/kk"
        phrase, end = low, k
        if k + 1 < n and toks[k + 1].lower in _PER:
            two = f"{low} kohden"
            if two in rate_words:
                phrase, end = two, k + 1
        elif k + 1 < n and t.text == "/":
            phrase, end = "/" + toks[k + 1].lower, k + 1
        r = rate_words.get(phrase)
        if r is not None:
            rate.append((k, r, end))
    return Cues(statistic, change, rate, anaphora, kuin, superlative)


def clauses(toks: list[Token]) -> list[int]:
    """The clause index of every token."""
    out: list[int] = []
    c = 0
    for k, t in enumerate(toks):
        if t.kind == "sym":
            if t.text in _CLAUSE_SYMS or t.text in _DASH and t.space_before:
                c += 1
            elif t.text == ":" and (k + 1 >= len(toks) or toks[k + 1].space_before):
                c += 1  # "suureni hieman: asiointeja oli" but not "30 000:een"
        elif t.lower in _CLAUSE_WORDS and k > 0 and toks[k - 1].text != ",":
            c += 1
        out.append(c)
    return out


@dataclass(slots=True)
class Unit:
    unit: str | None  # None: no unit word (a bare number)
    start: int = -1
    end: int = -1
    token: int = -1  # index of the unit token, -1 if none
    rule: str = ""
    bare: bool = False


def after_number(toks: list[Token], num: Num) -> int:
    j = num.j if num.tail < 0 else num.tail
    if j + 1 < len(toks) and toks[j].text == ":" and not toks[j].space_before and toks[j + 1].kind == "word" \
            and not toks[j + 1].space_before:
        j += 2
    return j


def read_unit(toks: list[Token], num: Num, lex: Lexicon) -> Unit:
    if num.share:
        t = toks[num.i]  # "neljännes", "kaksi kolmasosaa": a share (contract.md)
        return Unit("percent", t.start, toks[num.j - 1].end, num.j - 1, "unit.share")
    k = after_number(toks, num)
    if num.unit_hint is not None:  # "4,2 Me": the scale word is the unit too
        s = num.j - 1 if num.tail < 0 else num.tail - 1
        if not (k < len(toks) and toks[k].text == "€"):
            return Unit(num.unit_hint, toks[s].start, toks[s].end, s, "unit.scaled_abbreviation")
    if k < len(toks):
        t = toks[k]
        if t.text == "%":
            # "0,4 %-yksikköä"
            if k + 2 < len(toks) and toks[k + 1].text == "-" and toks[k + 2].lower.startswith("yks"):
                return Unit("percentage_point", t.start, toks[k + 2].end, k, "unit.percent_sign_points")
            return Unit("percent", t.start, t.end, k, "unit.percent_sign")
        unit = lex.unit_symbols.get(t.text) or lex.unit_forms.get(t.lower)
        if unit is None and k + 1 < len(toks) and toks[k + 1].text == "." and not toks[k + 1].space_before:
            unit = lex.unit_forms.get(t.lower + ".")
        # "m²", "km/h", "°C": a unit written in parts
        end = k
        if k + 1 < len(toks) and not toks[k + 1].space_before and t.lower in lex.unit_part_firsts:
            nxt = toks[k + 1].lower
            two = nxt + toks[k + 2].lower if k + 2 < len(toks) and not toks[k + 2].space_before else ""
            parted = lex.unit_suffixes.get((t.lower, nxt)) or (lex.unit_suffixes.get((t.lower, two)) if two else None)
            if parted is not None:
                unit, end = parted, k + (1 if (t.lower, nxt) in lex.unit_suffixes else 2)
        # "e-kirja" is no euro
        if unit is not None and not (t.lower == "e" and end + 1 < len(toks) and toks[end + 1].text == "-"
                                     and not toks[end + 1].space_before):
            rule = "unit.word" if end == k else "unit.written_in_parts"
            return Unit(unit, t.start, toks[end].end, k, rule)
    # "arvosanan 9", "kokonaisarvosanan 4,6": a grade word just before the number
    for b in range(num.i - 1, max(-1, num.i - 3), -1):
        g = lex.grade_forms.get(toks[b].lower)
        if g is None and "arvosan" in toks[b].lower:
            g = "score"  # any compound of "arvosana"
        if g is not None:
            return Unit(g, toks[b].start, toks[b].end, b, "unit.grade")
        if toks[b].kind != "word":
            break
    # "keskiarvo oli 3,6 asteikolla 1–5": a figure given on a scale is a score
    for a in range(k, min(len(toks), k + 3)):
        if toks[a].lower in lex.nonclaim["scale"]:
            return Unit("score", toks[a].start, toks[a].end, a, "unit.on_scale")
    bare = k >= len(toks) or (toks[k].kind == "sym" and toks[k].text not in "%€$") \
        or toks[k].lower in _ELLIPSIS_WORDS
    return Unit(None, bare=bare)


@dataclass(slots=True)
class Found:
    value: str
    start: int
    end: int
    rule: str


def read_qualifier(toks: list[Token], num: Num, lex: Lexicon) -> Found | None:
    if num.qualifier is not None:
        return Found(num.qualifier, toks[num.i].start, toks[num.i].end, "qualifier.vague_word")
    b = num.i - 1
    skipped = 0
    while b >= 0 and skipped <= 2:
        t = toks[b]
        if t.text == "~":
            return Found("approximate", t.start, t.end, "qualifier.tilde")
        if t.text == "." and b > 0 and not t.space_before:
            q = lex.qualifier(toks[b - 1].lower + ".")
            if q is not None:
                return Found(q, toks[b - 1].start, t.end, "qualifier.abbreviation")
            return None
        if t.kind != "word":
            return None
        q = lex.qualifier(t.lower)
        if q is not None:
            return Found(q, t.start, t.end, "qualifier.word")
        if t.lower not in lex.qualifier_skip:
            return None
        skipped += 1
        b -= 1
    return None


def _nearest(cands: list[tuple[int, Found]], num: Num) -> Found | None:
    if not cands:
        return None
    return min(cands, key=lambda c: (min(abs(c[0] - num.i), abs(c[0] - (num.j - 1))), c[0]))[1]


def read_statistic(toks: list[Token], num: Num, clause: list[int], lex: Lexicon,
                   figures: list[Num] | None = None, found: Cues | None = None) -> Found | None:
    """The statistic word of the figure's clause that stands nearer to it than to any other figure
    ("yhteensä 212 milj. euroa 118 400 eläkkeensaajalle": the total is the euros).

    ``found``: the sentence's cues, when the caller has them (else they are found here)."""
    cue = found or cues(toks, lex)
    stats = cue.statistic
    if cue.superlative:
        # "Vilkkain kuukausi oli heinäkuu, 21 870 kävijää": the first figure after the superlative,
        # in its clause or the apposition after it
        for k, name in cue.superlative:
            if k < num.i and clause[num.i] - clause[k] <= 1 and (
                    figures is None or next((f for f in figures if f.i > k), None) is num):
                t = toks[k]
                return Found(name, t.start, t.end, f"statistic.superlative_{name}")
    if not stats:  # most sentences name no statistic
        return None
    c = clause[num.i]
    lo, hi = max(0, num.i - WINDOW), min(len(toks), num.j + WINDOW)
    cands: list[tuple[int, Found]] = []
    for k, name in stats:
        if k < lo or k >= hi or clause[k] != c or num.i <= k < num.j:
            continue
        t = toks[k]
        cands.append((k, Found(name, t.start, t.end, f"statistic.{name}")))
    if figures:
        # the figures of the word's own clause ("keskimäärin 9 minuuttia, ja pahimmillaan ... 1 h 15 min")
        own = [f for f in figures if clause[f.i] == c] or figures
        cands = [(k, f) for k, f in cands if _owner(k, own) is num]
    # "matalin kattavuus on noin 6 prosenttia ja korkein 58": a word before its figure wins
    before = [c_ for c_ in cands if c_[0] < num.i]
    return _nearest(before or cands, num)


def _owner(k: int, figures: list[Num]) -> Num:
    """The figure nearest to token k; on a tie the one after it ("yhteensä noin 310 000")."""
    at = bisect.bisect_left(figures, k, key=lambda n: n.i)  # figures are in text order

    def distance(n: Num) -> tuple[int, int]:
        d = n.i - k if k < n.i else k - (n.j - 1)
        return (d, 0 if n.i > k else 1)
    return min(figures[max(0, at - 1):at + 1], key=distance)


def read_change(toks: list[Token], num: Num, clause: list[int], lex: Lexicon, unit: str | None = None,
                cue: Cues | None = None) -> Found | None:
    if num.compared:
        return None  # "45,2 (42,1)": the bracketed figure is the old level, no change of its own
    if num.sign:
        signed = _signed_change(toks, num)
        if signed is not None:
            return signed
    cue = cue or cues(toks, lex)
    if not cue.change:
        return None
    if _from_value(toks, num, clause):
        return None  # "laski 14 päivästä 5 päivään": the old level (contract.md), the to-value changes
    c = clause[num.i]
    found = _change_in_clause(toks, num, clause, c, lex, unit, cue)
    if found is None and c > 0:
        # the clause's first token (clause indices never decrease), if the previous clause ends in the window
        first = bisect.bisect_left(clause, c)
        if first - 1 > num.i - WINDOW:
            opener = next((toks[k].lower for k in range(first, num.i) if toks[k].kind == "word"), "")
            # "väheni vuodentakaisesta 142:lla eli 4 prosenttia": a restatement shares the change;
            # "pysyi ennallaan, sillä muutos ... oli 0,0 prosenttia": so does an explanation
            # that speaks of the change itself (not "sillä vuotta aiemmin käyntejä kertyi …")
            explains = opener in ("sillä", "koska") and any(
                toks[k].lower in lex.change_explained_by for k in range(first, num.i))
            if opener == "eli" or explains:
                found = _change_in_clause(toks, num, clause, c - 1, lex, unit, cue)
    return found


# "päivästä", "4 310:stä": the elative of the old level; "päivään", "pisteeseen", "4 655:een": the
# illative of the new one (a doubled vowel and n, or -seen/-siin/-hin)
_ELATIVE_END = ("sta", "stä")
_ILLATIVE_END = regex.compile(r"(?:([aeiouyäö])\1n|seen|siin|hin)$")


def _case_word(toks: list[Token], j: int) -> str:
    """The case-bearing word at toks[j] after a figure: its colon ending ("4 310:stä") or its unit word."""
    if j + 1 < len(toks) and toks[j].text == ":" and not toks[j].space_before:
        return toks[j + 1].lower
    return toks[j].lower if j < len(toks) and toks[j].kind == "word" else ""


def _from_value(toks: list[Token], num: Num, clause: list[int]) -> bool:
    """"kasvoi 4 310:stä 4 655:een", "lyheni 14 päivästä 5 päivään": the figure in the elative with a
    figure in the illative after it in its clause is the old level of a change from X to Y."""
    if not _case_word(toks, num.j if num.tail < 0 else num.tail).endswith(_ELATIVE_END):
        return False
    c = clause[num.i]
    for k in range(num.j, min(len(toks), num.j + 6)):
        if clause[k] != c:
            return False
        if toks[k].kind == "num":
            m = k + 1  # past the later groups of a grouped figure ("4 655:een")
            while m < len(toks) and toks[m].kind == "num" and toks[m].space_before:
                m += 1
            return _ILLATIVE_END.search(_case_word(toks, m)) is not None
    return False


def _signed_change(toks: list[Token], num: Num) -> Found | None:
    """"(+3,1 %)" is an increase, "(−2,4 %)" a decrease: a signed figure in brackets is a change
    (contract.md); a plain "+4 %" is one too, a plain "-40 asukasta" only a negative value."""
    if not num.sign:
        return None
    sign = toks[num.i - 1]
    bracketed = num.i >= 2 and toks[num.i - 2].text in "(["
    if num.sign == "+" or bracketed:
        direction = "increase" if num.sign == "+" else "decrease"
        return Found(direction, sign.start, sign.end, f"change.sign_{direction}")
    return None


def _change_in_clause(toks: list[Token], num: Num, clause: list[int], c: int, lex: Lexicon,
                      unit: str | None, cue: Cues) -> Found | None:
    lo, hi = max(0, num.i - WINDOW), min(len(toks), num.j + WINDOW)
    cands: list[tuple[int, Found]] = []
    for k in cue.change:
        if k < lo or k >= hi or clause[k] != c or num.i <= k < num.j:
            continue
        t = toks[k]
        comp = lex.comparatives.get(t.lower)
        if comp is not None:
            if _comparison_is_over_time(toks, k, clause, lex):
                cands.append((k, Found(comp, t.start, t.end, "change.comparative")))
            continue
        wc = lex.classes(t.lower)
        direction = wc.change if wc.change is not None else (
            wc.weak_change if unit not in (None, "count") else None)
        if direction is not None:
            cands.append((k, Found(direction, t.start, t.end, f"change.{direction}")))
    return _nearest(cands, num)


def _comparison_is_over_time(toks: list[Token], k: int, clause: list[int], lex: Lexicon) -> bool:
    """"enemmän kuin vuotta aiemmin" is a change; "enemmän kuin syntyneitä" compares groups."""
    c = clause[k]
    for m in range(k + 1, min(len(toks), k + 3)):
        if toks[m].lower == "kuin":
            rest = [toks[x] for x in range(m + 1, min(len(toks), m + 5)) if clause[x] == c]
            return any(t.lower in lex.change_time or t.kind == "num" for t in rest)
    return True


def read_rate(toks: list[Token], num: Num, unit: Unit, clause: list[int], lex: Lexicon,
              has_change: bool, cue: Cues | None = None) -> Found | None:
    rates = (cue or cues(toks, lex)).rate
    if not rates:
        return None
    c = clause[num.i]
    lo, hi = max(0, num.i - WINDOW), min(len(toks), num.j + WINDOW)
    cands: list[tuple[int, Found]] = []
    for k, rate, end in rates:
        if k < lo or k >= hi or clause[k] != c or num.i <= k < num.j or k == unit.token:
            continue
        if unit.start <= toks[k].start < unit.end:
            continue  # "134 km/h": the "/h" is the unit's, not a rate
        t, end_tok = toks[k], toks[end]
        # "kahdessa viikossa" is a duration of its own, not "per week"
        if k > 0 and toks[k - 1].kind == "num" and k - 1 != num.j - 1:
            continue
        # "kasvoi vuodessa 10 400:lla", "kasvanut jopa 20 prosenttia vuodessa": a window
        # of change, not a rate (contract.md)
        if has_change and rate in ("year", "month", "week", "quarter") and (
                k < num.i or unit.unit in ("percent", "percentage_point")):
            continue
        cands.append((k, Found(rate, t.start, end_tok.end, f"rate.{rate}")))
    return _nearest(cands, num)


# Longest plausible duration stated in an inessive unit ("käsiteltiin 23 päivässä");
# a larger figure before "kuukaudessa" is a count per month ("noin 1 900 kuukaudessa").
# (weeks: a duration is counted in weeks up to about two years; "noin 520 viikossa" is a count per week)
_MAX_DURATION = {"second": 100_000, "minute": 10_000, "hour": 1_000, "day": 400, "week": 104, "month": 120,
                 "year": 100}


def duration_or_rate(toks: list[Token], num: Num, unit: Unit, lex: Lexicon) -> Unit:
    if unit.token < 0 or unit.unit not in _MAX_DURATION or not toks[unit.token].lower.endswith(("ssa", "ssä")):
        return unit
    value = num.value if num.value is not None else num.high
    if value is not None and value > _MAX_DURATION[unit.unit] and toks[unit.token].lower in lex.rate_words:
        return Unit(None, bare=False, rule="unit.rate_not_duration")
    return unit


def scaled_or_length(toks: list[Token], num: Num, unit: Unit, factor: float, lex: Lexicon) -> Unit:
    """"45 senttiä" is 0.45 EUR (contract.md), but "15 senttiä lunta" is a length in cm."""
    length_unit, words = lex.factor_as_length
    if length_unit and any(t.lower in words for t in toks):
        return Unit(length_unit, unit.start, unit.end, unit.token, "unit.length_not_money")
    scale_by(num, factor)
    return unit
